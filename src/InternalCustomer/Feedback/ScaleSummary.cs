using System.Collections.Immutable;
using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// The responses on one overall scale, summarised as a whole, per providing department and per relationship
/// (computed by <see cref="FeedbackByScale.Summarize"/>); immutable.
/// </summary>
/// <remarks>Every figure is on <see cref="Scale"/>: means in its points, CSAT as the share of its top
/// <see cref="CsatTopBoxes"/> points. The counts of <see cref="ByProvider"/> add up to that of <see cref="Responses"/>,
/// and so do those of <see cref="ByRelationship"/>.</remarks>
public sealed class ScaleSummary
{
    internal ScaleSummary(
        RatingScale scale,
        int csatTopBoxes,
        FeedbackEstimates responses,
        ImmutableSortedDictionary<DepartmentId, FeedbackEstimates> byProvider,
        ImmutableSortedDictionary<Relationship, FeedbackEstimates> byRelationship)
    {
        Scale = scale;
        CsatTopBoxes = csatTopBoxes;
        Responses = responses;
        ByProvider = byProvider;
        ByRelationship = byRelationship;
    }

    /// <summary>Gets the overall scale the responses rate on; its bounds are the real range to head the figures with.</summary>
    public RatingScale Scale { get; }

    /// <summary>Gets how many of the scale's highest points count as satisfied for CSAT.</summary>
    public int CsatTopBoxes { get; }

    /// <summary>Gets the lowest rating that counts as satisfied (<c>Scale.Max − CsatTopBoxes + 1</c>: 4 on 1–5, 6 on 1–7,
    /// 9 on 0–10 with 2 top boxes), or <see langword="null"/> when the scale has fewer points than <see cref="CsatTopBoxes"/>
    /// and so no CSAT.</summary>
    public int? SatisfiedFrom => CsatTopBoxes <= Scale.Points ? Scale.Max - CsatTopBoxes + 1 : null;

    /// <summary>Gets the figures of all the responses on the scale.</summary>
    public FeedbackEstimates Responses { get; }

    /// <summary>Gets the figures per providing department (the subject of the feedback), sorted by id; only departments with a response on the scale.</summary>
    public ImmutableSortedDictionary<DepartmentId, FeedbackEstimates> ByProvider { get; }

    /// <summary>Gets the figures per provider × consumer relationship, sorted by provider then consumer; only relationships with a response on the scale.</summary>
    public ImmutableSortedDictionary<Relationship, FeedbackEstimates> ByRelationship { get; }

    /// <summary>Returns for example <c>0–10: 149 responses, 10 providers, 26 relationships</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Scale}: {Responses.Count} responses, {ByProvider.Count} providers, {ByRelationship.Count} relationships");
}

/// <summary>
/// The figures of a group of responses on one overall scale: the count, the mean with its Student-t interval, CSAT with
/// its Wilson interval and the Net Promoter Score of the likelihood-to-recommend answers; immutable.
/// </summary>
/// <remarks>The intervals are those of <see cref="FeedbackMetrics.Mean"/>, <see cref="FeedbackMetrics.Csat"/> and
/// <see cref="FeedbackMetrics.Nps"/> on <see cref="Summary"/>, at the level asked for.</remarks>
public sealed class FeedbackEstimates
{
    private FeedbackEstimates(FeedbackSummary summary, MetricEstimate mean, MetricEstimate? csat, MetricEstimate nps)
    {
        Summary = summary;
        Mean = mean;
        Csat = csat;
        Nps = nps;
    }

    /// <summary>Gets the number of responses.</summary>
    public long Count => Summary.Count;

    /// <summary>Gets the mergeable summary the figures come from (overall ratings, recommend and effort answers).</summary>
    public FeedbackSummary Summary { get; }

    /// <summary>Gets the mean overall rating, in points of the scale, with a Student-t interval.</summary>
    public MetricEstimate Mean { get; }

    /// <summary>Gets the share (0–1) of overall ratings in the top boxes, with a Wilson interval; <see langword="null"/>
    /// when the scale has fewer points than the top boxes asked for.</summary>
    public MetricEstimate? Csat { get; }

    /// <summary>Gets the Net Promoter Score (−100 to 100) of the responses that answered likelihood to recommend;
    /// <see cref="EstimateStatus.NoData"/> (no value) when none did. Its <see cref="MetricEstimate.Count"/> is the number of answers.</summary>
    public MetricEstimate Nps { get; }

    /// <summary>Returns for example <c>n=12: mean 3.5 [2.9, 4.1] (95 %), CSAT 0.5 [0.25, 0.75] (95 %), NPS no data</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n={Count}: mean {Describe(Mean)}, CSAT {(Csat is { } c ? Describe(c) : "none")}, NPS {Describe(Nps)}");

    private static string Describe(MetricEstimate e) =>
        e.Value is not { } v ? "no data"
        : e.Interval is { } ci ? string.Create(CultureInfo.InvariantCulture, $"{v:G6} {ci}")
        : string.Create(CultureInfo.InvariantCulture, $"{v:G6} (no interval: {e.Status})");

    internal static FeedbackEstimates Of(FeedbackSummary summary, int csatTopBoxes, StudentTQuantiles quantiles) =>
        new(
            summary,
            FeedbackMetrics.MeanWith(summary.Overall, quantiles),
            csatTopBoxes <= summary.Overall.Scale.Points ? FeedbackMetrics.Csat(summary.Overall, csatTopBoxes, quantiles.Level) : null,
            FeedbackMetrics.Nps(summary.Nps, quantiles.Level));
}
