using System.Globalization;
using MathNet.Numerics.Distributions;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>Argument checks and distribution helpers shared by the inferential statistics.</summary>
internal static class StatisticsGuard
{
    /// <summary>The default confidence level of every method.</summary>
    internal const double DefaultLevel = 0.95;

    internal static double Level(double level, string parameterName)
    {
        if (!(level > 0.0 && level < 1.0))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"Confidence level must be in (0, 1); got {Format(level)}.");
        }

        return level;
    }

    internal static double Finite(double value, string what, string parameterName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{what} must be a finite number; got {Format(value)}.", parameterName);
        }

        return value;
    }

    /// <summary>Throws for the first non-finite value of <paramref name="values"/>; call when a sum came out non-finite.</summary>
    internal static void AllFinite(ReadOnlySpan<double> values, string what, string parameterName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"{what} must be finite numbers; got {Format(values[i])} at index {i.ToString(CultureInfo.InvariantCulture)}.",
                    parameterName);
            }
        }
    }

    internal static void SameLength(int expected, int actual, string expectedName, string parameterName)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                $"Expected as many values as {expectedName} ({expected.ToString(CultureInfo.InvariantCulture)}); got {actual.ToString(CultureInfo.InvariantCulture)}.",
                parameterName);
        }
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Two-sided p-value of a Student-t statistic, computed from the lower tail to keep precision.</summary>
    internal static double TwoSidedT(double t, double degreesOfFreedom) =>
        Math.Min(1.0, 2.0 * StudentT.CDF(0.0, 1.0, degreesOfFreedom, -Math.Abs(t)));

    /// <summary>Two-sided p-value of a standard normal statistic.</summary>
    internal static double TwoSidedNormal(double z) => Math.Min(1.0, 2.0 * Normal.CDF(0.0, 1.0, -Math.Abs(z)));

    /// <summary>The upper (1 + level) / 2 quantile of Student's t.</summary>
    internal static double TQuantile(double level, double degreesOfFreedom) => StudentTQuantiles.Quantile(level, degreesOfFreedom);

    /// <summary>The upper (1 + level) / 2 quantile of the standard normal.</summary>
    internal static double ZQuantile(double level) => Normal.InvCDF(0.0, 1.0, 0.5 + (level / 2.0));

    internal static ConfidenceInterval Around(double estimate, double halfWidth, double level) =>
        new(estimate - halfWidth, estimate + halfWidth, level);
}
