using System.Collections.Immutable;
using InternalCustomer.Calendars;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;
using static InternalCustomer.Tests.Improvement.ImprovementEffectFixture;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>The scorecard with an improvement record (<see cref="ScorecardOptions.Improvement"/>): reviews from meetings,
/// actions and effects on relationships and departments, the attention reason, the latest campaign in the organisation
/// health. The effects are checked against <c>ImprovementEffect.Measure</c>
/// over the whole data, the organisation's worked examples by hand.</summary>
public class ScorecardImprovementTests
{
    private static readonly InternalCustomer.Organizations.Organization Worked = ScorecardTests.Example();

    private static ReviewMeeting Meeting(string id, string provider, string consumer, LocalDate date, params string[] agreements) =>
        new(MeetingId.Parse(id), new Relationship(ScorecardTests.Id(provider), ScorecardTests.Id(consumer)), date, [ScorecardTests.Id(provider), ScorecardTests.Id(consumer)], agreements: agreements.Select(AgreementId.Parse));

    private static OrganizationScorecard WorkedCard(ImprovementRecord? record, Instant? asOf = null, IReadOnlyDictionary<AgreementId, LocalDate>? lastReviews = null) =>
        Scorecard.Compute(Worked, ScorecardTests.Requests(), ScorecardTests.Responses(), new ScorecardOptions(asOf ?? ScorecardTests.AsOf) { Improvement = record, LastReviews = lastReviews });

    [Fact]
    public void A_reviewed_agreement_is_no_longer_overdue_and_a_meeting_after_the_as_of_date_does_not_count()
    {
        // Without meetings (ScorecardTests): a-b (monthly from 2026-01-01) due 2026-02-01, 120 days before 2026-06-01;
        // it-a (quarterly) due 2026-04-01, 61 days.
        Assert.Equal([("a-b", 120), ("it-a", 61)], WorkedCard(null).ReviewsDue.Select(r => (r.Agreement.Value, r.DaysOverdue)));

        var record = ImprovementRecord.Create(
            Worked,
            [],
            [
                // it → line-a on 15 May, naming no agreement: reviews it-a (in effect then); next due 15 August.
                Meeting("m-it", "it", "line-a", new LocalDate(2026, 5, 15)),
                // line-a → line-b on 20 April: a-b next due 20 May, 12 days before 1 June.
                Meeting("m-ab-1", "line-a", "line-b", new LocalDate(2026, 4, 20), "a-b"),
                // ... and on 10 June, after the as-of date: not yet held on 1 June.
                Meeting("m-ab-2", "line-a", "line-b", new LocalDate(2026, 6, 10), "a-b"),
            ],
            []);
        var card = WorkedCard(record);

        var due = Assert.Single(card.ReviewsDue);
        Assert.Equal(("a-b", new LocalDate(2026, 4, 20), new LocalDate(2026, 5, 20), 12), (due.Agreement.Value, due.LastReview, due.DueOn, due.DaysOverdue));
        Assert.Equal(1, card.Health.ReviewsDue);
        Assert.Single(card.Findings.OfType<ReviewDue>());

        // As of 1 July the June meeting counts: a-b due 10 July; it-a due 15 August. Nothing is due.
        Assert.Empty(WorkedCard(record, Instant.FromUtc(2026, 7, 1, 0, 0)).ReviewsDue);
    }

    [Fact]
    public void The_last_review_is_the_later_of_the_option_and_the_meetings()
    {
        var record = ImprovementRecord.Create(Worked, [], [Meeting("m-ab", "line-a", "line-b", new LocalDate(2026, 4, 20), "a-b")], []);

        // The option's 10 May is later than the meeting's 20 April: due 10 June, not yet. it-a keeps its 61 days.
        var later = WorkedCard(record, lastReviews: new Dictionary<AgreementId, LocalDate> { [AgreementId.Parse("a-b")] = new LocalDate(2026, 5, 10) });
        Assert.Equal([("it-a", 61)], later.ReviewsDue.Select(r => (r.Agreement.Value, r.DaysOverdue)));

        // The option's 1 March is earlier: the meeting's 20 April counts, due 20 May, 12 days (most overdue first).
        var earlier = WorkedCard(record, lastReviews: new Dictionary<AgreementId, LocalDate> { [AgreementId.Parse("a-b")] = new LocalDate(2026, 3, 1) });
        Assert.Equal([("it-a", 61), ("a-b", 12)], earlier.ReviewsDue.Select(r => (r.Agreement.Value, r.DaysOverdue)));
    }

