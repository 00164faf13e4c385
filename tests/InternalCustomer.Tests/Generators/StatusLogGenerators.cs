using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>
/// A request in the shorthand form (opened, 0–3 pauses, perhaps a first response outside the pauses and not after the
/// first resolution, perhaps a reopen gap, perhaps resolved) and the same request as the status log a ticketing system
/// would export, on a random calendar, evaluated at <see cref="AsOf"/>. <see cref="Shorthand"/> is measured by
/// <see cref="ShorthandTimer"/> (objectives without clock conditions), <see cref="Log"/> by <see cref="LogTimer"/>
/// (the same objectives with <see cref="StatusLogGenerators.ResponseClock"/> and <see cref="StatusLogGenerators.ResolutionClock"/>).
/// </summary>
public sealed record EquivalenceScenario(BusinessCalendar Calendar, TimeObjective FirstResponse, TimeObjective Resolution, ServiceRequest Shorthand, ServiceRequest Log, Instant AsOf)
{
    public SlaTimer ShorthandTimer => new(StatusLogGenerators.Agreement(FirstResponse, Resolution), Calendar);

    public SlaTimer LogTimer => new(
        StatusLogGenerators.Agreement(FirstResponse.WithClock(StatusLogGenerators.ResponseClock), Resolution.WithClock(StatusLogGenerators.ResolutionClock)),
        Calendar);

    public override string ToString() =>
        $"{Calendar}; {FirstResponse}; {Resolution}; opened {Shorthand.Opened}, first response {Shorthand.FirstResponse}, resolved {Shorthand.Resolved}, " +
        $"pauses [{string.Join(", ", Shorthand.Pauses)}], reopen {Shorthand.Reopen}; log [{string.Join("; ", Log.StatusLog)}]; asOf {AsOf}";
}

/// <summary>A random status log over the statuses of <see cref="StatusLogGenerators.ResolutionClock"/> on a random calendar,
/// with a time objective (business time or business days), two instants <see cref="AsOf"/> &lt;= <see cref="Later"/>,
/// a place to insert one more entry (<see cref="InsertAt"/> in [1, log length], <see cref="InsertMinute"/> minutes after the
/// entry before it) and an instant <see cref="Probe"/> near the log.</summary>
public sealed record LogScenario(BusinessCalendar Calendar, TimeObjective Objective, ServiceRequest Log, Instant AsOf, Instant Later, int InsertAt, int InsertMinute, Instant Probe)
{
    public SlaTimer Timer(IEnumerable<ExclusionWindow>? exclusions = null) =>
        new(StatusLogGenerators.Agreement(null, Objective.WithClock(StatusLogGenerators.ResolutionClock)).WithExclusions(exclusions ?? []), Calendar);

    public override string ToString() =>
        $"{Calendar}; {Objective}; log [{string.Join("; ", Log.StatusLog)}]; asOf {AsOf}, later {Later}; insert at {InsertAt} +{InsertMinute} min; probe {Probe}";
}

/// <summary>A request opened at <see cref="Opened"/> on a random calendar, for an objective of <see cref="Days"/> business days.</summary>
public sealed record BusinessDaysCase(BusinessCalendar Calendar, Instant Opened, int Days)
{
    public override string ToString() => $"{Calendar} | holidays {string.Join(",", Calendar.Holidays)} | opened {Opened}, {Days} business days";
}

/// <summary>FsCheck generators for requests given as status logs.</summary>
public static class StatusLogGenerators
{
    public static readonly AgreementId LogAgreement = AgreementId.Parse("log-scenario");

    /// <summary>The first-response clock of the shorthand translation: open starts, responded and resolved stop, waiting pauses,
    /// reopened runs (a reopen does not take the first response back). "working" is Run, for the insertion law.</summary>
    public static readonly ClockConditions ResponseClock = new(
    [
        new("open", ClockAction.Start), new("responded", ClockAction.Stop), new("waiting", ClockAction.Pause),
        new("resolved", ClockAction.Stop), new("reopened", ClockAction.Run), new("working", ClockAction.Run),
    ]);

