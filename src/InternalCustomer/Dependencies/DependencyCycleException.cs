using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <summary>
/// Thrown when an operation needs an acyclic dependency graph (a topological order) and the graph has a
/// cycle. Carries the departments on one cycle and every mutual-dependency cluster.
/// </summary>
public sealed class DependencyCycleException : InvalidOperationException
{
    /// <summary>Creates the exception from the clusters found.</summary>
    /// <param name="clusters">The mutual-dependency clusters; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="clusters"/> is empty.</exception>
    public DependencyCycleException(ImmutableArray<MutualDependencyCluster> clusters)
        : base(Describe(clusters))
    {
        Clusters = clusters;
        Cycle = clusters[0].Cycle;
    }

    /// <summary>Creates the exception with a message only (no cycle); prefer the constructor taking clusters.</summary>
    public DependencyCycleException()
        : this("The dependency graph has a cycle.")
    {
    }

    /// <summary>Creates the exception with a message only (no cycle); prefer the constructor taking clusters.</summary>
    /// <param name="message">The message.</param>
    public DependencyCycleException(string message)
        : base(message)
    {
        Clusters = [];
        Cycle = [];
    }

    /// <summary>Creates the exception with a message and an inner exception (no cycle).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DependencyCycleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Clusters = [];
        Cycle = [];
    }

    /// <summary>Gets the departments on one cycle, in dependency order: each depends on the next, and the last on the first.</summary>
    public ImmutableArray<DepartmentId> Cycle { get; }

    /// <summary>Gets every mutual-dependency cluster of the graph.</summary>
    public ImmutableArray<MutualDependencyCluster> Clusters { get; }

    private static string Describe(ImmutableArray<MutualDependencyCluster> clusters)
    {
        if (clusters.IsDefaultOrEmpty)
        {
            throw new ArgumentException("Expected at least one mutual-dependency cluster; got none.", nameof(clusters));
        }

        var cycle = clusters[0].Cycle;
        var path = string.Join(" → ", cycle.Select(d => $"'{d}'")) + $" → '{cycle[0]}'";
        var more = clusters.Length > 1 ? $" ({clusters.Length - 1} more mutual-dependency cluster(s) exist)" : string.Empty;
        return $"Expected an acyclic dependency graph; got a cycle: {path}{more}.";
    }
}
