namespace InternalCustomer;

/// <summary>A provider × consumer pair: the department giving a service and the department receiving it.</summary>
/// <remarks>The library's one name for a directed pair of departments: feedback is grouped by it (the provider is the
/// subject of the feedback, the consumer the respondent), scorecards report on it, and the dependency graph names
/// the links of its condensation with it (the consumer depends on the provider). Ordered by provider, then consumer
/// (ordinal). <c>default</c> holds two default ids and is never produced by the library.</remarks>
/// <param name="Provider">The providing department (the internal supplier).</param>
/// <param name="Consumer">The consuming department (the internal customer).</param>
public readonly record struct Relationship(DepartmentId Provider, DepartmentId Consumer) : IComparable<Relationship>
{
    /// <summary>Compares by provider, then consumer.</summary>
    /// <param name="other">The pair to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Relationship other)
    {
        var c = Provider.CompareTo(other.Provider);
        return c != 0 ? c : Consumer.CompareTo(other.Consumer);
    }

    /// <summary>Ordering by provider, then consumer.</summary>
    /// <param name="left">The first pair.</param>
    /// <param name="right">The second pair.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Relationship left, Relationship right) => left.CompareTo(right) < 0;

    /// <summary>Ordering by provider, then consumer.</summary>
    /// <param name="left">The first pair.</param>
    /// <param name="right">The second pair.</param>
    /// <returns>Whether <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(Relationship left, Relationship right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering by provider, then consumer.</summary>
    /// <param name="left">The first pair.</param>
    /// <param name="right">The second pair.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Relationship left, Relationship right) => left.CompareTo(right) > 0;

    /// <summary>Ordering by provider, then consumer.</summary>
    /// <param name="left">The first pair.</param>
    /// <param name="right">The second pair.</param>
    /// <returns>Whether <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(Relationship left, Relationship right) => left.CompareTo(right) >= 0;
}