    /// <summary>The resolution clock of the shorthand translation: open starts, responded runs, waiting pauses, resolved stops,
    /// reopened starts again (the gap is paused); plus "created" and "working" (Run), "reassigned" (Reset), "withdrawn" (Cancel).</summary>
    public static readonly ClockConditions ResolutionClock = new(
    [
        new("open", ClockAction.Start), new("responded", ClockAction.Run), new("waiting", ClockAction.Pause),
        new("resolved", ClockAction.Stop), new("reopened", ClockAction.Start), new("working", ClockAction.Run),
        new("created", ClockAction.Run), new("reassigned", ClockAction.Reset), new("withdrawn", ClockAction.Cancel),
    ]);

    public static ServiceAgreement Agreement(TimeObjective? firstResponse, TimeObjective? resolution) => new(
        LogAgreement,
        DepartmentId.Parse("provider"),
        DepartmentId.Parse("consumer"),
        [ServiceId.Parse("service")],
        CalendarId.Parse("calendar"),
        new LocalDate(2000, 1, 1),
        null,
        Period.FromMonths(3),
        firstResponse,
        resolution);

    private static Gen<BusinessCalendar> Calendars =>
        from calendar in CalendarGenerators.Calendar(2018, 2030)
        where calendar.WeeklyWorkingTime >= Duration.FromHours(5)
        select calendar;

    private static Gen<int> Gap => Gen.Frequency((3, Gen.Choose(1, 600)), (1, Gen.Choose(1, 3 * 1440)));

    private static Gen<TimeObjective> Objective(ObjectiveKind kind) =>
        Gen.Frequency(
            (3, Gen.Choose(1, 16 * 60).Select(m => new TimeObjective(kind, Duration.FromMinutes(m), 0.9))),
            (1, Gen.Choose(1, 3).Select(d => kind == ObjectiveKind.FirstResponse ? TimeObjective.FirstResponseWithinBusinessDays(d, 0.9) : TimeObjective.ResolutionWithinBusinessDays(d, 0.9))));

    public static Arbitrary<EquivalenceScenario> EquivalenceScenarios() =>
        (from calendar in Calendars
         from opened in CalendarGenerators.MinuteNear(calendar.ZoneId, 2019, 2029)
         from firstResponse in Objective(ObjectiveKind.FirstResponse)
         from resolution in Objective(ObjectiveKind.Resolution)
         from gaps in Gen.ArrayOf(Gap, 9)
         from pauseCount in Gen.Choose(0, 3)
         from outcome in Gen.Choose(0, 3)
         from response in Gen.Choose(-600, 2 * 1440)
         from asOf in Gen.Frequency((2, Gen.Choose(0, 2 * 1440)), (1, Gen.Choose(0, 14 * 1440)))
         select Equivalence(calendar, firstResponse, resolution, opened, gaps, pauseCount, outcome, response, asOf)).ToArbitrary();

    private static EquivalenceScenario Equivalence(
        BusinessCalendar calendar, TimeObjective firstResponse, TimeObjective resolution, Instant opened, int[] gaps, int pauseCount, int outcome, int response, int asOf)
    {
        static Duration M(int minutes) => Duration.FromMinutes(minutes);

        var (pauses, reopen, resolved) = AgreementGenerators.Lifetime(opened, gaps, pauseCount, outcome);

        // The first response: not inside a pause (moved to its start), not after the first resolution.
        Instant? answered = response < 0 ? null : opened + M(response);
        if (answered is { } f)
        {
            foreach (var p in pauses)
            {
                if (p.Start < f && (!p.HasEnd || f < p.End))
                {
                    f = p.Start;
                }
            }

            var firstResolution = reopen?.Start ?? resolved;
            answered = firstResolution is { } r && f > r ? r : f;
        }

        var shorthand = new ServiceRequest("R-1", LogAgreement, opened, answered, resolved, pauses, reopen);
        var log = ServiceRequest.FromStatusLog("R-1", LogAgreement, Translate(shorthand));
        return new EquivalenceScenario(calendar, firstResponse, resolution, shorthand, log, opened + M(asOf));
    }

