namespace InternalCustomer.Scorecards;

/// <summary>The consumer depends on the provider with a criticality at or above <see cref="ScorecardOptions.HeavyDependence"/>, without any agreement.</summary>
/// <param name="Provider">The supplier depended on.</param>
/// <param name="Consumer">The depending internal customer.</param>
/// <param name="Dependence">The criticality of the dependency.</param>
/// <param name="Threshold">The criticality at or above which a dependency without agreement is a finding (the threshold crossed).</param>
public sealed record HeavyDependenceWithoutAgreement(
    DepartmentId Provider,
    DepartmentId Consumer,
    Criticality Dependence,
    Criticality Threshold) : RelationshipFinding(Provider, Consumer);
