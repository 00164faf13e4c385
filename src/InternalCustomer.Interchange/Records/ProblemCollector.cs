using System.Collections.Immutable;
using System.Globalization;

namespace InternalCustomer.Interchange.Records;

/// <summary>
/// Collects problems in the order found, keeping at most <see cref="Limit"/> of them: past the limit it only
/// counts, so a hostile document (a header of a million commas) costs neither memory nor time per problem, and
/// the result ends with one problem at the document's root saying how many more were found.
/// </summary>
internal sealed class ProblemCollector
{
    /// <summary>The default limit, <see cref="ReadOptions.DefaultMaxProblems"/>: the document readers pass their
    /// <see cref="ReadOptions.MaxProblems"/>, the database readers keep this (docs/interchange.md, "Problems").</summary>
    internal const int DefaultLimit = ReadOptions.DefaultMaxProblems;

    private readonly List<Problem> _problems = [];

    // Made when first asked for (a database reader makes a collector per row and pools nothing).
    private TextPool? _texts;

    internal ProblemCollector(int limit = DefaultLimit, TextPool? texts = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        Limit = limit;
        _texts = texts;
    }

    internal int Limit { get; }

    /// <summary>Gets the pool of repeated texts of the document this collector reads (the collector is the one object every
    /// record of a document is read with; a streaming reader passes its own pool to each record's collector).</summary>
    internal TextPool Texts => _texts ??= new TextPool();

    /// <summary>Gets how many problems were found, kept or not.</summary>
    internal int Count { get; private set; }

    internal void Add(ProblemKind kind, ProblemLocation location, string message)
    {
        Count++;
        if (_problems.Count < Limit)
        {
            _problems.Add(new Problem(kind, location, message));
        }
    }

    internal void Add(Problem problem)
    {
        Count++;
        if (_problems.Count < Limit)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Adds the problems another collector found, as if found here: its kept ones, and the count of the rest.</summary>
    internal void Absorb(ProblemCollector other)
    {
        foreach (var problem in other._problems)
        {
            Add(problem);
        }

        Count += other.Count - other._problems.Count;
    }

    /// <summary>Gets the problems kept so far, in the order found.</summary>
    internal IReadOnlyList<Problem> Kept => _problems;

    /// <summary>True when <paramref name="location"/> or one of its enclosing locations already has a kept problem.</summary>
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

    /// <summary>The kept problems, then (when more were found) the one that says how many more.</summary>
    internal ImmutableArray<Problem> ToImmutable() =>
        Count <= _problems.Count
            ? [.. _problems]
            : [.. _problems, new Problem(
                ProblemKind.MalformedInput,
                ProblemLocation.Root,
                Count - _problems.Count == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"… and 1 more problem; only the first {Limit} are listed.")
                    : string.Create(CultureInfo.InvariantCulture, $"… and {Count - _problems.Count} more problems; only the first {Limit} are listed."))];

    /// <summary>The value when no problem was found, else every kept problem (and the count of the rest).</summary>
    internal Result<T> ToResult<T>(T? value)
        where T : class =>
        Count == 0 && value is not null ? Result.Success(value) : Result.Failure<T>(ToImmutable());
}
