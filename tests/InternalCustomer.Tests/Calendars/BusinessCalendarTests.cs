using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

public sealed partial class BusinessCalendarTests
{
    private static Instant Utc(int y, int mo, int d, int h, int mi = 0) => Instant.FromUtc(y, mo, d, h, mi);

    private static Duration Hours(double h) => Duration.FromMinutes((long)(h * 60));

    // The instant of a wall-clock time at an explicit UTC offset, computed independently of the zone rules.
    private static Instant AtOffset(int y, int mo, int d, int h, int mi, int offsetMinutes) =>
        Instant.FromUtc(y, mo, d, h, mi) - Duration.FromMinutes(offsetMinutes);

    private static BusinessCalendar Daily(string zone, LocalTime start, LocalTime end)
    {
        var window = new WorkingWindow(start, end);
        var days = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>();
        for (var d = IsoDayOfWeek.Monday; d <= IsoDayOfWeek.Sunday; d++)
        {
            days[d] = [window];
        }

        return BusinessCalendar.Create(zone, days, []);
    }

    [Fact]
    public void Nine_to_five_over_a_weekend_in_london_winter()
    {
        // Europe/London in January is UTC+0. Fri 2026-01-09 16:00 to Mon 2026-01-12 10:00:
        // Friday 16:00-17:00 = 1h, weekend = 0, Monday 09:00-10:00 = 1h; total 2h.
        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/London");
        Assert.Equal(Hours(2), calendar.BusinessTime(Utc(2026, 1, 9, 16), Utc(2026, 1, 12, 10)));
    }

    [Fact]
    public void Add_ends_at_the_end_of_the_window_not_the_next_morning()
    {
        // Mon 2026-01-12 09:00 + 8h of a 09:00-17:00 calendar: the eighth hour ends at 17:00 Monday (earliest instant).
        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/London");
        Assert.Equal(Utc(2026, 1, 12, 17), calendar.AddBusinessTime(Utc(2026, 1, 12, 9), Hours(8)));

        // Opened Friday 20:00: counting starts Monday 09:00; 10h = Monday's 8h + Tuesday 09:00-11:00.
        Assert.Equal(Utc(2026, 1, 13, 11), calendar.AddBusinessTime(Utc(2026, 1, 9, 20), Hours(10)));
    }

    [Fact]
    public void New_york_spring_forward_window_across_the_gap()
    {
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z). Window 01:00-04:00 every day.
        // 01:00 EST = 06:00Z; 04:00 EDT = 08:00Z: only 2h of real time.
        var calendar = Daily("America/New_York", new LocalTime(1, 0), new LocalTime(4, 0));
        Assert.Equal(Hours(2), calendar.BusinessTime(Utc(2026, 3, 8, 0), Utc(2026, 3, 8, 12)));
    }

    [Fact]
    public void New_york_window_starting_in_the_gap_begins_where_the_gap_ends()
    {
        // Window 02:30-04:00; on 2026-03-08 02:30 does not exist. The window starts at the first instant after the gap,
        // 03:00 EDT = 07:00Z (the lenient resolver would say 03:30 EDT = 07:30Z), and ends 04:00 EDT = 08:00Z: 1h.
        var calendar = Daily("America/New_York", new LocalTime(2, 30), new LocalTime(4, 0));
        Assert.Equal(Hours(1), calendar.BusinessTime(Utc(2026, 3, 8, 0), Utc(2026, 3, 8, 12)));
        Assert.Equal(Utc(2026, 3, 8, 7), calendar.NextWorkingInstant(Utc(2026, 3, 8, 5)));
        Assert.False(calendar.IsWorkingAt(Utc(2026, 3, 8, 7).PlusNanoseconds(-1)));
        Assert.True(calendar.IsWorkingAt(Utc(2026, 3, 8, 7)));
    }

    [Fact]
    public void New_york_fall_back_counts_the_repeated_hour_twice()
    {
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00Z). Window 01:00-04:00:
        // 01:00 EDT = 05:00Z to 04:00 EST = 09:00Z: 4h of real time.
        var calendar = Daily("America/New_York", new LocalTime(1, 0), new LocalTime(4, 0));
        Assert.Equal(Hours(4), calendar.BusinessTime(Utc(2026, 11, 1, 0), Utc(2026, 11, 1, 12)));
    }

    [Fact]
    public void Matches_minute_stepping_over_a_dst_year_in_new_york()
    {
        var calendar = Daily("America/New_York", new LocalTime(1, 30), new LocalTime(2, 30));
        var start = Utc(2026, 3, 1, 0);
        var end = Utc(2026, 3, 20, 0);
        Assert.Equal(MinuteSteppingCalendar.BusinessTime(calendar, start, end), calendar.BusinessTime(start, end));
    }
}
