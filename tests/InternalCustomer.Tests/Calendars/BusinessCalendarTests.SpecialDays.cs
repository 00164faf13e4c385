using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

// Hand-worked special days and business days. Offsets: Europe/Berlin is UTC+1 in winter (CET) and UTC+2 in summer (CEST);
// Asia/Shanghai is UTC+8 all year; America/New_York is UTC-4 (EDT) until 2026-11-01 02:00 EDT, when it falls back to 01:00 EST
// (UTC-5), and springs forward 2026-03-08 02:00 EST to 03:00 EDT. Dates' weekdays: 2026-12-24 is a Thursday, 2026-09-27 a
// Sunday, 2026-03-02 a Monday.
public sealed partial class BusinessCalendarTests
{
    private static readonly LocalDate ChristmasEve = new(2026, 12, 24);

    private static BusinessCalendar BerlinWithChristmasEveHalfDay()
    {
        var plain = BusinessCalendar.WeekdaysNineToFive("Europe/Berlin").WithHolidays([new LocalDate(2026, 12, 25)]);
        return plain.WithSpecialDays([plain.PartDayClosure(ChristmasEve, new LocalTime(12, 0))]);
    }

    private static BusinessCalendar EightToFive(string zone) => BusinessCalendar.Weekdays(zone, new LocalTime(8, 0), new LocalTime(17, 0));

