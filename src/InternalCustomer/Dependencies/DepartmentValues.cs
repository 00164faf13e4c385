using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace InternalCustomer.Dependencies;

/// <summary>
/// One value per department of a <see cref="DependencyGraph"/> (a degree, a centrality score),
/// as an immutable read-only dictionary whose enumeration follows department id order.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>Looking up a department that is not in the graph throws a <see cref="KeyNotFoundException"/> naming it
/// (as dictionaries do); <see cref="TryGetValue"/> returns <see langword="false"/> instead.</remarks>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A result of per-department values; it offers dictionary lookup, but is not a general-purpose dictionary.")]
public sealed class DepartmentValues<T> : IReadOnlyDictionary<DepartmentId, T>
{
    private readonly DependencyGraph _graph;

    internal DepartmentValues(DependencyGraph graph, ImmutableArray<T> values)
    {
        _graph = graph;
        Values = values;
    }

    /// <summary>Gets the values in department id order (the order of <see cref="DependencyGraph.Departments"/>).</summary>
    public ImmutableArray<T> Values { get; }

    /// <inheritdoc />
    public int Count => Values.Length;

    /// <summary>Gets the department ids in order.</summary>
    public IEnumerable<DepartmentId> Keys => _graph.Departments.Select(d => d.Id);

    IEnumerable<T> IReadOnlyDictionary<DepartmentId, T>.Values => Values;

    /// <summary>Gets the value of a department.</summary>
    /// <param name="key">The department id.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException"><paramref name="key"/> is not a department of the graph.</exception>
    public T this[DepartmentId key] =>
        _graph.TryGetIndex(key, out var i)
            ? Values[i]
            : throw new KeyNotFoundException($"Expected a department of the graph; got '{key}', which is not one.");

    /// <inheritdoc />
    public bool ContainsKey(DepartmentId key) => _graph.TryGetIndex(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(DepartmentId key, [MaybeNullWhen(false)] out T value)
    {
        if (_graph.TryGetIndex(key, out var i))
        {
            value = Values[i];
            return true;
        }

        value = default;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<DepartmentId, T>> GetEnumerator()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            yield return KeyValuePair.Create(_graph.IdAt(i), Values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
