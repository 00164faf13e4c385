using System.Text;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Commands;
using InternalCustomer.Scorecards;
using static InternalCustomer.Cli.Output.Html.Markup;

namespace InternalCustomer.Cli.Output.Html;

/// <summary>One bar: an objective with decided requests and the share of its error budget left (negative: overspent).</summary>
internal sealed record BudgetBar(string Agreement, string Set, string Objective, string Provider, string Consumer, double Remaining, string Status)
{
    /// <summary>The bar's label: agreement, objective set and objective.</summary>
    internal string Label => $"{Agreement} · {Set} · {Objective}";
}

/// <summary>The error budgets as data: the objectives with the least budget left first, at most <c>shown</c> of them.</summary>
internal sealed record BudgetBars(IReadOnlyList<BudgetBar> Bars, int Measured)
{
    /// <summary>How many bars the chart shows by default.</summary>
    internal const int Shown = 20;

    /// <summary>The time objectives with decided requests, least budget left first (ties by agreement id), at most <paramref name="shown"/>.</summary>
    internal static BudgetBars Of(OrganizationScorecard scorecard, int shown = Shown)
    {
        var measured = scorecard.Objectives.Where(o => o.Kind != ObjectiveKind.Satisfaction && o.HasData).ToList();
        return new(
            [.. measured
                .OrderBy(o => o.Budget.Remaining)
                .ThenBy(o => o.Agreement.Value, StringComparer.Ordinal)
                .Take(shown)
                .Select(o => new BudgetBar(
                    o.Agreement.Value,
                    o.ObjectiveSet ?? OrganizationAnalysis.AllRequests,
                    o.Kind == ObjectiveKind.FirstResponse ? "first response" : "resolution",
                    o.Provider.Value,
                    o.Consumer.Value,
                    o.Budget.Remaining,
                    OrganizationAnalysis.SlaStatus(o)))],
            measured.Count);
    }

    /// <summary>The axis: from the lowest remaining share (or 0) to 1 (the whole budget left).</summary>
    internal (double Min, double Max) Axis => (Math.Min(0, Bars.Select(b => b.Remaining).DefaultIfEmpty(0).Min()), 1);
}

/// <summary>
/// The error budgets as horizontal bars from a zero line: to the right the share of the budget left (100% = untouched),
/// to the left the overspend (breached objectives), coloured by status; the numbers are in the SLA section's table
/// beside it and in the chart's own table behind it.
/// </summary>
internal static class BudgetChart
{
    private const double Label = 330;
    private const double Plot = 420;
    private const double Gap = 12;
    private const double InsideFrom = 64;
    private const double Row = 20;
    private const double Top = 26;

    /// <summary>Writes the figure and its table.</summary>
    internal static void Write(StringBuilder html, ChartContext context)
    {
        var model = BudgetBars.Of(context.Scorecard);
        var (min, max) = model.Axis;
        double X(double v) => Label + Gap + ((v - min) / (max - min) * Plot);
        var height = Top + (model.Bars.Count * Row) + 30;
        var width = Label + Gap + Plot + 70;
        html.Append("<figure class=\"chart\" id=\"chart-budgets\" data-chart=\"budgets\">\n");
        html.Append($"<figcaption>Error budget left per objective (% of the budget the target allows): the {N(model.Bars.Count)} with the least left of {N(model.Measured)} objectives with decided requests. Right of the zero line: budget left; left of it: overspent (the objective is breached).</figcaption>\n");
        html.Append($"<svg class=\"budgets\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" role=\"img\" aria-label=\"Error budget left per objective\">\n");
        var ticks = Ticks(min, max);
        foreach (var tick in ticks)
        {
            html.Append($"<line class=\"grid\" x1=\"{N(X(tick))}\" x2=\"{N(X(tick))}\" y1=\"{N(Top - 4)}\" y2=\"{N(height - 24)}\"/><text class=\"tick\" x=\"{N(X(tick))}\" y=\"{N(height - 10)}\" text-anchor=\"middle\">{N(tick * 100)}%</text>\n");
        }

        for (var i = 0; i < model.Bars.Count; i++)
        {
            var bar = model.Bars[i];
            var y = Top + (i * Row);
            var (x0, x1) = (X(Math.Min(0, bar.Remaining)), X(Math.Max(0, bar.Remaining)));
            html.Append($"<g class=\"bar {Text(bar.Status.Replace(' ', '-'))}\" data-agreement=\"{Text(bar.Agreement)}\" data-remaining=\"{N(bar.Remaining)}\"><title>{Text(bar.Label)} ({Text(bar.Provider)} → {Text(bar.Consumer)}): {Percent(bar.Remaining)} of the budget left, {Text(bar.Status)}</title>")
                .Append($"<text class=\"bar-label\" x=\"{N(Label - 6)}\" y=\"{N(y + 13)}\" text-anchor=\"end\">{Text(Clip(bar.Label, 52))}</text>")
                .Append($"<rect x=\"{N(x0)}\" y=\"{N(y + 3)}\" width=\"{N(Math.Max(1, x1 - x0))}\" height=\"{N(Row - 6)}\"/>")
                .Append(Value(bar.Remaining, x0, x1, y)).Append("</g>\n");
        }

        html.Append($"<line class=\"zero\" id=\"chart-budgets-zero\" x1=\"{N(X(0))}\" x2=\"{N(X(0))}\" y1=\"{N(Top - 8)}\" y2=\"{N(height - 24)}\"/><text class=\"tick\" x=\"{N(X(0))}\" y=\"{N(Top - 12)}\" text-anchor=\"middle\">0</text>\n");
        html.Append("</svg>\n<details class=\"chart-data\"><summary>The bars as a table</summary>\n");
        Table(
            html,
            ["agreement", "set", "objective", "provider", "consumer", "budget left (% of budget)", "status"],
            model.Bars.Select(b => (IReadOnlyList<string>)[b.Agreement, b.Set, b.Objective, b.Provider, b.Consumer, Percent(b.Remaining), b.Status]),
            [false, false, false, false, false, true, false],
            "chart-budgets-table");
        html.Append("</details>\n</figure>\n");
    }

    // The bar's value at its outer end: inside a long bar (white on the bar), outside a short one.
    private static string Value(double remaining, double x0, double x1, double y)
    {
        var inside = x1 - x0 >= InsideFrom;
        var (x, anchor) = remaining < 0 ? (inside ? (x0 + 4, "start") : (x0 - 4, "end")) : (inside ? (x1 - 4, "end") : (x1 + 4, "start"));
        return $"<text class=\"bar-value{(inside ? " inside" : string.Empty)}\" x=\"{N(x)}\" y=\"{N(y + 13)}\" text-anchor=\"{anchor}\">{Percent(remaining)}</text>";
    }

    /// <summary>Grid lines at round percentages: every 25% up to a 200% span, every 100% up to 800%, then about eight lines.</summary>
    internal static IReadOnlyList<double> Ticks(double min, double max)
    {
        var span = max - min;
        var step = span <= 2 ? 0.25 : span <= 8 ? 1 : Math.Ceiling(span / 8);
        var first = Math.Ceiling(min / step) * step;
        return [.. Enumerable.Range(0, (int)Math.Floor((max - first) / step) + 1).Select(k => first + (k * step))];
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}
