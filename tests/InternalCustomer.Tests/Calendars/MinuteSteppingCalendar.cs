using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

/// <summary>
/// A brute-force reference for <see cref="BusinessCalendar"/>: it applies DESIGN §3's rule to every minute, converting each
/// minute with NodaTime's <see cref="Instant.InZone(DateTimeZone)"/>. Exact whenever the span ends, every window boundary and
/// every zone transition fall on whole minutes (true of the test zones, including Lord Howe's 30-minute shift).
/// </summary>
internal static class MinuteSteppingCalendar
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    internal static bool IsWorkingMinute(BusinessCalendar calendar, Instant minute)
    {
        var local = minute.InZone(calendar.Zone).LocalDateTime;
        if (calendar.Holidays.Contains(local.Date))
        {
            return false;
        }

        foreach (var window in calendar.WindowsOn(local.DayOfWeek))
        {
            if (window.Contains(local.TimeOfDay))
            {
                return true;
            }
        }

        return false;
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
