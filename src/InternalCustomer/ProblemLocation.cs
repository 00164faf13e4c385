using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace InternalCustomer;

/// <summary>
/// Where a <see cref="Problem"/> is, as data: a path of <see cref="PathSegment"/>s into a structure
/// (<c>departments</c>, <c>[3]</c>, <c>parent</c>), or a line and column in a text (with an optional path
/// below it, such as the CSV column's name).
/// </summary>
/// <remarks>
/// <para>A path renders as a JSON path: <c>$.departments[3].parent</c> (names that are not plain letters,
/// digits and '_' in brackets, <c>$['a b']</c>). The organisation builder's sections and the organisation
/// document share this layout, so a path from <c>OrganizationBuilder</c> names the same
/// place in a document read by the interchange package. A text position renders as <c>line 4, column 17</c>,
/// with a path below it in parentheses: <c>line 12, column 3 (opened)</c>; lines and columns count from 1.</para>
/// <para>Immutable. Equality is by line, column and segments.</para>
/// </remarks>
public sealed class ProblemLocation : IEquatable<ProblemLocation>
{
    private const int ShownNameLength = 60;

    private ProblemLocation(int? line, int? column, ImmutableArray<PathSegment> segments)
    {
        Line = line;
        Column = column;
        Segments = segments;
    }

    /// <summary>Gets the root of a structure: the empty path, rendered <c>$</c>.</summary>
    public static ProblemLocation Root { get; } = new(null, null, []);

    /// <summary>Gets the path's segments, outermost first; below the text position when <see cref="IsInText"/>.</summary>
    public ImmutableArray<PathSegment> Segments { get; }

    /// <summary>Gets the line in a text, from 1, or <see langword="null"/> for a path into a structure.</summary>
    public int? Line { get; }

    /// <summary>Gets the column in the line, from 1, or <see langword="null"/> when only the line is known (or for a path).</summary>
    public int? Column { get; }

    /// <summary>Gets a value indicating whether the location is a position in a text rather than a path from a root.</summary>
    public bool IsInText => Line is not null;

    /// <summary>Creates a path from a root.</summary>
    /// <param name="segments">The segments, outermost first.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> is <see langword="null"/>.</exception>
    public static ProblemLocation FromPath(IEnumerable<PathSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return new ProblemLocation(null, null, [.. segments]);
    }

    /// <summary>Creates a position in a text.</summary>
    /// <param name="line">The line, from 1.</param>
    /// <param name="column">The column, from 1, or <see langword="null"/> when only the line is known.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> or <paramref name="column"/> is less than 1.</exception>
    public static ProblemLocation InText(int line, int? column = null)
    {
        if (line < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, string.Create(CultureInfo.InvariantCulture, $"Expected a line number >= 1; got {line}."));
        }

        if (column is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, string.Create(CultureInfo.InvariantCulture, $"Expected a column number >= 1; got {column}."));
        }

        return new ProblemLocation(line, column, []);
    }

    /// <summary>Tells whether two locations are equal.</summary>
    /// <param name="left">The first location.</param>
    /// <param name="right">The second location.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ProblemLocation? left, ProblemLocation? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tells whether two locations differ.</summary>
    /// <param name="left">The first location.</param>
    /// <param name="right">The second location.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ProblemLocation? left, ProblemLocation? right) => !(left == right);

    /// <summary>Returns the location of a property below this one.</summary>
    /// <param name="name">The property name; may be empty.</param>
    /// <returns>The longer location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public ProblemLocation Property(string name) => new(Line, Column, Segments.Add(PathSegment.Property(name)));

    /// <summary>Returns the location of a list element below this one.</summary>
    /// <param name="index">The index, from 0.</param>
    /// <returns>The longer location.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public ProblemLocation Element(int index) => new(Line, Column, Segments.Add(PathSegment.Element(index)));

    /// <summary>Tells whether <paramref name="other"/> is this location or lies below it (same text position, and this path is a prefix of its path).</summary>
    /// <param name="other">The other location.</param>
    /// <returns>Whether this location encloses <paramref name="other"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool Contains(ProblemLocation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Line != other.Line || (Column is not null && Column != other.Column) || Segments.Length > other.Segments.Length)
        {
            return false;
        }

        for (var i = 0; i < Segments.Length; i++)
        {
            if (Segments[i] != other.Segments[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(ProblemLocation? other) =>
        other is not null && Line == other.Line && Column == other.Column && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProblemLocation);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Line);
        hash.Add(Column);
        foreach (var segment in Segments)
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// Renders the location: a JSON path such as <c>$.departments[3].parent</c>, or a text position such as
    /// <c>line 12, column 3 (opened)</c>. Names longer than 60 characters are shortened with "...".
    /// </summary>
    /// <returns>The location as text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Line is { } line)
        {
            text.Append(CultureInfo.InvariantCulture, $"line {line}");
            if (Column is { } column)
            {
                text.Append(CultureInfo.InvariantCulture, $", column {column}");
            }

            if (!Segments.IsEmpty)
            {
                text.Append(" (");
                for (var i = 0; i < Segments.Length; i++)
                {
                    if (i > 0 && !Segments[i].IsIndex)
                    {
                        text.Append('.');
                    }

                    text.Append(Segments[i].Name is { } name ? Shorten(name) : Segments[i].ToString());
                }

                text.Append(')');
            }

            return text.ToString();
        }

        text.Append('$');
        foreach (var segment in Segments)
        {
            if (segment.Name is not { } name)
            {
                text.Append(segment.ToString());
            }
            else if (IsPlain(name))
            {
                text.Append('.').Append(name);
            }
            else
            {
                text.Append("['")
                    .Append(Shorten(name).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal))
                    .Append("']");
            }
        }

        return text.ToString();
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string name) => name.Length <= ShownNameLength ? name : name[..(ShownNameLength - 3)] + "...";
}
