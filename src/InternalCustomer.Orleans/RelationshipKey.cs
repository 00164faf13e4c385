
namespace InternalCustomer.Orleans;

/// <summary>
/// The key of a relationship's grain: <c>provider&gt;consumer</c>, the two department ids (which never contain
/// <c>&gt;</c>) joined by <c>&gt;</c>.
/// </summary>
public static class RelationshipKey
{
    /// <summary>The character between the provider's and the consumer's id.</summary>
    public const char Separator = '>';

    /// <summary>Formats the key of a relationship.</summary>
    /// <param name="relationship">The relationship.</param>
    /// <returns>The key, such as <c>it&gt;finance</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="relationship"/> is <see langword="default"/> (no departments).</exception>
    public static string Format(Relationship relationship)
    {
        if (relationship.Provider == default || relationship.Consumer == default)
        {
            throw new ArgumentException("Expected a relationship of two departments; got the default relationship, which names none.", nameof(relationship));
        }

        return relationship.Provider.ToString() + Separator + relationship.Consumer.ToString();
    }

    /// <summary>Parses a key made by <see cref="Format"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The relationship.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not two department ids joined by <see cref="Separator"/>.</exception>
    public static Relationship Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0 || !DepartmentId.TryParse(key[..at], out var provider) || !DepartmentId.TryParse(key[(at + 1)..], out var consumer))
        {
            throw new ArgumentException($"Expected a relationship key 'provider{Separator}consumer' of two department ids; got \"{key}\".", nameof(key));
        }

        return new Relationship(provider, consumer);
    }
}
