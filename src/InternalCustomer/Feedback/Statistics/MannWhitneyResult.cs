namespace InternalCustomer.Feedback.Statistics;

/// <summary>The result of <see cref="MannWhitneyTest"/>: R's W statistic, the continuity-corrected z, the two-sided
/// p-value and the rank-biserial effect size.</summary>
/// <remarks>Properties that cannot be computed are <see langword="null"/>; <see cref="Status"/> says why
/// (see the remarks of <see cref="MannWhitneyTest"/>).</remarks>
public sealed record MannWhitneyResult
{
    internal MannWhitneyResult(
        long countX,
        long countY,
        EstimateStatus status,
        double? w,
        double? z,
        double? pValue,
        double? rankBiserial,
        double? probabilityOfSuperiority)
    {
        CountX = countX;
        CountY = countY;
        Status = status;
        W = w;
        Z = z;
        PValue = pValue;
        RankBiserial = rankBiserial;
        ProbabilityOfSuperiority = probabilityOfSuperiority;
    }

    /// <summary>Gets the size of the first sample.</summary>
    public long CountX { get; }

    /// <summary>Gets the size of the second sample.</summary>
    public long CountY { get; }

    /// <summary>Gets how much of the result could be computed.</summary>
    public EstimateStatus Status { get; }

    /// <summary>Gets R's statistic W = U of x: the number of (x, y) pairs with x &gt; y plus half the tied pairs.</summary>
    public double? W { get; }

    /// <summary>Gets the continuity- and tie-corrected normal deviate.</summary>
    public double? Z { get; }

    /// <summary>Gets the two-sided p-value of "neither sample tends to be larger" (R: <c>$p.value</c>).</summary>
    public double? PValue { get; }

    /// <summary>Gets the rank-biserial correlation <c>2W/(nx·ny) − 1</c>, in [−1, 1]; positive when x tends to be larger.</summary>
    public double? RankBiserial { get; }

    /// <summary>Gets <c>W/(nx·ny)</c>, the probability that a random x exceeds a random y (ties counted half).</summary>
    public double? ProbabilityOfSuperiority { get; }
}
