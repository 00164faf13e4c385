using System.Globalization;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>A state that does not fit the organisation or the options, and accumulators of different organisations: a
/// clear <see cref="ArgumentException"/> that names the item and says what was expected and what came.</summary>
public class ScorecardAccumulatorBadInputTests
{
    private static readonly ScorecardScenario Scenario =
        ScorecardScenario.Create(3, departments: 8, agreements: 10, requests: 80, responses: 140, DimensionSet.Servqual, otherScalePercent: 20, improvement: true);

    private static readonly ScorecardOptions Options = Scenario.Options();

    private static ScorecardState State()
    {
        var accumulator = new ScorecardAccumulator(Scenario.Organization, Options);
        Array.ForEach(Scenario.Requests, accumulator.Add);
        Array.ForEach(Scenario.Responses, accumulator.Add);
        var state = accumulator.ToState();

        // Every test below changes one part of a state that has them all.
        Assert.NotEmpty(state.Agreements);
        Assert.NotEmpty(state.Relationships);
        Assert.NotEmpty(state.SetAside);
        Assert.NotNull(state.Campaign);
        Assert.NotEmpty(state.Campaign.Relationships);
        Assert.NotEmpty(state.Actions);
        return state;
    }

    private static ScorecardState With(
        ScorecardState s,
        IEnumerable<AgreementTallyState>? agreements = null,
        IEnumerable<RelationshipFeedbackState>? relationships = null,
        IEnumerable<SetAsideCount>? setAside = null,
        CampaignCountsState? campaign = null,
        IEnumerable<ActionWindowState>? actions = null) =>
        new(s.Basis, s.DataBegins, agreements ?? s.Agreements, relationships ?? s.Relationships, setAside ?? s.SetAside, campaign ?? s.Campaign, actions ?? s.Actions);

    private static ArgumentException FromStateFails(ScorecardState state, ScorecardOptions? options = null)
    {
        var thrown = Assert.ThrowsAny<ArgumentException>(() => ScorecardAccumulator.FromState(Scenario.Organization, options ?? Options, state));
        Assert.IsNotType<ArgumentOutOfRangeException>(thrown);
        Assert.Equal("state", thrown.ParamName);
        return thrown;
    }

    private static DepartmentId Missing => DepartmentId.Parse("dept-99999");

    [Fact]
    public void The_state_as_taken_loads()
    {
        var state = State();
        Assert.Equal(state, ScorecardAccumulator.FromState(Scenario.Organization, Options, state).ToState());
    }