    [Fact]
    public void LastReviewOn_is_the_latest_meeting_on_or_before_the_date()
    {
        var record = ImprovementRecord.Create(
            Worked,
            [],
            [
                Meeting("m1", "line-a", "line-b", new LocalDate(2026, 2, 10), "a-b"),
                Meeting("m2", "line-a", "line-b", new LocalDate(2026, 4, 20), "a-b"),
                Meeting("m3", "line-a", "line-b", new LocalDate(2026, 4, 20)),
            ],
            []);
        var ab = AgreementId.Parse("a-b");

        Assert.Null(record.LastReviewOn(ab, new LocalDate(2026, 2, 9)));
        Assert.Equal(new LocalDate(2026, 2, 10), record.LastReviewOn(ab, new LocalDate(2026, 2, 10)));
        Assert.Equal(new LocalDate(2026, 2, 10), record.LastReviewOn(ab, new LocalDate(2026, 4, 19)));
        Assert.Equal(new LocalDate(2026, 4, 20), record.LastReviewOn(ab, new LocalDate(2026, 12, 31)));
        Assert.Null(record.LastReviewOn(AgreementId.Parse("it-a"), new LocalDate(2026, 12, 31)));
        Assert.Null(ImprovementRecord.Empty.LastReviewOn(ab, new LocalDate(2026, 12, 31)));
    }

    private static readonly ImprovementAction InFlight = new(
        ActionId.Parse("a2"), Control, Logistics, "Fixed pick-up slots", new LocalDate(2026, 5, 4), ImprovementStatus.InProgress);

    // Completed on 15 June, after the as-of date: on 1 June it was still being carried out.
    private static readonly ImprovementAction CompletedLater = new(
        ActionId.Parse("a3"), Control, Logistics, "Second van", new LocalDate(2026, 5, 11), ImprovementStatus.Completed, new LocalDate(2026, 6, 15));

    // Planned to start after the as-of date: not an action on the relationship yet.
    private static readonly ImprovementAction Later = new(
        ActionId.Parse("a4"), Treated, Logistics, "Kanban boards", new LocalDate(2026, 7, 1), ImprovementStatus.Planned);

    private static ImprovementRecord FixtureRecord() => ImprovementRecord.Create(Organization(), [], [], [Action(), InFlight, CompletedLater, Later]);

    private static OrganizationScorecard FixtureCard(ImprovementRecord? record) =>
        Scorecard.Compute(Organization(), Requests(), Responses(), new ScorecardOptions(AsOf) { Improvement = record });

    [Fact]
    public void Effects_appear_on_the_relationship_and_department_views_as_ImprovementEffect_measures_them_over_all_the_data()
    {
        var record = FixtureRecord();
        var card = FixtureCard(record);

        // The direct measurement over every request and response, with the default effect options (the scorecard's
        // defaults: 95%, top two boxes, five responses): no detectable change against the control (ImprovementEffectTests).
        var direct = ImprovementEffect.Measure(Organization(), record, ActionId.Parse("a1"), Requests(), Responses(), new EffectOptions(AsOf));
        var treated = card.GetRelationship(Logistics, Assembly)!;
        var effect = Assert.Single(treated.Effects);
        Assert.Equal(direct, effect);
        Assert.Equal(EffectVerdict.NoDetectableChange, effect.Verdict);
        Assert.Equal(["a1"], treated.Actions.Select(a => a.Id.Value));
        Assert.Empty(treated.ActionsInFlight);

        // logistics → paint: a2 in progress and a3 completed after the as-of date are in flight; no effect yet.
        var control = card.GetRelationship(Logistics, Paint)!;
        Assert.Equal(["a2", "a3"], control.Actions.Select(a => a.Id.Value));
        Assert.Equal(["a2", "a3"], control.ActionsInFlight.Select(a => a.Id.Value));
        Assert.Empty(control.Effects);

        // Departments: logistics as supplier of both; assembly and paint as customers; hr and lab see nothing.
        Assert.Equal(new[] { effect }, card.GetDepartment(Logistics).Effects.AsEnumerable());
        Assert.Equal(["a2", "a3"], card.GetDepartment(Logistics).ActionsInFlight.Select(a => a.Id.Value));
        Assert.Equal(new[] { effect }, card.GetDepartment(Assembly).Effects.AsEnumerable());
        Assert.Empty(card.GetDepartment(Assembly).ActionsInFlight);
        Assert.Equal(["a2", "a3"], card.GetDepartment(Paint).ActionsInFlight.Select(a => a.Id.Value));
        Assert.Empty(card.GetDepartment(Paint).Effects);
        Assert.All(new[] { Hr, Lab }, d => Assert.True(card.GetDepartment(d).Effects.IsEmpty && card.GetDepartment(d).ActionsInFlight.IsEmpty));
    }

