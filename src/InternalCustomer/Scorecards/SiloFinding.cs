using System.Collections.Immutable;

namespace InternalCustomer.Scorecards;

/// <summary>A group of departments that neither serves nor is served by any department outside it, while the
/// organisation has other departments: a weakly connected component of the dependency graph other than the largest
/// (<see cref="Dependencies.DependencyGraph.FindSilos"/>). A group of one is an isolated department.</summary>
/// <param name="Departments">The group's departments, sorted by id.</param>
public sealed record SiloFinding(ImmutableArray<DepartmentId> Departments) : GraphFinding
{
    /// <summary>Gets a value indicating whether the silo is one department with no dependency at all.</summary>
    public bool IsIsolated => Departments.Length == 1;
}
