using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Agreements;

/// <summary>
/// A service agreement between two departments (an internal agreement, OLA): the provider's services the
/// consumer may request, when it is in effect, the calendar its timers run on, how often it is reviewed,
/// and its objectives.
/// </summary>
/// <remarks>
/// <para><b>Effective period.</b> From <see cref="EffectiveFrom"/> through <see cref="EffectiveUntil"/> (both whole
/// dates, inclusive), or open-ended when <see cref="EffectiveUntil"/> is <see langword="null"/>.</para>
/// <para><b>References.</b> The departments, services and calendar are identifiers; an <c>Organization</c>
/// checks that they exist, that the provider offers the services, and that no two agreements of the same pair
/// cover the same service over overlapping periods for request classes both select (see <see cref="ObjectiveSets"/>).</para>
/// <para>Equality is component-wise.</para>
/// </remarks>
public sealed class ServiceAgreement : IEquatable<ServiceAgreement>
{
    private readonly ImmutableArray<Interval> _excludedTime;

    /// <summary>Creates an agreement.</summary>
    /// <param name="id">The agreement's identifier.</param>
    /// <param name="provider">The department that provides the services (the internal supplier).</param>
    /// <param name="consumer">The department that consumes them (the internal customer); not the provider.</param>
    /// <param name="services">The services covered; at least one, no repeats (kept sorted by id).</param>
    /// <param name="calendar">The business calendar the timers run on.</param>
    /// <param name="effectiveFrom">The first day in effect.</param>
    /// <param name="effectiveUntil">The last day in effect (inclusive), or <see langword="null"/> for open-ended.</param>
    /// <param name="reviewCadence">How often the agreement is reviewed: a positive, date-based period such as <c>P3M</c>.</param>
    /// <param name="firstResponse">The first-response objective, if any.</param>
    /// <param name="resolution">The resolution objective, if any.</param>
    /// <param name="satisfaction">The satisfaction objective, if any.</param>
    /// <exception cref="ArgumentException">An id is <c>default</c>, <paramref name="provider"/> equals <paramref name="consumer"/>,
    /// <paramref name="services"/> is empty or repeats a service, <paramref name="effectiveFrom"/> or <paramref name="effectiveUntil"/>
    /// is not in the ISO calendar, <paramref name="effectiveUntil"/> is before <paramref name="effectiveFrom"/>,
    /// <paramref name="reviewCadence"/> is not a positive date-based period, an objective has the wrong kind, or there is no objective.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effectiveFrom"/> or <paramref name="effectiveUntil"/> lies outside the
    /// supported dates (1900-01-01 to 2200-12-31), or <paramref name="reviewCadence"/> is longer than 100 years (<see cref="SupportedRange"/>);
    /// the message names the range and the value.</exception>
    public ServiceAgreement(
        AgreementId id,
        DepartmentId provider,
        DepartmentId consumer,
        IEnumerable<ServiceId> services,
        CalendarId calendar,
        LocalDate effectiveFrom,
        LocalDate? effectiveUntil,
        Period reviewCadence,
        TimeObjective? firstResponse = null,
        TimeObjective? resolution = null,
        SatisfactionObjective? satisfaction = null)
        : this(Checked(id, provider, consumer, services, calendar, effectiveFrom, effectiveUntil, reviewCadence))
    {
        if (firstResponse is not null && firstResponse.Kind != ObjectiveKind.FirstResponse)
        {
            throw new ArgumentException($"Expected a FirstResponse objective; got a {firstResponse.Kind} objective.", nameof(firstResponse));
        }

        if (resolution is not null && resolution.Kind != ObjectiveKind.Resolution)
        {
            throw new ArgumentException($"Expected a Resolution objective; got a {resolution.Kind} objective.", nameof(resolution));
        }

        if (firstResponse is null && resolution is null && satisfaction is null)
        {
            throw new ArgumentException("An agreement needs at least one objective; got none.", nameof(firstResponse));
        }

        FirstResponse = firstResponse;
        Resolution = resolution;
        Satisfaction = satisfaction;
        ObjectiveSets = firstResponse is null && resolution is null ? [] : [new ObjectiveSet(ObjectiveSet.DefaultName, RequestSelector.Any, firstResponse, resolution)];
    }

