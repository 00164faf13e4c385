using System.Security.Cryptography;
using System.Text;
using static InternalCustomer.Cli.Output.Html.Markup;

namespace InternalCustomer.Cli.Output.Html;

/// <summary>
/// The HTML report: one self-contained HTML5 file (inline CSS and SVG, one tiny inline script that opens the tables
/// behind the charts for printing, a content security policy that allows nothing else to load), which opens offline and
/// prints one section per page. Each section is a <c>&lt;section id="section-KEY" data-section="KEY"&gt;</c> with its
/// table (numbers right-aligned, machine-only columns left out) and notes; with a <see cref="ChartContext"/>, four
/// sections get a picture first (<c>&lt;figure data-chart="…"&gt;</c>) with its numbers behind it in a
/// <c>&lt;details&gt;</c>: the attention list the satisfaction trends, the SLA section the error budgets, the
/// satisfaction section the heat map, the dependency-graph section the graph in tiers.
/// </summary>
internal static class HtmlReport
{
    /// <summary>The inline script: open every <c>&lt;details&gt;</c> before printing, so the numbers behind the charts print.</summary>
    internal const string Script = "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});";

    /// <summary>The section each chart belongs to, and the chart's writer.</summary>
    private static readonly Dictionary<string, Action<StringBuilder, ChartContext>> Charts = new Dictionary<string, Action<StringBuilder, ChartContext>>(StringComparer.Ordinal)
    {
        ["attention"] = TrendChart.Write,
        ["sla"] = BudgetChart.Write,
        ["feedback"] = HeatMapChart.Write,
        ["graph"] = GraphChart.Write,
    };

    /// <summary>The document of <paramref name="sections"/>, with the charts of <paramref name="charts"/> when given.</summary>
    internal static string Render(IReadOnlyList<Section> sections, ChartContext? charts)
    {
        var html = new StringBuilder(64 * 1024);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"internal-customer\">\n")
            .Append("<title>").Append(Text(sections.Count > 0 ? "Organisation report: " + sections[0].Title : "Organisation report")).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header><h1>Organisation report</h1>");
        if (charts is not null)
        {
            html.Append("<p class=\"as-of\">As of ").Append(Text(NodaTime.Text.InstantPattern.General.Format(charts.Scorecard.AsOf))).Append(" (UTC)</p>");
        }

        html.Append("</header>\n<nav id=\"contents\" aria-label=\"Sections\"><ol>");
        foreach (var section in sections)
        {
            html.Append($"<li><a href=\"#section-{Text(section.Key)}\">{Text(section.Title)}</a></li>");
        }

        html.Append("</ol></nav>\n<main>\n");
        foreach (var section in sections)
        {
            html.Append($"<section id=\"section-{Text(section.Key)}\" data-section=\"{Text(section.Key)}\">\n<h2>{Text(section.Title)}</h2>\n");
            if (charts is not null && Charts.TryGetValue(section.Key, out var chart))
            {
                chart(html, charts);
            }

            if (section.Columns.Count > 0)
            {
                if (section.Rows.Count == 0)
                {
                    html.Append("<p class=\"empty\">(none)</p>\n");
                }
                else
                {
                    // A column is numeric (right-aligned) when every cell with a value is a number, as in the text table.
                    var numeric = section.Visible.Select(i => section.Rows.All(r => r[i].IsNumeric || r[i].Text is "n/a" or "-" or "–" or "")).ToList();
                    Table(html, section.Headers, section.TextRows, numeric, "table-" + section.Key);
                }
            }

            if (section.Notes.Count > 0)
            {
                html.Append("<ul class=\"notes\">");
                foreach (var note in section.Notes)
                {
                    html.Append("<li>").Append(Text(note)).Append("</li>");
                }

                html.Append("</ul>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private const string Css = """
        :root { color-scheme: light; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1b1b; background: #fff; margin: 0 auto; padding: 0 24px 48px; max-width: 1280px; }
        h1 { font-size: 24px; margin: 24px 0 4px; }
        h2 { font-size: 18px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid #d0d7de; }
        .as-of { color: #555; margin: 0 0 12px; }
        nav ol { columns: 3; margin: 0 0 20px; padding-left: 20px; font-size: 13px; }
        nav a { color: #0b5cad; }
        section { margin: 28px 0; }
        .table-wrap { overflow-x: auto; margin: 8px 0; }
        table { border-collapse: collapse; font-size: 12.5px; }
        th, td { border: 1px solid #d0d7de; padding: 3px 7px; vertical-align: top; text-align: left; }
        th { background: #f3f5f7; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        ul.notes { font-size: 13px; color: #333; }
        .empty { color: #666; font-style: italic; }
        figure.chart { margin: 8px 0 16px; }
        figcaption { font-size: 13px; color: #333; margin-bottom: 6px; max-width: 900px; }
        figure svg { max-width: 100%; height: auto; display: block; }
        details.chart-data { margin-top: 6px; font-size: 13px; }
        details.chart-data summary { cursor: pointer; color: #0b5cad; }
        svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; fill: #1b1b1b; }
        svg .tier-label, svg .tick { fill: #666; font-size: 10px; }
        svg .panel-title { font-weight: 600; }
        .graph .node rect { fill: #eef4fb; stroke: #4a78a8; stroke-width: 1.2; }
        .graph .node.in-cycle rect { stroke: #d95f02; }
        .graph .node.silo rect { fill: #fff; stroke: #888; stroke-dasharray: 4 3; }
        .graph .edge { fill: none; stroke: #888; stroke-width: 1; opacity: .75; }
        .graph .edge.in-cycle { stroke: #d95f02; stroke-width: 1.5; opacity: 1; }
        .graph .cluster { fill: #fff3e6; stroke: #d95f02; stroke-width: 1.5; }
        .heatmap .cell { stroke: #fff; stroke-width: 1; }
        .heatmap .cell.empty { fill: #fff; stroke: #999; stroke-dasharray: 2 2; }
        .heatmap .target, .trend .target { stroke: #333; stroke-width: 1.2; stroke-dasharray: 4 3; }
        .budgets .bar rect { fill: #4a78a8; }
        .budgets .bar.at-risk rect { fill: #e6a817; }
        .budgets .bar.breached rect { fill: #c0392b; }
        .budgets .grid, .trend .grid { stroke: #e3e6ea; stroke-width: 1; }
        .budgets .bar-value.inside { fill: #fff; }
        .budgets .zero { stroke: #1b1b1b; stroke-width: 1.5; }
        .panels { display: flex; flex-wrap: wrap; gap: 12px; }
        .trend { border: 1px solid #e3e6ea; }
        .trend .band { fill: #4a78a8; opacity: .22; }
        .trend .band-single { stroke: #4a78a8; stroke-width: 6; opacity: .22; }
        .trend .line { fill: none; stroke: #2b5c8a; stroke-width: 1.6; }
        .trend .point { fill: #2b5c8a; }
        svg * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          section { margin: 0; break-before: page; }
          header + nav + main > section:first-child { break-before: avoid; }
          .table-wrap { overflow: visible; }
          table { font-size: 8pt; width: 100%; }
          td { word-break: break-word; }
          thead { display: table-header-group; }
          tr, figure.chart svg, .trend { break-inside: avoid; }
          tbody tr:nth-child(even) td { background: none; }
          details.chart-data summary { color: #1b1b1b; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}
