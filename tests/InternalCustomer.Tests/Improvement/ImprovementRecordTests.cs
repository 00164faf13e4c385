using InternalCustomer.Improvement;
using FsCheck.Xunit;
using NodaTime;
using static InternalCustomer.Tests.Improvement.ImprovementEffectFixture;

namespace InternalCustomer.Tests.Improvement;

/// <summary>The record of meetings and actions: checks against the organisation (problems with locations) and queries.</summary>
public class ImprovementRecordTests
{
    private static readonly AgreementId LogAsm = AgreementId.Parse("log-asm");
    private static readonly AgreementId LogAsm2 = AgreementId.Parse("log-asm-2");
    private static readonly AgreementId LogPaint = AgreementId.Parse("log-paint");

    private static ReviewMeeting Meeting(
        string id,
        LocalDate date,
        Relationship? relationship = null,
        DepartmentId[]? present = null,
        string[]? actions = null,
        AgreementId[]? agreements = null) =>
        new(
            MeetingId.Parse(id),
            relationship ?? Treated,
            date,
            present ?? [Logistics, Assembly],
            "Reviewed the quarter",
            actions?.Select(ActionId.Parse),
            agreements);

    [Fact]
    public void A_meeting_naming_no_agreement_reviews_every_agreement_of_its_pair_in_effect_on_its_date()
    {
        // log-asm from 1 January, log-asm-2 from 1 February: a January meeting reviews log-asm only; a March one both.
        var record = ImprovementRecord.Create(Organization(), [],
            [Meeting("m2", new LocalDate(2026, 3, 5)), Meeting("m1", new LocalDate(2026, 1, 20)), Meeting("m3", new LocalDate(2026, 2, 10), Control, [Logistics, Paint])],
            [Action()]);

        Assert.Equal(["m1", "m2", "m3"], record.Meetings.Select(m => m.Id.Value));
        Assert.Equal(new LocalDate(2026, 3, 5), record.LastReview(LogAsm));
        Assert.Equal(new LocalDate(2026, 3, 5), record.LastReview(LogAsm2));
        Assert.Equal(new LocalDate(2026, 2, 10), record.LastReview(LogPaint));
        Assert.Null(record.LastReview(AgreementId.Parse("other")));
        Assert.Equal([LogAsm, LogAsm2, LogPaint], record.LastReviews.Keys);

        var january = ImprovementRecord.Create(Organization(), [], [Meeting("m1", new LocalDate(2026, 1, 20))], []);
        Assert.Equal(LogAsm, Assert.Single(january.LastReviews).Key);
    }

    [Fact]
    public void A_meeting_naming_agreements_reviews_those_only_and_the_latest_meeting_wins()
    {
        var record = ImprovementRecord.Create(Organization(), [],
            [
                Meeting("m1", new LocalDate(2026, 3, 5), agreements: [LogAsm2]),
                Meeting("m2", new LocalDate(2026, 2, 5), agreements: [LogAsm, LogAsm2]),
            ],
            []);

        Assert.Equal(new LocalDate(2026, 2, 5), record.LastReview(LogAsm));
        Assert.Equal(new LocalDate(2026, 3, 5), record.LastReview(LogAsm2));
    }

