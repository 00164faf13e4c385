namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// The least-squares trend of score over time, per 30 days: the slope, its standard error, confidence
/// interval and two-sided p-value of "no trend" (R: <c>summary(lm(y ~ t))</c>, <c>confint(lm(y ~ t))</c>).
/// </summary>
/// <remarks>
/// Produced by <see cref="TrendSummary.Estimate(double)"/>. Properties that cannot be computed from the data are
/// <see langword="null"/> and <see cref="Status"/> says why; see <see cref="TrendSummary.Estimate(double)"/>
/// for the cases.
/// </remarks>
public sealed record TrendResult
{
    internal TrendResult(
        long count,
        EstimateStatus status,
        double? slopePer30Days,
        double? standardError,
        ConfidenceInterval? interval,
        double? t,
        double? pValue,
        double? degreesOfFreedom,
        double? rSquared,
        double level)
    {
        Count = count;
        Status = status;
        SlopePer30Days = slopePer30Days;
        StandardError = standardError;
        Interval = interval;
        T = t;
        PValue = pValue;
        DegreesOfFreedom = degreesOfFreedom;
        RSquared = rSquared;
        Level = level;
    }

    /// <summary>Gets the number of (instant, score) pairs.</summary>
    public long Count { get; }

    /// <summary>Gets how much of the result could be computed.</summary>
    public EstimateStatus Status { get; }

    /// <summary>Gets the estimated change in score per 30 days (least-squares slope × 30 days);
    /// <see langword="null"/> with fewer than 2 pairs or when all pairs share one instant.</summary>
    public double? SlopePer30Days { get; }

    /// <summary>Gets the standard error of <see cref="SlopePer30Days"/>, <c>30·sqrt(RSS / (n − 2) / Ctt)</c>;
    /// <see langword="null"/> with fewer than 3 pairs.</summary>
    public double? StandardError { get; }

    /// <summary>Gets the confidence interval of <see cref="SlopePer30Days"/>, <c>slope ± t(level, n − 2)·SE</c>;
    /// <see langword="null"/> with fewer than 3 pairs.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets the t statistic of the slope, <c>slope / SE</c> (R: the "t value" column); <see langword="null"/>
    /// with fewer than 3 pairs or when the standard error is 0.</summary>
    public double? T { get; }

    /// <summary>Gets the two-sided p-value of the hypothesis "slope = 0" (Student t with n − 2 degrees of freedom);
    /// <see langword="null"/> with fewer than 3 pairs or when every score is equal.</summary>
    public double? PValue { get; }

    /// <summary>Gets the residual degrees of freedom, n − 2; <see langword="null"/> with fewer than 3 pairs.</summary>
    public double? DegreesOfFreedom { get; }

    /// <summary>Gets the share of score variance explained by time, <c>Cty² / (Ctt·Cyy)</c>;
    /// <see langword="null"/> when it is undefined (fewer than 3 pairs, constant scores).</summary>
    public double? RSquared { get; }

    /// <summary>Gets the confidence level the interval was asked for.</summary>
    public double Level { get; }
}