    /// <summary>Creates an agreement whose time objectives depend on the request's class: one <see cref="ObjectiveSet"/> per
    /// class ("P1: respond in 30 minutes, resolve in 4 business hours; P3: ...").</summary>
    /// <param name="id">The agreement's identifier.</param>
    /// <param name="provider">The department that provides the services (the internal supplier).</param>
    /// <param name="consumer">The department that consumes them (the internal customer); not the provider.</param>
    /// <param name="services">The services covered; at least one, no repeats (kept sorted by id).</param>
    /// <param name="calendar">The business calendar the timers run on.</param>
    /// <param name="effectiveFrom">The first day in effect.</param>
    /// <param name="effectiveUntil">The last day in effect (inclusive), or <see langword="null"/> for open-ended.</param>
    /// <param name="reviewCadence">How often the agreement is reviewed: a positive, date-based period such as <c>P3M</c>.</param>
    /// <param name="objectiveSets">The objective sets, in the order given: names unique, selectors not overlapping (so at most
    /// one set applies to a request), each selected service covered by the agreement.</param>
    /// <param name="satisfaction">The satisfaction objective, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="reviewCadence"/> or <paramref name="objectiveSets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for the other constructor, or a set is <see langword="null"/>, two sets share a name,
    /// two sets' selectors overlap, a set selects a service the agreement does not cover, or there is neither a set nor a
    /// satisfaction objective.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for the other constructor: a date or the cadence outside the supported range.</exception>
    /// <returns>The agreement.</returns>
    /// <remarks>A factory rather than a constructor overload: beside the 1.0 constructor, an overload taking the sets would
    /// make a 1.0 call such as <c>new ServiceAgreement(..., cadence, null, null)</c> ambiguous.</remarks>
    public static ServiceAgreement Create(
        AgreementId id,
        DepartmentId provider,
        DepartmentId consumer,
        IEnumerable<ServiceId> services,
        CalendarId calendar,
        LocalDate effectiveFrom,
        LocalDate? effectiveUntil,
        Period reviewCadence,
        IEnumerable<ObjectiveSet> objectiveSets,
        SatisfactionObjective? satisfaction = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(reviewCadence);
        ArgumentNullException.ThrowIfNull(objectiveSets);
        return new(id, provider, consumer, services, calendar, effectiveFrom, effectiveUntil, reviewCadence, objectiveSets.ToList(), satisfaction);
    }

    // The agreement of Create: the parts both constructors share, checked once (Checked), then the sets.
    private ServiceAgreement(
        AgreementId id,
        DepartmentId provider,
        DepartmentId consumer,
        IEnumerable<ServiceId> services,
        CalendarId calendar,
        LocalDate effectiveFrom,
        LocalDate? effectiveUntil,
        Period reviewCadence,
        List<ObjectiveSet> objectiveSets,
        SatisfactionObjective? satisfaction)
        : this(Checked(id, provider, consumer, services, calendar, effectiveFrom, effectiveUntil, reviewCadence))
    {
        var sets = objectiveSets;
        for (var i = 0; i < sets.Count; i++)
        {
            var set = sets[i] ?? throw new ArgumentException($"objectiveSets[{i}] is null; expected an objective set.", nameof(objectiveSets));
            foreach (var service in set.Selector.Services)
            {
                if (!Services.Contains(service))
                {
                    throw new ArgumentException($"Objective set '{set.Name}' selects service '{service}', which agreement '{id}' does not cover; it covers {string.Join(", ", Services)}.", nameof(objectiveSets));
                }
            }

            for (var j = 0; j < i; j++)
            {
                if (sets[j].Name == set.Name)
                {
                    throw new ArgumentException($"Each objective set needs its own name; '{set.Name}' is used by sets {j} and {i}.", nameof(objectiveSets));
                }

                if (sets[j].Selector.Overlaps(set.Selector))
                {
                    throw new ArgumentException(
                        $"At most one objective set may apply to a request, but sets '{sets[j].Name}' ({sets[j].Selector}) and '{set.Name}' ({set.Selector}) both match some requests.",
                        nameof(objectiveSets));
                }
            }
        }

        if (sets.Count == 0 && satisfaction is null)
        {
            throw new ArgumentException("An agreement needs at least one objective; got no objective set and no satisfaction objective.", nameof(objectiveSets));
        }

        ObjectiveSets = [.. sets];
        Satisfaction = satisfaction;
        var only = sets.Count == 1 && sets[0].Selector.IsAny ? sets[0] : null;
        FirstResponse = only?.FirstResponse;
        Resolution = only?.Resolution;
    }

