using System.Collections.Immutable;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>
/// Where one record a reader made (a <see cref="Agreements.ServiceRequest"/>, a <see cref="Feedback.FeedbackResponse"/>)
/// came from in its document, so that a problem found later about the record — by <c>Scorecard.Validate</c>, located at
/// the record's part as <c>$.requests[3].agreement</c> — can be said where the reader would have said it: at the line and
/// column of the CSV field, or at the record's JSON path.
/// </summary>
/// <remarks>
/// <para><see cref="Locate"/> takes a path below the record, named as the model names its parts (<c>agreement</c>,
/// <c>statusLog[2].at</c>), and returns the document's location of that part: for JSON the record's path followed by the
/// part's (<c>$.requests[3].agreement</c>); for CSV the line and column where the field starts, with the column's name
/// (<c>line 4, column 12 (agreement)</c>), the entry of a status log being the row it was read from. A part the document
/// does not have (a column left out of the header) is located at the record's line, with the name. A model part whose
/// document field has another name is mapped to it: a response's <c>overallScale</c> to its <c>scaleMax</c> field, the
/// priority of a request given as a status log without a priority of its own to its first entry's.</para>
/// <para>Immutable. Equality is by the record's location and every field's location.</para>
/// </remarks>
public sealed class RecordOrigin : IEquatable<RecordOrigin>
{
    private readonly ImmutableSortedDictionary<string, ProblemLocation> _fields;
    private readonly ImmutableSortedDictionary<string, ImmutableArray<RecordOrigin>> _entries;
    private readonly ImmutableSortedDictionary<string, ProblemLocation> _aliases;

    internal RecordOrigin(
        ProblemLocation location,
        ImmutableSortedDictionary<string, ProblemLocation>? fields = null,
        ImmutableSortedDictionary<string, ImmutableArray<RecordOrigin>>? entries = null,
        ImmutableSortedDictionary<string, ProblemLocation>? aliases = null)
    {
        Location = location;
        _fields = fields ?? ImmutableSortedDictionary<string, ProblemLocation>.Empty.WithComparers(StringComparer.Ordinal);
        _entries = entries ?? ImmutableSortedDictionary<string, ImmutableArray<RecordOrigin>>.Empty.WithComparers(StringComparer.Ordinal);
        _aliases = aliases ?? ImmutableSortedDictionary<string, ProblemLocation>.Empty.WithComparers(StringComparer.Ordinal);
    }

    /// <summary>Gets the location of the whole record: its JSON path (<c>$.requests[3]</c>), or the line its CSV row
    /// (for a request of the status-change layout, its first row) starts on (<c>line 4</c>).</summary>
    public ProblemLocation Location { get; }

    /// <summary>Tells whether two origins are equal.</summary>
    /// <param name="left">The first origin.</param>
    /// <param name="right">The second origin.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RecordOrigin? left, RecordOrigin? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tells whether two origins differ.</summary>
    /// <param name="left">The first origin.</param>
    /// <param name="right">The second origin.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RecordOrigin? left, RecordOrigin? right) => !(left == right);

    /// <summary>The document's location of a part of the record (see the remarks).</summary>
    /// <param name="path">The part, as a path below the record (<c>ProblemLocation.Root.Property("agreement")</c>);
    /// <see cref="ProblemLocation.Root"/> for the whole record.</param>
    /// <returns>The location in the document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is a position in a text rather than a path.</exception>
    public ProblemLocation Locate(ProblemLocation path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.IsInText)
        {
            throw new ArgumentException($"Expected a path below the record, such as $.agreement; got the text position {path}.", nameof(path));
        }

        return LocateSegments(path.Segments);
    }

    /// <summary>The document's location of a field of the record: <see cref="Locate"/> of the path <c>$.name</c>.</summary>
    /// <param name="name">The field's name, as the model names it (<c>agreement</c>).</param>
    /// <returns>The location in the document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public ProblemLocation Field(string name) => Locate(ProblemLocation.Root.Property(name));

    /// <inheritdoc />
    public bool Equals(RecordOrigin? other) =>
        other is not null
        && Location == other.Location
        && _fields.SequenceEqual(other._fields)
        && _aliases.SequenceEqual(other._aliases)
        && _entries.Count == other._entries.Count
        && _entries.Zip(other._entries).All(p => p.First.Key == p.Second.Key && p.First.Value.SequenceEqual(p.Second.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RecordOrigin);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Location, _fields.Count, _entries.Count);

    /// <summary>Returns the record's location, such as <c>$.requests[3]</c> or <c>line 4</c>.</summary>
    /// <returns>The location as text.</returns>
    public override string ToString() => Location.ToString();

    /// <summary>The origin of a record as read.</summary>
    internal static RecordOrigin Of(RecordSource source) => new(source.Location, source.FieldStarts());

    /// <summary>This origin with the field <paramref name="name"/> located where <paramref name="from"/> has it.</summary>
    internal RecordOrigin WithField(string name, RecordOrigin from) =>
        from._fields.TryGetValue(name, out var field) ? new(Location, _fields.SetItem(name, field), _entries, _aliases) : this;

    /// <summary>This origin with the entries of a list part (a status log's rows).</summary>
    internal RecordOrigin WithEntries(string name, IEnumerable<RecordOrigin> entries) => new(Location, _fields, _entries.SetItem(name, [.. entries]), _aliases);

    /// <summary>This origin with the model's part <paramref name="name"/> read as the document's <paramref name="path"/>.</summary>
    internal RecordOrigin WithAlias(string name, ProblemLocation path) => new(Location, _fields, _entries, _aliases.SetItem(name, path));

    private ProblemLocation LocateSegments(ImmutableArray<PathSegment> segments)
    {
        if (segments.IsEmpty)
        {
            return Location;
        }

        if (segments[0].Name is { } aliased && _aliases.TryGetValue(aliased, out var alias))
        {
            segments = [.. alias.Segments, .. segments[1..]];
        }

        if (!Location.IsInText || segments[0].Name is not { } name)
        {
            return Below(Location, segments);
        }

        if (segments.Length > 1 && segments[1].Index is { } index && _entries.TryGetValue(name, out var entries) && index < entries.Length)
        {
            return entries[index].LocateSegments(segments[2..]);
        }

        return Below(_fields.TryGetValue(name, out var field) ? field : Location, segments);
    }

    private static ProblemLocation Below(ProblemLocation location, IEnumerable<PathSegment> segments)
    {
        foreach (var segment in segments)
        {
            location = segment.Index is { } index ? location.Element(index) : location.Property(segment.Name!);
        }

        return location;
    }
}
