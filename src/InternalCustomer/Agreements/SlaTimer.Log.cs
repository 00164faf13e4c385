using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <content>Requests given as status logs, objective-set selection, and the merging of pauses with excluded time.</content>
public sealed partial class SlaTimer
{
    /// <summary>How a status log drove one objective's clock up to asOf: no nullable fields, so that the hot path
    /// returns it in a few registers' worth of memory (measured: a struct of <see cref="Nullable{T}"/> instants cost the
    /// status-log evaluation about a tenth of its time in copies and zeroing).</summary>
    private readonly struct LogClock
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal LogClock(LogOutcome outcome, Instant start, Instant end, int pauseCount)
        {
            Outcome = outcome;
            Start = start;
            End = end;
            PauseCount = pauseCount;
        }

        /// <summary>Gets what became of the clock by asOf.</summary>
        internal LogOutcome Outcome { get; }

        /// <summary>Gets the instant the clock runs from (meaningful once started).</summary>
        internal Instant Start { get; }

        /// <summary>Gets the stop or the cancellation (meaningful for <see cref="LogOutcome.Stopped"/> and the cancellations).</summary>
        internal Instant End { get; }

        /// <summary>Gets the number of pauses written.</summary>
        internal int PauseCount { get; }

        /// <summary>Gets the state of a clock that never started by asOf, or <see langword="null"/> once it did.</summary>
        internal SlaState? Unstarted => Outcome switch
        {
            LogOutcome.NotStarted => SlaState.NotStarted,
            LogOutcome.CancelledBeforeStart => SlaState.Cancelled,
            _ => null,
        };

        internal Instant? StopAt => Outcome == LogOutcome.Stopped ? End : null;