    // A copy with exclusion windows, the rest already checked.
    private ServiceAgreement(ServiceAgreement source, ImmutableArray<ExclusionWindow> exclusions)
    {
        Id = source.Id;
        Provider = source.Provider;
        Consumer = source.Consumer;
        Services = source.Services;
        Calendar = source.Calendar;
        EffectiveFrom = source.EffectiveFrom;
        EffectiveUntil = source.EffectiveUntil;
        ReviewCadence = source.ReviewCadence;
        FirstResponse = source.FirstResponse;
        Resolution = source.Resolution;
        Satisfaction = source.Satisfaction;
        ObjectiveSets = source.ObjectiveSets;
        Exclusions = exclusions;
        _excludedTime = MergeExcludedTime(exclusions);
    }

    // The parts every agreement has, checked: what both public ways of making one share.
    private ServiceAgreement(Parts parts)
    {
        Id = parts.Id;
        Provider = parts.Provider;
        Consumer = parts.Consumer;
        Calendar = parts.Calendar;
        Services = parts.Services;
        EffectiveFrom = parts.EffectiveFrom;
        EffectiveUntil = parts.EffectiveUntil;
        ReviewCadence = parts.ReviewCadence;
        Exclusions = [];
        _excludedTime = [];
    }

    private static Parts Checked(
        AgreementId id,
        DepartmentId provider,
        DepartmentId consumer,
        IEnumerable<ServiceId> services,
        CalendarId calendar,
        LocalDate effectiveFrom,
        LocalDate? effectiveUntil,
        Period reviewCadence)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(reviewCadence);
        ModelGuard.NotDefault(id, nameof(id));
        ModelGuard.NotDefault(provider, nameof(provider));
        ModelGuard.NotDefault(consumer, nameof(consumer));
        ModelGuard.NotDefault(calendar, nameof(calendar));
        if (provider == consumer)
        {
            throw new ArgumentException($"An agreement needs two different departments; got provider and consumer both '{provider}'.", nameof(consumer));
        }

