namespace InternalCustomer.Feedback.Statistics;

/// <summary>How strongly one dimension drives the overall rating; part of a <see cref="KeyDriverResult"/>.</summary>
/// <remarks>See the remarks of <see cref="KeyDriverAnalysis"/> for formulas and for when a value is <see langword="null"/>.</remarks>
public sealed record DriverEstimate
{
    internal DriverEstimate(
        int dimension,
        bool isConstant,
        double? correlation,
        ConfidenceInterval? correlationInterval,
        double? correlationPValue,
        double? beta,
        double? relativeWeight)
    {
        Dimension = dimension;
        IsConstant = isConstant;
        Correlation = correlation;
        CorrelationInterval = correlationInterval;
        CorrelationPValue = correlationPValue;
        Beta = beta;
        RelativeWeight = relativeWeight;
    }

    /// <summary>Gets the dimension's column index in the ratings matrix.</summary>
    public int Dimension { get; }

    /// <summary>Gets a value indicating whether every rating of this dimension is equal (zero variance).</summary>
    public bool IsConstant { get; }

    /// <summary>Gets the Pearson correlation with the overall rating; <see langword="null"/> for a constant dimension.</summary>
    public double? Correlation { get; }

    /// <summary>Gets the Fisher-z confidence interval of the correlation (R <c>cor.test</c>); needs n ≥ 4.</summary>
    public ConfidenceInterval? CorrelationInterval { get; }

    /// <summary>Gets the two-sided p-value of "no correlation" (R <c>cor.test</c>); needs n ≥ 3.</summary>
    public double? CorrelationPValue { get; }

    /// <summary>Gets the standardised regression coefficient; 0 for a constant dimension.</summary>
    public double? Beta { get; }

    /// <summary>Gets Johnson's relative weight: this dimension's share of R² (not of 1), ≥ 0.</summary>
    public double? RelativeWeight { get; }
}
