using System.Text;
using InternalCustomer.Feedback;
using InternalCustomer.Scorecards;
using NodaTime;
using NodaTime.Text;
using static InternalCustomer.Cli.Output.Html.Markup;

namespace InternalCustomer.Cli.Output.Html;

/// <summary>One month of one relationship: its responses and CSAT with the Wilson interval (<see cref="FeedbackMetrics.Csat"/>).</summary>
internal sealed record MonthPoint(LocalDate Month, long Responses, double Csat, double Lower, double Upper);

/// <summary>One relationship's satisfaction per month.</summary>
internal sealed record RelationshipTrend(string Provider, string Consumer, IReadOnlyList<MonthPoint> Points);

/// <summary>
/// The satisfaction trends as data: for the relationships on the attention list that have feedback (or, when none has,
/// the relationships with the most responses), at most <see cref="Shown"/>, the CSAT of each calendar month (UTC) with
/// its Wilson interval, computed by the library (<see cref="FeedbackGrouping.ByPeriod"/>, <see cref="FeedbackMetrics.Csat"/>)
/// from the responses up to the as-of instant on the scorecard's overall scale, with its top boxes and confidence level.
/// </summary>
internal sealed record Trends(IReadOnlyList<RelationshipTrend> Relationships, LocalDate First, LocalDate Last, double Target, double Level)
{
    /// <summary>How many relationships the chart shows.</summary>
    internal const int Shown = 6;

    /// <summary>The trends of the scorecard's relationships from <paramref name="responses"/>.</summary>
    internal static Trends Of(OrganizationScorecard scorecard, IReadOnlyList<FeedbackResponse> responses, int shown = Shown)
    {
        var options = scorecard.Options;
        var picked = scorecard.Attention.Select(a => a.Relationship).Where(r => r.Feedback.Count > 0).ToList();
        if (picked.Count == 0)
        {
            picked = [.. scorecard.Relationships.Where(r => r.Feedback.Count > 0).OrderByDescending(r => r.Feedback.Count).ThenBy(r => r.Provider).ThenBy(r => r.Consumer)];
        }

        var trends = picked.Take(shown).Select(r =>
        {
            FeedbackResponse[] own = [.. responses.Where(x => x.Subject == r.Provider && x.Respondent == r.Consumer && x.Instant <= options.AsOf && options.OverallScale.Equals(x.OverallScale))];
            var months = FeedbackGrouping.ByPeriod(own, DateTimeZone.Utc, PeriodUnit.Month, options.OverallScale);
            return new RelationshipTrend(r.Provider.Value, r.Consumer.Value, [.. months.Select(m =>
            {
                var csat = FeedbackMetrics.Csat(m.Value.Overall, options.CsatTopBoxes, options.ConfidenceLevel);
                return new MonthPoint(m.Key.Start, csat.Count, csat.Value!.Value, csat.Interval!.Value.Lower, csat.Interval!.Value.Upper);
            })]);
        }).Where(t => t.Points.Count > 0).ToList();
        var all = trends.SelectMany(t => t.Points).Select(p => p.Month).ToList();
        return new(trends, all.Count > 0 ? all.Min() : default, all.Count > 0 ? all.Max() : default, options.SatisfactionTarget, options.ConfidenceLevel);
    }

    /// <summary>The months from <see cref="First"/> to <see cref="Last"/>, one per calendar month.</summary>
    internal IReadOnlyList<LocalDate> Months
    {
        get
        {
            var months = new List<LocalDate>();
            for (var m = First; Relationships.Count > 0 && m <= Last; m = m.PlusMonths(1))
            {
                months.Add(m);
            }

            return months;
        }
    }
}

/// <summary>
/// Satisfaction per month for each relationship shown (<see cref="Trends"/>), one small panel each: the CSAT line with
/// its interval as a band, the target dashed; a month without responses leaves a gap. Behind it, the points as a table.
/// </summary>
internal static class TrendChart
{
    private const double Width = 320;
    private const double Height = 150;
    private const double Left = 38;
    private const double Right = 10;
    private const double Top = 24;
    private const double Bottom = 22;

