using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Dependencies;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Dependencies;

/// <summary>Laws of DESIGN.md §5 checked on random graphs, against naive reference computations written here.</summary>
public sealed partial class DependencyGraphTests
{
    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Condensation_is_acyclic_and_its_links_go_down_the_tiers(GraphSpec spec)
    {
        var condensation = spec.Build().Condense();
        foreach (var link in condensation.Links)
        {
            Assert.True(link.Consumer > link.Provider, $"link {link} goes up the numbering");
            Assert.True(condensation.Tiers[link.Consumer] > condensation.Tiers[link.Provider]);
        }

        // Tier 0 components depend on nobody; every other tier has a link to the tier just below.
        for (var c = 0; c < condensation.Components.Length; c++)
        {
            var below = condensation.Links.Where(l => l.Consumer == c).Select(l => condensation.Tiers[l.Provider]).DefaultIfEmpty(-1).Max();
            Assert.Equal(condensation.Tiers[c], below + 1);
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Every_edge_goes_to_a_lower_tier_or_stays_in_its_cluster(GraphSpec spec)
    {
        var graph = spec.Build();
        var condensation = graph.Condense();
        var tierOf = graph.Tiers().SelectMany((ids, t) => ids.Select(id => (id, t))).ToDictionary(p => p.id, p => p.t);
        foreach (var edge in graph.GetEdges())
        {
            var same = condensation.ComponentOf(edge.Consumer) == condensation.ComponentOf(edge.Provider);
            Assert.True(same ? tierOf[edge.Consumer] == tierOf[edge.Provider] : tierOf[edge.Consumer] > tierOf[edge.Provider]);
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Components_are_exactly_the_mutually_reachable_groups(GraphSpec spec)
    {
        var graph = spec.Build();
        var reach = Closure(spec.Count, graph.GetEdges().Select(e => (Index(e.Consumer), Index(e.Provider))));
        var condensation = graph.Condense();
        for (var u = 0; u < spec.Count; u++)
        {
            for (var v = 0; v < spec.Count; v++)
            {
                var together = condensation.ComponentOf(GraphSpec.Id(u)) == condensation.ComponentOf(GraphSpec.Id(v));
                Assert.Equal(u == v || (reach[u, v] && reach[v, u]), together);
            }
        }

        var clusters = graph.FindMutualDependencies();
        Assert.Equal(condensation.Components.Count(c => c.Length > 1), clusters.Length);
        foreach (var cluster in clusters)
        {
            var cycle = cluster.Cycle;
            Assert.Equal(cluster.Departments[0], cycle[0]);
            Assert.Equal(cycle.Length, cycle.Distinct().Count());
            for (var i = 0; i < cycle.Length; i++)
            {
                Assert.Contains(graph.ProvidersOf(cycle[i]), e => e.Provider == cycle[(i + 1) % cycle.Length]);
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Upstream_and_downstream_mirror_each_other_and_match_a_naive_widest_path(GraphSpec spec)
    {
        var graph = spec.Build();
        var n = spec.Count;

        // Naive widest path: Floyd–Warshall on (max, min) over criticalities; hop distance: Floyd–Warshall on (min, +).
        var width = new int[n, n];
        var hops = new int[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                hops[i, j] = int.MaxValue / 4;
            }
        }

        foreach (var e in graph.GetEdges())
        {
            width[Index(e.Consumer), Index(e.Provider)] = e.Criticality.Value;
            hops[Index(e.Consumer), Index(e.Provider)] = 1;
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    width[i, j] = Math.Max(width[i, j], Math.Min(width[i, k], width[k, j]));
                    hops[i, j] = Math.Min(hops[i, j], hops[i, k] + hops[k, j]);
                }
            }
        }

        var downstream = Enumerable.Range(0, n).Select(y => graph.Downstream(GraphSpec.Id(y)).ToDictionary(r => Index(r.Department))).ToArray();
        for (var x = 0; x < n; x++)
        {
            var upstream = graph.Upstream(GraphSpec.Id(x)).ToDictionary(r => Index(r.Department));
            for (var y = 0; y < n; y++)
            {
                var expected = x != y && width[x, y] > 0;
                Assert.Equal(expected, upstream.ContainsKey(y));
                Assert.Equal(expected, downstream[y].ContainsKey(x));
                if (expected)
                {
                    Assert.Equal(width[x, y], upstream[y].WeakestLink.Value);
                    Assert.Equal(hops[x, y], upstream[y].Distance);
                    Assert.Equal(upstream[y], downstream[y][x] with { Department = GraphSpec.Id(y) });
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Removing_an_articulation_point_splits_its_component_and_removing_any_other_department_does_not(GraphSpec spec)
    {
        var graph = spec.Build();
        var before = graph.FindSilos().Components.Length;
        var cut = graph.FindSinglePointsOfFailure().ArticulationPoints.ToHashSet();
        for (var v = 0; v < spec.Count; v++)
        {
            var after = Without(spec, v).FindSilos().Components.Length;
            if (cut.Contains(GraphSpec.Id(v)))
            {
                Assert.True(after > before, $"removing articulation point d{v:00}: {before} -> {after} components");
            }
            else
            {
                Assert.True(after <= before, $"removing d{v:00}, not an articulation point: {before} -> {after} components");
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Removing_a_bridge_splits_its_component_and_removing_any_other_link_does_not(GraphSpec spec)
    {
        var graph = spec.Build();
        var before = graph.FindSilos().Components.Length;
        var bridges = graph.FindSinglePointsOfFailure().Bridges.ToHashSet();
        var links = graph.GetEdges().Select(e => e.Consumer < e.Provider ? new DepartmentPair(e.Consumer, e.Provider) : new DepartmentPair(e.Provider, e.Consumer)).Distinct();
        foreach (var link in links)
        {
            var rest = spec with { Facts = [.. spec.Facts.Where(f => !(Is(f.Consumer, f.Provider) || Is(f.Provider, f.Consumer)))] };
            var after = rest.Build().FindSilos().Components.Length;
            Assert.Equal(bridges.Contains(link), after > before);

            bool Is(int a, int b) => GraphSpec.Id(a) == link.First && GraphSpec.Id(b) == link.Second;
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void PageRank_sums_to_one_for_every_weighting(GraphSpec spec)
    {
        var graph = spec.Build();
        foreach (var weight in new[] { PageRankWeight.None, PageRankWeight.Criticality, PageRankWeight.Volume })
        {
            var ranks = graph.PageRank(weight).Values;
            Assert.Equal(1.0, ranks.Sum(), 1e-9);
            Assert.All(ranks, r => Assert.True(r > 0));
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Transitive_reduction_keeps_reachability_and_every_kept_link_is_needed(GraphSpec spec)
    {
        var condensation = spec.Build().Condense();
        var n = condensation.Components.Length;
        var all = condensation.Links.Select(l => (l.Consumer, l.Provider)).ToList();
        var reduced = condensation.TransitiveReduction().Select(l => (l.Consumer, l.Provider)).ToList();
        Assert.Subset(all.ToHashSet(), reduced.ToHashSet());
        Assert.Equal(Flatten(Closure(n, all)), Flatten(Closure(n, reduced)));
        foreach (var link in reduced)
        {
            var without = Closure(n, reduced.Where(l => l != link));
            Assert.False(without[link.Consumer, link.Provider], $"link {link} can be dropped");
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Topological_order_of_an_acyclic_graph_puts_every_provider_before_its_consumers(GraphSpec spec)
    {
        var graph = spec.Acyclic().Build();
        var order = graph.TopologicalOrder();
        Assert.Equal(spec.Count, order.Length);
        var position = order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        foreach (var e in graph.GetEdges())
        {
            Assert.True(position[e.Provider] < position[e.Consumer]);
        }

        Assert.Equal(graph.Tiers().SelectMany(t => t).ToArray(), order.ToArray());
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Topological_order_fails_exactly_when_there_is_a_mutual_dependency(GraphSpec spec)
    {
        var graph = spec.Build();
        var clusters = graph.FindMutualDependencies();
        if (clusters.IsEmpty)
        {
            Assert.Equal(spec.Count, graph.TopologicalOrder().Length);
        }
        else
        {
            var ex = Assert.Throws<DependencyCycleException>(() => graph.TopologicalOrder());
            Assert.Equal(clusters[0].Cycle.ToArray(), ex.Cycle.ToArray());
            Assert.Contains($"'{ex.Cycle[0]}' → ", ex.Message);
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Merged_edges_are_the_naive_merge_of_the_facts_whatever_the_sequence_type(GraphSpec spec)
    {
        // Reference: group the facts by (consumer, provider) — the highest criticality, the sum of the volumes
        // present (none when no fact has one), sources alternating by fact so that unions show — sorted by
        // consumer then provider.
        var facts = spec.Facts.Select((f, k) => (f.Consumer, f.Provider, f.Criticality, f.Volume, Source: k % 3 == 0 ? DependencySource.Agreement : DependencySource.Declared)).ToArray();
        var expected = facts
            .GroupBy(f => (f.Consumer, f.Provider))
            .OrderBy(g => g.Key.Consumer).ThenBy(g => g.Key.Provider)
            .Select(g => new DependencyEdge(
                GraphSpec.Id(g.Key.Provider),
                GraphSpec.Id(g.Key.Consumer),
                Criticality.From(g.Max(f => f.Criticality)),
                g.Any(f => f.Volume is not null) ? g.Sum(f => f.Volume ?? 0) : null,
                g.Aggregate(DependencySource.None, (union, f) => union | f.Source)))
            .ToArray();
        var edges = facts.Select(f => new DependencyEdge(GraphSpec.Id(f.Provider), GraphSpec.Id(f.Consumer), Criticality.From(f.Criticality), f.Volume, f.Source)).ToArray();

        // An array and a list (their counts known in advance) and a lazy sequence (its count unknown: the fact buffer grows past its first 16).
        var fromArray = DependencyGraph.Create(spec.Departments, edges);
        var fromSequence = DependencyGraph.Create(spec.Departments.Where(_ => true), edges.Where(_ => true));
        var fromList = DependencyGraph.Create(spec.Departments, edges.ToList());
        Assert.Equal(expected, fromArray.GetEdges().ToArray());
        Assert.Equal(expected, fromSequence.GetEdges().ToArray());
        Assert.Equal(expected, fromList.GetEdges().ToArray());
        foreach (var department in spec.Departments)
        {
            Assert.Equal(expected.Where(e => e.Consumer == department.Id).ToArray(), fromArray.ProvidersOf(department.Id).ToArray());
            Assert.Equal(expected.Where(e => e.Provider == department.Id).ToArray(), fromArray.ConsumersOf(department.Id).ToArray());
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Results_do_not_depend_on_the_order_departments_and_edges_were_added(GraphSpec spec)
    {
        var a = spec.Build();
        var b = spec.BuildShuffled();
        Assert.Equal(a.GetEdges().ToArray(), b.GetEdges().ToArray());
        Assert.Equal(a.StronglyConnectedComponents().SelectMany(c => c.Append(default)).ToArray(), b.StronglyConnectedComponents().SelectMany(c => c.Append(default)).ToArray());
        Assert.Equal(a.Condense().Links.ToArray(), b.Condense().Links.ToArray());
        Assert.Equal(a.Tiers().SelectMany(c => c.Append(default)).ToArray(), b.Tiers().SelectMany(c => c.Append(default)).ToArray());
        Assert.Equal(a.FindMutualDependencies().SelectMany(c => c.Cycle).ToArray(), b.FindMutualDependencies().SelectMany(c => c.Cycle).ToArray());
        Assert.Equal(a.FindSinglePointsOfFailure().ArticulationPoints.ToArray(), b.FindSinglePointsOfFailure().ArticulationPoints.ToArray());
        Assert.Equal(a.FindSinglePointsOfFailure().Bridges.ToArray(), b.FindSinglePointsOfFailure().Bridges.ToArray());
        Assert.Equal(a.FindSilos().Isolated.ToArray(), b.FindSilos().Isolated.ToArray());
        Assert.Equal(a.Betweenness().Values.ToArray(), b.Betweenness().Values.ToArray());
        Assert.Equal(a.PageRank(PageRankWeight.Volume).Values.ToArray(), b.PageRank(PageRankWeight.Volume).Values.ToArray());
        Assert.Equal(a.Upstream(GraphSpec.Id(0)).ToArray(), b.Upstream(GraphSpec.Id(0)).ToArray());
        Assert.Equal(a.ToDot(), b.ToDot());
        Assert.Equal(a.ToMermaid(), b.ToMermaid());
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Betweenness_is_the_sum_of_pair_dependencies_by_definition(GraphSpec spec)
    {
        // Reference from the definition (Brandes 2001, eq. 1), without Brandes' recursion: all-pairs distances d and
        // shortest-path counts σ by one breadth-first search per department on the merged edges (consumer → provider),
        // then for every v the sum over s ≠ v ≠ t, s ≠ t with d(s,v) + d(v,t) = d(s,t) of σ(s,v)·σ(v,t) / σ(s,t).
        var n = spec.Count;
        var providers = Enumerable.Range(0, n).Select(u => spec.Facts.Where(f => f.Consumer == u).Select(f => f.Provider).Distinct().ToArray()).ToArray();
        var d = new int[n, n];
        var sigma = new double[n, n];
        for (var s = 0; s < n; s++)
        {
            for (var t = 0; t < n; t++)
            {
                d[s, t] = -1;
            }

            d[s, s] = 0;
            sigma[s, s] = 1;
            var queue = new Queue<int>([s]);
            while (queue.TryDequeue(out var v))
            {
                foreach (var w in providers[v])
                {
                    if (d[s, w] < 0)
                    {
                        d[s, w] = d[s, v] + 1;
                        queue.Enqueue(w);
                    }

                    if (d[s, w] == d[s, v] + 1)
                    {
                        sigma[s, w] += sigma[s, v];
                    }
                }
            }
        }

        var expected = new double[n];
        for (var v = 0; v < n; v++)
        {
            for (var s = 0; s < n; s++)
            {
                for (var t = 0; t < n; t++)
                {
                    if (s != v && t != v && s != t && d[s, t] > 0 && d[s, v] > 0 && d[v, t] > 0 && d[s, v] + d[v, t] == d[s, t])
                    {
                        expected[v] += sigma[s, v] * sigma[v, t] / sigma[s, t];
                    }
                }
            }

            if (n > 2)
            {
                expected[v] /= (n - 1.0) * (n - 2.0);
            }
        }

        // GraphSpec numbers departments d00, d01, … so that the graph's order (by id) is the spec's.
        var actual = spec.Build().Betweenness().Values;
        for (var v = 0; v < n; v++)
        {
            Assert.True(Math.Abs(actual[v] - expected[v]) <= 1e-12, $"department {v}: expected {expected[v]:R}, got {actual[v]:R}");
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Silos_partition_the_departments_and_isolated_ones_touch_no_edge(GraphSpec spec)
    {
        var graph = spec.Build();
        var silos = graph.FindSilos();
        Assert.Equal(graph.Departments.Select(d => d.Id).Order(), silos.Components.SelectMany(c => c).Order());
        var touched = graph.GetEdges().SelectMany(e => new[] { e.Consumer, e.Provider }).ToHashSet();
        Assert.Equal(graph.Departments.Select(d => d.Id).Where(id => !touched.Contains(id)).ToArray(), silos.Isolated.ToArray());
    }

    private static int Index(DepartmentId id) => int.Parse(id.Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    private static DependencyGraph Without(GraphSpec spec, int removed) =>
        DependencyGraph.Create(
            spec.Departments.Where(d => d.Id != GraphSpec.Id(removed)),
            spec.Edges.Where(e => e.Consumer != GraphSpec.Id(removed) && e.Provider != GraphSpec.Id(removed)));

    private static bool[,] Closure(int n, IEnumerable<(int From, int To)> edges)
    {
        var reach = new bool[n, n];
        foreach (var (u, v) in edges)
        {
            reach[u, v] = true;
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                if (!reach[i, k])
                {
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    reach[i, j] |= reach[k, j];
                }
            }
        }

        return reach;
    }

    private static bool[] Flatten(bool[,] matrix) => [.. matrix.Cast<bool>()];
}
