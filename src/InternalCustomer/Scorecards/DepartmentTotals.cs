using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;

namespace InternalCustomer.Scorecards;

/// <summary>
/// The mergeable raw totals behind a department's supplier scorecard: request tallies per
/// objective, the feedback summary and the trend co-moments. <see cref="Merge"/> is associative
/// and commutative, so a division's totals are exactly the totals of the union of its teams' data.
/// </summary>
/// <param name="FirstResponse">Tally of first-response objectives.</param>
/// <param name="Resolution">Tally of resolution objectives.</param>
/// <param name="Feedback">Feedback from internal customers.</param>
/// <param name="Trend">Co-moments of overall rating over time.</param>
public sealed record DepartmentTotals(SlaTally FirstResponse, SlaTally Resolution, FeedbackSummary Feedback, TrendSummary Trend)
{
    /// <summary>Gets the totals of nothing on a scale: the identity of <see cref="Merge"/>.</summary>
    /// <param name="overallScale">The overall rating scale.</param>
    /// <param name="dimensions">The dimension set, if SERVQUAL is summarised.</param>
    /// <returns>Empty totals.</returns>
    public static DepartmentTotals Empty(RatingScale overallScale, DimensionSet? dimensions = null) =>
        new(SlaTally.Empty, SlaTally.Empty, FeedbackSummary.Empty(overallScale, dimensions), TrendSummary.Empty);

    /// <summary>Combines two totals.</summary>
    /// <param name="other">The other totals.</param>
    /// <returns>The totals of both.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public DepartmentTotals Merge(DepartmentTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(FirstResponse.Merge(other.FirstResponse), Resolution.Merge(other.Resolution), Feedback.Merge(other.Feedback), Trend.Merge(other.Trend));
    }

    /// <summary>Mean overall rating with its Student-t interval, at the confidence level of the options the scorecard was computed with
    /// (<see cref="OrganizationScorecard.Options"/>), so that a roll-up agrees with the department rows.</summary>
    /// <param name="options">The scorecard's options.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public MetricEstimate Mean(ScorecardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FeedbackMetrics.Mean(Feedback.Overall, options.ConfidenceLevel);
    }

    /// <summary>CSAT (top-box share) with its Wilson interval, with the top boxes and confidence level of the options the scorecard was computed with.</summary>
    /// <param name="options">The scorecard's options.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public MetricEstimate Csat(ScorecardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FeedbackMetrics.Csat(Feedback.Overall, options.CsatTopBoxes, options.ConfidenceLevel);
    }

    /// <summary>NPS with its normal interval, at the confidence level of the options the scorecard was computed with.</summary>
    /// <param name="options">The scorecard's options.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public MetricEstimate Nps(ScorecardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FeedbackMetrics.Nps(Feedback.Nps, options.ConfidenceLevel);
    }
}
