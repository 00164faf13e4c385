using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Dependencies;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;

namespace InternalCustomer.Scorecards;

/// <summary>The one-page summary of an organisation's internal customer health.</summary>
/// <param name="Departments">How many departments.</param>
/// <param name="Relationships">How many provider–consumer relationships.</param>
/// <param name="Mean">Overall mean rating across all feedback, with its interval.</param>
/// <param name="Csat">Overall CSAT across all feedback, with its interval.</param>
/// <param name="FirstResponse">First-response tally across all agreements.</param>
/// <param name="Resolution">Resolution tally across all agreements.</param>
/// <param name="WorstRelationships">The top of the attention list.</param>
/// <param name="Cycles">Mutual-dependency clusters, each naming its departments and a cycle.</param>
/// <param name="Silos">Weakly connected components and isolated departments.</param>
/// <param name="SinglePointsOfFailure">Articulation points and bridges of the undirected dependency graph.</param>
/// <param name="ReviewsDue">Agreements whose review is due.</param>
/// <param name="Dependencies">How many dependencies (edges of the dependency graph, after merging the declared ones with
/// the agreements between the same two departments).</param>
/// <param name="Tiers">How many tiers the dependency graph has (tier 0 depends on nobody; see
/// <see cref="DependencyGraph.Tiers"/>).</param>
public sealed record OrganizationHealth(
    int Departments,
    int Relationships,
    MetricEstimate Mean,
    MetricEstimate Csat,
    SlaTally FirstResponse,
    SlaTally Resolution,
    ImmutableArray<AttentionItem> WorstRelationships,
    ImmutableArray<MutualDependencyCluster> Cycles,
    SiloReport Silos,
    SinglePointsOfFailure SinglePointsOfFailure,
    int ReviewsDue,
    int Dependencies,
    int Tiers)
{
    /// <summary>Gets the summary of the latest feedback campaign of <see cref="ScorecardOptions.Improvement"/> begun by the
    /// as-of instant (the latest window start at or before it; ties: the greatest id), over the responses given by then;
    /// <see langword="null"/> without a record or a campaign begun.</summary>
    public CampaignSummary? LatestCampaign { get; init; }

    /// <summary>Gets the id of <see cref="LatestCampaign"/>, or <see langword="null"/> without one.</summary>
    public CampaignId? Campaign => LatestCampaign?.Campaign;

    /// <summary>Gets the response rate of <see cref="LatestCampaign"/> (<see cref="CampaignSummary.ResponseRate"/>: the invited
    /// who answered over the invited), or <see langword="null"/> without a campaign or invitations.</summary>
    public double? CampaignResponseRate { get; init; }

    /// <summary>Gets the coverage of <see cref="LatestCampaign"/> at <see cref="ScorecardOptions.MinimumResponses"/>: the share of
    /// invited relationships with at least that many responses (<see cref="CampaignSummary.Coverage"/>), or
    /// <see langword="null"/> without a campaign or invitations.</summary>
    public double? CampaignCoverage { get; init; }

    /// <summary>Gets the consumers of <see cref="LatestCampaign"/> that gave no response over all their invitations, sorted;
    /// empty without a campaign.</summary>
    public ImmutableArray<DepartmentId> NonRespondingConsumers { get; init; } = [];
}
