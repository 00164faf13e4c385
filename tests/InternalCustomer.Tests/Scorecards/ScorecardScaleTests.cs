using System.Globalization;
using System.Text;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Scorecards;
using static InternalCustomer.Tests.Scorecards.ScorecardTests;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>Responses on another scale than the options' overall scale: rejected by default (1.0), or set aside and
/// counted; and every scale summarised on its own.</summary>
public class ScorecardScaleTests
{
    // The worked example's 25 responses on 1–5, plus three about it on 0–10 and one about hr on 1–7, and one on 0–10
    // given after the as-of instant (ignored, so counted nowhere).
    private static FeedbackResponse[] Mixed() =>
    [
        .. Responses(),
        new(Id("line-a"), Id("it"), May(26, 9), RatingScale.ZeroToTen, 9),
        new(Id("line-a"), Id("it"), May(27, 9), RatingScale.ZeroToTen, 3, recommend: 2),
        new(Id("line-b"), Id("line-a"), May(27, 10), RatingScale.ZeroToTen, 10),
        new(Id("line-a"), Id("hr"), May(28, 9), RatingScale.SevenPoint, 6),
        new(Id("line-a"), Id("it"), AsOf + NodaTime.Duration.FromHours(1), RatingScale.ZeroToTen, 0),
    ];

    [Fact]
    public void By_default_another_scale_is_a_problem_as_in_1_0()
    {
        var options = new ScorecardOptions(AsOf);
        Assert.Equal(OtherScaleRule.Reject, options.OtherScales);

        var problems = Scorecard.Validate(Example(), Requests(), Mixed(), options);
        Assert.Equal(["$.responses[25].overallScale", "$.responses[26].overallScale", "$.responses[27].overallScale", "$.responses[28].overallScale", "$.responses[29].overallScale"], problems.Select(p => p.Location.ToString()));
        var thrown = Assert.Throws<ArgumentException>(() => Scorecard.Compute(Example(), Requests(), Mixed(), options));
        Assert.Equal("responses", thrown.ParamName);
        Assert.StartsWith("Response at responses[25] rates on the scale 0–10; expected the options' overall scale 1–5.", thrown.Message, StringComparison.Ordinal);

        var card = Scorecard.Compute(Example(), Requests(), Responses(), options);
        Assert.Empty(card.SetAside);
        Assert.Equal(25, card.ScoredResponseCount);
        Assert.Equal(25, card.ConsideredResponseCount);
    }

    [Fact]
    public void Set_aside_responses_are_in_no_figure_and_are_counted_per_scale_and_relationship()
    {
        var options = new ScorecardOptions(AsOf) { OtherScales = OtherScaleRule.SetAside };
        Assert.Empty(Scorecard.Validate(Example(), Requests(), Mixed(), options));

        var card = Scorecard.Compute(Example(), Requests(), Mixed(), options);
        var alone = Scorecard.Compute(Example(), Requests(), Responses(), new ScorecardOptions(AsOf));

        // Every figure is that of the 1–5 responses alone (worked in ScorecardTests: it → line-a CSAT 2 of 5 = 0.4).
        Assert.Equal(0.4, card.GetRelationship(Id("it"), Id("line-a"))!.Csat.Value!.Value, 12);
        Assert.Equal(alone.Relationships.Select(r => (r.Provider, r.Consumer, r.Feedback.Count, r.Mean, r.Csat, r.Trend)), card.Relationships.Select(r => (r.Provider, r.Consumer, r.Feedback.Count, r.Mean, r.Csat, r.Trend)));
        Assert.Equal(alone.Departments.Select(d => (d.Id, d.Mean, d.Csat, d.Nps, d.Trend)), card.Departments.Select(d => (d.Id, d.Mean, d.Csat, d.Nps, d.Trend)));
        Assert.Equal(alone.Attention.Select(a => a.ToString()), card.Attention.Select(a => a.ToString()));
        Assert.Equal(alone.Findings.Select(f => f.ToString()), card.Findings.Select(f => f.ToString()));

        // Given by the as-of instant: 25 on 1–5 scored; 3 on 0–10 (2 from it → line-a, 1 from line-a → line-b) and 1 on
        // 1–7 set aside, most first; the 0–10 response after the as-of instant is not considered.
        Assert.Equal(25, card.ScoredResponseCount);
        Assert.Equal(29, card.ConsideredResponseCount);
        Assert.Equal([(RatingScale.ZeroToTen, 3L), (RatingScale.SevenPoint, 1L)], card.SetAside.Select(s => (s.Scale, s.Count)));
        Assert.Equal(
            [KeyValuePair.Create(new Relationship(Id("it"), Id("line-a")), 2L), KeyValuePair.Create(new Relationship(Id("line-a"), Id("line-b")), 1L)],
            card.SetAside[0].ByRelationship);
        Assert.Equal("3 responses on 0–10 set aside", card.SetAside[0].ToString());
    }

