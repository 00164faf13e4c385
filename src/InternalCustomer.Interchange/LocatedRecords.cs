using System.Collections.Immutable;

namespace InternalCustomer.Interchange;

/// <summary>
/// What a reader made of a document of records, with where each record came from: every record it could make, each
/// one's <see cref="RecordOrigin"/>, and every problem it found. Returned by the <c>ReadLocated</c> methods of
/// <see cref="ServiceRequestCsv"/>, <see cref="ServiceRequestJson"/>, <see cref="FeedbackResponseCsv"/> and
/// <see cref="FeedbackResponseJson"/>.
/// </summary>
/// <remarks>
/// <para>Unlike a <see cref="Result{T}"/>, the records are kept when there are problems: a record with a problem of its
/// own (a malformed, missing or inconsistent field, a repeated id, a row with the wrong number of fields) is left out, and
/// every other record is in <see cref="Records"/>, in document order. So a caller can check the good records against an
/// organisation in the same pass that reports the document's problems, and a record left out for its own problem is not
/// reported again for the references it makes (docs/interchange.md, "Errors").</para>
/// <para><see cref="ToResult"/> is what the reader's <c>Read</c> method returns for the same document: the records when
/// there is no problem, else the problems only. Immutable; equality is by reference (compare the parts).</para>
/// </remarks>
/// <typeparam name="T">The type of the records.</typeparam>
public sealed class LocatedRecords<T>
    where T : class
{
    internal LocatedRecords(ImmutableArray<T> records, ImmutableArray<RecordOrigin> origins, ImmutableArray<Problem> problems)
    {
        Records = records;
        Origins = origins;
        Problems = problems;
    }

    /// <summary>Gets the records made, in document order: every one when <see cref="IsSuccess"/>, else those without a problem of their own.</summary>
    public ImmutableArray<T> Records { get; }

    /// <summary>Gets where each record came from: <c>Origins[i]</c> is the origin of <c>Records[i]</c>.</summary>
    public ImmutableArray<RecordOrigin> Origins { get; }

    /// <summary>Gets every problem found, in the order found (as the reader's <c>Read</c> reports them); empty on success.</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Gets a value indicating whether the document has no problem (then <see cref="Records"/> holds all its records).</summary>
    public bool IsSuccess => Problems.IsEmpty;

    /// <summary>The outcome as the reader's <c>Read</c> method gives it.</summary>
    /// <returns>The records when there is no problem, else every problem (and no records).</returns>
    public Result<IReadOnlyList<T>> ToResult() =>
        IsSuccess ? Result.Success<IReadOnlyList<T>>(Records) : Result.Failure<IReadOnlyList<T>>(Problems);
}
