using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <summary>
/// The silos of a dependency graph: groups of departments that have no dependency, in either direction,
/// on anyone outside the group.
/// </summary>
/// <param name="Components">The weakly connected components, each sorted by id, ordered by their first id.</param>
/// <param name="Isolated">The departments with no dependency at all, in either direction, sorted by id.</param>
public sealed record SiloReport(ImmutableArray<ImmutableArray<DepartmentId>> Components, ImmutableArray<DepartmentId> Isolated);
