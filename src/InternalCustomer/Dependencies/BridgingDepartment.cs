using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <summary>
/// A bridging department: one whose loss splits the departments it links into otherwise separate parts, because
/// every dependency path between those parts (in either direction) goes through it. In graph terms an articulation
/// point of the undirected view (<see cref="SinglePointsOfFailure.ArticulationPoints"/>), named for what it does in
/// the organisation.
/// </summary>
/// <param name="Department">The bridging department.</param>
/// <param name="Parts">The parts its group falls into without it, at least two: largest first, then by the id of
/// their first linked department.</param>
public sealed record BridgingDepartment(DepartmentId Department, ImmutableArray<SeparatedPart> Parts);

/// <summary>One of the parts a <see cref="BridgingDepartment"/> holds together.</summary>
/// <param name="Size">How many departments the part has (at least 1).</param>
/// <param name="Linked">The departments of the part that the bridging department itself depends on or serves, sorted by
/// id (at least 1): the part's side of the bridge.</param>
public sealed record SeparatedPart(int Size, ImmutableArray<DepartmentId> Linked);
