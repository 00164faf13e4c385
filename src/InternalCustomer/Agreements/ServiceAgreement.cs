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
/// cover the same service over overlapping periods.</para>
/// <para>Equality is component-wise.</para>
/// </remarks>
public sealed class ServiceAgreement : IEquatable<ServiceAgreement>
{
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
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(reviewCadence);
        Id = ModelGuard.NotDefault(id, nameof(id));
        Provider = ModelGuard.NotDefault(provider, nameof(provider));
        Consumer = ModelGuard.NotDefault(consumer, nameof(consumer));
        Calendar = ModelGuard.NotDefault(calendar, nameof(calendar));
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

        var cadenceProblem = CheckReviewCadence(reviewCadence);
        if (cadenceProblem is not null)
        {
            throw new ArgumentException(cadenceProblem, nameof(reviewCadence));
        }

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

        Services = [.. list.Order()];
        EffectiveFrom = effectiveFrom;
        EffectiveUntil = effectiveUntil;
        ReviewCadence = reviewCadence;
        FirstResponse = firstResponse;
        Resolution = resolution;
        Satisfaction = satisfaction;
    }

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

    /// <summary>Gets the first-response objective, or <see langword="null"/>.</summary>
    public TimeObjective? FirstResponse { get; }

    /// <summary>Gets the resolution objective, or <see langword="null"/>.</summary>
    public TimeObjective? Resolution { get; }

    /// <summary>Gets the satisfaction objective, or <see langword="null"/>.</summary>
    public SatisfactionObjective? Satisfaction { get; }

    /// <summary>Gets the time objective of a kind.</summary>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <returns>The objective.</returns>
    /// <exception cref="ArgumentException">The agreement has no objective of that kind, or <paramref name="kind"/> is not a time objective kind.</exception>
    public TimeObjective GetTimeObjective(ObjectiveKind kind) =>
        (kind switch
        {
            ObjectiveKind.FirstResponse => FirstResponse,
            ObjectiveKind.Resolution => Resolution,
            _ => throw new ArgumentException($"Expected FirstResponse or Resolution; got {kind}.", nameof(kind)),
        }) ?? throw new ArgumentException($"Agreement '{Id}' has no {kind} objective.", nameof(kind));

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
    /// calendar (9999-12-31 in the ISO calendar), for example <c>LocalDate.MaxIsoValue</c> with any cadence.</exception>
    public LocalDate NextReviewDue(LocalDate lastReview)
    {
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
                && Services.SequenceEqual(other.Services)));

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

        return hash.ToHashCode();
    }

    /// <summary>Returns a description such as <c>it-payroll: it → payroll (2 services, from 2026-01-01)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Id}: {Provider} → {Consumer} ({Services.Length} service{(Services.Length == 1 ? string.Empty : "s")}, from {Iso(EffectiveFrom)}{(EffectiveUntil is { } u ? $" to {Iso(u)}" : string.Empty)})";

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

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
