using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Dependencies;

/// <summary>
/// Export tests. The DOT text is always checked at the syntax level (see <see cref="CheckDotSyntax"/>): tokens,
/// balanced braces and brackets, every quoted string closed on its line with only valid escapes, and every label
/// decoding back to the department's name. When Graphviz's <c>dot</c> is on PATH (CI installs Debian's graphviz),
/// the text is also rendered with <c>dot -Tsvg</c>, which must succeed without any warning.
/// </summary>
public sealed partial class DependencyGraphTests
{
    // Names that need escaping: quotes, backslashes (one at the end), LF, CRLF, a tab, Mermaid and HTML specials, CJK.
    private static readonly (string Id, string Name)[] NastyNames =
    [
        ("quotes", "He said \"hi\""),
        ("slash", "back\\slash\\"),
        ("lines", "first line\nsecond\r\nthird"),
        ("人力资源部", "人力资源部"),
        ("specials", "a#b <c> & `d` | e; {f}"),
        ("tab", "tab\there"),
    ];

    private static DependencyGraph Nasty()
    {
        var departments = NastyNames.Select(n => new Department(Id(n.Id), n.Name));
        return DependencyGraph.Create(departments,
        [
            DependencyEdge.Create("slash", "quotes", 5, 12.5), DependencyEdge.Create("quotes", "slash", 2),
            DependencyEdge.Create("slash", "lines", 3), DependencyEdge.Create("lines", "人力资源部", 4),
            DependencyEdge.Create("人力资源部", "specials", 1), DependencyEdge.Create("quotes", "tab"),
        ]);
    }

    [Fact]
    public void Dot_escapes_names_and_round_trips_every_label()
    {
        var graph = Nasty();
        var dot = graph.ToDot();
        var labels = CheckDotSyntax(dot);
        for (var v = 0; v < graph.DepartmentCount; v++)
        {
            var d = graph.Departments[v];
            var name = d.Name.Replace("\r\n", "\n").Replace('\t', ' ');
            Assert.Equal(d.Name == d.Id.Value ? name : $"{name}\n({d.Id})", labels[$"n{v}"]);
        }

        Assert.Contains("label=\"He said \\\"hi\\\"\\n(quotes)\"", dot);
        Assert.Contains("label=\"back\\\\slash\\\\\\n(slash)\"", dot);
        Assert.Contains("label=\"人力资源部\"", dot);
        Assert.Contains("label=\"first line\\nsecond\\nthird\\n(lines)\"", dot);
    }

    [Fact]
    public void Dot_groups_clusters_ranks_tiers_and_highlights_single_points_of_failure()
    {
        var dot = Reference().ToDot();
        CheckDotSyntax(dot);

        // Clusters: finance (n2) + legal (n5) and marketing (n6) + sales (n9); components are numbered by tier, so finance's comes first.
        Assert.Contains("subgraph cluster_mutual_1 {", dot);
        Assert.Matches(@"subgraph cluster_mutual_1 \{[^}]*n2; n5;", dot);
        Assert.Matches(@"subgraph cluster_mutual_2 \{[^}]*n6; n9;", dot);

        // Tiers as ranks: tier 0 = archive (n0), facilities (n1).
        Assert.Contains("{ rank=same; /* tier 0 */ n0; n1; }", dot);
        Assert.Contains("{ rank=same; /* tier 4 */ n7; }", dot);

        // it (n4) is the articulation point, it - security (n4 - n10) the bridge.
        Assert.Matches("n4 \\[[^\\]]*fillcolor=\"#ffd9d9\"", dot);
        Assert.Matches("n10 -> n4 \\[[^\\]]*color=\"#c00000\"", dot);
    }

