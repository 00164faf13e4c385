using System.Collections.Immutable;

namespace InternalCustomer.Fuzz;

/// <summary>
/// The readers' promise on a result, checked after every read: a value with no problem, or no value and at least
/// one problem; at most the cap of 100 problems and its one-line summary (101); every problem located and worded.
/// A broken promise throws <see cref="BrokenInvariantException"/>, which the fuzzer records as a crash.
/// </summary>
internal static class Invariants
{
    /// <summary>The most problems one document may give: the cap of 100 and the line that counts the rest.</summary>
    internal const int MaxProblems = 101;

    internal static void Check<T>(Result<T> result, string reader)
        where T : class =>
        Check((result.IsSuccess, result.Problems), reader);

    internal static void Check((bool IsSuccess, ImmutableArray<Problem> Problems) result, string reader)
    {
        var (isSuccess, problems) = result;
        if (problems.IsDefault)
        {
            throw new BrokenInvariantException($"{reader}: the problem list is a default (uninitialised) array.");
        }

        if (isSuccess == problems.Length > 0)
        {
            throw new BrokenInvariantException(
                $"{reader}: expected a value with no problem or a failure with at least one problem; got IsSuccess = {isSuccess} with {problems.Length} problems.");
        }

        if (problems.Length > MaxProblems)
        {
            throw new BrokenInvariantException($"{reader}: expected at most {MaxProblems} problems; got {problems.Length}.");
        }

        foreach (var problem in problems)
        {
            if (problem is null || problem.Location is null || string.IsNullOrWhiteSpace(problem.Message))
            {
                throw new BrokenInvariantException($"{reader}: expected every problem to have a location and a message; got {(problem is null ? "a null problem" : $"'{problem}'")}.");
            }
        }
    }
}

/// <summary>A reader broke its promise on a result (see <see cref="Invariants"/>); the fuzzer records it as a crash.</summary>
internal sealed class BrokenInvariantException : Exception
{
    public BrokenInvariantException(string message)
        : base(message)
    {
    }

    public BrokenInvariantException()
    {
    }

    public BrokenInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
