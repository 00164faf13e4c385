namespace InternalCustomer.Feedback.Statistics;

/// <summary>A two-sided confidence interval: the lower and upper limits and the confidence level they were computed at.</summary>
/// <param name="Lower">The lower limit.</param>
/// <param name="Upper">The upper limit; never below <paramref name="Lower"/>.</param>
/// <param name="Level">The confidence level in (0, 1), for example 0.95.</param>
/// <remarks>
/// Results carry a <see cref="ConfidenceLimits"/> only when the interval exists; when there is not enough
/// data the result's interval property is <see langword="null"/> instead ("no interval"), never NaN limits.
/// </remarks>
public readonly record struct ConfidenceLimits(double Lower, double Upper, double Level)
{
    /// <summary>Gets the width of the interval, <c>Upper - Lower</c>.</summary>
    public double Width => Upper - Lower;

    /// <summary>Gets a value indicating whether <paramref name="value"/> lies inside the closed interval.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> if <c>Lower &lt;= value &lt;= Upper</c>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
