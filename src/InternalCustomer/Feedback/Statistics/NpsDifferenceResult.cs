namespace InternalCustomer.Feedback.Statistics;

/// <summary>The result of <see cref="NpsDifferenceTest"/>: both scores, their difference in NPS points, its standard
/// error, z, two-sided p-value and Wald interval.</summary>
/// <remarks>Properties that cannot be computed are <see langword="null"/>; <see cref="Status"/> says why
/// (see the remarks of <see cref="NpsDifferenceTest"/>).</remarks>
public sealed record NpsDifferenceResult
{
    internal NpsDifferenceResult(
        long countX,
        long countY,
        EstimateStatus status,
        double? npsX,
        double? npsY,
        double? difference,
        double? standardError,
        double? z,
        double? pValue,
        ConfidenceInterval? interval,
        double level)
    {
        CountX = countX;
        CountY = countY;
        Status = status;
        NpsX = npsX;
        NpsY = npsY;
        Difference = difference;
        StandardError = standardError;
        Z = z;
        PValue = pValue;
        Interval = interval;
        Level = level;
    }

    /// <summary>Gets the number of answers in the first group.</summary>
    public long CountX { get; }

    /// <summary>Gets the number of answers in the second group.</summary>
    public long CountY { get; }

    /// <summary>Gets how much of the result could be computed.</summary>
    public EstimateStatus Status { get; }

    /// <summary>Gets the NPS of the first group, in [−100, 100]; <see langword="null"/> without answers.</summary>
    public double? NpsX { get; }

    /// <summary>Gets the NPS of the second group, in [−100, 100]; <see langword="null"/> without answers.</summary>
    public double? NpsY { get; }

    /// <summary>Gets the estimate <c>NPS_x − NPS_y</c>, in NPS points.</summary>
    public double? Difference { get; }

    /// <summary>Gets the standard error of the difference, <c>sqrt(SE_x² + SE_y²)</c>.</summary>
    public double? StandardError { get; }

    /// <summary>Gets the z statistic, difference / standard error.</summary>
    public double? Z { get; }

    /// <summary>Gets the two-sided p-value of "equal NPS".</summary>
    public double? PValue { get; }

    /// <summary>Gets the Wald confidence interval of the difference.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets the confidence level the interval was asked for.</summary>
    public double Level { get; }
}
