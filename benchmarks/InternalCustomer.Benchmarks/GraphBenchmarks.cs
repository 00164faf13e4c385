using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;
using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Ranking;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// Dependency graph analytics against QuikGraph 2.5.0 in the same run, one baseline per category.
/// Graphs (seeded): a random graph of 10,000 departments and 100,000 distinct edges (one giant mutual-dependency
/// cluster plus stragglers), a random DAG of the same size, and a random graph of 2,000 departments and 20,000
/// edges for betweenness. Targets (issue 4) are in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GraphBenchmarks
{
    private static readonly int Departments = BenchmarkScale.Of(10_000);
    private static readonly int Edges = BenchmarkScale.Of(100_000);
    private static readonly int SmallDepartments = BenchmarkScale.Of(2_000);
    private static readonly int SmallEdges = BenchmarkScale.Of(20_000);

    private Department[] _departments = [];
    private DependencyEdge[] _randomEdges = [];
    private (int From, int To)[] _randomPairs = [];
    private DependencyGraph _random = null!;
    private DependencyGraph _dag = null!;
    private DependencyGraph _small = null!;
    private AdjacencyGraph<int, SEdge<int>> _quikRandom = null!;
    private AdjacencyGraph<int, SEdge<int>> _quikDag = null!;
    private AdjacencyGraph<int, SEdge<int>> _quikSmall = null!;
    private BidirectionalGraph<int, SEdge<int>> _quikRandomBidirectional = null!;
    private DepartmentId _probe;

    [GlobalSetup]
    public void Setup()
    {
        _departments = [.. Enumerable.Range(0, Departments).Select(i => new Department(Id(i), "Department " + i.ToString(CultureInfo.InvariantCulture)))];
        _randomPairs = RandomPairs(Departments, Edges, acyclic: false, seed: 42);
        var random = new Random(7);
        _randomEdges = [.. _randomPairs.Select(p => new DependencyEdge(Id(p.To), Id(p.From), Criticality.From(random.Next(1, 6)), random.Next(0, 100)))];
        _random = DependencyGraph.Create(_departments, _randomEdges);
        var dagPairs = RandomPairs(Departments, Edges, acyclic: true, seed: 43);
        _dag = DependencyGraph.Create(_departments, dagPairs.Select(p => new DependencyEdge(Id(p.To), Id(p.From), Criticality.From(1 + (p.From % 5)))));
        var smallPairs = RandomPairs(SmallDepartments, SmallEdges, acyclic: false, seed: 44);
        _small = DependencyGraph.Create(_departments.Take(SmallDepartments), smallPairs.Select(p => new DependencyEdge(Id(p.To), Id(p.From))));

        _quikRandom = Quik(_randomPairs, Departments);
        _quikDag = Quik(dagPairs, Departments);
        _quikSmall = Quik(smallPairs, SmallDepartments);
        _quikRandomBidirectional = QuikBidirectional(_randomPairs, Departments);
        _probe = Id(0);
        ReportRetainedMemory();
    }

    [Benchmark(Baseline = true, Description = "QuikGraph SCC")]
    [BenchmarkCategory("SCC")]
    public int QuikGraphStronglyConnected() => _quikRandom.StronglyConnectedComponents(new Dictionary<int, int>(Departments));

    [Benchmark(Description = "StronglyConnectedComponents")]
    [BenchmarkCategory("SCC")]
    public int StronglyConnected() => _random.StronglyConnectedComponents().Length;

    [Benchmark(Baseline = true, Description = "QuikGraph TopologicalSort")]
    [BenchmarkCategory("TopologicalSort")]
    public int QuikGraphTopologicalSort() => _quikDag.TopologicalSort().Count();

    [Benchmark(Description = "TopologicalOrder")]
    [BenchmarkCategory("TopologicalSort")]
    public int TopologicalOrder() => _dag.TopologicalOrder().Length;

    /// <summary>QuikGraph's PageRank differs (no dangling redistribution, its own stopping rule) and is capped at its default 60 iterations (1,000 took 34 s); it is the peer, not the reference.</summary>
    [Benchmark(Baseline = true, Description = "QuikGraph PageRank (max 60 iterations)")]
    [BenchmarkCategory("PageRank")]
    public double QuikGraphPageRank()
    {
        var algorithm = new PageRankAlgorithm<int, SEdge<int>>(_quikRandomBidirectional) { Tolerance = 1e-10, MaxIterations = 60 };
        algorithm.Compute();
        return algorithm.GetRanksSum();
    }

    [Benchmark(Description = "PageRank (tol 1e-10)")]
    [BenchmarkCategory("PageRank")]
    public double PageRank() => _random.PageRank().Values[0];

    /// <summary>The QuikGraph equivalents that exist for part of the set: SCC, weakly connected components, isolated vertices.</summary>
    [Benchmark(Baseline = true, Description = "QuikGraph SCC + WCC + isolated")]
    [BenchmarkCategory("Analyses")]
    public int QuikGraphAnalyses() =>
        _quikRandom.StronglyConnectedComponents(new Dictionary<int, int>(Departments))
        + _quikRandom.WeaklyConnectedComponents(new Dictionary<int, int>(Departments))
        + _quikRandomBidirectional.IsolatedVertices().Count();

    [Benchmark(Description = "All analyses but betweenness (random)")]
    [BenchmarkCategory("Analyses")]
    public int AllAnalysesRandom() => GraphAnalyses.AllButBetweenness(_random, _probe, topological: false);

    [Benchmark(Description = "All analyses but betweenness (DAG)")]
    [BenchmarkCategory("Analyses")]
    public int AllAnalysesDag() => GraphAnalyses.AllButBetweenness(_dag, _probe, topological: true);

    [Benchmark(Baseline = true, Description = "Textbook Brandes on QuikGraph (2k/20k)")]
    [BenchmarkCategory("Betweenness")]
    public double TextbookBetweenness() => NaiveBrandes(_quikSmall, SmallDepartments);

    [Benchmark(Description = "Betweenness (2k/20k)")]
    [BenchmarkCategory("Betweenness")]
    public double Betweenness() => _small.Betweenness().Values[0];

    [Benchmark(Description = "Betweenness estimated from 256 sources (2k/20k)")]
    [BenchmarkCategory("Betweenness")]
    public double EstimatedBetweenness() => _small.EstimateBetweenness(256).Values.Values[0];

    [Benchmark(Baseline = true, Description = "QuikGraph BidirectionalGraph construction")]
    [BenchmarkCategory("Construction")]
    public int QuikGraphConstruction() => QuikBidirectional(_randomPairs, Departments).EdgeCount;

    [Benchmark(Description = "DependencyGraph.Create")]
    [BenchmarkCategory("Construction")]
    public int Construction() => DependencyGraph.Create(_departments, _randomEdges).EdgeCount;

    /// <summary>Retained bytes of each graph per edge, measured once with full collections around construction.</summary>
    private void ReportRetainedMemory()
    {
        static long Retained(Func<object> build, out object keep)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            keep = build();
            var after = GC.GetTotalMemory(true);
            return after - before;
        }

        var ours = Retained(() => DependencyGraph.Create(_departments, _randomEdges), out var keepOurs);
        var quik = Retained(() => QuikBidirectional(_randomPairs, Departments), out var keepQuik);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Retained per edge ({Edges} edges, {Departments} departments): DependencyGraph {(double)ours / Edges:F1} B (with criticality, volume, source, both directions, id index), QuikGraph BidirectionalGraph<int, SEdge<int>> {(double)quik / Edges:F1} B (no weights)"));
        GC.KeepAlive(keepOurs);
        GC.KeepAlive(keepQuik);
    }

    private static DepartmentId Id(int i) => DepartmentId.Parse("d" + i.ToString("D5", CultureInfo.InvariantCulture));

    private static (int From, int To)[] RandomPairs(int n, int m, bool acyclic, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<long>(m);
        var pairs = new List<(int, int)>(m);
        while (pairs.Count < m)
        {
            var u = random.Next(n);
            var v = random.Next(n);
            if (u == v)
            {
                continue;
            }

            if (acyclic && u < v)
            {
                (u, v) = (v, u); // consumers depend only on lower-numbered providers
            }

            if (seen.Add(((long)u << 32) | (uint)v))
            {
                pairs.Add((u, v));
            }
        }

        return [.. pairs];
    }

    private static AdjacencyGraph<int, SEdge<int>> Quik((int From, int To)[] pairs, int n)
    {
        var graph = new AdjacencyGraph<int, SEdge<int>>(allowParallelEdges: false);
        graph.AddVertexRange(Enumerable.Range(0, n));
        graph.AddEdgeRange(pairs.Select(p => new SEdge<int>(p.From, p.To)));
        return graph;
    }

    private static BidirectionalGraph<int, SEdge<int>> QuikBidirectional((int From, int To)[] pairs, int n)
    {
        var graph = new BidirectionalGraph<int, SEdge<int>>(allowParallelEdges: false);
        graph.AddVertexRange(Enumerable.Range(0, n));
        graph.AddEdgeRange(pairs.Select(p => new SEdge<int>(p.From, p.To)));
        return graph;
    }

    /// <summary>Brandes (2001) as usually written: queue, stack, predecessor lists per source.</summary>
    private static double NaiveBrandes(AdjacencyGraph<int, SEdge<int>> graph, int n)
    {
        var centrality = new double[n];
        for (var s = 0; s < n; s++)
        {
            var stack = new Stack<int>();
            var predecessors = new Dictionary<int, List<int>>();
            var sigma = new Dictionary<int, double> { [s] = 1 };
            var distance = new Dictionary<int, int> { [s] = 0 };
            var queue = new Queue<int>();
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                stack.Push(v);
                foreach (var edge in graph.OutEdges(v))
                {
                    var w = edge.Target;
                    if (!distance.TryGetValue(w, out var dw))
                    {
                        distance[w] = dw = distance[v] + 1;
                        queue.Enqueue(w);
                    }

                    if (dw == distance[v] + 1)
                    {
                        sigma[w] = sigma.GetValueOrDefault(w) + sigma[v];
                        if (!predecessors.TryGetValue(w, out var list))
                        {
                            predecessors[w] = list = [];
                        }

                        list.Add(v);
                    }
                }
            }

            var delta = new Dictionary<int, double>();
            while (stack.Count > 0)
            {
                var w = stack.Pop();
                if (predecessors.TryGetValue(w, out var list))
                {
                    foreach (var v in list)
                    {
                        delta[v] = delta.GetValueOrDefault(v) + (sigma[v] / sigma[w] * (1 + delta.GetValueOrDefault(w)));
                    }
                }

                if (w != s)
                {
                    centrality[w] += delta.GetValueOrDefault(w);
                }
            }
        }

        return centrality[0] / ((n - 1.0) * (n - 2.0));
    }
}
