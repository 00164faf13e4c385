using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// Runs the SLA timers of one service agreement on its business calendar: evaluates requests at an instant
/// <c>asOf</c>, one at a time or a million at once, and summarises them into compliance, error budgets and
/// burn-rate alerts.
/// </summary>
/// <remarks>
/// <para><b>What the timer sees.</b> Evaluation at <c>asOf</c> uses only what was known then: a first response or
/// resolution after <c>asOf</c> has not happened yet, and a pause that has not ended by <c>asOf</c> is ongoing.
/// So an evaluation never depends on the future, and a decided outcome never changes for a later <c>asOf</c> (a status-log
/// request's log may take the clock up again: a reopen after a stop, a reset, a priority change that selects another set).</para>
/// <para><b>Start and stop.</b> Both timers start at <see cref="ServiceRequest.Opened"/>. The first-response timer stops at
/// <see cref="ServiceRequest.FirstResponse"/>, or, without one, at the first resolution (the start of
/// <see cref="ServiceRequest.Reopen"/>, else <see cref="ServiceRequest.Resolved"/>): resolving answers the request.
/// The resolution timer stops at <see cref="ServiceRequest.Resolved"/>.</para>
/// <para><b>Elapsed</b> = business time of the calendar (<see cref="BusinessCalendar.BusinessTime"/>) from the opening to the stop
/// (or <c>asOf</c>), minus the business time inside pauses. For the resolution timer the reopen gap is one more pause.</para>
/// <para><b>Deadline</b> = the earliest instant at which the elapsed time reaches the allowed time: the allowed business time
/// is counted from the opening with <see cref="BusinessCalendar.AddBusinessTime"/>, and every pause that starts before the
/// deadline so found pushes it by the business time the pause covers. An ongoing pause counts as ending at <c>asOf</c>, so the
/// deadline of a paused request is the earliest it can still be. For an objective counted in business days
/// (<see cref="TimeObjective.BusinessDays"/>) the deadline is the business-days instant itself (<see cref="BusinessCalendar.AddBusinessDays"/>)
/// when no business time was paused before it (opened Monday 08:00 on an 08:00–17:00 calendar, within 2 business days: the
/// allowed 18 hours are used up on Tuesday 17:00, and the request is due Wednesday 08:00); pauses push it from there.</para>
/// <para><b>State.</b> Stopped at or before the deadline: <see cref="SlaState.Met"/>, decided at the stop. Stopped after the
/// deadline, or still running when <c>asOf</c> is past the deadline: <see cref="SlaState.Breached"/>, decided at the deadline
/// (so a request resolved on Saturday after a Friday 17:00 deadline is breached, although the business clock did not move).
/// Otherwise undecided: <see cref="SlaState.Paused"/> inside an ongoing pause, else <see cref="SlaState.AtRisk"/> once the
/// first warning threshold of the allowed time is used, else <see cref="SlaState.InProgress"/>. At <c>asOf</c> equal to the
/// deadline the request is still undecided (it may be resolved at that very instant, which meets the objective).</para>
/// <para><b>Cost.</b> Per request and objective: one <see cref="BusinessCalendar.BusinessTime"/> call per unpaused stretch and one
/// <see cref="BusinessCalendar.AddBusinessTime"/> call, no allocation.</para>
/// </remarks>
public sealed partial class SlaTimer
{
    /// <summary>Creates a timer for an agreement measured on a calendar.</summary>
    /// <param name="agreement">The agreement.</param>
    /// <param name="calendar">The business calendar named by <see cref="ServiceAgreement.Calendar"/> (an <see cref="Organizations.Organization"/> resolves it for you).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="calendar"/> has no working time, so no positive allowed time could ever pass,
    /// or too little to count an objective's allowed time after the supported range (see <see cref="SupportedRange.ComputationLimit"/>).</exception>
    public SlaTimer(ServiceAgreement agreement, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.HasWorkingTime)
        {
            throw new ArgumentException($"The calendar of agreement '{agreement.Id}' must have working time; got {calendar}, which has none.", nameof(calendar));
        }

        if (ObjectiveGuard.CheckReach(calendar, agreement) is { } tooSparse)
        {
            throw new ArgumentException(tooSparse, nameof(calendar));
        }

