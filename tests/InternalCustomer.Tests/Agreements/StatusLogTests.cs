using InternalCustomer.Agreements;
using NodaTime;
using static InternalCustomer.Tests.Agreements.Desk;

namespace InternalCustomer.Tests.Agreements;

// Requests given as status logs, read through clock conditions, on the Mon–Fri 09:00–17:00 UTC calendar of March 2026
// (Mon 2 Mar). Resolution within 8 business hours, first response within 1 business hour.
public class StatusLogTests
{
    internal static readonly ClockConditions ResolutionClock = new(
    [
        new("created", ClockAction.Run),
        new("new", ClockAction.Start),
        new("in progress", ClockAction.Run),
        new("waiting", ClockAction.Pause),
        new("resolved", ClockAction.Stop),
        new("reopened", ClockAction.Start),
        new("reassigned", ClockAction.Reset),
        new("withdrawn", ClockAction.Cancel),
    ]);

    internal static readonly ClockConditions ResponseClock = new(
    [
        new("created", ClockAction.Run),
        new("new", ClockAction.Start),
        new("in progress", ClockAction.Stop),
        new("waiting", ClockAction.Pause),
        new("resolved", ClockAction.Stop),
        new("reopened", ClockAction.Run),
        new("reassigned", ClockAction.Run),
        new("withdrawn", ClockAction.Cancel),
    ]);

