using InternalCustomer.Cli.Output;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Commands;
using InternalCustomer.Feedback;
using static InternalCustomer.Tests.Scorecards.ScorecardTests;

namespace InternalCustomer.Tests.Cli;

/// <summary>The command line renders the library's scorecard: every row and note below is worked by hand from the
/// worked example of <see cref="Scorecards.ScorecardTests"/> and must equal the library's numbers and sentences.</summary>
public class OrganizationAnalysisTests
{
    private static OrganizationAnalysis Analysis(FeedbackResponse[]? responses = null, ServiceRequest[]? requests = null) =>
        new(Example(), requests ?? Requests(), responses ?? Responses(), AsOf, "worked example");

    [Fact]
    public void The_sla_table_is_the_scorecards_objectives_worst_first()
    {
        var section = Analysis().SlaSection();

        Assert.Equal(
            [
                ["a-b", "line-a", "line-b", "all", "resolution", "2", "0", "0.0%", "90.0%", "-900.0%", "0", "0", "breached"],
                ["hr-a", "hr", "line-a", "all", "resolution", "4", "2", "50.0%", "90.0%", "-400.0%", "0", "0", "breached"],
                ["it-a", "it", "line-a", "all", "resolution", "4", "4", "100.0%", "50.0%", "100.0%", "0", "0", "met"],
            ],
            section.TextRows);
        Assert.Empty(section.Notes);
    }

    [Fact]
    public void Responses_on_another_scale_get_their_own_table_headed_by_its_range_and_are_counted()
    {
        // Six 0–10 ratings of it by line-a beside the worked example's 25 on 1–5: 1–5 is the scorecard's scale, the six are
        // set aside and summarised alone. R: mean(c(10, 9, 8, 7, 10, 0)) = 7.333; 9–10 satisfied: 3 of 6, and
        // prop.test(3, 6, correct = FALSE)$conf.int = [0.1876, 0.8124].
        int[] ratings = [10, 9, 8, 7, 10, 0];
        FeedbackResponse[] responses = [.. Responses(), .. ratings.Select((r, i) => new FeedbackResponse(Id("line-a"), Id("it"), May(25, i), RatingScale.ZeroToTen, r))];
        var analysis = Analysis(responses);

        var sections = analysis.FeedbackSections();

        Assert.Equal(["feedback", "feedbackScale0To10"], sections.Select(s => s.Key));
        Assert.Equal("mean score (1–5)", sections[0].Headers[2]);
        Assert.Equal("mean score (0–10)", sections[1].Headers[2]);
        var it = Assert.Single(sections[1].TextRows);
        Assert.Equal(["it", "6"], it.Take(2));
        Assert.StartsWith("7.33 [", it[2], StringComparison.Ordinal);
        Assert.Equal("50.0% [18.8%, 81.2%]", it[3]);
        Assert.Contains("CSAT counts 9–10 as satisfied (the top 2 points).", sections[1].Notes);
        Assert.StartsWith("Set aside from the scorecard: 6 response(s) on the scale 0–10; the scorecard rates the 25 on 1–5", Assert.Single(sections[0].Notes), StringComparison.Ordinal);

        // The scorecard's own numbers are those of the 1–5 responses alone.
        Assert.Equal(Analysis().FeedbackSection().TextRows, sections[0].TextRows);
    }

    [Fact]
    public void The_feedback_views_are_the_department_and_relationship_summaries()
    {
        var analysis = Analysis();
        var providers = analysis.FeedbackSection();

        // it: ratings 1..5, mean 3 ± t(0.975, 4) · √2.5/√5 = 3 ± 2.7764 · 0.7071 → [1.04, 4.96]; CSAT 2 of 5,
        // Wilson [11.8%, 76.9%]; no recommend answers, so no NPS.
        Assert.Equal("Satisfaction by providing department (95% intervals)", providers.Title);
        Assert.Equal(["provider", "responses", "mean score (1–5)", "CSAT (% satisfied)", "NPS (-100 to 100)"], providers.Headers);
        Assert.Equal(["hr", "it"], providers.TextRows.Select(r => r[0]));
        Assert.Equal(["it", "5", "3.00 [1.04, 4.96]", "40.0% [11.8%, 76.9%]", "n/a"], providers.TextRows[1]);
        // In JSON the interval is an object: the same numbers unrounded, the level a fraction.
        var csat = Assert.IsType<IntervalCell>(providers.Rows[1][3]);
        Assert.Equal(40.0, csat.Estimate!.Value, 10);
        Assert.Equal((11.8, 76.9, 0.95), (Math.Round(csat.Lower!.Value, 1), Math.Round(csat.Upper!.Value, 1), csat.Level));

        var relationships = analysis.RelationshipsSection();
        Assert.Equal([("hr", "line-a", "20"), ("it", "line-a", "5")], relationships.TextRows.Select(r => (r[0], r[1], r[2])));
        // it → line-a: ratings 1, 2, 3, 4, 5 on five consecutive days at noon, every point on the line: the slope is
        // exactly 1 point a day, +30.00 per 30 days, with no residual, so t is infinite and p = 0 (R's lm gives p < 2e-16).
        Assert.Equal(("+30.00", "0.0000"), (relationships.TextRows[1][5], relationships.TextRows[1][6]));
    }

