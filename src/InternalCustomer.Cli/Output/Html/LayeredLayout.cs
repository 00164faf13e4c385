using System.Globalization;

namespace InternalCustomer.Cli.Output.Html;

/// <summary>A node placed by <see cref="LayeredLayout"/>: its tier (row), its place in the tier (from the left) and its box.</summary>
internal sealed record PlacedNode(string Id, int Tier, int Order, double X, double Y, double Width, double Height, int? Cluster, bool IsSilo);

/// <summary>An edge from a provider to a consumer; <paramref name="WithinCluster"/> when both are in one mutual-dependency cluster.</summary>
internal sealed record PlacedEdge(string From, string To, bool WithinCluster);

/// <summary>The box around the members of one mutual-dependency cluster (they share a tier and sit next to each other).</summary>
internal sealed record PlacedCluster(int Index, double X, double Y, double Width, double Height, IReadOnlyList<string> Members);

/// <summary>A layered drawing of a directed graph: nodes in rows by tier, edges, cluster boxes, and the canvas size.</summary>
internal sealed record GraphLayout(IReadOnlyList<PlacedNode> Nodes, IReadOnlyList<PlacedEdge> Edges, IReadOnlyList<PlacedCluster> Clusters, double Width, double Height, int Crossings)
{
    /// <summary>The placed node of an id.</summary>
    internal PlacedNode this[string id] => Nodes.First(n => n.Id == id);
}

/// <summary>
/// A layered (Sugiyama-style) layout of the dependency graph: tier 0 (depends on nobody) in the top row, each tier one
/// row lower, so every edge from a provider to a consumer goes downwards, except between members of one
/// mutual-dependency cluster, which share a tier and are boxed together. Within a row, nodes are ordered to reduce
/// edge crossings by the barycentre heuristic (Sugiyama, Tagawa and Toda 1981): a few sweeps down then up, each
/// sorting a row by the mean position of its neighbours in the rows already placed, keeping the ordering with the
/// fewest crossings. A cluster moves as one block; silos (no edge at all) go to the end of their row. Rows are centred;
/// an edge that spans several tiers is drawn straight, under the boxes (no dummy nodes: the graphs are small).
/// </summary>
internal static class LayeredLayout
{
    internal const double NodeWidth = 150;
    internal const double NodeHeight = 28;
    internal const double TierGap = 44;
    internal const double NodeGap = 14;
    internal const double Margin = 12;
    internal const double Labels = 44;
    internal const double ClusterPad = 5;

