namespace InternalCustomer.Feedback.Statistics;

/// <summary>The result of <see cref="WelchTTest"/>: the difference of means <c>x̄ − ȳ</c>, Welch's t, degrees of
/// freedom, two-sided p-value and interval, and Cohen's d / Hedges' g.</summary>
/// <remarks>Properties that cannot be computed are <see langword="null"/>; <see cref="Status"/> says why
/// (see the remarks of <see cref="WelchTTest"/>).</remarks>
public sealed record WelchTTestResult
{
    internal WelchTTestResult(
        long countX,
        long countY,
        EstimateStatus status,
        double? meanX,
        double? meanY,
        double? difference,
        double? standardError,
        double? t,
        double? degreesOfFreedom,
        double? pValue,
        ConfidenceInterval? interval,
        double? cohensD,
        double? hedgesG,
        ConfidenceInterval? hedgesGInterval,
        double level)
    {
        CountX = countX;
        CountY = countY;
        Status = status;
        MeanX = meanX;
        MeanY = meanY;
        Difference = difference;
        StandardError = standardError;
        T = t;
        DegreesOfFreedom = degreesOfFreedom;
        PValue = pValue;
        Interval = interval;
        CohensD = cohensD;
        HedgesG = hedgesG;
        HedgesGInterval = hedgesGInterval;
        Level = level;
    }

    /// <summary>Gets the size of the first sample.</summary>
    public long CountX { get; }

    /// <summary>Gets the size of the second sample.</summary>
    public long CountY { get; }

    /// <summary>Gets how much of the result could be computed.</summary>
    public EstimateStatus Status { get; }

    /// <summary>Gets the mean of the first sample; <see langword="null"/> when it is empty.</summary>
    public double? MeanX { get; }

    /// <summary>Gets the mean of the second sample; <see langword="null"/> when it is empty.</summary>
    public double? MeanY { get; }

    /// <summary>Gets the estimate <c>x̄ − ȳ</c>; <see langword="null"/> when a sample is empty.</summary>
    public double? Difference { get; }

    /// <summary>Gets the standard error of the difference, <c>sqrt(s²x/nx + s²y/ny)</c>.</summary>
    public double? StandardError { get; }

    /// <summary>Gets Welch's t statistic (R: <c>$statistic</c>).</summary>
    public double? T { get; }

    /// <summary>Gets the Welch–Satterthwaite degrees of freedom (R: <c>$parameter</c>).</summary>
    public double? DegreesOfFreedom { get; }

    /// <summary>Gets the two-sided p-value of "equal means" (R: <c>$p.value</c>).</summary>
    public double? PValue { get; }

    /// <summary>Gets the confidence interval of <c>x̄ − ȳ</c> (R: <c>$conf.int</c>).</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets Cohen's d, the difference in pooled standard deviations.</summary>
    public double? CohensD { get; }

    /// <summary>Gets Hedges' g, Cohen's d with the exact small-sample bias correction.</summary>
    public double? HedgesG { get; }

    /// <summary>Gets the approximate (normal) confidence interval of Hedges' g.</summary>
    public ConfidenceInterval? HedgesGInterval { get; }

    /// <summary>Gets the confidence level the intervals were asked for.</summary>
    public double Level { get; }
}
