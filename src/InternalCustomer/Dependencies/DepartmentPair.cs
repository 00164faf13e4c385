namespace InternalCustomer.Dependencies;

/// <summary>An unordered pair of departments, stored with <see cref="First"/> before <see cref="Second"/> in id order; an edge of the undirected view of the graph.</summary>
/// <param name="First">The department whose id sorts first.</param>
/// <param name="Second">The department whose id sorts second.</param>
public readonly record struct DepartmentPair(DepartmentId First, DepartmentId Second);
