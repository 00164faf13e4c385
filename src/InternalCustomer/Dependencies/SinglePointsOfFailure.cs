using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <summary>
/// The single points of failure of the undirected view of a dependency graph (edge direction ignored,
/// an edge wherever either department depends on the other).
/// </summary>
/// <remarks>"Single point of failure" is the graph-theory word; for a manager the articulation points are the
/// <see cref="BridgingDepartments"/>: departments that bridge otherwise separate parts of the organisation. They say
/// nothing about how many departments rely on one supplier: that directed notion is
/// <see cref="DependencyGraph.FindSoleSuppliers"/>.</remarks>
/// <param name="ArticulationPoints">Departments whose removal splits their weakly connected component into more components, sorted by id.</param>
/// <param name="Bridges">Links whose removal splits their component: the only connection between two groups of departments; sorted.</param>
public sealed record SinglePointsOfFailure(ImmutableArray<DepartmentId> ArticulationPoints, ImmutableArray<DepartmentPair> Bridges)
{
    /// <summary>Gets the bridging departments: the <see cref="ArticulationPoints"/> by their name in the organisation,
    /// departments that bridge otherwise separate parts of it (the same ids, sorted). The parts each one holds together:
    /// <see cref="DependencyGraph.FindBridgingDepartments"/>.</summary>
    public ImmutableArray<DepartmentId> BridgingDepartments => ArticulationPoints;
}
