using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer;

/// <summary>
/// The domain the library supports: the instants, dates, durations, periods and counts every reader and every public entry
/// point accepts. Anything outside is refused where it comes in (a located <see cref="ProblemKind.InvalidValue"/> problem from
/// a reader or a builder, an <see cref="ArgumentOutOfRangeException"/> from a constructor or method, whose message names the
/// range and the value), so that nothing accepted can make a later computation leave NodaTime's range.
/// </summary>
/// <remarks>
/// <para><b>The bounds.</b> Instants from <see cref="MinInstant"/> (1900-01-01T00:00:00Z, inclusive) to <see cref="MaxInstant"/>
/// (2201-01-01T00:00:00Z, <b>exclusive</b>); ISO dates from <see cref="MinDate"/> (1900-01-01) to <see cref="MaxDate"/>
/// (2200-12-31), both inclusive; durations (business time, objective targets, windows, half-lives) of at most
/// <see cref="MaxDuration"/> (36,525 days, 100 years of 365.25 days) either way; periods (review cadences, campaign
/// cycles) of at most <see cref="MaxPeriod"/> (100 years, see <see cref="Contains(Period)"/>); business-day counts of at most
/// <see cref="MaxBusinessDays"/>.</para>
/// <para><b>Why these.</b> Years 1900 to 2200 hold every organisation's records with centuries to spare, and 100 years is longer
/// than any agreement, objective or cadence. What the library computes from values inside the domain stays far inside NodaTime's
/// range (years -9998 to 9999): a date plus a period ends before 2301, an instant plus a duration before 2301, and a deadline of
/// business time before <see cref="ComputationLimit"/>.</para>
/// <para><b>Deadlines past the range.</b> A request opened late in 2200 may be due in 2201 or later, so the calendar accepts
/// instants up to <see cref="ComputationLimit"/> (9000-01-01T00:00:00Z) for what it computes with, and an agreement is accepted
/// only on a calendar that works its objectives' allowed time after <see cref="MaxInstant"/> and before that limit: a calendar
/// with a nanosecond of work a week and an objective of four hours is refused when the organisation is built or the timer
/// created, not when a request's deadline is computed.</para>
/// </remarks>
public static class SupportedRange
{
    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;

    /// <summary>Gets the first supported instant, 1900-01-01T00:00:00Z (inclusive).</summary>
    public static Instant MinInstant { get; } = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>Gets the end of the supported instants, 2201-01-01T00:00:00Z (<b>exclusive</b>): the last supported instant is one
    /// nanosecond before it, 2200-12-31T23:59:59.999999999Z.</summary>
    public static Instant MaxInstant { get; } = Instant.FromUtc(2201, 1, 1, 0, 0);

    /// <summary>Gets the first supported ISO date, 1900-01-01 (inclusive).</summary>
    public static LocalDate MinDate { get; } = new(1900, 1, 1);

    /// <summary>Gets the last supported ISO date, 2200-12-31 (inclusive).</summary>
    public static LocalDate MaxDate { get; } = new(2200, 12, 31);

    /// <summary>Gets the longest supported duration, 36,525 days (100 years of 365.25 days; <c>PT876600H</c>), inclusive.</summary>
    public static Duration MaxDuration { get; } = Duration.FromDays(36_525);

    /// <summary>Gets the longest supported period, 100 years (<c>P100Y</c>), inclusive; see <see cref="Contains(Period)"/> for how a
    /// period that mixes units is measured.</summary>
    public static Period MaxPeriod { get; } = Period.FromYears(100);

    /// <summary>Gets the largest supported number of business days, 36,525 (one for each day of 100 years), inclusive.</summary>
    public const int MaxBusinessDays = 36_525;

    /// <summary>Gets the end (exclusive) of the instants the library computes with, 9000-01-01T00:00:00Z: business calendars take
    /// instants up to it (a deadline may lie past <see cref="MaxInstant"/>), and a calendar must work every objective's allowed
    /// time between <see cref="MaxInstant"/> and it.</summary>
    public static Instant ComputationLimit { get; } = Instant.FromUtc(9000, 1, 1, 0, 0);

    private const int MaxMonths = 1_200;

    /// <summary>Returns whether an instant is supported: in <c>[<see cref="MinInstant"/>, <see cref="MaxInstant"/>)</c>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when it is in the range.</returns>
    public static bool Contains(Instant instant) => instant >= MinInstant && instant < MaxInstant;

