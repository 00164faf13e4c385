using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

/// <summary>Shared fixtures of the issue-11 agreement tests: a Monday–Friday 09:00–17:00 calendar in UTC (so local time
/// is the instant's UTC time and hours can be counted on fingers) and March 2026, whose 2nd is a Monday.</summary>
internal static class Desk
{
    public static readonly AgreementId Id = AgreementId.Parse("it-finance");
    public static readonly PriorityId P1 = PriorityId.Parse("P1");
    public static readonly PriorityId P2 = PriorityId.Parse("P2");
    public static readonly PriorityId P3 = PriorityId.Parse("P3");
    public static readonly PriorityId P4 = PriorityId.Parse("P4");
    public static readonly ServiceId Laptops = ServiceId.Parse("laptops");
    public static readonly ServiceId Payroll = ServiceId.Parse("payroll-run");
    public static readonly BusinessCalendar Utc = BusinessCalendar.WeekdaysNineToFive("Etc/UTC");

    /// <summary>An instant in March 2026, UTC.</summary>
    public static Instant Mar(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);

    public static ServiceAgreement Agreement(IEnumerable<ObjectiveSet> sets) => ServiceAgreement.Create(
        Id,
        DepartmentId.Parse("it"),
        DepartmentId.Parse("finance"),
        [Laptops, Payroll],
        CalendarId.Parse("utc"),
        new LocalDate(2026, 1, 1),
        null,
        Period.FromMonths(3),
        sets,
        null);

    public static ServiceAgreement Single(TimeObjective? firstResponse, TimeObjective? resolution) => new(
        Id,
        DepartmentId.Parse("it"),
        DepartmentId.Parse("finance"),
        [Laptops],
        CalendarId.Parse("utc"),
        new LocalDate(2026, 1, 1),
        null,
        Period.FromMonths(3),
        firstResponse,
        resolution);

    /// <summary>The issue's agreement: "P1: respond in 30 minutes, resolve in 4 business hours; P3: respond in 1 business
    /// day, resolve in 5 business days" (targets 0.9 and 0.5), and P4 promising a resolution in 16 business hours only.</summary>
    public static ServiceAgreement IssueAgreement(ClockConditions? firstResponseClock = null, ClockConditions? resolutionClock = null)
    {
        TimeObjective F(TimeObjective o) => firstResponseClock is null ? o : o.WithClock(firstResponseClock);
        TimeObjective R(TimeObjective o) => resolutionClock is null ? o : o.WithClock(resolutionClock);
        return Agreement([
            new ObjectiveSet("P1", RequestSelector.ForPriorities(P1), F(TimeObjective.FirstResponseWithin(Duration.FromMinutes(30), 0.9)), R(TimeObjective.ResolutionWithin(Duration.FromHours(4), 0.9))),
            new ObjectiveSet("P3", RequestSelector.ForPriorities(P3), F(TimeObjective.FirstResponseWithinBusinessDays(1, 0.5)), R(TimeObjective.ResolutionWithinBusinessDays(5, 0.5))),
            new ObjectiveSet("P4", RequestSelector.ForPriorities(P4), null, R(TimeObjective.ResolutionWithin(Duration.FromHours(16), 0.5))),
        ]);
    }

    public static ServiceRequest Shorthand(string id, PriorityId? priority, Instant opened, Instant? firstResponse = null, Instant? resolved = null) =>
        new(id, Id, opened, firstResponse, resolved) { Priority = priority };
}

public class ObjectiveSetTests
{
    private static readonly SlaTimer Timer = new(Desk.IssueAgreement(), Desk.Utc);

    // P1, opened Mon 2 Mar 10:00, answered 10:20, resolved 15:00.
    //   First response: 20 min ≤ 30 min → Met at 10:20, allowed 30 min.
    //   Resolution: 4 business hours from 10:00 → deadline Mon 14:00; resolved 15:00 → Breached, decided at 14:00; elapsed 5 h.
    private static readonly ServiceRequest P1Late = Desk.Shorthand("INC-1", Desk.P1, Desk.Mar(2, 10), Desk.Mar(2, 10, 20), Desk.Mar(2, 15));

