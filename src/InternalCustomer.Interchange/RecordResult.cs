using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace InternalCustomer.Interchange;

/// <summary>
/// One item of a streaming record reader (the <c>ReadRecordsAsync</c> methods of <see cref="ServiceRequestCsv"/>,
/// <see cref="ServiceRequestJson"/>, <see cref="FeedbackResponseCsv"/> and <see cref="FeedbackResponseJson"/>): one record
/// of the document as read, with the problems found in it, or problems of the document itself (its header, its root, a
/// syntax error).
/// </summary>
/// <remarks>
/// <para>An item is one of three: a record without problems (<see cref="IsSuccess"/>); a record made despite a problem of
/// the document found in it (an unknown JSON property, a stray quote in a CSV field: <see cref="Record"/> and
/// <see cref="Problems"/> both set — the synchronous <c>ReadLocated</c> keeps such a record in its
/// <see cref="LocatedRecords{T}.Records"/> too); or problems without a record (a record that could not be made, or the
/// document's own problems). The records of the items, in order, are the synchronous reader's
/// <see cref="LocatedRecords{T}.Records"/>, with the same <see cref="RecordOrigin"/>s; the problems of the items, taken
/// together, are its <see cref="LocatedRecords{T}.Problems"/>, each at the same location, except that the limit of
/// <see cref="ReadOptions.MaxProblems"/> applies to each item rather than to the document.</para>
/// <para>Immutable. Equality is by the record (its own equality), the origin and the problems in order. The default value
/// has no record and no problems.</para>
/// </remarks>
/// <typeparam name="T">The type of the records.</typeparam>
public readonly struct RecordResult<T> : IEquatable<RecordResult<T>>
    where T : class
{
    private readonly ImmutableArray<Problem> _problems;

    internal RecordResult(T? record, RecordOrigin? origin, ImmutableArray<Problem> problems)
    {
        Record = record;
        Origin = origin;
        _problems = problems;
    }

    /// <summary>Gets the record, or <see langword="null"/> when the item holds problems only (the record could not be made,
    /// or the problems are the document's own).</summary>
    public T? Record { get; }

    /// <summary>Gets where <see cref="Record"/> came from (its JSON path, or its CSV line with each field's line and column),
    /// or <see langword="null"/> when there is no record.</summary>
    public RecordOrigin? Origin { get; }

    /// <summary>Gets the problems found in this part of the document, in the order found, each with its location; empty for
    /// a record without problems.</summary>
    public ImmutableArray<Problem> Problems => _problems.IsDefault ? [] : _problems;

    /// <summary>Gets a value indicating whether the item is a record without problems.</summary>
    [MemberNotNullWhen(true, nameof(Record), nameof(Origin))]
    public bool IsSuccess => Record is not null && Origin is not null && Problems.IsEmpty;

    /// <summary>Tells whether two items are equal.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RecordResult<T> left, RecordResult<T> right) => left.Equals(right);

    /// <summary>Tells whether two items differ.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RecordResult<T> left, RecordResult<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(RecordResult<T> other) =>
        Equals(Record, other.Record) && Origin == other.Origin && Problems.SequenceEqual(other.Problems);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RecordResult<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Record, Origin, Problems.Length);

    /// <summary>Returns the record's location, or the problems, as text.</summary>
    /// <returns>The item as text.</returns>
    public override string ToString() =>
        Record is not null && Problems.IsEmpty
            ? $"record at {Origin}"
            : (Record is null ? string.Empty : $"record at {Origin}; ") + string.Join("; ", Problems);
}
