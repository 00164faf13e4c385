using NodaTime;

namespace InternalCustomer.Agreements;

/// <content>Requests given as status logs, objective-set selection, and the merging of pauses with excluded time.</content>
public sealed partial class SlaTimer
{
    // Per-thread scratch buffers for the pauses a log or a merge produces: no allocation and, unlike stackalloc, no
    // zeroing per request.
    [ThreadStatic]
    private static Interval[]? t_pauses;

    [ThreadStatic]
    private static Interval[]? t_merged;

    private static Span<Interval> Scratch(ref Interval[]? buffer, int capacity)
    {
        if (buffer is null || buffer.Length < capacity)
        {
            buffer = new Interval[Math.Max(capacity, 32)];
        }

        return buffer.AsSpan(0, capacity);
    }

    /// <summary>How a status log drove one objective's clock up to asOf.</summary>
    private readonly struct LogClock(bool started, Instant start, Instant? stopAt, Instant? cancelAt, int pauseCount)
    {
        internal bool Started { get; } = started;

        internal Instant Start { get; } = start;

        internal Instant? StopAt { get; } = stopAt;

        internal Instant? CancelAt { get; } = cancelAt;

        internal int PauseCount { get; } = pauseCount;
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

    // A status-log request: the set is chosen by the priority in force at the clock's final stop, or at asOf while it runs.
    // The stop depends on the set's clock, so the set in force at asOf is tried first and, when its clock stopped under
    // another priority, the set of that priority is used instead (its own clock decides the rest).
    private ObjectiveEvaluation EvaluateLog(ServiceRequest request, ObjectiveKind kind, Instant asOf, string parameterName, double fraction)
    {
        var capacity = request.StatusLog.Length + 1 + Agreement.ExcludedTime.Length;
        var pauses = Scratch(ref t_pauses, capacity);
        var (set, objective, trace, changeAt) = ResolveLog(request, kind, asOf, pauses, default, parameterName);
        if (set is null)
        {
            return Unmeasured(kind, SlaState.Unmatched, null);
        }

        if (objective is null)
        {
            return Unmeasured(kind, SlaState.NotMeasured, set.Name);
        }

        if (!trace.Started)
        {
            return Unmeasured(kind, trace.CancelAt is null ? SlaState.NotStarted : SlaState.Cancelled, set.Name);
        }

        var own = pauses[..trace.PauseCount];
        if (!_hasExcludedTime)
        {
            return Run(trace.Start, trace.StopAt, trace.CancelAt, own, null, objective, set.Name, changeAt, asOf, fraction);
        }

        var merged = Scratch(ref t_merged, capacity);
        var count = MergePauses(trace.Start, own, null, Agreement.ExcludedTime.AsSpan(), merged);
        return Run(trace.Start, trace.StopAt, trace.CancelAt, merged[..count], null, objective, set.Name, changeAt, asOf, fraction);
    }

    // The objective set, objective and clock a status log runs under at asOf (the set in force at the clock's stop, see
    // EvaluateLog), with its pauses written into pauses and, when reasonAt is not empty, the log entry each began at.
    private (ObjectiveSet? Set, TimeObjective? Objective, LogClock Trace, Instant? ChangeAt) ResolveLog(
        ServiceRequest request, ObjectiveKind kind, Instant asOf, Span<Interval> pauses, Span<int> reasonAt, string parameterName)
    {
        ObjectiveSet? set;
        TimeObjective? objective;
        Instant? changeAt = null;
        LogClock trace = default;
        if (_onlySet is { } only)
        {
            // One set for every request: the priority selects nothing, so its changes move nothing.
            set = only;
            objective = only.Objective(kind);
            if (objective is not null)
            {
                trace = Trace(request, ClockOf(request, set, objective, parameterName), asOf, pauses, reasonAt, parameterName);
            }
        }
        else
        {
            (var priority, changeAt) = PriorityTrail(request, asOf);
            set = Agreement.SelectSet(priority, request.Service, request.Category);
            objective = set?.Objective(kind);
            if (objective is not null)
            {
                trace = Trace(request, ClockOf(request, set!, objective, parameterName), asOf, pauses, reasonAt, parameterName);
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
                            trace = Trace(request, ClockOf(request, set!, objective, parameterName), asOf, pauses, reasonAt, parameterName);
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
        objective.Clock
        ?? throw new ArgumentException(
            NoClock(request, set, objective),
            parameterName);

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
    private static LogClock Trace(ServiceRequest request, ClockConditions clock, Instant asOf, Span<Interval> pauses, Span<int> reasonAt, string parameterName)
    {
        var record = !reasonAt.IsEmpty;
        var sinceEntry = 0; // the entry the pause or the stop began at
        const byte running = 0, paused = 1, stopped = 2;
        var log = request.StatusLog.AsSpan();
        var started = false;
        var start = default(Instant);
        var count = 0;
        var state = running;
        var since = default(Instant); // when the pause or the stop began
        for (var i = 0; i < log.Length; i++)
        {
            ref readonly var entry = ref log[i];
            var t = entry.At;
            if (t > asOf)
            {
                break;
            }

            if (!clock.ActionOf(entry.Status, out var action))
            {
                throw new ArgumentException(
                    UnknownStatusMessage(request, i, clock, "the clock"),
                    parameterName);
            }

            if (!started)
            {
                if (action == ClockAction.Start)
                {
                    started = true;
                    start = clock.RetroactiveStart ? log[0].At : t;
                }
                else if (action == ClockAction.Cancel)
                {
                    return new(false, t, null, t, 0);
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

                    return new(true, start, null, t, count);
                case ClockAction.Start:
                    // Ends a pause, or reopens a stopped clock (the gap counts as paused).
                    if (state != running)
                    {
                        Pause(pauses, reasonAt, record, ref count, new Interval(since, t), sinceEntry);
                        state = running;
                    }

                    break;
                case ClockAction.Run:
                    if (state == paused)
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

        if (state == paused)
        {
            Pause(pauses, reasonAt, record, ref count, new Interval(since, null), sinceEntry);
        }

        return new(started, start, state == stopped ? since : null, null, count);
    }

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