    [Fact]
    public void The_summary_by_scale_covers_every_response_considered_and_agrees_with_the_scorecard_on_its_scale()
    {
        var options = new ScorecardOptions(AsOf) { OtherScales = OtherScaleRule.SetAside, CsatTopBoxes = 1 };
        var card = Scorecard.Compute(Example(), Requests(), Mixed(), options);

        var summaries = Scorecard.SummarizeByScale(Example(), Mixed(), options);

        Assert.Equal([RatingScale.FivePoint, RatingScale.ZeroToTen, RatingScale.SevenPoint], summaries.Select(s => s.Scale));
        Assert.Equal(card.ConsideredResponseCount, summaries.Sum(s => s.Responses.Count));
        var five = summaries[0];
        Assert.All(card.Departments.Where(d => d.Feedback.Count > 0), d => Assert.Equal((d.Feedback.Count, d.Csat, d.Mean, d.Nps), (five.ByProvider[d.Id].Count, five.ByProvider[d.Id].Csat!.Value, five.ByProvider[d.Id].Mean, five.ByProvider[d.Id].Nps)));

        // 0–10 about it: 9 and 3, top box only (10): none of 2; about line-a: one 10, so 1 of 1. Recommend: one 2, a detractor.
        var ten = summaries[1];
        Assert.Equal(10, ten.SatisfiedFrom);
        Assert.Equal(0, ten.ByProvider[Id("it")].Csat!.Value.Value);
        Assert.Equal(6, ten.ByProvider[Id("it")].Mean.Value);
        Assert.Equal(-100, ten.ByProvider[Id("it")].Nps.Value);
        Assert.Equal(1, ten.ByProvider[Id("line-a")].Csat!.Value.Value);
        Assert.Equal(card.SetAside[0].ByRelationship, ten.ByRelationship.ToDictionary(kv => kv.Key, kv => kv.Value.Count).OrderBy(kv => kv.Key));
    }

