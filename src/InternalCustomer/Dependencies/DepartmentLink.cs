namespace InternalCustomer.Dependencies;

/// <summary>
/// A link of a <see cref="Condensation"/> named by departments: some department of <see cref="Consumer"/>'s component
/// depends on some department of <see cref="Provider"/>'s component.
/// </summary>
/// <remarks>Each end is its component's representative: the department with the smallest id, the first of its list in
/// <see cref="Condensation.Components"/>. A department on no cycle represents itself; for a mutual-dependency cluster
/// <see cref="Condensation.ComponentOf"/> of the representative gives the component and
/// <see cref="Condensation.Components"/> all its departments.</remarks>
/// <param name="Provider">The representative of the component depended on (the internal supplier).</param>
/// <param name="Consumer">The representative of the depending component (the internal customer).</param>
public readonly record struct DepartmentLink(DepartmentId Provider, DepartmentId Consumer);
