using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Dependencies;

/// <summary>
/// Example tests. Reference values come from networkx 2.8.8 (Debian python3-networkx), computed by
/// networkx_reference.py in this folder; each test names the networkx call it compares with.
/// </summary>
public sealed partial class DependencyGraphTests
{
    private const double Tolerance = 1e-9;

    // The reference organisation of networkx_reference.py: consumer -> provider, criticality, volume.
    // Two mutual-dependency clusters (sales <-> marketing, finance <-> legal), an isolated archive,
    // security hanging on it by a bridge.
    private static readonly (string Consumer, string Provider, int Criticality, double? Volume)[] ReferenceEdges =
    [
        ("sales", "marketing", 3, 10.0), ("marketing", "sales", 4, null), ("sales", "finance", 5, 20.0),
        ("marketing", "it", 2, null), ("finance", "it", 5, 5.0), ("finance", "legal", 2, null),
        ("legal", "finance", 2, null), ("hr", "finance", 3, null), ("hr", "it", 4, null),
        ("it", "facilities", 3, null), ("ops", "procurement", 4, 7.0), ("procurement", "finance", 3, null),
        ("procurement", "legal", 1, null), ("security", "it", 5, null), ("ops", "facilities", 2, null),
    ];

    private static readonly string[] ReferenceNodes =
        ["archive", "facilities", "finance", "hr", "it", "legal", "marketing", "ops", "procurement", "sales", "security"];

    private static readonly Dictionary<string, string> ReferenceNames = new()
    {
        ["hr"] = "人力资源部",
        ["it"] = "IT",
        ["ops"] = "Operations",
    };

    private static DependencyGraph Reference()
    {
        var builder = Organization.CreateBuilder();
        foreach (var id in ReferenceNodes.Reverse())
        {
            builder.AddDepartment(id, ReferenceNames.GetValueOrDefault(id, char.ToUpperInvariant(id[0]) + id[1..]));
        }

        foreach (var (c, p, k, v) in ReferenceEdges)
        {
            builder.AddDependency(p, c, k, v);
        }

        return DependencyGraph.FromOrganization(builder.Build());
    }

    private static DepartmentId Id(string id) => DepartmentId.Parse(id);

    private static string[] Names(IEnumerable<DepartmentId> ids) => [.. ids.Select(d => d.Value)];

    [Fact]
    public void Graph_has_one_node_per_department_and_one_edge_per_fact()
    {
        var graph = Reference();
        Assert.Equal(11, graph.DepartmentCount);
        Assert.Equal(15, graph.EdgeCount);
        Assert.Equal(ReferenceNodes, graph.Departments.Select(d => d.Id.Value));
    }

    [Fact]
    public void Parallel_facts_merge_with_max_criticality_summed_volume_and_united_sources()
    {
        // Three facts on sales -> finance: (2, vol 3, Declared), (4, vol 5, Agreement), (1, no vol, Declared).
        // Merged: criticality max(2, 4, 1) = 4; volume 3 + 5 = 8 (absent volume adds nothing); source Declared | Agreement.
        // A fourth fact on finance -> sales is the other direction and stays a separate edge.
        var departments = new[] { new Department(Id("sales"), "Sales"), new Department(Id("finance"), "Finance") };
        var graph = DependencyGraph.Create(departments,
        [
            DependencyEdge.Create("finance", "sales", 2, 3.0, DependencySource.Declared),
            DependencyEdge.Create("finance", "sales", 4, 5.0, DependencySource.Agreement),
            DependencyEdge.Create("finance", "sales", 1, null, DependencySource.Declared),
            DependencyEdge.Create("sales", "finance", 2),
        ]);

        Assert.Equal(2, graph.EdgeCount);
        var merged = Assert.Single(graph.ProvidersOf(Id("sales")));
        Assert.Equal(DependencyEdge.Create("finance", "sales", 4, 8.0, DependencySource.Declared | DependencySource.Agreement), merged);
        Assert.Equal(merged, Assert.Single(graph.ConsumersOf(Id("finance"))));
        Assert.Equal(DependencyEdge.Create("sales", "finance", 2), Assert.Single(graph.ProvidersOf(Id("finance"))));
    }

