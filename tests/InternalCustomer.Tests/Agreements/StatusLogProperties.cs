using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

// Laws of requests given as status logs, on random calendars (zones with DST, several windows a day, holidays).
public class StatusLogProperties
{
    private static readonly ObjectiveKind[] Kinds = [ObjectiveKind.FirstResponse, ObjectiveKind.Resolution];

    /// <summary>
    /// The issue's law: the shorthand form is a shorthand for a status log. A shorthand request and its translation
    /// (<see cref="StatusLogGenerators.Translate"/>) evaluate equally for both kinds at any asOf, with one exception that is
    /// the log form's rule: between a first resolution and the reopening, the log knows only that the request was resolved
    /// (the reopen has not happened yet), so it is evaluated as the shorthand request resolved at the first resolution;
    /// the shorthand, which knows the reopen gap in advance, calls the same instant a pause.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(StatusLogGenerators) }, MaxTest = 300)]
    public bool The_shorthand_form_evaluates_as_its_status_log(EquivalenceScenario s)
    {
        var shorthandTimer = s.ShorthandTimer;
        var logTimer = s.LogTimer;
        foreach (var kind in Kinds)
        {
            var r = s.Shorthand;
            var known = kind == ObjectiveKind.Resolution && r.Reopen is { } g && g.Start <= s.AsOf && s.AsOf < g.End
                ? new ServiceRequest(r.Id, r.Agreement, r.Opened, r.FirstResponse, g.Start, r.Pauses)
                : r;
            var expected = shorthandTimer.Evaluate(known, kind, s.AsOf);
            var actual = logTimer.Evaluate(s.Log, kind, s.AsOf);
            if (expected != actual)
            {
                throw new InvalidOperationException($"{kind}: shorthand {expected}; status log {actual}.");
            }
        }

        return true;
    }

    /// <summary>The pauses a clock counted are the same in both forms (the log's carry the status that stopped the clock,
    /// the shorthand's none), with the same exception as the evaluation law: inside a reopen gap the log does not know the
    /// reopen yet.</summary>
    [Property(Arbitrary = new[] { typeof(StatusLogGenerators) }, MaxTest = 300)]
    public bool The_shorthand_form_pauses_as_its_status_log(EquivalenceScenario s)
    {
        foreach (var kind in Kinds)
        {
            var r = s.Shorthand;
            if (kind == ObjectiveKind.Resolution && r.Reopen is { } g && g.Start <= s.AsOf && s.AsOf < g.End)
            {
                continue;
            }

            var expected = s.ShorthandTimer.Pauses(r, kind, s.AsOf).Select(p => (p.Interval, p.Kind));
            var actual = s.LogTimer.Pauses(s.Log, kind, s.AsOf);
            if (!expected.SequenceEqual(actual.Select(p => (p.Interval, p.Kind))) || actual.Any(p => p.Status is null))
            {
                throw new InvalidOperationException($"{kind}: shorthand [{string.Join(", ", expected)}]; status log [{string.Join(", ", actual)}].");
            }
        }

        return true;
    }

    /// <summary>An entry whose status is Run changes nothing, wherever it is inserted, except right after a Pause status:
    /// entering a Run status ends the wait (the clock is paused only while the request is in a Pause status; this is how
    /// "responded" resumes the resolution clock after "waiting" in the shorthand's translation).</summary>
    [Property(Arbitrary = new[] { typeof(StatusLogGenerators) }, MaxTest = 300)]
    public bool A_run_entry_inserted_anywhere_but_inside_a_wait_changes_nothing(LogScenario s)
    {
        var log = s.Log.StatusLog;
        var at = Math.Min(s.InsertAt, log.Length);
        var before = log[at - 1];
        if (before.Status == "waiting")
        {
            return true;
        }

        var instant = before.At + Duration.FromMinutes(s.InsertMinute);
        if (at < log.Length && instant > log[at].At)
        {
            instant = log[at].At;
        }

        var inserted = ServiceRequest.FromStatusLog(s.Log.Id, s.Log.Agreement, log.Insert(at, new StatusChange(instant, "working")));
        var timer = s.Timer();
        foreach (var asOf in new[] { s.AsOf, s.Later })
        {
            var expected = timer.Evaluate(s.Log, ObjectiveKind.Resolution, asOf);
            var actual = timer.Evaluate(inserted, ObjectiveKind.Resolution, asOf);
            if (expected != actual)
            {
                throw new InvalidOperationException($"at {asOf}: without the entry {expected}; with \"working\" at {instant} (index {at}) {actual}.");
            }
        }

        return true;
    }

    /// <summary>Excluding time that holds no working time changes nothing, except that a running request is paused while
    /// asOf lies inside the window (ExcludeTime pauses every clock).</summary>
    [Property(Arbitrary = new[] { typeof(StatusLogGenerators) }, MaxTest = 300)]
    public bool Excluding_time_without_working_time_changes_nothing_for_a_status_log(LogScenario s)
    {
        if (NonWorkingSpan(s.Calendar, s.Probe) is not { } window)
        {
            return true;
        }

        var plain = s.Timer();
        var excluded = s.Timer([new ExclusionWindow(window, "closed anyway", ExclusionEffect.ExcludeTime)]);
        foreach (var asOf in new[] { s.AsOf, s.Later })
        {
            Same(plain.Evaluate(s.Log, ObjectiveKind.Resolution, asOf), excluded.Evaluate(s.Log, ObjectiveKind.Resolution, asOf), window, asOf);
        }

        return true;
    }

