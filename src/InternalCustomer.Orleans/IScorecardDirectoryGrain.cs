using System.Collections.Immutable;

namespace InternalCustomer.Orleans;

/// <summary>
/// The directory of the relationships that have counted an event (one grain, key 0): the roll-up merges the states of
/// exactly these. A relationship grain registers itself before it first persists its state, so a listed relationship
/// may hold the empty state, and every relationship holding events is listed.
/// </summary>
public interface IScorecardDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a relationship key (no effect when listed).</summary>
    /// <param name="relationshipKey">The key (<see cref="RelationshipKey.Format"/>).</param>
    /// <returns>A task that completes when the directory has persisted the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="relationshipKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="relationshipKey"/> is not a relationship key.</exception>
    /// <exception cref="InvalidOperationException">The grain storage's database failed (the message carries its error).</exception>
    Task RegisterAsync(string relationshipKey);

    /// <summary>Gets the listed relationship keys, in ordinal order.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ImmutableArray<string>> GetRelationshipsAsync(CancellationToken cancellationToken = default);
}
