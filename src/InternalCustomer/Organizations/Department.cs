namespace InternalCustomer.Organizations;

/// <summary>
/// A department: a unit of the organisation that supplies services to other departments
/// and consumes theirs. Departments form a hierarchy (division → department → team)
/// through <see cref="Parent"/>.
/// </summary>
/// <remarks>
/// A department's responsibilities (its service catalogue) are the <see cref="Service"/>s whose
/// <see cref="Service.Provider"/> is this department; ask <see cref="Organization.ServicesOf(DepartmentId)"/>.
/// They are not stored on the department, so the two can never disagree.
/// Equality is component-wise.
/// </remarks>
public sealed record Department
{
    /// <summary>Creates a department.</summary>
    /// <param name="id">The department's identifier.</param>
    /// <param name="name">The display name (any non-blank text, for example 人力资源部).</param>
    /// <param name="parent">The parent department in the hierarchy, or <see langword="null"/> for a root.</param>
    /// <param name="description">An optional description.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="parent"/> is <c>default</c>, or <paramref name="name"/> is null or blank.</exception>
    public Department(DepartmentId id, string name, DepartmentId? parent = null, string? description = null)
    {
        Id = ModelGuard.NotDefault(id, nameof(id));
        Name = ModelGuard.Name(name, nameof(name));
        Parent = parent is { } p ? ModelGuard.NotDefault(p, nameof(parent)) : null;
        Description = description;
    }

    /// <summary>Gets the department's identifier.</summary>
    public DepartmentId Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the parent department, or <see langword="null"/> for a root of the hierarchy.</summary>
    public DepartmentId? Parent { get; }

    /// <summary>Gets the optional description.</summary>
    public string? Description { get; }
}
