using System.Collections.Immutable;

namespace InternalCustomer.Interchange;

/// <summary>Collects problems in the order found and remembers which locations already have one.</summary>
internal sealed class ProblemCollector
{
    private readonly List<InterchangeProblem> _problems = [];
    private readonly HashSet<string> _locations = new(StringComparer.Ordinal);

    internal int Count => _problems.Count;

    internal void Add(string location, string message)
    {
        _problems.Add(new InterchangeProblem(location, message));
        _locations.Add(location);
    }

    /// <summary>True when <paramref name="location"/> or one of its enclosing paths already has a problem.</summary>
    internal bool Covers(string location)
    {
        for (var end = location.Length; end > 0; end = location.LastIndexOfAny(['.', '['], end - 1))
        {
            if (_locations.Contains(location[..end]))
            {
                return true;
            }
        }

        return false;
    }

    internal ImmutableArray<InterchangeProblem> ToImmutable() => [.. _problems];
}
