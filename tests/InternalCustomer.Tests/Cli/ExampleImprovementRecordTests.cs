using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Tests.Cli;

/// <summary>
/// The example's improvement record (<see cref="ExampleOrganization.Improvement"/>, docs/examples/improvement.json) measured
/// by the library: logistics' action for final assembly comes out Improved, HR's for the paint shop NoDetectableChange
/// (few responses, after window cut), and the 2026-Q2 campaign shows the quality department's low response rate.
/// </summary>
public class ExampleImprovementRecordTests
{
    private static readonly Organization Organization = ExampleOrganization.Organization();
    private static readonly ImprovementRecord Record = ExampleOrganization.Improvement(Organization);
    private static readonly ServiceRequest[] Requests = [.. ExampleOrganization.Requests(Organization)];
    private static readonly FeedbackResponse[] Responses = [.. ExampleOrganization.Responses(Organization)];
    private static readonly Instant AsOf = Scorecard.DataEnds(Requests, Responses)!.Value;

    [Fact]
    public void The_example_file_reads_back_as_the_generated_record()
    {
        var bytes = File.ReadAllBytes(RepositoryFiles.Path("docs", "examples", "improvement.json"));

        var read = ImprovementJson.Read(bytes, Organization);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(Record, read.Value);
    }

    [Fact]
    public void Logistics_action_for_final_assembly_comes_out_improved()
    {
        var effect = ImprovementEffect.Measure(Organization, Record, ActionId.Parse(ExampleOrganization.LogisticsActionId), Requests, Responses, new EffectOptions(AsOf));

        Assert.Equal(EffectVerdict.Improved, effect.Verdict);
        Assert.Equal(EffectCaveats.None, effect.Caveats);
        Assert.True(effect.CsatDifferenceInDifferences!.PValue < 0.01 && effect.CsatDifferenceInDifferences.Estimate > 0, effect.CsatDifferenceInDifferences.ToString());
        Assert.True(effect.OnTimeDifferenceInDifferences!.PValue < 0.01 && effect.OnTimeDifferenceInDifferences.Estimate > 0, effect.OnTimeDifferenceInDifferences.ToString());
    }

    [Fact]
    public void Hr_action_for_the_paint_shop_comes_out_as_no_detectable_change_with_its_caveats()
    {
        var effect = ImprovementEffect.Measure(Organization, Record, ActionId.Parse(ExampleOrganization.HrActionId), Requests, Responses, new EffectOptions(AsOf));

        Assert.Equal(EffectVerdict.NoDetectableChange, effect.Verdict);
        Assert.Equal(EffectCaveats.FewResponses | EffectCaveats.AfterWindowCut, effect.Caveats);
    }

    [Fact]
    public void The_2026_q2_campaign_shows_the_quality_departments_low_response_rate()
    {
        var campaign = Record.GetCampaign(CampaignId.Parse("2026-q2"));
        var summary = CampaignSummary.Create(campaign, Responses);

        // Quality is asked about its three providers, six people each (two at each of the quarter's three monthly meetings),
        // and answers once: 1 of 18. Every other relationship answers all six: (63 − 3) × 6 + 1 = 361 of 63 × 6 = 378.
        var quality = Assert.Single(summary.ByConsumer, d => d.Department.Value == ExampleOrganization.QuietConsumer);
        Assert.Equal((3L, 18L, 1L), (quality.Invitations, quality.Invited, quality.Answered));
        Assert.Equal(1.0 / 18, quality.ResponseRate, 12);
        Assert.Equal(361.0 / 378, summary.ResponseRate!.Value, 12);
        Assert.All(summary.ByConsumer.Where(d => d.Department.Value != ExampleOrganization.QuietConsumer), d => Assert.Equal(1.0, d.ResponseRate));

        // Coverage at five responses: every relationship but quality's three, 60 of 63.
        Assert.Equal(60.0 / 63, summary.Coverage(5)!.Value, 12);
        Assert.Empty(summary.NonRespondingConsumers);
    }

    [Fact]
    public void The_earlier_campaigns_are_answered_in_full()
    {
        foreach (var id in ExampleOrganization.CampaignIds[..3])
        {
            var summary = CampaignSummary.Create(Record.GetCampaign(CampaignId.Parse(id)), Responses);
            Assert.Equal((378L, 378L), (summary.Invited, summary.Answered));
        }
    }

    [Fact]
    public void Every_pair_but_the_unreviewed_ones_has_four_quarterly_review_meetings_and_its_agreements_are_reviewed_on_7_april()
    {
        var pairs = Organization.Agreements.Select(a => (a.Provider.Value, a.Consumer.Value)).Distinct().ToList();
        Assert.Equal(63, pairs.Count);

        // 59 pairs × 4 quarterly meetings + the meeting agreeing logistics' action.
        Assert.Equal((59 * 4) + 1, Record.Meetings.Length);
        foreach (var agreement in Organization.Agreements)
        {
            var unreviewed = ExampleOrganization.UnreviewedPairs.Contains((agreement.Provider.Value, agreement.Consumer.Value));
            Assert.Equal(unreviewed ? null : new LocalDate(2026, 4, 7), Record.LastReview(agreement.Id));
        }
    }

    [Fact]
    public void The_actions_are_agreed_at_meetings_of_their_relationships_before_they_start()
    {
        Assert.Equal(3, Record.Actions.Length);
        foreach (var action in Record.Actions)
        {
            var meeting = Assert.Single(Record.Meetings, m => m.ActionsAgreed.Contains(action.Id));
            Assert.Equal(action.Relationship, meeting.Relationship);
            Assert.True(meeting.Date < action.Started, $"{meeting} agrees {action}");
        }

        Assert.True(Record.GetAction(ActionId.Parse(ExampleOrganization.InProgressActionId)).IsInFlight);
    }
}
