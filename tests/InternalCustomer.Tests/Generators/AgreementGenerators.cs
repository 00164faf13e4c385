using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using NodaTime;
using Interval = NodaTime.Interval;

namespace InternalCustomer.Tests.Generators;

/// <summary>A bag of evaluations of one objective, decided ones with decision instants spread over 2025–2027.</summary>
public sealed record DecisionSet(ObjectiveEvaluation[] Evaluations)
{
    public override string ToString() =>
        $"{Evaluations.Length} evaluations: " + string.Join(", ", Evaluations.Take(8).Select(e => $"{e.State}@{e.DecidedAt}"));
}

/// <summary>A request on a random calendar (random zone, windows, holidays) with 0–3 pauses, perhaps reopened,
/// evaluated at <see cref="AsOf"/> and again at <see cref="Later"/> (&gt;= AsOf). Every instant is on a whole minute.</summary>
public sealed record TimerScenario(BusinessCalendar Calendar, ServiceAgreement Agreement, ServiceRequest Request, Instant AsOf, Instant Later)
{
    public SlaTimer Timer => new(Agreement, Calendar);

    public override string ToString() =>
        $"{Calendar}; allowed {Agreement.Resolution!.Within}; opened {Request.Opened}, first response {Request.FirstResponse}, resolved {Request.Resolved}, " +
        $"pauses [{string.Join(", ", Request.Pauses)}], reopen {Request.Reopen}; asOf {AsOf}, later {Later}";
}

/// <summary>FsCheck generators for the Agreements area.</summary>
public static class AgreementGenerators
{
    private static readonly Instant Base = Instant.FromUtc(2025, 12, 1, 0, 0);
    private static readonly Duration Allowed = Duration.FromHours(8);

    public static Arbitrary<DecisionSet> DecisionSets()
    {
        var state = Gen.Elements(SlaState.Met, SlaState.Breached, SlaState.InProgress, SlaState.AtRisk, SlaState.Paused);

        // Minutes from 2025-12-01 over about 14 months, so some decisions fall outside 2026.
        var minute = Gen.Choose(0, 14 * 31 * 24 * 60);
        var one =
            from s in state
            from m in minute
            select new ObjectiveEvaluation(
                ObjectiveKind.Resolution,
                s,
                Allowed,
                Allowed,
                Base + Duration.FromMinutes(m),
                Base + Duration.FromMinutes(m),
                s == SlaState.AtRisk ? 1 : 0);
        return Arb.From(one.ArrayOf().Select(a => new DecisionSet(a)));
    }

    public static readonly AgreementId ScenarioAgreement = AgreementId.Parse("scenario");

    public static Arbitrary<TimerScenario> TimerScenarios() =>
        (from calendar in CalendarGenerators.Calendar(2018, 2030)
         where calendar.WeeklyWorkingTime >= Duration.FromHours(5)
         from opened in CalendarGenerators.MinuteNear(calendar.ZoneId, 2019, 2029)
         from allowed in Gen.Choose(1, 16 * 60)
         from gaps in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(1, 600)), (1, Gen.Choose(1, 3 * 1440))), 10)
         from pauseCount in Gen.Choose(0, 3)
         from outcome in Gen.Choose(0, 3)
         from firstResponse in Gen.Choose(-600, 2 * 1440)
         from asOf in Gen.Frequency((2, Gen.Choose(0, 2 * 1440)), (1, Gen.Choose(0, 14 * 1440)))
         from later in Gen.Choose(0, 5 * 1440)
         select Scenario(calendar, opened, allowed, gaps, pauseCount, outcome, firstResponse, asOf, later)).ToArbitrary();

    /// <summary>A shorthand request's pauses, reopen gap and resolution from generated gaps (minutes; at least 9), for
    /// outcome 0 unresolved, 1 unresolved with the last pause still going, 2 resolved, 3 reopened then resolved.</summary>
    internal static (List<Interval> Pauses, Interval? Reopen, Instant? Resolved) Lifetime(Instant opened, int[] gaps, int pauseCount, int outcome)
    {
        static Duration M(int minutes) => Duration.FromMinutes(minutes);

        var t = opened;
        var pauses = new List<Interval>();
        for (var k = 0; k < pauseCount; k++)
        {
            var start = t + M(gaps[2 * k]);
            var end = start + M(gaps[(2 * k) + 1]);
            pauses.Add(outcome == 1 && k == pauseCount - 1 ? new Interval(start, null) : new Interval(start, end));
            t = end;
        }

        Interval? reopen = null;
        if (outcome == 3)
        {
            var firstResolution = t + M(gaps[6]);
            reopen = new Interval(firstResolution, firstResolution + M(gaps[7]));
            t = reopen.Value.End;
        }

        return (pauses, reopen, outcome >= 2 ? t + M(gaps[8]) : null);
    }

    private static TimerScenario Scenario(
        BusinessCalendar calendar, Instant opened, int allowed, int[] gaps, int pauseCount, int outcome, int firstResponse, int asOf, int later)
    {
        static Duration M(int minutes) => Duration.FromMinutes(minutes);

        var (pauses, reopen, resolved) = Lifetime(opened, gaps, pauseCount, outcome);
        Instant? response = firstResponse < 0 ? null : opened + M(firstResponse);
        if (response is { } f && resolved is { } r && f > r)
        {
            response = r;
        }

        var agreement = new ServiceAgreement(
            ScenarioAgreement,
            DepartmentId.Parse("provider"),
            DepartmentId.Parse("consumer"),
            [ServiceId.Parse("service")],
            CalendarId.Parse("calendar"),
            new LocalDate(2000, 1, 1),
            null,
            Period.FromMonths(3),
            TimeObjective.FirstResponseWithin(M(allowed), 0.9),
            TimeObjective.ResolutionWithin(M(allowed), 0.9));
        var request = new ServiceRequest("R-1", ScenarioAgreement, opened, response, resolved, pauses, reopen);
        var asOfInstant = opened + M(asOf);
        return new TimerScenario(calendar, agreement, request, asOfInstant, asOfInstant + M(later));
    }
}
