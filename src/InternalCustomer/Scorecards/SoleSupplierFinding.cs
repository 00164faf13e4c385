using InternalCustomer.Dependencies;

namespace InternalCustomer.Scorecards;

/// <summary>A shared sole supplier: two or more departments depend on it with no alternative provider, so its failure
/// leaves them all without what they get from it (<see cref="DependencyGraph.FindSoleSuppliers"/>,
/// <see cref="SoleSupplier.IsShared"/>).</summary>
/// <param name="Supplier">The supplier, its dependants, the departments its failure reaches and its services.</param>
public sealed record SoleSupplierFinding(SoleSupplier Supplier) : GraphFinding;