    [Fact]
    public void Without_a_record_or_before_the_completion_there_are_no_effects()
    {
        var none = FixtureCard(null);
        Assert.All(none.Relationships, r => Assert.True(r.Actions.IsEmpty && r.ActionsInFlight.IsEmpty && r.Effects.IsEmpty));
        Assert.All(none.Departments, d => Assert.True(d.ActionsInFlight.IsEmpty && d.Effects.IsEmpty));

        // As of 9 April 22:00 UTC (midnight in Berlin, the start of the completion day 10 April): the after window has not
        // begun, so a1 is still in flight and has no effect; an hour later it has one.
        var record = FixtureRecord();
        var atCompletion = Scorecard.Compute(Organization(), Requests(), Responses(), new ScorecardOptions(Instant.FromUtc(2026, 4, 9, 22, 0)) { Improvement = record });
        var treated = atCompletion.GetRelationship(Logistics, Assembly)!;
        Assert.Empty(treated.Effects);
        Assert.Equal(["a1"], treated.ActionsInFlight.Select(a => a.Id.Value));

        var anHourLater = Scorecard.Compute(Organization(), Requests(), Responses(), new ScorecardOptions(Instant.FromUtc(2026, 4, 9, 23, 0)) { Improvement = record });
        Assert.Single(anHourLater.GetRelationship(Logistics, Assembly)!.Effects);
        Assert.Empty(anHourLater.GetRelationship(Logistics, Assembly)!.ActionsInFlight);
    }

    [Fact]
    public void An_attention_item_with_an_action_under_way_says_so_in_its_reason()
    {
        var card = FixtureCard(FixtureRecord());

        // logistics → paint: 8 of 12 resolved on time against 90%: a gap, so on the attention list.
        var item = card.Attention.Single(a => a.Provider == Logistics && a.Consumer == Paint);
        Assert.True(item.HasActionUnderWay);
        Assert.Equal(["a2", "a3"], item.ActionsUnderWay.Select(a => a.Id.Value));
        var reason = FindingText.Describe(item);
        Assert.Contains("action a2 (\"Fixed pick-up slots\", owned by logistics) has been under way since 2026-05-04", reason, StringComparison.Ordinal);
        Assert.Contains("action a3 (\"Second van\", owned by logistics) has been under way since 2026-05-11", reason, StringComparison.Ordinal);

        // The same item without a record says nothing of actions.
        var plain = FixtureCard(null).Attention.Single(a => a.Provider == Logistics && a.Consumer == Paint);
        Assert.False(plain.HasActionUnderWay);
        Assert.DoesNotContain("under way", FindingText.Describe(plain), StringComparison.Ordinal);
        // The actions come after the other reasons, before what is at stake.
        Assert.Equal(
            FindingText.Describe(plain).Replace(
                ". Dependence",
                "; action a2 (\"Fixed pick-up slots\", owned by logistics) has been under way since 2026-05-04; action a3 (\"Second van\", owned by logistics) has been under way since 2026-05-11. Dependence",
                StringComparison.Ordinal),
            reason);
    }

    private static FeedbackCampaign Campaign(string id, LocalDate start, LocalDate end) => new(
        CampaignId.Parse(id),
        new DateInterval(start, end),
        DateTimeZone.Utc,
        [
            new Invitation(new Relationship(ScorecardTests.Id("it"), ScorecardTests.Id("line-a")), 2),
            new Invitation(new Relationship(ScorecardTests.Id("hr"), ScorecardTests.Id("line-a")), 5),
            new Invitation(new Relationship(ScorecardTests.Id("line-a"), ScorecardTests.Id("line-b")), 3),
        ]);

