namespace InternalCustomer.Organizations;

/// <summary>
/// A service a department offers to other departments: one of its functions, one line of its
/// service catalogue.
/// </summary>
/// <remarks>Equality is component-wise.</remarks>
public sealed record Service
{
    /// <summary>Creates a service.</summary>
    /// <param name="id">The service's identifier, unique within the organisation.</param>
    /// <param name="name">The display name.</param>
    /// <param name="provider">The department that offers the service.</param>
    /// <param name="category">An optional category, for example "Payroll" or "IT support".</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="provider"/> is <c>default</c>, or <paramref name="name"/> is null or blank.</exception>
    public Service(ServiceId id, string name, DepartmentId provider, string? category = null)
    {
        Id = ModelGuard.NotDefault(id, nameof(id));
        Name = ModelGuard.Name(name, nameof(name));
        Provider = ModelGuard.NotDefault(provider, nameof(provider));
        Category = category;
    }

    /// <summary>Gets the service's identifier.</summary>
    public ServiceId Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the department that offers the service.</summary>
    public DepartmentId Provider { get; }

    /// <summary>Gets the optional category.</summary>
    public string? Category { get; }
}