    /// <summary>Returns whether a date is supported: an ISO date from <see cref="MinDate"/> to <see cref="MaxDate"/>, both inclusive
    /// (a date in another calendar system is compared by its ISO equivalent).</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when it is in the range.</returns>
    public static bool Contains(LocalDate date)
    {
        var iso = date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso);
        return iso >= MinDate && iso <= MaxDate;
    }

    /// <summary>Returns whether a duration is supported: at most <see cref="MaxDuration"/> either way
    /// (<c>-MaxDuration &lt;= duration &lt;= MaxDuration</c>; whether it may be negative or zero is each entry point's rule).</summary>
    /// <param name="duration">The duration.</param>
    /// <returns><see langword="true"/> when it is in the range.</returns>
    public static bool Contains(Duration duration) => duration <= MaxDuration && duration >= -MaxDuration;

    /// <summary>Returns whether a period is supported: at most 100 years (<see cref="MaxPeriod"/>) either way.</summary>
    /// <remarks>A period's length depends on where it starts, so it is measured field by field: its years and months as months,
    /// out of 1,200 (<c>P100Y</c>, <c>P1200M</c>), and its weeks, days and time fields as a duration, out of 36,525 days
    /// (<c>P36525D</c>, <c>P5217W</c>); a period that mixes both may use each share in proportion, so that
    /// <c>months / 1200 + duration / 36525 days &lt;= 1</c>: <c>P50Y18262D</c> fits, <c>P50Y18263D</c> does not. The sign of each
    /// share counts as its size (whether a period may be negative is each entry point's rule).</remarks>
    /// <param name="period">The period.</param>
    /// <returns><see langword="true"/> when it is in the range.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    public static bool Contains(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var months = Int128.Abs(((Int128)period.Years * 12) + period.Months);
        var nanoseconds = Int128.Abs(
            ((((Int128)period.Weeks * 7) + period.Days) * NodaConstants.NanosecondsPerDay)
            + ((Int128)period.Hours * NodaConstants.NanosecondsPerHour)
            + ((Int128)period.Minutes * NodaConstants.NanosecondsPerMinute)
            + ((Int128)period.Seconds * NodaConstants.NanosecondsPerSecond)
            + ((Int128)period.Milliseconds * NodaConstants.NanosecondsPerMillisecond)
            + ((Int128)period.Ticks * NodaConstants.NanosecondsPerTick)
            + period.Nanoseconds);
        var maxNanoseconds = MaxDuration.ToInt128Nanoseconds();
        return (months * maxNanoseconds) + (nanoseconds * MaxMonths) <= MaxMonths * maxNanoseconds;
    }

    /// <summary>The supported instants in words, for messages.</summary>
    internal static string InstantRangeText { get; } =
        $"from {InstantText.Format(MinInstant)} (inclusive) to {InstantText.Format(MaxInstant)} (exclusive), the range the library supports";

    /// <summary>The supported dates in words, for messages.</summary>
    internal static string DateRangeText { get; } = "from 1900-01-01 to 2200-12-31 (both inclusive), the range the library supports";

    /// <summary>The supported durations in words, for messages.</summary>
    internal const string DurationRangeText = "of at most 36525 days (100 years; PT876600H), the longest the library supports";

    /// <summary>The supported periods in words, for messages.</summary>
    internal const string PeriodRangeText =
        "of at most 100 years (P100Y, P1200M or P36525D; years and months count against 1200 months, weeks, days and time against 36525 days), the longest the library supports";

    /// <summary>Formats an instant for a message (extended ISO, so that nanoseconds show).</summary>
    internal static string Format(Instant instant) => InstantText.Format(instant);

    /// <summary>Why an instant is outside the supported range, or <see langword="null"/> when it is inside.</summary>
    internal static string? CheckInstant(Instant instant, string what) =>
        Contains(instant) ? null : $"Expected {what} {InstantRangeText}; got {Format(instant)}.";

    /// <summary>Why a date is outside the supported range, or <see langword="null"/> when it is inside.</summary>
    internal static string? CheckDate(LocalDate date, string what) =>
        Contains(date)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"Expected {what} {DateRangeText}; got {LocalDatePattern.Iso.Format(date.WithCalendar(CalendarSystem.Iso))}.");

    /// <summary>Why a duration is outside the supported range, or <see langword="null"/> when it is inside.</summary>
    internal static string? CheckDuration(Duration duration, string what) =>
        Contains(duration)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"Expected {what} {DurationRangeText}; got {duration} ({duration.TotalDays:0.###} days).");

    /// <summary>Why a period is outside the supported range, or <see langword="null"/> when it is inside (or null: the caller's rule).</summary>
    internal static string? CheckPeriod(Period? period, string what) =>
        period is null || Contains(period) ? null : $"Expected {what} {PeriodRangeText}; got {PeriodPattern.Roundtrip.Format(period)}.";

    /// <summary>Why a number of business days is above the supported count, or <see langword="null"/> when it is not.</summary>
    internal static string? CheckBusinessDays(long days, string what) =>
        days <= MaxBusinessDays
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"Expected {what} of at most {MaxBusinessDays} business days, the most the library supports; got {days}.");
}
