using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// Which requests an <see cref="ObjectiveSet"/> applies to: by priority, service and category, each a set of allowed
/// values where an empty set allows any value.
/// </summary>
/// <remarks>
/// <para>A request matches when every non-empty dimension contains the request's value; a request without a value
/// (no priority, say) matches only a dimension that allows any. Two selectors overlap when some request could match
/// both: every dimension of one shares a value with the other's, or one of them allows any.</para>
/// <para>Equality is component-wise (the values are kept sorted).</para>
/// </remarks>
public sealed class RequestSelector : IEquatable<RequestSelector>
{
    /// <summary>Creates a selector.</summary>
    /// <param name="priorities">The priorities it selects; <see langword="null"/> or empty for any.</param>
    /// <param name="services">The services it selects; <see langword="null"/> or empty for any.</param>
    /// <param name="categories">The categories it selects (compared ordinally); <see langword="null"/> or empty for any.</param>
    /// <exception cref="ArgumentException">A priority or service is <c>default</c>, a category is blank, or a value is repeated.</exception>
    public RequestSelector(IEnumerable<PriorityId>? priorities = null, IEnumerable<ServiceId>? services = null, IEnumerable<string>? categories = null)
    {
        Priorities = Distinct(priorities, p => p.IsDefault ? "Expected parsed priorities; got default(PriorityId)." : null, nameof(priorities), Comparer<PriorityId>.Default);
        Services = Distinct(services, s => s.IsDefault ? "Expected parsed services; got default(ServiceId)." : null, nameof(services), Comparer<ServiceId>.Default);
        Categories = Distinct(categories, c => string.IsNullOrWhiteSpace(c) ? $"A category must be non-blank text; got {(c is null ? "null" : $"\"{c}\"")}." : null, nameof(categories), StringComparer.Ordinal);
    }

    /// <summary>Gets the selector that matches every request.</summary>
    public static RequestSelector Any { get; } = new();

    /// <summary>Gets the priorities selected, sorted; empty for any.</summary>
    public ImmutableArray<PriorityId> Priorities { get; }

    /// <summary>Gets the services selected, sorted; empty for any.</summary>
    public ImmutableArray<ServiceId> Services { get; }

    /// <summary>Gets the categories selected, sorted ordinally; empty for any.</summary>
    public ImmutableArray<string> Categories { get; }

    /// <summary>Gets whether the selector matches every request.</summary>
    public bool IsAny => Priorities.IsEmpty && Services.IsEmpty && Categories.IsEmpty;

    /// <summary>Creates a selector of priorities only.</summary>
    /// <param name="priorities">The priorities; at least one.</param>
    /// <returns>The selector.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="priorities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no priority, or as for the constructor.</exception>
    public static RequestSelector ForPriorities(params PriorityId[] priorities)
    {
        ArgumentNullException.ThrowIfNull(priorities);
        return priorities.Length == 0
            ? throw new ArgumentException("Expected at least one priority (use RequestSelector.Any for every request); got none.", nameof(priorities))
            : new(priorities);
    }

    /// <summary>Tells whether a request of a class matches.</summary>
    /// <param name="priority">The request's priority, or <see langword="null"/>.</param>
    /// <param name="service">The request's service, or <see langword="null"/>.</param>
    /// <param name="category">The request's category, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if every non-empty dimension contains the value.</returns>
    public bool Matches(PriorityId? priority, ServiceId? service, string? category) =>
        Allows(Priorities, priority) && Allows(Services, service)
        && (Categories.IsEmpty || (category is not null && Categories.BinarySearch(category, StringComparer.Ordinal) >= 0));

    /// <summary>Tells whether a request matches, by its class at an instant: its priority in force then
    /// (<see cref="ServiceRequest.PriorityAt"/>; a status log may change it), its service and its category.</summary>
    /// <param name="request">The request.</param>
    /// <param name="at">The instant whose priority counts (for a shorthand request, any: its priority does not change).</param>
    /// <returns><see langword="true"/> if every non-empty dimension contains the request's value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <remarks>The timer chooses a status log's set by the priority at the clock's final stop, or at the instant of
    /// evaluation while it runs (docs/service-desk-agreements.md); pass that instant to ask what the timer asks.</remarks>
    public bool Matches(ServiceRequest request, Instant at)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Matches(request.PriorityAt(at), request.Service, request.Category);
    }

    /// <summary>Tells whether some request could match both selectors.</summary>
    /// <param name="other">The other selector.</param>
    /// <returns><see langword="true"/> if they overlap.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool Overlaps(RequestSelector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Share(Priorities, other.Priorities) && Share(Services, other.Services) && Share(Categories, other.Categories);
    }

    /// <inheritdoc />
    public bool Equals(RequestSelector? other) =>
        other is not null
        && Priorities.SequenceEqual(other.Priorities) && Services.SequenceEqual(other.Services)
        && Categories.SequenceEqual(other.Categories, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RequestSelector);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in Priorities)
        {
            hash.Add(p);
        }

        hash.Add('|');
        foreach (var s in Services)
        {
            hash.Add(s);
        }

        hash.Add('|');
        foreach (var c in Categories)
        {
            hash.Add(c, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns a description such as <c>priority P1 or P2, any service, category Hardware</c>, or <c>any request</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        IsAny
            ? "any request"
            : $"{Part("priority", Priorities)}, {Part("service", Services)}, {Part("category", Categories)}";

    private static string Part<T>(string name, ImmutableArray<T> values) =>
        values.IsEmpty ? $"any {name}" : $"{name} {string.Join(" or ", values)}";

    private static bool Allows<T>(ImmutableArray<T> values, T? value)
        where T : struct
        => values.IsEmpty || (value is { } v && values.Contains(v));

    private static bool Share<T>(ImmutableArray<T> a, ImmutableArray<T> b) => a.IsEmpty || b.IsEmpty || a.Intersect(b).Any();

    private static ImmutableArray<T> Distinct<T>(IEnumerable<T>? values, Func<T, string?> check, string parameterName, IComparer<T> order)
    {
        if (values is null)
        {
            return [];
        }

        var list = values.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (check(list[i]) is { } problem)
            {
                throw new ArgumentException(problem, parameterName);
            }

            var first = list.IndexOf(list[i]);
            if (first < i)
            {
                throw new ArgumentException($"Each value must be listed once; '{list[i]}' appears at positions {first} and {i}.", parameterName);
            }
        }

        list.Sort(order);
        return [.. list];
    }
}
