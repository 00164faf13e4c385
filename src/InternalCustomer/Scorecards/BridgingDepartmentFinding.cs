using InternalCustomer.Dependencies;

namespace InternalCustomer.Scorecards;

/// <summary>A department that bridges otherwise separate parts of the organisation: without it they have no link
/// (an articulation point of the undirected view, <see cref="DependencyGraph.FindBridgingDepartments"/>).</summary>
/// <param name="Bridging">The department and the parts it holds together.</param>
public sealed record BridgingDepartmentFinding(BridgingDepartment Bridging) : GraphFinding;
