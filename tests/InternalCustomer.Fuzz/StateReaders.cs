using System.Collections.Immutable;
using InternalCustomer.Interchange.State;

namespace InternalCustomer.Fuzz;

/// <summary>Reads a summary state of one type, and says whether it is a value and what the problems are.</summary>
/// <param name="state">The state's bytes.</param>
/// <returns>Whether a value came, and every problem.</returns>
internal delegate (bool IsSuccess, ImmutableArray<Problem> Problems) StateRead(ReadOnlySpan<byte> state);

/// <summary>
/// Every summary-state reader of both forms, one per summary type, named as the type's JSON <c>type</c>. Compiled into the
/// fuzzing harness (the <c>state-binary</c> and <c>state-json</c> targets call them all on each input) and, linked, into
/// the test project (the state mutation tests and the corpus check), so that both call the same twelve.
/// </summary>
internal static class StateReaders
{
    /// <summary>Gets the readers of the binary form (<see cref="SummaryStateBinary"/>).</summary>
    internal static ImmutableArray<(string Type, StateRead Read)> Binary { get; } =
    [
        ("rating-summary", b => Of(SummaryStateBinary.ReadRatingSummary(b))),
        ("weighted-rating-summary", b => Of(SummaryStateBinary.ReadWeightedRatingSummary(b))),
        ("moment-summary", b => Of(SummaryStateBinary.ReadMomentSummary(b))),
        ("nps-counts", b => Of(SummaryStateBinary.ReadNpsCounts(b))),
        ("trend-summary", b => Of(SummaryStateBinary.ReadTrendSummary(b))),
        ("co-moment-matrix", b => Of(SummaryStateBinary.ReadCoMomentMatrix(b))),
        ("sla-tally", b => Of(SummaryStateBinary.ReadSlaTally(b))),
        ("campaign-summary", b => Of(SummaryStateBinary.ReadCampaignSummary(b))),
        ("feedback-summary", b => Of(SummaryStateBinary.ReadFeedbackSummary(b))),
        ("servqual-summary", b => Of(SummaryStateBinary.ReadServqualSummary(b))),
        ("trend-tally", b => Of(SummaryStateBinary.ReadTrendTally(b))),
        ("scorecard-state", b => Of(SummaryStateBinary.ReadScorecardState(b))),
    ];

    /// <summary>Gets the readers of the JSON form (<see cref="SummaryStateJson"/>), in the order of <see cref="Binary"/>.</summary>
    internal static ImmutableArray<(string Type, StateRead Read)> Json { get; } =
    [
        ("rating-summary", b => Of(SummaryStateJson.ReadRatingSummary(b))),
        ("weighted-rating-summary", b => Of(SummaryStateJson.ReadWeightedRatingSummary(b))),
        ("moment-summary", b => Of(SummaryStateJson.ReadMomentSummary(b))),
        ("nps-counts", b => Of(SummaryStateJson.ReadNpsCounts(b))),
        ("trend-summary", b => Of(SummaryStateJson.ReadTrendSummary(b))),
        ("co-moment-matrix", b => Of(SummaryStateJson.ReadCoMomentMatrix(b))),
        ("sla-tally", b => Of(SummaryStateJson.ReadSlaTally(b))),
        ("campaign-summary", b => Of(SummaryStateJson.ReadCampaignSummary(b))),
        ("feedback-summary", b => Of(SummaryStateJson.ReadFeedbackSummary(b))),
        ("servqual-summary", b => Of(SummaryStateJson.ReadServqualSummary(b))),
        ("trend-tally", b => Of(SummaryStateJson.ReadTrendTally(b))),
        ("scorecard-state", b => Of(SummaryStateJson.ReadScorecardState(b))),
    ];

    private static (bool, ImmutableArray<Problem>) Of<T>(Result<T> result)
        where T : class => (result.IsSuccess, result.Problems);

    private static (bool, ImmutableArray<Problem>) Of<T>(ValueResult<T> result)
        where T : struct => (result.IsSuccess, result.Problems);
}
