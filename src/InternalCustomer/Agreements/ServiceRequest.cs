using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// A service request (a ticket) from a consumer department to a provider under a service agreement: when it was
/// opened, first answered and resolved, when it waited on the customer, and whether it was reopened.
/// </summary>
/// <remarks>
/// <para><b>Lifetime.</b> A request lives from <see cref="Opened"/> to <see cref="Resolved"/> (or without end while unresolved).
/// Every recorded instant lies in it: the first response, the pauses, the reopen gap.</para>
/// <para><b>Pauses</b> are half-open intervals <c>[start, end)</c> during which the request waits on the customer; the SLA
/// timers stop during them. They are sorted and disjoint; only the last may be open-ended (still waiting), and only
/// while the request is unresolved.</para>
/// <para><b>Reopen.</b> <see cref="Reopen"/> is the gap from the first resolution to the reopening. The resolution timer
/// treats it as a pause (the provider was not on the clock) and stops at the final <see cref="Resolved"/>.
/// The first-response timer is not affected.</para>
/// <para><b>Two forms.</b> The constructor takes the shorthand above. <see cref="FromStatusLog"/> takes instead the status log a
/// ticketing system exports (<see cref="StatusLog"/>); each time objective's <see cref="TimeObjective.Clock"/> then says which
/// statuses start, pause, stop, reset and cancel its clock. For a status-log request <see cref="Opened"/> is the first entry's
/// instant and the shorthand's other parts are empty.</para>
/// <para><b>Class.</b> <see cref="Priority"/>, <see cref="Service"/> and <see cref="Category"/> (init-only) select the agreement's
/// <see cref="ObjectiveSet"/>; a status log may change the priority mid-flight (<see cref="PriorityAt"/>).</para>
/// <para>Equality is component-wise.</para>
/// </remarks>
public sealed class ServiceRequest : IEquatable<ServiceRequest>
{
    private readonly PriorityId? _priority;
    private readonly ServiceId? _service;
    private readonly string? _category;

    /// <summary>Creates a service request.</summary>
    /// <param name="id">The request's identifier (any non-blank text, for example a ticket number).</param>
    /// <param name="agreement">The agreement the request is measured against.</param>
    /// <param name="opened">When the request was opened.</param>
    /// <param name="firstResponse">When the provider first responded, if it has.</param>
    /// <param name="resolved">When the request was finally resolved, if it has been.</param>
    /// <param name="pauses">The intervals spent waiting on the customer: sorted, disjoint, inside the lifetime; <see langword="null"/> for none.</param>
    /// <param name="reopen">The gap from the first resolution to the reopening, if the request was reopened.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, <paramref name="agreement"/> is <c>default</c>,
    /// an instant lies before <paramref name="opened"/> or after <paramref name="resolved"/>, a pause lacks a start,
    /// the pauses are unsorted or overlap each other or the reopen gap, or the reopen gap is not a closed interval.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant (of a pause or the reopen gap too) lies outside the supported range,
    /// <see cref="SupportedRange.MinInstant"/> (inclusive) to <see cref="SupportedRange.MaxInstant"/> (exclusive); the message names
    /// the range and the instant.</exception>
    public ServiceRequest(
        string id,
        AgreementId agreement,
        Instant opened,
        Instant? firstResponse = null,
        Instant? resolved = null,
        IEnumerable<Interval>? pauses = null,
        Interval? reopen = null)
        : this(Checked(id, agreement, opened, firstResponse, resolved, pauses, reopen), id, agreement, opened, firstResponse, resolved, reopen)
    {
    }

    // A status-log request, its log already checked.
    private ServiceRequest(string id, AgreementId agreement, ImmutableArray<StatusChange> log)
    {
        Id = id;
        Agreement = agreement;
        Opened = log[0].At;
        Pauses = [];
        StatusLog = log;

        // The priority at creation, as Priority's documentation says: the first entry's, when it sets one.
        _priority = log[0].Priority;
    }

    // The parts, already checked (by the public constructor or TryCreate): the rules run once.
    private ServiceRequest(ImmutableArray<Interval> pauses, string id, AgreementId agreement, Instant opened, Instant? firstResponse, Instant? resolved, Interval? reopen)
    {
        Id = id;
        Agreement = agreement;
        Opened = opened;
        Resolved = resolved;
        FirstResponse = firstResponse;
        Reopen = reopen;
        Pauses = pauses;
        StatusLog = [];
    }

