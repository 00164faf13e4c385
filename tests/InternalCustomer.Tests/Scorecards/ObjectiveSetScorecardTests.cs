using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Tests.Scorecards;

// The issue's agreement: "P1: respond in 30 minutes, resolve in 4 business hours; P3: respond in 1 business day, resolve
// in 5 business days", on a Monday–Friday 09:00–17:00 calendar in UTC. 2 March 2026 is a Monday.
public class ObjectiveSetScorecardTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 31, 0, 0);

    private static Instant Mar(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);

    private static Organization Organization(double p3Target = 0.9)
    {
        var p1 = new ObjectiveSet(
            "P1",
            RequestSelector.ForPriorities(PriorityId.Parse("P1")),
            TimeObjective.FirstResponseWithin(Duration.FromMinutes(30), 0.9),
            TimeObjective.ResolutionWithin(Duration.FromHours(4), 0.9));
        var p3 = new ObjectiveSet(
            "P3",
            RequestSelector.ForPriorities(PriorityId.Parse("P3")),
            TimeObjective.FirstResponseWithinBusinessDays(1, p3Target),
            TimeObjective.ResolutionWithinBusinessDays(5, p3Target));
        var agreement = ServiceAgreement.Create(
            AgreementId.Parse("it-finance"),
            DepartmentId.Parse("it"),
            DepartmentId.Parse("finance"),
            [ServiceId.Parse("desk")],
            CalendarId.Parse("utc"),
            new LocalDate(2026, 1, 1),
            null,
            Period.FromMonths(3),
            [p1, p3],
            null);
        return new OrganizationBuilder()
            .AddDepartment("it", "IT")
            .AddDepartment("finance", "Finance")
            .AddService("desk", "Service desk", "it")
            .AddCalendar(CalendarId.Parse("utc"), BusinessCalendar.WeekdaysNineToFive("Etc/UTC"))
            .AddPriority("P1").AddPriority("P2").AddPriority("P3")
            .AddAgreement(agreement)
            .Build();
    }

    private static ServiceRequest Request(string id, string? priority, Instant opened, Instant firstResponse, Instant resolved) =>
        new(id, AgreementId.Parse("it-finance"), opened, firstResponse, resolved) { Priority = priority is null ? null : PriorityId.Parse(priority) };

    private static ServiceRequest[] Requests() =>
    [
        // P1, opened Mon 09:00: answered 09:20 (within 30 min), resolved 15:00 = 6 business hours > 4: resolution breached.
        Request("INC-1", "P1", Mar(2, 9), Mar(2, 9, 20), Mar(2, 15)),

        // P3, opened Mon 09:00: answered Tue 08:00 (1 business day = Tue 09:00), resolved Fri 16:00 (5 business days = Mon 9 Mar 09:00): both met.
        Request("INC-2", "P3", Mar(2, 9), Mar(3, 8), Mar(6, 16)),

        // P2: no set selects it.
        Request("INC-3", "P2", Mar(2, 9), Mar(2, 10), Mar(2, 11)),
    ];

    [Fact]
    public void Each_set_is_judged_against_its_own_objectives_and_the_p1_breach_does_not_hide_behind_p3()
    {
        var card = Scorecard.Compute(Organization(), Requests(), [], new ScorecardOptions(AsOf));
        var relationship = card.GetRelationship(DepartmentId.Parse("it"), DepartmentId.Parse("finance"))!;

        var objectives = relationship.Objectives.Select(o => (o.ObjectiveSet, o.Kind, o.Tally.Decided, o.Tally.Breached)).ToArray();
        Assert.Equal(
            [("P1", ObjectiveKind.FirstResponse, 1L, 0L), ("P1", ObjectiveKind.Resolution, 1L, 1L), ("P3", ObjectiveKind.FirstResponse, 1L, 0L), ("P3", ObjectiveKind.Resolution, 1L, 0L)],
            objectives);
        Assert.False(relationship.SlaMet);
        Assert.Equal(("P1", ObjectiveKind.Resolution), (relationship.WorstTimeObjective!.ObjectiveSet, relationship.WorstTimeObjective.Kind));
    }

    [Fact]
    public void The_whole_agreement_row_counts_every_request_the_unmatched_one_included()
    {
        var card = Scorecard.Compute(Organization(), Requests(), [], new ScorecardOptions(AsOf));
        var relationship = card.GetRelationship(DepartmentId.Parse("it"), DepartmentId.Parse("finance"))!;

        // INC-1 (P1) and INC-2 (P3) decided, INC-1's resolution breached; INC-3 (P2) matches no set: unmatched, in no set's
        // row but in the whole agreement's. Both sets target 90% with one decided request each: weighted target 0.9.
        var totals = relationship.AgreementTotals.Select(o => (o.ObjectiveSet, o.Kind, o.Target, o.Tally.Decided, o.Tally.Breached, o.Tally.Unmatched)).ToArray();
        Assert.Equal(
            [((string?)null, ObjectiveKind.FirstResponse, 0.9, 2L, 0L, 1L), (null, ObjectiveKind.Resolution, 0.9, 2L, 1L, 1L)],
            totals);
        Assert.Equal(relationship.AgreementTotals.ToArray(), card.AgreementTotals.ToArray());

        // With P3 at 60%: one decided request per set, so the weighted target is (0.9·1 + 0.6·1) / 2 = 0.75; with a second
        // P3 request decided, (0.9·1 + 0.6·2) / 3 = 0.7.
        var lower = Scorecard.Compute(Organization(p3Target: 0.6), Requests(), [], new ScorecardOptions(AsOf)).AgreementTotals;
        Assert.All(lower, o => Assert.Equal(0.75, o.Target, 12));
        var twoP3 = Scorecard.Compute(Organization(p3Target: 0.6), [.. Requests(), Request("INC-4", "P3", Mar(2, 9), Mar(3, 8), Mar(6, 16))], [], new ScorecardOptions(AsOf)).AgreementTotals;
        Assert.All(twoP3, o => Assert.Equal(0.7, o.Target, 12));

        // Not in Objectives: the gap and SlaMet still count each request once, per set.
        Assert.Equal(4, relationship.Objectives.Length);
        Assert.All(relationship.Objectives, o => Assert.NotNull(o.ObjectiveSet));
    }

    [Fact]
    public void A_request_no_set_matches_is_reported_by_validation_and_counted_not_skipped()
    {
        var problems = Scorecard.Validate(Organization(), Requests(), [], new ScorecardOptions(AsOf));
        var problem = Assert.Single(problems);
        Assert.Equal("$.requests[2]", problem.Location.ToString());
        Assert.Contains("matches no objective set of agreement 'it-finance'", problem.Message, StringComparison.Ordinal);

        var timer = Organization().TimerFor(AgreementId.Parse("it-finance"));
        var tally = timer.Tally(Requests(), ObjectiveKind.Resolution, AsOf);
        Assert.Equal((2L, 1L, 1L, 1L), (tally.Decided, tally.Breached, tally.Unmatched, tally.Unmeasured));
    }

    [Fact]
    public void An_undeclared_priority_or_an_uncovered_service_is_a_located_problem()
    {
        var requests = new[]
        {
            Request("INC-9", "P9", Mar(2, 9), Mar(2, 10), Mar(2, 11)),
            new ServiceRequest("INC-8", AgreementId.Parse("it-finance"), Mar(2, 9)) { Priority = PriorityId.Parse("P1"), Service = ServiceId.Parse("payroll") },
        };

        var problems = Scorecard.Validate(Organization(), requests, [], new ScorecardOptions(AsOf));

        Assert.Contains(problems, p => p.Location.ToString() == "$.requests[0].priority" && p.Message.Contains("priority 'P9', which the organization does not declare; it declares P1, P2, P3", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Location.ToString() == "$.requests[1].service" && p.Message.Contains("service 'payroll', which agreement 'it-finance' does not cover", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => Scorecard.Compute(Organization(), requests, [], new ScorecardOptions(AsOf)));
    }

    [Fact]
    public void Budgets_of_the_whole_agreement_are_the_sum_of_the_sets_budgets()
    {
        var timer = Organization().TimerFor(AgreementId.Parse("it-finance"));
        var window = new NodaTime.Interval(Instant.FromUtc(2026, 3, 1, 0, 0), AsOf);
        var whole = Assert.Single(timer.Compliance(Requests(), ObjectiveKind.Resolution, AsOf, [window]).Windows);
        var bySet = timer.ComplianceBySet(Requests(), ObjectiveKind.Resolution, AsOf, [window]);

        Assert.Equal(["P1", "P3"], bySet.Select(s => s.Set.Name));
        Assert.Equal(2, whole.Decided);
        Assert.Equal(bySet.Sum(s => s.Report.Windows[0].Budget.AllowedBreached), whole.Budget.AllowedBreached, 12);
        Assert.Equal(0.2, whole.Budget.AllowedBreached, 12); // 0.1 of one P1 request + 0.1 of one P3 request
    }
}
