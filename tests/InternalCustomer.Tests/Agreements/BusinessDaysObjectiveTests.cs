using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using NodaTime;
using static InternalCustomer.Tests.Agreements.Desk;

namespace InternalCustomer.Tests.Agreements;

// "Within N business days": the deadline is the same local time of day on the N-th following working day, counted from
// the first working instant at or after the clock's start; the allowed business time is the business time up to it.
// Calendar: Mon–Fri 08:00–17:00 UTC (9 h a day), March 2026 (Mon 2 Mar).
public class BusinessDaysObjectiveTests
{
    private static readonly BusinessCalendar EightToFive = BusinessCalendar.Weekdays("Etc/UTC", new LocalTime(8, 0), new LocalTime(17, 0));

    private static SlaTimer Timer(int days, BusinessCalendar? calendar = null) =>
        new(Single(null, TimeObjective.ResolutionWithinBusinessDays(days, 0.9)), calendar ?? EightToFive);

    private static ObjectiveEvaluation Resolve(SlaTimer timer, Instant opened, Instant? resolved, Instant asOf, Interval[]? pauses = null) =>
        timer.Evaluate(new ServiceRequest("INC-1", Id, opened, null, resolved, pauses), ObjectiveKind.Resolution, asOf);

    [Fact]
    public void Monday_0800_plus_two_business_days_is_Wednesday_0800_with_18_hours_allowed()
    {
        var timer = Timer(2);

        // Resolved at the deadline: Met. Allowed = Mon 9 h + Tue 9 h = 18 h.
        var onTime = Resolve(timer, Mar(2, 8), Mar(4, 8), Mar(5, 8));
        Assert.Equal((SlaState.Met, Duration.FromHours(18), Duration.FromHours(18), Mar(4, 8)), (onTime.State, onTime.Allowed, onTime.Elapsed, onTime.Deadline));

        // One minute later: Breached, decided at Wed 08:00.
        var late = Resolve(timer, Mar(2, 8), Mar(4, 8, 1), Mar(5, 8));
        Assert.Equal((SlaState.Breached, Mar(4, 8)), (late.State, late.DecidedAt));

        // Tue 12:00, running: 9 h + 4 h = 13 h of 18 h = 72.2% → AtRisk at level 1 (50% reached, 75% not).
        var running = Resolve(timer, Mar(2, 8), null, Mar(3, 12));
        Assert.Equal((SlaState.AtRisk, 1, Duration.FromHours(13)), (running.State, running.WarningLevel, running.Elapsed));
        Assert.Equal(100.0 * 13 / 18, running.PercentUsed, 9);
    }

    [Fact]
    public void Two_business_days_is_not_48_hours_of_business_time()
    {
        // The complaint: opened Mon 08:00, resolved Fri 16:00. Business time used: 4 × 9 h + 8 h = 44 h.
        // "Within 48 business hours" is met; "within 2 business days" (due Wed 08:00) is breached, decided at Wed 08:00.
        var hours = new SlaTimer(Single(null, TimeObjective.ResolutionWithin(Duration.FromHours(48), 0.9)), EightToFive);
        Assert.Equal(SlaState.Met, Resolve(hours, Mar(2, 8), Mar(6, 16), Mar(9, 8)).State);

        var days = Resolve(Timer(2), Mar(2, 8), Mar(6, 16), Mar(9, 8));
        Assert.Equal((SlaState.Breached, Mar(4, 8), Duration.FromHours(44)), (days.State, days.DecidedAt, days.Elapsed));
    }

    [Fact]
    public void A_start_outside_working_hours_counts_from_the_next_working_instant()
    {
        // Opened Fri 6 Mar 18:00: s = Mon 9 Mar 08:00, 1 business day → Tue 10 Mar 08:00; allowed = 9 h (Monday).
        var e = Resolve(Timer(1), Mar(6, 18), null, Mar(9, 12));
        Assert.Equal((Mar(10, 8), Duration.FromHours(9), Duration.FromHours(4)), (e.Deadline, e.Allowed, e.Elapsed));

        // Opened Wed 4 Mar 15:30, 1 business day → Thu 15:30; allowed = 1.5 h + 7.5 h = 9 h.
        var midday = Resolve(Timer(1), Mar(4, 15, 30), Mar(5, 15, 30), Mar(6, 8));
        Assert.Equal((SlaState.Met, Mar(5, 15, 30), Duration.FromHours(9)), (midday.State, midday.Deadline, midday.Allowed));
    }

