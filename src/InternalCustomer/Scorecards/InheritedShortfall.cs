namespace InternalCustomer.Scorecards;

/// <summary>
/// A department falls short as a supplier, and a noticeable part of its shortfall traces to its own suppliers
/// (upstream attribution): <c>Shortfall ≥ MinimumShortfall</c> and <c>InheritedFraction ≥ MinimumInheritedFraction</c>.
/// </summary>
/// <remarks>The basis is the one of <see cref="Attribution.InheritedFraction"/>: the inherited part as a share of the
/// department's shortfall, the number the department table shows as "inherited".</remarks>
/// <param name="Department">The department.</param>
/// <param name="Shortfall">Its shortfall as a supplier (0–1).</param>
/// <param name="Inherited">The part of it that traces to its suppliers, in the unit of the shortfall.</param>
/// <param name="MainSupplier">The direct supplier with the largest share.</param>
/// <param name="MinimumShortfall">The shortfall at or above which the finding is raised (<see cref="ScorecardOptions.MinimumShortfall"/>).</param>
/// <param name="MinimumInheritedFraction">The inherited fraction at or above which the finding is raised (<see cref="ScorecardOptions.MinimumInheritedFraction"/>).</param>
public sealed record InheritedShortfall(
    DepartmentId Department,
    double Shortfall,
    double Inherited,
    SupplierShare MainSupplier,
    double MinimumShortfall,
    double MinimumInheritedFraction) : Finding
{
    /// <summary>Gets the inherited part as a share of the shortfall (0–1): <see cref="Inherited"/> / <see cref="Shortfall"/>.</summary>
    public double InheritedFraction => Shortfall > 0 ? Inherited / Shortfall : 0;
}