    [Fact]
    public async Task Dot_renders_with_graphviz()
    {
        foreach (var dot in new[] { Nasty().ToDot(), Reference().ToDot(), DependencyGraph.FromOrganization(Organization.Empty).ToDot() })
        {
            CheckDotSyntax(dot);
            var exe = FindOnPath("dot");
            if (exe is null)
            {
                // Graphviz absent: the syntax-level check above is the documented fallback (CI installs graphviz).
                continue;
            }

            var info = new ProcessStartInfo(exe, "-Tsvg")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = Encoding.UTF8,
            };
            using var process = Process.Start(info)!;
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            var svgTask = process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            var svg = await svgTask;
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"dot failed: {errors}");
            Assert.Equal(string.Empty, errors.Trim());
            Assert.StartsWith("<?xml", svg);
            if (dot.Contains("人力资源部"))
            {
                Assert.Contains("人力资源部", svg);
            }
        }
    }

    // Issue 15, "ToDot / ToMermaid are quadratic on chains": the bridge set keyed on a << 32 | b, whose hash (the xor of
    // the halves) collides for neighbouring pairs, so a 100,000-department chain took 16 s. The test pins what the
    // export of that chain must be, worked out from the chain's shape rather than from the code: d000001 depends on
    // d000000, d000002 on d000001, …; so department i is tier i, every edge is a bridge (a path has no cycle) and every
    // department but the two ends is an articulation point; nobody has two consumers, so there is no shared sole
    // supplier. Its speed is measured outside the suite (tests never time).
    [Fact]
    public void The_export_of_a_100000_department_chain_marks_every_edge_a_bridge_and_every_inner_department_bridging()
    {
        const int n = 100_000;
        var ids = Enumerable.Range(0, n).Select(i => $"d{i:D6}").ToArray();
        var graph = DependencyGraph.Create(
            ids.Select(id => new Department(Id(id), id)),
            Enumerable.Range(1, n - 1).Select(i => DependencyEdge.Create(provider: ids[i - 1], consumer: ids[i], criticality: 3)));

        var expected = new List<string>
        {
            "digraph dependencies {",
            "  graph [rankdir=TB, newrank=true, fontname=\"Helvetica\", labelloc=t];",
            "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
            "  edge [fontname=\"Helvetica\", arrowsize=0.7];",
        };
        for (var v = 0; v < n; v++)
        {
            var bridging = v is > 0 and < n - 1 ? ", style=\"rounded,filled,bold\", fillcolor=\"#ffd9d9\", color=\"#c00000\", penwidth=2" : string.Empty;
            expected.Add($"  n{v} [label=\"{ids[v]}\", tooltip=\"{ids[v]}\"{bridging}];");
        }

        expected.AddRange(Enumerable.Range(0, n).Select(v => $"  {{ rank=same; /* tier {v} */ n{v}; }}"));

        // Criticality 3 is penwidth 0.5 + 0.5 × 3 = 2; a bridge is drawn red at 3.5.
        expected.AddRange(Enumerable.Range(1, n - 1).Select(v => $"  n{v} -> n{v - 1} [penwidth=2, tooltip=\"criticality 3\", color=\"#c00000\", penwidth=3.5];"));
        expected.Add("}");
        expected.Add(string.Empty);

        var dot = graph.ToDot();

        AssertSameLines(expected, dot);
        Assert.Equal(n, CheckDotSyntax(dot).Count);

        var mermaid = graph.ToMermaid().Split('\n');
        Assert.Equal(
            "  class " + string.Join(',', Enumerable.Range(1, n - 2).Select(v => $"n{v}")) + " spof",
            Assert.Single(mermaid, l => l.StartsWith("  class ", StringComparison.Ordinal)));
        Assert.Equal(
            "  linkStyle " + string.Join(',', Enumerable.Range(0, n - 1)) + " stroke:#c00000,stroke-width:3px",
            Assert.Single(mermaid, l => l.StartsWith("  linkStyle ", StringComparison.Ordinal)));
    }

    /// <summary>Compares text line by line and names the first line that differs (a 10 MB string diff says nothing).</summary>
    private static void AssertSameLines(IReadOnlyList<string> expected, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < Math.Min(expected.Count, lines.Length); i++)
        {
            Assert.True(expected[i] == lines[i], $"line {i + 1}: expected {expected[i]}; got {lines[i]}");
        }

        Assert.Equal(expected.Count, lines.Length);
    }

    [Fact]
    public void Mermaid_escapes_names_and_round_trips_every_label()
    {
        var graph = Nasty();
        var mermaid = graph.ToMermaid();
        var labels = new Dictionary<string, string>();
        foreach (var line in mermaid.Split('\n'))
        {
            var m = Regex.Match(line, "^\\s*(n\\d+)\\[\"([^\"]*)\"\\]$");
            if (m.Success)
            {
                labels[m.Groups[1].Value] = m.Groups[2].Value
                    .Replace("<br/>", "\n").Replace("#quot;", "\"").Replace("#lt;", "<").Replace("#gt;", ">")
                    .Replace("#96;", "`").Replace("#amp;", "&").Replace("#35;", "#");
            }
        }

        Assert.Equal(graph.DepartmentCount, labels.Count);
        for (var v = 0; v < graph.DepartmentCount; v++)
        {
            var d = graph.Departments[v];
            var name = d.Name.Replace("\r\n", "\n").Replace('\t', ' ');
            Assert.Equal(d.Name == d.Id.Value ? name : $"{name}\n({d.Id})", labels[$"n{v}"]);
        }

        Assert.DoesNotContain('\r', mermaid);
        Assert.Contains("n5[\"人力资源部\"]", mermaid);
    }

    [Fact]
    public void Mermaid_nests_clusters_in_tiers_and_styles_single_points_of_failure()
    {
        var mermaid = Reference().ToMermaid();
        Assert.StartsWith("flowchart TB\n  subgraph tier4[\"Tier 4\"]\n", mermaid);
        Assert.Contains("    subgraph mutual1[\"mutual dependency 1\"]\n      n2[\"Finance<br/>(finance)\"]\n      n5[\"Legal<br/>(legal)\"]\n    end\n", mermaid);
        Assert.Contains("  class n4 spof\n", mermaid);

        // Links in edge order; n10 -> n4 (security -> it) is the last of the 15.
        Assert.Contains("  n10 -->|5| n4\n", mermaid);
        Assert.Contains("  linkStyle 14 stroke:#c00000,stroke-width:3px\n", mermaid);
        Assert.Equal(Regex.Count(mermaid, "subgraph"), Regex.Count(mermaid, "^\\s*end$", RegexOptions.Multiline));
    }

    /// <summary>
    /// Syntax-level DOT check: tokenises the text (identifiers, quoted strings, punctuation, comments),
    /// requires <c>digraph ID {</c> … <c>}</c> with balanced braces and brackets, quoted strings closed on
    /// their line whose escapes are only <c>\"</c>, <c>\\</c> and <c>\n</c>, and returns each node's decoded label.
    /// </summary>
    private static Dictionary<string, string> CheckDotSyntax(string dot)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < dot.Length)
        {
            var ch = dot[i];
            if (char.IsWhiteSpace(ch))
            {
                i++;
            }
            else if (dot.AsSpan(i).StartsWith("/*"))
            {
                var end = dot.IndexOf("*/", i + 2, StringComparison.Ordinal);
                Assert.True(end > 0, "unclosed comment");
                i = end + 2;
            }
            else if (ch == '"')
            {
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    Assert.True(i < dot.Length, "unclosed string");
                    var c = dot[i];
                    Assert.True(c != '\n' && c != '\r', "raw line break inside a quoted string");
                    Assert.False(char.IsControl(c) && c != '\t', $"control character U+{(int)c:X4} inside a quoted string");
                    if (c == '"')
                    {
                        i++;
                        break;
                    }

                    if (c == '\\')
                    {
                        var next = dot[i + 1];
                        Assert.True(next is '"' or '\\' or 'n', $"unexpected escape \\{next}");
                        text.Append(next == 'n' ? '\n' : next);
                        i += 2;
                        continue;
                    }

                    text.Append(c);
                    i++;
                }

                tokens.Add("\"" + text);
            }
            else if (dot.AsSpan(i).StartsWith("->"))
            {
                tokens.Add("->");
                i += 2;
            }
            else if ("{}[];,=".Contains(ch))
            {
                tokens.Add(ch.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < dot.Length && (char.IsLetterOrDigit(dot[i]) || dot[i] is '_' or '.' or '#'))
                {
                    i++;
                }

                Assert.True(i > start, $"unexpected character '{ch}' at {i}");
                tokens.Add(dot[start..i]);
            }
        }

        Assert.Equal(["digraph", "dependencies", "{"], tokens.Take(3));
        Assert.Equal("}", tokens[^1]);
        int braces = 0, brackets = 0;
        foreach (var t in tokens)
        {
            braces += t == "{" ? 1 : t == "}" ? -1 : 0;
            brackets += t == "[" ? 1 : t == "]" ? -1 : 0;
            Assert.InRange(braces, 0, 10);
            Assert.InRange(brackets, 0, 1);
        }

        Assert.Equal(0, braces);
        Assert.Equal(0, brackets);

        // Node statements: nK [ label = "…" ...
        var labels = new Dictionary<string, string>();
        for (var k = 0; k + 4 < tokens.Count; k++)
        {
            if (Regex.IsMatch(tokens[k], "^n\\d+$") && tokens[k + 1] == "[" && tokens[k + 2] == "label" && tokens[k + 3] == "=")
            {
                labels[tokens[k]] = tokens[k + 4][1..];
            }
        }

        return labels;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
