namespace InternalCustomer;

/// <summary>Creates <see cref="Result{T}"/> values.</summary>
public static class Result
{
    /// <summary>Creates a successful result.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result, with no problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static Result<T> Success<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Result<T>(value, []);
    }

    /// <summary>Creates a failed result.</summary>
    /// <typeparam name="T">The type of the value there would have been.</typeparam>
    /// <param name="problems">The problems; at least one.</param>
    /// <returns>The result, with no value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public static Result<T> Failure<T>(IEnumerable<Problem> problems)
        where T : class => new(null, ProblemException.Check(problems, nameof(problems)));
}
