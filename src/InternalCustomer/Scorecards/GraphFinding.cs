namespace InternalCustomer.Scorecards;

/// <summary>
/// A finding about the shape of the dependency graph rather than about how a relationship fares: a mutual-dependency
/// cluster (<see cref="MutualDependencyFinding"/>), a silo (<see cref="SiloFinding"/>), a bridging department
/// (<see cref="BridgingDepartmentFinding"/>) or a shared sole supplier (<see cref="SoleSupplierFinding"/>). They are
/// <see cref="OrganizationHealth.GraphFindings"/>, not among <see cref="OrganizationScorecard.Findings"/>.
/// </summary>
public abstract record GraphFinding : Finding
{
    private protected GraphFinding()
    {
    }
}
