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
/// <param name="SinglePointsOfFailure">Articulation points and bridges of the undirected dependency graph; the articulation
/// points are the <see cref="BridgingDepartments"/>.</param>
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
    /// <summary>Gets the bridging departments: departments that bridge otherwise separate parts of the organisation, the
    /// articulation points of <see cref="SinglePointsOfFailure"/> by their name in the organisation (the same ids, sorted).</summary>
    public ImmutableArray<DepartmentId> BridgingDepartments => SinglePointsOfFailure.ArticulationPoints;

    /// <summary>Gets the bridging departments with the parts each one holds together
    /// (<see cref="DependencyGraph.FindBridgingDepartments"/>), sorted by id; empty when none.</summary>
    public ImmutableArray<BridgingDepartment> BridgingDepartmentParts { get; init; } = [];

    /// <summary>Gets the sole suppliers (<see cref="DependencyGraph.FindSoleSuppliers"/>): every department others depend on
    /// with no alternative provider, most dependants first; <see cref="SoleSupplier.IsShared"/> marks those two or more
    /// departments depend on.</summary>
    public ImmutableArray<SoleSupplier> SoleSuppliers { get; init; } = [];

    /// <summary>
    /// Gets the findings about the shape of the dependency graph, in words by <see cref="FindingText"/>: the
    /// mutual-dependency clusters (<see cref="MutualDependencyFinding"/>, in the order of <see cref="Cycles"/>), the silos
    /// (<see cref="SiloFinding"/>: every weakly connected group of <see cref="Silos"/> but the largest, by first id), the
    /// bridging departments (<see cref="BridgingDepartmentFinding"/>, by id) and the shared sole suppliers
    /// (<see cref="SoleSupplierFinding"/>, in the order of <see cref="SoleSuppliers"/>). Not part of
    /// <see cref="OrganizationScorecard.Findings"/>, which are about how relationships and departments fare.
    /// </summary>
    public ImmutableArray<GraphFinding> GraphFindings { get; init; } = [];

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

    /// <summary>Gets how many source departments the betweenness of the departments' <see cref="GraphPosition"/> was
    /// computed from (<see cref="ScorecardOptions.BetweennessSampleSize"/>): all of them, <see cref="Departments"/>, when
    /// it is exact.</summary>
    public int BetweennessSources { get; init; }

    /// <summary>Gets the half-width of the 95% interval around each department's betweenness
    /// (<see cref="BetweennessEstimate.ErrorBound"/>); 0 when the betweenness is exact.</summary>
    public double BetweennessErrorBound { get; init; }
}
