using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// Builds compliance windows: half-open intervals <c>[start, end)</c> of instants, either calendar-aligned
/// (months, quarters, years in a time zone) or rolling (a fixed <see cref="Duration"/> ending at an instant).
/// </summary>
/// <remarks>
/// <para>A calendar-aligned window starts at the first instant of its first local date in the zone
/// (<see cref="DateTimeZone.AtStartOfDay(LocalDate)"/>, which is the end of the gap when midnight is skipped by a DST change)
/// and ends where the next window starts, so consecutive windows partition time exactly.</para>
/// <para>At most 100,000 windows are built by one call; that is more than eight thousand years
/// of months, and it keeps the result's memory bounded (an unchecked <c>int.MaxValue</c> would need tens of gigabytes).</para>
/// </remarks>
public static class ComplianceWindows
{
    /// <summary>The most windows one call builds: 100,000.</summary>
    internal const int MaxCount = 100_000;

    /// <summary>Gets the calendar-aligned window of a unit that contains an instant.</summary>
    /// <param name="zone">The time zone of the calendar the agreement is measured on.</param>
    /// <param name="unit">Month, quarter or year.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>The window containing <paramref name="instant"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit, or <paramref name="instant"/> lies
    /// before <see cref="SupportedRange.MinInstant"/> or after <see cref="SupportedRange.ComputationLimit"/> (a deadline may lie past
    /// the supported instants).</exception>
    public static Interval Containing(DateTimeZone zone, PeriodUnit unit, Instant instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        RangeGuard.CalendarInstant(instant, nameof(instant));
        var first = FirstDateOf(unit, instant.InZone(zone).Date);
        return Between(zone, first, Next(unit, first));
    }

