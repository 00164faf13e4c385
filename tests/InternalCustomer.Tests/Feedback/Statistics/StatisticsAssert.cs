namespace InternalCustomer.Tests.Feedback.Statistics;

/// <summary>Tolerances of the issue: numbers to 1e-9, p-values to 1e-6.</summary>
internal static class StatisticsAssert
{
    public const double Number = 1e-9;
    public const double PValue = 1e-6;

    public static void Near(double expected, double? actual, double tolerance = Number)
    {
        Assert.NotNull(actual);
        Assert.True(
            Math.Abs(expected - actual!.Value) <= tolerance,
            $"Expected {expected:R} ± {tolerance:R}; got {actual.Value:R} (difference {actual.Value - expected:R}).");
    }

    public static void Interval(double lower, double upper, ConfidenceInterval? actual, double tolerance = Number)
    {
        Assert.NotNull(actual);
        Near(lower, actual!.Value.Lower, tolerance);
        Near(upper, actual.Value.Upper, tolerance);
    }

    /// <summary>|a − b| ≤ 1e-9 · max(1, |a|, |b|, scale): relative error, with <paramref name="scale"/> the natural
    /// size of a quantity that can cancel to 0 (a cross co-moment is compared relative to sqrt(Cxx·Cyy)).</summary>
    public static bool Close(double a, double b, double scale = 0) =>
        Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Max(1.0, scale), Math.Max(Math.Abs(a), Math.Abs(b)));

    public static void Rejects<T>(string parameter, string messageStart, Action act)
        where T : ArgumentException
    {
        var e = Assert.Throws<T>(act);
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(messageStart, e.Message, StringComparison.Ordinal);
    }
}
