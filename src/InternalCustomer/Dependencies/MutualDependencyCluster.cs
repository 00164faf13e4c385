using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <summary>
/// A mutual-dependency cluster (相互依赖): a strongly connected component of two or more departments,
/// each of which depends, directly or through the others, on every other.
/// </summary>
/// <param name="Departments">The departments of the cluster, sorted by id.</param>
/// <param name="Cycle">
/// A shortest dependency cycle through the cluster's first department: <c>Cycle[0]</c> depends on <c>Cycle[1]</c>,
/// …, and the last department depends on <c>Cycle[0]</c> again (the first department is not repeated).
/// </param>
public sealed record MutualDependencyCluster(ImmutableArray<DepartmentId> Departments, ImmutableArray<DepartmentId> Cycle);
