using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <content>The pauses an objective's clock counted, with their reasons.</content>
public sealed partial class SlaTimer
{
    /// <summary>Lists the stretches in which one time objective's clock stood still for a request, up to
    /// <paramref name="asOf"/>, each with its reason: the waits (for a status log, the status that paused the clock),
    /// the gaps between a stop and a reopen, and the agreement's excluded time that fell while the clock ran.</summary>
    /// <param name="request">The request, measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before the request was opened. What happens later is not known
    /// yet: a pause going on at <paramref name="asOf"/> is open-ended.</param>
    /// <returns>The pauses sorted by start (then kind), as the clock saw them: those of the objective set that
    /// <see cref="Evaluate(ServiceRequest, ObjectiveKind, Instant)"/> uses, clipped to the clock's run (from its start to
    /// its stop, cancellation or <paramref name="asOf"/>). They may overlap (a wait during a maintenance window); the
    /// clock counts their union once. Empty when the objective does not measure the request (excluded, unmatched, not
    /// measured, not started, or cancelled before it started).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate(ServiceRequest, ObjectiveKind, Instant)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the request was opened.</exception>
    public ImmutableArray<ClockPause> Pauses(ServiceRequest request, ObjectiveKind kind, Instant asOf)
    {
        // The same checks, and the same verdict on whether the objective measures the request, as Evaluate.
        if (!Evaluate(request, kind, asOf).IsMeasured)
        {
            return [];
        }

        var pauses = new List<ClockPause>();
        Instant start;
        Instant? stoppedAt; // the stop or cancellation, when it came by asOf
        if (request.IsStatusLog)
        {
            var capacity = request.StatusLog.Length + 1;
            var intervals = new Interval[capacity];
            var reasonAt = new int[capacity];
            var (_, objective, trace, _) = ResolveLog(request, kind, asOf, intervals, reasonAt, nameof(request));
            (start, stoppedAt) = (trace.Start, trace.StopAt ?? trace.CancelAt);
            for (var i = 0; i < trace.PauseCount; i++)
            {
                var status = request.StatusLog[reasonAt[i]].Status;
                var stop = objective!.Clock!.ActionOf(status, out var action) && action == ClockAction.Stop;
                pauses.Add(new ClockPause(intervals[i], stop ? ClockPauseKind.Reopened : ClockPauseKind.Waiting, status));
            }
        }
        else
        {
            start = request.Opened;
            var stopAt = kind == ObjectiveKind.FirstResponse
                ? request.FirstResponse ?? (request.Reopen is { } g0 ? g0.Start : request.Resolved)
                : request.Resolved;
            stoppedAt = stopAt is { } s && s <= asOf ? s : null;
            foreach (var pause in request.Pauses)
            {
                pauses.Add(new ClockPause(pause, ClockPauseKind.Waiting, null));
            }

            if (kind == ObjectiveKind.Resolution && request.Reopen is { } gap)
            {
                pauses.Add(new ClockPause(gap, ClockPauseKind.Reopened, null));
            }
        }

        foreach (var exclusion in Agreement.Exclusions)
        {
            if (exclusion.Effect == ExclusionEffect.ExcludeTime)
            {
                pauses.Add(new ClockPause(exclusion.Window, ClockPauseKind.ExcludedTime, null, exclusion));
            }
        }

        // Clipped to the run: nothing before the clock's start; after a stop, nothing (a pause ends with it); while the
        // clock runs at asOf, a pause not over by asOf is open-ended.
        var limit = stoppedAt ?? asOf;
        var clipped = new List<ClockPause>(pauses.Count);
        foreach (var pause in pauses)
        {
            var window = pause.Interval;
            var from = window.HasStart && window.Start > start ? window.Start : start;
            Instant? to = stoppedAt is { } stop
                ? (window.HasEnd && window.End < stop ? window.End : stop)
                : (window.HasEnd && window.End <= asOf ? window.End : null);
            if (from >= limit || (to is { } t && t <= from))
            {
                continue;
            }

            clipped.Add(pause with { Interval = new Interval(from, to) });
        }

        return [.. clipped.OrderBy(p => p.Interval.Start).ThenBy(p => p.Kind)];
    }
}
