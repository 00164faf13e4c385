using System.Collections.Immutable;

namespace InternalCustomer.Scorecards;

/// <summary>
/// How much of one department's shortfall is its own and how much it inherits from its suppliers,
/// as computed by <see cref="UpstreamAttribution.Compute"/>.
/// </summary>
/// <remarks>
/// <see cref="Own"/> + <see cref="Inherited"/> = <see cref="Shortfall"/>, both are non-negative, and the
/// <see cref="BySupplier"/> shares add up to <see cref="Inherited"/>.
/// </remarks>
public sealed record Attribution
{
    internal Attribution(DepartmentId department, double shortfall, double own, double inherited, ImmutableArray<SupplierShare> bySupplier)
    {
        Department = department;
        Shortfall = shortfall;
        Own = own;
        Inherited = inherited;
        BySupplier = bySupplier;
    }

    /// <summary>Gets the department.</summary>
    public DepartmentId Department { get; }

    /// <summary>Gets the department's measured shortfall (0 = on target, 1 = nothing delivered as agreed).</summary>
    public double Shortfall { get; }

    /// <summary>Gets the part of the shortfall that is the department's own.</summary>
    public double Own { get; }

    /// <summary>Gets the part of the shortfall that traces to its suppliers (directly or further upstream).</summary>
    public double Inherited { get; }

    /// <summary>Gets <see cref="Inherited"/> split by direct supplier, largest share first (ties by supplier id).
    /// A direct supplier's share includes what that supplier itself inherited from further upstream.</summary>
    public ImmutableArray<SupplierShare> BySupplier { get; }

    /// <summary>Gets the inherited fraction of the shortfall, 0–1 (0 when there is no shortfall).</summary>
    public double InheritedFraction => Shortfall > 0 ? Inherited / Shortfall : 0;
}
