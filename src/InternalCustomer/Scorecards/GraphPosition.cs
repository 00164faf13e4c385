namespace InternalCustomer.Scorecards;

/// <summary>Where a department sits in the dependency graph.</summary>
/// <param name="Tier">Its tier: 0 depends on nobody; tier k depends on tiers below k (from the condensation).</param>
/// <param name="BlastRadius">How many departments depend on it, directly or transitively (its downstream).</param>
/// <param name="Suppliers">How many departments it depends on directly (out-degree).</param>
/// <param name="Customers">How many departments depend on it directly (in-degree).</param>
/// <param name="Betweenness">Betweenness centrality, normalised as networkx does: exact for an organisation of at most
/// <see cref="ScorecardOptions.BetweennessSampleSize"/> departments, else estimated from that many sampled sources, within
/// <see cref="OrganizationHealth.BetweennessErrorBound"/> of the exact value with 95% probability for each department.</param>
/// <param name="PageRank">PageRank (α = 0.85) of the dependency graph: high for departments many depend on.</param>
/// <param name="IsSinglePointOfFailure">Whether it is an articulation point of the undirected view (a bridging department, <see cref="IsBridgingDepartment"/>).</param>
/// <param name="InMutualDependency">Whether it is on a mutual-dependency cycle.</param>
public sealed record GraphPosition(
    int Tier,
    int BlastRadius,
    int Suppliers,
    int Customers,
    double Betweenness,
    double PageRank,
    bool IsSinglePointOfFailure,
    bool InMutualDependency)
{
    /// <summary>Gets a value indicating whether it is a bridging department: it bridges otherwise separate parts of the
    /// organisation (<see cref="IsSinglePointOfFailure"/> by its name in the organisation).</summary>
    public bool IsBridgingDepartment => IsSinglePointOfFailure;
}
