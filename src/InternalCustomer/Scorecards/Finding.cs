namespace InternalCustomer.Scorecards;

/// <summary>
/// A finding of a scorecard that deserves a manager's attention, with the evidence behind it: the numbers,
/// the interval or p-value, and the threshold of <see cref="ScorecardOptions"/> it crossed.
/// </summary>
/// <remarks>
/// <para>The kinds are the sealed records deriving from this one: about a relationship (<see cref="RelationshipFinding"/>:
/// <see cref="SlaMetButUnhappy"/>, <see cref="HappyButSlaBreached"/>, <see cref="HeavyDependenceWithoutAgreement"/>,
/// <see cref="FeedbackOverdue"/>, <see cref="DecliningSatisfaction"/>, <see cref="TimeObjectiveBreached"/>,
/// <see cref="SatisfactionShortfall"/>), about a department (<see cref="InheritedShortfall"/>), about an agreement
/// (<see cref="ReviewDue"/>) or about the shape of the dependency graph (<see cref="GraphFinding"/>).</para>
/// <para>A finding is data; <see cref="FindingText"/> turns it into an English sentence, and <see cref="ToString"/>
/// returns that sentence with department ids as names.</para>
/// </remarks>
public abstract record Finding
{
    private protected Finding()
    {
    }

    /// <summary>Returns the finding in words, as <see cref="FindingText.Describe(Finding)"/>.</summary>
    /// <returns>The sentence.</returns>
    public sealed override string ToString() => FindingText.Describe(this);
}