    /// <summary>The same law for the shorthand form (its pauses and reopen gap are merged with the excluded time).</summary>
    [Property(Arbitrary = new[] { typeof(StatusLogGenerators) }, MaxTest = 200)]
    public bool Excluding_time_without_working_time_changes_nothing_for_the_shorthand(EquivalenceScenario s)
    {
        var probe = s.Shorthand.Opened + ((s.AsOf - s.Shorthand.Opened) / 2);
        if (NonWorkingSpan(s.Calendar, probe) is not { } window)
        {
            return true;
        }

        var plain = s.ShorthandTimer;
        var excluded = new SlaTimer(plain.Agreement.WithExclusions([new ExclusionWindow(window, "closed anyway", ExclusionEffect.ExcludeTime)]), s.Calendar);
        foreach (var kind in Kinds)
        {
            Same(plain.Evaluate(s.Shorthand, kind, s.AsOf), excluded.Evaluate(s.Shorthand, kind, s.AsOf), window, s.AsOf);
        }

        return true;
    }

    /// <summary>
    /// Decided outcomes of a status log never change for a later asOf: a Met, Breached or Cancelled evaluation has the same
    /// state, decision instant and deadline later, unless the log later takes the clock up again by the rules: a Start
    /// status after a Met (a reopen) or a Reset status after either. (A priority change re-selects the set by the rule of
    /// the design and is not generated here.)
    /// </summary>
    [Property(Arbitrary = new[] { typeof(StatusLogGenerators) }, MaxTest = 400)]
    public bool Decided_outcomes_of_a_status_log_are_final(LogScenario s)
    {
        var timer = s.Timer();
        var early = timer.Evaluate(s.Log, ObjectiveKind.Resolution, s.AsOf);
        if (!early.IsDecided && early.State != SlaState.Cancelled)
        {
            return true;
        }

        var after = s.Log.StatusLog.Where(e => e.At > s.AsOf && e.At <= s.Later).Select(e => e.Status).ToList();
        if (after.Contains("reassigned") || (early.State == SlaState.Met && (after.Contains("open") || after.Contains("reopened"))))
        {
            return true;
        }

        var late = timer.Evaluate(s.Log, ObjectiveKind.Resolution, s.Later);
        if (late.State != early.State || late.DecidedAt != early.DecidedAt || late.Deadline != early.Deadline)
        {
            throw new InvalidOperationException($"at {s.AsOf}: {early}; at {s.Later}: {late}.");
        }

        return true;
    }

    /// <summary>Without pauses, the deadline of "within N business days" is the calendar's business-days deadline
    /// (<see cref="BusinessCalendar.AddBusinessDays"/>, the one definition), the allowed time is the business time up to it,
    /// and resolving at it meets the objective while resolving one minute later breaches it.</summary>
    [Property(Arbitrary = new[] { typeof(StatusLogGenerators) }, MaxTest = 300)]
    public bool A_business_days_deadline_is_the_calendars(BusinessDaysCase c)
    {
        var due = c.Calendar.AddBusinessDays(c.Opened, c.Days);
        var timer = new SlaTimer(StatusLogGenerators.Agreement(null, TimeObjective.ResolutionWithinBusinessDays(c.Days, 0.9)), c.Calendar);
        ServiceRequest Resolved(Instant? at) => new("B-1", StatusLogGenerators.LogAgreement, c.Opened, null, at);

        var running = timer.Evaluate(Resolved(null), ObjectiveKind.Resolution, c.Opened);
        var onTime = timer.Evaluate(Resolved(due), ObjectiveKind.Resolution, due);
        var late = timer.Evaluate(Resolved(due + Duration.FromMinutes(1)), ObjectiveKind.Resolution, due + Duration.FromMinutes(1));
        if (running.Deadline != due || running.Allowed != c.Calendar.BusinessTime(c.Opened, due) || onTime.State != SlaState.Met || late.State != SlaState.Breached)
        {
            throw new InvalidOperationException($"due {due}: deadline {running.Deadline}, allowed {running.Allowed}; resolved at due {onTime.State}; a minute later {late.State}.");
        }

        return true;
    }

    /// <summary>The first stretch without working time at or after one of four probes 6 hours apart: <c>[p, next working instant)</c>.</summary>
    private static Interval? NonWorkingSpan(BusinessCalendar calendar, Instant probe)
    {
        for (var k = 0; k < 4; k++)
        {
            var p = probe + Duration.FromHours(6 * k);
            if (!calendar.IsWorkingAt(p))
            {
                var window = new Interval(p, calendar.NextWorkingInstant(p));
                return calendar.BusinessTime(window.Start, window.End) == Duration.Zero
                    ? window
                    : throw new InvalidOperationException($"{window} should hold no working time.");
            }
        }

        return null;
    }

    private static void Same(ObjectiveEvaluation plain, ObjectiveEvaluation excluded, Interval window, Instant asOf)
    {
        var pausedByWindow = window.Start <= asOf && asOf < window.End && plain.State is SlaState.InProgress or SlaState.AtRisk;
        var stateOk = pausedByWindow ? excluded.State == SlaState.Paused : excluded.State == plain.State;
        if (!stateOk || plain.Elapsed != excluded.Elapsed || plain.Deadline != excluded.Deadline || plain.DecidedAt != excluded.DecidedAt
            || plain.WarningLevel != excluded.WarningLevel || plain.Allowed != excluded.Allowed)
        {
            throw new InvalidOperationException($"excluding {window} at {asOf}: without {plain}; with {excluded}.");
        }
    }
}
