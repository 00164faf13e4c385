using InternalCustomer.Dependencies;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// The analyses the scorecard's graph step asks of a dependency graph, betweenness aside: one definition for
/// <c>GraphBenchmarks</c> and the cross-language peer harness (benchmarks/peers/GraphPeer links this file).
/// </summary>
internal static class GraphAnalyses
{
    /// <summary>
    /// Runs <c>Condense</c>, <c>TransitiveReduction</c>, <c>FindMutualDependencies</c>, <c>Tiers</c>, <c>Upstream</c> and
    /// <c>Downstream</c> of <paramref name="probe"/>, <c>FindSinglePointsOfFailure</c>, <c>InDegrees</c>, <c>OutDegrees</c>,
    /// <c>PageRank</c> and <c>FindSilos</c>, and <c>TopologicalOrder</c> when <paramref name="topological"/> (an acyclic graph).
    /// </summary>
    /// <returns>The sum of the results' sizes, so that no analysis can be optimised away.</returns>
    public static int AllButBetweenness(DependencyGraph graph, DepartmentId probe, bool topological)
    {
        var condensation = graph.Condense();
        var count = condensation.Components.Length
            + condensation.TransitiveReduction().Length
            + graph.FindMutualDependencies().Length
            + graph.Tiers().Length
            + graph.Upstream(probe).Length
            + graph.Downstream(probe).Length
            + graph.FindSinglePointsOfFailure().ArticulationPoints.Length
            + graph.InDegrees().Count
            + graph.OutDegrees().Count
            + graph.PageRank().Count
            + graph.FindSilos().Components.Length;
        return topological ? count + graph.TopologicalOrder().Length : count;
    }
}