        Agreement = agreement;
        Calendar = calendar;
        _onlySet = agreement.ObjectiveSets is [{ Selector.IsAny: true } only] ? only : null;
        _hasExclusions = !agreement.Exclusions.IsEmpty;
        _hasExcludedTime = !agreement.ExcludedTime.IsEmpty;
    }

    private readonly ObjectiveSet? _onlySet;
    private readonly bool _hasExclusions;
    private readonly bool _hasExcludedTime;

    /// <summary>Gets the agreement.</summary>
    public ServiceAgreement Agreement { get; }

    /// <summary>Gets the business calendar the timers run on.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Evaluates one time objective of one request.</summary>
    /// <param name="request">The request, measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before the request was opened.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The request belongs to another agreement, or the agreement has no such objective.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the request was opened, or at or after
    /// <see cref="SupportedRange.MaxInstant"/>.</exception>
    public ObjectiveEvaluation Evaluate(ServiceRequest request, ObjectiveKind kind, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireMeasures(kind);
        if (request.Agreement != Agreement.Id)
        {
            throw new ArgumentException($"Request '{request.Id}' is measured against agreement '{request.Agreement}', not '{Agreement.Id}'.", nameof(request));
        }

        if (asOf < request.Opened)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"asOf must be at or after the request's opening ({request.Opened}); got {asOf}.");
        }

        RangeGuard.Instant(asOf, nameof(asOf), "asOf");

        return Evaluate(request, kind, asOf, nameof(request));
    }

    /// <summary>Evaluates one time objective of many requests into a caller-owned buffer, without allocating.</summary>
    /// <param name="requests">The requests, all measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before any request was opened.</param>
    /// <param name="destination">Receives the evaluation of <c>requests[i]</c> at index <c>i</c>; at least as long as <paramref name="requests"/>.</param>
    /// <exception cref="ArgumentException">A request is <see langword="null"/> or belongs to another agreement, the agreement has no such objective,
    /// <paramref name="destination"/> is too short, or <paramref name="asOf"/> is before a request was opened; the message names the index.
    /// An <see cref="ArgumentOutOfRangeException"/> when <paramref name="asOf"/> is at or after <see cref="SupportedRange.MaxInstant"/>.</exception>
    public void Evaluate(ReadOnlySpan<ServiceRequest> requests, ObjectiveKind kind, Instant asOf, Span<ObjectiveEvaluation> destination)
    {
        RequireMeasures(kind);
        if (destination.Length < requests.Length)
        {
            throw new ArgumentException($"The destination must hold at least {requests.Length} evaluations; got room for {destination.Length}.", nameof(destination));
        }

        RangeGuard.Instant(asOf, nameof(asOf), "asOf");
        for (var i = 0; i < requests.Length; i++)
        {
            destination[i] = Evaluate(Checked(requests, i, asOf), kind, asOf, nameof(requests));
        }
    }

    /// <summary>Evaluates one time objective of many requests.</summary>
    /// <param name="requests">The requests, all measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before any request was opened.</param>
    /// <returns>The evaluation of <c>requests[i]</c> at index <c>i</c>.</returns>
    /// <exception cref="ArgumentException">A request is <see langword="null"/> or belongs to another agreement, the agreement has no such objective,
    /// or <paramref name="asOf"/> is before a request was opened; the message names the index.</exception>
    public ImmutableArray<ObjectiveEvaluation> EvaluateAll(ReadOnlySpan<ServiceRequest> requests, ObjectiveKind kind, Instant asOf)
    {
        var results = new ObjectiveEvaluation[requests.Length];
        Evaluate(requests, kind, asOf, results);
        return ImmutableArray.Create(results);
    }

    /// <summary>Evaluates one time objective of many requests and counts them into windows by the decision-instant rule, without storing the evaluations.</summary>
    /// <param name="requests">The requests, all measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before any request was opened.</param>
    /// <param name="windows">The windows, each a closed interval (see <see cref="ComplianceWindows"/>).</param>
    /// <returns>The report; see <see cref="ComplianceReport"/> for the rules.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate(ReadOnlySpan{ServiceRequest}, ObjectiveKind, Instant, Span{ObjectiveEvaluation})"/>, or a window lacks a start or an end.</exception>
    public ComplianceReport Compliance(ReadOnlySpan<ServiceRequest> requests, ObjectiveKind kind, Instant asOf, ReadOnlySpan<Interval> windows)
    {
        RequireMeasures(kind);
        RangeGuard.Instant(asOf, nameof(asOf), "asOf");
        var accumulator = new ComplianceAccumulator(windows, NominalTarget(kind));
        for (var i = 0; i < requests.Length; i++)
        {
            var e = Evaluate(Checked(requests, i, asOf), kind, asOf, nameof(requests));
            accumulator.Add(e.State, e.DecidedAt.GetValueOrDefault(), TargetOf(e, kind));
        }

        return accumulator.ToReport();
    }

    /// <summary>Evaluates one time objective of many requests and counts them into windows, as <see cref="Compliance(ReadOnlySpan{ServiceRequest}, ObjectiveKind, Instant, ReadOnlySpan{Interval})"/>;
    /// takes the windows as <see cref="ComplianceWindows"/> returns them (an <see cref="System.Collections.Immutable.ImmutableArray{T}"/>) or any other sequence.</summary>
    /// <param name="requests">The requests, all measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before any request was opened.</param>
    /// <param name="windows">The windows, each a closed interval (see <see cref="ComplianceWindows"/>).</param>
    /// <returns>The report; see <see cref="ComplianceReport"/> for the rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="windows"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate(ReadOnlySpan{ServiceRequest}, ObjectiveKind, Instant, Span{ObjectiveEvaluation})"/>, or a window lacks a start or an end.</exception>
    public ComplianceReport Compliance(ReadOnlySpan<ServiceRequest> requests, ObjectiveKind kind, Instant asOf, IEnumerable<Interval> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return Compliance(requests, kind, asOf, [.. windows]);
    }

    /// <summary>
    /// Evaluates one time objective of many requests and tallies them: decided (met or breached) and in flight (of which at risk).
    /// With a window, a decided request counts only when its decision instant lies in the window (the decision-instant rule of
    /// <see cref="ComplianceReport"/>); requests in flight always count.
    /// </summary>
    /// <param name="requests">The requests, all measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before any request was opened.</param>
    /// <param name="window">The window <c>[start, end)</c> whose decided requests count, or <see langword="null"/> for every decided request.</param>
    /// <returns>The tally.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate(ReadOnlySpan{ServiceRequest}, ObjectiveKind, Instant, Span{ObjectiveEvaluation})"/>, or the window lacks a start or an end.</exception>
    public SlaTally Tally(ReadOnlySpan<ServiceRequest> requests, ObjectiveKind kind, Instant asOf, Interval? window = null)
    {
        RequireMeasures(kind);
        if (window is { } w && (!w.HasStart || !w.HasEnd))
        {
            throw new ArgumentException($"The window must have a start and an end; got {w}.", nameof(window));
        }

        RangeGuard.Instant(asOf, nameof(asOf), "asOf");
        var tally = SlaTally.Empty;
        for (var i = 0; i < requests.Length; i++)
        {
            tally = Count(tally, Checked(requests, i, asOf), kind, asOf, window);
        }

        return tally;
    }

    /// <summary>
    /// Evaluates one time objective of one request and counts it into a tally by the rule of <see cref="Tally"/>, for a caller
    /// that streams requests of many agreements in their own order (the scorecard: grouping a million requests by agreement
    /// first visits them in scattered memory order, measured ~200 ms slower than one pass in input order). The caller has
    /// checked what <see cref="Tally"/> checks: the request is this agreement's, opened at or before <paramref name="asOf"/>,
    /// and the window has a start and an end.
    /// </summary>
    /// <param name="tally">The tally so far.</param>
    /// <param name="request">The request.</param>
    /// <param name="kind">The objective kind; the agreement measures it (<see cref="ServiceAgreement.Measures"/>).</param>
    /// <param name="asOf">The instant of evaluation.</param>
    /// <param name="window">The window whose decided requests count, or <see langword="null"/> for every decided request.</param>
    /// <returns>The tally with the request counted, or unchanged when it was decided outside the window.</returns>
    internal SlaTally Count(SlaTally tally, ServiceRequest request, ObjectiveKind kind, Instant asOf, Interval? window)
    {
        var e = Evaluate(request, kind, asOf, "requests");
        return e.DecidedAt is not { } decided || window is not { } inside || inside.Contains(decided) ? tally.Add(e) : tally;
    }

    /// <summary>Evaluates the rules of a burn-rate alert policy for one time objective of many requests at <paramref name="asOf"/>.</summary>
    /// <param name="requests">The requests, all measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation, where the look-backs end; not before any request was opened.</param>
    /// <param name="policy">The policy, for example <see cref="BurnRateAlertPolicy.SreWorkbook"/>.</param>
    /// <returns>One result per rule, in rule order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate(ReadOnlySpan{ServiceRequest}, ObjectiveKind, Instant, Span{ObjectiveEvaluation})"/>.</exception>
    public ImmutableArray<BurnRateAlert> EvaluateAlerts(ReadOnlySpan<ServiceRequest> requests, ObjectiveKind kind, Instant asOf, BurnRateAlertPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RequireMeasures(kind);
        RangeGuard.Instant(asOf, nameof(asOf), "asOf");
        var accumulator = new BurnRateAccumulator(policy, NominalTarget(kind), asOf);
        for (var i = 0; i < requests.Length; i++)
        {
            var e = Evaluate(Checked(requests, i, asOf), kind, asOf, nameof(requests));
            accumulator.Add(e.State, e.DecidedAt.GetValueOrDefault(), TargetOf(e, kind));
        }

        return accumulator.ToAlerts();
    }

    /// <summary>
    /// Works out, for one request in flight at <paramref name="asOf"/>, the instants at which it will cross each warning threshold
    /// and breach, assuming no further pause, and the next instant at which its state changes; see <see cref="EscalationSchedule"/>.
    /// </summary>
    /// <param name="request">The request, measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before the request was opened.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate(ServiceRequest, ObjectiveKind, Instant)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the request was opened.</exception>
    public EscalationSchedule Escalation(ServiceRequest request, ObjectiveKind kind, Instant asOf)
    {
        var evaluation = Evaluate(request, kind, asOf);
        if (!evaluation.IsMeasured || evaluation.IsDecided)
        {
            return new EscalationSchedule(evaluation, asOf, [], [], evaluation.State == SlaState.Breached ? evaluation.Deadline : null, null);
        }

        var set = Agreement.ObjectiveSets.First(s => s.Name == evaluation.ObjectiveSet);
        var thresholds = set.Objective(kind)!.WarningThresholds;
        var instants = ImmutableArray.CreateBuilder<Instant>(thresholds.Length);
        Instant? next = evaluation.Deadline > asOf ? evaluation.Deadline : null;
        foreach (var threshold in thresholds)
        {
            var at = threshold == 1 ? evaluation.Deadline : Evaluate(request, kind, asOf, nameof(request), threshold).Deadline;
            instants.Add(at);
            if (at > asOf && (next is not { } n || at < n))
            {
                next = at;
            }
        }

        // Excluded time pauses every clock: the start of the next window, or the end of the one going on, is a change too.
        foreach (var window in Agreement.ExcludedTime)
        {
            var change = window.Start > asOf ? window.Start : window.End > asOf ? window.End : (Instant?)null;
            if (change is { } c)
            {
                if (next is not { } n || c < n)
                {
                    next = c;
                }

                break;
            }
        }

        return new EscalationSchedule(evaluation, asOf, thresholds, instants.MoveToImmutable(), evaluation.Deadline, next);
    }

    /// <summary>Returns a description such as <c>SLA timer of it-payroll</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"SLA timer of {Agreement.Id}";

    /// <summary>Throws unless some objective set measures the kind (the message of <see cref="ServiceAgreement.GetTimeObjective"/>).</summary>
    private void RequireMeasures(ObjectiveKind kind)
    {
        if (!Agreement.Measures(kind))
        {
            throw new ArgumentException($"Agreement '{Agreement.Id}' has no {kind} objective.", nameof(kind));
        }
    }

    /// <summary>The target of the first set that measures the kind: the budget target of windows in which nothing was decided.</summary>
    private double NominalTarget(ObjectiveKind kind) => Agreement.ObjectiveSets.First(s => s.Objective(kind) is not null).Objective(kind)!.Target;

    /// <summary>The target of the objective that measured an evaluation (a set's), or the nominal one when none did.</summary>
    private double TargetOf(in ObjectiveEvaluation evaluation, ObjectiveKind kind)
    {
        if (_onlySet is { } only)
        {
            return only.Objective(kind)!.Target;
        }

        if (evaluation.ObjectiveSet is { } name)
        {
            foreach (var set in Agreement.ObjectiveSets)
            {
                if (set.Name == name && set.Objective(kind) is { } objective)
                {
                    return objective.Target;
                }
            }
        }

        return NominalTarget(kind);
    }

    private ServiceRequest Checked(ReadOnlySpan<ServiceRequest> requests, int i, Instant asOf)
    {
        var request = requests[i];
        if (request is null)
        {
            throw new ArgumentException($"requests[{i}] is null; expected a request.", nameof(requests));
        }

        if (request.Agreement != Agreement.Id)
        {
            throw new ArgumentException($"requests[{i}] ('{request.Id}') is measured against agreement '{request.Agreement}', not '{Agreement.Id}'.", nameof(requests));
        }

        if (asOf < request.Opened)
        {
            throw new ArgumentException($"asOf must be at or after the opening of every request; requests[{i}] ('{request.Id}') opened at {request.Opened}, after {asOf}.", nameof(asOf));
        }

        return request;
    }

    // One request, one objective kind: exclusion, set selection, the request's clock, then the shared run. A status log
    // under one objective set takes the same path as the shorthand once its clock is traced (the hot path of both: one
    // Run call site, so that the log form pays only for reading its entries).
    private ObjectiveEvaluation Evaluate(ServiceRequest request, ObjectiveKind kind, Instant asOf, string parameterName, double fraction = 1)
    {
        var agreement = Agreement;
        if (_hasExclusions && agreement.ExclusionOf(request.Opened) is not null)
        {
            return Unmeasured(kind, SlaState.Excluded, null);
        }

        var isLog = request.IsStatusLog;
        if (isLog && _onlySet is null)
        {
            return EvaluateLogBySet(request, kind, asOf, parameterName, fraction);
        }

        var set = _onlySet ?? agreement.SelectSet(request.Priority, request.Service, request.Category);
        if (set is null)
        {
            return Unmeasured(kind, SlaState.Unmatched, null);
        }

        var objective = set.Objective(kind);
        if (objective is null)
        {
            return Unmeasured(kind, SlaState.NotMeasured, set.Name);
        }

        Instant start;
        Instant? stopAt;
        Instant? cancelAt = null;
        ReadOnlySpan<Interval> pauses;
        Interval? gap = null;
        if (isLog)
        {
            // One set for every request: the priority selects nothing, so its changes move nothing and the log is traced once.
            var memo = ThreadScratch.Current;
            var scratch = memo.Pauses(request.StatusLog.Length + 1);
            var trace = Trace(request, ClockOf(request, set, objective, parameterName), memo, asOf, scratch, default, parameterName);
            if (trace.Unstarted is { } unstarted)
            {
                return Unmeasured(kind, unstarted, set.Name);
            }

            start = trace.Start;
            stopAt = trace.StopAt;
            cancelAt = trace.CancelAt;
            pauses = scratch[..trace.PauseCount];
        }
        else
        {
            start = request.Opened;
            stopAt = kind == ObjectiveKind.FirstResponse
                ? request.FirstResponse ?? (request.Reopen is { } g0 ? g0.Start : request.Resolved)
                : request.Resolved;
            gap = kind == ObjectiveKind.Resolution ? request.Reopen : null;
            pauses = request.Pauses.AsSpan();
        }

        return RunWithExcludedTime(start, stopAt, cancelAt, pauses, gap, objective, set.Name, null, asOf, fraction);
    }

    // The run, with the agreement's excluded time merged into the pauses when it has any (out of line: the common case has none).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ObjectiveEvaluation RunWithExcludedTime(
        Instant start, Instant? stopAt, Instant? cancelAt, ReadOnlySpan<Interval> pauses, Interval? gap, TimeObjective objective, string set, Instant? changeAt, Instant asOf, double fraction) =>
        _hasExcludedTime
            ? RunMerged(start, stopAt, cancelAt, pauses, gap, objective, set, changeAt, asOf, fraction)
            : Run(start, stopAt, cancelAt, pauses, gap, objective, set, changeAt, asOf, fraction);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ObjectiveEvaluation RunMerged(
        Instant start, Instant? stopAt, Instant? cancelAt, ReadOnlySpan<Interval> pauses, Interval? gap, TimeObjective objective, string set, Instant? changeAt, Instant asOf, double fraction)
    {
        var merged = ThreadScratch.Current.Merged(pauses.Length + 1 + Agreement.ExcludedTime.Length);
        var count = MergePauses(start, pauses, gap, Agreement.ExcludedTime.AsSpan(), merged);
        return Run(start, stopAt, cancelAt, merged[..count], null, objective, set, changeAt, asOf, fraction);
    }

    private static ObjectiveEvaluation Unmeasured(ObjectiveKind kind, SlaState state, string? set) =>
        new(kind, state, Duration.Zero, Duration.Zero, default, default, 0, set);

    // The hot path: one BusinessTime call per unpaused stretch, one AddBusinessTime call, no allocation.
    // The clock runs from start to the stop (or asOf), minus the pauses (sorted; the gap, if any, is one more, merged in order);
    // a cancellation at or before asOf ends it without a verdict unless the deadline had passed; a priority change that
    // selected the objective moves a breach decided before it to the change.
    private ObjectiveEvaluation Run(
        Instant start,
        Instant? stopAt,
        Instant? cancelAt,
        ReadOnlySpan<Interval> pauses,
        Interval? reopenGap,
        TimeObjective objective,
        string set,
        Instant? changeAt,
        Instant asOf,
        double fraction)
    {
        var calendar = Calendar;
        var kind = objective.Kind;

        // Business days: the allowed business time is that from the start to the business-days deadline (BusinessCalendar.AddBusinessDays).
        var daysDeadline = objective.BusinessDays is { } days ? calendar.AddBusinessDays(start, days) : default;
        var allowed = objective.BusinessDays is null ? objective.Within : calendar.BusinessTime(start, daysDeadline);
        var cancelled = cancelAt is { } c && c <= asOf && (stopAt is not { } st || c < st);
        if (cancelled)
        {
            stopAt = cancelAt;
        }

        var stopped = stopAt is { } s && s <= asOf;
        var end = stopped ? stopAt!.Value : asOf;

        var elapsed = Duration.Zero;

        // With a fraction below 1 the "deadline" found is the instant that fraction of the allowed time is used (Escalation).
        var remaining = fraction == 1 ? allowed : allowed * fraction;
        var cursor = start;
        var deadline = default(Instant);
        var deadlineFound = false;
        var paused = false;

        var gapPending = reopenGap.HasValue;
        var gap = gapPending ? reopenGap!.Value : default;
        var next = 0;
        while (true)
        {
            Instant pauseStart;
            Instant? pauseEnd;
            if (gapPending && (next >= pauses.Length || gap.Start < pauses[next].Start))
            {
                pauseStart = gap.Start;
                pauseEnd = gap.End;
                gapPending = false;
            }
            else if (next < pauses.Length)
            {
                ref readonly var p = ref pauses[next++];
                pauseStart = p.Start;
                pauseEnd = p.HasEnd ? p.End : null;
            }
            else
            {
                break;
            }

            if (pauseStart >= end)
            {
                // A pause that starts at the stop, or at or after asOf, does not touch the timer, but one that
                // starts exactly at asOf and is still going means the request is waiting on the customer now.
                paused |= !stopped && pauseStart == asOf && (pauseEnd is not { } e0 || e0 > asOf);
                break;
            }

            var clippedEnd = pauseEnd is { } pe && pe < end ? pe : end;
            paused |= !stopped && (pauseEnd is not { } e1 || e1 > asOf);

            var stretch = calendar.BusinessTime(cursor, pauseStart);
            elapsed += stretch;
            if (!deadlineFound)
            {
                if (stretch >= remaining)
                {
                    deadline = calendar.AddBusinessTime(cursor, remaining);
                    deadlineFound = true;
                }
                else
                {
                    remaining -= stretch;
                }
            }

            cursor = clippedEnd;
        }

        elapsed += calendar.BusinessTime(cursor, end);
        if (!deadlineFound)
        {
            deadline = calendar.AddBusinessTime(cursor, remaining);
        }

        // The earliest instant the allowed time is used is the end of a working window when the business-days deadline is the
        // start of the next one ("by 09:00 on Tuesday"): when no business time was paused before it, the deadline is the
        // business-days deadline itself; pauses push it from there as for any objective.
        if (objective.BusinessDays is not null && fraction == 1 && deadline <= daysDeadline && calendar.BusinessTime(deadline, daysDeadline) == Duration.Zero)
        {
            deadline = daysDeadline;
        }

        var used = elapsed.TotalNanoseconds / allowed.TotalNanoseconds;
        var thresholds = objective.WarningThresholds.AsSpan();
        var level = 0;
        while (level < thresholds.Length && used >= thresholds[level])
        {
            level++;
        }

        SlaState state;
        Instant decidedAt;
        if (stopped)
        {
            state = end <= deadline ? (cancelled ? SlaState.Cancelled : SlaState.Met) : SlaState.Breached;
            decidedAt = state == SlaState.Met ? end : state == SlaState.Breached ? deadline : default;
        }
        else if (deadline < asOf)
        {
            state = SlaState.Breached;
            decidedAt = deadline;
        }
        else
        {
            state = paused ? SlaState.Paused : level > 0 ? SlaState.AtRisk : SlaState.InProgress;
            decidedAt = default;
        }

        if (state == SlaState.Breached && changeAt is { } changed && decidedAt < changed)
        {
            decidedAt = changed;
        }

        return new ObjectiveEvaluation(kind, state, allowed, elapsed, deadline, decidedAt, level, set);
    }
}