    /// <summary>Creates a service request, or says what is wrong with its parts without throwing.</summary>
    /// <remarks>The same rules as the constructor. The problem's location names the part at fault: <c>$.resolved</c>,
    /// or <c>$.pauses[2]</c> for one pause, so that a reader of a ticket export can place it on its own field.</remarks>
    /// <param name="id">The request's identifier (any non-blank text).</param>
    /// <param name="agreement">The agreement the request is measured against.</param>
    /// <param name="opened">When the request was opened.</param>
    /// <param name="firstResponse">When the provider first responded, if it has.</param>
    /// <param name="resolved">When the request was finally resolved, if it has been.</param>
    /// <param name="pauses">The intervals spent waiting on the customer; <see langword="null"/> for none.</param>
    /// <param name="reopen">The gap from the first resolution to the reopening, if any.</param>
    /// <returns>The request, or the first problem found (kind <see cref="ProblemKind.InvalidValue"/> or
    /// <see cref="ProblemKind.InvalidId"/>); an instant outside the supported range (<see cref="SupportedRange"/>) is an
    /// <see cref="ProblemKind.InvalidValue"/> at its parameter.</returns>
    public static Result<ServiceRequest> TryCreate(
        string? id,
        AgreementId agreement,
        Instant opened,
        Instant? firstResponse = null,
        Instant? resolved = null,
        IEnumerable<Interval>? pauses = null,
        Interval? reopen = null)
    {
        ImmutableArray<Interval> pauseArray = pauses is null ? [] : [.. pauses];
        return Check(id, agreement, opened, firstResponse, resolved, pauseArray, reopen) is { } problem
            ? Result.Failure<ServiceRequest>([problem])
            : Result.Success(new ServiceRequest(pauseArray, id!, agreement, opened, firstResponse, resolved, reopen));
    }

    /// <summary>Creates a request from the status log a ticketing system exports.</summary>
    /// <param name="id">The request's identifier (any non-blank text).</param>
    /// <param name="agreement">The agreement the request is measured against.</param>
    /// <param name="log">The status changes in time order (equal instants keep their order); the first is the request's creation.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, <paramref name="agreement"/> is <c>default</c>, the log is
    /// empty, an entry is <c>default</c>, or an entry lies before the one above it; the message names the entry.</exception>
    public static ServiceRequest FromStatusLog(string id, AgreementId agreement, IEnumerable<StatusChange> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var result = TryFromStatusLog(id, agreement, log);
        return result.IsSuccess
            ? result.Value
            : throw new ArgumentException(result.Problems[0].Message, result.Problems[0].Location.Segments[0].Name);
    }

    /// <summary>Creates a request from a status log, or says what is wrong with it without throwing.</summary>
    /// <remarks>The same rules as <see cref="FromStatusLog"/>; the location names the part at fault, <c>$.log[3]</c> for an entry.</remarks>
    /// <param name="id">The request's identifier (any non-blank text).</param>
    /// <param name="agreement">The agreement the request is measured against.</param>
    /// <param name="log">The status changes in time order.</param>
    /// <returns>The request, or the first problem found.</returns>
    public static Result<ServiceRequest> TryFromStatusLog(string? id, AgreementId agreement, IEnumerable<StatusChange>? log)
    {
        ImmutableArray<StatusChange> entries = log is null ? [] : [.. log];
        return CheckLog(id, agreement, entries) is { } problem
            ? Result.Failure<ServiceRequest>([problem])
            : Result.Success(new ServiceRequest(id!, agreement, entries));
    }

    /// <summary>Gets the request's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the agreement the request is measured against.</summary>
    public AgreementId Agreement { get; }

    /// <summary>Gets when the request was opened.</summary>
    public Instant Opened { get; }

    /// <summary>Gets when the provider first responded, or <see langword="null"/> if it has not.</summary>
    public Instant? FirstResponse { get; }

    /// <summary>Gets when the request was finally resolved, or <see langword="null"/> if it has not been.</summary>
    public Instant? Resolved { get; }

    /// <summary>Gets the intervals spent waiting on the customer, sorted and disjoint; the last may be open-ended.</summary>
    public ImmutableArray<Interval> Pauses { get; }

    /// <summary>Gets the gap from the first resolution to the reopening, or <see langword="null"/> if the request was never reopened.</summary>
    public Interval? Reopen { get; }

    /// <summary>Gets the status log, or an empty array for a request given in the shorthand form.</summary>
    public ImmutableArray<StatusChange> StatusLog { get; }