        var list = services.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            ModelGuard.NotDefault(list[i], nameof(services));
            var first = list.IndexOf(list[i]);
            if (first < i)
            {
                throw new ArgumentException($"Each covered service must be listed once; '{list[i]}' appears at positions {first} and {i}.", nameof(services));
            }
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("An agreement must cover at least one service; got none.", nameof(services));
        }

        if (CheckIsoDate(effectiveFrom, "first day in effect") is { } fromProblem)
        {
            throw new ArgumentException(fromProblem, nameof(effectiveFrom));
        }

        if (effectiveUntil is { } last && CheckIsoDate(last, "last day in effect") is { } untilProblem)
        {
            throw new ArgumentException(untilProblem, nameof(effectiveUntil));
        }

        if (effectiveUntil is { } until && until < effectiveFrom)
        {
            throw new ArgumentException($"The effective period must not end before it starts ({Iso(effectiveFrom)}); got an end of {Iso(until)}.", nameof(effectiveUntil));
        }

        RangeGuard.Date(effectiveFrom, nameof(effectiveFrom), "a first day in effect");
        RangeGuard.Date(effectiveUntil, nameof(effectiveUntil), "a last day in effect");
        var cadenceProblem = CheckReviewCadence(reviewCadence);
        if (cadenceProblem is not null)
        {
            throw new ArgumentException(cadenceProblem, nameof(reviewCadence));
        }

        RangeGuard.Period(reviewCadence, nameof(reviewCadence), "a review cadence");

        return new Parts(id, provider, consumer, calendar, [.. list.Order()], effectiveFrom, effectiveUntil, reviewCadence);
    }

    private readonly record struct Parts(
        AgreementId Id,
        DepartmentId Provider,
        DepartmentId Consumer,
        CalendarId Calendar,
        ImmutableArray<ServiceId> Services,
        LocalDate EffectiveFrom,
        LocalDate? EffectiveUntil,
        Period ReviewCadence);

    /// <summary>Gets the agreement's identifier.</summary>
    public AgreementId Id { get; }

    /// <summary>Gets the department that provides the services.</summary>
    public DepartmentId Provider { get; }

    /// <summary>Gets the department that consumes them.</summary>
    public DepartmentId Consumer { get; }

    /// <summary>Gets the services covered, sorted by id.</summary>
    public ImmutableArray<ServiceId> Services { get; }

    /// <summary>Gets the calendar the timers run on.</summary>
    public CalendarId Calendar { get; }

    /// <summary>Gets the first day in effect.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Gets the last day in effect (inclusive), or <see langword="null"/> when open-ended.</summary>
    public LocalDate? EffectiveUntil { get; }

    /// <summary>Gets the effective period as a <see cref="DateInterval"/>, or <see langword="null"/> when open-ended.</summary>
    public DateInterval? EffectivePeriod => EffectiveUntil is { } until ? new DateInterval(EffectiveFrom, until) : null;

    /// <summary>Gets how often the agreement is reviewed.</summary>
    public Period ReviewCadence { get; }

    /// <summary>Gets the first-response objective of an agreement with one set for every request, or <see langword="null"/>
    /// (none, or objectives that depend on the request's class: see <see cref="ObjectiveSets"/>).</summary>
    public TimeObjective? FirstResponse { get; }

    /// <summary>Gets the resolution objective of an agreement with one set for every request, or <see langword="null"/>
    /// (none, or objectives that depend on the request's class: see <see cref="ObjectiveSets"/>).</summary>
    public TimeObjective? Resolution { get; }

    /// <summary>Gets the objective sets, in the order given; an agreement made with single objectives has one set,
    /// <see cref="ObjectiveSet.DefaultName"/>, for every request (or none when it has only a satisfaction objective).</summary>
    public ImmutableArray<ObjectiveSet> ObjectiveSets { get; }

    /// <summary>Gets the maintenance windows and SLO corrections, sorted by start.</summary>
    public ImmutableArray<ExclusionWindow> Exclusions { get; }

    /// <summary>Gets whether the agreement has any time objective.</summary>
    public bool HasTimeObjectives => !ObjectiveSets.IsEmpty;

    /// <summary>The ExcludeTime windows merged into sorted, disjoint intervals.</summary>
    internal ImmutableArray<Interval> ExcludedTime => _excludedTime;

    /// <summary>Gets the satisfaction objective, or <see langword="null"/>.</summary>
    public SatisfactionObjective? Satisfaction { get; }

    /// <summary>Gets the time objective of a kind.</summary>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <returns>The objective.</returns>
    /// <exception cref="ArgumentException">The agreement has no objective of that kind for every request (none, or one per
    /// objective set: see <see cref="SelectSet"/>), or <paramref name="kind"/> is not a time objective kind.</exception>
    public TimeObjective GetTimeObjective(ObjectiveKind kind) =>
        (kind switch
        {
            ObjectiveKind.FirstResponse => FirstResponse,
            ObjectiveKind.Resolution => Resolution,
            _ => throw new ArgumentException($"Expected FirstResponse or Resolution; got {kind}.", nameof(kind)),
        }) ?? throw new ArgumentException(
            ObjectiveSets.Length > 1 || (ObjectiveSets.Length == 1 && !ObjectiveSets[0].Selector.IsAny)
                ? $"Agreement '{Id}' has no single {kind} objective: its objectives depend on the request's class ({string.Join(", ", ObjectiveSets.Select(s => s.Name))})."
                : $"Agreement '{Id}' has no {kind} objective.",
            nameof(kind));

    /// <summary>Tells whether any objective set has an objective of a kind.</summary>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <returns><see langword="true"/> if some set measures that kind.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a time objective kind.</exception>
    public bool Measures(ObjectiveKind kind)
    {
        if (kind is not (ObjectiveKind.FirstResponse or ObjectiveKind.Resolution))
        {
            throw new ArgumentException($"Expected FirstResponse or Resolution; got {kind}.", nameof(kind));
        }

        foreach (var set in ObjectiveSets)
        {
            if ((kind == ObjectiveKind.FirstResponse ? set.FirstResponse : set.Resolution) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the objective set that applies to a request of a class.</summary>
    /// <param name="priority">The request's priority, or <see langword="null"/>.</param>
    /// <param name="service">The request's service, or <see langword="null"/>.</param>
    /// <param name="category">The request's category, or <see langword="null"/>.</param>
    /// <returns>The one set whose selector matches, or <see langword="null"/> when none does.</returns>
    public ObjectiveSet? SelectSet(PriorityId? priority, ServiceId? service, string? category)
    {
        foreach (var set in ObjectiveSets)
        {
            if (set.Selector.Matches(priority, service, category))
            {
                return set;
            }
        }

        return null;
    }

    /// <summary>Returns a copy with maintenance windows and SLO corrections (replacing any it had).</summary>
    /// <param name="exclusions">The windows; kept sorted by start.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exclusions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A window is <see langword="null"/>.</exception>
    public ServiceAgreement WithExclusions(IEnumerable<ExclusionWindow> exclusions)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        var list = exclusions.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException($"exclusions[{i}] is null; expected an exclusion window.", nameof(exclusions));
            }
        }

        return new(this, [.. list.OrderBy(e => e.Window.Start).ThenBy(e => e.Window.End)]);
    }

    /// <summary>Tells whether a request opened at an instant falls in an <see cref="ExclusionEffect.ExcludeRequests"/> window.</summary>
    /// <param name="opened">When the request was opened.</param>
    /// <returns>The window, or <see langword="null"/>.</returns>
    public ExclusionWindow? ExclusionOf(Instant opened)
    {
        foreach (var e in Exclusions)
        {
            if (e.Window.Start > opened)
            {
                break;
            }

            if (e.Effect == ExclusionEffect.ExcludeRequests && e.Window.Contains(opened))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>Whether some request could be measured by both agreements: their periods overlap, and a set of each selects
    /// a common service and overlapping classes. (Agreements with only a satisfaction objective overlap on a common service.)</summary>
    internal bool RequestsOverlap(ServiceAgreement other)
    {
        if (!EffectiveOverlaps(other))
        {
            return false;
        }

        static IEnumerable<(RequestSelector Selector, ImmutableArray<ServiceId> Services)> Classes(ServiceAgreement a) =>
            a.ObjectiveSets.IsEmpty
                ? [(RequestSelector.Any, a.Services)]
                : a.ObjectiveSets.Select(s => (s.Selector, s.Selector.Services.IsEmpty ? a.Services : s.Selector.Services));

        foreach (var (selector, services) in Classes(this))
        {
            foreach (var (otherSelector, otherServices) in Classes(other))
            {
                if (services.Intersect(otherServices).Any()
                    && new RequestSelector(selector.Priorities, null, selector.Categories).Overlaps(new RequestSelector(otherSelector.Priorities, null, otherSelector.Categories)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Tells whether the agreement is in effect on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> if the date lies in the effective period.</returns>
    public bool IsEffectiveOn(LocalDate date) => date >= EffectiveFrom && (EffectiveUntil is not { } until || date <= until);

    /// <summary>Tells whether the effective periods of two agreements share at least one day.</summary>
    /// <param name="other">The other agreement.</param>
    /// <returns><see langword="true"/> if they overlap.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool EffectiveOverlaps(ServiceAgreement other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return PeriodsOverlap(EffectiveFrom, EffectiveUntil, other.EffectiveFrom, other.EffectiveUntil);
    }

    /// <summary>Gets the first review date after a given review: <paramref name="lastReview"/> + <see cref="ReviewCadence"/>.</summary>
    /// <param name="lastReview">The date of the last review (or <see cref="EffectiveFrom"/> if never reviewed).</param>
    /// <returns>The date the next review is due.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The next review would fall after the last date of <paramref name="lastReview"/>'s
    /// calendar (9999-12-31 in the ISO calendar), or <paramref name="lastReview"/> lies outside the supported dates (1900-01-01 to
    /// 2200-12-31, <see cref="SupportedRange"/>), for example <c>LocalDate.MaxIsoValue</c>.</exception>
    public LocalDate NextReviewDue(LocalDate lastReview)
    {
        RangeGuard.Date(lastReview, nameof(lastReview), "a last review");
        if (!FitsInCalendar(lastReview, ReviewCadence))
        {
            throw new ArgumentOutOfRangeException(
                nameof(lastReview),
                lastReview,
                $"Expected a last review whose next review ({ReviewCadence} later) falls on or before the end of the {lastReview.Calendar.Id} calendar "
                + $"(year {lastReview.Calendar.MaxYear}); got {Iso(lastReview)}.");
        }

        return lastReview.Plus(ReviewCadence);
    }

    /// <inheritdoc />
    public bool Equals(ServiceAgreement? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Provider == other.Provider
                && Consumer == other.Consumer
                && Calendar == other.Calendar
                && EffectiveFrom == other.EffectiveFrom
                && EffectiveUntil == other.EffectiveUntil
                && ReviewCadence.Equals(other.ReviewCadence)
                && Equals(FirstResponse, other.FirstResponse)
                && Equals(Resolution, other.Resolution)
                && Equals(Satisfaction, other.Satisfaction)
                && Services.SequenceEqual(other.Services)
                && ObjectiveSets.SequenceEqual(other.ObjectiveSets)
                && Exclusions.SequenceEqual(other.Exclusions)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ServiceAgreement);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Provider);
        hash.Add(Consumer);
        hash.Add(Calendar);
        hash.Add(EffectiveFrom);
        hash.Add(EffectiveUntil);
        hash.Add(ReviewCadence);
        hash.Add(FirstResponse);
        hash.Add(Resolution);
        hash.Add(Satisfaction);
        foreach (var s in Services)
        {
            hash.Add(s);
        }

        foreach (var set in ObjectiveSets)
        {
            hash.Add(set);
        }

        foreach (var e in Exclusions)
        {
            hash.Add(e);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns a description such as <c>it-payroll: it → payroll (2 services, from 2026-01-01)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Id}: {Provider} → {Consumer} ({Services.Length} service{(Services.Length == 1 ? string.Empty : "s")}, from {Iso(EffectiveFrom)}{(EffectiveUntil is { } u ? $" to {Iso(u)}" : string.Empty)})";

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static ImmutableArray<Interval> MergeExcludedTime(ImmutableArray<ExclusionWindow> exclusions)
    {
        var merged = new List<Interval>();
        foreach (var e in exclusions)
        {
            if (e.Effect != ExclusionEffect.ExcludeTime)
            {
                continue;
            }

            if (merged.Count > 0 && e.Window.Start <= merged[^1].End)
            {
                merged[^1] = new Interval(merged[^1].Start, Instant.Max(merged[^1].End, e.Window.End));
            }
            else
            {
                merged.Add(e.Window);
            }
        }

        return [.. merged];
    }

    /// <summary>Why a review cadence is unacceptable, or <see langword="null"/> when it is a positive date-based period.</summary>
    /// <summary>Tells whether a date plus a date-based, non-negative period (added as NodaTime does: years, months, then
    /// weeks and days) stays within the date's calendar, without computing any date outside it.</summary>
    internal static bool FitsInCalendar(LocalDate date, Period period)
    {
        var calendar = date.Calendar;
        if ((long)date.Year + period.Years > calendar.MaxYear)
        {
            return false;
        }

        var afterYears = date.PlusYears(period.Years);
        var year = afterYears.Year;
        var month = (long)afterYears.Month + period.Months;
        while (month > calendar.GetMonthsInYear(year))
        {
            month -= calendar.GetMonthsInYear(year);
            if (++year > calendar.MaxYear)
            {
                return false;
            }

            // Every calendar has at least 12 months a year: more months than years left to fill cannot fit.
            if (month > 13L * (calendar.MaxYear - year + 1))
            {
                return false;
            }
        }

        var afterMonths = afterYears.PlusMonths(period.Months);
        var maxMonth = calendar.GetMonthsInYear(calendar.MaxYear);
        var last = new LocalDate(calendar.MaxYear, maxMonth, calendar.GetDaysInMonth(calendar.MaxYear, maxMonth), calendar);
        var daysLeft = Period.Between(afterMonths, last, PeriodUnits.Days).Days;
        return (7L * period.Weeks) + period.Days <= daysLeft;
    }

    /// <summary>Why an effective date is unacceptable (it is not in the ISO calendar, so it cannot be compared with the
    /// organisation's other dates), or <see langword="null"/> when it is an ISO date.</summary>
    internal static string? CheckIsoDate(LocalDate date, string what) =>
        date.Calendar == CalendarSystem.Iso
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"An agreement's {what} must be a date in the ISO calendar; got {date.Year:0000}-{date.Month:00}-{date.Day:00} in the {date.Calendar.Id} calendar.");

    internal static string? CheckReviewCadence(Period? cadence)
    {
        if (cadence is null)
        {
            return "A review cadence must be a positive date-based period such as P3M; got null.";
        }

        var ok = !cadence.HasTimeComponent
            && cadence.Years >= 0 && cadence.Months >= 0 && cadence.Weeks >= 0 && cadence.Days >= 0
            && !cadence.Equals(Period.Zero);
        return ok ? null : $"A review cadence must be a positive date-based period such as P3M; got {cadence}.";
    }

    /// <summary>Whether two inclusive date ranges (open-ended when the end is <see langword="null"/>) share a day.</summary>
    internal static bool PeriodsOverlap(LocalDate fromA, LocalDate? untilA, LocalDate fromB, LocalDate? untilB) =>
        (untilB is not { } ub || fromA <= ub) && (untilA is not { } ua || fromB <= ua);
}