    [Fact]
    public void Actions_and_meetings_are_found_by_relationship_and_the_record_compares_by_value()
    {
        var a2 = new ImprovementAction(ActionId.Parse("a2"), Control, Logistics, "Paint route", new LocalDate(2026, 3, 1), ImprovementStatus.InProgress);
        var a0 = new ImprovementAction(ActionId.Parse("a0"), Treated, Assembly, "Kanban cards", new LocalDate(2026, 2, 1), ImprovementStatus.Planned);
        var meetings = new[] { Meeting("m9", new LocalDate(2026, 3, 5), actions: ["a1"]), Meeting("m1", new LocalDate(2026, 4, 5)), Meeting("m5", new LocalDate(2026, 3, 1), Control, [Paint]) };
        var record = ImprovementRecord.Create(Organization(), [], meetings, [Action(), a2, a0]);

        Assert.Equal(["a0", "a1", "a2"], record.Actions.Select(a => a.Id.Value));
        Assert.Equal(["a0", "a1"], record.ActionsOn(Treated).Select(a => a.Id.Value));
        Assert.Equal(["m9", "m1"], record.MeetingsOf(Treated).Select(m => m.Id.Value)); // by date
        Assert.Empty(record.ActionsOn(new Relationship(Hr, Assembly)));
        Assert.Same(a2, record.GetAction(ActionId.Parse("a2")));
        var e = Assert.Throws<ArgumentException>(() => record.GetAction(ActionId.Parse("zz")));
        Assert.Equal("id", e.ParamName);
        Assert.StartsWith("Expected an action of this record; got 'zz', which is not one.", e.Message, StringComparison.Ordinal);

        var again = ImprovementRecord.Create(Organization(), [], meetings.Reverse(), [a0, a2, Action()]);
        Assert.Equal(record, again);
        Assert.Equal(record.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(record, ImprovementRecord.Empty);
        Assert.Equal("Improvement record: 0 campaigns, 3 meetings, 3 actions", record.ToString());
    }

    [Fact]
    public void Every_bad_input_is_a_problem_located_at_its_record_and_naming_it()
    {
        var ghost = Id("ghost");
        ImprovementAction[] actions =
        [
            Action("a1"),
            Action("a2", relationship: new Relationship(Lab, Assembly)), // no agreement, no dependency
            Action("a1"), // duplicate id
            new(ActionId.Parse("a3"), new Relationship(ghost, Assembly), Id("nobody"), "Fix", new LocalDate(2026, 4, 1), ImprovementStatus.Planned),
        ];
        ReviewMeeting[] meetings =
        [
            Meeting("m1", new LocalDate(2025, 12, 1)), // before both agreements of the pair
            Meeting("m2", new LocalDate(2026, 1, 20), agreements: [LogAsm2]), // log-asm-2 starts 1 February
            Meeting("m3", new LocalDate(2026, 3, 1), present: [Logistics, ghost], actions: ["a1", "zz"], agreements: [AgreementId.Parse("nope"), LogPaint]),
            Meeting("m1", new LocalDate(2026, 3, 2)), // duplicate id
            Meeting("m4", new LocalDate(2026, 3, 3), new Relationship(Assembly, Paint)), // no relationship
        ];

        var result = ImprovementRecord.TryCreate(Organization(), [], meetings, actions);

        // Indices inside a meeting are those of its sorted lists: present [ghost, logistics], agreements [log-paint, nope].

        Assert.False(result.IsSuccess);
        Assert.Equal(
            [
                (ProblemKind.UnknownReference, "$.actions[1].relationship"),
                (ProblemKind.DuplicateId, "$.actions[2].id"),
                (ProblemKind.UnknownReference, "$.actions[3].relationship.provider"),
                (ProblemKind.UnknownReference, "$.actions[3].owner"),
                (ProblemKind.InvalidValue, "$.meetings[0].date"),
                (ProblemKind.InvalidValue, "$.meetings[1].date"),
                (ProblemKind.UnknownReference, "$.meetings[2].present[0]"),
                (ProblemKind.UnknownReference, "$.meetings[2].actionsAgreed[1]"),
                (ProblemKind.InvalidValue, "$.meetings[2].agreements[0]"),
                (ProblemKind.UnknownReference, "$.meetings[2].agreements[1]"),
                (ProblemKind.DuplicateId, "$.meetings[3].id"),
                (ProblemKind.UnknownReference, "$.meetings[4].relationship"),
            ],
            result.Problems.Select(p => (p.Kind, p.Location.ToString())));
        Assert.Equal(ProblemLocation.Root.Property("actions").Element(1).Property("relationship"), result.Problems[0].Location);
        Assert.Equal(
            [
                "Action 'a2' is on lab → assembly, a relationship that does not exist: no agreement and no declared dependency between them.",
                "Action 'a1' repeats an id already used by another action.",
                "Action 'a3' names provider 'ghost', which is not a department of this organization.",
                "Action 'a3' is owned by 'nobody', which is not a department of this organization.",
                "Meeting 'm1' is dated 2025-12-01, before every agreement between logistics → assembly starts (the first, 'log-asm', on 2026-01-01).",
                "Meeting 'm2' is dated 2026-01-20, before agreement 'log-asm-2' it reviews starts on 2026-02-01.",
                "Meeting 'm3' lists 'ghost' as present, which is not a department of this organization.",
                "Meeting 'm3' agreed action 'zz', which is not an action of this record.",
                "Meeting 'm3' of logistics → assembly reviews agreement 'log-paint', which is between logistics → paint.",
                "Meeting 'm3' reviews agreement 'nope', which is not an agreement of this organization.",
                "Meeting 'm1' repeats an id already used by another meeting.",
                "Meeting 'm4' is on assembly → paint, a relationship that does not exist: no agreement and no declared dependency between them.",
            ],
            result.Problems.Select(p => p.Message));

        var thrown = Assert.Throws<ProblemException>(() => ImprovementRecord.Create(Organization(), [], meetings, actions));
        Assert.Equal(result.Problems.AsEnumerable(), thrown.Problems.AsEnumerable());
    }

    [Property(MaxTest = 40)]
    public bool The_record_does_not_depend_on_the_order_of_its_inputs(int seed)
    {
        var random = new Random(seed);
        ReviewMeeting[] meetings = [Meeting("m1", new LocalDate(2026, 1, 20)), Meeting("m2", new LocalDate(2026, 3, 5), agreements: [LogAsm2]), Meeting("m3", new LocalDate(2026, 2, 10), Control, [Paint])];
        ImprovementAction[] actions = [Action("a1"), Action("a2", relationship: Control), Action("a3", relationship: new Relationship(Hr, Assembly))];
        var expected = ImprovementRecord.Create(Organization(), [], meetings, actions);
        random.Shuffle(meetings);
        random.Shuffle(actions);
        var shuffled = ImprovementRecord.Create(Organization(), [], meetings, actions);
        return shuffled.Equals(expected) && shuffled.LastReviews.SequenceEqual(expected.LastReviews);
    }

    [Fact]
    public void A_meeting_of_a_pair_with_only_a_dependency_reviews_nothing_and_may_be_dated_any_day()
    {
        var record = ImprovementRecord.Create(Organization(), [], [Meeting("m1", new LocalDate(2020, 1, 1), new Relationship(Hr, Assembly), [Hr])], []);
        Assert.Empty(record.LastReviews);
        Assert.Single(record.MeetingsOf(new Relationship(Hr, Assembly)));
    }

    [Fact]
    public void Null_entries_are_problems_and_null_arguments_throw()
    {
        var result = ImprovementRecord.TryCreate(Organization(), [], [null!], [null!]);
        Assert.Equal(
            [(ProblemKind.MissingValue, "$.actions[0]"), (ProblemKind.MissingValue, "$.meetings[0]")],
            result.Problems.Select(p => (p.Kind, p.Location.ToString())));
        Assert.Equal("organization", Assert.Throws<ArgumentNullException>(() => ImprovementRecord.TryCreate(null!, [], [], [])).ParamName);
        Assert.Equal("meetings", Assert.Throws<ArgumentNullException>(() => ImprovementRecord.TryCreate(Organization(), [], null!, [])).ParamName);
        Assert.Equal("actions", Assert.Throws<ArgumentNullException>(() => ImprovementRecord.TryCreate(Organization(), [], [], null!)).ParamName);
        Assert.Equal("campaigns", Assert.Throws<ArgumentNullException>(() => ImprovementRecord.TryCreate(Organization(), null!, [], [])).ParamName);
    }

    [Fact]
    public void A_meeting_agrees_actions_on_its_own_relationship_only()
    {
        // a-paint is logistics' action for the paint shop; a meeting of logistics and assembly cannot agree it.
        var paintAction = Action("a-paint", Control);
        var result = ImprovementRecord.TryCreate(Organization(), [], [Meeting("m1", new LocalDate(2026, 3, 1), actions: ["a1", "a-paint"])], [Action(), paintAction]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemKind.InvalidValue, "$.meetings[0].actionsAgreed[0]"), (problem.Kind, problem.Location.ToString())); // sorted: [a-paint, a1]
        Assert.Equal("Meeting 'm1' of logistics → assembly agreed action 'a-paint', which is on logistics → paint; a meeting agrees actions on its own relationship.", problem.Message);
    }

