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
}