    /// <summary>Lays the graph out.</summary>
    /// <param name="nodes">The node ids, in their initial order within a tier.</param>
    /// <param name="edges">The edges, provider first; parallel edges and self-loops are dropped.</param>
    /// <param name="tiers">Each node's tier, 0 or more; an edge's consumer has a higher tier than its provider unless both are in one cluster.</param>
    /// <param name="clusters">The mutual-dependency clusters (each member in one tier).</param>
    /// <param name="silos">The nodes that are marked as silos.</param>
    /// <param name="sweeps">How many pairs of sweeps (right, then left) to try.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="ArgumentException">A node has no tier, an edge or cluster names an unknown node, a cluster spans tiers, or a node is in two clusters.</exception>
    internal static GraphLayout Compute(
        IReadOnlyList<string> nodes,
        IEnumerable<(string From, string To)> edges,
        IReadOnlyDictionary<string, int> tiers,
        IReadOnlyList<IReadOnlyList<string>> clusters,
        IReadOnlySet<string> silos,
        int sweeps = 4)
    {
        var known = new HashSet<string>(nodes, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!tiers.TryGetValue(node, out var tier) || tier < 0)
            {
                throw new ArgumentException($"Expected a tier of 0 or more for every node; got none for \"{node}\".", nameof(tiers));
            }
        }

        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var member in clusters[c])
            {
                if (!known.Contains(member))
                {
                    throw new ArgumentException($"Expected cluster members among the nodes; got \"{member}\".", nameof(clusters));
                }

                if (!clusterOf.TryAdd(member, c))
                {
                    throw new ArgumentException($"Expected each node in one cluster at most; got \"{member}\" in two.", nameof(clusters));
                }

                if (tiers[member] != tiers[clusters[c][0]])
                {
                    throw new ArgumentException($"Expected the members of a cluster in one tier; got \"{member}\" in tier {tiers[member]} and \"{clusters[c][0]}\" in tier {tiers[clusters[c][0]]}.", nameof(clusters));
                }
            }
        }

        var edgeList = new List<PlacedEdge>();
        var seen = new HashSet<(string, string)>();
        foreach (var (from, to) in edges)
        {
            if (!known.Contains(from) || !known.Contains(to))
            {
                throw new ArgumentException($"Expected edges between the nodes; got \"{from}\" → \"{to}\".", nameof(edges));
            }

            if (from != to && seen.Add((from, to)))
            {
                edgeList.Add(new PlacedEdge(from, to, clusterOf.TryGetValue(from, out var a) && clusterOf.TryGetValue(to, out var b) && a == b));
            }
        }

        var tierCount = nodes.Count == 0 ? 0 : nodes.Max(n => tiers[n]) + 1;
        var columns = Enumerable.Range(0, tierCount).Select(t => nodes.Where(n => tiers[n] == t).ToList()).ToList();
        var neighbours = nodes.ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var e in edgeList.Where(e => !e.WithinCluster))
        {
            neighbours[e.From].Add(e.To);
            neighbours[e.To].Add(e.From);
        }

        // Clusters start as contiguous blocks; silos start at the end of their column.
        columns = [.. columns.Select(column => Ordered(column, column.ToDictionary(n => n, n => silos.Contains(n) ? double.PositiveInfinity : column.IndexOf(n), StringComparer.Ordinal), clusterOf))];
        var best = columns.Select(c => c.ToList()).ToList();
        var bestCrossings = Crossings(best, edgeList, tiers);
        for (var sweep = 0; sweep < sweeps && bestCrossings > 0; sweep++)
        {
            foreach (var direction in new[] { +1, -1 })
            {
                var range = direction > 0 ? Enumerable.Range(1, Math.Max(0, tierCount - 1)) : Enumerable.Range(0, Math.Max(0, tierCount - 1)).Reverse();
                foreach (var t in range)
                {
                    var position = Positions(columns);
                    var keys = columns[t].ToDictionary(
                        n => n,
                        n =>
                        {
                            if (silos.Contains(n))
                            {
                                return double.PositiveInfinity;
                            }

                            var placed = neighbours[n].Where(m => direction > 0 ? tiers[m] < t : tiers[m] > t).Select(m => position[m]).ToList();
                            return placed.Count > 0 ? placed.Average() : position[n];
                        },
                        StringComparer.Ordinal);
                    columns[t] = Ordered(columns[t], keys, clusterOf);
                }

                var crossings = Crossings(columns, edgeList, tiers);
                if (crossings < bestCrossings)
                {
                    (best, bestCrossings) = (columns.Select(c => c.ToList()).ToList(), crossings);
                }
            }
        }

        var widest = best.Select(c => c.Count).DefaultIfEmpty(0).Max();
        var placedNodes = new List<PlacedNode>();
        for (var t = 0; t < best.Count; t++)
        {
            var left = Margin + Labels + ((widest - best[t].Count) * (NodeWidth + NodeGap) / 2);
            for (var i = 0; i < best[t].Count; i++)
            {
                var id = best[t][i];
                placedNodes.Add(new PlacedNode(id, t, i, left + (i * (NodeWidth + NodeGap)), TierY(t), NodeWidth, NodeHeight, clusterOf.TryGetValue(id, out var c) ? c : null, silos.Contains(id)));
            }
        }

        var placedClusters = clusters.Select((members, c) =>
        {
            var boxes = placedNodes.Where(n => n.Cluster == c).ToList();
            var (x, y) = (boxes.Min(b => b.X) - ClusterPad, boxes.Min(b => b.Y) - ClusterPad);
            return new PlacedCluster(c, x, y, boxes.Max(b => b.X + b.Width) + ClusterPad - x, boxes.Max(b => b.Y + b.Height) + ClusterPad - y, members);
        }).Where(c => c.Members.Count > 0).ToList();

        var width = (2 * Margin) + Labels + (widest * NodeWidth) + (Math.Max(0, widest - 1) * NodeGap);
        var height = (2 * Margin) + (tierCount * NodeHeight) + (Math.Max(0, tierCount - 1) * TierGap) + (edgeList.Any(e => e.WithinCluster) ? 24 : 0);
        return new GraphLayout(placedNodes, edgeList, placedClusters, width, height, bestCrossings);
    }

    /// <summary>The top of a tier's row.</summary>
    internal static double TierY(int tier) => Margin + (tier * (NodeHeight + TierGap));

    /// <summary>The tier label of a row.</summary>
    internal static string TierLabel(int tier) => "tier " + tier.ToString(CultureInfo.InvariantCulture);

    // Sorts a column by key, a cluster as one block at the mean key of its members (stable: ties keep their order).
    private static List<string> Ordered(List<string> column, Dictionary<string, double> keys, Dictionary<string, int> clusterOf)
    {
        var blocks = column
            .Select((n, i) => (Node: n, Index: i, Block: clusterOf.TryGetValue(n, out var c) ? "c" + c.ToString(CultureInfo.InvariantCulture) : "n" + n))
            .GroupBy(x => x.Block)
            .Select(g => (Members: g.OrderBy(x => keys[x.Node]).ThenBy(x => x.Index).Select(x => x.Node).ToList(), Key: Mean(g.Select(x => keys[x.Node])), First: g.Min(x => x.Index)))
            .OrderBy(b => b.Key)
            .ThenBy(b => b.First);
        return [.. blocks.SelectMany(b => b.Members)];
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Any(double.IsPositiveInfinity) ? double.PositiveInfinity : list.Average();
    }

    // Each node's position in its column as a fraction in (0, 1), so columns of different heights compare.
    private static Dictionary<string, double> Positions(List<List<string>> columns) =>
        columns.SelectMany(c => c.Select((n, i) => (n, p: (i + 0.5) / c.Count))).ToDictionary(x => x.n, x => x.p, StringComparer.Ordinal);

    /// <summary>The number of pairs of edges between the same two columns whose ends are in opposite orders.</summary>
    private static int Crossings(List<List<string>> columns, List<PlacedEdge> edges, IReadOnlyDictionary<string, int> tiers)
    {
        var order = columns.SelectMany(c => c.Select((n, i) => (n, i))).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var crossings = 0;
        foreach (var group in edges.Where(e => !e.WithinCluster).GroupBy(e => (tiers[e.From], tiers[e.To])))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if ((order[list[i].From] - order[list[j].From]) * (order[list[i].To] - order[list[j].To]) < 0)
                    {
                        crossings++;
                    }
                }
            }
        }

        return crossings;
    }
}
