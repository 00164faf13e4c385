namespace InternalCustomer.Feedback.Statistics;

/// <summary>The result of <see cref="DifferenceInDifferences"/>: the change of each group, the difference-in-differences
/// estimate, its classical OLS standard error, t statistic, two-sided p-value and t interval.</summary>
/// <remarks>Properties that cannot be computed are <see langword="null"/>; <see cref="Status"/> says why
/// (see the remarks of <see cref="DifferenceInDifferences"/>).</remarks>
public sealed record DifferenceInDifferencesResult
{
    internal DifferenceInDifferencesResult(
        long treatedBeforeCount,
        long treatedAfterCount,
        long controlBeforeCount,
        long controlAfterCount,
        EstimateStatus status,
        double? treatedChange,
        double? controlChange,
        double? estimate,
        double? standardError,
        double? t,
        double? pValue,
        ConfidenceInterval? interval,
        double level,
        long? degreesOfFreedom = null)
    {
        TreatedBeforeCount = treatedBeforeCount;
        TreatedAfterCount = treatedAfterCount;
        ControlBeforeCount = controlBeforeCount;
        ControlAfterCount = controlAfterCount;
        Status = status;
        TreatedChange = treatedChange;
        ControlChange = controlChange;
        Estimate = estimate;
        StandardError = standardError;
        T = t;
        PValue = pValue;
        Interval = interval;
        Level = level;
        DegreesOfFreedom = degreesOfFreedom;
    }

    /// <summary>Gets the number of treated outcomes before.</summary>
    public long TreatedBeforeCount { get; }

    /// <summary>Gets the number of treated outcomes after.</summary>
    public long TreatedAfterCount { get; }

    /// <summary>Gets the number of control outcomes before.</summary>
    public long ControlBeforeCount { get; }

    /// <summary>Gets the number of control outcomes after.</summary>
    public long ControlAfterCount { get; }

    /// <summary>Gets how much of the result could be computed.</summary>
    public EstimateStatus Status { get; }

    /// <summary>Gets the change of the treated group's mean, <c>ȳ_TA − ȳ_TB</c>.</summary>
    public double? TreatedChange { get; }

    /// <summary>Gets the change of the control group's mean, <c>ȳ_CA − ȳ_CB</c>.</summary>
    public double? ControlChange { get; }

    /// <summary>Gets the difference-in-differences estimate, R's <c>coef(lm(y ~ treated * after))["treated:after"]</c>.</summary>
    public double? Estimate { get; }

    /// <summary>Gets the classical OLS standard error of the estimate.</summary>
    public double? StandardError { get; }

    /// <summary>Gets the t statistic, estimate / standard error.</summary>
    public double? T { get; }

    /// <summary>Gets the residual degrees of freedom, <c>N − 4</c>; <see langword="null"/> when there are none.</summary>
    public long? DegreesOfFreedom { get; }

    /// <summary>Gets the two-sided p-value of "no difference-in-differences".</summary>
    public double? PValue { get; }

    /// <summary>Gets the t confidence interval of the estimate, R's <c>confint(fit)["treated:after", ]</c>.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets the confidence level the interval was asked for.</summary>
    public double Level { get; }
}