    private static FeedbackCampaign Campaign(string id, LocalDate start, params Invitation[] invitations) =>
        new(CampaignId.Parse(id), new DateInterval(start, start.PlusMonths(3).PlusDays(-1)), DateTimeZone.Utc, invitations);

    [Fact]
    public void Campaigns_are_checked_against_the_organisation_with_their_place_in_the_record()
    {
        var unknown = DepartmentId.Parse("canteen");
        var result = ImprovementRecord.TryCreate(
            Organization(),
            [Campaign("q1", new LocalDate(2026, 1, 1), new Invitation(Treated)), null!, Campaign("q1", new LocalDate(2026, 4, 1)), Campaign("q2", new LocalDate(2026, 4, 1), new Invitation(new Relationship(Logistics, unknown)))],
            [],
            []);

        Assert.Equal(
            [(ProblemKind.MissingValue, "$.campaigns[1]"), (ProblemKind.DuplicateId, "$.campaigns[2].id"), (ProblemKind.UnknownReference, "$.campaigns[3].invitations[0].consumer")],
            result.Problems.Select(p => (p.Kind, p.Location.ToString())));
        Assert.Contains("'q1'", result.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("'canteen'", result.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("'q2'", result.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_latest_campaign_is_the_last_one_begun_by_the_instant()
    {
        var q1 = Campaign("q1", new LocalDate(2026, 1, 1), new Invitation(Treated));
        var q2 = Campaign("q2", new LocalDate(2026, 4, 1), new Invitation(Treated));
        var record = ImprovementRecord.Create(Organization(), [q2, q1], [], []);

        Assert.Equal([q1, q2], record.Campaigns.ToArray());
        Assert.Null(record.LatestCampaign(Instant.FromUtc(2025, 12, 31, 23, 59)));
        Assert.Equal(q1, record.LatestCampaign(Instant.FromUtc(2026, 3, 31, 23, 59)));
        Assert.Equal(q2, record.LatestCampaign(Instant.FromUtc(2026, 4, 1, 0, 0)));
        Assert.Equal(q2, record.GetCampaign(CampaignId.Parse("q2")));
        var e = Assert.Throws<ArgumentException>(() => record.GetCampaign(CampaignId.Parse("q9")));
        Assert.Equal("id", e.ParamName);
        Assert.StartsWith("Expected a campaign of this record; got 'q9'", e.Message, StringComparison.Ordinal);
        Assert.NotEqual(record, ImprovementRecord.Create(Organization(), [q1], [], []));
        Assert.Equal(record, ImprovementRecord.Create(Organization(), [q1, q2], [], []));
    }
}
