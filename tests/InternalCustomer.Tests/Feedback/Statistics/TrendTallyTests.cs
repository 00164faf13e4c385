using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;
using NodaTime;

namespace InternalCustomer.Tests.Feedback.Statistics;

/// <summary>
/// The exact trend tally against R 4.x <c>lm(y ~ t)</c> (R 4.2.2 Patched, Debian r-base-core), t in days since the Unix
/// epoch, and its algebra: one at a time, from its parts, and merged from any split are the same tally.
/// </summary>
/// <remarks>
/// The R script (run with <c>Rscript trend.R</c>):
/// <code>
/// options(digits = 17)
/// origin &lt;- as.numeric(as.POSIXct("2026-01-01", tz = "UTC")) / 86400
/// report &lt;- function(name, t, y) {
///   fit &lt;- lm(y ~ t); s &lt;- summary(fit)
///   cat("==", name, "\n")
///   print(s$coefficients)
///   print(confint(fit))
///   cat("r.squared", s$r.squared, "df", s$df[2], "\n")
///   cat("mean t", mean(t), "mean y", mean(y), "\n")
///   cat("Ctt", sum((t - mean(t))^2), "Cty", sum((t - mean(t)) * (y - mean(y))), "Cyy", sum((y - mean(y))^2), "\n")
/// }
/// d &lt;- c(0, 1.25, 3.5, 4, 7.75, 10, 12.5, 15); y &lt;- c(2, 3, 3, 4, 3, 5, 4, 5)
/// report("A", origin + d, y)
/// t &lt;- c(-3.5, -2, -1.25, 0.5, 1, 2.75); y &lt;- c(9, 7, 8, 6, 4, 5)
/// report("B", t, y)
/// d &lt;- c(0, 0, 6.5, 13, 13, 30, 41.75, 55, 60, 60, 77.5, 90); y &lt;- c(6, 7, 6, 5, 7, 5, 4, 6, 3, 4, 4, 2)
/// report("C", origin + d, y)
/// </code>
/// Its output:
/// <code>
/// == A
///                            Estimate             Std. Error             t value             Pr(>|t|)
/// (Intercept) -3239.39768602485582960 952.043240424387249732 -3.4025741147858439 0.014450061962709161
/// t               0.15849969751963425   0.046530220595835808  3.4063818200298641 0.014382508473180027
///                               2.5 %                 97.5 %
/// (Intercept) -5.5689635738217476e+03 -909.83179822796364533
/// t            4.4644349307293898e-02    0.27235504573197461
/// r.squared 0.65915747222486509 df 6
/// mean t 20460.75 mean y 3.625
/// Ctt 206.625 Cty 32.75 Cyy 7.875
/// == B
///                        Estimate          Std. Error             t value                Pr(>|t|)
/// (Intercept)  6.1986970684039111 0.42278786121684486 14.6614830675676462 0.00012591841056160263
/// t           -0.7231270358306191 0.20070275159966389 -3.6029751962395622 0.02269795601255724521
///                           2.5 %               97.5 %
/// (Intercept)  5.0248497805913583  7.37254435621646387
/// t           -1.2803672081092345 -0.16588686355200366
/// r.squared 0.7644485807352257 df 4
/// mean t -0.41666666666666669 mean y 6.5
/// Ctt 25.583333333333332 Cty -18.5 Cyy 17.5
/// == C
///                         Estimate             Std. Error             t value                Pr(>|t|)
/// (Intercept) 854.4233846779253554 1.8231724297558276e+02  4.6864650360709756 0.00085903521717053423
/// t            -0.0414570893284021 8.8973212639165602e-03 -4.6595023489297809 0.00089499273840997645
///                              2.5 %                  97.5 %
/// (Intercept) 448.195252217007805484 1260.651517138842791610
/// t            -0.061281556515138211   -0.021632622141665992
/// r.squared 0.68465163699696452 df 10
/// mean t 20491.229166666668 mean y 4.916666666666667
/// Ctt 10722.432291666668 Cty -444.52083333333331 Cyy 26.916666666666668
/// </code>
/// The summary reports the slope per 30 days (R's slope × 30) and no intercept; the intercept and its standard error
/// are derived here from the summary's moments (ȳ − b·t̄ and σ·√(1/n + t̄²/Ctt), σ = SE/30·√Ctt), which checks them too.
/// </remarks>
public sealed class TrendTallyTests
{
    private const double Relative = 1e-9;

    private static readonly Instant Origin = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static readonly Instant Epoch = Instant.FromUnixTimeTicks(0);

    private sealed record RFit(
        double Intercept,
        double InterceptSe,
        double Slope,
        double SlopeSe,
        double SlopeT,
        double SlopeP,
        double SlopeLower,
        double SlopeUpper,
        double RSquared,
        double Df,
        double MeanT,
        double MeanY,
        double Ctt,
        double Cty,
        double Cyy);

