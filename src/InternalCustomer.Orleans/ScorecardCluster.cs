using System.Collections.Immutable;
using InternalCustomer.Interchange.State;
using InternalCustomer.Scorecards;

namespace InternalCustomer.Orleans;

/// <summary>
/// The client side of the scorecard roll-up: publishes events to their relationships' grains and assembles the
/// organisation scorecard by merging the states of all relationships listed in the directory.
/// </summary>
/// <remarks>
/// <para>Use it from an Orleans client (<c>IClusterClient</c>) or inside a silo (its <c>IGrainFactory</c>). Its
/// <see cref="Model"/> must equal the one the silos were configured with
/// (<see cref="ScorecardSiloBuilderExtensions.AddScorecardRollup"/>).</para>
/// <para><b>Exactness.</b> The merged scorecard equals <see cref="Scorecard.Compute"/> over the counted events bit for
/// bit, whatever the order, the silos and the replays (each event id counts once).</para>
/// <para><b>Cost.</b> Publishing sends one call per relationship of the batch, in parallel; each call is one storage
/// write. The roll-up reads every listed relationship's state (one call each, in parallel) and merges them on the caller:
/// O(relationships × (state size + the accumulator's set-up)), plus what <see cref="ScorecardAccumulator.ToScorecard"/>
/// costs.</para>
/// </remarks>
public sealed class ScorecardCluster
{
    private readonly IGrainFactory _grains;

