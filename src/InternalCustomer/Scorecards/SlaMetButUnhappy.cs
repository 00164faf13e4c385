using System.Collections.Immutable;

namespace InternalCustomer.Scorecards;

/// <summary>
/// Every time objective with decided requests is met, yet the customer's satisfaction is clearly below target:
/// the whole CSAT interval lies below it (<c>Interval.Upper &lt; Target</c>), with at least
/// <see cref="ScorecardOptions.MinimumResponses"/> responses. The SLA probably measures the wrong thing.
/// </summary>
/// <param name="Provider">The supplier.</param>
/// <param name="Consumer">The internal customer.</param>
/// <param name="TimeObjectives">The time objectives with decided requests, all met.</param>
/// <param name="Responses">How many responses the consumer gave about the provider.</param>
/// <param name="Csat">Their CSAT (top-box share).</param>
/// <param name="Interval">Its Wilson interval at the options' confidence level; its upper end is below <paramref name="Target"/>.</param>
/// <param name="Target">The CSAT target applied (the threshold crossed).</param>
/// <param name="TopBoxes">How many top points of the overall scale count as satisfied (<see cref="ScorecardOptions.CsatTopBoxes"/>).</param>
/// <param name="MinimumResponses">The fewest responses a satisfaction finding needs (<see cref="ScorecardOptions.MinimumResponses"/>); <paramref name="Responses"/> is at least this.</param>
public sealed record SlaMetButUnhappy(
    DepartmentId Provider,
    DepartmentId Consumer,
    ImmutableArray<ObjectiveCompliance> TimeObjectives,
    long Responses,
    double Csat,
    ConfidenceInterval Interval,
    double Target,
    int TopBoxes,
    int MinimumResponses) : RelationshipFinding(Provider, Consumer);
