using InternalCustomer.Feedback;

namespace InternalCustomer.Tests.Feedback;

/// <summary>Comparisons shared by the feedback tests.</summary>
internal static class Close
{
    /// <summary>Relative error ≤ <paramref name="tolerance"/>, or absolute error ≤ tolerance near zero.</summary>
    public static bool Enough(double expected, double actual, double tolerance = 1e-9) =>
        Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected));

    public static void Equal(double expected, double? actual, double tolerance = 1e-9)
    {
        Assert.NotNull(actual);
        Assert.True(Enough(expected, actual!.Value, tolerance), $"expected {expected:R}, got {actual.Value:R}");
    }

    /// <summary>An estimate with its value, interval and count, each within <paramref name="tolerance"/>.</summary>
    public static void Interval(MetricEstimate e, double value, double lower, double upper, long n, double tolerance = 1e-9)
    {
        Assert.Equal(EstimateStatus.Estimated, e.Status);
        Assert.Equal(n, e.Count);
        Equal(value, e.Value, tolerance);
        Assert.NotNull(e.Interval);
        Equal(lower, e.Interval!.Value.Lower, tolerance);
        Equal(upper, e.Interval!.Value.Upper, tolerance);
    }
}
