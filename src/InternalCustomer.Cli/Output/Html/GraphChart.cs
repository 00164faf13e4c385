using System.Collections.Immutable;
using System.Text;
using InternalCustomer.Dependencies;
using InternalCustomer.Scorecards;
using static InternalCustomer.Cli.Output.Html.Markup;

namespace InternalCustomer.Cli.Output.Html;

/// <summary>
/// The dependency graph drawn in tiers (<see cref="LayeredLayout"/>): departments as boxes in rows, tier 0 at the
/// top, arrows from provider to consumer, each mutual-dependency cluster framed, silos dashed; behind it, the graph as a
/// table (tier, department, its providers and its consumers).
/// </summary>
internal static class GraphChart
{
    /// <summary>The longest label drawn in a box; a longer name is cut with an ellipsis (the box's tooltip has it whole).</summary>
    internal const int LabelLength = 24;

    /// <summary>The layout of <paramref name="graph"/> with the library's clusters and silos marked.</summary>
    internal static GraphLayout Layout(DependencyGraph graph, ImmutableArray<MutualDependencyCluster> clusters, ImmutableArray<DepartmentId> silos)
    {
        var tiers = graph.TierByDepartment();
        return LayeredLayout.Compute(
            [.. graph.Departments.Select(d => d.Id.Value)],
            graph.GetEdges().Select(e => (e.Provider.Value, e.Consumer.Value)),
            graph.Departments.ToDictionary(d => d.Id.Value, d => tiers[d.Id], StringComparer.Ordinal),
            [.. clusters.Select(c => (IReadOnlyList<string>)[.. c.Departments.Select(d => d.Value)])],
            silos.Select(s => s.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Writes the figure and its table.</summary>
    internal static void Write(StringBuilder html, ChartContext context)
    {
        var graph = DependencyGraph.FromOrganization(context.Organization);
        var health = context.Scorecard.Health;
        // Every silo the graph findings name: isolated departments and groups that work only with each other.
        var silos = health.GraphFindings.OfType<SiloFinding>().ToList();
        var layout = Layout(graph, health.Cycles, [.. silos.SelectMany(f => f.Departments)]);
        var names = graph.Departments.ToDictionary(d => d.Id.Value, d => context.Name(d.Id), StringComparer.Ordinal);

        html.Append("<figure class=\"chart\" id=\"chart-graph\" data-chart=\"graph\">\n");
        html.Append($"<figcaption>Who depends on whom: {N(graph.DepartmentCount)} departments in {N(health.Tiers)} tiers (tier 0, at the top, depends on nobody); an arrow goes from the provider to its consumer. ")
            .Append($"{N(health.Cycles.Length)} mutual-dependency cluster(s) framed in orange, {N(silos.Count)} silo(s) ({N(silos.Sum(f => f.Departments.Length))} departments) dashed.</figcaption>\n");
        html.Append($"<svg class=\"graph\" viewBox=\"0 0 {N(layout.Width)} {N(layout.Height)}\" width=\"{N(layout.Width)}\" role=\"img\" aria-label=\"Dependency graph in tiers\" data-crossings=\"{N(layout.Crossings)}\">\n");
        html.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#666\"/></marker>")
            .Append("<marker id=\"arrow-cycle\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#d95f02\"/></marker></defs>\n");
        foreach (var tier in layout.Nodes.Select(n => n.Tier).Distinct())
        {
            html.Append($"<text class=\"tier-label\" x=\"{N(LayeredLayout.Margin)}\" y=\"{N(LayeredLayout.TierY(tier) + (LayeredLayout.NodeHeight / 2) + 4)}\">{LayeredLayout.TierLabel(tier)}</text>\n");
        }

        foreach (var cluster in layout.Clusters)
        {
            html.Append($"<rect class=\"cluster\" data-cluster=\"{N(cluster.Index)}\" x=\"{N(cluster.X)}\" y=\"{N(cluster.Y)}\" width=\"{N(cluster.Width)}\" height=\"{N(cluster.Height)}\" rx=\"6\"><title>Mutual dependency: {Text(string.Join(" ↔ ", cluster.Members))}</title></rect>\n");
        }

        foreach (var edge in layout.Edges)
        {
            var (from, to) = (layout[edge.From], layout[edge.To]);
            string path;
            if (from.Tier == to.Tier)
            {
                // Within a cluster (one row): an arc out of the bottom and back.
                var (y, x0, x1) = (from.Y + from.Height, from.X + (from.Width / 2), to.X + (to.Width / 2));
                var bulge = 14 + (Math.Abs(to.Order - from.Order) * 4) + (string.CompareOrdinal(edge.From, edge.To) < 0 ? 0 : 8);
                path = $"M{N(x0)},{N(y)} C{N(x0)},{N(y + bulge)} {N(x1)},{N(y + bulge)} {N(x1)},{N(y)}";
            }
            else
            {
                var (x0, y0, x1, y1) = (from.X + (from.Width / 2), from.Y + from.Height, to.X + (to.Width / 2), to.Y);
                var dy = Math.Min(LayeredLayout.TierGap, (y1 - y0) / 2);
                path = $"M{N(x0)},{N(y0)} C{N(x0)},{N(y0 + dy)} {N(x1)},{N(y1 - dy)} {N(x1)},{N(y1)}";
            }

            html.Append($"<path class=\"edge{(edge.WithinCluster ? " in-cycle" : string.Empty)}\" data-from=\"{Text(edge.From)}\" data-to=\"{Text(edge.To)}\" d=\"{path}\" marker-end=\"url(#{(edge.WithinCluster ? "arrow-cycle" : "arrow")})\"><title>{Text(names[edge.From])} → {Text(names[edge.To])}</title></path>\n");
        }

        foreach (var node in layout.Nodes)
        {
            var name = names[node.Id];
            var label = name.Length > LabelLength ? name[..(LabelLength - 1)] + "…" : name;
            var classes = "node" + (node.IsSilo ? " silo" : string.Empty) + (node.Cluster is not null ? " in-cycle" : string.Empty);
            html.Append($"<g class=\"{classes}\" data-node=\"{Text(node.Id)}\" data-tier=\"{N(node.Tier)}\"><title>{Text(name)} ({Text(node.Id)}), tier {N(node.Tier)}{(node.IsSilo ? ", silo" : string.Empty)}{(node.Cluster is not null ? ", in a mutual-dependency cluster" : string.Empty)}</title>")
                .Append($"<rect x=\"{N(node.X)}\" y=\"{N(node.Y)}\" width=\"{N(node.Width)}\" height=\"{N(node.Height)}\" rx=\"4\"/>")
                .Append($"<text x=\"{N(node.X + (node.Width / 2))}\" y=\"{N(node.Y + (node.Height / 2) + 4)}\" text-anchor=\"middle\">{Text(label)}</text></g>\n");
        }

        html.Append("</svg>\n");
        html.Append("<details class=\"chart-data\"><summary>The graph as a table</summary>\n");
        var rows = layout.Nodes.OrderBy(n => n.Tier).ThenBy(n => n.Order).Select(n => (IReadOnlyList<string>)
        [
            N(n.Tier),
            names[n.Id],
            n.Id,
            string.Join(", ", layout.Edges.Where(e => e.To == n.Id).Select(e => e.From)),
            string.Join(", ", layout.Edges.Where(e => e.From == n.Id).Select(e => e.To)),
            n.IsSilo ? "silo" : n.Cluster is { } c ? "mutual-dependency cluster " + N(c + 1) : string.Empty,
        ]);
        Table(html, ["tier", "department", "id", "depends on (providers)", "serves (consumers)", "marked"], rows, [true, false, false, false, false, false], "chart-graph-table");
        html.Append("</details>\n</figure>\n");
    }
}