    [Fact]
    public void Merged_edge_without_any_volume_has_no_volume()
    {
        var graph = DependencyGraph.Create(
            [new Department(Id("a"), "A"), new Department(Id("b"), "B")],
            [DependencyEdge.Create("b", "a", 2), DependencyEdge.Create("b", "a", 3)]);
        Assert.Null(Assert.Single(graph.GetEdges()).Volume);
    }

    [Fact]
    public void Strongly_connected_components_match_networkx()
    {
        // networkx 2.8.8: sorted(sorted(c) for c in nx.strongly_connected_components(G))
        string[][] expected =
        [
            ["archive"], ["facilities"], ["finance", "legal"], ["hr"], ["it"], ["marketing", "sales"], ["ops"], ["procurement"], ["security"],
        ];
        var actual = Reference().StronglyConnectedComponents().Select(c => Names(c)).OrderBy(c => c[0], StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Tiers_match_networkx_topological_generations_of_the_reversed_condensation()
    {
        // networkx 2.8.8: nx.topological_generations(nx.condensation(G).reverse()), members listed.
        // Hand check: archive and facilities depend on nobody (tier 0); it depends on facilities (1);
        // finance/legal and security depend on it (2); hr, marketing/sales, procurement on finance (3); ops on procurement (4).
        string[][] expected =
        [
            ["archive", "facilities"], ["it"], ["finance", "legal", "security"], ["hr", "marketing", "procurement", "sales"], ["ops"],
        ];
        Assert.Equal(expected, Reference().Tiers().Select(c => Names(c)).ToArray());
    }

    [Fact]
    public void Condensation_links_and_transitive_reduction_match_networkx()
    {
        var condensation = Reference().Condense();
        string First(int c) => condensation.Components[c][0].Value;

        // networkx 2.8.8: C = nx.condensation(G); C.edges(), components named by their first member.
        (string, string)[] links =
        [
            ("finance", "it"), ("hr", "finance"), ("hr", "it"), ("it", "facilities"), ("marketing", "finance"),
            ("marketing", "it"), ("ops", "facilities"), ("ops", "procurement"), ("procurement", "finance"), ("security", "it"),
        ];
        Assert.Equal(links, condensation.Links.Select(l => (First(l.Consumer), First(l.Provider))).Order().ToArray());

        // networkx 2.8.8: nx.transitive_reduction(C).edges()
        (string, string)[] reduced =
        [
            ("finance", "it"), ("hr", "finance"), ("it", "facilities"), ("marketing", "finance"), ("ops", "procurement"),
            ("procurement", "finance"), ("security", "it"),
        ];
        Assert.Equal(reduced, condensation.TransitiveReduction().Select(l => (First(l.Consumer), First(l.Provider))).Order().ToArray());
        Assert.Equal(2, condensation.Tiers[condensation.ComponentOf(Id("legal"))]);
        Assert.Equal(condensation.ComponentOf(Id("finance")), condensation.ComponentOf(Id("legal")));
    }

    [Fact]
    public void Mutual_dependencies_name_each_cluster_and_a_cycle_through_it()
    {
        var clusters = Reference().FindMutualDependencies();
        Assert.Equal(2, clusters.Length);
        Assert.Equal(["finance", "legal"], Names(clusters[0].Departments));
        Assert.Equal(["finance", "legal"], Names(clusters[0].Cycle));
        Assert.Equal(["marketing", "sales"], Names(clusters[1].Departments));
        Assert.Equal(["marketing", "sales"], Names(clusters[1].Cycle));
    }

    [Fact]
    public void Cycle_through_a_longer_loop_is_a_shortest_one_in_dependency_order()
    {
        // a -> b -> c -> a and a -> d -> e -> f -> a: the shortest cycle through a is a, b, c.
        var ids = new[] { "a", "b", "c", "d", "e", "f" };
        var graph = DependencyGraph.Create(
            ids.Select(i => new Department(Id(i), i)),
            [
                DependencyEdge.Create("d", "a"), DependencyEdge.Create("e", "d"), DependencyEdge.Create("f", "e"), DependencyEdge.Create("a", "f"),
                DependencyEdge.Create("b", "a"), DependencyEdge.Create("c", "b"), DependencyEdge.Create("a", "c"),
            ]);
        var cluster = Assert.Single(graph.FindMutualDependencies());
        Assert.Equal(ids, Names(cluster.Departments));
        Assert.Equal(["a", "b", "c"], Names(cluster.Cycle));
    }

    [Fact]
    public void Topological_order_puts_providers_first_by_tier_then_id()
    {
        // it -> facilities, security -> it, hr -> it, ops -> facilities. By hand: facilities depends on nobody (tier 0);
        // it and ops depend on facilities only (tier 1); hr and security depend on it (tier 2). Within a tier, by id.
        var graph = DependencyGraph.Create(
            new[] { "facilities", "hr", "it", "ops", "security" }.Select(i => new Department(Id(i), i)),
            [
                DependencyEdge.Create("facilities", "it"), DependencyEdge.Create("it", "security"),
                DependencyEdge.Create("it", "hr"), DependencyEdge.Create("facilities", "ops"),
            ]);
        Assert.Equal(["facilities", "it", "ops", "hr", "security"], Names(graph.TopologicalOrder()));
    }

    [Fact]
    public void Topological_order_of_a_cyclic_graph_names_the_cycle()
    {
        var ex = Assert.Throws<DependencyCycleException>(() => Reference().TopologicalOrder());
        Assert.Equal(["finance", "legal"], Names(ex.Cycle));
        Assert.Equal(2, ex.Clusters.Length);
        Assert.Equal(
            "Expected an acyclic dependency graph; got a cycle: 'finance' → 'legal' → 'finance' (1 more mutual-dependency cluster(s) exist).",
            ex.Message);
    }

    [Fact]
    public void Upstream_matches_brute_force_over_simple_paths()
    {
        // networkx_reference.py widest(): max over nx.all_simple_paths(G, s, t) of the min criticality,
        // and nx.shortest_path_length(G, s, t). Hand check for sales -> legal: sales -5-> finance -2-> legal (2, 2 hops).
        var expected = new (string, int, int)[]
        {
            ("facilities", 3, 3), ("finance", 5, 1), ("it", 5, 2), ("legal", 2, 2), ("marketing", 3, 1),
        };
        Assert.Equal(expected, Reference().Upstream(Id("sales")).Select(r => (r.Department.Value, r.WeakestLink.Value, r.Distance)).ToArray());

        // ops -> facilities directly is criticality 2, but ops -4-> procurement -3-> finance -5-> it -3-> facilities is 3.
        var ops = new (string, int, int)[]
        {
            ("facilities", 3, 1), ("finance", 3, 2), ("it", 3, 3), ("legal", 2, 2), ("procurement", 4, 1),
        };
        Assert.Equal(ops, Reference().Upstream(Id("ops")).Select(r => (r.Department.Value, r.WeakestLink.Value, r.Distance)).ToArray());
    }

    [Fact]
    public void Downstream_is_the_blast_radius_and_matches_brute_force()
    {
        // networkx_reference.py widest("it", G.reverse())
        var expected = new (string, int, int)[]
        {
            ("finance", 5, 1), ("hr", 4, 1), ("legal", 2, 2), ("marketing", 4, 1), ("ops", 3, 3),
            ("procurement", 3, 2), ("sales", 5, 2), ("security", 5, 1),
        };
        Assert.Equal(expected, Reference().Downstream(Id("it")).Select(r => (r.Department.Value, r.WeakestLink.Value, r.Distance)).ToArray());
        Assert.Empty(Reference().Downstream(Id("archive")));
    }

    [Fact]
    public void Single_points_of_failure_match_networkx()
    {
        // networkx 2.8.8: nx.articulation_points(G.to_undirected()), nx.bridges(G.to_undirected())
        var spof = Reference().FindSinglePointsOfFailure();
        Assert.Equal(["it"], Names(spof.ArticulationPoints));
        Assert.Equal([new DepartmentPair(Id("it"), Id("security"))], spof.Bridges.ToArray());
    }

    [Fact]
    public void Silos_match_networkx()
    {
        // networkx 2.8.8: nx.weakly_connected_components(G), nx.isolates(G)
        var silos = Reference().FindSilos();
        Assert.Equal(
            [["archive"], ["facilities", "finance", "hr", "it", "legal", "marketing", "ops", "procurement", "sales", "security"]],
            silos.Components.Select(c => Names(c)).ToArray());
        Assert.Equal(["archive"], Names(silos.Isolated));
    }

    [Fact]
    public void Degrees_match_networkx()
    {
        // networkx 2.8.8: G.in_degree(), G.out_degree()
        var graph = Reference();
        Assert.Equal([0, 2, 4, 0, 4, 2, 1, 0, 1, 1, 0], graph.InDegrees().Values.ToArray());
        Assert.Equal([0, 0, 2, 2, 1, 1, 2, 2, 2, 2, 1], graph.OutDegrees().Values.ToArray());
        Assert.Equal(4, graph.InDegrees()[Id("it")]);
    }

    [Fact]
    public void Betweenness_matches_networkx()
    {
        // networkx 2.8.8: nx.betweenness_centrality(G, normalized=True), n = 11, scale 1 / (10 * 9).
        // Hand check for marketing = 1 / 90: the only pairs with a shortest path through marketing are sales -> it
        // (sales-marketing-it and sales-finance-it, so 1/2) and sales -> facilities (likewise one of two paths, 1/2).
        var expected = new Dictionary<string, double>
        {
            ["archive"] = 0.0,
            ["facilities"] = 0.0,
            ["finance"] = 0.1,
            ["hr"] = 0.0,
            ["it"] = 0.07777777777777778,
            ["legal"] = 0.0,
            ["marketing"] = 0.011111111111111112,
            ["ops"] = 0.0,
            ["procurement"] = 0.03333333333333333,
            ["sales"] = 0.022222222222222223,
            ["security"] = 0.0,
        };
        var actual = Reference().Betweenness();
        foreach (var (id, value) in expected)
        {
            Assert.Equal(value, actual[Id(id)], Tolerance);
        }
    }

    [Theory]
    [InlineData(PageRankWeight.None, new[]
    {
        // networkx 2.8.8: nx.pagerank(G, alpha=0.85, weight=None, tol=1e-15, max_iter=10000)
        0.03142368488414884, 0.1987651783224847, 0.20340098305215343, 0.03142368488414884, 0.18116050277949577,
        0.13690007183927574, 0.054649886755041545, 0.03142368488414884, 0.04477875095991218, 0.054649886755041545, 0.03142368488414884,
    })]
    [InlineData(PageRankWeight.Criticality, new[]
    {
        // networkx 2.8.8: nx.pagerank(G, alpha=0.85, weight='criticality', tol=1e-15, max_iter=10000)
        0.03298024293170936, 0.21735231265511537, 0.18750620267706428, 0.03298024293170936, 0.20591490301108603,
        0.08949713612453555, 0.05308032996636669, 0.03298024293170936, 0.0516690472596778, 0.06305909657931685, 0.03298024293170936,
    })]
    [InlineData(PageRankWeight.Volume, new[]
    {
        // networkx 2.8.8: nx.pagerank(G, alpha=0.85, weight='volume', tol=1e-15, max_iter=10000), a missing volume given as 0.0
        0.0712673714217841, 0.0712673714217841, 0.11165221522746187, 0.0712673714217841, 0.16617175436512555,
        0.0712673714217841, 0.09145979332462299, 0.0712673714217841, 0.13184463713030076, 0.0712673714217841, 0.0712673714217841,
    })]
    public void PageRank_matches_networkx(PageRankWeight weight, double[] expected)
    {
        var actual = Reference().PageRank(weight);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual.Values[i], Tolerance);
        }
    }

