using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <summary>
/// The single points of failure of the undirected view of a dependency graph (edge direction ignored,
/// an edge wherever either department depends on the other).
/// </summary>
/// <param name="ArticulationPoints">Departments whose removal splits their weakly connected component into more components, sorted by id.</param>
/// <param name="Bridges">Links whose removal splits their component: the only connection between two groups of departments; sorted.</param>
public sealed record SinglePointsOfFailure(ImmutableArray<DepartmentId> ArticulationPoints, ImmutableArray<DepartmentPair> Bridges);
