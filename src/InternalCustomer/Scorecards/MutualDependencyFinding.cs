using InternalCustomer.Dependencies;

namespace InternalCustomer.Scorecards;

/// <summary>Departments that depend on each other, directly or through the others: a failure in one comes back round to it
/// (a strongly connected component of two or more departments, <see cref="DependencyGraph.FindMutualDependencies"/>).</summary>
/// <param name="Cluster">The cluster: its departments and a shortest cycle through the first.</param>
public sealed record MutualDependencyFinding(MutualDependencyCluster Cluster) : GraphFinding;
