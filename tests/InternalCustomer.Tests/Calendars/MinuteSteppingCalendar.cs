using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

/// <summary>
/// A brute-force reference for <see cref="BusinessCalendar"/>: it applies DESIGN §3's rule to every minute, converting each
/// minute with NodaTime's <see cref="Instant.InZone(DateTimeZone)"/> and looking the local date's windows up in the calendar's
/// inputs (its <see cref="BusinessCalendar.SpecialDays"/> list, then its <see cref="BusinessCalendar.Holidays"/>, then the weekday
/// template), never through the tables under test. Exact whenever the span ends, every window boundary and every zone
/// transition fall on whole minutes (true of the test zones, including Lord Howe's 30-minute shift).
/// </summary>
internal static class MinuteSteppingCalendar
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    internal static bool IsWorkingMinute(BusinessCalendar calendar, Instant minute)
    {
        var local = minute.InZone(calendar.Zone).LocalDateTime;
        foreach (var window in WindowsOf(calendar, local.Date))
        {
            if (window.Contains(local.TimeOfDay))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The windows of a date read from the calendar's inputs: a special day's, none on a holiday, else the weekday's.</summary>
    internal static IEnumerable<WorkingWindow> WindowsOf(BusinessCalendar calendar, LocalDate date)
    {
        foreach (var special in calendar.SpecialDays)
        {
            if (special.Date == date)
            {
                return special.Windows;
            }
        }

        return calendar.Holidays.Contains(date) ? [] : calendar.WindowsOn(date.DayOfWeek);
    }

    /// <summary>Whether a date has a window, read from the calendar's inputs.</summary>
    internal static bool IsWorkingDay(BusinessCalendar calendar, LocalDate date) => WindowsOf(calendar, date).Any();

    /// <summary>
    /// "Within <paramref name="days"/> business days" by walking: the first working minute at or after the start (stepping
    /// minute by minute, the start first moved up to a whole minute only if it is not working), then the dates after its local
    /// date one by one until <paramref name="days"/> working dates have been passed, then the minutes of the instant line
    /// from the start of that date's first window on, returning the first working minute whose local date is that date and
    /// whose local time is at least the start's, else the end of the last working minute of that date. Exact for whole-minute
    /// starts, windows and transitions.
    /// </summary>
    internal static Instant AddBusinessDays(BusinessCalendar calendar, Instant start, int days, Instant limit)
    {
        var s = start;
        while (!IsWorkingMinute(calendar, s))
        {
            s += Minute;
            if (s > limit)
            {
                throw new InvalidOperationException("no working minute before the limit");
            }
        }

        if (days == 0)
        {
            return s;
        }

        var local = s.InZone(calendar.Zone).LocalDateTime;
        var date = local.Date;
        for (var passed = 0; passed < days;)
        {
            date = date.PlusDays(1);
            if (IsWorkingDay(calendar, date))
            {
                passed++;
            }
        }

        // Walk every minute whose local date could be `date`: from 30 hours before its local midnight (at UTC) onwards.
        var from = date.AtMidnight().InUtc().ToInstant() - Duration.FromHours(30);
        Instant? lastWorkingEnd = null;
        for (var m = from; m < from + Duration.FromHours(84); m += Minute)
        {
            var l = m.InZone(calendar.Zone).LocalDateTime;
            if (l.Date != date || !IsWorkingMinute(calendar, m))
            {
                continue;
            }

            if (l.TimeOfDay >= local.TimeOfDay)
            {
                return m;
            }

            lastWorkingEnd = m + Minute;
        }

        return lastWorkingEnd ?? throw new InvalidOperationException($"{date} has windows but no working minute");
    }

    internal static Duration BusinessTime(BusinessCalendar calendar, Instant start, Instant end)
    {
        var minutes = 0L;
        for (var m = start; m < end; m += Minute)
        {
            if (IsWorkingMinute(calendar, m))
            {
                minutes++;
            }
        }

        return Duration.FromMinutes(minutes);
    }

    /// <summary>The end of the minute in which the count of working minutes reaches <paramref name="minutes"/>; null if not within <paramref name="limit"/>.</summary>
    internal static Instant? AddBusinessMinutes(BusinessCalendar calendar, Instant start, long minutes, Instant limit)
    {
        if (minutes == 0)
        {
            return start;
        }

        var count = 0L;
        for (var m = start; m < limit; m += Minute)
        {
            if (IsWorkingMinute(calendar, m) && ++count == minutes)
            {
                return m + Minute;
            }
        }

        return null;
    }
}
