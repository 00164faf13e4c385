using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>(instant, score) pairs for trend summaries: instants within a year from 2026-01-01, scores either on a
/// 1–5 scale (many ties) or continuous in [0, 10).</summary>
public sealed record TrendSample(Instant[] Times, double[] Scores)
{
    public override string ToString() =>
        $"TrendSample[{Times.Length}]: " + string.Join(", ", Times.Zip(Scores, (t, s) => $"({t}, {s:R})"));
}

/// <summary>Responses for key-driver analysis with three dimensions, row-major ratings.</summary>
public sealed record DriverSample(double[] Ratings, double[] Overall)
{
    public const int Dimensions = 3;

    public override string ToString() => $"DriverSample[{Overall.Length}]: ratings {string.Join(",", Ratings)} overall {string.Join(",", Overall)}";
}

/// <summary>Two samples for the two-sample tests.</summary>
public sealed record TwoSamples(double[] X, double[] Y)
{
    public override string ToString() => $"x = c({string.Join(", ", X.Select(v => v.ToString("R")))}), y = c({string.Join(", ", Y.Select(v => v.ToString("R")))})";
}

public static class StatisticsGenerators
{
    private static readonly Instant Origin = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static Gen<double> Score =>
        Gen.OneOf(
            Gen.Choose(1, 5).Select(v => (double)v),
            Gen.Choose(0, 1_000_000).Select(v => v / 100_000.0));

    private static Gen<double> Rating => Gen.Choose(1, 5).Select(v => (double)v);

    public static Arbitrary<TrendSample> TrendSamples() =>
        Arb.From(
            from n in Gen.Choose(0, 40)
            from seconds in Gen.Choose(0, 365 * 86_400).ArrayOf(n)
            from scores in Score.ArrayOf(n)
            select new TrendSample(seconds.Select(s => Origin + Duration.FromSeconds(s)).ToArray(), scores));

    /// <summary>Ratings on a 1–5 scale; overall is a noisy sum of the dimensions, and sometimes the third dimension
    /// copies the first (exact collinearity) or is constant.</summary>
    public static Arbitrary<DriverSample> DriverSamples() =>
        Arb.From(
            from n in Gen.Choose(0, 30)
            from dims in Rating.ArrayOf(n * DriverSample.Dimensions)
            from noise in Gen.Choose(-1, 1).ArrayOf(n)
            from shape in Gen.Choose(0, 3)
            select Build(n, dims, noise, shape));

    public static Arbitrary<TwoSamples> TwoSampleSets() =>
        Arb.From(
            from nx in Gen.Choose(0, 25)
            from ny in Gen.Choose(0, 25)
            from x in Score.ArrayOf(nx)
            from y in Score.ArrayOf(ny)
            select new TwoSamples(x, y));

    private static DriverSample Build(int n, double[] dims, int[] noise, int shape)
    {
        const int k = DriverSample.Dimensions;
        var overall = new double[n];
        for (var r = 0; r < n; r++)
        {
            if (shape == 1)
            {
                dims[(r * k) + 2] = dims[r * k];
            }
            else if (shape == 2)
            {
                dims[(r * k) + 2] = 3;
            }

            overall[r] = Math.Round((dims[r * k] + dims[(r * k) + 1] + dims[(r * k) + 2]) / 3.0) + noise[r];
        }

        return new DriverSample(dims, overall);
    }
}
