using FsCheck.Xunit;
using InternalCustomer.Cli.Output.Html;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Cli.Html;

/// <summary>The layered layout of the dependency graph (<see cref="LayeredLayout"/>, <see cref="GraphChart.Layout"/>).</summary>
public class LayeredLayoutTests
{
    /// <summary>
    /// The layout law on random graphs (cycles, parallel facts and silos included): every department is placed once, no
    /// two boxes overlap, and every edge goes from a lower tier (a higher row) to a higher one, except between members of
    /// one mutual-dependency cluster, which share a row and sit next to each other inside their frame.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void No_two_nodes_overlap_and_every_edge_goes_down_a_tier_except_within_a_cluster(GraphSpec spec)
    {
        var graph = spec.Build();
        var clusters = graph.FindMutualDependencies();
        var layout = GraphChart.Layout(graph, clusters, graph.FindSilos().Isolated);

        Assert.Equal(graph.Departments.Select(d => d.Id.Value).Order(), layout.Nodes.Select(n => n.Id).Order());
        for (var i = 0; i < layout.Nodes.Count; i++)
        {
            for (var j = i + 1; j < layout.Nodes.Count; j++)
            {
                var (a, b) = (layout.Nodes[i], layout.Nodes[j]);
                var apart = a.X + a.Width <= b.X || b.X + b.Width <= a.X || a.Y + a.Height <= b.Y || b.Y + b.Height <= a.Y;
                Assert.True(apart, $"{a} overlaps {b}");
            }

            Assert.True(layout.Nodes[i].X >= 0 && layout.Nodes[i].Y >= 0 && layout.Nodes[i].X + layout.Nodes[i].Width <= layout.Width && layout.Nodes[i].Y + layout.Nodes[i].Height <= layout.Height, $"{layout.Nodes[i]} is outside the {layout.Width} × {layout.Height} canvas");
        }

        var clusterOf = clusters.SelectMany((c, k) => c.Departments.Select(d => (d.Value, k))).ToDictionary(x => x.Value, x => x.k);
        Assert.Equal(graph.GetEdges().Select(e => (e.Provider.Value, e.Consumer.Value)).Distinct().Order(), layout.Edges.Select(e => (e.From, e.To)).Order());
        foreach (var edge in layout.Edges)
        {
            var (from, to) = (layout[edge.From], layout[edge.To]);
            var inOneCluster = clusterOf.TryGetValue(edge.From, out var a) && clusterOf.TryGetValue(edge.To, out var b) && a == b;
            Assert.Equal(inOneCluster, edge.WithinCluster);
            if (inOneCluster)
            {
                Assert.Equal(from.Tier, to.Tier);
            }
            else
            {
                Assert.True(from.Tier < to.Tier, $"{edge}: tier {from.Tier} → {to.Tier}");
                Assert.True(from.Y + from.Height < to.Y, $"{edge}: the consumer's box is not below the provider's");
            }
        }

        foreach (var cluster in layout.Clusters)
        {
            var orders = cluster.Members.Select(m => layout[m].Order).Order().ToList();
            Assert.Equal(Enumerable.Range(orders[0], orders.Count), orders);
            Assert.All(cluster.Members.Select(m => layout[m]), n => Assert.True(n.X > cluster.X && n.Y > cluster.Y && n.X + n.Width < cluster.X + cluster.Width && n.Y + n.Height < cluster.Y + cluster.Height, $"{n} is not inside its cluster's frame"));
        }
    }

    [Fact]
    public void The_barycentre_sweeps_uncross_two_crossed_edges()
    {
        // a → d and b → c: in id order (a b over c d) the two edges cross; swapping c and d uncrosses them.
        var layout = LayeredLayout.Compute(
            ["a", "b", "c", "d"],
            [("a", "d"), ("b", "c")],
            new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 1, ["d"] = 1 },
            [],
            new HashSet<string>());
        Assert.Equal(0, layout.Crossings);
        Assert.Equal(layout["a"].X < layout["b"].X, layout["d"].X < layout["c"].X);
    }

    [Fact]
    public void A_silo_goes_to_the_end_of_its_tier_and_a_cluster_stays_together()
    {
        // Tier 0: s (a silo, listed first), p; tier 1: x, q, y with q ↔ y a cluster (listed apart at first: q, x, y).
        var layout = LayeredLayout.Compute(
            ["s", "p", "q", "x", "y"],
            [("p", "q"), ("q", "y"), ("y", "q"), ("p", "x")],
            new Dictionary<string, int> { ["s"] = 0, ["p"] = 0, ["q"] = 1, ["x"] = 1, ["y"] = 1 },
            [["q", "y"]],
            new HashSet<string> { "s" });
        Assert.Equal([0, 1], new[] { layout["p"].Order, layout["s"].Order });
        Assert.True(layout["s"].IsSilo);
        Assert.Equal(1, Math.Abs(layout["q"].Order - layout["y"].Order));
        Assert.Equal([true, true], layout.Edges.Where(e => e.From is "q" or "y" && e.To is "q" or "y").Select(e => e.WithinCluster));
        Assert.Single(layout.Clusters);
    }

    [Fact]
    public void Bad_input_says_what_was_expected()
    {
        var noTier = Assert.Throws<ArgumentException>(() => LayeredLayout.Compute(["a", "b"], [], new Dictionary<string, int> { ["a"] = 0 }, [], new HashSet<string>()));
        Assert.Equal("tiers", noTier.ParamName);
        Assert.StartsWith("Expected a tier of 0 or more for every node; got none for \"b\".", noTier.Message);

        var unknown = Assert.Throws<ArgumentException>(() => LayeredLayout.Compute(["a"], [("a", "z")], new Dictionary<string, int> { ["a"] = 0 }, [], new HashSet<string>()));
        Assert.Equal("edges", unknown.ParamName);
        Assert.StartsWith("Expected edges between the nodes; got \"a\" → \"z\".", unknown.Message);

        var spans = Assert.Throws<ArgumentException>(() => LayeredLayout.Compute(["a", "b"], [], new Dictionary<string, int> { ["a"] = 0, ["b"] = 1 }, [["a", "b"]], new HashSet<string>()));
        Assert.Equal("clusters", spans.ParamName);
        Assert.StartsWith("Expected the members of a cluster in one tier; got \"b\" in tier 1 and \"a\" in tier 0.", spans.Message);
    }
}