    // P3, opened Mon 2 Mar 10:00, answered Tue 3 Mar 09:30, resolved Fri 6 Mar 16:00.
    //   First response: 1 business day from Mon 10:00 → Tue 10:00; allowed = business time Mon 10:00→Tue 10:00 = 7 h + 1 h = 8 h;
    //     elapsed Mon 10–17 (7 h) + Tue 09–09:30 (0.5 h) = 7.5 h → Met at Tue 09:30.
    //   Resolution: 5 business days from Mon 10:00 → Mon 9 Mar 10:00; allowed = 5 × 8 h = 40 h;
    //     elapsed Mon 7 h + Tue, Wed, Thu 24 h + Fri 09–16 7 h = 38 h → Met at Fri 16:00.
    private static readonly ServiceRequest P3OnTime = Desk.Shorthand("INC-3", Desk.P3, Desk.Mar(2, 10), Desk.Mar(3, 9, 30), Desk.Mar(6, 16));

    private static readonly Instant AsOf = Desk.Mar(10, 12);

    [Fact]
    public void The_issue_scenario_breaches_the_P1_request_and_meets_the_P3_one()
    {
        var p1Response = Timer.Evaluate(P1Late, ObjectiveKind.FirstResponse, AsOf);
        Assert.Equal((SlaState.Met, "P1", Duration.FromMinutes(30), Duration.FromMinutes(20), Desk.Mar(2, 10, 20)), (p1Response.State, p1Response.ObjectiveSet, p1Response.Allowed, p1Response.Elapsed, p1Response.DecidedAt));

        var p1 = Timer.Evaluate(P1Late, ObjectiveKind.Resolution, AsOf);
        Assert.Equal((SlaState.Breached, "P1", Duration.FromHours(4), Duration.FromHours(5)), (p1.State, p1.ObjectiveSet, p1.Allowed, p1.Elapsed));
        Assert.Equal(Desk.Mar(2, 14), p1.Deadline);
        Assert.Equal(Desk.Mar(2, 14), p1.DecidedAt);

        var p3Response = Timer.Evaluate(P3OnTime, ObjectiveKind.FirstResponse, AsOf);
        Assert.Equal((SlaState.Met, "P3", Duration.FromHours(8), Duration.FromMinutes(450)), (p3Response.State, p3Response.ObjectiveSet, p3Response.Allowed, p3Response.Elapsed));
        Assert.Equal(Desk.Mar(3, 10), p3Response.Deadline);

        var p3 = Timer.Evaluate(P3OnTime, ObjectiveKind.Resolution, AsOf);
        Assert.Equal((SlaState.Met, "P3", Duration.FromHours(40), Duration.FromHours(38)), (p3.State, p3.ObjectiveSet, p3.Allowed, p3.Elapsed));
        Assert.Equal(Desk.Mar(9, 10), p3.Deadline);
        Assert.Equal(Desk.Mar(6, 16), p3.DecidedAt);
    }

    [Fact]
    public void A_request_no_set_matches_is_unmatched_and_counted_never_skipped()
    {
        // P2 has no set; neither has a request without a priority.
        var p2 = Desk.Shorthand("INC-2", Desk.P2, Desk.Mar(2, 10), resolved: Desk.Mar(2, 11));
        var none = Desk.Shorthand("INC-0", null, Desk.Mar(2, 10));

        var e = Timer.Evaluate(p2, ObjectiveKind.Resolution, AsOf);
        Assert.Equal(SlaState.Unmatched, e.State);
        Assert.Null(e.ObjectiveSet);
        Assert.False(e.IsMeasured);
        Assert.False(e.IsDecided);
        Assert.Equal(SlaState.Unmatched, Timer.Evaluate(none, ObjectiveKind.Resolution, AsOf).State);

        // Tally of [P1 breached, P3 met, P2 unmatched, none unmatched]: 2 decided, 1 breached, 2 unmatched, 2 not measured.
        var tally = Timer.Tally([P1Late, P3OnTime, p2, none], ObjectiveKind.Resolution, AsOf);
        Assert.Equal(new SlaTally(2, 1, 0, 0) { Unmatched = 2, Unmeasured = 2 }, tally);
        Assert.Equal("2 decided (1 breached), 0 in flight (0 at risk), 2 not measured (2 unmatched)", tally.ToString());

        var report = Timer.Compliance([P1Late, P3OnTime, p2, none], ObjectiveKind.Resolution, AsOf, [new Interval(Desk.Mar(1, 0), Desk.Mar(31, 0))]);
        Assert.Equal((2L, 2L), (report.Unmatched, report.Unmeasured));
        Assert.Equal(2, report.Windows[0].Decided);
    }

