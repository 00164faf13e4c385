using System.Collections.Immutable;

namespace InternalCustomer.Orleans;

// The directory grain (see IScorecardDirectoryGrain): a sorted, persisted list of relationship keys.
internal sealed class ScorecardDirectoryGrain(
    [PersistentState(ScorecardStorage.DirectoryStateName, ScorecardStorage.ProviderName)] IPersistentState<ScorecardDirectoryState> state) : Grain, IScorecardDirectoryGrain
{
    public async Task RegisterAsync(string relationshipKey)
    {
        ArgumentNullException.ThrowIfNull(relationshipKey);
        _ = RelationshipKey.Parse(relationshipKey);
        var previous = state.State;
        var at = Array.BinarySearch(previous.Relationships, relationshipKey, StringComparer.Ordinal);
        if (at >= 0)
        {
            return;
        }

        state.State = new ScorecardDirectoryState { Relationships = [.. previous.Relationships[..~at], relationshipKey, .. previous.Relationships[~at..]] };
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            state.State = previous;
            DeactivateOnIdle();
            if (StorageFailure.Of(e, "the directory") is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    public Task<ImmutableArray<string>> GetRelationshipsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ImmutableArray.Create(state.State.Relationships));
    }
}
