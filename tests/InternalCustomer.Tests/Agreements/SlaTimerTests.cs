using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using NodaTime;
using Interval = NodaTime.Interval;

namespace InternalCustomer.Tests.Agreements;

// Hand-worked evaluations on a Monday–Friday 09:00–17:00 calendar in Europe/London. In March 2026 London is on
// GMT (local = UTC) until Sunday 29 March, then on BST (UTC+1). 2 March 2026 is a Monday.
// Objectives: first response within 1 business hour, resolution within 8 business hours, warnings at 50% and 75%.
public partial class SlaTimerTests
{
    private static readonly AgreementId SlaId = AgreementId.Parse("it-payroll");
    private static readonly BusinessCalendar London = BusinessCalendar.WeekdaysNineToFive("Europe/London");

    private static readonly ServiceAgreement Agreement = new(
        SlaId,
        DepartmentId.Parse("it"),
        DepartmentId.Parse("payroll"),
        [ServiceId.Parse("laptops")],
        CalendarId.Parse("london"),
        new LocalDate(2026, 1, 1),
        null,
        Period.FromMonths(3),
        TimeObjective.FirstResponseWithin(Duration.FromHours(1), 0.9),
        TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.95));

    private static readonly SlaTimer Timer = new(Agreement, London);

    /// <summary>An instant in March 2026 given in UTC (equal to London local time before 29 March).</summary>
    private static Instant Mar(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);

    private static ServiceRequest Request(
        Instant opened, Instant? firstResponse = null, Instant? resolved = null, Interval[]? pauses = null, Interval? reopen = null) =>
        new("INC-1", SlaId, opened, firstResponse, resolved, pauses, reopen);

    private static ObjectiveEvaluation Resolution(ServiceRequest r, Instant asOf) => Timer.Evaluate(r, ObjectiveKind.Resolution, asOf);

    [Fact]
    public void Deadline_crosses_the_night_and_warnings_fire_at_half_and_three_quarters()
    {
        // Opened Mon 16:00. 8 h = 1 h Monday (16–17) + 7 h Tuesday (09–16): deadline Tue 3 Mar 16:00.
        var r = Request(Mar(2, 16));

        var early = Resolution(r, Mar(2, 16, 30));
        Assert.Equal(SlaState.InProgress, early.State);
        Assert.Equal(Duration.FromMinutes(30), early.Elapsed);
        Assert.Equal(Duration.FromMinutes(450), early.Remaining);
        Assert.Equal(6.25, early.PercentUsed, 12);
        Assert.Equal(Mar(3, 16), early.Deadline);
        Assert.Equal(0, early.WarningLevel);
        Assert.Null(early.DecidedAt);

        // Overnight nothing accrues: Tue 08:00 still 1 h.
        Assert.Equal(Duration.FromHours(1), Resolution(r, Mar(3, 8)).Elapsed);

        // Tue 12:00: 1 h + 3 h = 4 h = 50% → at risk, level 1.
        var half = Resolution(r, Mar(3, 12));
        Assert.Equal((SlaState.AtRisk, 1, 50.0), (half.State, half.WarningLevel, half.PercentUsed));

        // Tue 14:00: 6 h = 75% → level 2.
        Assert.Equal(2, Resolution(r, Mar(3, 14)).WarningLevel);

        // Tue 16:00 exactly: 100% but undecided (it may still be resolved at this instant).
        var atDeadline = Resolution(r, Mar(3, 16));
        Assert.Equal((SlaState.AtRisk, 100.0), (atDeadline.State, atDeadline.PercentUsed));

        // Tue 16:01, unresolved: breached, decided at the deadline; 8 h 01 min used = 100.2083…%.
        var late = Resolution(r, Mar(3, 16, 1));
        Assert.Equal(SlaState.Breached, late.State);
        Assert.Equal(Mar(3, 16), late.DecidedAt);
        Assert.Equal(Duration.FromMinutes(-1), late.Remaining);
        Assert.Equal(100.0 * 481 / 480, late.PercentUsed, 9);
    }

    [Fact]
    public void Resolved_at_the_deadline_is_met_and_one_nanosecond_later_is_breached()
    {
        var onTime = Resolution(Request(Mar(2, 16), resolved: Mar(3, 16)), Mar(4, 9));
        Assert.Equal(SlaState.Met, onTime.State);
        Assert.Equal(Mar(3, 16), onTime.DecidedAt);
        Assert.Equal(Duration.FromHours(8), onTime.Elapsed);

        var late = Resolution(Request(Mar(2, 16), resolved: Mar(3, 16).PlusNanoseconds(1)), Mar(4, 9));
        Assert.Equal(SlaState.Breached, late.State);
        Assert.Equal(Mar(3, 16), late.DecidedAt);
    }

    [Fact]
    public void A_weekend_passes_without_time_and_a_saturday_resolution_after_a_friday_deadline_is_breached()
    {
        // Opened Fri 6 Mar 15:00: 2 h Friday + 6 h Monday 9 Mar (09–15): deadline Mon 15:00.
        var r = Request(Mar(6, 15));
        var sunday = Resolution(r, Mar(8, 12));
        Assert.Equal((SlaState.InProgress, Duration.FromHours(2), 25.0), (sunday.State, sunday.Elapsed, sunday.PercentUsed));
        Assert.Equal(Mar(9, 15), sunday.Deadline);

        // Resolved on Saturday: met, 2 h used.
        var saturday = Resolution(Request(Mar(6, 15), resolved: Mar(7, 10)), Mar(9, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(2)), (saturday.State, saturday.Elapsed));

        // Opened Fri 09:00: deadline Fri 17:00. Resolved Sat 10:00: the business clock did not move (8 h used),
        // but the deadline instant has passed: breached, decided at Fri 17:00.
        var afterDeadline = Resolution(Request(Mar(6, 9), resolved: Mar(7, 10)), Mar(9, 9));
        Assert.Equal((SlaState.Breached, Duration.FromHours(8), Mar(6, 17)), (afterDeadline.State, afterDeadline.Elapsed, afterDeadline.DecidedAt));
    }

    [Fact]
    public void A_request_opened_at_night_starts_counting_at_the_next_window()
    {
        // Opened Tue 3 Mar 22:00; first response within 1 h → Wed 10:00. Wed 08:00: nothing used yet.
        var r = Request(Mar(3, 22));
        var e = Timer.Evaluate(r, ObjectiveKind.FirstResponse, Mar(4, 8));
        Assert.Equal((SlaState.InProgress, Duration.Zero, Mar(4, 10)), (e.State, e.Elapsed, e.Deadline));
    }

    [Fact]
    public void The_deadline_across_spring_forward_uses_the_new_offset()
    {
        // Opened Fri 27 Mar 16:00 GMT (16:00Z). 1 h Friday; Monday 30 Mar is BST, 09:00–16:00 local = 08:00–15:00Z:
        // deadline 2026-03-30T15:00Z (not 16:00Z, which a fixed GMT offset would give).
        var e = Resolution(Request(Mar(27, 16)), Mar(27, 16));
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 15, 0), e.Deadline);
    }

    [Fact]
    public void A_holiday_pushes_the_deadline_a_day()
    {
        // Monday 9 March a holiday: opened Fri 6 Mar 15:00 → 2 h Friday + 6 h Tuesday 10 Mar: deadline Tue 15:00.
        var timer = new SlaTimer(Agreement, London.WithHolidays([new LocalDate(2026, 3, 9)]));
        Assert.Equal(Mar(10, 15), timer.Evaluate(Request(Mar(6, 15)), ObjectiveKind.Resolution, Mar(6, 15)).Deadline);
    }

    [Fact]
    public void A_pause_shifts_the_deadline_by_the_business_time_it_covers()
    {
        // Opened Mon 2 Mar 09:00, waiting on the customer 11:00–14:00.
        // Unpaused: 09–11 (2 h) + 14–17 (3 h) = 5 h on Monday, 3 h on Tuesday → deadline Tue 12:00 (3 h later than
        // the unpaused Mon 17:00).
        var r = Request(Mar(2, 9), pauses: [new Interval(Mar(2, 11), Mar(2, 14))]);
        var e = Resolution(r, Mar(2, 17));
        Assert.Equal((Duration.FromHours(5), Mar(3, 12), SlaState.AtRisk), (e.Elapsed, e.Deadline, e.State));

        // During the pause (Mon 12:00) the request is paused; its deadline is the earliest it can still be: if the pause
        // ended now, 6 h would remain: 12–17 Monday (5 h) + 1 h Tuesday → Tue 10:00.
        var paused = Resolution(r, Mar(2, 12));
        Assert.Equal((SlaState.Paused, Duration.FromHours(2), Mar(3, 10)), (paused.State, paused.Elapsed, paused.Deadline));
    }

    [Fact]
    public void A_pause_over_the_night_counts_only_its_working_hours()
    {
        // Opened Mon 09:00, paused Mon 16:00 – Tue 10:00 (1 h Monday + 1 h Tuesday of working time).
        // 7 h before the pause; 1 h after Tue 10:00 → deadline Tue 11:00.
        var r = Request(Mar(2, 9), pauses: [new Interval(Mar(2, 16), Mar(3, 10))]);
        Assert.Equal(Mar(3, 11), Resolution(r, Mar(3, 10)).Deadline);

        // A pause wholly outside working time (Mon 18:00 – Tue 08:00) changes nothing: deadline Mon 17:00.
        var night = Request(Mar(2, 9), pauses: [new Interval(Mar(2, 18), Mar(3, 8))]);
        Assert.Equal(Mar(2, 17), Resolution(night, Mar(2, 9)).Deadline);
    }

    [Fact]
    public void A_pause_starting_exactly_at_asOf_means_paused_and_a_pause_after_the_deadline_does_not_save_it()
    {
        var r = Request(Mar(2, 9), pauses: [new Interval(Mar(2, 12), null)]);
        Assert.Equal(SlaState.Paused, Resolution(r, Mar(2, 12)).State);
        Assert.Equal(SlaState.InProgress, Resolution(r, Mar(2, 11, 59)).State);

        // Deadline Mon 17:00; the customer is asked something on Tue 10:00 (ongoing): too late, breached at Mon 17:00.
        var late = Request(Mar(2, 9), pauses: [new Interval(Mar(3, 10), null)]);
        var e = Resolution(late, Mar(3, 11));
        Assert.Equal((SlaState.Breached, Mar(2, 17)), (e.State, e.DecidedAt));
    }

    [Fact]
    public void A_reopened_request_excludes_the_gap_from_resolution_and_answers_the_first_response_at_the_first_resolution()
    {
        // Opened Mon 09:00, resolved Mon 12:00 (3 h), reopened Tue 10:00, finally resolved Tue 14:00.
        // Resolution: 3 h + Tue 10–14 (4 h) = 7 h ≤ 8 h → met; deadline: 5 h left from Tue 10:00 → Tue 15:00.
        var r = Request(Mar(2, 9), resolved: Mar(3, 14), reopen: new Interval(Mar(2, 12), Mar(3, 10)));
        var resolution = Resolution(r, Mar(4, 9));
        Assert.Equal((SlaState.Met, Duration.FromHours(7), Mar(3, 15), Mar(3, 14)), (resolution.State, resolution.Elapsed, resolution.Deadline, resolution.DecidedAt));

        // First response: none recorded, so the first resolution (Mon 12:00) answers it: 3 h > 1 h → breached at Mon 10:00.
        var response = Timer.Evaluate(r, ObjectiveKind.FirstResponse, Mar(4, 9));
        Assert.Equal((SlaState.Breached, Duration.FromHours(3), Mar(2, 10)), (response.State, response.Elapsed, response.DecidedAt));

        // While reopened-and-waiting (Mon 15:00, inside the gap) the resolution timer is paused.
        Assert.Equal(SlaState.Paused, Resolution(r, Mar(2, 15)).State);
    }

    [Fact]
    public void Events_after_asOf_are_not_yet_known()
    {
        // Resolved Tue 12:00, but evaluated on Mon 17:00: still running (8 h used of 8 → 100%, at risk, undecided).
        var r = Request(Mar(2, 9), Mar(2, 9, 30), Mar(3, 12));
        var e = Resolution(r, Mar(2, 17));
        Assert.Equal((SlaState.AtRisk, false), (e.State, e.IsDecided));

        var response = Timer.Evaluate(r, ObjectiveKind.FirstResponse, Mar(2, 9, 15));
        Assert.Equal((SlaState.InProgress, Duration.FromMinutes(15)), (response.State, response.Elapsed));
        Assert.Equal(SlaState.Met, Timer.Evaluate(r, ObjectiveKind.FirstResponse, Mar(2, 9, 30)).State);
    }

    [Fact]
    public void Batch_evaluation_equals_one_at_a_time_and_feeds_compliance_and_alerts()
    {
        ServiceRequest[] requests =
        [
            Request(Mar(2, 9), resolved: Mar(2, 12)),             // met, decided Mon 2 Mar 12:00
            Request(Mar(2, 9)),                                   // breached, decided at Mon 2 Mar 17:00
            Request(Mar(30, 8), resolved: Mar(30, 15)),           // Mon 30 Mar 09:00–16:00 BST = 7 h: met, decided in March
            Request(Mar(31, 14)),                                 // opened 15:00 BST, 2 h used at asOf: running
            Request(Mar(31, 10), pauses: [new Interval(Mar(31, 11), null)]), // paused
        ];
        var asOf = Instant.FromUtc(2026, 3, 31, 16, 0);
        var all = Timer.EvaluateAll(requests, ObjectiveKind.Resolution, asOf);
        Assert.Equal(requests.Select(r => Resolution(r, asOf)), all);
        Assert.Equal([SlaState.Met, SlaState.Breached, SlaState.Met, SlaState.InProgress, SlaState.Paused], all.Select(e => e.State));

        var months = ComplianceWindows.Aligned(London.Zone, PeriodUnit.Month, new LocalDate(2026, 3, 1), 2);
        var report = Timer.Compliance(requests, ObjectiveKind.Resolution, asOf, months.AsSpan());
        Assert.Equal((2L, 1L), (report.Windows[0].Met, report.Windows[0].Breached));
        Assert.Equal(0, report.Windows[1].Decided);
        Assert.Equal((2L, 1L, 0L), (report.InFlight, report.Paused, report.DecidedOutside));

        var fromEvaluations = ComplianceReport.From(all.AsSpan(), months.AsSpan(), 0.95);
        Assert.Equal(report.Windows.ToArray(), fromEvaluations.Windows.ToArray());

        var alerts = Timer.EvaluateAlerts(requests, ObjectiveKind.Resolution, asOf, BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(30)));
        Assert.Equal(alerts.ToArray(), BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(30)).Evaluate(all.AsSpan(), 0.95, asOf).ToArray());
    }

    [Fact]
    public void Rejects_asOf_before_opening()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Timer.Evaluate(Request(Mar(2, 9)), ObjectiveKind.Resolution, Mar(2, 8)));
        Assert.Equal("asOf", ex.ParamName);
        Assert.StartsWith("asOf must be at or after the request's opening (2026-03-02T09:00:00Z); got 2026-03-02T08:00:00Z.", ex.Message);

        var batch = Assert.Throws<ArgumentException>(() => Timer.EvaluateAll([Request(Mar(2, 7)), Request(Mar(2, 9))], ObjectiveKind.Resolution, Mar(2, 8)));
        Assert.Equal("asOf", batch.ParamName);
        Assert.StartsWith("asOf must be at or after the opening of every request; requests[1] ('INC-1') opened at 2026-03-02T09:00:00Z, after 2026-03-02T08:00:00Z.", batch.Message);
    }

    [Fact]
    public void Rejects_requests_of_another_agreement_and_null_requests()
    {
        var other = new ServiceRequest("INC-9", AgreementId.Parse("hr-it"), Mar(2, 9));
        var ex = Assert.Throws<ArgumentException>(() => Timer.Evaluate(other, ObjectiveKind.Resolution, Mar(2, 10)));
        Assert.Equal("request", ex.ParamName);
        Assert.StartsWith("Request 'INC-9' is measured against agreement 'hr-it', not 'it-payroll'.", ex.Message);

        var batch = Assert.Throws<ArgumentException>(() => Timer.EvaluateAll([Request(Mar(2, 9)), other], ObjectiveKind.Resolution, Mar(2, 10)));
        Assert.Equal("requests", batch.ParamName);
        Assert.StartsWith("requests[1] ('INC-9') is measured against agreement 'hr-it', not 'it-payroll'.", batch.Message);

        var nulls = Assert.Throws<ArgumentException>(() => Timer.EvaluateAll([null!], ObjectiveKind.Resolution, Mar(2, 10)));
        Assert.Equal("requests", nulls.ParamName);
        Assert.StartsWith("requests[0] is null; expected a request.", nulls.Message);
    }

    [Fact]
    public void Rejects_a_short_destination_a_missing_objective_and_a_calendar_without_working_time()
    {
        var destination = new ObjectiveEvaluation[1];
        var ex = Assert.Throws<ArgumentException>(() => Timer.Evaluate([Request(Mar(2, 9)), Request(Mar(2, 9))], ObjectiveKind.Resolution, Mar(2, 10), destination));
        Assert.Equal("destination", ex.ParamName);
        Assert.StartsWith("The destination must hold at least 2 evaluations; got room for 1.", ex.Message);

        var satisfaction = Assert.Throws<ArgumentException>(() => Timer.Evaluate(Request(Mar(2, 9)), ObjectiveKind.Satisfaction, Mar(2, 10)));
        Assert.Equal("kind", satisfaction.ParamName);
        Assert.StartsWith("Expected FirstResponse or Resolution; got Satisfaction.", satisfaction.Message);

        var closed = BusinessCalendar.Create("Europe/London", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>(), []);
        var none = Assert.Throws<ArgumentException>(() => new SlaTimer(Agreement, closed));
        Assert.Equal("calendar", none.ParamName);
        Assert.StartsWith("The calendar of agreement 'it-payroll' must have working time; got ", none.Message);
    }
}