    [Fact]
    public void R_4x_lm_A_eight_ratings_over_two_weeks_of_2026()
    {
        var tally = Tally(Origin, [0, 1.25, 3.5, 4, 7.75, 10, 12.5, 15], [2, 3, 3, 4, 3, 5, 4, 5]);
        AssertMatches(
            new RFit(
                Intercept: -3239.39768602485582960,
                InterceptSe: 952.043240424387249732,
                Slope: 0.15849969751963425,
                SlopeSe: 0.046530220595835808,
                SlopeT: 3.4063818200298641,
                SlopeP: 0.014382508473180027,
                SlopeLower: 4.4644349307293898e-02,
                SlopeUpper: 0.27235504573197461,
                RSquared: 0.65915747222486509,
                Df: 6,
                MeanT: 20460.75,
                MeanY: 3.625,
                Ctt: 206.625,
                Cty: 32.75,
                Cyy: 7.875),
            tally);
    }

    [Fact]
    public void R_4x_lm_B_six_ratings_either_side_of_the_Unix_epoch()
    {
        // Negative ticks: the mean instant's floor division must round towards −∞.
        var tally = Tally(Epoch, [-3.5, -2, -1.25, 0.5, 1, 2.75], [9, 7, 8, 6, 4, 5]);
        AssertMatches(
            new RFit(
                Intercept: 6.1986970684039111,
                InterceptSe: 0.42278786121684486,
                Slope: -0.7231270358306191,
                SlopeSe: 0.20070275159966389,
                SlopeT: -3.6029751962395622,
                SlopeP: 0.02269795601255724521,
                SlopeLower: -1.2803672081092345,
                SlopeUpper: -0.16588686355200366,
                RSquared: 0.7644485807352257,
                Df: 4,
                MeanT: -0.41666666666666669,
                MeanY: 6.5,
                Ctt: 25.583333333333332,
                Cty: -18.5,
                Cyy: 17.5),
            tally);
    }

    [Fact]
    public void R_4x_lm_C_twelve_ratings_with_ties_falling_over_ninety_days()
    {
        var tally = Tally(Origin, [0, 0, 6.5, 13, 13, 30, 41.75, 55, 60, 60, 77.5, 90], [6, 7, 6, 5, 7, 5, 4, 6, 3, 4, 4, 2]);
        AssertMatches(
            new RFit(
                Intercept: 854.4233846779253554,
                InterceptSe: 1.8231724297558276e+02,
                Slope: -0.0414570893284021,
                SlopeSe: 8.8973212639165602e-03,
                SlopeT: -4.6595023489297809,
                SlopeP: 0.00089499273840997645,
                SlopeLower: -0.061281556515138211,
                SlopeUpper: -0.021632622141665992,
                RSquared: 0.68465163699696452,
                Df: 10,
                MeanT: 20491.229166666668,
                MeanY: 4.916666666666667,
                Ctt: 10722.432291666668,
                Cty: -444.52083333333331,
                Cyy: 26.916666666666668),
            tally);
    }

    [Property(MaxTest = 200)]
    public Property One_at_a_time_equals_FromParts_equals_merged_from_any_split(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(0, 60);

        // Instants from 1960 to 2100 (negative ticks too), some repeated; scores on 0–10 with a few far outside.
        var pool = Enumerable.Range(0, 1 + random.Next(8)).Select(_ => Epoch + Duration.FromSeconds(random.NextInt64(-315_619_200L, 4_102_444_800L))).ToArray();
        var pairs = Enumerable.Range(0, n)
            .Select(_ => (Time: random.Next(3) == 0 ? pool[random.Next(pool.Length)] : Epoch + Duration.FromTicks(random.NextInt64(-3_156_192_000_000_000L, 41_024_448_000_000_000L)),
                Score: random.Next(10) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(0, 11)))
            .ToArray();

        var oneByOne = pairs.Aggregate(TrendTally.Empty, static (t, p) => t.Add(p.Time, p.Score));
        var fromParts = TrendTally.FromParts(oneByOne.Count, oneByOne.SumTicks, oneByOne.SumSquaredTicks, oneByOne.SumScores, oneByOne.SumSquaredScores, oneByOne.SumTickScoreProducts);

        // The sums by BigInteger from the definition, independent of the tally's 128- and 192-bit arithmetic.
        BigInteger t = 0, tt = 0, y = 0, yy = 0, ty = 0;
        foreach (var (time, score) in pairs)
        {
            BigInteger ticks = time.ToUnixTimeTicks();
            t += ticks;
            tt += ticks * ticks;
            y += score;
            yy += (BigInteger)score * score;
            ty += ticks * score;
        }

        var sumsAreTheDefinition = oneByOne.Count == n && (BigInteger)oneByOne.SumTicks == t && oneByOne.SumSquaredTicks == tt
            && (BigInteger)oneByOne.SumScores == y && (BigInteger)oneByOne.SumSquaredScores == yy && oneByOne.SumTickScoreProducts == ty;

        // Any split: a random assignment of the pairs, shuffled, to k parts, the parts merged in a random order, as a
        // left fold and as a balanced tree.
        var k = 1 + random.Next(6);
        var parts = new TrendTally[k];
        foreach (var (time, score) in pairs.OrderBy(_ => random.Next()))
        {
            var p = random.Next(k);
            parts[p] = parts[p].Add(time, score);
        }

        var order = parts.OrderBy(_ => random.Next()).ToArray();
        var folded = order.Aggregate(TrendTally.Empty, static (a, b) => a.Merge(b));
        var tree = MergeTree(order);
        var summary = oneByOne.ToSummary();
        var sameSummary = BitEqual(summary, fromParts.ToSummary()) && BitEqual(summary, folded.ToSummary()) && BitEqual(summary, tree.ToSummary());
        var of = TrendTally.Of([.. pairs.Select(static p => p.Time)], [.. pairs.Select(static p => p.Score)]);

        return (sumsAreTheDefinition && oneByOne == fromParts && oneByOne == folded && oneByOne == tree && oneByOne == of && sameSummary)
            .Label($"seed {seed}: n {n}, {k} parts; sums {sumsAreTheDefinition}, from parts {oneByOne == fromParts}, folded {oneByOne == folded}, tree {oneByOne == tree}, Of {oneByOne == of}, summaries {sameSummary}");
    }

