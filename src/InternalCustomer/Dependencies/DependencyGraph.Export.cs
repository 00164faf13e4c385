using System.Globalization;
using System.Text;

namespace InternalCustomer.Dependencies;

/// <content>Export as Graphviz DOT and Mermaid flowchart text.</content>
public sealed partial class DependencyGraph
{
    private const string SpofFill = "#ffd9d9";
    private const string SpofStroke = "#c00000";
    private const string ClusterStroke = "#cc6600";
    private const string SoleFill = "#fff2cc";
    private const string SoleStroke = "#7f6000";

    /// <summary>
    /// Writes the graph as Graphviz DOT text, ready for <c>dot -Tsvg</c>.
    /// </summary>
    /// <returns>The DOT text (UTF-8 when saved as such; Graphviz's default charset).</returns>
    /// <remarks>
    /// <para><b>Drawing.</b> Edges point from consumer to provider, top to bottom, so tier 0 (depends on nobody)
    /// is the bottom rank and every tier is one rank (<c>rank=same</c>, with <c>newrank=true</c> so ranks hold across
    /// clusters). Each mutual-dependency cluster is a dashed box (<c>subgraph cluster_…</c>). Articulation points (bridging
    /// departments) are filled red with a bold border; bridges are bold red edges. Shared sole suppliers
    /// (<see cref="FindSoleSuppliers"/>, <see cref="SoleSupplier.IsShared"/>: two or more departments depend on them with no
    /// alternative) get a double border (<c>peripheries=2</c>), filled yellow with a brown border unless they are also
    /// articulation points, which keep the red fill. Edge thickness grows with criticality (1 to 5);
    /// the tooltip of an edge gives its criticality and volume.</para>
    /// <para><b>Names.</b> Nodes are <c>n0</c>, <c>n1</c>, … in department id order; the label is the display name and,
    /// on a second line, the id. Inside the double-quoted strings a quote becomes <c>\"</c>, a backslash <c>\\</c>,
    /// a line break (LF, CR or CRLF) the DOT line break <c>\n</c>, and any other control character a space; all
    /// other characters, such as 人力资源部, are written as they are.</para>
    /// </remarks>
    public string ToDot()
    {
        var scc = ComputeComponents();
        var spof = FindSinglePointsOfFailure();
        var isCut = CutMask(spof);
        var isSole = SoleMask();
        var bridges = BridgeSet(spof);
        var text = new StringBuilder();
        text.Append("digraph dependencies {\n");
        text.Append("  graph [rankdir=TB, newrank=true, fontname=\"Helvetica\", labelloc=t];\n");
        text.Append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        text.Append("  edge [fontname=\"Helvetica\", arrowsize=0.7];\n");

        for (var v = 0; v < DepartmentCount; v++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  n{v} [label=\"{DotLabel(v)}\", tooltip=\"{EscapeDot(Departments[v].Id.Value)}\"");
            if (isCut[v])
            {
                text.Append(CultureInfo.InvariantCulture, $", style=\"rounded,filled,bold\", fillcolor=\"{SpofFill}\", color=\"{SpofStroke}\", penwidth=2");
            }
            else if (isSole[v])
            {
                text.Append(CultureInfo.InvariantCulture, $", style=\"rounded,filled,bold\", fillcolor=\"{SoleFill}\", color=\"{SoleStroke}\", penwidth=2");
            }

            if (isSole[v])
            {
                text.Append(", peripheries=2");
            }

            text.Append("];\n");
        }

        var cluster = 0;
        for (var c = 0; c < scc.Count; c++)
        {
            if (scc.MemberStart[c + 1] - scc.MemberStart[c] < 2)
            {
                continue;
            }

            cluster++;
            text.Append(CultureInfo.InvariantCulture, $"  subgraph cluster_mutual_{cluster} {{\n    label=\"mutual dependency {cluster}\"; style=dashed; color=\"{ClusterStroke}\"; fontcolor=\"{ClusterStroke}\";\n   ");
            for (var m = scc.MemberStart[c]; m < scc.MemberStart[c + 1]; m++)
            {
                text.Append(CultureInfo.InvariantCulture, $" n{scc.Members[m]};");
            }

            text.Append("\n  }\n");
        }

        foreach (var (tier, members) in TierMembers(scc))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {{ rank=same; /* tier {tier} */");
            foreach (var v in members)
            {
                text.Append(CultureInfo.InvariantCulture, $" n{v};");
            }

            text.Append(" }\n");
        }

        for (var u = 0; u < DepartmentCount; u++)
        {
            for (var k = _outStart[u]; k < _outStart[u + 1]; k++)
            {
                var v = _outTarget[k];
                var criticality = _outPacked[k] & CriticalityMask;
                var volume = _outVolume is null || double.IsNaN(_outVolume[k]) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", volume {_outVolume[k]}");
                text.Append(CultureInfo.InvariantCulture, $"  n{u} -> n{v} [penwidth={0.5 + (0.5 * criticality)}, tooltip=\"criticality {criticality}{volume}\"");
                if (bridges.Contains(Pair(u, v)))
                {
                    text.Append(CultureInfo.InvariantCulture, $", color=\"{SpofStroke}\", penwidth=3.5");
                }

                text.Append("];\n");
            }
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// Writes the graph as a Mermaid flowchart, for Markdown hosts that render Mermaid.
    /// </summary>
    /// <returns>The Mermaid text.</returns>
    /// <remarks>
    /// <para><b>Drawing.</b> <c>flowchart TB</c> with edges from consumer to provider. Mermaid has no rank
    /// constraint, so each tier is a subgraph (highest tier first, tier 0 last) and each mutual-dependency cluster a
    /// subgraph nested in its tier. Articulation points (bridging departments) get the class <c>spof</c> (red fill, bold
    /// border); bridges are red thick links (<c>linkStyle</c>). Shared sole suppliers (<see cref="SoleSupplier.IsShared"/>)
    /// get the class <c>sole</c> (yellow fill, dashed brown border); those that are articulation points too keep
    /// <c>spof</c> and also get <c>spofsole</c> (a dashed brown border over the red fill). Edge thickness is not varied; links are labelled with their criticality.</para>
    /// <para><b>Names.</b> Nodes are <c>n0</c>, <c>n1</c>, … in department id order; labels are quoted, with
    /// <c>"</c>, <c>#</c>, <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and <c>`</c> written as Mermaid entity codes
    /// (<c>#quot;</c>, <c>#35;</c>, <c>#amp;</c>, <c>#lt;</c>, <c>#gt;</c>, <c>#96;</c>), line breaks as <c>&lt;br/&gt;</c>
    /// and other control characters as spaces; backslashes and all other characters, such as 人力资源部, as they are.</para>
    /// </remarks>
    public string ToMermaid()
    {
        var scc = ComputeComponents();
        var spof = FindSinglePointsOfFailure();
        var isCut = CutMask(spof);
        var isSole = SoleMask();
        var bridges = BridgeSet(spof);
        var text = new StringBuilder();
        text.Append("flowchart TB\n");
        var tiers = TierMembers(scc);
        var cluster = ClusterNumbers(scc);
        for (var t = tiers.Count - 1; t >= 0; t--)
        {
            var (tier, members) = tiers[t];
            text.Append(CultureInfo.InvariantCulture, $"  subgraph tier{tier}[\"Tier {tier}\"]\n");
            var openCluster = -1;
            foreach (var v in members)
            {
                var c = scc.ComponentOf[v];
                if (cluster[c] != openCluster && openCluster >= 0)
                {
                    text.Append("    end\n");
                    openCluster = -1;
                }

                if (cluster[c] > 0 && cluster[c] != openCluster)
                {
                    openCluster = cluster[c];
                    text.Append(CultureInfo.InvariantCulture, $"    subgraph mutual{openCluster}[\"mutual dependency {openCluster}\"]\n");
                }

                text.Append(openCluster > 0 ? "  " : string.Empty);
                text.Append(CultureInfo.InvariantCulture, $"    n{v}[\"{MermaidLabel(v)}\"]\n");
            }

            if (openCluster >= 0)
            {
                text.Append("    end\n");
            }

            text.Append("  end\n");
        }

        var link = 0;
        var bridgeLinks = new List<int>();
        for (var u = 0; u < DepartmentCount; u++)
        {
            for (var k = _outStart[u]; k < _outStart[u + 1]; k++)
            {
                var v = _outTarget[k];
                text.Append(CultureInfo.InvariantCulture, $"  n{u} -->|{_outPacked[k] & CriticalityMask}| n{v}\n");
                if (bridges.Contains(Pair(u, v)))
                {
                    bridgeLinks.Add(link);
                }

                link++;
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"  classDef spof fill:{SpofFill},stroke:{SpofStroke},stroke-width:3px\n");
        var cuts = Enumerable.Range(0, DepartmentCount).Where(v => isCut[v]).Select(v => "n" + v.ToString(CultureInfo.InvariantCulture)).ToList();
        if (cuts.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  class {string.Join(',', cuts)} spof\n");
        }

        var soles = Enumerable.Range(0, DepartmentCount).Where(v => isSole[v] && !isCut[v]).Select(v => "n" + v.ToString(CultureInfo.InvariantCulture)).ToList();
        var both = Enumerable.Range(0, DepartmentCount).Where(v => isSole[v] && isCut[v]).Select(v => "n" + v.ToString(CultureInfo.InvariantCulture)).ToList();
        if (soles.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  classDef sole fill:{SoleFill},stroke:{SoleStroke},stroke-width:3px,stroke-dasharray:6 3\n");
            text.Append(CultureInfo.InvariantCulture, $"  class {string.Join(',', soles)} sole\n");
        }

        if (both.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  classDef spofsole stroke:{SoleStroke},stroke-width:3px,stroke-dasharray:6 3\n");
            text.Append(CultureInfo.InvariantCulture, $"  class {string.Join(',', both)} spofsole\n");
        }

        if (bridgeLinks.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  linkStyle {string.Join(',', bridgeLinks)} stroke:{SpofStroke},stroke-width:3px\n");
        }

        return text.ToString();
    }

    internal static string EscapeDot(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            switch (ch)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    text.Append("\\n");
                    break;
                default:
                    text.Append(char.IsControl(ch) ? ' ' : ch);
                    break;
            }
        }

        return text.ToString();
    }

    internal static string EscapeMermaid(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            switch (ch)
            {
                case '"':
                    text.Append("#quot;");
                    break;
                case '#':
                    text.Append("#35;");
                    break;
                case '&':
                    text.Append("#amp;");
                    break;
                case '<':
                    text.Append("#lt;");
                    break;
                case '>':
                    text.Append("#gt;");
                    break;
                case '`':
                    text.Append("#96;");
                    break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    text.Append("<br/>");
                    break;
                default:
                    text.Append(char.IsControl(ch) ? ' ' : ch);
                    break;
            }
        }

        return text.ToString();
    }

