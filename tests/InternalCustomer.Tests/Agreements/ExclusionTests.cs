using InternalCustomer.Agreements;
using NodaTime;
using static InternalCustomer.Tests.Agreements.Desk;

namespace InternalCustomer.Tests.Agreements;

// Maintenance windows and SLO corrections on the Mon–Fri 09:00–17:00 UTC calendar of March 2026 (Mon 2 Mar);
// resolution within 8 business hours.
public class ExclusionTests
{
    private static readonly ServiceAgreement Plain = Single(null, TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9));

    private static SlaTimer With(params ExclusionWindow[] windows) => new(Plain.WithExclusions(windows), Utc);

    private static ExclusionWindow Time(Instant from, Instant to, string reason = "ERP upgrade") => new(new Interval(from, to), reason, ExclusionEffect.ExcludeTime);

    private static ExclusionWindow Requests(Instant from, Instant to) => new(new Interval(from, to), "incident INC-500", ExclusionEffect.ExcludeRequests);

    private static ServiceRequest Opened(Instant opened, Instant? resolved = null, Interval[]? pauses = null) =>
        new("INC-1", Id, opened, null, resolved, pauses);

    [Fact]
    public void Requests_opened_inside_an_exclude_requests_window_are_excluded_and_counted_apart()
    {
        // Window [Mon 09:00, Mon 12:00). Opened 10:00 → Excluded; opened 12:00 (the window is half-open) → measured.
        var timer = With(Requests(Mar(2, 9), Mar(2, 12)));
        var inside = Opened(Mar(2, 10), Mar(2, 11));
        var atEnd = Opened(Mar(2, 12), Mar(2, 13));

        var e = timer.Evaluate(inside, ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((SlaState.Excluded, false, false), (e.State, e.IsMeasured, e.IsDecided));
        Assert.Equal(SlaState.Met, timer.Evaluate(atEnd, ObjectiveKind.Resolution, Mar(3, 9)).State);

        // The exclusion says which window; a request opened at the start is inside it.
        Assert.Equal("incident INC-500", timer.Agreement.ExclusionOf(Mar(2, 10))?.Reason);
        Assert.NotNull(timer.Agreement.ExclusionOf(Mar(2, 9)));
        Assert.Null(timer.Agreement.ExclusionOf(Mar(2, 12)));
        Assert.Null(timer.Agreement.ExclusionOf(Mar(2, 8, 59)));

        Assert.Equal(new SlaTally(1, 0, 0, 0) { Unmeasured = 1 }, timer.Tally([inside, atEnd], ObjectiveKind.Resolution, Mar(3, 9)));
        var report = timer.Compliance([inside, atEnd], ObjectiveKind.Resolution, Mar(3, 9), [new Interval(Mar(1, 0), Mar(31, 0))]);
        Assert.Equal((1L, 0L, 1L), (report.Windows[0].Decided, report.Unmatched, report.Unmeasured));

        // An excluded request that would have breached leaves the budget untouched.
        var breach = Opened(Mar(2, 11));
        Assert.Equal(0, timer.Compliance([breach], ObjectiveKind.Resolution, Mar(6, 9), [new Interval(Mar(1, 0), Mar(31, 0))]).Windows[0].Breached);
    }

    [Fact]
    public void Exclude_time_pauses_every_clock_and_overlapping_windows_count_once()
    {
        // Windows [Mon 11:00, 13:00) and [Mon 12:00, 14:00) merge into [11:00, 14:00) = 3 business hours.
        // Opened Mon 09:00, resolved 17:00: 8 h − 3 h = 5 h (counting the overlap twice would give 4 h).
        // Deadline: 8 h after 09:00 = Mon 17:00, pushed by 3 h → Tue 12:00.
        var timer = With(Time(Mar(2, 12), Mar(2, 14)), Time(Mar(2, 11), Mar(2, 13), "network change"));
        Assert.Equal(["network change", "ERP upgrade"], timer.Agreement.Exclusions.Select(x => x.Reason)); // sorted by start

        var e = timer.Evaluate(Opened(Mar(2, 9), Mar(2, 17)), ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(5), Mar(3, 12)), (e.State, e.Elapsed, e.Deadline));

        // Inside the window a running request is paused: Mon 12:30 → 2 h used.
        var during = timer.Evaluate(Opened(Mar(2, 9)), ObjectiveKind.Resolution, Mar(2, 12, 30));
        Assert.Equal((SlaState.Paused, Duration.FromHours(2)), (during.State, during.Elapsed));
    }

    [Fact]
    public void Exclude_time_merges_with_the_requests_own_pauses()
    {
        // Pause [Mon 10:00, 12:00) and excluded [11:00, 13:00): paused [10:00, 13:00) = 3 h. Opened 09:00, resolved 17:00 → 5 h.
        var timer = With(Time(Mar(2, 11), Mar(2, 13)));
        var r = Opened(Mar(2, 9), Mar(2, 17), [new Interval(Mar(2, 10), Mar(2, 12))]);
        Assert.Equal(Duration.FromHours(5), timer.Evaluate(r, ObjectiveKind.Resolution, Mar(3, 9)).Elapsed);

        // And with a status log: new 09:00, waiting 10:00, in progress 12:00, resolved 17:00 → the same 5 h.
        var clocked = new SlaTimer(
            Single(null, TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9).WithClock(StatusLogTests.ResolutionClock)).WithExclusions([Time(Mar(2, 11), Mar(2, 13))]),
            Utc);
        var log = ServiceRequest.FromStatusLog("INC-2", Id, [
            new StatusChange(Mar(2, 9), "new"), new StatusChange(Mar(2, 10), "waiting"),
            new StatusChange(Mar(2, 12), "in progress"), new StatusChange(Mar(2, 17), "resolved"),
        ]);
        var l = clocked.Evaluate(log, ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(5), Mar(3, 12)), (l.State, l.Elapsed, l.Deadline));
    }

    [Fact]
    public void Excluded_time_before_the_request_opened_is_ignored_and_a_straddling_window_counts_from_the_opening()
    {
        // Window Fri 27 Feb 10:00–12:00, before the request: no effect (8 h, met at Mon 17:00).
        var before = With(Time(Instant.FromUtc(2026, 2, 27, 10, 0), Instant.FromUtc(2026, 2, 27, 12, 0)));
        var e = before.Evaluate(Opened(Mar(2, 9), Mar(2, 17)), ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(8), Mar(2, 17)), (e.State, e.Elapsed, e.Deadline));

        // Window Mon 08:00–10:00 straddles a 09:00 opening: only 09:00–10:00 is excluded → 7 h, deadline Tue 10:00.
        var straddle = With(Time(Mar(2, 8), Mar(2, 10)));
        var s = straddle.Evaluate(Opened(Mar(2, 9), Mar(2, 17)), ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((Duration.FromHours(7), Mar(3, 10)), (s.Elapsed, s.Deadline));

        // Window over the weekend (no working time): no effect.
        var weekend = With(Time(Instant.FromUtc(2026, 3, 7, 0, 0), Instant.FromUtc(2026, 3, 9, 0, 0)));
        var w = weekend.Evaluate(Opened(Mar(6, 13), Mar(9, 13)), ObjectiveKind.Resolution, Mar(10, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(8)), (w.State, w.Elapsed));
    }

    [Fact]
    public void An_exclusion_window_is_checked()
    {
        var empty = Assert.Throws<ArgumentException>(() => new ExclusionWindow(new Interval(Mar(2, 9), Mar(2, 9)), "x", ExclusionEffect.ExcludeTime));
        Assert.Equal("window", empty.ParamName);
        Assert.Contains("must end after it starts (2026-03-02T09:00:00Z); got an end of 2026-03-02T09:00:00Z", empty.Message);

        var open = Assert.Throws<ArgumentException>(() => new ExclusionWindow(new Interval(Mar(2, 9), null), "x", ExclusionEffect.ExcludeTime));
        Assert.Equal("window", open.ParamName);
        Assert.Contains("must have a start and an end", open.Message);

        var reason = Assert.Throws<ArgumentException>(() => new ExclusionWindow(new Interval(Mar(2, 9), Mar(2, 10)), " ", ExclusionEffect.ExcludeTime));
        Assert.Equal("reason", reason.ParamName);
        Assert.Contains("got \" \"", reason.Message);

        var effect = Assert.Throws<ArgumentException>(() => new ExclusionWindow(new Interval(Mar(2, 9), Mar(2, 10)), "x", (ExclusionEffect)7));
        Assert.Equal("effect", effect.ParamName);
        Assert.Contains("Expected ExcludeRequests or ExcludeTime; got 7", effect.Message);

        var nullWindow = Assert.Throws<ArgumentException>(() => Plain.WithExclusions([Time(Mar(2, 9), Mar(2, 10)), null!]));
        Assert.Equal("exclusions", nullWindow.ParamName);
        Assert.Contains("exclusions[1] is null", nullWindow.Message);

        var window = Time(Mar(2, 9), Mar(2, 10));
        Assert.Equal(window, Time(Mar(2, 9), Mar(2, 10)));
        Assert.Equal("ExcludeTime 2026-03-02T09:00:00Z/2026-03-02T10:00:00Z (ERP upgrade)", window.ToString());
        Assert.Empty(Plain.Exclusions);
        Assert.Empty(Plain.WithExclusions([window]).WithExclusions([]).Exclusions);
    }
}
