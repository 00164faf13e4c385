using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

// Hand-worked DST cases. Transition dates and offsets are from the tz database's rules (US: second Sunday of March and
// first Sunday of November at 02:00; EU: last Sunday of March and October at 01:00 UTC; Brazil 2018: 18 February and
// 4 November at 00:00; Lord Howe: first Sunday of April and October at 02:00, a 30-minute shift), worked by hand below.
public sealed partial class BusinessCalendarTests
{
    [Fact]
    public void New_york_add_across_the_gap_and_the_overlap()
    {
        var calendar = Daily("America/New_York", new LocalTime(1, 0), new LocalTime(4, 0));

        // 2026-03-08 from 01:00 EST (06:00Z), 1.5h: 01:00-02:00 EST gives 1h (to 07:00Z); the clock jumps to 03:00 EDT
        // (07:00Z); 0.5h more ends at 03:30 EDT = 07:30Z.
        Assert.Equal(Utc(2026, 3, 8, 7, 30), calendar.AddBusinessTime(Utc(2026, 3, 8, 6), Hours(1.5)));

        // 2026-11-01 from 01:00 EDT (05:00Z), 3h: 01:00-02:00 EDT (05:00-06:00Z), 01:00-02:00 EST (06:00-07:00Z),
        // 02:00-03:00 EST (07:00-08:00Z): ends 03:00 EST = 08:00Z, not 09:00Z as a fixed offset would say.
        Assert.Equal(Utc(2026, 11, 1, 8), calendar.AddBusinessTime(Utc(2026, 11, 1, 5), Hours(3)));
        Assert.True(calendar.IsWorkingAt(Utc(2026, 11, 1, 6, 30))); // 01:30 EST, the second pass
        Assert.True(calendar.IsWorkingAt(Utc(2026, 11, 1, 5, 30))); // 01:30 EDT, the first pass
    }

    [Fact]
    public void New_york_nine_to_five_spanning_the_change_uses_each_dates_own_offset()
    {
        // Fri 2026-03-06 16:00 EST (21:00Z) to Mon 2026-03-09 10:00 EDT (14:00Z): Friday 1h + Monday 1h = 2h.
        // A fixed EST offset for Monday would have put 09:00 at 14:00Z and given 1h.
        var calendar = BusinessCalendar.WeekdaysNineToFive("America/New_York");
        Assert.Equal(Hours(2), calendar.BusinessTime(Utc(2026, 3, 6, 21), Utc(2026, 3, 9, 14)));
        Assert.Equal(Utc(2026, 3, 9, 13), calendar.NextWorkingInstant(Utc(2026, 3, 6, 22)));
    }

    [Fact]
    public void London_spring_forward_and_fall_back()
    {
        var calendar = Daily("Europe/London", new LocalTime(0, 0), new LocalTime(3, 0));

        // 2026-03-29: 01:00 GMT jumps to 02:00 BST at 01:00Z. Window 00:00 GMT (00:00Z) to 03:00 BST (02:00Z): 2h.
        Assert.Equal(Hours(2), calendar.BusinessTime(Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 12)));