    [Fact]
    public void The_summary_by_scale_checks_its_arguments_as_Compute_does()
    {
        var options = new ScorecardOptions(AsOf);
        FeedbackResponse[] unknown = [.. Responses(), new(Id("line-a"), Id("ghost"), May(20, 9), RatingScale.ZeroToTen, 3)];
        var thrown = Assert.Throws<ArgumentException>(() => Scorecard.SummarizeByScale(Example(), unknown, options));
        Assert.Equal("responses", thrown.ParamName);
        Assert.StartsWith("Response at responses[25] names department 'ghost', which is not a department of this organization.", thrown.Message, StringComparison.Ordinal);
        Assert.Equal("organization", Assert.Throws<ArgumentNullException>(() => Scorecard.SummarizeByScale(null!, Responses(), options)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => Scorecard.SummarizeByScale(Example(), Responses(), null!)).ParamName);
        var nulls = Assert.Throws<ArgumentNullException>(() => Scorecard.SummarizeByScale(Example(), [Responses()[0], null!], options));
        Assert.Equal("responses", nulls.ParamName);
        Assert.StartsWith("Expected a response at responses[1]; got null.", nulls.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_rule_is_a_bad_setting()
    {
        var options = new ScorecardOptions(AsOf) { OtherScales = (OtherScaleRule)7 };
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => Scorecard.Compute(Example(), Requests(), Responses(), options));
        Assert.Equal("options", thrown.ParamName);
        Assert.StartsWith("OtherScales must be Reject or SetAside; got 7.", thrown.Message, StringComparison.Ordinal);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => Scorecard.Validate(Example(), Requests(), Responses(), options)).ParamName);
    }

    // The regression of issue 13: a survey on 0–10 (which crashed the report), one on 1–7 and one mixing 1–5 and 0–10,
    // read from the example's CSV files by the interchange package, with the scale picked from the responses.
    [Theory]
    [InlineData("0-10")]
    [InlineData("1-7")]
    [InlineData("mixed")]
    public void Surveys_on_any_declared_scale_are_accepted_end_to_end(string survey)
    {
        var organization = OrganizationJson.Read(File.ReadAllText(RepositoryFiles.Path("docs", "examples", "organization.json"))).GetValueOrThrow();
        var requests = ServiceRequestCsv.Read(File.ReadAllText(RepositoryFiles.Path("docs", "examples", "requests.csv"))).GetValueOrThrow();
        var csv = Rescaled(File.ReadAllLines(RepositoryFiles.Path("docs", "examples", "responses.csv")), survey);
        var responses = FeedbackResponseCsv.Read(csv, null).GetValueOrThrow().ToArray();
        var asOf = Scorecard.DataEnds([.. requests], responses)!.Value;

        var scale = FeedbackByScale.PredominantScale(responses)!;
        var options = new ScorecardOptions(asOf) { OverallScale = scale, OtherScales = OtherScaleRule.SetAside };

        Assert.Empty(Scorecard.Validate(organization, [.. requests], responses, options));
        var card = Scorecard.Compute(organization, [.. requests], responses, options);
        var summaries = Scorecard.SummarizeByScale(organization, responses, options);

        var expected = survey switch { "0-10" => RatingScale.ZeroToTen, "1-7" => RatingScale.SevenPoint, _ => RatingScale.FivePoint };
        Assert.Equal(expected, scale);
        Assert.Equal(responses.Length, card.ConsideredResponseCount);
        Assert.Equal(responses.Count(r => r.OverallScale.Equals(scale)), card.ScoredResponseCount);
        Assert.Equal(card.Relationships.Sum(r => r.Feedback.Count), card.ScoredResponseCount);
        Assert.Equal(responses.Length, summaries.Sum(s => s.Responses.Count));
        Assert.Equal(scale, summaries[0].Scale);
        if (survey == "mixed")
        {
            var setAside = Assert.Single(card.SetAside);
            Assert.Equal(RatingScale.ZeroToTen, setAside.Scale);
            Assert.Equal(responses.Count(r => r.OverallScale.Equals(RatingScale.ZeroToTen)), setAside.Count);
            Assert.Equal([RatingScale.FivePoint, RatingScale.ZeroToTen], summaries.Select(s => s.Scale));
        }
        else
        {
            Assert.Empty(card.SetAside);
            Assert.Single(summaries);
        }
    }

    // Columns respondent,subject,instant,scaleMin,scaleMax,overall,…: 0–10 doubles the rating; 1–7 adds one to 3 and
    // above (1 2 4 5 6); mixed moves every tenth response (the fourth, fourteenth, …) to 0–10.
    private static string Rescaled(string[] lines, string survey)
    {
        var text = new StringBuilder(lines[0]).Append('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            var overall = int.Parse(fields[5], CultureInfo.InvariantCulture);
            (fields[3], fields[4], fields[5]) = survey switch
            {
                "0-10" => ("0", "10", (overall * 2).ToString(CultureInfo.InvariantCulture)),
                "1-7" => ("1", "7", (overall >= 3 ? overall + 1 : overall).ToString(CultureInfo.InvariantCulture)),
                _ when i % 10 == 4 => ("0", "10", (overall * 2).ToString(CultureInfo.InvariantCulture)),
                _ => (fields[3], fields[4], fields[5]),
            };
            text.AppendJoin(',', fields).Append('\n');
        }

        return text.ToString();
    }
}