    // An unordered pair as a value tuple: its hash combines both ends. Packing it into a long (a << 32 | b) made
    // neighbouring pairs (a, a + 1) collide (long's hash is the xor of its halves), so exporting a 100k chain was
    // quadratic (16 s); see ExportBenchmarks.
    private static (int, int) Pair(int a, int b) => a < b ? (a, b) : (b, a);

    // The shared sole suppliers: two or more departments depend on them (no department is an alternative provider; see FindSoleSuppliers).
    private bool[] SoleMask()
    {
        var mask = new bool[DepartmentCount];
        for (var v = 0; v < DepartmentCount; v++)
        {
            mask[v] = _inStart[v + 1] - _inStart[v] >= 2;
        }

        return mask;
    }

    private static int[] ClusterNumbers(in ComponentIndex scc)
    {
        var numbers = new int[scc.Count];
        var next = 0;
        for (var c = 0; c < scc.Count; c++)
        {
            numbers[c] = scc.MemberStart[c + 1] - scc.MemberStart[c] > 1 ? ++next : 0;
        }

        return numbers;
    }

    private string DotLabel(int v)
    {
        var d = Departments[v];
        return d.Name == d.Id.Value ? EscapeDot(d.Name) : EscapeDot(d.Name) + "\\n(" + EscapeDot(d.Id.Value) + ")";
    }