    /// <summary>Gets whether the request was given as a status log (<see cref="FromStatusLog"/>).</summary>
    public bool IsStatusLog => !StatusLog.IsEmpty;

    /// <summary>Gets the request's priority (at its creation, for a status log whose entries change it), or <see langword="null"/>.</summary>
    /// <remarks>For a status log whose first entry sets a priority, that is the priority at creation: setting none keeps it,
    /// and setting another is refused.</remarks>
    /// <exception cref="ArgumentException">Set to <c>default(PriorityId)</c>, or, for a status log, to a priority other than its first entry's.</exception>
    public PriorityId? Priority
    {
        get => _priority;
        init => _priority = CheckPriority(value, StatusLog, nameof(value));
    }

    /// <summary>Gets the service requested, or <see langword="null"/> when not recorded.</summary>
    /// <exception cref="ArgumentException">Set to <c>default(ServiceId)</c>.</exception>
    public ServiceId? Service
    {
        get => _service;
        init => _service = value is { IsDefault: true } ? throw new ArgumentException("Expected a parsed ServiceId or null; got default(ServiceId).", nameof(value)) : value;
    }

    /// <summary>Gets the request's category (for example <c>Hardware</c>), or <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">Set to blank text.</exception>
    public string? Category
    {
        get => _category;
        init => _category = value is not null && string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"A category must be non-blank text or null; got \"{value}\".", nameof(value)) : value;
    }

    /// <summary>Returns a copy of this request with the given class: the same form, instants and status log, and the
    /// given <see cref="Priority"/>, <see cref="Service"/> and <see cref="Category"/> (the way to class a request made by
    /// <see cref="FromStatusLog"/> or <see cref="TryCreate"/>, whose results take no object initializer).</summary>
    /// <param name="priority">The priority, or <see langword="null"/> for none (for a status log: its first entry's, if it sets one).</param>
    /// <param name="service">The service requested, or <see langword="null"/> for none.</param>
    /// <param name="category">The category, or <see langword="null"/> for none.</param>
    /// <returns>The classed copy.</returns>
    /// <exception cref="ArgumentException"><paramref name="priority"/> or <paramref name="service"/> is <c>default</c>,
    /// <paramref name="priority"/> contradicts a status log's first entry, or <paramref name="category"/> is blank.</exception>
    public ServiceRequest WithClass(PriorityId? priority, ServiceId? service, string? category)
    {
        CheckPriority(priority, StatusLog, nameof(priority));

        if (service is { IsDefault: true })
        {
            throw new ArgumentException("Expected a parsed ServiceId or null; got default(ServiceId).", nameof(service));
        }

        if (category is not null && string.IsNullOrWhiteSpace(category))
        {
            throw new ArgumentException($"A category must be non-blank text or null; got \"{category}\".", nameof(category));
        }

        return IsStatusLog
            ? new ServiceRequest(Id, Agreement, StatusLog) { Priority = priority, Service = service, Category = category }
            : new ServiceRequest(Pauses, Id, Agreement, Opened, FirstResponse, Resolved, Reopen) { Priority = priority, Service = service, Category = category };
    }

    /// <summary>Gets the priority in force at an instant: that of the last status change at or before it that sets one,
    /// else <see cref="Priority"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The priority, or <see langword="null"/> when none is recorded.</returns>
    public PriorityId? PriorityAt(Instant instant)
    {
        var priority = _priority;
        foreach (var change in StatusLog)
        {
            if (change.At > instant)
            {
                break;
            }

            priority = change.Priority ?? priority;
        }

        return priority;
    }

    /// <inheritdoc />
    public bool Equals(ServiceRequest? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Agreement == other.Agreement
                && Opened == other.Opened
                && FirstResponse == other.FirstResponse
                && Resolved == other.Resolved
                && Reopen == other.Reopen
                && _priority == other._priority
                && _service == other._service
                && string.Equals(_category, other._category, StringComparison.Ordinal)
                && Pauses.SequenceEqual(other.Pauses)
                && StatusLog.SequenceEqual(other.StatusLog)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ServiceRequest);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Agreement);
        hash.Add(Opened);
        hash.Add(FirstResponse);
        hash.Add(Resolved);
        hash.Add(Reopen);
        hash.Add(_priority);
        hash.Add(_service);
        hash.Add(_category, StringComparer.Ordinal);
        foreach (var p in Pauses)
        {
            hash.Add(p);
        }

        foreach (var c in StatusLog)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns a description such as <c>INC-1 (it-desk, opened 2026-03-02T09:00:00Z, resolved 2026-03-02T12:00:00Z, 1 pause)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        IsStatusLog
            ? $"{Id} ({Agreement}, opened {Opened}, {StatusLog.Length} status change{(StatusLog.Length == 1 ? string.Empty : "s")}, last {StatusLog[^1].Status})"
            : $"{Id} ({Agreement}, opened {Opened}{(Resolved is { } r ? $", resolved {r}" : string.Empty)}, {Pauses.Length} pause{(Pauses.Length == 1 ? string.Empty : "s")})";

    private static string Lifetime(Instant opened, Instant? resolved) =>
        resolved is { } r ? $"[{opened}, {r}]" : $"[{opened}, ...)";

    /// <summary>The pauses as an array, once the parts have passed <see cref="Check"/>; throws for the first rule broken.</summary>
    private static ImmutableArray<Interval> Checked(string? id, AgreementId agreement, Instant opened, Instant? firstResponse, Instant? resolved, IEnumerable<Interval>? pauses, Interval? reopen)
    {
        ImmutableArray<Interval> pauseArray = pauses is null ? [] : [.. pauses];
        if (CheckRange(opened, firstResponse, resolved, pauseArray, reopen) is { } outside)
        {
            throw new ArgumentOutOfRangeException(outside.Location.Segments[0].Name, outside.Message);
        }

        return Check(id, agreement, opened, firstResponse, resolved, pauseArray, reopen) is { } problem
            ? throw new ArgumentException(problem.Message, problem.Location.Segments[0].Name)
            : pauseArray;
    }

    /// <summary>The first rule the parts break, located at the parameter (and pause) at fault; <see langword="null"/> if none.</summary>
    private static Problem? Check(
        string? id,
        AgreementId agreement,
        Instant opened,
        Instant? firstResponse,
        Instant? resolved,
        ImmutableArray<Interval> pauses,
        Interval? reopen)
    {
        var at = ProblemLocation.Root;
        if (string.IsNullOrWhiteSpace(id))
        {
            return new(ProblemKind.InvalidId, at.Property(nameof(id)), $"A request id must be non-blank text; got {(id is null ? "null" : $"\"{id}\"")}.");
        }

        if (agreement.IsDefault)
        {
            return new(ProblemKind.InvalidId, at.Property(nameof(agreement)), "Expected a parsed AgreementId; got default(AgreementId).");
        }

        if (CheckRange(opened, firstResponse, resolved, pauses, reopen) is { } outside)
        {
            return outside;
        }

        if (resolved is { } r && r < opened)
        {
            return new(ProblemKind.InvalidValue, at.Property(nameof(resolved)), $"Resolution must be at or after the opening ({opened}); got {r}.");
        }

        if (firstResponse is { } f)
        {
            if (f < opened)
            {
                return new(ProblemKind.InvalidValue, at.Property(nameof(firstResponse)), $"First response must be at or after the opening ({opened}); got {f}.");
            }

            if (resolved is { } r2 && f > r2)
            {
                return new(ProblemKind.InvalidValue, at.Property(nameof(firstResponse)), $"First response must be at or before the resolution ({r2}); got {f}.");
            }
        }

        if (reopen is { } g)
        {
            if (!g.HasStart || !g.HasEnd)
            {
                return new(ProblemKind.InvalidValue, at.Property(nameof(reopen)), $"The reopen gap must run from the first resolution to the reopening; got the open interval {g}.");
            }

            if (g.Start < opened || (resolved is { } r3 && g.End > r3))
            {
                return new(ProblemKind.InvalidValue, at.Property(nameof(reopen)), $"The reopen gap must lie inside the request's lifetime {Lifetime(opened, resolved)}; got {g}.");
            }
        }

        for (var i = 0; i < pauses.Length; i++)
        {
            var p = pauses[i];
            var pause = at.Property(nameof(pauses)).Element(i);
            if (!p.HasStart)
            {
                return new(ProblemKind.InvalidValue, pause, $"Pause {i} must have a start; got {p}.");
            }

            if (p.Start < opened || (resolved is { } r4 && (!p.HasEnd || p.End > r4)))
            {
                return new(ProblemKind.InvalidValue, pause, $"Pause {i} must lie inside the request's lifetime {Lifetime(opened, resolved)}; got {p}.");
            }

            if (i > 0 && (!pauses[i - 1].HasEnd || p.Start < pauses[i - 1].End))
            {
                return new(ProblemKind.InvalidValue, pause, $"Pauses must be sorted and disjoint; pause {i} {p} starts before pause {i - 1} {pauses[i - 1]} ends.");
            }

            if (reopen is { } g2 && p.Start < g2.End && (!p.HasEnd || g2.Start < p.End))
            {
                return new(ProblemKind.InvalidValue, pause, $"Pause {i} {p} overlaps the reopen gap {g2}.");
            }
        }

        return null;
    }

    /// <summary>The first instant of the parts outside the supported range (<see cref="SupportedRange"/>), located at its parameter
    /// (and pause); <see langword="null"/> if all are inside.</summary>
    private static Problem? CheckRange(Instant opened, Instant? firstResponse, Instant? resolved, ImmutableArray<Interval> pauses, Interval? reopen)
    {
        var at = ProblemLocation.Root;
        if (SupportedRange.CheckInstant(opened, "an opening") is { } o)
        {
            return new(ProblemKind.InvalidValue, at.Property(nameof(opened)), o);
        }

        if (firstResponse is { } f && SupportedRange.CheckInstant(f, "a first response") is { } fp)
        {
            return new(ProblemKind.InvalidValue, at.Property(nameof(firstResponse)), fp);
        }

        if (resolved is { } r && SupportedRange.CheckInstant(r, "a resolution") is { } rp)
        {
            return new(ProblemKind.InvalidValue, at.Property(nameof(resolved)), rp);
        }

        for (var i = 0; i < pauses.Length; i++)
        {
            if (IntervalOutside(pauses[i], $"pause {i} to") is { } pp)
            {
                return new(ProblemKind.InvalidValue, at.Property(nameof(pauses)).Element(i), pp);
            }
        }

        return reopen is { } g && IntervalOutside(g, "the reopen gap to") is { } gp
            ? new(ProblemKind.InvalidValue, at.Property(nameof(reopen)), gp)
            : null;

        static string? IntervalOutside(Interval interval, string what) =>
            (interval.HasStart ? SupportedRange.CheckInstant(interval.Start, what + " start") : null)
            ?? (interval.HasEnd ? SupportedRange.CheckInstant(interval.End, what + " end") : null);
    }

    /// <summary>The priority at creation: <paramref name="value"/>, or a status log's first entry's, which it must not contradict.</summary>
    private static PriorityId? CheckPriority(PriorityId? value, ImmutableArray<StatusChange> log, string parameterName)
    {
        if (value is { IsDefault: true })
        {
            throw new ArgumentException("Expected a parsed PriorityId or null; got default(PriorityId).", parameterName);
        }

        var first = log.IsDefaultOrEmpty ? null : log[0].Priority;
        if (value is { } v && first is { } f && v != f)
        {
            throw new ArgumentException(
                $"The priority at creation of a status-log request is its first entry's ('{f}'); got '{v}'. Leave it unset, or change the first entry.",
                parameterName);
        }

        return value ?? first;
    }

    /// <summary>The first rule a status log breaks, located at the part at fault; <see langword="null"/> if none.</summary>
    private static Problem? CheckLog(string? id, AgreementId agreement, ImmutableArray<StatusChange> log)
    {
        var at = ProblemLocation.Root;
        if (string.IsNullOrWhiteSpace(id))
        {
            return new(ProblemKind.InvalidId, at.Property(nameof(id)), $"A request id must be non-blank text; got {(id is null ? "null" : $"\"{id}\"")}.");
        }

        if (agreement.IsDefault)
        {
            return new(ProblemKind.InvalidId, at.Property(nameof(agreement)), "Expected a parsed AgreementId; got default(AgreementId).");
        }

        if (log.IsEmpty)
        {
            return new(ProblemKind.InvalidValue, at.Property(nameof(log)), $"Request '{id}' needs at least one status change (its creation); got an empty log.");
        }

        for (var i = 0; i < log.Length; i++)
        {
            if (log[i].Status is null)
            {
                return new(ProblemKind.InvalidValue, at.Property(nameof(log)).Element(i), $"Entry {i} of request '{id}' must be a status change; got default(StatusChange).");
            }

            if (i > 0 && log[i].At < log[i - 1].At)
            {
                return new(ProblemKind.InvalidValue, at.Property(nameof(log)).Element(i), $"The status log of request '{id}' must be in time order; entry {i} ({log[i]}) lies before entry {i - 1} ({log[i - 1]}).");
            }
        }

        return null;
    }
}
