using InternalCustomer.Agreements;
using NodaTime;
using static InternalCustomer.Tests.Agreements.Desk;

namespace InternalCustomer.Tests.Agreements;

// SlaTimer.Pauses: the stretches a clock stood still, with their reasons, on the Mon–Fri 09:00–17:00 UTC calendar of
// March 2026 (Mon 2 Mar), with the status-log clocks of StatusLogTests. Every expected list is worked by hand from the log.
public class PauseReasonTests
{
    private static readonly ServiceAgreement Agreement = Single(
        TimeObjective.FirstResponseWithin(Duration.FromHours(1), 0.9).WithClock(StatusLogTests.ResponseClock),
        TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9).WithClock(StatusLogTests.ResolutionClock));

    private static readonly SlaTimer Timer = new(Agreement, Utc);

    private static ServiceRequest Log(params (Instant At, string Status)[] entries) =>
        ServiceRequest.FromStatusLog("INC-7", Id, entries.Select(e => new StatusChange(e.At, e.Status)));

    private static ClockPause Waiting(Instant from, Instant? to, string? status = "waiting") => new(new Interval(from, to), ClockPauseKind.Waiting, status);

    [Fact]
    public void A_status_log_names_each_wait_and_each_reopen_gap_by_the_status_that_stopped_the_clock()
    {
        // new Mon 09:00, waiting 10:00–11:00, resolved 12:00, reopened 14:00, waiting 15:00, in progress Tue 09:00, resolved Tue 10:00.
        var r = Log(
            (Mar(2, 9), "new"), (Mar(2, 10), "waiting"), (Mar(2, 11), "in progress"), (Mar(2, 12), "resolved"),
            (Mar(2, 14), "reopened"), (Mar(2, 15), "waiting"), (Mar(3, 9), "in progress"), (Mar(3, 10), "resolved"));

        Assert.Equal(
            [
                Waiting(Mar(2, 10), Mar(2, 11)),
                new ClockPause(new Interval(Mar(2, 12), Mar(2, 14)), ClockPauseKind.Reopened, "resolved"),
                Waiting(Mar(2, 15), Mar(3, 9)),
            ],
            Timer.Pauses(r, ObjectiveKind.Resolution, Mar(4, 9)).ToArray());

        // Mon 16:00: the second wait is going on, so it is open-ended; nothing after 16:00 is known.
        Assert.Equal(
            [
                Waiting(Mar(2, 10), Mar(2, 11)),
                new ClockPause(new Interval(Mar(2, 12), Mar(2, 14)), ClockPauseKind.Reopened, "resolved"),
                Waiting(Mar(2, 15), null),
            ],
            Timer.Pauses(r, ObjectiveKind.Resolution, Mar(2, 16)).ToArray());

        // The first-response clock stops at "in progress" (Mon 11:00): only the wait before it counts.
        Assert.Equal([Waiting(Mar(2, 10), Mar(2, 11))], Timer.Pauses(r, ObjectiveKind.FirstResponse, Mar(4, 9)).ToArray());
    }

    [Fact]
    public void A_reset_forgets_the_pauses_before_it_and_a_request_not_measured_has_none()
    {
        // waiting 10–11, reassigned 12:00 (reset), waiting 13–14, resolved 15:00: only the wait after the reset counts.
        var r = Log(
            (Mar(2, 9), "new"), (Mar(2, 10), "waiting"), (Mar(2, 11), "in progress"), (Mar(2, 12), "reassigned"),
            (Mar(2, 13), "waiting"), (Mar(2, 14), "in progress"), (Mar(2, 15), "resolved"));
        Assert.Equal([Waiting(Mar(2, 13), Mar(2, 14))], Timer.Pauses(r, ObjectiveKind.Resolution, Mar(4, 9)).ToArray());

        // Withdrawn before "new": the clock never started.
        var withdrawn = Log((Mar(2, 9), "created"), (Mar(2, 10), "withdrawn"));
        Assert.Equal(SlaState.Cancelled, Timer.Evaluate(withdrawn, ObjectiveKind.Resolution, Mar(4, 9)).State);
        Assert.Empty(Timer.Pauses(withdrawn, ObjectiveKind.Resolution, Mar(4, 9)));
    }

    [Fact]
    public void A_shorthand_request_has_its_pauses_and_reopen_gap_without_a_status()
    {
        // Opened Mon 09:00, paused 10–11, first resolved 12:00, reopened 14:00, resolved 16:00.
        var r = new ServiceRequest("INC-8", Id, Mar(2, 9), Mar(2, 9, 30), Mar(2, 16), [new Interval(Mar(2, 10), Mar(2, 11))], new Interval(Mar(2, 12), Mar(2, 14)));

        Assert.Equal(
            [Waiting(Mar(2, 10), Mar(2, 11), null), new ClockPause(new Interval(Mar(2, 12), Mar(2, 14)), ClockPauseKind.Reopened, null)],
            Timer.Pauses(r, ObjectiveKind.Resolution, Mar(4, 9)).ToArray());

        // First response came at 09:30, before any pause: the clock stood still never.
        Assert.Empty(Timer.Pauses(r, ObjectiveKind.FirstResponse, Mar(4, 9)).ToArray());

        // As of Mon 10:30 the pause is going on (its end is not known yet); the reopen gap lies ahead.
        Assert.Equal([Waiting(Mar(2, 10), null, null)], Timer.Pauses(r, ObjectiveKind.Resolution, Mar(2, 10, 30)).ToArray());
    }

    [Fact]
    public void Excluded_time_that_falls_while_the_clock_runs_is_a_pause_naming_its_window()
    {
        // ERP upgrade Mon 11:00–Tue 10:00 (excluded time); the request runs Mon 09:00 → Mon 15:00 with a wait 10–12.
        var upgrade = new ExclusionWindow(new Interval(Mar(2, 11), Mar(3, 10)), "ERP upgrade", ExclusionEffect.ExcludeTime);
        var timer = new SlaTimer(Agreement.WithExclusions([upgrade]), Utc);
        var r = Log((Mar(2, 9), "new"), (Mar(2, 10), "waiting"), (Mar(2, 12), "in progress"), (Mar(2, 15), "resolved"));

        // Both overlap 11–12; the clock counts their union once. The upgrade is cut at the stop (15:00).
        var pauses = timer.Pauses(r, ObjectiveKind.Resolution, Mar(4, 9));
        Assert.Equal(
            [Waiting(Mar(2, 10), Mar(2, 12)), new ClockPause(new Interval(Mar(2, 11), Mar(2, 15)), ClockPauseKind.ExcludedTime, null, upgrade)],
            pauses.ToArray());
        Assert.Equal("ERP upgrade", pauses[1].Exclusion!.Reason);

        // The evaluation agrees: 09–10 runs (1 h), 10–15 stands still → 1 h elapsed.
        Assert.Equal(Duration.FromHours(1), timer.Evaluate(r, ObjectiveKind.Resolution, Mar(4, 9)).Elapsed);
    }

    [Fact]
    public void Bad_input_is_refused_as_Evaluate_refuses_it()
    {
        var r = Log((Mar(2, 9), "new"), (Mar(2, 10), "resolved"));
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => Timer.Pauses(null!, ObjectiveKind.Resolution, Mar(4, 9))).ParamName);
        var early = Assert.Throws<ArgumentOutOfRangeException>(() => Timer.Pauses(r, ObjectiveKind.Resolution, Mar(2, 8)).ToArray());
        Assert.Equal("asOf", early.ParamName);
        var other = ServiceRequest.FromStatusLog("INC-9", AgreementId.Parse("other"), [new StatusChange(Mar(2, 9), "new")]);
        var e = Assert.Throws<ArgumentException>(() => Timer.Pauses(other, ObjectiveKind.Resolution, Mar(4, 9)));
        Assert.Equal("request", e.ParamName);
        Assert.Contains("'other'", e.Message, StringComparison.Ordinal);
    }
}
