namespace InternalCustomer.Scorecards;

/// <summary>
/// With at least <see cref="ScorecardOptions.MinimumResponses"/> responses, the consumer's CSAT of the provider is below
/// the target, so the relationship has a satisfaction gap (<see cref="RelationshipHealth.SatisfactionGap"/> &gt; 0), and the
/// finding is not already <see cref="SlaMetButUnhappy"/> (every time objective met and the whole interval below the target).
/// </summary>
/// <param name="Provider">The supplier.</param>
/// <param name="Consumer">The internal customer.</param>
/// <param name="Responses">How many responses the consumer gave about the provider.</param>
/// <param name="Csat">Their CSAT (top-box share), below <paramref name="Target"/>.</param>
/// <param name="Interval">Its Wilson interval at the options' confidence level.</param>
/// <param name="Target">The CSAT target applied (the threshold crossed).</param>
/// <param name="Shortfall">The relative shortfall <c>(target − CSAT) / target</c>: exactly <see cref="RelationshipHealth.SatisfactionGap"/>.</param>
/// <param name="TopBoxes">How many top points of the overall scale count as satisfied (<see cref="ScorecardOptions.CsatTopBoxes"/>).</param>
/// <param name="MinimumResponses">The fewest responses a satisfaction gap needs (<see cref="ScorecardOptions.MinimumResponses"/>).</param>
public sealed record SatisfactionShortfall(
    DepartmentId Provider,
    DepartmentId Consumer,
    long Responses,
    double Csat,
    ConfidenceInterval Interval,
    double Target,
    double Shortfall,
    int TopBoxes,
    int MinimumResponses) : RelationshipFinding(Provider, Consumer)
{
    /// <summary>Gets a value indicating whether the whole interval lies below the target (<c>Interval.Upper &lt; Target</c>),
    /// so that the shortfall is not sampling noise.</summary>
    public bool IsWhollyBelowTarget => Interval.Upper < Target;
}
