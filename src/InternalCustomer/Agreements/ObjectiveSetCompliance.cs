using System.Collections.Immutable;

namespace InternalCustomer.Agreements;

/// <summary>The compliance report of one objective set of an agreement (see <see cref="SlaTimer.ComplianceBySet(ReadOnlySpan{ServiceRequest}, ObjectiveKind, NodaTime.Instant, ReadOnlySpan{NodaTime.Interval})"/>).</summary>
/// <param name="Set">The objective set.</param>
/// <param name="Report">Its requests' compliance, budgets against the set's own target.</param>
public sealed record ObjectiveSetCompliance(ObjectiveSet Set, ComplianceReport Report);

/// <summary>The burn-rate alerts of one objective set of an agreement (see <see cref="SlaTimer.EvaluateAlertsBySet"/>).</summary>
/// <param name="Set">The objective set.</param>
/// <param name="Alerts">One result per rule of the policy, in rule order, against the set's own target.</param>
public sealed record ObjectiveSetAlerts(ObjectiveSet Set, ImmutableArray<BurnRateAlert> Alerts);