        internal Instant? CancelAt => Outcome is LogOutcome.Cancelled or LogOutcome.CancelledBeforeStart ? End : null;
    }

    private enum LogOutcome : byte
    {
        NotStarted,
        CancelledBeforeStart,
        Running,
        Stopped,
        Cancelled,
    }

    /// <summary>The status (and its entry) a request's log uses that an objective's clock conditions do not name, or
    /// <see langword="null"/> when there is none or the objective cannot read logs (see <see cref="CheckLog"/>).</summary>
    internal static int FirstUnknownStatus(ServiceRequest request, ClockConditions clock)
    {
        var log = request.StatusLog.AsSpan();
        for (var i = 0; i < log.Length; i++)
        {
            if (!clock.TryGetAction(log[i].Status, out _))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Why the objectives of this agreement cannot evaluate a status-log request, or <see langword="null"/> when they can:
    /// every set's objectives that could measure it have clock conditions that name every status the log uses.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The problem, located at <c>$.statusLog[i]</c> for an unknown status or at <c>$</c> for an objective without conditions.</returns>
    internal Problem? CheckLog(ServiceRequest request)
    {
        if (!request.IsStatusLog)
        {
            return null;
        }

        // Only the sets the request can select (by its priority at creation or any priority its log changes to) must read it.
        var problem = CheckLogAgainst(request, Agreement.SelectSet(request.Priority, request.Service, request.Category));
        for (var i = 0; problem is null && i < request.StatusLog.Length; i++)
        {
            if (request.StatusLog[i].Priority is { } p)
            {
                problem = CheckLogAgainst(request, Agreement.SelectSet(p, request.Service, request.Category));
            }
        }

        return problem;
    }

    private Problem? CheckLogAgainst(ServiceRequest request, ObjectiveSet? set) =>
        set is null ? null : CheckLogAgainst(request, set, set.FirstResponse) ?? CheckLogAgainst(request, set, set.Resolution);

    private Problem? CheckLogAgainst(ServiceRequest request, ObjectiveSet set, TimeObjective? objective)
    {
        if (objective is null)
        {
            return null;
        }

        if (objective.Clock is not { } clock)
        {
            return new(
                ProblemKind.InvalidValue,
                ProblemLocation.Root,
                NoClock(request, set, objective));
        }

        if (FirstUnknownStatus(request, clock) is var i and >= 0)
        {
            return new(
                ProblemKind.InvalidValue,
                ProblemLocation.Root.Property("statusLog").Element(i),
                UnknownStatusMessage(request, i, clock, $"the {objective.Kind} clock of set '{set.Name}' of agreement '{Agreement.Id}'"));
        }

        return null;
    }

    // A status-log request under several objective sets: the set is chosen by the priority in force at the clock's final
    // stop, or at asOf while it runs (see ResolveLog). Apart from the one-set path in Evaluate so that the hot path's frame
    // stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ObjectiveEvaluation EvaluateLogBySet(ServiceRequest request, ObjectiveKind kind, Instant asOf, string parameterName, double fraction)
    {
        var scratch = ThreadScratch.Current.Pauses(request.StatusLog.Length + 1);
        var (set, chosen, resolved, changeAt) = ResolveLog(request, kind, asOf, scratch, default, parameterName);
        if (set is null)
        {
            return Unmeasured(kind, SlaState.Unmatched, null);
        }

        if (chosen is null)
        {
            return Unmeasured(kind, SlaState.NotMeasured, set.Name);
        }

        return resolved.Unstarted is { } unstarted
            ? Unmeasured(kind, unstarted, set.Name)
            : RunWithExcludedTime(resolved.Start, resolved.StopAt, resolved.CancelAt, scratch[..resolved.PauseCount], null, chosen, set.Name, changeAt, asOf, fraction);
    }

    // The objective set, objective and clock a status log runs under at asOf (the set in force at the clock's stop, see
    // EvaluateLogBySet), with its pauses written into pauses and, when reasonAt is not empty, the log entry each began at.
    private (ObjectiveSet? Set, TimeObjective? Objective, LogClock Trace, Instant? ChangeAt) ResolveLog(
        ServiceRequest request, ObjectiveKind kind, Instant asOf, Span<Interval> pauses, Span<int> reasonAt, string parameterName)
    {
        ObjectiveSet? set;
        TimeObjective? objective;
        Instant? changeAt = null;
        var memo = ThreadScratch.Current;
        LogClock trace = default;
        if (_onlySet is { } only)
        {
            // One set for every request: the priority selects nothing, so its changes move nothing.
            set = only;
            objective = only.Objective(kind);
            if (objective is not null)
            {
                trace = Trace(request, ClockOf(request, set, objective, parameterName), memo, asOf, pauses, reasonAt, parameterName);
            }
        }
        else
        {
            (var priority, changeAt) = PriorityTrail(request, asOf);
            set = Agreement.SelectSet(priority, request.Service, request.Category);
            objective = set?.Objective(kind);
            if (objective is not null)
            {
                trace = Trace(request, ClockOf(request, set!, objective, parameterName), memo, asOf, pauses, reasonAt, parameterName);
                if (trace.StopAt is { } stop)
                {
                    // A stopped clock: the set in force at the stop governs, and only changes up to the stop count.
                    (priority, changeAt) = PriorityTrail(request, stop);
                    var other = Agreement.SelectSet(priority, request.Service, request.Category);
                    if (!ReferenceEquals(other, set))
                    {
                        set = other;
                        objective = set?.Objective(kind);
                        if (objective is not null)
                        {
                            trace = Trace(request, ClockOf(request, set!, objective, parameterName), memo, asOf, pauses, reasonAt, parameterName);
                            if (trace.StopAt is { } secondStop)
                            {
                                changeAt = PriorityTrail(request, secondStop).ChangeAt;
                            }
                        }
                    }
                }
            }
        }

        return (set, objective, trace, changeAt);
    }

    private string NoClock(ServiceRequest request, ObjectiveSet set, TimeObjective objective) =>
        $"Request '{request.Id}' is a status log, but the {objective.Kind} objective of set '{set.Name}' of agreement '{Agreement.Id}' declares no clock conditions to read it with.";

    private static string UnknownStatusMessage(ServiceRequest request, int i, ClockConditions clock, string which) =>
        $"Request '{request.Id}' enters status \"{request.StatusLog[i].Status}\" at {request.StatusLog[i].At} (entry {i}), which {which} does not know; it knows {string.Join(", ", clock.Statuses.Keys.Select(k => $"\"{k}\""))}.";

    private ClockConditions ClockOf(ServiceRequest request, ObjectiveSet set, TimeObjective objective, string parameterName) =>
        objective.Clock ?? ThrowNoClock(request, set, objective, parameterName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ClockConditions ThrowNoClock(ServiceRequest request, ObjectiveSet set, TimeObjective objective, string parameterName) =>
        throw new ArgumentException(NoClock(request, set, objective), parameterName);

    /// <summary>The priority in force at <paramref name="at"/> and the instant of the last change to it that re-selected the
    /// objective set (an entry after the first whose priority selects another set than the one before), or
    /// <see langword="null"/> when the set never changed: a change between priorities of one set re-selects nothing, so it
    /// does not move a breach decision.</summary>
    private (PriorityId? Priority, Instant? ChangeAt) PriorityTrail(ServiceRequest request, Instant at)
    {
        var log = request.StatusLog.AsSpan();
        var priority = request.Priority;
        Instant? changeAt = null;
        for (var i = 0; i < log.Length && log[i].At <= at; i++)
        {
            if (log[i].Priority is { } p && p != priority)
            {
                if (i > 0 && !ReferenceEquals(
                        Agreement.SelectSet(priority, request.Service, request.Category),
                        Agreement.SelectSet(p, request.Service, request.Category)))
                {
                    changeAt = log[i].At;
                }

                priority = p;
            }
        }

        return (priority, changeAt);
    }

    /// <summary>Runs a status log through clock conditions up to asOf (later entries are not known yet), writing the pauses
    /// (waits and reopen gaps, sorted; an ongoing one open-ended) into <paramref name="pauses"/> and, when
    /// <paramref name="reasonAt"/> is not empty, the index of the log entry each began at into it.</summary>
    /// <exception cref="ArgumentException">The log enters a status the conditions do not name.</exception>
    private static LogClock Trace(ServiceRequest request, ClockConditions clock, ThreadScratch memo, Instant asOf, Span<Interval> pauses, Span<int> reasonAt, string parameterName)
    {
        // One state byte and few live values, so that the loop keeps them in registers (measured: a separate "started"
        // flag and the result built from nullable instants cost this loop a third of its time in spills and copies).
        const byte notStarted = 0, running = 1, paused = 2, stopped = 3;
        var record = !reasonAt.IsEmpty;
        var log = request.StatusLog.AsSpan();
        var state = notStarted;
        var start = default(Instant);
        var since = default(Instant); // when the pause or the stop began
        var sinceEntry = 0; // the entry it began at
        var count = 0;
        memo.Use(clock);
        for (var i = 0; i < log.Length; i++)
        {
            ref readonly var entry = ref log[i];
            var t = entry.At;
            if (t > asOf)
            {
                break;
            }

            if (!memo.ActionOf(entry.Status, out var action))
            {
                ThrowUnknownStatus(request, i, clock, parameterName);
            }

            if (state == notStarted)
            {
                if (action == ClockAction.Start)
                {
                    state = running;
                    start = clock.RetroactiveStart ? log[0].At : t;
                }
                else if (action == ClockAction.Cancel)
                {
                    return new(LogOutcome.CancelledBeforeStart, t, t, 0);
                }

                continue;
            }

            switch (action)
            {
                case ClockAction.Reset:
                    start = t;
                    count = 0;
                    state = running;
                    break;
                case ClockAction.Cancel:
                    // A stopped clock has its verdict; a later cancellation does not take it back.
                    if (state == stopped)
                    {
                        break;
                    }

                    if (state == paused)
                    {
                        Pause(pauses, reasonAt, record, ref count, new Interval(since, t), sinceEntry);
                    }

                    return new(LogOutcome.Cancelled, start, t, count);
                case ClockAction.Start:
                case ClockAction.Run:
                    // Ends a pause; Start also reopens a stopped clock (the gap counts as paused).
                    if (state == paused || (state == stopped && action == ClockAction.Start))
                    {
                        Pause(pauses, reasonAt, record, ref count, new Interval(since, t), sinceEntry);
                        state = running;
                    }

                    break;
                case ClockAction.Pause:
                    if (state == running)
                    {
                        since = t;
                        sinceEntry = i;
                        state = paused;
                    }

                    break;
                case ClockAction.Stop:
                    if (state == stopped)
                    {
                        break;
                    }

                    if (state == paused)
                    {
                        Pause(pauses, reasonAt, record, ref count, new Interval(since, t), sinceEntry);
                    }

                    since = t;
                    sinceEntry = i;
                    state = stopped;
                    break;
            }
        }

        switch (state)
        {
            case notStarted:
                return default;
            case paused:
                Pause(pauses, reasonAt, record, ref count, new Interval(since, null), sinceEntry);
                break;
        }

        return new(state == stopped ? LogOutcome.Stopped : LogOutcome.Running, start, since, count);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnknownStatus(ServiceRequest request, int i, ClockConditions clock, string parameterName) =>
        throw new ArgumentException(UnknownStatusMessage(request, i, clock, "the clock"), parameterName);

    private static void Pause(Span<Interval> pauses, Span<int> reasonAt, bool record, ref int count, Interval pause, int entry)
    {
        if (record)
        {
            reasonAt[count] = entry;
        }

        pauses[count++] = pause;
    }

    /// <summary>Merges a request's pauses, its reopen gap and the agreement's excluded time into sorted, disjoint intervals
    /// that start at or after the clock's start (an open-ended pause stays open-ended).</summary>
    private static int MergePauses(Instant start, ReadOnlySpan<Interval> pauses, Interval? gap, ReadOnlySpan<Interval> excluded, Span<Interval> destination)
    {
        int i = 0, j = 0, count = 0;
        var gapPending = gap.HasValue;
        while (true)
        {
            Interval next;
            var fromPauses = i < pauses.Length ? pauses[i].Start : Instant.MaxValue;
            var fromExcluded = j < excluded.Length ? excluded[j].Start : Instant.MaxValue;
            var fromGap = gapPending ? gap!.Value.Start : Instant.MaxValue;
            if (i < pauses.Length && fromPauses <= fromExcluded && fromPauses <= fromGap)
            {
                next = pauses[i++];
            }
            else if (gapPending && fromGap <= fromExcluded)
            {
                next = gap!.Value;
                gapPending = false;
            }
            else if (j < excluded.Length)
            {
                next = excluded[j++];
            }
            else
            {
                break;
            }

            if (next.HasEnd && next.End <= start)
            {
                continue;
            }

            if (next.Start < start)
            {
                next = new Interval(start, next.HasEnd ? next.End : null);
            }

            if (count > 0 && (!destination[count - 1].HasEnd || next.Start <= destination[count - 1].End))
            {
                var last = destination[count - 1];
                if (last.HasEnd)
                {
                    destination[count - 1] = new Interval(last.Start, next.HasEnd ? Instant.Max(last.End, next.End) : null);
                }
            }
            else
            {
                destination[count++] = next;
            }
        }

        return count;
    }
}
