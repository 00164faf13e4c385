using System.Collections.Immutable;
using InternalCustomer.Interchange.State;
using InternalCustomer.Scorecards;

namespace InternalCustomer.Orleans;

/// <summary>
/// The grain of one relationship (key: <see cref="RelationshipKey.Format"/>): it holds the relationship's share of the
/// organisation's scorecard state — the <see cref="ScorecardState"/> of the requests and responses counted so far, and
/// the ids of those events — persisted with the grain storage provider <see cref="ScorecardStorage.ProviderName"/>.
/// </summary>
/// <remarks>
/// <para><b>Idempotency.</b> Each event id counts once: an event whose id was counted, with equal content, counts
/// nothing (a replay after a failure); with other content it is rejected. Delivery may therefore be at least once.</para>
/// <para><b>Atomicity.</b> A call's events are counted and persisted together or not at all: if an event is rejected or
/// the storage write fails, the grain keeps its last persisted state (it deactivates after a failed write and reloads).</para>
/// </remarks>
public interface IRelationshipScorecardGrain : IGrainWithStringKey
{
    /// <summary>Counts request-decided and response-received events of this relationship, those not counted before.</summary>
    /// <param name="requests">Requests under agreements between this relationship's provider and consumer.</param>
    /// <param name="responses">Responses whose subject is the provider and whose respondent is the consumer.</param>
    /// <returns>How many events were counted now (events already counted are not).</returns>
    /// <exception cref="ArgumentNullException">An array is default or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The grain's key is not a relationship key of the organisation's departments; an
    /// event belongs to another relationship; an event's id was counted with other content; or the accumulator rejects an
    /// event (see <see cref="ScorecardAccumulator.Add(Agreements.ServiceRequest)"/>). Nothing is counted then.</exception>
    /// <exception cref="InvalidOperationException">The grain storage's database failed (the message carries its error). Nothing
    /// is counted; the grain reloads its persisted state on the next call.</exception>
    /// <param name="cancellationToken">Cancels the call until the grain begins to count; after that the call completes
    /// (its state write included), so that it stays all or nothing.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the grain
    /// began to count (Orleans carries the token to the grain); nothing is counted.</exception>
    Task<int> AddAsync(ImmutableArray<RequestDecided> requests, ImmutableArray<ResponseReceived> responses, CancellationToken cancellationToken = default);

    /// <summary>Gets the relationship's scorecard state, as persisted, in the binary state format
    /// (<see cref="SummaryStateBinary.ReadScorecardState"/>).</summary>
    /// <returns>The state blob; the empty state's when no event was counted.</returns>
    /// <exception cref="ArgumentException">The grain's key is not a relationship key of the organisation's departments.</exception>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<byte[]> GetStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets how many request and response events the relationship has counted.</summary>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentException">The grain's key is not a relationship key of the organisation's departments.</exception>
    Task<(int Requests, int Responses)> GetCountsAsync();
}