    /// <summary>The status log of a shorthand request: open at the opening; waiting at each pause's start and, at its end, back
    /// to the status before it (open, responded, or reopened); responded at the first response; resolved at the first
    /// resolution and reopened at the end of the reopen gap; resolved at the resolution. Entries at one instant come in the
    /// order open, back from a wait, responded, waiting, resolved, reopened.</summary>
    public static IEnumerable<StatusChange> Translate(ServiceRequest r)
    {
        string Base(Instant at) =>
            r.Reopen is { } g && at >= g.End ? "reopened" : r.FirstResponse is { } f && f <= at ? "responded" : "open";

        var entries = new List<(Instant At, int Order, string Status)> { (r.Opened, 0, "open") };
        foreach (var p in r.Pauses)
        {
            entries.Add((p.Start, 3, "waiting"));
            if (p.HasEnd)
            {
                entries.Add((p.End, 1, Base(p.End)));
            }
        }

        if (r.FirstResponse is { } answered)
        {
            entries.Add((answered, 2, "responded"));
        }

        if (r.Reopen is { } gap)
        {
            entries.Add((gap.Start, 4, "resolved"));
            entries.Add((gap.End, 5, "reopened"));
        }

        if (r.Resolved is { } resolved)
        {
            entries.Add((resolved, 4, "resolved"));
        }

        return entries.OrderBy(e => e.At).ThenBy(e => e.Order).Select(e => new StatusChange(e.At, e.Status));
    }

    public static Arbitrary<BusinessDaysCase> BusinessDaysCases() =>
        (from calendar in Calendars
         from opened in CalendarGenerators.MinuteNear(calendar.ZoneId, 2019, 2029)
         from days in Gen.Choose(1, 10)
         select new BusinessDaysCase(calendar, opened, days)).ToArbitrary();

    public static Arbitrary<LogScenario> LogScenarios()
    {
        var status = Gen.Frequency(
            (2, Gen.Constant("open")), (1, Gen.Constant("created")), (2, Gen.Constant("working")), (3, Gen.Constant("waiting")),
            (3, Gen.Constant("resolved")), (2, Gen.Constant("reopened")), (1, Gen.Constant("reassigned")), (1, Gen.Constant("withdrawn")));
        var step = Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 600)), (1, Gen.Choose(1, 3 * 1440)));
        return (from calendar in Calendars
                from opened in CalendarGenerators.MinuteNear(calendar.ZoneId, 2019, 2029)
                from objective in Objective(ObjectiveKind.Resolution)
                from first in Gen.Frequency((3, Gen.Constant("open")), (1, Gen.Constant("created")))
                from count in Gen.Choose(0, 7)
                from statuses in Gen.ArrayOf(status, count)
                from steps in Gen.ArrayOf(step, count)
                from asOf in Gen.Frequency((2, Gen.Choose(0, 2 * 1440)), (1, Gen.Choose(0, 14 * 1440)))
                from later in Gen.Choose(0, 7 * 1440)
                from insertAt in Gen.Choose(1, count + 1)
                from insertMinute in Gen.Choose(0, 3 * 1440)
                from probe in Gen.Choose(-1440, 14 * 1440)
                select Scenario(calendar, objective, opened, first, statuses, steps, asOf, later, insertAt, insertMinute, probe)).ToArbitrary();
    }

    private static LogScenario Scenario(
        BusinessCalendar calendar, TimeObjective objective, Instant opened, string first, string[] statuses, int[] steps, int asOf, int later, int insertAt, int insertMinute, int probe)
    {
        var entries = new List<StatusChange> { new(opened, first) };
        var t = opened;
        for (var i = 0; i < statuses.Length; i++)
        {
            t += Duration.FromMinutes(steps[i]);
            entries.Add(new StatusChange(t, statuses[i]));
        }

        var asOfInstant = opened + Duration.FromMinutes(asOf);
        return new LogScenario(
            calendar,
            objective,
            ServiceRequest.FromStatusLog("L-1", LogAgreement, entries),
            asOfInstant,
            asOfInstant + Duration.FromMinutes(later),
            insertAt,
            insertMinute,
            opened + Duration.FromMinutes(probe));
    }
}
