namespace InternalCustomer.Feedback;

/// <summary>A provider × consumer pair: the department giving a service and the department receiving it.</summary>
/// <remarks>Ordered by provider, then consumer (ordinal). <c>default</c> holds two default ids and is never produced by the grouping.</remarks>
/// <param name="Provider">The providing department (the subject of the feedback).</param>
/// <param name="Consumer">The consuming department (the respondent).</param>
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
