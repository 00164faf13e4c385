using System.Globalization;

namespace InternalCustomer;

/// <summary>A two-sided confidence interval [<see cref="Lower"/>, <see cref="Upper"/>] at a confidence <see cref="Level"/>.</summary>
/// <remarks>
/// The one interval type of the library: metrics (<c>FeedbackMetrics</c>), tests and effect sizes
/// (<c>Feedback.Statistics</c>) and scorecards all report their intervals with it. The bounds are in the unit of
/// the estimate they belong to. <c>default</c> is the degenerate interval [0, 0] at level 0, which no method
/// returns.
/// </remarks>
public readonly record struct ConfidenceInterval
{
    /// <summary>Creates an interval.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound, at least <paramref name="lower"/>.</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN, <paramref name="upper"/> is below
    /// <paramref name="lower"/>, or <paramref name="level"/> is outside (0, 1).</exception>
    public ConfidenceInterval(double lower, double upper, double level)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper) || upper < lower)
        {
            throw new ArgumentOutOfRangeException(
                nameof(upper),
                upper,
                string.Create(CultureInfo.InvariantCulture, $"Expected lower ≤ upper, neither NaN; got [{lower}, {upper}]."));
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(level),
                level,
                string.Create(CultureInfo.InvariantCulture, $"A confidence level must be in (0, 1); got {level}."));
        }

        Lower = lower;
        Upper = upper;
        Level = level;
    }

    /// <summary>Gets the lower bound.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound.</summary>
    public double Upper { get; }

    /// <summary>Gets the confidence level in (0, 1), for example 0.95.</summary>
    public double Level { get; }

    /// <summary>Gets the width, <c>Upper − Lower</c>.</summary>
    public double Width => Upper - Lower;

    /// <summary>Whether <paramref name="value"/> lies in the closed interval.</summary>
    /// <param name="value">A value.</param>
    /// <returns><see langword="true"/> if <c>Lower ≤ value ≤ Upper</c>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Returns <c>[lower, upper] (95%)</c>.</summary>
    /// <returns>The interval as text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Lower:G6}, {Upper:G6}] ({Level:P0})");
}
