namespace InternalCustomer.Scorecards;

/// <summary>The part of a department's shortfall that traces to one of its direct suppliers.</summary>
/// <param name="Supplier">The supplier (a provider the department depends on).</param>
/// <param name="Share">The part of the department's shortfall attributed to this supplier, in the same unit as the shortfall (0–1).</param>
public readonly record struct SupplierShare(DepartmentId Supplier, double Share);
