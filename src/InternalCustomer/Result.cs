using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace InternalCustomer;

/// <summary>
/// The outcome of validating or reading input: a value, or every <see cref="Problem"/> that prevents one.
/// </summary>
/// <remarks>
/// A result has a value exactly when it has no problems. Create one with <see cref="Result.Success{T}"/> or
/// <see cref="Result.Failure{T}"/>.
/// </remarks>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class Result<T>
    where T : class
{
    internal Result(T? value, ImmutableArray<Problem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>Gets the value, or <see langword="null"/> when there are problems.</summary>
    public T? Value { get; }

    /// <summary>Gets every problem found, in the order found; empty on success.</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Gets a value indicating whether there is a value (and so no problem).</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;

    /// <summary>Returns the value, or throws when there are problems.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="ProblemException">There are problems; the exception carries them all and its message lists them.</exception>
    public T GetValueOrThrow() => Value ?? throw new ProblemException(Problems);

    /// <summary>Returns <c>Success: value</c>, or <c>Failure with n problems:</c> followed by one problem per line.</summary>
    /// <returns>The result as text.</returns>
    public override string ToString() => IsSuccess ? $"Success: {Value}" : ProblemException.Describe("Failure with", Problems);
}