    [Fact]
    public void Pauses_push_a_business_days_deadline_by_their_business_time()
    {
        // Opened Mon 08:00, 2 business days (18 h), waiting Mon 10:00–12:00: deadline Wed 08:00 + 2 h = Wed 10:00.
        // Resolved Wed 09:00: elapsed 9 h + 9 h + 1 h − 2 h = 17 h → Met.
        var e = Resolve(Timer(2), Mar(2, 8), Mar(4, 9), Mar(5, 8), [new Interval(Mar(2, 10), Mar(2, 12))]);
        Assert.Equal((SlaState.Met, Mar(4, 10), Duration.FromHours(17), Duration.FromHours(18)), (e.State, e.Deadline, e.Elapsed, e.Allowed));
    }

    [Fact]
    public void Business_days_across_the_spring_forward_night_in_Berlin_keep_the_local_time_of_day()
    {
        // Mon–Fri 09:00–17:00 Europe/Berlin. Opened Fri 27 Mar 2026 10:00 CET (09:00 UTC); clocks go forward on Sun 29 Mar.
        // 1 business day → Mon 30 Mar 10:00 CEST = 08:00 UTC. Allowed: Fri 10–17 (7 h) + Mon 09–10 (1 h) = 8 h.
        var berlin = BusinessCalendar.WeekdaysNineToFive("Europe/Berlin");
        var e = Resolve(Timer(1, berlin), Instant.FromUtc(2026, 3, 27, 9, 0), null, Instant.FromUtc(2026, 3, 27, 12, 0));
        Assert.Equal((Instant.FromUtc(2026, 3, 30, 8, 0), Duration.FromHours(8)), (e.Deadline, e.Allowed));
    }

    [Fact]
    public void A_status_log_counts_business_days_from_the_clocks_start()
    {
        // created Mon 08:00 (Run), new Mon 13:00 (Start): 2 business days from 13:00 → Wed 13:00; allowed 4 h + 9 h + 5 h = 18 h.
        var timer = new SlaTimer(Single(null, TimeObjective.ResolutionWithinBusinessDays(2, 0.9).WithClock(StatusLogTests.ResolutionClock)), EightToFive);
        var r = ServiceRequest.FromStatusLog("INC-2", Id, [new StatusChange(Mar(2, 8), "created"), new StatusChange(Mar(2, 13), "new")]);
        var e = timer.Evaluate(r, ObjectiveKind.Resolution, Mar(3, 9));
        Assert.Equal((Mar(4, 13), Duration.FromHours(18), Duration.FromHours(5)), (e.Deadline, e.Allowed, e.Elapsed));

        // A reset on Tue 09:00 restarts the count: 2 business days from Tue 09:00 → Thu 09:00.
        var reset = ServiceRequest.FromStatusLog("INC-3", Id, [new StatusChange(Mar(2, 8), "new"), new StatusChange(Mar(3, 9), "reassigned")]);
        Assert.Equal(Mar(5, 9), timer.Evaluate(reset, ObjectiveKind.Resolution, Mar(3, 10)).Deadline);
    }

    [Fact]
    public void A_business_days_objective_is_described_and_checked()
    {
        var o = TimeObjective.ResolutionWithinBusinessDays(5, 0.95);
        Assert.Equal((5, Duration.Zero, ObjectiveKind.Resolution), (o.BusinessDays, o.Within, o.Kind));
        Assert.Equal("Resolution within 5 business days for 95% of requests", o.ToString());
        Assert.Equal("FirstResponse within 1 business day for 90% of requests", TimeObjective.FirstResponseWithinBusinessDays(1, 0.9).ToString());
        Assert.Null(TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9).BusinessDays);
        Assert.NotEqual(TimeObjective.ResolutionWithinBusinessDays(5, 0.95), TimeObjective.ResolutionWithinBusinessDays(4, 0.95));
        Assert.Equal(5, o.WithClock(StatusLogTests.ResolutionClock).WithWarningThresholds([0.8]).BusinessDays);

        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => TimeObjective.ResolutionWithinBusinessDays(0, 0.9));
        Assert.Equal("days", zero.ParamName);
        Assert.Contains("at least 1; got 0", zero.Message);

        var target = Assert.Throws<ArgumentOutOfRangeException>(() => TimeObjective.FirstResponseWithinBusinessDays(1, 1.0));
        Assert.Equal("target", target.ParamName);
    }
}