    /// <summary>Gets consecutive calendar-aligned windows, oldest first.</summary>
    /// <param name="zone">The time zone of the calendar the agreement is measured on.</param>
    /// <param name="unit">Month, quarter or year.</param>
    /// <param name="first">A date in the first window (for example 2026-01-01 for the months of 2026).</param>
    /// <param name="count">How many windows; from 1 to 100,000.</param>
    /// <returns>The windows; each ends where the next starts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit, <paramref name="count"/> is not in [1, 100,000],
    /// <paramref name="first"/> lies outside the supported dates (1900-01-01 to 2200-12-31, <see cref="SupportedRange"/>),
    /// or the last window would end after the last date of <paramref name="first"/>'s calendar (9999-12-31 in the ISO calendar).</exception>
    public static ImmutableArray<Interval> Aligned(DateTimeZone zone, PeriodUnit unit, LocalDate first, int count)
    {
        ArgumentNullException.ThrowIfNull(zone);
        RangeGuard.Date(first, nameof(first), "a first window's date");
        CheckCount(count);

        var date = FirstDateOf(unit, first);
        CheckEndsInCalendar(unit, date, count);
        var builder = ImmutableArray.CreateBuilder<Interval>(count);
        var start = zone.AtStartOfDay(date).ToInstant();
        for (var i = 0; i < count; i++)
        {
            date = Next(unit, date);
            var end = zone.AtStartOfDay(date).ToInstant();
            builder.Add(new Interval(start, end));
            start = end;
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Gets the rolling window of a given length that ends at an instant: <c>[end − length, end)</c>.</summary>
    /// <param name="end">The end of the window (exclusive), typically <c>asOf</c>.</param>
    /// <param name="length">The window's length; positive.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> lies outside the supported range (<see cref="SupportedRange"/>),
    /// <paramref name="length"/> is not positive or is longer than <see cref="SupportedRange.MaxDuration"/>, or the window would start
    /// before <see cref="Instant.MinValue"/>.</exception>
    public static Interval Rolling(Instant end, Duration length) => Rolling(end, length, 1)[0];

    /// <summary>Gets consecutive rolling windows of a given length, the last ending at an instant, oldest first.</summary>
    /// <param name="end">The end of the last window (exclusive), typically <c>asOf</c>.</param>
    /// <param name="length">Each window's length; positive.</param>
    /// <param name="count">How many windows; from 1 to 100,000.</param>
    /// <returns>The windows; each ends where the next starts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive, <paramref name="count"/> is not in [1, 100,000],
    /// <paramref name="end"/> lies outside the supported range (<see cref="SupportedRange"/>), <paramref name="length"/> is longer than
    /// <see cref="SupportedRange.MaxDuration"/>, or the first window would start before <see cref="Instant.MinValue"/>.</exception>
    public static ImmutableArray<Interval> Rolling(Instant end, Duration length, int count)
    {
        RangeGuard.Instant(end, nameof(end), "a window end");
        if (length <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A rolling window's length must be positive; got {length}.");
        }

        RangeGuard.Duration(length, nameof(length), "a rolling window's length");

        CheckCount(count);
        var span = length.ToBigIntegerNanoseconds() * count;
        if (span > (end - Instant.MinValue).ToBigIntegerNanoseconds())
        {
            throw new ArgumentOutOfRangeException(
                nameof(length),
                length,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{count} window(s) of the given length ending at {end} must start no earlier than {Instant.MinValue}; got a length of {length}."));
        }

        var builder = ImmutableArray.CreateBuilder<Interval>(count);
        for (var i = count; i > 0; i--)
        {
            builder.Add(new Interval(end - (length * i), end - (length * (i - 1))));
        }

        return builder.MoveToImmutable();
    }

    private static void CheckCount(int count)
    {
        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"The number of windows must be positive; got {count}."));
        }

        if (count > MaxCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                string.Create(CultureInfo.InvariantCulture, $"The number of windows must be at most {MaxCount:N0}; got {count:N0}."));
        }
    }

    // The windows end at the start of the date `count` units after `first`; that date must exist in the calendar.
    private static void CheckEndsInCalendar(PeriodUnit unit, LocalDate first, int count)
    {
        var calendar = first.Calendar;
        var months = unit switch
        {
            PeriodUnit.Month => (long)count,
            PeriodUnit.Quarter => 3L * count,
            _ => 0L,
        };
        long lastYear = unit == PeriodUnit.Year ? (long)first.Year + count : first.Year;
        if (months > 0)
        {
            // Walk whole years so calendars with 13-month years are counted right; at most 25,000 years for 100,000 quarters
            // of months, and the walk stops as soon as it leaves the calendar.
            var year = first.Year;
            var month = first.Month + months;
            while (month > calendar.GetMonthsInYear(year))
            {
                month -= calendar.GetMonthsInYear(year);
                year++;
                if (year > calendar.MaxYear)
                {
                    break;
                }
            }

            lastYear = year;
        }

        if (lastYear > calendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{count:N0} window(s) of a {unit} from {first:uuuu-MM-dd} must end within the {calendar.Id} calendar (which ends in the year {calendar.MaxYear}); got windows that end after it."));
        }
    }

    private static Interval Between(DateTimeZone zone, LocalDate first, LocalDate next) =>
        new(zone.AtStartOfDay(first).ToInstant(), zone.AtStartOfDay(next).ToInstant());

    private static LocalDate FirstDateOf(PeriodUnit unit, LocalDate date) => unit switch
    {
        PeriodUnit.Month => new LocalDate(date.Year, date.Month, 1, date.Calendar),
        PeriodUnit.Quarter => new LocalDate(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1, date.Calendar),
        PeriodUnit.Year => new LocalDate(date.Year, 1, 1, date.Calendar),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, $"Expected Month, Quarter or Year; got {unit}."),
    };

    private static LocalDate Next(PeriodUnit unit, LocalDate first) => unit switch
    {
        PeriodUnit.Month => first.PlusMonths(1),
        PeriodUnit.Quarter => first.PlusMonths(3),
        _ => first.PlusYears(1),
    };
}
