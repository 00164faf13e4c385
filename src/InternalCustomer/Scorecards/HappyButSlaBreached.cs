namespace InternalCustomer.Scorecards;

/// <summary>
/// The customer is clearly satisfied (the whole CSAT interval lies at or above target, <c>Interval.Lower ≥ Target</c>,
/// with at least <see cref="ScorecardOptions.MinimumResponses"/> responses) although a time objective is breached:
/// the targets may be stricter than the customer needs.
/// </summary>
/// <param name="Provider">The supplier.</param>
/// <param name="Consumer">The internal customer.</param>
/// <param name="Breached">The breached time objective furthest below its target (<see cref="RelationshipHealth.WorstTimeObjective"/>).</param>
/// <param name="Responses">How many responses the consumer gave about the provider.</param>
/// <param name="Csat">Their CSAT (top-box share).</param>
/// <param name="Interval">Its Wilson interval at the options' confidence level; its lower end is at or above <paramref name="Target"/>.</param>
/// <param name="Target">The CSAT target applied (the threshold crossed).</param>
/// <param name="TopBoxes">How many top points of the overall scale count as satisfied (<see cref="ScorecardOptions.CsatTopBoxes"/>).</param>
/// <param name="MinimumResponses">The fewest responses a satisfaction finding needs (<see cref="ScorecardOptions.MinimumResponses"/>); <paramref name="Responses"/> is at least this.</param>
public sealed record HappyButSlaBreached(
    DepartmentId Provider,
    DepartmentId Consumer,
    ObjectiveCompliance Breached,
    long Responses,
    double Csat,
    ConfidenceInterval Interval,
    double Target,
    int TopBoxes,
    int MinimumResponses) : RelationshipFinding(Provider, Consumer);