        // 2026-10-25: 02:00 BST falls back to 01:00 GMT at 01:00Z. Window 00:00 BST (2026-10-24 23:00Z) to 03:00 GMT (03:00Z): 4h.
        Assert.Equal(Hours(4), calendar.BusinessTime(Utc(2026, 10, 24, 12), Utc(2026, 10, 25, 12)));
    }

    [Fact]
    public void Sao_paulo_2018_spring_forward_at_midnight()
    {
        // 2018-11-04 00:00 (-03) jumps to 01:00 (-02) at 03:00Z: local 00:00-01:00 does not exist.
        // Window Sunday 00:00-02:00 starts in the gap, so it begins at 01:00 -02 = 03:00Z and ends 02:00 -02 = 04:00Z: 1h.
        var calendar = BusinessCalendar.Create(
            "America/Sao_Paulo",
            new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Sunday] = [new(LocalTime.Midnight, new LocalTime(2, 0))] },
            []);
        Assert.Equal(Hours(1), calendar.BusinessTime(Utc(2018, 11, 3, 0), Utc(2018, 11, 5, 0)));

        // Saturday 23:30 -03 (02:30Z): the next working instant is 03:00Z.
        Assert.Equal(Utc(2018, 11, 4, 3), calendar.NextWorkingInstant(AtOffset(2018, 11, 3, 23, 30, -180)));
    }

    [Fact]
    public void Sao_paulo_2018_fall_back_with_a_window_ending_at_midnight()
    {
        // 2018-02-18 00:00 (-02) falls back to 2018-02-17 23:00 (-03) at 02:00Z: Saturday's 23:00-24:00 happens twice.
        // Window Saturday 22:00-24:00: 22:00 -02 = 00:00Z, first 23:00-24:00 -02 = 01:00-02:00Z, second 23:00-24:00 -03
        // = 02:00-03:00Z, the window ends at midnight -03 = 03:00Z. Real length 3h.
        var calendar = BusinessCalendar.Create(
            "America/Sao_Paulo",
            new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Saturday] = [new(new LocalTime(22, 0), LocalTime.Midnight)] },
            []);
        Assert.Equal(Hours(3), calendar.BusinessTime(Utc(2018, 2, 17, 0), Utc(2018, 2, 19, 0)));
        Assert.Equal(Utc(2018, 2, 18, 3), calendar.AddBusinessTime(Utc(2018, 2, 17, 12), Hours(3)));
        Assert.True(calendar.IsWorkingAt(Utc(2018, 2, 18, 3).PlusNanoseconds(-1)));
        Assert.False(calendar.IsWorkingAt(Utc(2018, 2, 18, 3)));
    }

    [Fact]
    public void Lord_howe_thirty_minute_shift()
    {
        var calendar = Daily("Australia/Lord_Howe", new LocalTime(1, 0), new LocalTime(3, 0));

        // 2026-04-05 02:00 (+11) falls back to 01:30 (+10:30) at 2026-04-04 15:00Z: 01:30-02:00 happens twice.
        // Window 01:00 +11 (14:00Z) to 03:00 +10:30 (16:30Z): 2.5h.
        Assert.Equal(Hours(2.5), calendar.BusinessTime(Utc(2026, 4, 4, 0), Utc(2026, 4, 5, 0)));

        // 2026-10-04 02:00 (+10:30) jumps to 02:30 (+11) at 2026-10-03 15:30Z.
        // Window 01:00 +10:30 (14:30Z) to 03:00 +11 (16:00Z): 1.5h.
        Assert.Equal(Hours(1.5), calendar.BusinessTime(Utc(2026, 10, 3, 0), Utc(2026, 10, 4, 0)));

        // A window 02:15-03:00 starts in the gap: it begins at 15:30Z (not 02:45 +11 = 15:45Z) and ends 16:00Z: 30 min.
        var late = Daily("Australia/Lord_Howe", new LocalTime(2, 15), new LocalTime(3, 0));
        Assert.Equal(Hours(0.5), late.BusinessTime(Utc(2026, 10, 3, 0), Utc(2026, 10, 4, 0)));
        Assert.Equal(Utc(2026, 10, 3, 15, 30), late.NextWorkingInstant(Utc(2026, 10, 3, 12)));

        // A window wholly inside the gap (02:05-02:25) contributes nothing that day.
        var inGap = Daily("Australia/Lord_Howe", new LocalTime(2, 5), new LocalTime(2, 25));
        Assert.Equal(Duration.Zero, inGap.BusinessTime(Utc(2026, 10, 3, 0), Utc(2026, 10, 4, 0)));
    }

    [Fact]
    public void Shanghai_has_no_dst_so_the_us_change_weekend_changes_nothing()
    {
        // Asia/Shanghai is UTC+8 all year. Fri 2026-03-06 16:00 (08:00Z) to Mon 2026-03-09 10:00 (02:00Z): 1h + 1h.
        var calendar = BusinessCalendar.WeekdaysNineToFive("Asia/Shanghai");
        Assert.Equal(Hours(2), calendar.BusinessTime(Utc(2026, 3, 6, 8), Utc(2026, 3, 9, 2)));

        // A whole week Mon 2026-03-09 00:00 to Mon 2026-03-16 00:00 local: 5 x 8h = 40h.
        Assert.Equal(Hours(40), calendar.BusinessTime(AtOffset(2026, 3, 9, 0, 0, 480), AtOffset(2026, 3, 16, 0, 0, 480)));
    }

    [Fact]
    public void Leap_day_holiday()
    {
        // 2028-02-29 is a Tuesday (2028-02-01 is a Tuesday, plus 28 days). London is UTC+0 in February.
        // Mon 2028-02-28 00:00 to Thu 2028-03-02 00:00: Monday 8h + Tuesday 0 (holiday) + Wednesday 8h = 16h.
        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/London").WithHolidays([new LocalDate(2028, 2, 29)]);
        Assert.Equal(Hours(16), calendar.BusinessTime(Utc(2028, 2, 28, 0), Utc(2028, 3, 2, 0)));

        // Mon 16:00 + 2h: 16:00-17:00 Monday, Tuesday skipped, 09:00-10:00 Wednesday 1 March.
        Assert.Equal(Utc(2028, 3, 1, 10), calendar.AddBusinessTime(Utc(2028, 2, 28, 16), Hours(2)));
        Assert.False(calendar.IsWorkingAt(Utc(2028, 2, 29, 12)));
    }

    [Fact]
    public void Window_ending_at_midnight()
    {
        // Friday 20:00-24:00 in London winter (UTC+0). Fri 2026-01-09 20:00 + 4h ends at Sat 00:00Z, the end of the window.
        var calendar = BusinessCalendar.Create(
            "Europe/London",
            new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Friday] = [new(new LocalTime(20, 0), LocalTime.Midnight)] },
            []);
        Assert.Equal(Utc(2026, 1, 10, 0), calendar.AddBusinessTime(Utc(2026, 1, 9, 20), Hours(4)));
        Assert.True(calendar.IsWorkingAt(Utc(2026, 1, 10, 0).PlusNanoseconds(-1)));
        Assert.False(calendar.IsWorkingAt(Utc(2026, 1, 10, 0)));

        // One week: 4h. Next start after Saturday is Friday 2026-01-16 20:00Z.
        Assert.Equal(Hours(4), calendar.BusinessTime(Utc(2026, 1, 5, 0), Utc(2026, 1, 12, 0)));
        Assert.Equal(Utc(2026, 1, 16, 20), calendar.NextWorkingInstant(Utc(2026, 1, 10, 0)));
    }
}