    private string MermaidLabel(int v)
    {
        var d = Departments[v];
        return d.Name == d.Id.Value ? EscapeMermaid(d.Name) : EscapeMermaid(d.Name) + "<br/>(" + EscapeMermaid(d.Id.Value) + ")";
    }

    private bool[] CutMask(SinglePointsOfFailure spof)
    {
        var mask = new bool[DepartmentCount];
        foreach (var id in spof.ArticulationPoints)
        {
            mask[IndexOf(id, nameof(id))] = true;
        }

        return mask;
    }

    private HashSet<(int, int)> BridgeSet(SinglePointsOfFailure spof) =>
        [.. spof.Bridges.Select(b => Pair(IndexOf(b.First, nameof(b)), IndexOf(b.Second, nameof(b))))];

    /// <summary>Departments per tier, tier 0 first; within a tier, grouped by component (components in canonical order).</summary>
    private static List<(int Tier, List<int> Members)> TierMembers(in ComponentIndex scc)
    {
        var tiers = new List<(int Tier, List<int> Members)>();
        for (var c = 0; c < scc.Count; c++)
        {
            if (tiers.Count == 0 || tiers[^1].Tier != scc.Tier[c])
            {
                tiers.Add((scc.Tier[c], []));
            }

            for (var m = scc.MemberStart[c]; m < scc.MemberStart[c + 1]; m++)
            {
                tiers[^1].Members.Add(scc.Members[m]);
            }
        }

        return tiers;
    }
}
