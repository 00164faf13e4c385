using System.Collections.Immutable;
using InternalCustomer.Improvement;

namespace InternalCustomer.Scorecards;

/// <summary>A relationship to work on, with its place in the attention list and the evidence for it.
/// <see cref="FindingText.Describe(AttentionItem, Func{DepartmentId, string}?)"/> words it.</summary>
/// <param name="Rank">1 for the most urgent.</param>
/// <param name="Relationship">The relationship: its gaps, its worst time objective, its satisfaction and its findings.</param>
/// <param name="Score">Gap × importance × blast radius.</param>
/// <param name="Importance">The dependency's criticality divided by 5 (<see cref="Criticality.Medium"/> when there is no dependency edge).</param>
/// <param name="BlastRadius">How many departments depend, transitively, on the provider (at least 1).</param>
public sealed record AttentionItem(int Rank, RelationshipHealth Relationship, double Score, double Importance, int BlastRadius)
{
    /// <summary>Gets the supplier.</summary>
    public DepartmentId Provider => Relationship.Provider;

    /// <summary>Gets the internal customer.</summary>
    public DepartmentId Consumer => Relationship.Consumer;

    /// <summary>Gets the relationship's combined gap (0–1).</summary>
    public double Gap => Relationship.Gap;

    /// <summary>Gets the criticality behind <see cref="Importance"/>: the dependency's, or <see cref="Criticality.Medium"/> without an edge.</summary>
    public Criticality Dependence => Relationship.Dependence ?? Criticality.Medium;

    /// <summary>Gets the relationship's findings (the same instances as in <see cref="OrganizationScorecard.Findings"/>).</summary>
    public ImmutableArray<RelationshipFinding> Findings => Relationship.Findings;

    /// <summary>Gets the improvement actions under way on the relationship (<see cref="RelationshipHealth.ActionsInFlight"/>),
    /// sorted by id; empty when none is (or without <see cref="ScorecardOptions.Improvement"/>). The item stays on the list —
    /// the gap is still there — but its reason says an action is under way, so that nobody starts a second one.</summary>
    public ImmutableArray<ImprovementAction> ActionsUnderWay => Relationship.ActionsInFlight;

    /// <summary>Gets a value indicating whether an improvement action is under way on the relationship.</summary>
    public bool HasActionUnderWay => !Relationship.ActionsInFlight.IsEmpty;

    /// <summary>Returns the item in words, as <see cref="FindingText.Describe(AttentionItem)"/>.</summary>
    /// <returns>The sentence, after the rank.</returns>
    public override string ToString() => $"{Rank}. {FindingText.Describe(this)}";
}
