using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using NodaTime;
using Interval = NodaTime.Interval;

namespace InternalCustomer.Tests.Agreements;

// Hand-worked escalation schedules on a Monday–Friday 09:00–17:00 calendar in UTC. 2 March 2026 is a Monday.
// Resolution within 8 business hours, warnings at 50% (4 h) and 75% (6 h).
public class EscalationTests
{
    private static readonly AgreementId Id = AgreementId.Parse("it-payroll");
    private static readonly BusinessCalendar Utc = BusinessCalendar.WeekdaysNineToFive("Etc/UTC");

    private static readonly ServiceAgreement Agreement = new(
        Id,
        DepartmentId.Parse("it"),
        DepartmentId.Parse("payroll"),
        [ServiceId.Parse("laptops")],
        CalendarId.Parse("utc"),
        new LocalDate(2026, 1, 1),
        null,
        Period.FromMonths(3),
        resolution: TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.95));

    private static readonly SlaTimer Timer = new(Agreement, Utc);

    private static Instant Mar(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);

    private static ServiceRequest Request(Instant? resolved = null, params Interval[] pauses) => new("INC-1", Id, Mar(2, 9), resolved: resolved, pauses: pauses);

    [Fact]
    public void A_running_request_warns_at_half_and_three_quarters_and_breaches_at_the_deadline()
    {
        // Opened Mon 09:00, as of 12:00: 3 h used. 4 h at 13:00, 6 h at 15:00, 8 h at 17:00.
        var schedule = Timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(2, 12));

        Assert.Equal(SlaState.InProgress, schedule.Evaluation.State);
        Assert.Equal([0.5, 0.75], schedule.WarningThresholds.ToArray());
        Assert.Equal([Mar(2, 13), Mar(2, 15)], schedule.WarningInstants.ToArray());
        Assert.Equal(Mar(2, 17), schedule.Breach);
        Assert.Equal(Mar(2, 13), schedule.NextChange);
    }

    [Fact]
    public void Schedules_compare_by_value_so_a_host_can_tell_whether_a_recomputation_moved_anything()
    {
        var atNoon = Timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(2, 12));
        var again = Timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(2, 12));
        var later = Timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(2, 12, 30));
        var paused = Timer.Escalation(Request(null, new Interval(Mar(2, 10), Mar(2, 11))), ObjectiveKind.Resolution, Mar(2, 12));

        Assert.NotSame(atNoon, again);
        Assert.Equal(atNoon, again);
        Assert.Equal(atNoon.GetHashCode(), again.GetHashCode());
        Assert.True(atNoon.Equals((object)again));
        Assert.NotEqual(atNoon, later); // same instants, another as-of and elapsed time
        Assert.NotEqual(atNoon, paused); // the pause moved every instant by an hour
        Assert.False(atNoon.Equals(null));
    }

    [Fact]
    public void A_past_pause_pushes_every_instant_by_the_business_time_it_covered()
    {
        // Paused 10:00–11:00: as of 12:00, 2 h used (09–10, 11–12). 4 h at 14:00, 6 h at 16:00;
        // 8 h = Monday's 7 h (09–10, 11–17) + 1 h on Tuesday: Tue 10:00.
        var schedule = Timer.Escalation(Request(null, new Interval(Mar(2, 10), Mar(2, 11))), ObjectiveKind.Resolution, Mar(2, 12));

        Assert.Equal([Mar(2, 14), Mar(2, 16)], schedule.WarningInstants.ToArray());
        Assert.Equal(Mar(3, 10), schedule.Breach);
        Assert.Equal(Mar(2, 14), schedule.NextChange);
    }

    [Fact]
    public void An_ongoing_pause_is_taken_to_end_at_as_of()
    {
        // Waiting since 11:00, as of 12:00: 2 h used (09–11). Resumed at 12:00: 4 h at 14:00, 6 h at 16:00,
        // 8 h = 2 h + 5 h (12–17) + 1 h on Tuesday: Tue 10:00.
        var schedule = Timer.Escalation(Request(null, new Interval(Mar(2, 11), null)), ObjectiveKind.Resolution, Mar(2, 12));

        Assert.Equal(SlaState.Paused, schedule.Evaluation.State);
        Assert.Equal([Mar(2, 14), Mar(2, 16)], schedule.WarningInstants.ToArray());
        Assert.Equal(Mar(3, 10), schedule.Breach);
        Assert.Equal(Mar(2, 14), schedule.NextChange);
    }

    [Fact]
    public void A_threshold_already_crossed_keeps_its_past_instant_and_the_next_change_is_the_one_ahead()
    {
        // As of 14:00: 5 h used, past the 4 h warning (13:00); the 6 h warning at 15:00 is next.
        var schedule = Timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(2, 14));

        Assert.Equal(SlaState.AtRisk, schedule.Evaluation.State);
        Assert.Equal([Mar(2, 13), Mar(2, 15)], schedule.WarningInstants.ToArray());
        Assert.Equal(Mar(2, 15), schedule.NextChange);
    }

    [Fact]
    public void Decided_requests_have_nothing_ahead()
    {
        var met = Timer.Escalation(Request(Mar(2, 10)), ObjectiveKind.Resolution, Mar(2, 12));
        Assert.Equal(SlaState.Met, met.Evaluation.State);
        Assert.Empty(met.WarningInstants);
        Assert.Null(met.Breach);
        Assert.Null(met.NextChange);

        // Still open on Tuesday 10:00: breached at Monday 17:00, nothing more will change by itself.
        var breached = Timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(3, 10));
        Assert.Equal(SlaState.Breached, breached.Evaluation.State);
        Assert.Equal(Mar(2, 17), breached.Breach);
        Assert.Null(breached.NextChange);
    }

    [Fact]
    public void The_next_excluded_time_window_is_a_change_when_it_starts_first()
    {
        // As of 15:30 the 75% warning (15:00) has passed; the breach is at 17:00, but a maintenance window from 16:00 pauses
        // the clock first. (Its time is not assumed: the breach moves once the window has happened.)
        var timer = new SlaTimer(
            Agreement.WithExclusions([new ExclusionWindow(new Interval(Mar(2, 16), Mar(2, 16, 30)), "ERP upgrade", ExclusionEffect.ExcludeTime)]),
            Utc);

        var schedule = timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(2, 15, 30));

        Assert.Equal(Mar(2, 17), schedule.Breach);
        Assert.Equal(Mar(2, 16), schedule.NextChange);

        // Inside the window the request is paused, and the window's end is its next change.
        var inside = timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(2, 16, 10));
        Assert.Equal((SlaState.Paused, Mar(2, 16, 30)), (inside.Evaluation.State, inside.NextChange));

        // Once the window has passed, its half hour pushes the breach to Tuesday 09:30.
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 9, 30), timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(2, 16, 45)).Breach);
    }

    [Fact]
    public void The_schedule_agrees_with_evaluations_at_its_own_instants()
    {
        // At each warning instant the evaluation's warning level steps up, and at the breach instant it is still undecided.
        var request = Request(null, new Interval(Mar(2, 10), Mar(2, 11)));
        var schedule = Timer.Escalation(request, ObjectiveKind.Resolution, Mar(2, 12));
        for (var i = 0; i < schedule.WarningInstants.Length; i++)
        {
            var at = schedule.WarningInstants[i];
            Assert.Equal(i, Timer.Evaluate(request, ObjectiveKind.Resolution, at - Duration.FromNanoseconds(1)).WarningLevel);
            Assert.Equal(i + 1, Timer.Evaluate(request, ObjectiveKind.Resolution, at).WarningLevel);
        }

        Assert.NotEqual(SlaState.Breached, Timer.Evaluate(request, ObjectiveKind.Resolution, schedule.Breach!.Value).State);
        Assert.Equal(SlaState.Breached, Timer.Evaluate(request, ObjectiveKind.Resolution, schedule.Breach!.Value + Duration.FromNanoseconds(1)).State);
    }

    [Fact]
    public void Bad_arguments_are_rejected_as_evaluation_rejects_them()
    {
        Assert.Throws<ArgumentNullException>("request", () => Timer.Escalation(null!, ObjectiveKind.Resolution, Mar(2, 12)));
        var early = Assert.Throws<ArgumentOutOfRangeException>("asOf", () => Timer.Escalation(Request(), ObjectiveKind.Resolution, Mar(2, 8)));
        Assert.Contains("at or after the request's opening", early.Message, StringComparison.Ordinal);
        var kind = Assert.Throws<ArgumentException>("kind", () => Timer.Escalation(Request(), ObjectiveKind.FirstResponse, Mar(2, 12)));
        Assert.Contains("has no FirstResponse objective", kind.Message, StringComparison.Ordinal);
    }
}