    [Fact]
    public void Findings_and_attention_reasons_are_the_librarys_findings_in_its_order_and_words()
    {
        var analysis = Analysis();

        var findings = analysis.FindingsSection().TextRows.Select(r => Assert.Single(r));
        Assert.Equal(
            [
                "SLA met but customer unhappy: IT (it) meets every time objective for Line A (line-a), yet only 40% of 5 responses are satisfied (95% interval 11.8%–76.9%, wholly below the target 80%).",
                "Customer happy but SLA breached: Line A (line-a) is satisfied with HR (hr) (100% of 20 responses; 95% interval 83.9%–100%, wholly at or above the target 80%) although resolution on time in 50% of 4 decided requests (target 90%); the target may be stricter than needed.",
                "Heavy dependence without agreement: Line A (line-a) depends on Procurement (procurement) with criticality 5 of 5 and no agreement (the threshold is 4).",
                "Feedback overdue: Line B (line-b) has given no feedback about Line A (line-a) since agreement a-b took effect on 2026-01-01; agreement a-b asks for it every 1 month, so it was due by 2026-02-01, 120 days ago.",
                "Inherited shortfall: Line A (line-a) falls 100% short as a supplier, and 6% of that traces to its own suppliers, mostly IT (it); look upstream first.",
            ],
            findings);

        // The first row of the attention list is breached, and the gaps say so (0 of 2 on time, shortfall (0.9 − 0) / 0.9).
        Assert.Equal(
            ["SLA breached: Line A (line-a) serving Line B (line-b), resolution on time in 0% of 2 decided requests (target 90%) under agreement a-b, 100% short of the target."],
            analysis.GapsSection().TextRows.Select(r => Assert.Single(r)));

        var attention = analysis.AttentionSection();
        Assert.Equal(["1", "line-a", "line-b", "0.800", "0.0%", "90.0%", "n/a", "4", "1", "feedback overdue; SLA breached"], attention.TextRows[0]);
        // The whole sentence is the machine-only reason column (JSON and CSV).
        Assert.Equal(
            "Line A (line-a) serves Line B (line-b): resolution on time in 0% of 2 decided requests (target 90%); no feedback within the review cadence. Dependence 4 of 5; 1 department relies on Line A (line-a) directly or indirectly.",
            attention.Rows[0][^1].Text);
        Assert.Equal(3, attention.TextRows.Count);
    }

    [Fact]
    public void The_department_table_shows_the_inherited_share_on_the_findings_basis_and_the_reviews_due()
    {
        var section = Analysis().ScorecardSection();

        // line-a: shortfall 1, of which (t − 1)/t = 6.05% is inherited (the basis of the inherited-shortfall finding).
        var lineA = section.TextRows.Single(r => r[0] == "line-a");
        Assert.Equal(["100.0%", "6.0%"], lineA.TakeLast(2));
        Assert.Equal("inherited share (%)", section.Headers[^1]);
        Assert.Equal(
            [
                "Reviews due: 2 agreement(s); the 2 most overdue:",
                "Review due: agreement a-b (Line A (line-a) serving Line B (line-b)), last reviewed on 2026-01-01, was due on 2026-02-01, 120 days ago.",
                "Review due: agreement it-a (IT (it) serving Line A (line-a)), last reviewed on 2026-01-01, was due on 2026-04-01, 61 days ago.",
            ],
            section.Notes);
    }
}