    [Fact]
    public void Organisation_health_shows_the_latest_campaign_s_response_rate_and_coverage()
    {
        // May: line-a rates it 5 times (20–24 May), hr 20 times (20 May); line-b never rates line-a. A July campaign has
        // not begun on 1 June; an April one is older.
        var record = ImprovementRecord.Create(
            Worked,
            [Campaign("q-apr", new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30)), Campaign("q-may", new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 31)), Campaign("q-jul", new LocalDate(2026, 7, 1), new LocalDate(2026, 7, 31))],
            [],
            []);
        var health = WorkedCard(record).Health;

        // Answered = min(responses, invited): 2 of 2, 5 of 5, 0 of 3 → 7 / 10. Covered at five responses: it (5) and
        // hr (20), not line-b (0) → 2 of 3. Line-b answered none of its invitations.
        Assert.Equal(CampaignId.Parse("q-may"), health.Campaign);
        Assert.Equal(0.7, health.CampaignResponseRate!.Value, 12);
        Assert.Equal(2.0 / 3, health.CampaignCoverage!.Value, 12);
        Assert.Equal(new[] { ScorecardTests.Id("line-b") }, health.NonRespondingConsumers.AsEnumerable());
        Assert.Equal(25, health.LatestCampaign!.Responses);

        // As of 22 May 00:00: it has been rated on 20 and 21 May only (2 responses, still 2 answered of 2): 7 / 10, but
        // coverage 1 of 3 (it below five).
        var early = WorkedCard(record, Instant.FromUtc(2026, 5, 22, 0, 0)).Health;
        Assert.Equal(0.7, early.CampaignResponseRate!.Value, 12);
        Assert.Equal(1.0 / 3, early.CampaignCoverage!.Value, 12);
        Assert.Equal(22, early.LatestCampaign!.Responses);

        // Without a record, or before any campaign: nothing.
        foreach (var none in new[] { WorkedCard(null).Health, WorkedCard(ImprovementRecord.Create(Worked, [Campaign("q-jul", new LocalDate(2026, 7, 1), new LocalDate(2026, 7, 31))], [], [])).Health })
        {
            Assert.Null(none.LatestCampaign);
            Assert.Null(none.Campaign);
            Assert.Null(none.CampaignResponseRate);
            Assert.Null(none.CampaignCoverage);
            Assert.Empty(none.NonRespondingConsumers);
        }
    }

    [Fact]
    public void Validate_reports_an_action_dimension_that_is_not_one_of_the_options_dimensions()
    {
        var organization = Organization();
        ImprovementAction On(string? dimension) => new(ActionId.Parse("a1"), Treated, Logistics, "Second forklift shift", new LocalDate(2026, 4, 1), ImprovementStatus.InProgress, dimension: dimension);
        ImmutableArray<Problem> Problems(string? dimension, DimensionSet? dimensions) =>
            Scorecard.Validate(organization, [], [], new ScorecardOptions(Instant.FromUtc(2026, 6, 1, 0, 0)) { Improvement = ImprovementRecord.Create(organization, [], [], [On(dimension)]), Dimensions = dimensions });

        var problem = Assert.Single(Problems("speed", DimensionSet.Servqual));
        Assert.Equal((ProblemKind.UnknownReference, "$.options.improvement.actions[0].dimension"), (problem.Kind, problem.Location.ToString()));
        Assert.Contains("\"speed\", which is not one of the options' dimensions (", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Problems("reliability", DimensionSet.Servqual));
        Assert.Empty(Problems("speed", null)); // no dimension set: the name is free text
        Assert.Empty(Problems(null, DimensionSet.Servqual));
    }

    [Fact]
    public void Validate_reports_a_record_of_another_organisation_with_locations_under_options_improvement()
    {
        // The record fits the fixture organisation (logistics, assembly, paint, hr; agreement log-asm) but not the worked one.
        var other = Organization();
        var record = ImprovementRecord.Create(
            other,
            [new FeedbackCampaign(CampaignId.Parse("c1"), new DateInterval(new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 31)), DateTimeZone.Utc, [new Invitation(Treated)])],
            [new ReviewMeeting(MeetingId.Parse("m1"), Treated, new LocalDate(2026, 5, 4), [Assembly, Logistics], agreements: [AgreementId.Parse("log-asm")])],
            [Action()]);
        var options = new ScorecardOptions(ScorecardTests.AsOf) { Improvement = record };

        var problems = Scorecard.Validate(Worked, ScorecardTests.Requests(), ScorecardTests.Responses(), options);

        var root = ProblemLocation.Root.Property("options").Property("improvement");
        Assert.Equal(
            [
                (ProblemKind.UnknownReference, root.Property("campaigns").Element(0).Property("invitations").Element(0).Property("provider")),
                (ProblemKind.UnknownReference, root.Property("campaigns").Element(0).Property("invitations").Element(0).Property("consumer")),
                (ProblemKind.UnknownReference, root.Property("actions").Element(0).Property("relationship").Property("provider")),
                (ProblemKind.UnknownReference, root.Property("actions").Element(0).Property("relationship").Property("consumer")),
                (ProblemKind.UnknownReference, root.Property("actions").Element(0).Property("owner")),
                (ProblemKind.UnknownReference, root.Property("meetings").Element(0).Property("relationship").Property("provider")),
                (ProblemKind.UnknownReference, root.Property("meetings").Element(0).Property("relationship").Property("consumer")),
                (ProblemKind.UnknownReference, root.Property("meetings").Element(0).Property("present").Element(0)),
                (ProblemKind.UnknownReference, root.Property("meetings").Element(0).Property("present").Element(1)),
                (ProblemKind.UnknownReference, root.Property("meetings").Element(0).Property("agreements").Element(0)),
            ],
            problems.Select(p => (p.Kind, p.Location)));
        Assert.Equal("Action 'a1' is owned by 'logistics', which is not a department of this organization.", problems[4].Message);
        Assert.Equal("Meeting 'm1' reviews agreement 'log-asm', which is not an agreement of this organization.", problems[9].Message);

        // Compute throws the first problem, for parameter options.
        var thrown = Assert.Throws<ArgumentException>(() => Scorecard.Compute(Worked, ScorecardTests.Requests(), ScorecardTests.Responses(), options));
        Assert.Equal("options", thrown.ParamName);
        Assert.StartsWith(problems[0].Message, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_an_action_on_a_relationship_this_organisation_lacks_and_a_meeting_on_another_pair_s_agreement()
    {
        // Both organisations have it, hr, line-a and line-b; only the second has agreements it → line-b and hr-b for hr → line-b.
        var wider = InternalCustomer.Organizations.Organization.CreateBuilder()
            .AddDepartment("it", "IT")
            .AddDepartment("hr", "HR")
            .AddDepartment("line-a", "Line A")
            .AddDepartment("line-b", "Line B")
            .AddService("desk", "Service desk", "it")
            .AddService("payroll", "Payroll", "hr")
            .AddCalendar("always", BusinessCalendar.AlwaysOpen("Etc/UTC"))
            .AddAgreement(new AgreementDraft("it-b") { Provider = "it", Consumer = "line-b", Services = ["desk"], Calendar = "always", EffectiveFrom = new LocalDate(2026, 1, 1), ReviewCadence = Period.FromMonths(3), Resolution = new ObjectiveDraft(within: Duration.FromHours(4), target: 0.9) })
            .AddAgreement(new AgreementDraft("hr-a") { Provider = "hr", Consumer = "line-b", Services = ["payroll"], Calendar = "always", EffectiveFrom = new LocalDate(2026, 1, 1), ReviewCadence = Period.FromMonths(3), Resolution = new ObjectiveDraft(within: Duration.FromHours(4), target: 0.9) })
            .Build();
        var itB = new Relationship(ScorecardTests.Id("it"), ScorecardTests.Id("line-b"));
        var hrB = new Relationship(ScorecardTests.Id("hr"), ScorecardTests.Id("line-b"));
        var record = ImprovementRecord.Create(
            wider,
            [],
            [new ReviewMeeting(MeetingId.Parse("m1"), hrB, new LocalDate(2026, 5, 4), [ScorecardTests.Id("hr")], agreements: [AgreementId.Parse("hr-a")])],
            [new ImprovementAction(ActionId.Parse("x1"), itB, ScorecardTests.Id("it"), "Desk for line B", new LocalDate(2026, 5, 1), ImprovementStatus.InProgress)]);

        var problems = Scorecard.Validate(Worked, ScorecardTests.Requests(), ScorecardTests.Responses(), new ScorecardOptions(ScorecardTests.AsOf) { Improvement = record });

        var root = ProblemLocation.Root.Property("options").Property("improvement");
        Assert.Equal(
            [
                (ProblemKind.UnknownReference, root.Property("actions").Element(0).Property("relationship")),
                (ProblemKind.UnknownReference, root.Property("meetings").Element(0).Property("relationship")),
                (ProblemKind.InvalidValue, root.Property("meetings").Element(0).Property("agreements").Element(0)),
            ],
            problems.Select(p => (p.Kind, p.Location)));
        Assert.Equal(
            "Action 'x1' is on it → line-b, a relationship that does not exist: no agreement and no declared dependency between them.",
            problems[0].Message);
        Assert.Equal(
            "Meeting 'm1' of hr → line-b reviews agreement 'hr-a', which is between hr → line-a.",
            problems[2].Message);
    }
}