    /// <summary>Writes the figure and its table.</summary>
    internal static void Write(StringBuilder html, ChartContext context)
    {
        var model = Trends.Of(context.Scorecard, context.Responses);
        var months = model.Months;
        var level = N(model.Level * 100);
        html.Append("<figure class=\"chart\" id=\"chart-trend\" data-chart=\"trend\">\n");
        html.Append($"<figcaption>Satisfaction per month (CSAT, % satisfied) of {(context.Scorecard.Attention.Any(a => a.Relationship.Feedback.Count > 0) ? "the relationships on the attention list" : "the relationships with the most feedback")}, with its {level}% Wilson interval as a band; the dashed line is the target ({Percent(model.Target)}).</figcaption>\n");
        if (model.Relationships.Count == 0)
        {
            html.Append("<p class=\"empty\">No relationship has feedback.</p>\n</figure>\n");
            return;
        }

        html.Append("<div class=\"panels\">\n");
        double X(int month) => Left + (months.Count == 1 ? (Width - Left - Right) / 2 : month * (Width - Left - Right) / (months.Count - 1));
        static double Y(double share) => Top + ((1 - share) * (Height - Top - Bottom));
        foreach (var trend in model.Relationships)
        {
            var title = $"{context.Name(DepartmentId.Parse(trend.Provider))} → {context.Name(DepartmentId.Parse(trend.Consumer))}";
            html.Append($"<svg class=\"trend\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"{N(Width)}\" role=\"img\" aria-label=\"{Text(title)}\" data-provider=\"{Text(trend.Provider)}\" data-consumer=\"{Text(trend.Consumer)}\">\n");
            html.Append($"<text class=\"panel-title\" x=\"{N(Left)}\" y=\"14\">{Text(title.Length > 46 ? title[..45] + "…" : title)}</text>\n");
            foreach (var tick in new[] { 0.0, 0.5, 1.0 })
            {
                html.Append($"<line class=\"grid\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Y(tick))}\" y2=\"{N(Y(tick))}\"/><text class=\"tick\" x=\"{N(Left - 4)}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\">{N(tick * 100)}%</text>\n");
            }

            for (var m = 0; m < months.Count; m++)
            {
                if (months.Count <= 7 || m % 2 == 0)
                {
                    html.Append($"<text class=\"tick\" x=\"{N(X(m))}\" y=\"{N(Height - 6)}\" text-anchor=\"middle\">{LocalDatePattern.CreateWithInvariantCulture("MMM yy").Format(months[m])}</text>");
                }
            }

            html.Append($"<line class=\"target\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Y(model.Target))}\" y2=\"{N(Y(model.Target))}\"/>\n");

            // Runs of consecutive months: a band and a line each, so a month without responses is a gap.
            var index = trend.Points.Select(p => (Point: p, Month: IndexOf(months, p.Month))).ToList();
            foreach (var run in Runs(index))
            {
                var upper = string.Join(" ", run.Select(p => $"{N(X(p.Month))},{N(Y(p.Point.Upper))}"));
                var lower = string.Join(" ", run.AsEnumerable().Reverse().Select(p => $"{N(X(p.Month))},{N(Y(p.Point.Lower))}"));
                html.Append(run.Count > 1
                    ? $"<polygon class=\"band\" points=\"{upper} {lower}\"/>"
                    : $"<line class=\"band-single\" x1=\"{N(X(run[0].Month))}\" x2=\"{N(X(run[0].Month))}\" y1=\"{N(Y(run[0].Point.Upper))}\" y2=\"{N(Y(run[0].Point.Lower))}\"/>");
                html.Append($"<polyline class=\"line\" points=\"{string.Join(" ", run.Select(p => $"{N(X(p.Month))},{N(Y(p.Point.Csat))}"))}\"/>\n");
            }

            foreach (var (point, month) in index)
            {
                html.Append($"<circle class=\"point\" cx=\"{N(X(month))}\" cy=\"{N(Y(point.Csat))}\" r=\"2.5\"><title>{LocalDatePattern.Iso.Format(point.Month)[..7]}: {Percent(point.Csat)} [{Percent(point.Lower)}, {Percent(point.Upper)}], {N(point.Responses)} responses</title></circle>");
            }

            html.Append("\n</svg>\n");
        }

        html.Append("</div>\n<details class=\"chart-data\"><summary>The trends as a table</summary>\n");
        Table(
            html,
            ["provider", "consumer", "month", "responses", "CSAT (% satisfied)", $"lower ({level}% CI)", $"upper ({level}% CI)"],
            model.Relationships.SelectMany(t => t.Points.Select(p => (IReadOnlyList<string>)[t.Provider, t.Consumer, LocalDatePattern.Iso.Format(p.Month)[..7], N(p.Responses), Percent(p.Csat), Percent(p.Lower), Percent(p.Upper)])),
            [false, false, false, true, true, true, true],
            "chart-trend-table");
        html.Append("</details>\n</figure>\n");
    }

    private static int IndexOf(IReadOnlyList<LocalDate> months, LocalDate month)
    {
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i] == month)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<List<(MonthPoint Point, int Month)>> Runs(List<(MonthPoint Point, int Month)> points)
    {
        var runs = new List<List<(MonthPoint Point, int Month)>>();
        foreach (var p in points)
        {
            if (runs.Count > 0 && runs[^1][^1].Month == p.Month - 1)
            {
                runs[^1].Add(p);
            }
            else
            {
                runs.Add([p]);
            }
        }

        return runs;
    }
}
