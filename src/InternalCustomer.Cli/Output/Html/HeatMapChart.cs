using System.Text;
using InternalCustomer.Scorecards;
using static InternalCustomer.Cli.Output.Html.Markup;

namespace InternalCustomer.Cli.Output.Html;

/// <summary>One cell of the heat map: a relationship and its CSAT (none when it has no feedback).</summary>
internal sealed record HeatCell(string Provider, string Consumer, double? Csat, long Responses, string Text, string? Colour);

/// <summary>The heat map as data: providers (rows) × consumers (columns), a cell per relationship of the scorecard.</summary>
internal sealed record HeatMap(IReadOnlyList<string> Providers, IReadOnlyList<string> Consumers, IReadOnlyList<HeatCell> Cells, double Target)
{
    /// <summary>The map of the scorecard's relationships (those with an agreement or feedback), rows and columns sorted by id.</summary>
    internal static HeatMap Of(OrganizationScorecard scorecard)
    {
        var cells = scorecard.Relationships.Select(r => new HeatCell(
            r.Provider.Value,
            r.Consumer.Value,
            r.Csat.Value,
            r.Feedback.Count,
            ChartContext.PercentText(r.Csat),
            r.Csat.Value is { } v ? ColourScale.Of(v) : null)).ToList();
        return new(
            [.. cells.Select(c => c.Provider).Distinct().Order(StringComparer.Ordinal)],
            [.. cells.Select(c => c.Consumer).Distinct().Order(StringComparer.Ordinal)],
            cells,
            scorecard.Options.SatisfactionTarget);
    }
}

/// <summary>
/// The provider × consumer satisfaction heat map: a square per relationship coloured by its CSAT on
/// <see cref="ColourScale"/> (0–100%, legend with the target marked), an outlined empty square for a relationship
/// without feedback, nothing where no relationship exists; behind it, the numbers as a table.
/// </summary>
internal static class HeatMapChart
{
    private const double CellSize = 22;
    private const double RowLabels = 170;
    private const double ColumnLabels = 130;

    /// <summary>Writes the figure and its table.</summary>
    internal static void Write(StringBuilder html, ChartContext context)
    {
        var map = HeatMap.Of(context.Scorecard);
        html.Append("<figure class=\"chart\" id=\"chart-heatmap\" data-chart=\"heatmap\">\n");
        html.Append($"<figcaption>Satisfaction per relationship (CSAT, % satisfied): one row per providing department, one column per consumer. An outlined empty square is a relationship without feedback; no square, no relationship. Target {Percent(map.Target)}.</figcaption>\n");
        var width = RowLabels + (map.Consumers.Count * CellSize) + 80;
        var height = ColumnLabels + (map.Providers.Count * CellSize) + 60;
        html.Append($"<svg class=\"heatmap\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" role=\"img\" aria-label=\"Satisfaction heat map, provider by consumer\">\n");
        for (var j = 0; j < map.Consumers.Count; j++)
        {
            var x = RowLabels + (j * CellSize) + (CellSize / 2) + 4;
            html.Append($"<text class=\"axis-label\" transform=\"translate({N(x)},{N(ColumnLabels - 6)}) rotate(-60)\">{Text(Short(context.Name(DepartmentId.Parse(map.Consumers[j]))))}</text>\n");
        }

        for (var i = 0; i < map.Providers.Count; i++)
        {
            var y = ColumnLabels + (i * CellSize) + (CellSize / 2) + 4;
            html.Append($"<text class=\"axis-label\" x=\"{N(RowLabels - 6)}\" y=\"{N(y)}\" text-anchor=\"end\">{Text(Short(context.Name(DepartmentId.Parse(map.Providers[i]))))}</text>\n");
        }

        foreach (var cell in map.Cells)
        {
            var x = RowLabels + (IndexOf(map.Consumers, cell.Consumer) * CellSize);
            var y = ColumnLabels + (IndexOf(map.Providers, cell.Provider) * CellSize);
            var tip = $"<title>{Text(cell.Provider)} → {Text(cell.Consumer)}: {(cell.Csat is null ? "no feedback" : Text(cell.Text) + ", " + N(cell.Responses) + " responses")}</title>";
            html.Append($"<rect class=\"{(cell.Colour is null ? "cell empty" : "cell")}\" data-provider=\"{Text(cell.Provider)}\" data-consumer=\"{Text(cell.Consumer)}\" x=\"{N(x + 1)}\" y=\"{N(y + 1)}\" width=\"{N(CellSize - 2)}\" height=\"{N(CellSize - 2)}\"")
                .Append(cell.Colour is { } fill ? $" fill=\"{fill}\"" : string.Empty).Append('>').Append(tip).Append("</rect>\n");
        }

        // The legend: the scale from 0 to 100% in 10 steps, the target marked.
        var legendY = ColumnLabels + (map.Providers.Count * CellSize) + 18;
        const double LegendWidth = 200;
        html.Append($"<g class=\"legend\" id=\"chart-heatmap-legend\"><text x=\"{N(RowLabels - 6)}\" y=\"{N(legendY + 11)}\" text-anchor=\"end\">CSAT</text>");
        for (var k = 0; k < 10; k++)
        {
            html.Append($"<rect x=\"{N(RowLabels + (k * LegendWidth / 10))}\" y=\"{N(legendY)}\" width=\"{N(LegendWidth / 10)}\" height=\"14\" fill=\"{ColourScale.Of((k + 0.5) / 10)}\"/>");
        }

        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
        {
            html.Append($"<text x=\"{N(RowLabels + (tick * LegendWidth))}\" y=\"{N(legendY + 28)}\" text-anchor=\"middle\">{N(tick * 100)}%</text>");
        }

        var targetX = RowLabels + (map.Target * LegendWidth);
        html.Append($"<line class=\"target\" x1=\"{N(targetX)}\" x2=\"{N(targetX)}\" y1=\"{N(legendY - 3)}\" y2=\"{N(legendY + 17)}\"/><text x=\"{N(targetX)}\" y=\"{N(legendY - 6)}\" text-anchor=\"middle\">target</text>");
        html.Append($"<rect class=\"cell empty\" x=\"{N(RowLabels + LegendWidth + 24)}\" y=\"{N(legendY)}\" width=\"14\" height=\"14\"/><text x=\"{N(RowLabels + LegendWidth + 42)}\" y=\"{N(legendY + 11)}\">no feedback</text></g>\n");
        html.Append("</svg>\n");
        html.Append("<details class=\"chart-data\"><summary>The heat map as a table</summary>\n");
        Table(
            html,
            ["provider", "consumer", "responses", $"CSAT (% satisfied, {N(context.Scorecard.Options.ConfidenceLevel * 100)}% CI)"],
            map.Cells.OrderBy(c => c.Provider, StringComparer.Ordinal).ThenBy(c => c.Consumer, StringComparer.Ordinal).Select(c => (IReadOnlyList<string>)[c.Provider, c.Consumer, N(c.Responses), c.Csat is null ? "no feedback" : c.Text]),
            [false, false, true, true],
            "chart-heatmap-table");
        html.Append("</details>\n</figure>\n");
    }

    private static int IndexOf(IReadOnlyList<string> list, string id)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Short(string name) => name.Length > GraphChart.LabelLength ? name[..(GraphChart.LabelLength - 1)] + "…" : name;
}
