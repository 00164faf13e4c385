namespace InternalCustomer.Dependencies;

/// <summary>
/// A department reached from another through dependency edges, in an upstream or downstream query
/// of <see cref="DependencyGraph"/>.
/// </summary>
/// <param name="Department">The department reached.</param>
/// <param name="WeakestLink">
/// The criticality of the weakest link on the strongest path: the maximum, over all paths between the two
/// departments, of the minimum edge criticality on the path (the widest-path or bottleneck value).
/// </param>
/// <param name="Distance">The number of edges on a shortest path (1 for a direct dependency).</param>
public readonly record struct ReachedDepartment(DepartmentId Department, Criticality WeakestLink, int Distance);
