using FsCheck;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

// Laws of the SLA timer, on random calendars (zones with DST, several windows a day, holidays) and random requests.
public partial class SlaTimerTests
{
    [Property(Arbitrary = new[] { typeof(AgreementGenerators) }, MaxTest = 150)]
    public bool Evaluation_matches_a_minute_stepping_reference(TimerScenario s)
    {
        foreach (var kind in new[] { ObjectiveKind.FirstResponse, ObjectiveKind.Resolution })
        {
            var actual = s.Timer.Evaluate(s.Request, kind, s.AsOf);
            var expected = MinuteSteppingEvaluation(s.Calendar, s.Request, s.Agreement.GetTimeObjective(kind), s.AsOf);
            if (actual.Elapsed != expected.Elapsed || actual.Deadline != expected.Deadline || actual.State != expected.State)
            {
                throw new InvalidOperationException($"{kind}: got {actual.Elapsed}, {actual.Deadline}, {actual.State}; reference {expected}.");
            }
        }

        return true;
    }

    [Property(Arbitrary = new[] { typeof(AgreementGenerators) }, MaxTest = 200)]
    public bool Evaluation_is_monotone_in_asOf_and_decisions_are_final(TimerScenario s)
    {
        foreach (var kind in new[] { ObjectiveKind.FirstResponse, ObjectiveKind.Resolution })
        {
            var early = s.Timer.Evaluate(s.Request, kind, s.AsOf);
            var late = s.Timer.Evaluate(s.Request, kind, s.Later);
            if (late.Elapsed < early.Elapsed || late.PercentUsed < early.PercentUsed)
            {
                return false;
            }

            if (early.IsDecided && (late.State != early.State || late.DecidedAt != early.DecidedAt || late.Deadline != early.Deadline))
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = new[] { typeof(AgreementGenerators) }, MaxTest = 200)]
    public bool Pauses_never_shorten_elapsed_time_by_more_than_their_business_time(TimerScenario s)
    {
        var r = s.Request;
        var unpaused = new ServiceRequest(r.Id, r.Agreement, r.Opened, r.FirstResponse, r.Resolved);
        var withPauses = s.Timer.Evaluate(r, ObjectiveKind.Resolution, s.AsOf).Elapsed;
        var without = s.Timer.Evaluate(unpaused, ObjectiveKind.Resolution, s.AsOf).Elapsed;

        // Business time of every pause (and the reopen gap) up to asOf: an upper bound on what pausing may remove.
        var pauseTime = Duration.Zero;
        foreach (var p in r.Pauses.Concat(r.Reopen is { } g ? [g] : []))
        {
            var end = !p.HasEnd || p.End > s.AsOf ? s.AsOf : p.End;
            if (p.Start < end)
            {
                pauseTime += s.Calendar.BusinessTime(p.Start, end);
            }
        }

        return withPauses <= without && without - withPauses <= pauseTime;
    }

    [Property(Arbitrary = new[] { typeof(AgreementGenerators) }, MaxTest = 100)]
    public bool Batch_evaluation_equals_single_evaluation(TimerScenario s)
    {
        var batch = s.Timer.EvaluateAll([s.Request, s.Request], ObjectiveKind.Resolution, s.Later);
        var single = s.Timer.Evaluate(s.Request, ObjectiveKind.Resolution, s.Later);
        return batch[0] == single && batch[1] == single;
    }

    /// <summary>
    /// Reference: walks whole minutes from the opening. A minute counts when the calendar works at its start and it
    /// lies in no pause known at asOf (pauses clipped to the stop or asOf). The deadline is the end of the minute at
    /// which the count reaches the allowed time. Valid because every instant and window boundary is on a whole minute.
    /// </summary>
    private static (Duration Elapsed, Instant Deadline, SlaState State) MinuteSteppingEvaluation(
        BusinessCalendar calendar, ServiceRequest r, TimeObjective objective, Instant asOf)
    {
        var minute = Duration.FromMinutes(1);
        Instant? stopAt = objective.Kind == ObjectiveKind.FirstResponse
            ? r.FirstResponse ?? (r.Reopen is { } g ? g.Start : r.Resolved)
            : r.Resolved;
        var stopped = stopAt is { } st && st <= asOf;
        var end = stopped ? stopAt!.Value : asOf;

        var pauses = r.Pauses.ToList();
        if (objective.Kind == ObjectiveKind.Resolution && r.Reopen is { } gap)
        {
            pauses.Add(gap);
        }

        bool Paused(Instant m) => pauses.Any(p => p.Start <= m && m < end && (!p.HasEnd || m < p.End));

        var allowedMinutes = (long)objective.Within.TotalMinutes;
        long count = 0;
        long elapsed = 0;
        Instant? deadline = null;
        for (var m = r.Opened; deadline is null || m < end; m += minute)
        {
            if (calendar.IsWorkingAt(m) && !Paused(m))
            {
                count++;
                if (m < end)
                {
                    elapsed++;
                }

                if (count == allowedMinutes && deadline is null)
                {
                    deadline = m + minute;
                }
            }
        }

        var elapsedTime = Duration.FromMinutes(elapsed);
        SlaState state;
        if (stopped)
        {
            state = end <= deadline!.Value ? SlaState.Met : SlaState.Breached;
        }
        else if (deadline!.Value < asOf)
        {
            state = SlaState.Breached;
        }
        else if (pauses.Any(p => p.Start <= asOf && (!p.HasEnd || asOf < p.End)))
        {
            state = SlaState.Paused;
        }
        else
        {
            state = elapsedTime >= objective.Within * objective.WarningThresholds[0] ? SlaState.AtRisk : SlaState.InProgress;
        }

        return (elapsedTime, deadline.Value, state);
    }
}
