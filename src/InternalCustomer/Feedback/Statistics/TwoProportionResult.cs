namespace InternalCustomer.Feedback.Statistics;

/// <summary>The result of <see cref="TwoProportionTest"/>: both shares, their difference <c>p₂ − p₁</c>, the
/// chi-square statistic of equal proportions with its p-value, and the Newcombe interval of the difference.</summary>
/// <remarks>Properties that cannot be computed are <see langword="null"/>; <see cref="Status"/> says why
/// (see the remarks of <see cref="TwoProportionTest"/>).</remarks>
public sealed record TwoProportionResult
{
    internal TwoProportionResult(
        long successes1,
        long trials1,
        long successes2,
        long trials2,
        EstimateStatus status,
        double? proportion1,
        double? proportion2,
        double? difference,
        double? chiSquare,
        double? pValue,
        ConfidenceInterval? interval,
        double level,
        bool continuityCorrection)
    {
        Successes1 = successes1;
        Trials1 = trials1;
        Successes2 = successes2;
        Trials2 = trials2;
        Status = status;
        Proportion1 = proportion1;
        Proportion2 = proportion2;
        Difference = difference;
        ChiSquare = chiSquare;
        PValue = pValue;
        Interval = interval;
        Level = level;
        ContinuityCorrection = continuityCorrection;
    }

    /// <summary>Gets the successes of the first group.</summary>
    public long Successes1 { get; }

    /// <summary>Gets the trials of the first group.</summary>
    public long Trials1 { get; }

    /// <summary>Gets the successes of the second group.</summary>
    public long Successes2 { get; }

    /// <summary>Gets the trials of the second group.</summary>
    public long Trials2 { get; }

    /// <summary>Gets how much of the result could be computed.</summary>
    public EstimateStatus Status { get; }

    /// <summary>Gets the share of the first group, <c>x₁/n₁</c>; <see langword="null"/> without trials.</summary>
    public double? Proportion1 { get; }

    /// <summary>Gets the share of the second group, <c>x₂/n₂</c>; <see langword="null"/> without trials.</summary>
    public double? Proportion2 { get; }

    /// <summary>Gets the estimate <c>p₂ − p₁</c>, in [−1, 1].</summary>
    public double? Difference { get; }

    /// <summary>Gets the chi-square statistic of equal proportions (1 degree of freedom), R's <c>prop.test(...)$statistic</c>.</summary>
    public double? ChiSquare { get; }

    /// <summary>Gets the two-sided p-value of "equal proportions", R's <c>prop.test(...)$p.value</c>.</summary>
    public double? PValue { get; }

    /// <summary>Gets the Newcombe hybrid score interval of <c>p₂ − p₁</c>.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets the confidence level the interval was asked for.</summary>
    public double Level { get; }

    /// <summary>Gets whether the chi-square statistic used Yates' continuity correction.</summary>
    public bool ContinuityCorrection { get; }
}