    private static readonly SlaTimer Timer = new(
        Single(
            TimeObjective.FirstResponseWithin(Duration.FromHours(1), 0.9).WithClock(ResponseClock),
            TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9).WithClock(ResolutionClock)),
        Utc);

    private static ServiceRequest Log(params (Instant At, string Status)[] entries) =>
        ServiceRequest.FromStatusLog("INC-7", Id, entries.Select(e => new StatusChange(e.At, e.Status)));

    private static ObjectiveEvaluation Resolution(ServiceRequest r, Instant asOf) => Timer.Evaluate(r, ObjectiveKind.Resolution, asOf);

    [Fact]
    public void A_wait_pauses_the_clock_and_its_status_is_the_reason()
    {
        // new Mon 09:00, waiting 11:00–13:00, in progress 13:00, resolved 17:00.
        // Elapsed 09–11 (2 h) + 13–17 (4 h) = 6 h → Met at 17:00. Deadline: 8 h from 09:00 = Mon 17:00, pushed by the 2 h wait = Tue 11:00.
        var r = Log((Mar(2, 9), "new"), (Mar(2, 11), "waiting"), (Mar(2, 13), "in progress"), (Mar(2, 17), "resolved"));
        Assert.True(r.IsStatusLog);
        Assert.Equal(Mar(2, 9), r.Opened);
        Assert.Empty(r.Pauses);
        Assert.Null(r.Resolved);

        var done = Resolution(r, Mar(4, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(6), Mar(3, 11), Mar(2, 17)), (done.State, done.Elapsed, done.Deadline, done.DecidedAt));

        // Mon 12:00, inside the wait: Paused, 2 h used, deadline as early as it can still be (wait ending now): 6 h after 12:00 = Tue 10:00.
        var waiting = Resolution(r, Mar(2, 12));
        Assert.Equal((SlaState.Paused, Duration.FromHours(2), Mar(3, 10)), (waiting.State, waiting.Elapsed, waiting.Deadline));

        // First response: "in progress" stops it at 13:00; the wait 11–13 is paused → elapsed 2 h > 1 h → Breached at 10:00.
        var response = Timer.Evaluate(r, ObjectiveKind.FirstResponse, Mar(4, 9));
        Assert.Equal((SlaState.Breached, Duration.FromHours(2), Mar(2, 10)), (response.State, response.Elapsed, response.DecidedAt));
    }

    [Fact]
    public void Any_number_of_reopens_count_their_gaps_as_paused()
    {
        // new Mon 09:00, resolved 11:00 (2 h), reopened 13:00, resolved 14:00 (1 h), reopened Tue 09:00, resolved Tue 13:00 (4 h).
        // Elapsed 2 + 1 + 4 = 7 h → Met at Tue 13:00. Deadline: the clock reaches 8 h after Mon 9–11, 13–14 and Tue 09–14 → Tue 14:00.
        var r = Log(
            (Mar(2, 9), "new"), (Mar(2, 11), "resolved"), (Mar(2, 13), "reopened"), (Mar(2, 14), "resolved"),
            (Mar(3, 9), "reopened"), (Mar(3, 13), "resolved"));

        var done = Resolution(r, Mar(4, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(7), Mar(3, 14), Mar(3, 13)), (done.State, done.Elapsed, done.Deadline, done.DecidedAt));

        // Tue 10:00, after the second reopen: running, 3 h + 1 h = 4 h = 50% → AtRisk.
        Assert.Equal((SlaState.AtRisk, Duration.FromHours(4)), (Resolution(r, Mar(3, 10)).State, Resolution(r, Mar(3, 10)).Elapsed));

        // Mon 15:00, between the second resolution and the second reopen: the log says "resolved" and nothing after it is
        // known yet, so the request is met as of then (decided at Mon 14:00 with 3 h used). A later reopen takes it up again;
        // this is the rule the log form follows (the shorthand, which knows the reopen gap in advance, says Paused here).
        var between = Resolution(r, Mar(2, 15));
        Assert.Equal((SlaState.Met, Duration.FromHours(3), Mar(2, 14)), (between.State, between.Elapsed, between.DecidedAt));

        // The first-response clock stopped at the first "resolved" (Mon 11:00, 2 h > 1 h): Breached at Mon 10:00; reopened is Run for it.
        var response = Timer.Evaluate(r, ObjectiveKind.FirstResponse, Mar(4, 9));
        Assert.Equal((SlaState.Breached, Mar(2, 10), Duration.FromHours(2)), (response.State, response.DecidedAt, response.Elapsed));
    }

    [Fact]
    public void A_reset_restarts_the_clock_and_discards_the_time_before_it()
    {
        // new Mon 09:00, reassigned Mon 15:00 (Reset), resolved Tue 15:00.
        // Clock from Mon 15:00: Mon 15–17 (2 h) + Tue 09–15 (6 h) = 8 h, deadline Tue 15:00 → Met exactly at the deadline.
        // Without the reset it would be 14 h, breached.
        var r = Log((Mar(2, 9), "new"), (Mar(2, 15), "reassigned"), (Mar(3, 15), "resolved"));
        var e = Resolution(r, Mar(4, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(8), Mar(3, 15), Mar(3, 15)), (e.State, e.Elapsed, e.Deadline, e.DecidedAt));

        // A reset ends an ongoing wait too: new 09:00, waiting 10:00, reassigned 12:00, resolved 13:00 → 1 h from 12:00.
        var waited = Log((Mar(2, 9), "new"), (Mar(2, 10), "waiting"), (Mar(2, 12), "reassigned"), (Mar(2, 13), "resolved"));
        Assert.Equal((SlaState.Met, Duration.FromHours(1)), (Resolution(waited, Mar(3, 9)).State, Resolution(waited, Mar(3, 9)).Elapsed));
    }

    [Fact]
    public void A_cancel_before_the_breach_ends_the_clock_without_a_verdict()
    {
        // new Mon 09:00, withdrawn Mon 12:00 (3 h of 8 used): Cancelled, not measured.
        var r = Log((Mar(2, 9), "new"), (Mar(2, 12), "withdrawn"));
        var e = Resolution(r, Mar(4, 9));
        Assert.Equal(SlaState.Cancelled, e.State);
        Assert.False(e.IsDecided);
        Assert.False(e.IsMeasured);
        Assert.Null(e.DecidedAt);
        Assert.Equal(new SlaTally(0, 0, 0, 0) { Unmeasured = 1 }, Timer.Tally([r], ObjectiveKind.Resolution, Mar(4, 9)));

        // Before the cancellation it was running: Mon 11:00, 2 h.
        Assert.Equal(SlaState.InProgress, Resolution(r, Mar(2, 11)).State);

        // Withdrawn before the clock started ("created" is Run, never a start): Cancelled too.
        var never = Log((Mar(2, 9), "created"), (Mar(2, 10), "withdrawn"), (Mar(2, 11), "new"));
        Assert.Equal(SlaState.Cancelled, Resolution(never, Mar(4, 9)).State);
    }

    [Fact]
    public void A_cancel_after_the_breach_leaves_it_breached_and_a_cancel_after_the_stop_leaves_the_verdict()
    {
        // new Mon 09:00, deadline Mon 17:00, withdrawn Tue 10:00: Breached, decided at Mon 17:00.
        var late = Log((Mar(2, 9), "new"), (Mar(3, 10), "withdrawn"));
        var e = Resolution(late, Mar(4, 9));
        Assert.Equal((SlaState.Breached, Mar(2, 17), Mar(2, 17)), (e.State, e.Deadline, e.DecidedAt));

        // Resolved Mon 10:00 (1 h, met), withdrawn Mon 11:00: the stopped clock keeps its verdict.
        var met = Log((Mar(2, 9), "new"), (Mar(2, 10), "resolved"), (Mar(2, 11), "withdrawn"));
        var m = Resolution(met, Mar(4, 9));
        Assert.Equal((SlaState.Met, Mar(2, 10), Duration.FromHours(1)), (m.State, m.DecidedAt, m.Elapsed));
    }

    [Fact]
    public void Retroactive_start_counts_from_the_logs_first_entry()
    {
        // created Mon 09:00 (Run), new Mon 11:00 (Start), resolved Mon 18:00.
        //   Plain: clock 11–17 = 6 h ≤ 8 h → Met at 18:00.
        //   Retroactive: clock from 09:00, 8 h reached at 17:00 → Breached, decided at Mon 17:00 (resolved on 18:00, after the deadline).
        var r = Log((Mar(2, 9), "created"), (Mar(2, 11), "new"), (Mar(2, 18), "resolved"));
        var plain = Resolution(r, Mar(3, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(6), Mar(3, 11)), (plain.State, plain.Elapsed, plain.Deadline));

        var retroClock = new ClockConditions(ResolutionClock.Statuses, retroactiveStart: true);
        Assert.True(retroClock.RetroactiveStart);
        Assert.EndsWith("(retroactive start)", retroClock.ToString(), StringComparison.Ordinal);
        var retroTimer = new SlaTimer(Single(null, TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9).WithClock(retroClock)), Utc);
        var retro = retroTimer.Evaluate(r, ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((SlaState.Breached, Duration.FromHours(8), Mar(2, 17), Mar(2, 17)), (retro.State, retro.Elapsed, retro.Deadline, retro.DecidedAt));

        // Before the start status the retroactive clock has not started either.
        Assert.Equal(SlaState.NotStarted, retroTimer.Evaluate(r, ObjectiveKind.Resolution, Mar(2, 10)).State);
    }

    [Fact]
    public void A_log_that_never_enters_a_start_status_is_not_started()
    {
        var r = Log((Mar(2, 9), "created"), (Mar(2, 12), "in progress"));
        var e = Resolution(r, Mar(6, 9));
        Assert.Equal((SlaState.NotStarted, false, false), (e.State, e.IsDecided, e.IsMeasured));
        Assert.Equal(new SlaTally(0, 0, 0, 0) { Unmeasured = 1 }, Timer.Tally([r], ObjectiveKind.Resolution, Mar(6, 9)));
        Assert.Equal(0, Timer.Compliance([r], ObjectiveKind.Resolution, Mar(6, 9), [new Interval(Mar(1, 0), Mar(31, 0))]).Windows[0].Decided);
    }

    [Fact]
    public void Entries_after_asOf_are_not_known_yet()
    {
        // new Mon 09:00, waiting Mon 12:00, resolved Mon 13:00; at Mon 11:00 only "new" is known: 2 h, InProgress.
        var r = Log((Mar(2, 9), "new"), (Mar(2, 12), "waiting"), (Mar(2, 13), "resolved"));
        var early = Resolution(r, Mar(2, 11));
        Assert.Equal((SlaState.InProgress, Duration.FromHours(2), Mar(2, 17)), (early.State, early.Elapsed, early.Deadline));

        // At 12:30 the wait is known and ongoing: Paused with 3 h.
        Assert.Equal((SlaState.Paused, Duration.FromHours(3)), (Resolution(r, Mar(2, 12, 30)).State, Resolution(r, Mar(2, 12, 30)).Elapsed));

        // An entry exactly at asOf is known: asOf 13:00 sees the resolution (3 h, the wait 12–13 paused) → Met.
        Assert.Equal((SlaState.Met, Duration.FromHours(3)), (Resolution(r, Mar(2, 13)).State, Resolution(r, Mar(2, 13)).Elapsed));
    }

    [Fact]
    public void Priority_comes_from_the_log_and_changes_from_each_entry_that_sets_one()
    {
        var r = ServiceRequest.FromStatusLog("INC-8", Id, [
            new StatusChange(Mar(2, 9), "new", P3),
            new StatusChange(Mar(2, 10), "in progress"),
            new StatusChange(Mar(2, 12), "in progress", P1),
        ]);
        Assert.Equal(P3, r.PriorityAt(Mar(2, 9)));
        Assert.Equal(P3, r.PriorityAt(Mar(2, 11, 59)));
        Assert.Equal(P1, r.PriorityAt(Mar(2, 12)));
        Assert.Equal(P3, r.PriorityAt(Mar(2, 8))); // before the log: the priority at creation

        // The priority at creation, as the property's documentation says.
        Assert.Equal(P3, r.Priority);
        Assert.Null(r.Service);
        Assert.Null(r.Category);

        // The shorthand form has no log: PriorityAt is Priority at any instant.
        var s = Shorthand("INC-9", P2, Mar(2, 9));
        Assert.Equal((P2, P2), (s.PriorityAt(Mar(1, 0)), s.PriorityAt(Mar(9, 0))));
    }

    // The issue's agreement read through the clocks above: P1 respond 30 min / resolve 4 h, P3 respond 1 business day /
    // resolve 5 business days.
    private static readonly SlaTimer IssueTimer = new(IssueAgreement(ResponseClock, ResolutionClock), Utc);

    [Fact]
    public void A_priority_raised_mid_flight_judges_the_whole_clock_by_the_new_set_and_breaches_at_the_change()
    {
        // new Mon 09:00 as P3; raised to P1 at Mon 15:00 (an "in progress" entry). The P1 set governs the whole clock:
        // 4 h from 09:00 → deadline Mon 13:00, which lies before the change → Breached, decided at the change, Mon 15:00.
        var r = ServiceRequest.FromStatusLog("INC-10", Id, [
            new StatusChange(Mar(2, 9), "new", P3),
            new StatusChange(Mar(2, 15), "in progress", P1),
        ]);

        var after = IssueTimer.Evaluate(r, ObjectiveKind.Resolution, Mar(2, 16));
        Assert.Equal((SlaState.Breached, "P1", Duration.FromHours(4), Duration.FromHours(7)), (after.State, after.ObjectiveSet, after.Allowed, after.Elapsed));
        Assert.Equal(Mar(2, 13), after.Deadline);
        Assert.Equal(Mar(2, 15), after.DecidedAt);

        // Before the change, P3's 5 business days apply: 5 h of 40 h used, InProgress.
        var before = IssueTimer.Evaluate(r, ObjectiveKind.Resolution, Mar(2, 14));
        Assert.Equal((SlaState.InProgress, "P3", Duration.FromHours(40), Duration.FromHours(5)), (before.State, before.ObjectiveSet, before.Allowed, before.Elapsed));
    }

    [Fact]
    public void A_priority_raised_before_the_new_deadline_carries_the_elapsed_time_over()
    {
        // new Mon 09:00 as P3, raised to P1 at 10:00, resolved 12:00: P1 from 09:00, 3 h ≤ 4 h → Met at 12:00, set P1.
        var r = ServiceRequest.FromStatusLog("INC-11", Id, [
            new StatusChange(Mar(2, 9), "new", P3),
            new StatusChange(Mar(2, 10), "in progress", P1),
            new StatusChange(Mar(2, 12), "resolved"),
        ]);
        var e = IssueTimer.Evaluate(r, ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((SlaState.Met, "P1", Duration.FromHours(3), Mar(2, 13), Mar(2, 12)), (e.State, e.ObjectiveSet, e.Elapsed, e.Deadline, e.DecidedAt));

        // Raised at 14:00 instead, resolved 14:30: the P1 deadline (13:00) passed before the change → Breached at 14:00.
        var late = ServiceRequest.FromStatusLog("INC-12", Id, [
            new StatusChange(Mar(2, 9), "new", P3),
            new StatusChange(Mar(2, 14), "in progress", P1),
            new StatusChange(Mar(2, 14, 30), "resolved"),
        ]);
        var l = IssueTimer.Evaluate(late, ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((SlaState.Breached, "P1", Mar(2, 14)), (l.State, l.ObjectiveSet, l.DecidedAt));
    }

    [Fact]
    public void A_priority_changed_after_the_stop_does_not_rejudge_it()
    {
        // new Mon 09:00 as P3, resolved Mon 14:00 (5 h), then a P1 entry at Mon 15:00 repeating "resolved".
        // The priority at the stop (P3) governs: 5 h of 40 h → Met at 14:00 under P3. (P1 alone would say breached at 13:00.)
        var r = ServiceRequest.FromStatusLog("INC-13", Id, [
            new StatusChange(Mar(2, 9), "new", P3),
            new StatusChange(Mar(2, 14), "resolved"),
            new StatusChange(Mar(2, 15), "resolved", P1),
        ]);
        var e = IssueTimer.Evaluate(r, ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((SlaState.Met, "P3", Mar(2, 14)), (e.State, e.ObjectiveSet, e.DecidedAt));
    }

    [Fact]
    public void A_priority_lowered_mid_flight_rejudges_the_running_clock_by_the_new_set()
    {
        // new Mon 09:00 as P1; at 14:00 (past P1's 4 h deadline, 13:00) lowered to P3 ("in progress", P3).
        // As of 13:30 the request is P1 and breached at 13:00. As of 15:00 it is P3, whose 5 business days (40 h) govern the
        // whole clock: 6 h used, in progress. (A running clock is judged by the set in force at asOf; see the docs.)
        var r = ServiceRequest.FromStatusLog("INC-16", Id, [
            new StatusChange(Mar(2, 9), "new", P1),
            new StatusChange(Mar(2, 14), "in progress", P3),
        ]);

        var early = IssueTimer.Evaluate(r, ObjectiveKind.Resolution, Mar(2, 13, 30));
        Assert.Equal((SlaState.Breached, "P1", Mar(2, 13)), (early.State, early.ObjectiveSet, early.DecidedAt));

        var later = IssueTimer.Evaluate(r, ObjectiveKind.Resolution, Mar(2, 15));
        Assert.Equal((SlaState.InProgress, "P3", Duration.FromHours(40), Duration.FromHours(6)), (later.State, later.ObjectiveSet, later.Allowed, later.Elapsed));
    }

    [Fact]
    public void Each_set_reads_the_log_through_its_own_clock()
    {
        // The P1 clock pauses while "waiting"; the P3 clock keeps running then (waiting counts as work in progress).
        var waitingRuns = new ClockConditions(ResolutionClock.Statuses.Select(p => p.Key == "waiting" ? new KeyValuePair<string, ClockAction>(p.Key, ClockAction.Run) : p));
        var timer = new SlaTimer(IssueAgreement(ResponseClock, ResolutionClock) is var a
            ? ServiceAgreement.Create(a.Id, a.Provider, a.Consumer, a.Services, a.Calendar, a.EffectiveFrom, a.EffectiveUntil, a.ReviewCadence, [
                a.ObjectiveSets[0],
                new ObjectiveSet("P3", RequestSelector.ForPriorities(P3), null, TimeObjective.ResolutionWithinBusinessDays(5, 0.5).WithClock(waitingRuns)),
            ])
            : null!, Utc);

        // new Mon 09:00, waiting 10:00–12:00, as of 13:00: P1 counts 09–10 and 12–13 = 2 h; P3 counts 09–13 = 4 h.
        StatusChange[] log(PriorityId p) => [new(Mar(2, 9), "new", p), new(Mar(2, 10), "waiting"), new(Mar(2, 12), "in progress")];
        var p1 = timer.Evaluate(ServiceRequest.FromStatusLog("INC-17", Id, log(P1)), ObjectiveKind.Resolution, Mar(2, 13));
        var p3 = timer.Evaluate(ServiceRequest.FromStatusLog("INC-18", Id, log(P3)), ObjectiveKind.Resolution, Mar(2, 13));

        Assert.Equal(("P1", Duration.FromHours(2)), (p1.ObjectiveSet, p1.Elapsed));
        Assert.Equal(("P3", Duration.FromHours(4)), (p3.ObjectiveSet, p3.Elapsed));
    }

    [Fact]
    public void A_cancel_after_a_stop_keeps_the_verdict_and_a_later_reopen_runs_the_clock_again()
    {
        // new Mon 09:00, resolved 11:00 (2 h, met), withdrawn 12:00 (ignored: the clock had stopped), reopened Tue 09:00,
        // resolved Tue 10:00. The reopen gap (Mon 11:00 – Tue 09:00) is paused: 3 h in all, met at Tue 10:00.
        var r = Log((Mar(2, 9), "new"), (Mar(2, 11), "resolved"), (Mar(2, 12), "withdrawn"), (Mar(3, 9), "reopened"), (Mar(3, 10), "resolved"));

        var before = Resolution(r, Mar(2, 13));
        Assert.Equal((SlaState.Met, Mar(2, 11)), (before.State, before.DecidedAt));

        var after = Resolution(r, Mar(4, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(3), Mar(3, 10)), (after.State, after.Elapsed, after.DecidedAt));
    }

    [Fact]
    public void Priority_changes_after_the_stop_never_move_the_decision_even_when_they_revert()
    {
        // new Mon 09:00 as P1, resolved 14:00: 5 h against P1's 4 h → Breached, decided at the deadline Mon 13:00.
        // After the stop the priority goes to P3 (15:00) and back to P1 (16:00). The set at the stop is P1 either way,
        // and changes after the stop count for nothing: the decision stays at 13:00 for every asOf.
        var r = ServiceRequest.FromStatusLog("INC-15", Id, [
            new StatusChange(Mar(2, 9), "new", P1),
            new StatusChange(Mar(2, 14), "resolved"),
            new StatusChange(Mar(2, 15), "resolved", P3),
            new StatusChange(Mar(2, 16), "resolved", P1),
        ]);

        foreach (var asOf in new[] { Mar(2, 14, 30), Mar(2, 15, 30), Mar(3, 9) })
        {
            var e = IssueTimer.Evaluate(r, ObjectiveKind.Resolution, asOf);
            Assert.Equal((SlaState.Breached, "P1", Mar(2, 13)), (e.State, e.ObjectiveSet, e.DecidedAt));
        }
    }

    [Fact]
    public void A_priority_change_within_one_set_reselects_nothing_and_keeps_the_breach_decision()
    {
        // Set "urgent" selects P1 and P2 (resolve in 4 h). new Mon 09:00 as P2 → deadline 13:00; raised to P1 at 15:00.
        // The set does not change, so there is no "new set" whose deadline could lie before the change: the request stays
        // breached at 13:00, as it was at 14:00 already (a decided outcome does not move for a later asOf).
        var timer = new SlaTimer(
            Agreement([
                new ObjectiveSet("urgent", RequestSelector.ForPriorities(P1, P2), null, TimeObjective.ResolutionWithin(Duration.FromHours(4), 0.9).WithClock(ResolutionClock)),
                new ObjectiveSet("normal", RequestSelector.ForPriorities(P3), null, TimeObjective.ResolutionWithin(Duration.FromHours(40), 0.5).WithClock(ResolutionClock)),
            ]),
            Utc);
        var r = ServiceRequest.FromStatusLog("INC-21", Id, [
            new StatusChange(Mar(2, 9), "new", P2),
            new StatusChange(Mar(2, 15), "in progress", P1),
        ]);
        var before = timer.Evaluate(r, ObjectiveKind.Resolution, Mar(2, 14));
        var after = timer.Evaluate(r, ObjectiveKind.Resolution, Mar(2, 16));
        Assert.Equal((SlaState.Breached, "urgent", Mar(2, 13)), (before.State, before.ObjectiveSet, before.DecidedAt));
        Assert.Equal((SlaState.Breached, "urgent", Mar(2, 13)), (after.State, after.ObjectiveSet, after.DecidedAt));
    }

    [Fact]
    public void A_status_log_request_of_no_set_is_unmatched()
    {
        var r = ServiceRequest.FromStatusLog("INC-14", Id, [new StatusChange(Mar(2, 9), "new", P2)]);
        Assert.Equal(SlaState.Unmatched, IssueTimer.Evaluate(r, ObjectiveKind.Resolution, Mar(2, 10)).State);
        Assert.Equal(new SlaTally(0, 0, 0, 0) { Unmatched = 1, Unmeasured = 1 }, IssueTimer.Tally([r], ObjectiveKind.Resolution, Mar(2, 10)));
    }

    [Fact]
    public void An_unknown_status_is_reported_naming_the_request_and_the_status()
    {
        var r = Log((Mar(2, 9), "new"), (Mar(2, 10), "escalated"));
        var ex = Assert.Throws<ArgumentException>(() => Resolution(r, Mar(2, 11)));
        Assert.Equal("request", ex.ParamName);
        Assert.Contains("'INC-7'", ex.Message);
        Assert.Contains("\"escalated\"", ex.Message);
        Assert.Contains("which the clock does not know; it knows", ex.Message);
        Assert.Contains("\"waiting\"", ex.Message);

        var batch = Assert.Throws<ArgumentException>(() => Timer.Tally([r], ObjectiveKind.Resolution, Mar(2, 11)));
        Assert.Equal("requests", batch.ParamName);
        Assert.Contains("\"escalated\"", batch.Message);
    }

    [Fact]
    public void A_status_log_measured_by_an_objective_without_clock_conditions_is_rejected()
    {
        var plain = new SlaTimer(Single(null, TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9)), Utc);
        var r = Log((Mar(2, 9), "new"));
        var ex = Assert.Throws<ArgumentException>(() => plain.Evaluate(r, ObjectiveKind.Resolution, Mar(2, 10)));
        Assert.Equal("request", ex.ParamName);
        Assert.Contains("'INC-7' is a status log", ex.Message);
        Assert.Contains("declares no clock conditions", ex.Message);
        Assert.Contains("set 'default'", ex.Message);
    }

    [Fact]
    public void A_log_out_of_order_is_located_at_the_entry()
    {
        var result = ServiceRequest.TryFromStatusLog("INC-15", Id, [
            new StatusChange(Mar(2, 9), "new"),
            new StatusChange(Mar(2, 11), "waiting"),
            new StatusChange(Mar(2, 10), "in progress"),
        ]);
        Assert.False(result.IsSuccess);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.Root.Property("log").Element(2), problem.Location);
        Assert.Equal("$.log[2]", problem.Location.ToString());
        Assert.Contains("'INC-15' must be in time order", problem.Message);
        Assert.Contains("entry 2 (2026-03-02T10:00:00Z in progress) lies before entry 1 (2026-03-02T11:00:00Z waiting)", problem.Message);

        var ex = Assert.Throws<ArgumentException>(() => ServiceRequest.FromStatusLog("INC-15", Id, [new StatusChange(Mar(2, 9), "new"), new StatusChange(Mar(2, 8), "new")]));
        Assert.Equal("log", ex.ParamName);
        Assert.Contains("entry 1", ex.Message);

        // Equal instants keep their order and are accepted.
        Assert.True(ServiceRequest.TryFromStatusLog("INC-16", Id, [new StatusChange(Mar(2, 9), "new"), new StatusChange(Mar(2, 9), "waiting")]).IsSuccess);
    }

    [Fact]
    public void An_empty_log_a_default_entry_and_a_blank_id_are_rejected()
    {
        var empty = ServiceRequest.TryFromStatusLog("INC-17", Id, []);
        Assert.Equal(ProblemLocation.Root.Property("log"), Assert.Single(empty.Problems).Location);
        Assert.Contains("'INC-17' needs at least one status change (its creation); got an empty log", empty.Problems[0].Message);
        var ex = Assert.Throws<ArgumentException>(() => ServiceRequest.FromStatusLog("INC-17", Id, []));
        Assert.Equal("log", ex.ParamName);

        Assert.Equal(ProblemLocation.Root.Property("log"), Assert.Single(ServiceRequest.TryFromStatusLog("INC-17", Id, null).Problems).Location);

        var unset = ServiceRequest.TryFromStatusLog("INC-18", Id, [new StatusChange(Mar(2, 9), "new"), default]);
        Assert.Equal(ProblemLocation.Root.Property("log").Element(1), Assert.Single(unset.Problems).Location);
        Assert.Contains("got default(StatusChange)", unset.Problems[0].Message);

        var blankId = Assert.Throws<ArgumentException>(() => ServiceRequest.FromStatusLog(" ", Id, [new StatusChange(Mar(2, 9), "new")]));
        Assert.Equal("id", blankId.ParamName);
        Assert.Contains("got \" \"", blankId.Message);

        var noAgreement = ServiceRequest.TryFromStatusLog("INC-19", default, [new StatusChange(Mar(2, 9), "new")]);
        Assert.Equal((ProblemKind.InvalidId, ProblemLocation.Root.Property("agreement")), (noAgreement.Problems[0].Kind, noAgreement.Problems[0].Location));

        Assert.Throws<ArgumentNullException>("log", () => ServiceRequest.FromStatusLog("INC-20", Id, null!));
    }

    [Fact]
    public void A_status_change_needs_a_non_blank_status_and_a_parsed_priority()
    {
        var blank = Assert.Throws<ArgumentException>(() => new StatusChange(Mar(2, 9), "  "));
        Assert.Equal("status", blank.ParamName);
        Assert.Contains("A status must be non-blank text; got \"  \"", blank.Message);

        var missing = Assert.Throws<ArgumentException>(() => new StatusChange(Mar(2, 9), null!));
        Assert.Equal("status", missing.ParamName);
        Assert.Contains("got null", missing.Message);

        var unparsed = Assert.Throws<ArgumentException>(() => new StatusChange(Mar(2, 9), "new", default(PriorityId)));
        Assert.Equal("priority", unparsed.ParamName);
        Assert.Contains("got default(PriorityId)", unparsed.Message);

        var change = new StatusChange(Mar(2, 9), "In Progress", P1);
        Assert.Equal("2026-03-02T09:00:00Z In Progress (priority P1)", change.ToString());
        Assert.Equal(change, new StatusChange(Mar(2, 9), "In Progress", P1));
        Assert.NotEqual(change, new StatusChange(Mar(2, 9), "in progress", P1));
    }

    [Fact]
    public void Clock_conditions_need_a_start_and_a_stop_and_each_status_once()
    {
        var noStart = Assert.Throws<ArgumentException>(() => new ClockConditions([new("done", ClockAction.Stop), new("waiting", ClockAction.Pause)]));
        Assert.Equal("statuses", noStart.ParamName);
        Assert.Contains("need at least one Start status; got [done: Stop, waiting: Pause]", noStart.Message);

        var noStop = Assert.Throws<ArgumentException>(() => new ClockConditions([new("new", ClockAction.Start)]));
        Assert.Equal("statuses", noStop.ParamName);
        Assert.Contains("need at least one Stop status; got [new: Start]", noStop.Message);

        var twice = Assert.Throws<ArgumentException>(() => new ClockConditions([new("new", ClockAction.Start), new("done", ClockAction.Stop), new("new", ClockAction.Run)]));
        Assert.Equal("statuses", twice.ParamName);
        Assert.Contains("\"new\" is named as Start and as Run", twice.Message);

        var blank = Assert.Throws<ArgumentException>(() => new ClockConditions([new("", ClockAction.Start), new("done", ClockAction.Stop)]));
        Assert.Equal("statuses", blank.ParamName);
        Assert.Contains("non-blank text; got \"\"", blank.Message);

        var undefined = Assert.Throws<ArgumentException>(() => new ClockConditions([new("new", ClockAction.Start), new("done", ClockAction.Stop), new("odd", (ClockAction)0)]));
        Assert.Equal("statuses", undefined.ParamName);
        Assert.Contains("\"odd\" must have a defined clock action", undefined.Message);
        Assert.Contains("got 0", undefined.Message);

        Assert.Throws<ArgumentNullException>("statuses", () => new ClockConditions(null!));
    }

    [Fact]
    public void Clock_conditions_compare_ordinally_and_component_wise()
    {
        var a = new ClockConditions([new("New", ClockAction.Start), new("Done", ClockAction.Stop)]);
        var b = new ClockConditions([new("Done", ClockAction.Stop), new("New", ClockAction.Start)]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ClockConditions(a.Statuses, retroactiveStart: true));
        Assert.Equal("Done: Stop, New: Start", a.ToString());
        Assert.True(a.TryGetAction("New", out var action));
        Assert.Equal(ClockAction.Start, action);
        Assert.False(a.TryGetAction("new", out _));
    }

    [Fact]
    public void An_objective_keeps_its_clock_and_thresholds_when_copied()
    {
        var o = TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9).WithClock(ResolutionClock).WithWarningThresholds([0.9]);
        Assert.Same(ResolutionClock, o.Clock);
        Assert.Equal([0.9], o.WarningThresholds.ToArray());
        Assert.Equal(Duration.FromHours(8), o.Within);
        Assert.NotEqual(TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9), o);
        Assert.Null(TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9).Clock);

        var bad = Assert.Throws<ArgumentException>(() => o.WithWarningThresholds([0.8, 0.5]));
        Assert.Equal("warningThresholds", bad.ParamName);
        Assert.Throws<ArgumentNullException>("clock", () => o.WithClock(null!));
        Assert.Throws<ArgumentNullException>("warningThresholds", () => o.WithWarningThresholds(null!));
    }
}
