using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// A metric's value with its sample size and, when the data allow one, its confidence interval.
/// </summary>
/// <remarks>
/// <para>A metric never returns NaN and never throws for lack of data. <see cref="Status"/> says what is
/// available: <see cref="EstimateStatus.Estimated"/> (value and interval),
/// <see cref="EstimateStatus.NoData"/> (n = 0: <see cref="Value"/> is <see langword="null"/>, except that a
/// smoothed average returns its prior), <see cref="EstimateStatus.NotEnoughData"/> or
/// <see cref="EstimateStatus.ZeroVariance"/> (a value but <see cref="Interval"/> is <see langword="null"/>).</para>
/// <para>For time-decayed metrics <see cref="EffectiveCount"/> is Kish's effective sample size
/// <c>(Σw)² / Σw²</c>, which the interval uses in place of n; otherwise it equals <see cref="Count"/>.</para>
/// </remarks>
public readonly record struct MetricEstimate
{
    internal MetricEstimate(double? value, long count, double effectiveCount, double? standardError, ConfidenceInterval? interval, EstimateStatus status)
    {
        Value = value;
        Count = count;
        EffectiveCount = effectiveCount;
        StandardError = standardError;
        Interval = interval;
        Status = status;
    }

    /// <summary>Gets the point estimate, or <see langword="null"/> when there is no data.</summary>
    public double? Value { get; }

    /// <summary>Gets the number of observations the estimate rests on.</summary>
    public long Count { get; }

    /// <summary>Gets the effective sample size (Kish) for weighted metrics; <see cref="Count"/> otherwise.</summary>
    public double EffectiveCount { get; }

    /// <summary>Gets the standard error of the estimate where the interval is built from one, else <see langword="null"/>.</summary>
    public double? StandardError { get; }

    /// <summary>Gets the confidence interval, or <see langword="null"/> when <see cref="Status"/> says why not.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets what is available and why.</summary>
    public EstimateStatus Status { get; }

    /// <summary>Gets a value indicating whether an interval is available.</summary>
    public bool HasInterval => Interval is not null;

    /// <summary>Returns for example <c>4.1 [3.6, 4.6] (95%), n=8</c> or <c>4 (no interval: ZeroVariance), n=3</c>.</summary>
    /// <returns>The estimate as text.</returns>
    public override string ToString() => Value is not { } v
        ? string.Create(CultureInfo.InvariantCulture, $"no data (n={Count})")
        : Interval is { } ci
            ? string.Create(CultureInfo.InvariantCulture, $"{v:G6} {ci}, n={Count}")
            : string.Create(CultureInfo.InvariantCulture, $"{v:G6} (no interval: {Status}), n={Count}");
}