    [Fact]
    public void Part_day_closure_cuts_the_weekday_windows()
    {
        var plain = BusinessCalendar.WeekdaysNineToFive("Europe/Berlin");
        var eve = plain.PartDayClosure(ChristmasEve, new LocalTime(12, 0));
        Assert.Equal(ChristmasEve, eve.Date);
        Assert.Equal([new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0))], eve.Windows.ToArray());
        Assert.False(eve.IsClosed);
        Assert.Equal("2026-12-24 09:00-12:00", eve.ToString());

        // Closing before the day opens closes it all day; closing after it ends changes nothing; a split day keeps the morning.
        Assert.True(plain.PartDayClosure(ChristmasEve, new LocalTime(8, 0)).IsClosed);
        Assert.Equal(plain.WindowsOn(IsoDayOfWeek.Thursday).ToArray(), plain.PartDayClosure(ChristmasEve, new LocalTime(18, 0)).Windows.ToArray());
        var split = BusinessCalendar.Create(
            "Europe/Berlin",
            new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>
            {
                [IsoDayOfWeek.Thursday] = [new(new LocalTime(8, 0), new LocalTime(12, 0)), new(new LocalTime(13, 0), new LocalTime(17, 0))],
            },
            []);
        Assert.Equal(
            [new WorkingWindow(new LocalTime(8, 0), new LocalTime(12, 0)), new WorkingWindow(new LocalTime(13, 0), new LocalTime(14, 30))],
            split.PartDayClosure(ChristmasEve, new LocalTime(14, 30)).Windows.ToArray());
        Assert.Equal("2026-12-24 closed", SpecialDay.Closed(ChristmasEve).ToString());
    }

    [Fact]
    public void Christmas_eve_half_day_in_berlin()
    {
        var calendar = BerlinWithChristmasEveHalfDay();
        Assert.Equal([new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0))], calendar.WindowsOn(ChristmasEve).ToArray());
        Assert.Empty(calendar.WindowsOn(new LocalDate(2026, 12, 25)));
        Assert.Equal(calendar.WindowsOn(IsoDayOfWeek.Wednesday).ToArray(), calendar.WindowsOn(new LocalDate(2026, 12, 23)).ToArray());
        Assert.True(calendar.IsWorkingDay(ChristmasEve));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 12, 25)));

        // Wed 23 Dec 16:00 CET (15:00Z) to Mon 28 Dec 10:00 CET (09:00Z): Wed 1h + Thu 09-12 3h + Fri holiday + Mon 1h = 5h
        // (the plain calendar would count Thursday's 8h: 10h).
        Assert.Equal(Hours(5), calendar.BusinessTime(Utc(2026, 12, 23, 15), Utc(2026, 12, 28, 9)));

        // Thu 24 Dec 11:00 CET (10:00Z) + 2h: 11:00-12:00 on Thursday, then Monday 09:00-10:00: Mon 10:00 CET = 09:00Z.
        Assert.Equal(Utc(2026, 12, 28, 9), calendar.AddBusinessTime(Utc(2026, 12, 24, 10), Hours(2)));

        // 11:59 CET is working, 12:00 and 12:30 are not; the next working instant after 12:00 is Monday 09:00 CET (08:00Z).
        Assert.True(calendar.IsWorkingAt(Utc(2026, 12, 24, 10, 59)));
        Assert.False(calendar.IsWorkingAt(Utc(2026, 12, 24, 11)));
        Assert.False(calendar.IsWorkingAt(Utc(2026, 12, 24, 11, 30)));
        Assert.Equal(Utc(2026, 12, 28, 8), calendar.NextWorkingInstant(Utc(2026, 12, 24, 11)));
    }

    [Fact]
    public void A_worked_sunday_in_shanghai()
    {
        var sunday = new LocalDate(2026, 9, 27);
        var plain = BusinessCalendar.Weekdays("Asia/Shanghai", new LocalTime(9, 0), new LocalTime(18, 0));
        var calendar = plain.WithSpecialDays([new SpecialDay(sunday, [new(new LocalTime(9, 0), new LocalTime(18, 0))])]);
        Assert.True(calendar.IsWorkingDay(sunday));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 9, 20)));
        Assert.False(plain.IsWorkingDay(sunday));

        // Fri 25 Sep 00:00 (+08, = 24 Sep 16:00Z) to Mon 28 Sep 00:00 (27 Sep 16:00Z): Friday 9h + Sunday 9h = 18h (plain: 9h).
        Assert.Equal(Hours(18), calendar.BusinessTime(Utc(2026, 9, 24, 16), Utc(2026, 9, 27, 16)));
        Assert.Equal(Hours(9), plain.BusinessTime(Utc(2026, 9, 24, 16), Utc(2026, 9, 27, 16)));

        // Fri 17:00 (09:00Z) + 3h: Friday 17-18 is 1h, Sunday 09:00-11:00 the other 2h: Sunday 11:00 = 03:00Z
        // (plain: Monday 11:00 = 28 Sep 03:00Z).
        Assert.Equal(Utc(2026, 9, 27, 3), calendar.AddBusinessTime(Utc(2026, 9, 25, 9), Hours(3)));
        Assert.Equal(Utc(2026, 9, 28, 3), plain.AddBusinessTime(Utc(2026, 9, 25, 9), Hours(3)));

        // Friday 10:00 (02:00Z) + 1 business day: the next working day is the Sunday, 10:00 = 02:00Z (plain: Monday).
        Assert.Equal(Utc(2026, 9, 27, 2), calendar.AddBusinessDays(Utc(2026, 9, 25, 2), 1));
        Assert.Equal(Utc(2026, 9, 28, 2), plain.AddBusinessDays(Utc(2026, 9, 25, 2), 1));

        // Saturday noon: the next working instant is Sunday 09:00 = 01:00Z.
        Assert.Equal(Utc(2026, 9, 27, 1), calendar.NextWorkingInstant(Utc(2026, 9, 26, 4)));
    }

    [Fact]
    public void Business_days_from_monday_morning_and_from_friday_evening()
    {
        var calendar = EightToFive("Europe/Berlin");

        // Mon 2 Mar 08:00 CET (07:00Z) + 2 business days: Wednesday 08:00 CET (07:00Z).
        Assert.Equal(Utc(2026, 3, 4, 7), calendar.AddBusinessDays(Utc(2026, 3, 2, 7), 2));

        // Fri 6 Mar 18:00 CET (17:00Z) + 1: s = Monday 08:00, so Tuesday 10 Mar 08:00 CET (07:00Z).
        Assert.Equal(Utc(2026, 3, 10, 7), calendar.AddBusinessDays(Utc(2026, 3, 6, 17), 1));

        // Mon 2 Mar 16:30 CET (15:30Z) + 1: Tuesday 16:30 CET (15:30Z); + 5: the next Monday 16:30.
        Assert.Equal(Utc(2026, 3, 3, 15, 30), calendar.AddBusinessDays(Utc(2026, 3, 2, 15, 30), 1));
        Assert.Equal(Utc(2026, 3, 9, 15, 30), calendar.AddBusinessDays(Utc(2026, 3, 2, 15, 30), 5));

        // Fri 27 Mar 09:00 CET (08:00Z) + 1 across the spring-forward of Sunday 29 March: Monday 30 Mar 09:00 CEST = 07:00Z.
        Assert.Equal(Utc(2026, 3, 30, 7), calendar.AddBusinessDays(Utc(2026, 3, 27, 8), 1));
    }

    [Fact]
    public void Zero_business_days_is_the_first_working_instant()
    {
        var calendar = EightToFive("Europe/Berlin");

        // Saturday 7 Mar 12:00 CET: Monday 9 Mar 08:00 CET = 07:00Z. Monday 10:00 CET, already working: itself.
        Assert.Equal(Utc(2026, 3, 9, 7), calendar.AddBusinessDays(Utc(2026, 3, 7, 11), 0));
        Assert.Equal(Utc(2026, 3, 9, 9), calendar.AddBusinessDays(Utc(2026, 3, 9, 9), 0));
        Assert.Equal(calendar.NextWorkingInstant(Utc(2026, 3, 6, 16, 59)), calendar.AddBusinessDays(Utc(2026, 3, 6, 16, 59), 0));
    }

    [Fact]
    public void Business_days_deadline_on_a_half_day()
    {
        var calendar = BerlinWithChristmasEveHalfDay();

        // Tue 22 Dec 14:00 CET (13:00Z) + 2: D = Thu 24 Dec, whose only window 09:00-12:00 has no time at or after 14:00: the end of
        // that window, 12:00 CET = 11:00Z.
        Assert.Equal(Utc(2026, 12, 24, 11), calendar.AddBusinessDays(Utc(2026, 12, 22, 13), 2));

        // Tue 22 Dec 10:00 CET (09:00Z) + 2: Thursday 10:00 CET (09:00Z), inside the half day.
        Assert.Equal(Utc(2026, 12, 24, 9), calendar.AddBusinessDays(Utc(2026, 12, 22, 9), 2));

        // Wed 23 Dec 14:00 CET + 2: Thursday is the first, Friday is a holiday, the weekend is off: Mon 28 Dec 14:00 CET = 13:00Z.
        Assert.Equal(Utc(2026, 12, 28, 13), calendar.AddBusinessDays(Utc(2026, 12, 23, 13), 2));

        // Starting on the half day after it closed (Thu 24 Dec 12:30 CET): s = Mon 28 Dec 09:00, + 1 = Tue 29 Dec 09:00 CET = 08:00Z.
        Assert.Equal(Utc(2026, 12, 29, 8), calendar.AddBusinessDays(Utc(2026, 12, 24, 11, 30), 1));
    }

    [Fact]
    public void Business_days_on_dst_days_in_new_york()
    {
        var calendar = BusinessCalendar.AlwaysOpen("America/New_York");

        // Sat 31 Oct 01:30 EDT (05:30Z) + 1: D = 1 Nov, where 01:30 happens twice; the earlier, 01:30 EDT = 05:30Z (24h later).
        Assert.Equal(Utc(2026, 11, 1, 5, 30), calendar.AddBusinessDays(Utc(2026, 10, 31, 5, 30), 1));

        // Sat 7 Mar 02:30 EST (07:30Z) + 1: 02:30 does not exist on 8 Mar; the first instant after the gap, 03:00 EDT = 07:00Z.
        Assert.Equal(Utc(2026, 3, 8, 7), calendar.AddBusinessDays(Utc(2026, 3, 7, 7, 30), 1));

        // A special day on the fall-back day, 00:00-01:30, in a calendar working 00:00-04:00 daily. Sat 31 Oct 03:00 EDT (07:00Z)
        // + 1: D = 1 Nov has no working time at or after 03:00, so the end of its window: the second 01:30, 01:30 EST = 06:30Z.
        var night = Daily("America/New_York", LocalTime.Midnight, new LocalTime(4, 0))
            .WithSpecialDays([new SpecialDay(new LocalDate(2026, 11, 1), [new(LocalTime.Midnight, new LocalTime(1, 30))])]);
        Assert.Equal(Utc(2026, 11, 1, 6, 30), night.AddBusinessDays(Utc(2026, 10, 31, 7), 1));

        // Its business time on 1 Nov: 00:00-01:00 EDT, 01:00-01:30 EDT, 01:00-01:30 EST = 2h.
        Assert.Equal(Hours(2), night.BusinessTime(Utc(2026, 11, 1, 0), Utc(2026, 11, 2, 0)));
    }

    [Fact]
    public void Business_days_are_not_monotone_in_the_start_within_a_fall_back_overlap()
    {
        // The definition keeps the local time of day, and in an overlap a later instant can have an earlier local time:
        // 01:50 EDT (05:50Z) comes before 01:10 EST (06:10Z), yet the first is due 2 Nov 01:50 EST (06:50Z) and the second
        // 2 Nov 01:10 EST (06:10Z). The documented exception to monotonicity in the start.
        var calendar = BusinessCalendar.AlwaysOpen("America/New_York");
        Assert.Equal(Utc(2026, 11, 2, 6, 50), calendar.AddBusinessDays(Utc(2026, 11, 1, 5, 50), 1));
        Assert.Equal(Utc(2026, 11, 2, 6, 10), calendar.AddBusinessDays(Utc(2026, 11, 1, 6, 10), 1));
    }

    [Fact]
    public void Special_days_take_part_in_equality_and_formatting()
    {
        var a = BerlinWithChristmasEveHalfDay();
        var b = BerlinWithChristmasEveHalfDay();
        var plain = a.WithSpecialDays([]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, plain);
        Assert.NotEqual(a, a.WithSpecialDays([SpecialDay.Closed(ChristmasEve)]));
        Assert.Equal(
            "Europe/Berlin; Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00; 1 holidays; special days 2026-12-24 09:00-12:00",
            a.ToString());
        Assert.Equal("Europe/Berlin; Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00; 1 holidays", plain.ToString());

        // Sorted by date whatever the order given; holidays kept by WithSpecialDays, special days kept by WithHolidays.
        var two = plain.WithSpecialDays([SpecialDay.Closed(new LocalDate(2026, 12, 31)), SpecialDay.Closed(ChristmasEve)]);
        Assert.Equal([ChristmasEve, new LocalDate(2026, 12, 31)], two.SpecialDays.Select(d => d.Date));
        Assert.Equal(plain.Holidays, two.Holidays);
        Assert.Equal(two.SpecialDays.ToArray(), two.WithHolidays([new LocalDate(2027, 1, 1)]).SpecialDays.ToArray());

        var day = new SpecialDay(ChristmasEve, [new(new LocalTime(13, 0), new LocalTime(14, 0)), new(new LocalTime(9, 0), new LocalTime(12, 0))]);
        Assert.Equal("2026-12-24 09:00-12:00, 13:00-14:00", day.ToString());
        Assert.Equal(day, new SpecialDay(ChristmasEve, [new(new LocalTime(9, 0), new LocalTime(12, 0)), new(new LocalTime(13, 0), new LocalTime(14, 0))]));
        Assert.True(day == new SpecialDay(ChristmasEve, day.Windows));
        Assert.True(day != SpecialDay.Closed(ChristmasEve));
    }

    [Fact]
    public void A_calendar_working_only_on_special_days()
    {
        // No weekly windows, one worked Sunday 09:00-17:00 (Shanghai, +08).
        var sunday = new LocalDate(2026, 9, 27);
        var calendar = BusinessCalendar.Create("Asia/Shanghai", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>(), [])
            .WithSpecialDays([new SpecialDay(sunday, [new(new LocalTime(9, 0), new LocalTime(17, 0))])]);
        Assert.True(calendar.HasWorkingTime);
        Assert.Equal(Duration.Zero, calendar.WeeklyWorkingTime);
        Assert.Equal(Utc(2026, 9, 27, 3), calendar.AddBusinessTime(Utc(2026, 9, 1, 0), Hours(2)));
        Assert.Equal(Utc(2026, 9, 27, 1), calendar.AddBusinessDays(Utc(2026, 9, 1, 0), 0));
        var e = Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessTime(Utc(2026, 9, 1, 0), Hours(9)));
        Assert.StartsWith("The calendar works only on special days, the last of them 2026-09-27; the amount of business time from 2026-09-01T00:00:00Z would end after it.", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessDays(Utc(2026, 9, 1, 0), 1));
        Assert.Equal("The calendar works only on special days, and fewer than 1 of them follow 2026-09-27.", e.Message);
    }

    [Fact]
    public void Special_day_bad_input_names_the_parameter_and_the_date()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new SpecialDay(ChristmasEve, [new(new LocalTime(9, 0), new LocalTime(12, 0)), new(new LocalTime(11, 0), new LocalTime(13, 0))]));
        Assert.Equal("windows", e.ParamName);
        Assert.StartsWith("Expected working windows on 2026-12-24 that do not overlap; got 09:00-12:00 and 11:00-13:00.", e.Message);

        var julian = new LocalDate(2026, 12, 24, CalendarSystem.Julian);
        e = Assert.Throws<ArgumentException>(() => SpecialDay.Closed(julian));
        Assert.Equal("date", e.ParamName);
        Assert.StartsWith("Expected a date in the ISO calendar; got ", e.Message);
        Assert.Contains("in the Julian calendar", e.Message);

        var n = Assert.Throws<ArgumentNullException>(() => new SpecialDay(ChristmasEve, null!));
        Assert.Equal("windows", n.ParamName);
        Assert.StartsWith("Expected the working windows of 2026-12-24 (empty for closed all day); got null.", n.Message);

        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/Berlin").WithHolidays([new LocalDate(2026, 12, 25)]);
        e = Assert.Throws<ArgumentException>(() => calendar.WithSpecialDays([SpecialDay.Closed(ChristmasEve), calendar.PartDayClosure(ChristmasEve, new LocalTime(12, 0))]));
        Assert.Equal("specialDays", e.ParamName);
        Assert.StartsWith("Expected at most one special day per date; got two on 2026-12-24: 2026-12-24 closed and 2026-12-24 09:00-12:00.", e.Message);

        e = Assert.Throws<ArgumentException>(() => calendar.WithSpecialDays([SpecialDay.Closed(new LocalDate(2026, 12, 25))]));
        Assert.Equal("specialDays", e.ParamName);
        Assert.StartsWith("Expected a date to be either a holiday or a special day; got 2026-12-25 as both (holiday, and special day 2026-12-25 closed).", e.Message);

        var withEve = calendar.WithSpecialDays([SpecialDay.Closed(ChristmasEve)]);
        e = Assert.Throws<ArgumentException>(() => withEve.WithHolidays([ChristmasEve]));
        Assert.Equal("holidays", e.ParamName);
        Assert.StartsWith("Expected a date to be either a holiday or a special day; got 2026-12-24 as both", e.Message);

        n = Assert.Throws<ArgumentNullException>(() => calendar.WithSpecialDays([SpecialDay.Closed(ChristmasEve), null!]));
        Assert.Equal("specialDays", n.ParamName);
        Assert.StartsWith("Expected special days; got null at index 1.", n.Message);
        Assert.Equal("specialDays", Assert.Throws<ArgumentNullException>(() => calendar.WithSpecialDays(null!)).ParamName);

        e = Assert.Throws<ArgumentException>(() => calendar.WindowsOn(julian));
        Assert.Equal("date", e.ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentException>(() => calendar.IsWorkingDay(julian)).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentException>(() => calendar.PartDayClosure(julian, new LocalTime(12, 0))).ParamName);

        var r = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessDays(Utc(2026, 1, 1, 0), -1));
        Assert.Equal("days", r.ParamName);
        Assert.StartsWith("Expected a number of business days >= 0; got -1.", r.Message);

        r = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessDays(Instant.FromUtc(8999, 12, 1, 0, 0), 100));
        Assert.Equal("days", r.ParamName);
        Assert.StartsWith("Expected a number of business days whose deadline lies before 9000-01-01T00:00:00Z (SupportedRange.ComputationLimit); 100 from 8999-12-01T00:00:00Z would end after it.", r.Message);

        r = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessDays(Instant.FromUtc(9999, 12, 1, 0, 0), 1));
        Assert.Equal("start", r.ParamName);
        r = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessDays(Utc(2026, 1, 1, 0), SupportedRange.MaxBusinessDays + 1));
        Assert.Equal("days", r.ParamName);
        Assert.StartsWith("Expected a number of at most 36525 business days, the most the library supports; got 36526.", r.Message);

        var none = BusinessCalendar.Create("Europe/Berlin", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>(), []);
        Assert.Throws<InvalidOperationException>(() => none.AddBusinessDays(Utc(2026, 1, 1, 0), 1));
    }
}