    [Fact]
    public void A_set_without_a_first_response_objective_does_not_measure_first_responses()
    {
        // P4 promises a resolution only: its first response is NotMeasured (the set is named), its resolution is measured:
        // opened Mon 10:00, resolved Tue 10:00 = 8 h ≤ 16 h → Met.
        var p4 = Desk.Shorthand("INC-4", Desk.P4, Desk.Mar(2, 10), Desk.Mar(2, 11), Desk.Mar(3, 10));

        var response = Timer.Evaluate(p4, ObjectiveKind.FirstResponse, AsOf);
        Assert.Equal((SlaState.NotMeasured, "P4"), (response.State, response.ObjectiveSet));
        Assert.False(response.IsMeasured);
        Assert.Equal(SlaState.Met, Timer.Evaluate(p4, ObjectiveKind.Resolution, AsOf).State);

        var tally = Timer.Tally([p4, P1Late], ObjectiveKind.FirstResponse, AsOf);
        Assert.Equal(new SlaTally(1, 0, 0, 0) { Unmatched = 0, Unmeasured = 1 }, tally);
    }

    [Fact]
    public void Select_set_finds_the_one_matching_set_or_none()
    {
        var agreement = Desk.IssueAgreement();
        Assert.Equal("P1", agreement.SelectSet(Desk.P1, null, null)?.Name);
        Assert.Equal("P3", agreement.SelectSet(Desk.P3, Desk.Laptops, "Hardware")?.Name);
        Assert.Null(agreement.SelectSet(Desk.P2, null, null));
        Assert.Null(agreement.SelectSet(null, null, null));
        Assert.True(agreement.Measures(ObjectiveKind.FirstResponse));
        Assert.True(agreement.Measures(ObjectiveKind.Resolution));

        // With several sets there is no single objective: the agreement-level properties are null.
        Assert.Null(agreement.FirstResponse);
        Assert.Null(agreement.Resolution);
        Assert.Equal(["P1", "P3", "P4"], agreement.ObjectiveSets.Select(s => s.Name));
    }

    [Fact]
    public void The_single_objective_constructor_makes_one_default_set_for_every_request()
    {
        var single = Desk.Single(null, TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9));
        var only = Assert.Single(single.ObjectiveSets);
        Assert.Equal((ObjectiveSet.DefaultName, true), (only.Name, only.Selector.IsAny));
        Assert.False(single.Measures(ObjectiveKind.FirstResponse));

