namespace InternalCustomer.Scorecards;

/// <summary>
/// A time objective of the relationship with decided requests is below its target, so the relationship has an SLA gap
/// (<see cref="RelationshipHealth.SlaGap"/> &gt; 0), and the customer is not clearly satisfied (otherwise the finding is
/// <see cref="HappyButSlaBreached"/>, which says the same breach and what it may mean).
/// </summary>
/// <param name="Provider">The supplier.</param>
/// <param name="Consumer">The internal customer.</param>
/// <param name="Objective">The breached objective furthest below its target relative to it: the one the SLA gap is measured on.</param>
/// <param name="Breached">How many time objectives of the relationship with decided requests are breached (at least 1).</param>
/// <param name="Shortfall">The relative shortfall of <paramref name="Objective"/>, <c>(target − compliance) / target</c>:
/// exactly <see cref="RelationshipHealth.SlaGap"/>, the number the attention list's score is built from.</param>
public sealed record TimeObjectiveBreached(
    DepartmentId Provider,
    DepartmentId Consumer,
    ObjectiveCompliance Objective,
    int Breached,
    double Shortfall) : RelationshipFinding(Provider, Consumer);
