using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>A two-sided confidence interval [<see cref="Lower"/>, <see cref="Upper"/>] at a confidence <see cref="Level"/>.</summary>
/// <remarks>Only produced by <see cref="FeedbackMetrics"/>; the bounds are in the unit of the estimate they belong to.</remarks>
public readonly record struct ConfidenceInterval
{
    internal ConfidenceInterval(double lower, double upper, double level)
    {
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
