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
                ["a-b", "line-a", "line-b", "all", "resolution", "2", "0", "0.0", "90.0", "-900.0", "0", "0", "BREACHED"],
                ["hr-a", "hr", "line-a", "all", "resolution", "4", "2", "50.0", "90.0", "-400.0", "0", "0", "BREACHED"],
                ["it-a", "it", "line-a", "all", "resolution", "4", "4", "100.0", "50.0", "100.0", "0", "0", "met"],
            ],
            section.Rows);
        Assert.Empty(section.Notes);
    }

    [Fact]
    public void The_feedback_views_are_the_department_and_relationship_summaries()
    {
        var analysis = Analysis();
        var providers = analysis.FeedbackSection();

        // it: ratings 1..5, mean 3 ± t(0.975, 4) · √2.5/√5 = 3 ± 2.7764 · 0.7071 → [1.04, 4.96]; CSAT 2 of 5,
        // Wilson [11.8%, 76.9%]; no recommend answers, so no NPS.
        Assert.Equal("Satisfaction by providing department (95% intervals)", providers.Title);
        Assert.Equal(["provider", "responses", "mean (1-5)", "CSAT %", "NPS"], providers.Columns);
        Assert.Equal(["hr", "it"], providers.Rows.Select(r => r[0]));
        Assert.Equal(["it", "5", "3.00 [1.04, 4.96]", "40.0 [11.8, 76.9]", "n/a"], providers.Rows[1]);

        var relationships = analysis.RelationshipsSection();
        Assert.Equal([("hr", "line-a", "20"), ("it", "line-a", "5")], relationships.Rows.Select(r => (r[0], r[1], r[2])));
        // it → line-a: ratings 1, 2, 3, 4, 5 on five consecutive days at noon, every point on the line: the slope is
        // exactly 1 point a day, +30.00 per 30 days, with no residual, so t is infinite and p = 0 (R's lm gives p < 2e-16).
        Assert.Equal(("+30.00", "0.0000"), (relationships.Rows[1][5], relationships.Rows[1][6]));
    }

    [Fact]
    public void Findings_and_attention_reasons_are_the_librarys_findings_in_its_order_and_words()
    {
        var analysis = Analysis();

        var findings = analysis.FindingsSection().Notes;
        Assert.Equal(
            [
                "SLA met but customer unhappy: IT (it) meets every time objective for Line A (line-a), yet only 40% of 5 responses are satisfied (95% interval 11.8%–76.9%, wholly below the target 80%).",
                "Customer happy but SLA breached: Line A (line-a) is satisfied with HR (hr) (100% of 20 responses; 95% interval 83.9%–100%, wholly at or above the target 80%) although resolution on time in 50% of 4 decided requests (target 90%); the target may be stricter than needed.",
                "Heavy dependence without agreement: Line A (line-a) depends on Procurement (procurement) with criticality 5 of 5 and no agreement (the threshold is 4).",
                "Feedback overdue: Line B (line-b) has given no feedback about Line A (line-a) since agreement a-b took effect on 2026-01-01; agreement a-b asks for it every 1 month, so it was due by 2026-02-01, 120 days ago.",
                // The first row of the attention list is breached, and the findings say so (0 of 2 on time, shortfall (0.9 − 0) / 0.9).
                "SLA breached: Line A (line-a) serving Line B (line-b), resolution on time in 0% of 2 decided requests (target 90%) under agreement a-b, 100% short of the target.",
                "Inherited shortfall: Line A (line-a) falls 100% short as a supplier, and 6% of that traces to its own suppliers, mostly IT (it); look upstream first.",
            ],
            findings);

        var attention = analysis.AttentionSection();
        Assert.Equal(["1", "line-a", "line-b", "0.800"], attention.Rows[0].Take(4));
        Assert.Equal(
            "line-a serves line-b: resolution on time in 0% of 2 decided requests (target 90%); no feedback within the review cadence. Dependence 4 of 5; 1 department relies on line-a directly or indirectly.",
            attention.Rows[0][4]);
        Assert.Equal(3, attention.Rows.Count);
    }

    [Fact]
    public void The_department_table_shows_the_inherited_share_on_the_findings_basis_and_the_reviews_due()
    {
        var section = Analysis().ScorecardSection();

        // line-a: shortfall 1, of which (t − 1)/t = 6.05% is inherited (the basis of the inherited-shortfall finding).
        var lineA = section.Rows.Single(r => r[0] == "line-a");
        Assert.Equal(["100.0%", "6.0%"], lineA.TakeLast(2));
        Assert.Equal("inherited share", section.Columns[^1]);
        Assert.Equal(
            [
                "Reviews due: 2 agreement(s); the 2 most overdue:",
                "Review due: agreement a-b (Line A (line-a) serving Line B (line-b)), last reviewed on 2026-01-01, was due on 2026-02-01, 120 days ago.",
                "Review due: agreement it-a (IT (it) serving Line A (line-a)), last reviewed on 2026-01-01, was due on 2026-04-01, 61 days ago.",
            ],
            section.Notes);
    }

    [Fact]
    public void Input_problems_are_the_librarys_said_with_the_file_they_came_from()
    {
        FeedbackResponse[] responses = [new(Id("visitor"), Id("it"), May(20, 9), RatingScale.FivePoint, 3), new(Id("line-a"), Id("it"), May(21, 9), RatingScale.SevenPoint, 6)];
        ServiceRequest[] requests = [new("R1", AgreementId.Parse("nope"), May(4, 9))];

        var problems = Analysis(responses, requests).InputProblems("requests.csv", "responses.csv");

        // The first response's scale is the scorecard's, so the seven-point response is the odd one out. Each line is
        // the file and the record, then the library's own message.
        Assert.Equal(
            [
                "requests.csv: request \"R1\": Request 'R1' at requests[0] names agreement 'nope', which is not an agreement of this organization.",
                "responses.csv: response of 2026-05-20T09:00:00Z: Response at responses[0] names department 'visitor', which is not a department of this organization.",
                "responses.csv: response of 2026-05-21T09:00:00Z: Response at responses[1] rates on the scale 1–7; expected the options' overall scale 1–5.",
            ],
            problems);
    }

    [Fact]
    public void An_as_of_date_before_the_data_is_a_usage_error_when_the_data_itself_is_valid()
    {
        var analysis = new OrganizationAnalysis(Example(), Requests(), Responses(), May(1, 0), "worked example");

        var e = Assert.Throws<UsageException>(() => analysis.InputProblems("requests.csv", "responses.csv"));
        Assert.Equal("--as-of: AsOf must not be before the organization's data begins (2026-05-04T09:00:00Z); got 2026-05-01T00:00:00Z.", e.Message);
    }
}
