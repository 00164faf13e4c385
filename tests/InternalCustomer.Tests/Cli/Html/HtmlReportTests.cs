using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalCustomer.Cli;
using InternalCustomer.Cli.Output;
using InternalCustomer.Cli.Output.Html;

namespace InternalCustomer.Tests.Cli.Html;

/// <summary>The HTML page itself (<see cref="HtmlReport"/>), without a browser: structure, escaping, self-containment.</summary>
public partial class HtmlReportTests
{
    [Fact]
    public void A_section_is_a_table_of_its_visible_columns_with_numbers_right_aligned_and_its_notes()
    {
        var section = new Section(
            "sla",
            "SLA <compliance>",
            [new("kind", "kind", MachineOnly: true), ("agreement", "agreement"), ("decided", "decided (requests)"), ("compliancePercent", "compliance (%)")],
            [
                [Cell.Status("secret-kind"), Cell.Of("ola-1"), Cell.Count(12), Cell.Percent(0.5)],
                [Cell.Status("secret-kind"), Cell.Of("ola-2"), Cell.Count(3), Cell.Percent(null)],
            ],
            ["one note & more"]);
        var html = HtmlReport.Render([section], charts: null);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"section-sla\" data-section=\"sla\">\n<h2>SLA &lt;compliance&gt;</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<thead><tr><th scope=\"col\">agreement</th><th class=\"num\" scope=\"col\">decided (requests)</th><th class=\"num\" scope=\"col\">compliance (%)</th></tr></thead>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>ola-1</td><td class=\"num\">12</td><td class=\"num\">50.0%</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>ola-2</td><td class=\"num\">3</td><td class=\"num\">n/a</td></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-kind", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"notes\"><li>one note &amp; more</li></ul>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-chart", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_escaped_for_element_content_and_attributes_and_control_characters_are_shown()
    {
        Assert.Equal("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Markup.Text("<a href=\"x\">&'"));
        Assert.Equal("bell\\u0007", Markup.Text("bell\u0007"));
        Assert.Equal("plain – text", Markup.Text("plain – text"));
    }

    [Fact]
    public void A_script_in_a_department_name_is_escaped_everywhere_in_the_report()
    {
        var directory = Directory.CreateTempSubdirectory("ic-html-escape-").FullName;
        try
        {
            var document = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "examples", "organization.json")))!.AsObject();
            var department = document["departments"]!.AsArray().First(d => (string?)d!["id"] == "logistics")!;
            department["name"] = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
            var file = Path.Combine(directory, "organization.json");
            File.WriteAllText(file, document.ToJsonString());
            var output = Path.Combine(directory, "report.html");

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.True(CliApp.Run(["report", file, "--format", "html", "--output", output, "--as-of", "2026-06-30"], stdout, stderr) == CliApp.Ok, stderr.ToString());
            var html = File.ReadAllText(output);

            Assert.Single(ScriptTag().Matches(html));
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_example_report_is_one_self_contained_page_with_every_section_and_the_four_charts()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.True(CliApp.Run(["report", "--format", "html"], stdout, stderr) == CliApp.Ok, stderr.ToString());
        var html = stdout.ToString();

        using var json = new StringWriter();
        Assert.Equal(CliApp.Ok, CliApp.Run(["report", "--format", "json"], json, new StringWriter()));
        var keys = JsonNode.Parse(json.ToString())!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(keys, SectionKey().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Equal(["trend", "budgets", "heatmap", "graph"], ChartKey().Matches(html).Select(m => m.Groups[1].Value));

        // Nothing to fetch: no external reference of any kind, and a policy that would block one.
        Assert.DoesNotMatch(External(), html);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("break-before: page", html, StringComparison.Ordinal);

        // Both of the example's silos are dashed: the innovation lab alone, and controlling, manufacturing and shared
        // services, which work only with each other (docs/examples/organization.json).
        Assert.Equal(
            ["controlling", "innovation-lab", "manufacturing", "shared-services"],
            Regex.Matches(html, "<g class=\"node silo[^\"]*\" data-node=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Html_is_a_format_of_the_other_commands_too_without_charts()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.True(CliApp.Run(["sla", "--format", "html"], stdout, stderr) == CliApp.Ok, stderr.ToString());
        Assert.Contains("data-section=\"sla\"", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("data-chart", stdout.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<section id=\"section-[^\"]+\" data-section=\"([^\"]+)\">")]
    private static partial Regex SectionKey();

    [GeneratedRegex("<figure class=\"chart\" id=\"chart-[^\"]+\" data-chart=\"([^\"]+)\">")]
    private static partial Regex ChartKey();

    [GeneratedRegex("(src|href)=\"(?!#)|url\\((?!#)|@import|https?://(?!www\\.w3\\.org)", RegexOptions.IgnoreCase)]
    private static partial Regex External();
}
