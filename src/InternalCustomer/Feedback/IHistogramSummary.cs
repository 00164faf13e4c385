namespace InternalCustomer.Feedback;

/// <summary>What the shared merge preamble of <see cref="RatingSummary"/> and <see cref="WeightedRatingSummary"/> reads
/// (see <see cref="HistogramBins.MergeIdentity{TSummary}"/>).</summary>
internal interface IHistogramSummary
{
    /// <summary>Gets the scale the bins are on.</summary>
    RatingScale Scale { get; }

    /// <summary>Gets a value indicating whether the summary holds no ratings.</summary>
    bool IsEmpty { get; }
}