        // A request of any class lands in "default".
        var e = new SlaTimer(single, Desk.Utc).Evaluate(Desk.Shorthand("X", Desk.P2, Desk.Mar(2, 9), resolved: Desk.Mar(2, 12)), ObjectiveKind.Resolution, AsOf);
        Assert.Equal((SlaState.Met, "default"), (e.State, e.ObjectiveSet));
    }

    [Fact]
    public void Selectors_match_every_non_empty_dimension()
    {
        var selector = new RequestSelector([Desk.P2, Desk.P1], [Desk.Laptops], ["Hardware"]);
        Assert.Equal([Desk.P1, Desk.P2], selector.Priorities.ToArray()); // kept sorted
        Assert.True(selector.Matches(Desk.P1, Desk.Laptops, "Hardware"));
        Assert.False(selector.Matches(Desk.P3, Desk.Laptops, "Hardware"));
        Assert.False(selector.Matches(Desk.P1, Desk.Payroll, "Hardware"));
        Assert.False(selector.Matches(Desk.P1, Desk.Laptops, "hardware")); // ordinal
        Assert.False(selector.Matches(Desk.P1, null, "Hardware")); // no value matches only "any"
        Assert.True(RequestSelector.Any.Matches(null, null, null));

        // A request by its class at an instant: a status log raised from P3 to P1 at Mon 11:00 matches from then on.
        var raised = ServiceRequest.FromStatusLog(
            "INC-3",
            Desk.Id,
            [new StatusChange(Desk.Mar(2, 9), "new", Desk.P3), new StatusChange(Desk.Mar(2, 11), "in progress", Desk.P1)])
            .WithClass(Desk.P3, Desk.Laptops, "Hardware");
        Assert.False(selector.Matches(raised, Desk.Mar(2, 10)));
        Assert.True(selector.Matches(raised, Desk.Mar(2, 11)));
        var shorthand = new ServiceRequest("INC-4", Desk.Id, Desk.Mar(2, 9)) { Priority = Desk.P2, Service = Desk.Laptops, Category = "Hardware" };
        Assert.True(selector.Matches(shorthand, Desk.Mar(2, 9)));
        Assert.False(selector.Matches(shorthand.WithClass(Desk.P2, Desk.Laptops, "Software"), Desk.Mar(2, 9)));
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => selector.Matches(null!, Desk.Mar(2, 9))).ParamName);
        Assert.Equal("priority P1 or P2, service laptops, category Hardware", selector.ToString());
        Assert.Equal("any request", RequestSelector.Any.ToString());

        // Overlap: every dimension shares a value or allows any.
        Assert.True(selector.Overlaps(RequestSelector.ForPriorities(Desk.P2)));
        Assert.False(selector.Overlaps(RequestSelector.ForPriorities(Desk.P3)));
        Assert.False(selector.Overlaps(new RequestSelector(null, null, ["Software"])));
        Assert.True(selector.Overlaps(new RequestSelector(null, [Desk.Laptops], null)));
        Assert.Equal(new RequestSelector([Desk.P1, Desk.P2]), new RequestSelector([Desk.P2, Desk.P1]));
    }

    [Fact]
    public void Two_sets_that_both_match_some_request_are_rejected_naming_both()
    {
        var ex = Assert.Throws<ArgumentException>(() => Desk.Agreement([
            new ObjectiveSet("urgent", RequestSelector.ForPriorities(Desk.P1, Desk.P2), null, TimeObjective.ResolutionWithin(Duration.FromHours(4), 0.9)),
            new ObjectiveSet("hardware", new RequestSelector(null, null, ["Hardware"]), null, TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9)),
        ]));
        Assert.Equal("objectiveSets", ex.ParamName);
        Assert.Contains("'urgent'", ex.Message);
        Assert.Contains("'hardware'", ex.Message);
        Assert.Contains("At most one objective set may apply", ex.Message);
    }

    [Fact]
    public void Sets_are_checked_for_names_services_and_nulls()
    {
        var resolve = TimeObjective.ResolutionWithin(Duration.FromHours(4), 0.9);

        var twice = Assert.Throws<ArgumentException>(() => Desk.Agreement([
            new ObjectiveSet("P1", RequestSelector.ForPriorities(Desk.P1), null, resolve),
            new ObjectiveSet("P1", RequestSelector.ForPriorities(Desk.P2), null, resolve),
        ]));
        Assert.Equal("objectiveSets", twice.ParamName);
        Assert.Contains("'P1' is used by sets 0 and 1", twice.Message);

        var uncovered = Assert.Throws<ArgumentException>(() => Desk.Single(null, resolve) is var a
            ? ServiceAgreement.Create(a.Id, a.Provider, a.Consumer, [Desk.Laptops], a.Calendar, a.EffectiveFrom, null, a.ReviewCadence,
                [new ObjectiveSet("payroll", new RequestSelector(null, [Desk.Payroll], null), null, resolve)], null)
            : null);
        Assert.Equal("objectiveSets", uncovered.ParamName);
        Assert.Contains("selects service 'payroll-run'", uncovered.Message);
        Assert.Contains("it covers laptops", uncovered.Message);

        var nullSet = Assert.Throws<ArgumentException>(() => Desk.Agreement([new ObjectiveSet("P1", RequestSelector.ForPriorities(Desk.P1), null, resolve), null!]));
        Assert.Equal("objectiveSets", nullSet.ParamName);
        Assert.Contains("objectiveSets[1] is null", nullSet.Message);

        var empty = Assert.Throws<ArgumentException>(() => Desk.Agreement([]));
        Assert.Equal("objectiveSets", empty.ParamName);
        Assert.Contains("got no objective set and no satisfaction objective", empty.Message);
    }

    [Fact]
    public void An_objective_set_checks_its_name_kinds_and_that_it_promises_something()
    {
        var respond = TimeObjective.FirstResponseWithin(Duration.FromMinutes(30), 0.9);
        var resolve = TimeObjective.ResolutionWithin(Duration.FromHours(4), 0.9);

        var blank = Assert.Throws<ArgumentException>(() => new ObjectiveSet(" ", RequestSelector.Any, respond));
        Assert.Equal(("name", true), (blank.ParamName, blank.Message.Contains("got \" \"", StringComparison.Ordinal)));

        var wrong = Assert.Throws<ArgumentException>(() => new ObjectiveSet("x", RequestSelector.Any, resolve));
        Assert.Equal("firstResponse", wrong.ParamName);
        Assert.Contains("Expected a FirstResponse objective; got a Resolution objective", wrong.Message);

        var wrong2 = Assert.Throws<ArgumentException>(() => new ObjectiveSet("x", RequestSelector.Any, null, respond));
        Assert.Equal("resolution", wrong2.ParamName);
        Assert.Contains("Expected a Resolution objective; got a FirstResponse objective", wrong2.Message);

        var nothing = Assert.Throws<ArgumentException>(() => new ObjectiveSet("x", RequestSelector.Any));
        Assert.Equal("firstResponse", nothing.ParamName);
        Assert.Contains("got neither", nothing.Message);

        Assert.Throws<ArgumentNullException>("selector", () => new ObjectiveSet("x", null!, respond));
        Assert.Equal(new ObjectiveSet("x", RequestSelector.ForPriorities(Desk.P1), respond), new ObjectiveSet("x", RequestSelector.ForPriorities(Desk.P1), respond));
        Assert.Same(respond, new ObjectiveSet("x", RequestSelector.Any, respond).Objective(ObjectiveKind.FirstResponse));
    }

    [Fact]
    public void A_selector_rejects_a_repeated_value_naming_both_positions()
    {
        var priorities = Assert.Throws<ArgumentException>(() => new RequestSelector([Desk.P1, Desk.P3, Desk.P1]));
        Assert.Equal("priorities", priorities.ParamName);
        Assert.Contains("'P1' appears at positions 0 and 2", priorities.Message);

        var services = Assert.Throws<ArgumentException>(() => new RequestSelector(null, [Desk.Laptops, Desk.Laptops]));
        Assert.Equal("services", services.ParamName);
        Assert.Contains("'laptops' appears at positions 0 and 1", services.Message);

        var categories = Assert.Throws<ArgumentException>(() => new RequestSelector(null, null, ["Hardware", "Hardware"]));
        Assert.Equal("categories", categories.ParamName);

        var blank = Assert.Throws<ArgumentException>(() => new RequestSelector(null, null, [""]));
        Assert.Equal("categories", blank.ParamName);
        Assert.Contains("non-blank text; got \"\"", blank.Message);

        var unparsed = Assert.Throws<ArgumentException>(() => new RequestSelector([default(PriorityId)]));
        Assert.Equal("priorities", unparsed.ParamName);
        Assert.Contains("got default(PriorityId)", unparsed.Message);
    }

    [Fact]
    public void Budgets_of_sets_with_different_targets_are_the_sum_of_the_sets_budgets()
    {
        // Three P1 requests (target 0.9) and two P3 requests (target 0.5), all resolved in March:
        //   P1a resolved in 1 h (met), P1b in 5 h (breached at Mon 14:00), P1c in 2 h (met);
        //   P3a, P3b resolved on the second day (met).
        // Allowed breached = 0.1 × 3 + 0.5 × 2 = 1.3 of 5 decided, so the window's target is 1 − 1.3 / 5 = 0.74;
        // 1 breached: compliance 0.8 ≥ 0.74 → met; burn rate = (1/5) / (1 − 0.74) = 0.2 / 0.26.
        var requests = new[]
        {
            Desk.Shorthand("P1a", Desk.P1, Desk.Mar(2, 10), Desk.Mar(2, 10, 10), Desk.Mar(2, 11)),
            P1Late,
            Desk.Shorthand("P1c", Desk.P1, Desk.Mar(3, 10), Desk.Mar(3, 10, 10), Desk.Mar(3, 12)),
            Desk.Shorthand("P3a", Desk.P3, Desk.Mar(2, 10), Desk.Mar(2, 12), Desk.Mar(3, 12)),
            Desk.Shorthand("P3b", Desk.P3, Desk.Mar(4, 10), Desk.Mar(4, 12), Desk.Mar(5, 12)),
        };
        var report = Timer.Compliance(requests, ObjectiveKind.Resolution, AsOf, [new Interval(Desk.Mar(1, 0), Desk.Mar(31, 0))]);
        var budget = report.Windows[0].Budget;
        Assert.Equal((5L, 1L), (budget.Decided, budget.Breached));
        Assert.Equal(1.3, budget.AllowedBreached, 12);
        Assert.Equal(0.74, budget.Target, 12);
        Assert.True(budget.IsMet);
        Assert.Equal(0.2 / 0.26, budget.BurnRate, 12);

        // The same outcomes counted against one target only would give 0.5 (the nominal first set's would be 0.9).
        var p1Only = Timer.Compliance(requests.AsSpan(0, 3), ObjectiveKind.Resolution, AsOf, [new Interval(Desk.Mar(1, 0), Desk.Mar(31, 0))]).Windows[0].Budget;
        Assert.Equal((0.9, 0.3), (p1Only.Target, p1Only.AllowedBreached), new ToleranceComparer());

        // Burn-rate alerts use the same mixed budget. At Thu 5 Mar 13:00 the 3-day look-back [Mon 2 Mar 13:00, asOf) holds
        // P1b (decided Mon 14:00), P1c, P3a and P3b, not P1a (decided Mon 11:00): allowed breached = 0.1 × 2 + 0.5 × 2 = 1.2.
        var alerts = Timer.EvaluateAlerts(requests, ObjectiveKind.Resolution, Desk.Mar(5, 13), BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(30)));
        var widest = alerts.MaxBy(a => a.Rule.LongWindow)!;
        Assert.Equal(Duration.FromDays(3), widest.Rule.LongWindow);
        Assert.Equal((4L, 1L), (widest.LongWindow.Decided, widest.LongWindow.Breached));
        Assert.Equal(1.2, widest.LongWindow.AllowedBreached, 12);
    }

    [Fact]
    public void Overlapping_windows_each_sum_the_budgets_of_their_own_requests()
    {
        // Windows March (all five) and [Mon 2 Mar 12:00, Wed 4 Mar 00:00), which holds P1b (decided Mon 14:00), P1c and P3a
        // (decided Tue 12:00): allowed breached 0.1 + 0.1 + 0.5 = 0.7 of 3, target 1 − 0.7 / 3; 1 breached.
        var requests = new[]
        {
            Desk.Shorthand("P1a", Desk.P1, Desk.Mar(2, 10), Desk.Mar(2, 10, 10), Desk.Mar(2, 11)),
            P1Late,
            Desk.Shorthand("P1c", Desk.P1, Desk.Mar(3, 10), Desk.Mar(3, 10, 10), Desk.Mar(3, 12)),
            Desk.Shorthand("P3a", Desk.P3, Desk.Mar(2, 10), Desk.Mar(2, 12), Desk.Mar(3, 12)),
            Desk.Shorthand("P3b", Desk.P3, Desk.Mar(4, 10), Desk.Mar(4, 12), Desk.Mar(5, 12)),
        };
        var report = Timer.Compliance(requests, ObjectiveKind.Resolution, AsOf, [new Interval(Desk.Mar(1, 0), Desk.Mar(31, 0)), new Interval(Desk.Mar(2, 12), Desk.Mar(4, 0))]);
        Assert.Equal(1.3, report.Windows[0].Budget.AllowedBreached, 12);
        var inner = report.Windows[1].Budget;
        Assert.Equal((3L, 1L), (inner.Decided, inner.Breached));
        Assert.Equal(0.7, inner.AllowedBreached, 12);
        Assert.Equal(1 - (0.7 / 3), inner.Target, 12);
    }

    [Fact]
    public void Tallies_count_every_state_and_merge_the_unmeasured()
    {
        static ObjectiveEvaluation E(SlaState state) => new(ObjectiveKind.Resolution, state, Duration.FromHours(1), Duration.Zero, Desk.Mar(2, 10), Desk.Mar(2, 10), 0);

        var tally = SlaTally.Empty;
        foreach (var state in new[] { SlaState.Met, SlaState.Breached, SlaState.InProgress, SlaState.AtRisk, SlaState.Paused, SlaState.Unmatched, SlaState.NotMeasured, SlaState.NotStarted, SlaState.Cancelled, SlaState.Excluded })
        {
            tally = tally.Add(E(state));
        }

        // 2 decided (1 breached), 3 in flight (1 at risk), 5 not measured of which 1 unmatched.
        Assert.Equal(new SlaTally(2, 1, 3, 1) { Unmatched = 1, Unmeasured = 5 }, tally);
        Assert.Equal(new SlaTally(4, 2, 6, 2) { Unmatched = 2, Unmeasured = 10 }, tally.Merge(tally));
        Assert.Equal(tally, tally.Merge(SlaTally.Empty));
        Assert.Equal(0.5, tally.Compliance);

        // The report of the same evaluations counts them alike.
        var evaluations = new[] { E(SlaState.Met), E(SlaState.Unmatched), E(SlaState.Cancelled), E(SlaState.Excluded), E(SlaState.NotStarted) };
        var report = ComplianceReport.From(evaluations, [new Interval(Desk.Mar(1, 0), Desk.Mar(31, 0))], 0.9);
        Assert.Equal((1L, 1L, 4L, 0L), (report.Windows[0].Decided, report.Unmatched, report.Unmeasured, report.InFlight));
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12;

        public int GetHashCode((double, double) obj) => 0;
    }
}