    /// <summary>Creates the client side of a roll-up.</summary>
    /// <param name="grains">The grain factory of a cluster client or a silo.</param>
    /// <param name="model">The organisation and options; equal to the silos'.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ScorecardCluster(IGrainFactory grains, ScorecardModel model)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(model);
        _grains = grains;
        Model = model;
    }

    /// <summary>Gets the organisation and options.</summary>
    public ScorecardModel Model { get; }

    /// <summary>Gets the grain of a relationship.</summary>
    /// <param name="relationship">The relationship; both departments of the organisation.</param>
    /// <returns>The grain reference.</returns>
    /// <exception cref="ArgumentException">The relationship names a department the organisation lacks.</exception>
    public IRelationshipScorecardGrain GetGrain(Relationship relationship)
    {
        foreach (var department in new[] { relationship.Provider, relationship.Consumer })
        {
            if (department == default || !Model.Organization.Contains(department))
            {
                throw new ArgumentException($"Expected a relationship between departments of the organization; got {relationship.Provider} ← {relationship.Consumer}, which names a department it lacks.", nameof(relationship));
            }
        }

        return _grains.GetGrain<IRelationshipScorecardGrain>(RelationshipKey.Format(relationship));
    }

    /// <summary>Publishes events: each to its relationship's grain (<see cref="ScorecardModel.RelationshipOf(Agreements.ServiceRequest)"/>),
    /// one call per relationship, in parallel. Every event is checked before any is sent.</summary>
    /// <param name="requests">The request-decided events.</param>
    /// <param name="responses">The response-received events.</param>
    /// <param name="cancellationToken">Cancels before the events are sent.</param>
    /// <returns>How many events were counted now; events counted before (a replay) are not.</returns>
    /// <exception cref="ArgumentNullException">A sequence or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An event belongs to no relationship of the organisation (its agreement or a
    /// department is unknown), or a grain rejects an event (see <see cref="IRelationshipScorecardGrain.AddAsync"/>; the
    /// other relationships' calls may have counted their events).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before sending.</exception>
    public async Task<int> PublishAsync(IEnumerable<RequestDecided> requests, IEnumerable<ResponseReceived> responses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        var batches = new SortedDictionary<string, (ImmutableArray<RequestDecided>.Builder Requests, ImmutableArray<ResponseReceived>.Builder Responses)>(StringComparer.Ordinal);
        (ImmutableArray<RequestDecided>.Builder, ImmutableArray<ResponseReceived>.Builder) BatchOf(Relationship relationship)
        {
            var key = RelationshipKey.Format(relationship);
            if (!batches.TryGetValue(key, out var batch))
            {
                batch = (ImmutableArray.CreateBuilder<RequestDecided>(), ImmutableArray.CreateBuilder<ResponseReceived>());
                batches.Add(key, batch);
            }

            return batch;
        }

        var index = 0;
        foreach (var e in requests)
        {
            BatchOf(Model.RelationshipOf((e ?? throw new ArgumentNullException(nameof(requests), $"Expected request events; got null at index {index}.")).Request)).Item1.Add(e);
            index++;
        }

        index = 0;
        foreach (var e in responses)
        {
            BatchOf(Model.RelationshipOf((e ?? throw new ArgumentNullException(nameof(responses), $"Expected response events; got null at index {index}.")).Response)).Item2.Add(e);
            index++;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var calls = batches.Select(b => _grains.GetGrain<IRelationshipScorecardGrain>(b.Key).AddAsync(b.Value.Requests.ToImmutable(), b.Value.Responses.ToImmutable(), cancellationToken));
        var counted = await Task.WhenAll(calls).ConfigureAwait(false);
        return counted.Sum();
    }

    /// <summary>Gets the relationships the directory lists (those that have counted an event), in order.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The relationships.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ImmutableArray<Relationship>> GetRelationshipsAsync(CancellationToken cancellationToken = default)
    {
        var keys = await _grains.GetGrain<IScorecardDirectoryGrain>(0).GetRelationshipsAsync(cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(RelationshipKey.Parse).Order()];
    }

    /// <summary>Gets one relationship's scorecard state.</summary>
    /// <param name="relationship">The relationship; both departments of the organisation.</param>
    /// <returns>The state (the empty state when it counted nothing).</returns>
    /// <exception cref="ArgumentException">The relationship names a department the organisation lacks.</exception>
    /// <exception cref="ProblemException">The grain's persisted state cannot be read (corrupted or of a future format).</exception>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ScorecardState> GetRelationshipStateAsync(Relationship relationship, CancellationToken cancellationToken = default)
    {
        var blob = await GetGrain(relationship).GetStateAsync(cancellationToken).ConfigureAwait(false);
        return SummaryStateBinary.ReadScorecardState(blob).GetValueOrThrow();
    }

    /// <summary>Merges the states of every listed relationship into the organisation's scorecard state.</summary>
    /// <param name="cancellationToken">Cancels between the reads and the merge.</param>
    /// <returns>The merged state.</returns>
    /// <exception cref="ProblemException">A grain's persisted state cannot be read.</exception>
    /// <exception cref="ArgumentException">A grain's state was accumulated under another basis than <see cref="Model"/>'s options.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ScorecardState> GetStateAsync(CancellationToken cancellationToken = default) =>
        (await MergeAsync(cancellationToken).ConfigureAwait(false)).ToState();

    /// <summary>Assembles the organisation scorecard from the merged state of every listed relationship; it equals
    /// <see cref="Scorecard.Compute"/> over the events counted.</summary>
    /// <param name="cancellationToken">Cancels between the reads and the merge.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="ProblemException">A grain's persisted state cannot be read.</exception>
    /// <exception cref="ArgumentException">A grain's state was accumulated under another basis than <see cref="Model"/>'s options.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<OrganizationScorecard> GetScorecardAsync(CancellationToken cancellationToken = default) =>
        (await MergeAsync(cancellationToken).ConfigureAwait(false)).ToScorecard();

    private async Task<ScorecardAccumulator> MergeAsync(CancellationToken cancellationToken)
    {
        var relationships = await GetRelationshipsAsync(cancellationToken).ConfigureAwait(false);
        var blobs = await Task.WhenAll(relationships.Select(r => GetGrain(r).GetStateAsync(cancellationToken))).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var total = new ScorecardAccumulator(Model.Organization, Model.Options);
        foreach (var blob in blobs)
        {
            total.Merge(ScorecardAccumulator.FromState(Model.Organization, Model.Options, SummaryStateBinary.ReadScorecardState(blob).GetValueOrThrow()));
        }

        return total;
    }
}
