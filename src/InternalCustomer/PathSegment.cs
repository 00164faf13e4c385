using System.Globalization;

namespace InternalCustomer;

/// <summary>
/// One step of a <see cref="ProblemLocation"/> path: a property name (<c>parent</c>) or an index into a list (<c>[3]</c>).
/// </summary>
/// <remarks><c>default</c> is the index 0. Equality is by kind and value (names compare ordinally).</remarks>
public readonly struct PathSegment : IEquatable<PathSegment>
{
    private PathSegment(string? name, int index)
    {
        Name = name;
        _index = index;
    }

    private readonly int _index;

    /// <summary>Gets the property name, or <see langword="null"/> when the segment is an index.</summary>
    public string? Name { get; }

    /// <summary>Gets the index, or <see langword="null"/> when the segment is a property name.</summary>
    public int? Index => Name is null ? _index : null;

    /// <summary>Gets a value indicating whether the segment is an index into a list.</summary>
    public bool IsIndex => Name is null;

    /// <summary>Creates a property-name segment.</summary>
    /// <param name="name">The property name; may be empty (JSON allows an empty key).</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static PathSegment Property(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new PathSegment(name, 0);
    }

    /// <summary>Creates an index segment.</summary>
    /// <param name="index">The index, from 0.</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static PathSegment Element(int index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, string.Create(CultureInfo.InvariantCulture, $"Expected an index >= 0; got {index}."));
        }

        return new PathSegment(null, index);
    }

    /// <summary>Tells whether two segments are equal.</summary>
    /// <param name="left">The first segment.</param>
    /// <param name="right">The second segment.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PathSegment left, PathSegment right) => left.Equals(right);

    /// <summary>Tells whether two segments differ.</summary>
    /// <param name="left">The first segment.</param>
    /// <param name="right">The second segment.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PathSegment left, PathSegment right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(PathSegment other) => string.Equals(Name, other.Name, StringComparison.Ordinal) && (Name is not null || _index == other._index);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PathSegment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Name is null ? _index : StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Returns the name, or the index in brackets (<c>[3]</c>).</summary>
    /// <returns>The segment as text.</returns>
    public override string ToString() => Name ?? string.Create(CultureInfo.InvariantCulture, $"[{_index}]");
}
