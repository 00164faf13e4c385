using System.Collections.Immutable;

namespace InternalCustomer.Interchange.Records;

/// <summary>Collects problems in the order found.</summary>
internal sealed class ProblemCollector
{
    private readonly List<Problem> _problems = [];

    internal int Count => _problems.Count;

    internal void Add(ProblemKind kind, ProblemLocation location, string message) => _problems.Add(new Problem(kind, location, message));

    internal void Add(Problem problem) => _problems.Add(problem);

    /// <summary>True when <paramref name="location"/> or one of its enclosing locations already has a problem.</summary>
    internal bool Covers(ProblemLocation location)
    {
        foreach (var problem in _problems)
        {
            if (problem.Location.Contains(location))
            {
                return true;
            }
        }

        return false;
    }

    internal ImmutableArray<Problem> ToImmutable() => [.. _problems];

    /// <summary>The value when no problem was found, else every problem.</summary>
    internal Result<T> ToResult<T>(T? value)
        where T : class =>
        _problems.Count == 0 && value is not null ? Result.Success(value) : Result.Failure<T>(_problems);
}
