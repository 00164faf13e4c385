using System.Collections.Immutable;
using InternalCustomer.Organizations;

namespace InternalCustomer.Dependencies;

/// <summary>
/// A sole supplier: a department on which some departments depend with no alternative provider, so that its failure
/// leaves them without what they get from it. See <see cref="DependencyGraph.FindSoleSuppliers"/> for the definition.
/// </summary>
/// <param name="Supplier">The department.</param>
/// <param name="Dependants">The departments that depend on it directly and have no alternative provider, sorted by id
/// (at least one).</param>
/// <param name="Reached">How many departments its failure reaches, directly or through their own suppliers: its blast
/// radius (<see cref="DependencyGraph.BlastRadii()"/>), at least <c>Dependants.Length</c>.</param>
/// <param name="Services">The services of its catalogue (<see cref="Organization.ServicesOf"/>), sorted by id, none of
/// which another department provides; empty for a graph built without an organisation or a department with no catalogue.</param>
public sealed record SoleSupplier(DepartmentId Supplier, ImmutableArray<DepartmentId> Dependants, int Reached, ImmutableArray<Service> Services)
{
    /// <summary>Gets a value indicating whether two or more departments depend on it with no alternative: its failure
    /// hits several departments at once (a shared sole supplier), rather than one link of a chain.</summary>
    public bool IsShared => Dependants.Length >= 2;
}
