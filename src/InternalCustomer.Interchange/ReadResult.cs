using System.Collections.Immutable;

namespace InternalCustomer.Interchange;

/// <summary>
/// The outcome of reading a document: either a value, or every problem found in it.
/// </summary>
/// <remarks>
/// Readers never throw on bad input: malformed, truncated, wrongly typed or invalid content comes back
/// as <see cref="Problems"/>, each with its location. A result has a value exactly when it has no
/// problems.
/// </remarks>
/// <typeparam name="T">The type of value read.</typeparam>
public sealed class ReadResult<T>
    where T : class
{
    internal ReadResult(T? value, ImmutableArray<InterchangeProblem> problems)
    {
        Value = problems.IsDefaultOrEmpty ? value : null;
        Problems = problems.IsDefault ? [] : problems;
    }

    /// <summary>Gets the value read, or <see langword="null"/> when there were problems.</summary>
    public T? Value { get; }

    /// <summary>Gets every problem found, in document order; empty when the document was valid.</summary>
    public ImmutableArray<InterchangeProblem> Problems { get; }

    /// <summary>Gets a value indicating whether the document was read without problems.</summary>
    public bool IsValid => Value is not null;

    /// <summary>Returns the value, or throws when the document had problems.</summary>
    /// <returns>The value read.</returns>
    /// <exception cref="InvalidDataException">The document had problems; the message lists every one.</exception>
    public T GetValueOrThrow() =>
        Value ?? throw new InvalidDataException(
            $"The document has {Problems.Length} problem(s):{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", Problems));
}
