using System.Collections.Immutable;

namespace InternalCustomer.Interchange.State;

/// <summary>
/// The outcome of reading a summary that is a value type (<see cref="Feedback.MomentSummary"/>,
/// <see cref="Feedback.NpsCounts"/>, <see cref="Feedback.Statistics.TrendSummary"/>, <see cref="Agreements.SlaTally"/>):
/// a value, or every <see cref="Problem"/> that prevents one. The counterpart of <see cref="Result{T}"/>, which holds
/// reference types only.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class ValueResult<T>
    where T : struct
{
    private ValueResult(T? value, ImmutableArray<Problem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>Gets the value, or <see langword="null"/> when there are problems.</summary>
    public T? Value { get; }

    /// <summary>Gets every problem found, in the order found; empty on success.</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Gets a value indicating whether there is a value (and so no problem).</summary>
    public bool IsSuccess => Value.HasValue;

    /// <summary>Returns the value, or throws when there are problems.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="ProblemException">There are problems; the exception carries them all and its message lists them.</exception>
    public T GetValueOrThrow() => Value ?? throw new ProblemException(Problems);

    /// <summary>Returns <c>Success: value</c>, or <c>Failure with n problems:</c> followed by one problem per line, as <see cref="Result{T}"/> does.</summary>
    /// <returns>The result as text.</returns>
    public override string ToString() =>
        IsSuccess
            ? $"Success: {Value}"
            : $"Failure with {Problems.Length} problem{(Problems.Length == 1 ? string.Empty : "s")}:{Environment.NewLine}{string.Join(Environment.NewLine, Problems.Select(p => "  " + p))}";

    internal static ValueResult<T> Success(T value) => new(value, []);

    internal static ValueResult<T> Failure(Problem problem) => new(null, [problem]);
}