    [Fact]
    public void A_state_naming_an_agreement_the_organisation_lacks_names_it()
    {
        var state = State();
        var part = state.Agreements[0];
        var thrown = FromStateFails(With(state, agreements: [.. state.Agreements, new AgreementTallyState(AgreementId.Parse("agr-999999"), part.FirstResponse, part.Resolution, [], [])]));
        Assert.StartsWith("Expected tallies of agreements of this organization; got tallies of agreement 'agr-999999', which it lacks.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_with_per_set_tallies_for_an_agreement_without_classes_says_how_many_were_expected()
    {
        var state = State();
        var part = state.Agreements[0];
        var bad = new AgreementTallyState(part.Agreement, part.FirstResponse, part.Resolution, [part.FirstResponse], [part.Resolution]);
        var thrown = FromStateFails(With(state, agreements: state.Agreements.SetItem(0, bad)));
        Assert.StartsWith($"Expected 0 tallies per objective set for agreement '{part.Agreement}'; got 1.", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "Expected a relationship feedback of departments of this organization; got one of dept-99999 ← {1}, which names a department it lacks.")]
    [InlineData(true, "Expected a relationship feedback of two different departments of this organization; got one of {0} ← {0}.")]
    public void A_state_naming_a_relationship_of_a_department_the_organisation_lacks_or_of_one_with_itself_names_it(bool self, string message)
    {
        // The first relationship's feedback moved to the provider with itself, or to a provider the organisation lacks.
        var state = State();
        var part = state.Relationships[0];
        var relationship = self ? new Relationship(part.Relationship.Provider, part.Relationship.Provider) : new Relationship(Missing, part.Relationship.Consumer);
        var thrown = FromStateFails(With(state, relationships: [.. state.Relationships.Skip(1), new RelationshipFeedbackState(relationship, part.Feedback, part.Trend, part.LastResponse)]));
        Assert.StartsWith(string.Format(CultureInfo.InvariantCulture, message, part.Relationship.Provider, part.Relationship.Consumer), thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_with_a_set_aside_count_or_campaign_count_of_a_department_the_organisation_lacks_names_it()
    {
        var state = State();
        var setAside = state.SetAside[0];
        var thrown = FromStateFails(With(state, setAside: [.. state.SetAside, setAside with { Relationship = new(setAside.Relationship.Provider, Missing) }]));
        Assert.StartsWith($"Expected a set-aside count of departments of this organization; got one of {setAside.Relationship.Provider} ← dept-99999, which names a department it lacks.", thrown.Message, StringComparison.Ordinal);

        var campaign = state.Campaign!;
        var count = campaign.Relationships[0];
        thrown = FromStateFails(With(state, campaign: new CampaignCountsState(campaign.Campaign, campaign.Window, [.. campaign.Relationships, count with { Relationship = new(Missing, count.Relationship.Consumer) }])));
        Assert.StartsWith($"Expected a campaign count of departments of this organization; got one of dept-99999 ← {count.Relationship.Consumer}, which names a department it lacks.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_naming_an_action_the_record_lacks_or_lacking_a_measured_one_names_it()
    {
        var state = State();
        var part = state.Actions[0];
        var extra = new ActionWindowState(ActionId.Parse("act-999"), part.TreatedBefore, part.TreatedAfter, part.ControlBefore, part.ControlAfter, part.TreatedOnTimeBefore, part.TreatedOnTimeAfter, part.ControlOnTimeBefore, part.ControlOnTimeAfter);
        var thrown = FromStateFails(With(state, actions: [.. state.Actions, extra]));
        Assert.StartsWith($"Expected window data of the actions these options measure ({string.Join(", ", state.Actions.Select(a => a.Action))}); got data of action 'act-999' too.", thrown.Message, StringComparison.Ordinal);

        var missing = state.Actions[^1].Action;
        thrown = FromStateFails(new ScorecardState(state.Basis, state.DataBegins, state.Agreements, state.Relationships, state.SetAside, state.Campaign, state.Actions.RemoveAt(state.Actions.Length - 1)));
        Assert.StartsWith($"Expected the window data of measured action '{missing}'; got a state without it.", thrown.Message, StringComparison.Ordinal);

        // An action of the record that is not measured (in flight, abandoned) is as foreign as one the record lacks.
        var unmeasured = Options.Improvement!.Actions.First(a => a.Status != ImprovementStatus.Completed).Id;
        thrown = FromStateFails(With(state, actions: [.. state.Actions, new ActionWindowState(unmeasured, part.TreatedBefore, part.TreatedAfter, part.ControlBefore, part.ControlAfter, default, default, default, default)]));
        Assert.Contains($"got data of action '{unmeasured}' too.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_of_another_campaign_or_of_none_says_which_was_expected()
    {
        var state = State();
        var withoutRecord = Options with { Improvement = null };
        var thrown = FromStateFails(state, withoutRecord);
        Assert.StartsWith($"Expected the counts of the options' latest campaign (none); got counts of campaign 'c-2026-q2' over {state.Campaign!.Window}.", thrown.Message, StringComparison.Ordinal);

        var other = new CampaignCountsState(CampaignId.Parse("c-2026-q1"), state.Campaign.Window, state.Campaign.Relationships);
        thrown = FromStateFails(With(state, campaign: other));
        Assert.StartsWith($"Expected the counts of the options' latest campaign (c-2026-q2); got counts of campaign 'c-2026-q1' over {state.Campaign.Window}.", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AsOf")]
    [InlineData("ComplianceWindow")]
    [InlineData("OverallScale")]
    [InlineData("OtherScales")]
    [InlineData("Dimensions")]
    [InlineData("CsatTopBoxes")]
    public void A_state_whose_basis_differs_from_the_options_names_the_setting_with_both_values(string setting)
    {
        var state = State();
        var (options, expected, got) = setting switch
        {
            "AsOf" => (Options with { AsOf = ScorecardScenario.AsOf + Duration.FromDays(1) }, (ScorecardScenario.AsOf + Duration.FromDays(1)).ToString(), ScorecardScenario.AsOf.ToString()),
            "ComplianceWindow" => (Options with { ComplianceWindow = new Interval(ScorecardScenario.AsOf - Duration.FromDays(30), ScorecardScenario.AsOf) }, new Interval(ScorecardScenario.AsOf - Duration.FromDays(30), ScorecardScenario.AsOf).ToString(), "none"),
            "OverallScale" => (Options with { OverallScale = RatingScale.SevenPoint }, RatingScale.SevenPoint.ToString(), RatingScale.FivePoint.ToString()),
            "OtherScales" => (Options with { OtherScales = OtherScaleRule.Reject }, "Reject", "SetAside"),
            "Dimensions" => (Options with { Dimensions = null }, "none", "[reliability, responsiveness, assurance, empathy, tangibles]"),
            _ => (Options with { CsatTopBoxes = 1 }, "1", "2"),
        };

        var thrown = Assert.Throws<ArgumentException>(() => ScorecardAccumulator.FromState(Scenario.Organization, options, state));
        Assert.Equal("state", thrown.ParamName);
        Assert.StartsWith($"Expected a state accumulated under the options' settings; got one whose {setting} ({expected} vs {got}) differs (the options' value first, the state's second).", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_accumulators_of_two_different_organisations_says_how_they_differ()
    {
        // Two scenarios of the same size: the organisations' descriptions are equal, so the message must say more.
        var other = ScorecardScenario.Create(4, departments: 8, agreements: 10, requests: 80, responses: 140);
        Assert.Equal(Scenario.Organization.ToString(), other.Organization.ToString());
        Assert.NotEqual(Scenario.Organization, other.Organization);
        var options = new ScorecardOptions(ScorecardScenario.AsOf);
        var a = new ScorecardAccumulator(Scenario.Organization, options);
        var b = new ScorecardAccumulator(other.Organization, options);
        Array.ForEach(other.Responses, b.Add);
        var before = a.ToState();

        var thrown = Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Equal("other", thrown.ParamName);
        Assert.StartsWith($"Expected an accumulator of the same organisation ({Scenario.Organization}); got one of {other.Organization}, whose ", thrown.Message, StringComparison.Ordinal);

        // The departments have the same ids (dept-00000 …) but the scenarios hang them under different parents.
        var first = Scenario.Organization.Departments.Zip(other.Organization.Departments).First(p => !p.First.Equals(p.Second)).First.Id;
        Assert.Contains($", whose departments differ first at '{first}', defined otherwise.", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(before, a.ToState());
    }

    [Fact]
    public void Merging_accumulators_of_equal_organisations_built_apart_is_allowed()
    {
        var twin = ScorecardScenario.Create(3, departments: 8, agreements: 10, requests: 80, responses: 140, DimensionSet.Servqual, otherScalePercent: 20, improvement: true);
        Assert.NotSame(Scenario.Organization, twin.Organization);
        var options = Scenario.Options();
        var a = new ScorecardAccumulator(Scenario.Organization, options);
        var b = new ScorecardAccumulator(twin.Organization, twin.Options());
        Array.ForEach(Scenario.Requests, a.Add);
        Array.ForEach(twin.Responses, b.Add);
        a.Merge(b);
        Assert.Null(ScorecardComparer.FirstDifference(Scorecard.Compute(Scenario.Organization, Scenario.Requests, Scenario.Responses, options), a.ToScorecard()));
    }
}
