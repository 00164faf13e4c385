namespace InternalCustomer.Scorecards;

/// <summary>A relationship to work on, with its place in the attention list and why.</summary>
/// <param name="Rank">1 for the most urgent.</param>
/// <param name="Provider">The supplier.</param>
/// <param name="Consumer">The internal customer.</param>
/// <param name="Score">Gap × importance × blast radius.</param>
/// <param name="Gap">The relationship's combined gap (0–1).</param>
/// <param name="Importance">The dependency's criticality divided by 5 (Medium when there is no dependency edge).</param>
/// <param name="BlastRadius">How many departments depend, transitively, on the provider (at least 1).</param>
/// <param name="Reason">Why, in words a manager understands.</param>
public sealed record AttentionItem(int Rank, DepartmentId Provider, DepartmentId Consumer, double Score, double Gap, double Importance, int BlastRadius, string Reason);