    [Fact]
    public void Empty_is_the_identity_of_Merge_and_FromParts_of_nothing()
    {
        var tally = Tally(Origin, [0, 1, 2.5], [1, 5, 3]);
        Assert.Equal(tally, tally.Merge(TrendTally.Empty));
        Assert.Equal(tally, TrendTally.Empty.Merge(tally));
        Assert.Equal(TrendTally.Empty, TrendTally.FromParts(0, 0, 0, 0, 0, 0));
        Assert.Equal(TrendSummary.Empty, TrendTally.Empty.ToSummary());
    }

    private static TrendTally MergeTree(ReadOnlySpan<TrendTally> parts) =>
        parts.Length switch
        {
            0 => TrendTally.Empty,
            1 => parts[0],
            _ => MergeTree(parts[..(parts.Length / 2)]).Merge(MergeTree(parts[(parts.Length / 2)..])),
        };

    private static bool BitEqual(TrendSummary a, TrendSummary b) =>
        a.Count == b.Count
        && BitConverter.DoubleToInt64Bits(a.MeanDays) == BitConverter.DoubleToInt64Bits(b.MeanDays)
        && BitConverter.DoubleToInt64Bits(a.MeanScore) == BitConverter.DoubleToInt64Bits(b.MeanScore)
        && BitConverter.DoubleToInt64Bits(a.Ctt) == BitConverter.DoubleToInt64Bits(b.Ctt)
        && BitConverter.DoubleToInt64Bits(a.Cty) == BitConverter.DoubleToInt64Bits(b.Cty)
        && BitConverter.DoubleToInt64Bits(a.Cyy) == BitConverter.DoubleToInt64Bits(b.Cyy);

    // The tally of scores at origin + days (each day a multiple of 1/4, so exact in ticks and in R's doubles), added in a
    // scrambled order.
    private static TrendTally Tally(Instant origin, double[] days, int[] scores) =>
        Enumerable.Range(0, days.Length)
            .OrderBy(static i => (i * 7) % 5)
            .Aggregate(TrendTally.Empty, (t, i) => t.Add(origin + Duration.FromTicks((long)(days[i] * NodaConstants.TicksPerDay)), scores[i]));

    private static void AssertMatches(RFit r, TrendTally tally)
    {
        var summary = tally.ToSummary();
        var result = tally.Estimate();
        Assert.Equal(EstimateStatus.Estimated, result.Status);
        Assert.Equal((long)r.Df + 2, result.Count);
        Near("DegreesOfFreedom", r.Df, result.DegreesOfFreedom);
        Near("MeanDays", r.MeanT, summary.MeanDays);
        Near("MeanScore", r.MeanY, summary.MeanScore);
        Near("Ctt", r.Ctt, summary.Ctt);
        Near("Cty", r.Cty, summary.Cty);
        Near("Cyy", r.Cyy, summary.Cyy);
        Near("SlopePer30Days", r.Slope * 30, result.SlopePer30Days);
        Near("StandardError", r.SlopeSe * 30, result.StandardError);
        Near("T", r.SlopeT, result.T);
        Near("PValue", r.SlopeP, result.PValue);
        Near("Interval.Lower", r.SlopeLower * 30, result.Interval!.Value.Lower);
        Near("Interval.Upper", r.SlopeUpper * 30, result.Interval.Value.Upper);
        Near("RSquared", r.RSquared, result.RSquared);

        var slopePerDay = result.SlopePer30Days!.Value / 30;
        Near("intercept (ȳ − b·t̄)", r.Intercept, summary.MeanScore - (slopePerDay * summary.MeanDays));
        var sigma = result.StandardError!.Value / 30 * Math.Sqrt(summary.Ctt);
        Near("intercept SE", r.InterceptSe, sigma * Math.Sqrt((1.0 / summary.Count) + (summary.MeanDays * summary.MeanDays / summary.Ctt)));
    }

    private static void Near(string what, double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.True(
            Math.Abs(expected - actual!.Value) <= Relative * Math.Abs(expected),
            $"{what}: expected R's {expected:R} to 1e-9 relative; got {actual.Value:R} (relative difference {(actual.Value - expected) / expected:R}).");
    }
}