    [Fact]
    public void Betweenness_and_PageRank_match_networkx_on_a_random_graph_with_many_shortest_paths()
    {
        // networkx 2.8.8: R = nx.gnm_random_graph(12, 40, seed=7, directed=True), nodes relabelled d00..d11.
        (int, int)[] edges =
        [
            (0, 1), (0, 8), (0, 9), (1, 3), (1, 6), (1, 8), (1, 9), (2, 5), (2, 7), (2, 8), (3, 0), (3, 1), (3, 2), (3, 5),
            (4, 6), (4, 8), (4, 9), (5, 2), (5, 4), (5, 7), (5, 9), (6, 0), (6, 1), (6, 10), (7, 5), (7, 10), (8, 1), (8, 2),
            (8, 6), (8, 9), (9, 0), (9, 3), (9, 7), (9, 10), (10, 1), (10, 2), (11, 1), (11, 3), (11, 5), (11, 7),
        ];
        var graph = DependencyGraph.Create(
            Enumerable.Range(0, 12).Select(i => new Department(Generators.GraphSpec.Id(i), "D" + i)),
            edges.Select(e => new DependencyEdge(Generators.GraphSpec.Id(e.Item2), Generators.GraphSpec.Id(e.Item1))));

        // nx.betweenness_centrality(R, normalized=True)
        double[] betweenness =
        [
            0.037662337662337654, 0.1515151515151515, 0.09372294372294372, 0.0838744588744589, 0.02305194805194805, 0.15757575757575756,
            0.03917748917748917, 0.04372294372294372, 0.0791125541125541, 0.16601731601731598, 0.06093073593073593, 0.0,
        ];

        // nx.pagerank(R, alpha=0.85, tol=1e-15, max_iter=10000)
        double[] pageRank =
        [
            0.07111822001069028, 0.13216897150038795, 0.1102120170799469, 0.06725569282165242, 0.03366230682419026, 0.09958732623148402,
            0.07169240791153998, 0.09155883137466181, 0.10150046055303366, 0.11300487707209209, 0.0957388886203203, 0.0125,
        ];
        var b = graph.Betweenness();
        var p = graph.PageRank();
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(betweenness[i], b.Values[i], Tolerance);
            Assert.Equal(pageRank[i], p.Values[i], Tolerance);
        }

        // nx.strongly_connected_components(R): d00..d10 and d11 alone.
        Assert.Equal([11, 1], graph.StronglyConnectedComponents().Select(c => c.Length).Order().Reverse().ToArray());
    }

    [Fact]
    public void Small_graphs_have_no_betweenness_scaling()
    {
        // networkx _rescale: n <= 2 leaves the raw values (all 0 here: no intermediate department exists).
        var graph = DependencyGraph.Create([new Department(Id("a"), "A"), new Department(Id("b"), "B")], [DependencyEdge.Create("b", "a")]);
        Assert.Equal([0.0, 0.0], graph.Betweenness().Values.ToArray());
        Assert.Empty(DependencyGraph.FromOrganization(Organization.Empty).PageRank().Values);
    }

    [Fact]
    public void Values_lookup_of_an_unknown_department_says_which()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Reference().InDegrees()[Id("nobody")]);
        Assert.Equal("Expected a department of the graph; got 'nobody', which is not one.", ex.Message);
        Assert.False(Reference().InDegrees().TryGetValue(Id("nobody"), out _));
    }
}
