using InternalCustomer.Agreements;
using InternalCustomer.Cli.Commands;
using InternalCustomer.Cli.Output.Html;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Tests.Cli.Html;

/// <summary>The data behind the heat map, the error-budget bars and the satisfaction trends, on the built-in example.</summary>
public class ChartModelTests
{
    private static readonly Organization Organization = ExampleOrganization.Organization();
    private static readonly IReadOnlyList<ServiceRequest> Requests = ExampleOrganization.Requests(Organization);
    private static readonly IReadOnlyList<FeedbackResponse> Responses = ExampleOrganization.Responses(Organization);
    private static readonly OrganizationAnalysis Analysis = new(Organization, Requests, Responses, Scorecard.DataEnds([.. Requests], [.. Responses])!.Value, "built-in example");

    [Fact]
    public void The_trend_points_are_each_months_share_of_top_two_ratings_with_its_Wilson_interval()
    {
        var trends = Trends.Of(Analysis.Scorecard, Responses);
        var attention = Analysis.Scorecard.Attention.Where(a => a.Relationship.Feedback.Count > 0).Select(a => (a.Provider.Value, a.Consumer.Value)).ToList();
        Assert.Equal(attention.Take(Trends.Shown), trends.Relationships.Select(t => (t.Provider, t.Consumer)));

        foreach (var trend in trends.Relationships)
        {
            // Counted here from the raw responses: per UTC month, how many and how many rated 4 or 5 of 5.
            var months = Responses
                .Where(r => r.Subject.Value == trend.Provider && r.Respondent.Value == trend.Consumer && r.Instant <= Analysis.Options.AsOf)
                .GroupBy(r => new LocalDate(r.Instant.InUtc().Year, r.Instant.InUtc().Month, 1))
                .OrderBy(g => g.Key)
                .Select(g => (Month: g.Key, N: g.Count(), Satisfied: g.Count(r => r.Overall >= 4)))
                .ToList();
            Assert.Equal(months.Select(m => (m.Month, (long)m.N)), trend.Points.Select(p => (p.Month, p.Responses)));
            foreach (var (point, (_, n, satisfied)) in trend.Points.Zip(months))
            {
                var (lower, upper) = Wilson(satisfied, n, 1.959963984540054);
                Assert.Equal((double)satisfied / n, point.Csat, 12);
                Assert.Equal(lower, point.Lower, 9);
                Assert.Equal(upper, point.Upper, 9);
            }
        }
    }

    [Fact]
    public void Wilson_interval_of_two_of_three_is_Rs()
    {
        // R: prop.test(2, 3, correct = FALSE)$conf.int = 0.2076655 0.9385079.
        var (lower, upper) = Wilson(2, 3, 1.959963984540054);
        Assert.Equal(0.2076655, lower, 4);
        Assert.Equal(0.9385079, upper, 4);
    }

    [Fact]
    public void The_bars_are_the_objectives_with_the_least_budget_left_and_negative_exactly_when_breached()
    {
        var bars = BudgetBars.Of(Analysis.Scorecard);
        var measured = Analysis.Scorecard.Objectives.Where(o => o.Kind != ObjectiveKind.Satisfaction && o.Tally.Decided > 0).ToList();
        Assert.Equal(measured.Count, bars.Measured);
        Assert.Equal(Math.Min(BudgetBars.Shown, measured.Count), bars.Bars.Count);
        Assert.Equal(measured.Select(o => o.Budget.Remaining).Order().Take(BudgetBars.Shown), bars.Bars.Select(b => b.Remaining));
        Assert.All(bars.Bars, b => Assert.Equal(b.Remaining < 0, b.Status == OrganizationAnalysis.Breached));
        Assert.Contains(bars.Bars, b => b.Remaining < 0);
        Assert.Equal(bars.Bars.Min(b => b.Remaining), bars.Axis.Min);
        Assert.Equal(1, bars.Axis.Max);

        // Worked by hand: the worst bar is logistics → end-of-line's resolution, 32 of 67 met against 90%, so
        // (0.1 − 35/67) / 0.1 of the budget is left (the same row SafeOutputTests reads from the CSV).
        var worst = bars.Bars[0];
        Assert.Equal(("ola-34-logistics-end-of-line", "resolution"), (worst.Agreement, worst.Objective));
        Assert.Equal((0.1 - (35.0 / 67)) / 0.1, worst.Remaining, 12);
    }

    [Fact]
    public void Budget_ticks_are_round_percentages_inside_the_axis()
    {
        Assert.Equal([-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1], BudgetChart.Ticks(-0.6, 1));
        Assert.Equal([-4, -3, -2, -1, 0, 1], BudgetChart.Ticks(-4.224, 1));
    }

    [Fact]
    public void The_heat_map_has_a_cell_per_relationship_coloured_by_its_CSAT_and_an_empty_one_without_feedback()
    {
        var map = HeatMap.Of(Analysis.Scorecard);
        Assert.Equal(Analysis.Scorecard.Relationships.Length, map.Cells.Count);
        foreach (var cell in map.Cells)
        {
            var relationship = Analysis.Scorecard.GetRelationship(DepartmentId.Parse(cell.Provider), DepartmentId.Parse(cell.Consumer))!;
            Assert.Equal(relationship.Csat.Value, cell.Csat);
            Assert.Equal(cell.Csat is null, cell.Colour is null);
            Assert.Contains(cell.Provider, map.Providers);
            Assert.Contains(cell.Consumer, map.Consumers);
        }

        Assert.Contains(map.Cells, c => c.Colour is null);

        // Hand-known cells of the example: procurement → logistics has 0 of 24 satisfied, so the red end of the scale
        // (ColourScaleTests pins the endpoints' colours).
        var procurement = map.Cells.Single(c => c.Provider == "procurement" && c.Consumer == "logistics");
        Assert.Equal((0.0, 24L, "#d73027"), (procurement.Csat!.Value, procurement.Responses, procurement.Colour));
        Assert.Equal(map.Providers.Order(StringComparer.Ordinal), map.Providers);
    }

    // Wilson (1927) score interval without continuity correction, in closed form.
    private static (double Lower, double Upper) Wilson(int successes, int n, double z)
    {
        var p = (double)successes / n;
        var denominator = 1 + (z * z / n);
        var centre = (p + (z * z / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n))) / denominator;
        return (centre - half, centre + half);
    }
}
