using System.Collections.Immutable;
using InternalCustomer.Interchange.State;
using InternalCustomer.Scorecards;

namespace InternalCustomer.Orleans;

// The relationship grain (see IRelationshipScorecardGrain). It keeps the live accumulator in memory, rebuilt from the
// persisted state on activation and after any failure, so that an event costs one accumulator Add plus one state write
// per call (the write carries the whole relationship state and its event ids: O(events of the relationship) bytes).
internal sealed class RelationshipScorecardGrain(
    [PersistentState(ScorecardStorage.RelationshipStateName, ScorecardStorage.ProviderName)] IPersistentState<RelationshipScorecardState> state,
    ScorecardModel model) : Grain, IRelationshipScorecardGrain
{
    private Relationship? _relationship;
    private ScorecardAccumulator? _accumulator;
    private Dictionary<string, long>? _requests;
    private Dictionary<string, long>? _responses;

    public async Task<int> AddAsync(ImmutableArray<RequestDecided> requests, ImmutableArray<ResponseReceived> responses, CancellationToken cancellationToken = default)
    {
        // Observed once, before anything is counted: a call is all or nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var relationship = Relationship();
        CheckElements(requests, nameof(requests));
        CheckElements(responses, nameof(responses));
        foreach (var e in requests)
        {
            CheckBelongs(model.RelationshipOf(e.Request), relationship, $"request '{e.Id}'", nameof(requests));
        }

        foreach (var e in responses)
        {
            CheckBelongs(model.RelationshipOf(e.Response), relationship, $"response event '{e.Id}'", nameof(responses));
        }

        var accumulator = Load();
        var freshRequests = Fresh(requests, static e => (e.Id, e.Fingerprint), _requests!, "request", nameof(requests));
        var freshResponses = Fresh(responses, static e => (e.Id, e.Fingerprint), _responses!, "response event", nameof(responses));
        if (freshRequests.Count + freshResponses.Count == 0)
        {
            return 0;
        }

        try
        {
            foreach (var e in freshRequests)
            {
                accumulator.Add(e.Request);
            }

            foreach (var e in freshResponses)
            {
                accumulator.Add(e.Response);
            }
        }
        catch
        {
            // Some events may have been added: rebuild from the persisted state on the next call.
            _accumulator = null;
            throw;
        }

        var previous = state.State;
        var next = new RelationshipScorecardState
        {
            Scorecard = SummaryStateBinary.Write(accumulator.ToState()),
            RequestIds = [.. previous.RequestIds, .. freshRequests.Select(static e => e.Id)],
            RequestFingerprints = [.. previous.RequestFingerprints, .. freshRequests.Select(static e => e.Fingerprint)],
            ResponseIds = [.. previous.ResponseIds, .. freshResponses.Select(static e => e.Id)],
            ResponseFingerprints = [.. previous.ResponseFingerprints, .. freshResponses.Select(static e => e.Fingerprint)],
            Registered = true,
        };
        try
        {
            if (!previous.Registered)
            {
                await GrainFactory.GetGrain<IScorecardDirectoryGrain>(0).RegisterAsync(this.GetPrimaryKeyString());
            }

            state.State = next;
            await state.WriteStateAsync(CancellationToken.None); // once counting began, the call completes: all or nothing
        }
        catch (Exception e)
        {
            // The write may or may not have reached storage: drop the memory and reload it in a new activation.
            state.State = previous;
            _accumulator = null;
            DeactivateOnIdle();
            if (StorageFailure.Of(e, "relationship " + this.GetPrimaryKeyString()) is { } failure)
            {
                throw failure;
            }

            throw;
        }

        foreach (var e in freshRequests)
        {
            _requests![e.Id] = e.Fingerprint;
        }

        foreach (var e in freshResponses)
        {
            _responses![e.Id] = e.Fingerprint;
        }

        return freshRequests.Count + freshResponses.Count;
    }

    public Task<byte[]> GetStateAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = Relationship();
        return Task.FromResult(state.State.Scorecard ?? SummaryStateBinary.Write(Load().ToState()));
    }

    public Task<(int Requests, int Responses)> GetCountsAsync()
    {
        _ = Relationship();
        return Task.FromResult((state.State.RequestIds.Length, state.State.ResponseIds.Length));
    }

    private Relationship Relationship()
    {
        if (_relationship is { } known)
        {
            return known;
        }

        const string Parameter = "key";
        var relationship = RelationshipKey.Parse(this.GetPrimaryKeyString());
        if (!model.Organization.Contains(relationship.Provider) || !model.Organization.Contains(relationship.Consumer))
        {
            throw new ArgumentException($"Expected a relationship grain of two departments of the organization; got the grain of {relationship.Provider} ← {relationship.Consumer}, which names a department it lacks.", Parameter);
        }

        _relationship = relationship;
        return relationship;
    }

    private ScorecardAccumulator Load()
    {
        if (_accumulator is { } loaded)
        {
            return loaded;
        }

        var persisted = state.State;
        _accumulator = persisted.Scorecard is null
            ? new ScorecardAccumulator(model.Organization, model.Options)
            : ScorecardAccumulator.FromState(model.Organization, model.Options, SummaryStateBinary.ReadScorecardState(persisted.Scorecard).GetValueOrThrow());
        _requests = Index(persisted.RequestIds, persisted.RequestFingerprints);
        _responses = Index(persisted.ResponseIds, persisted.ResponseFingerprints);
        return _accumulator;
    }

    private static Dictionary<string, long> Index(string[] ids, long[] fingerprints)
    {
        var index = new Dictionary<string, long>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            index.Add(ids[i], fingerprints[i]);
        }

        return index;
    }

    private static void CheckElements<T>(ImmutableArray<T> events, string parameterName)
        where T : class
    {
        if (events.IsDefault)
        {
            throw new ArgumentNullException(parameterName, "Expected an array of events (possibly empty); got a default array.");
        }

        for (var i = 0; i < events.Length; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentNullException(parameterName, $"Expected events; got null at index {i}.");
            }
        }
    }

    private static void CheckBelongs(Relationship of, Relationship grain, string what, string parameterName)
    {
        if (of != grain)
        {
            throw new ArgumentException($"Expected events of {grain.Provider} ← {grain.Consumer}; got {what} of {of.Provider} ← {of.Consumer}.", parameterName);
        }
    }

    // The events whose id is neither counted nor earlier in the batch; an id seen with another fingerprint is a conflict.
    private static List<T> Fresh<T>(ImmutableArray<T> events, Func<T, (string Id, long Fingerprint)> identity, Dictionary<string, long> counted, string what, string parameterName)
    {
        var fresh = new List<T>();
        var batch = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var (id, fingerprint) = identity(e);
            if (counted.TryGetValue(id, out var known) || batch.TryGetValue(id, out known))
            {
                if (known != fingerprint)
                {
                    throw new ArgumentException($"Expected a replay of {what} '{id}' with the content counted before; got other content under the same id.", parameterName);
                }

                continue;
            }

            batch.Add(id, fingerprint);
            fresh.Add(e);
        }

        return fresh;
    }
}
