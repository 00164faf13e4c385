using System.Collections.Immutable;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Data;

/// <summary>
/// Summaries of a stream of feedback records — from a table (<see cref="FeedbackResponseTable.ReadRecordsAsync"/>) or from a
/// CSV or JSON document (<c>FeedbackResponseCsv.ReadRecordsAsync</c>) — made as the records arrive, in constant memory
/// per relationship.
/// </summary>
public static class FeedbackStreams
{
    /// <summary>One feedback summary per provider × consumer relationship (the response's subject × respondent), each on
    /// the scale and dimension set of the relationship's first response: the complete summaries, or every problem and no
    /// summary.</summary>
    /// <param name="records">The records, as a streaming reader yields them.</param>
    /// <param name="cancellationToken">Stops the summary.</param>
    /// <returns>The summaries, sorted by provider then consumer; a failure with the records' problems (at most 100, then a
    /// count) when any record has one, or with a problem at the record when a relationship's responses are on different
    /// scales or dimension sets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="DatabaseReadException">The database failed during the read; no summary is returned.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled; no summary is returned.</exception>
    public static async Task<Result<ImmutableSortedDictionary<Relationship, FeedbackSummary>>> SummariseByRelationshipAsync(
        IAsyncEnumerable<RecordResult<FeedbackResponse>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var summaries = new Dictionary<Relationship, FeedbackSummary>();
        var problems = new ProblemCollector();
        await foreach (var item in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var problem in item.Problems)
            {
                problems.Add(problem);
            }

            if (item.Record is not { } response || problems.Count > 0)
            {
                continue;
            }

            var relationship = new Relationship(response.Subject, response.Respondent);
            if (!summaries.TryGetValue(relationship, out var summary))
            {
                summary = FeedbackSummary.Empty(response.OverallScale, response.Dimensions);
            }

            try
            {
                summaries[relationship] = summary.Add(response);
            }
            catch (ArgumentException e)
            {
                // A response on another scale or dimension set than the relationship's first.
                problems.Add(ProblemKind.InvalidValue, item.Origin!.Location, $"Expected every response of the relationship {relationship.Provider} → {relationship.Consumer} on the scale and dimension set of its first; this one is not: {e.Message}");
            }
        }

        return problems.Count > 0
            ? Result.Failure<ImmutableSortedDictionary<Relationship, FeedbackSummary>>(problems.ToImmutable())
            : Result.Success(summaries.ToImmutableSortedDictionary());
    }
}
