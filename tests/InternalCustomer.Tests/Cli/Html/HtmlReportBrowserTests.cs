using System.Text.Json.Nodes;
using InternalCustomer.Cli;
using Xunit.Abstractions;

namespace InternalCustomer.Tests.Cli.Html;

/// <summary>
/// The HTML report of the built-in example in a real browser: Debian's headless Chromium (<c>.ci/run</c> installs it)
/// opens the file offline, and the test checks that it renders without a console error, an uncaught exception or a
/// blocked load, that every section of <c>report</c> and each of the four charts is there and drawn, and saves a
/// screenshot (<c>report.png</c> in the test output; with <c>UPDATE_SCREENSHOT=1</c> also <c>docs/images/report.png</c>).
/// Without a browser the test fails when <c>CI</c> is set and, outside CI, passes saying that it did not run.
/// </summary>
public class HtmlReportBrowserTests(ITestOutputHelper output)
{
    private const int Width = 1280;

    /// <summary>The charts and what each draws one of (a CSS selector inside the chart's figure).</summary>
    private static readonly (string Chart, string Mark)[] Charts =
    [
        ("graph", "svg g.node"),
        ("heatmap", "svg rect.cell"),
        ("budgets", "svg g.bar"),
        ("trend", "svg.trend polyline.line"),
    ];

    [Fact]
    public async Task The_example_report_renders_in_headless_chromium_with_every_section_and_chart_and_no_console_error()
    {
        var executable = HeadlessChromium.Find();
        if (executable is null)
        {
            var ci = Environment.GetEnvironmentVariable("CI");
            Assert.False(
                !string.IsNullOrEmpty(ci) && ci != "false",
                "No Chromium found (looked for $CHROMIUM, chromium, chromium-browser or google-chrome on the PATH, and /usr/bin/chromium); CI must have it: .ci/run installs Debian's chromium.");
            output.WriteLine("SKIPPED: no Chromium on this machine (apt-get install -y chromium); the HTML report was not opened in a browser. Outside CI this test passes without running; in CI (CI set) it fails.");
            return;
        }

        var directory = Directory.CreateTempSubdirectory("ic-html-").FullName;
        try
        {
            var file = Path.Combine(directory, "report.html");
            var (code, _, error) = Run("report", "--format", "html", "--output", file);
            Assert.True(code == CliApp.Ok, error);
            var (jsonCode, json, _) = Run("report", "--format", "json");
            Assert.Equal(CliApp.Ok, jsonCode);
            var sections = JsonNode.Parse(json)!.AsObject().Select(p => p.Key).ToList();

            await using var browser = await HeadlessChromium.StartAsync(executable, Width, 1000);
            await browser.NavigateAsync(new Uri(file));

            // Every section of the report, in the report's order.
            var shown = (await browser.EvaluateAsync("[...document.querySelectorAll('main > section')].map(s => s.dataset.section)"))!.AsArray().Select(n => (string)n!).ToList();
            Assert.Equal(sections, shown);

            // Each chart is present, drawn (a box of some size on the page) and has its table.
            foreach (var (chart, mark) in Charts)
            {
                var found = (await browser.EvaluateAsync($$"""
                    (() => {
                      const f = document.querySelector('figure[data-chart="{{chart}}"]');
                      if (!f) return null;
                      const svg = f.querySelector('svg').getBoundingClientRect();
                      return { marks: f.querySelectorAll('{{mark}}').length, width: svg.width, height: svg.height, rows: f.querySelectorAll('details table tbody tr').length };
                    })()
                    """))?.AsObject();
                Assert.True(found is not null, $"chart {chart} is missing");
                output.WriteLine($"{chart}: {found.ToJsonString()}");
                Assert.True((int)found["marks"]! > 0, $"chart {chart} draws no {mark}");
                Assert.True((double)found["width"]! > 100 && (double)found["height"]! > 50, $"chart {chart} is not drawn: {found.ToJsonString()}");
                Assert.True((int)found["rows"]! > 0, $"chart {chart} has no table behind it");
            }

            // The graph draws one box per department of the example (the departments section's rows).
            var departments = (int)(await browser.EvaluateAsync("document.querySelectorAll('#table-departments tbody tr').length"))!;
            Assert.Equal(departments, (int)(await browser.EvaluateAsync("document.querySelectorAll('#chart-graph g.node').length"))!);

            // Nothing was loaded from outside the file (every resource the page has is the document itself).
            Assert.Equal(0, (int)(await browser.EvaluateAsync("performance.getEntriesByType('resource').length"))!);

            var errors = browser.Errors;
            Assert.True(errors.Count == 0, "console errors: " + string.Join("\n", errors));

            var height = (double)(await browser.EvaluateAsync("document.documentElement.scrollHeight"))!;
            var full = await browser.ScreenshotAsync(0, 0, Width, height);
            var top = await browser.ScreenshotAsync(0, 0, Width, Math.Min(height, 1600));
            Assert.True(full.AsSpan(0, 8).SequenceEqual((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]), "the screenshot is not a PNG");
            var saved = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(saved);
            await File.WriteAllBytesAsync(Path.Combine(saved, "report-full.png"), full);
            await File.WriteAllBytesAsync(Path.Combine(saved, "report.png"), top);
            foreach (var (chart, _) in Charts)
            {
                // Each chart on its own, to look at (its box on the page, scrolled to the top).
                var box = (await browser.EvaluateAsync($"(() => {{ const r = document.querySelector('figure[data-chart=\"{chart}\"]').getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; }})()"))!.AsArray().Select(v => (double)v!).ToArray();
                await File.WriteAllBytesAsync(Path.Combine(saved, $"chart-{chart}.png"), await browser.ScreenshotAsync(box[0], box[1], box[2], box[3]));
            }

            output.WriteLine($"screenshots: {saved}/report.png ({top.Length} bytes), report-full.png ({full.Length} bytes, {Width} × {height} px)");
            if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOT") == "1")
            {
                var readme = RepositoryFiles.Path("docs", "images", "report.png");
                Directory.CreateDirectory(Path.GetDirectoryName(readme)!);
                await File.WriteAllBytesAsync(readme, top);
                output.WriteLine("updated " + readme);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
