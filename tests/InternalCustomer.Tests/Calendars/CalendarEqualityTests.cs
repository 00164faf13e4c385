using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

/// <summary>
/// Equality and order of the calendar types, one component at a time: each test changes exactly one part (a window's start
/// or end, one weekday's windows, the zone, a holiday, a special day) and checks every operator, so a comparison that
/// ignores that part, or an operator that answers the opposite, fails here. Written against the Stryker.NET survivors in
/// <c>WorkingWindow</c>, <c>SpecialDay</c> and <c>BusinessCalendar</c> (docs/robustness.md, "Mutation scores").
/// </summary>
public sealed class CalendarEqualityTests
{
    private static readonly WorkingWindow NineToFive = new(new LocalTime(9, 0), new LocalTime(17, 0));

    [Fact]
    public void Windows_equal_in_start_and_end_are_equal_under_every_operator()
    {
        var other = new WorkingWindow(new LocalTime(9, 0), new LocalTime(17, 0));
        Assert.True(NineToFive.Equals(other));
        Assert.True(NineToFive.Equals((object)other));
        Assert.True(NineToFive == other);
        Assert.False(NineToFive != other);
        Assert.False(NineToFive < other);
        Assert.False(NineToFive > other);
        Assert.True(NineToFive <= other);
        Assert.True(NineToFive >= other);
        Assert.Equal(0, NineToFive.CompareTo(other));
        Assert.Equal(NineToFive.GetHashCode(), other.GetHashCode());
    }

    [Theory]
    [InlineData(8, 17)] // start only differs, earlier
    [InlineData(9, 16)] // end only differs, earlier
    public void A_window_that_differs_in_one_end_only_sorts_first_and_is_unequal(int startHour, int endHour)
    {
        var earlier = new WorkingWindow(new LocalTime(startHour, 0), new LocalTime(endHour, 0));
        Assert.False(earlier.Equals(NineToFive));
        Assert.False(earlier.Equals((object)NineToFive));
        Assert.False(earlier == NineToFive);
        Assert.True(earlier != NineToFive);
        Assert.True(earlier < NineToFive);
        Assert.True(earlier <= NineToFive);
        Assert.False(earlier > NineToFive);
        Assert.False(earlier >= NineToFive);
        Assert.True(NineToFive > earlier);
        Assert.True(NineToFive >= earlier);
        Assert.False(NineToFive < earlier);
        Assert.False(NineToFive <= earlier);
        Assert.True(earlier.CompareTo(NineToFive) < 0);
        Assert.True(NineToFive.CompareTo(earlier) > 0);
    }

    [Fact]
    public void A_window_ending_at_midnight_sorts_after_one_ending_earlier_the_same_day()
    {
        var toMidnight = new WorkingWindow(new LocalTime(9, 0), LocalTime.Midnight);
        var toElevenPm = new WorkingWindow(new LocalTime(9, 0), new LocalTime(23, 0));
        Assert.True(toElevenPm < toMidnight);
        Assert.True(toMidnight > toElevenPm);
        Assert.True(toMidnight != toElevenPm);
    }

    [Fact]
    public void A_window_is_not_equal_to_another_type_or_null()
    {
        Assert.False(NineToFive.Equals((object?)null));
        Assert.False(NineToFive.Equals("09:00-17:00"));
    }

    [Fact]
    public void Special_days_compare_by_date_and_windows()
    {
        var date = new LocalDate(2026, 12, 24);
        var morning = new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0));
        var day = new SpecialDay(date, [morning]);
        var same = new SpecialDay(date, [new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0))]);
        var otherDate = new SpecialDay(date.PlusDays(1), [morning]);
        var otherWindows = new SpecialDay(date, [new WorkingWindow(new LocalTime(9, 0), new LocalTime(13, 0))]);
        var closed = SpecialDay.Closed(date);

        Assert.True(day.Equals(same) && day == same && !(day != same));
        Assert.True(day.Equals((object)same));
        Assert.Equal(day.GetHashCode(), same.GetHashCode());
        foreach (var different in new[] { otherDate, otherWindows, closed })
        {
            Assert.False(day.Equals(different));
            Assert.False(day.Equals((object)different));
            Assert.False(day == different);
            Assert.True(day != different);
        }

        Assert.False(day.Equals(null));
        Assert.False(day == null);
        Assert.True(day != null);
        Assert.False(null == day);
        Assert.True((SpecialDay?)null == null);
    }

    public static TheoryData<IsoDayOfWeek> Weekdays => [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)];

    [Theory]
    [MemberData(nameof(Weekdays))]
    public void Calendars_differing_only_in_one_weekdays_windows_are_unequal(IsoDayOfWeek changed)
    {
        var baseline = Calendar(day => [NineToFive]);
        var same = Calendar(day => [new WorkingWindow(new LocalTime(9, 0), new LocalTime(17, 0))]);
        var different = Calendar(day => day == changed ? [new WorkingWindow(new LocalTime(9, 0), new LocalTime(16, 0))] : [NineToFive]);
        var closedThatDay = Calendar(day => day == changed ? [] : [NineToFive]);

        AssertEqual(baseline, same);
        AssertUnequal(baseline, different);
        AssertUnequal(baseline, closedThatDay);
    }

    [Fact]
    public void Calendars_differing_only_in_zone_holidays_or_special_days_are_unequal()
    {
        var baseline = BusinessCalendar.WeekdaysNineToFive("Europe/London")
            .WithHolidays([new LocalDate(2026, 12, 25)])
            .WithSpecialDays([new SpecialDay(new LocalDate(2026, 12, 24), [new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0))])]);
        var same = BusinessCalendar.WeekdaysNineToFive("Europe/London")
            .WithHolidays([new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 25)])
            .WithSpecialDays([new SpecialDay(new LocalDate(2026, 12, 24), [new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0))])]);
        AssertEqual(baseline, same);

        // Europe/Lisbon has London's offsets today (not in 1992-1996), so over these dates only the zone id tells them apart.
        AssertUnequal(baseline, BusinessCalendar.WeekdaysNineToFive("Europe/Lisbon").WithHolidays(baseline.Holidays).WithSpecialDays(baseline.SpecialDays));
        AssertUnequal(baseline, baseline.WithHolidays([new LocalDate(2026, 12, 28)]));
        AssertUnequal(baseline, baseline.WithHolidays([]));
        AssertUnequal(baseline, baseline.WithSpecialDays([SpecialDay.Closed(new LocalDate(2026, 12, 24))]));
        AssertUnequal(baseline, baseline.WithSpecialDays([]));
    }

    [Fact]
    public void A_calendar_is_equal_to_itself_and_unequal_to_null_and_other_types()
    {
        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/London");
        Assert.True(calendar.Equals(calendar));
#pragma warning disable CS1718 // Comparison made to same variable: the reflexive case is the point.
        Assert.True(calendar == calendar);
        Assert.False(calendar != calendar);
#pragma warning restore CS1718
        Assert.False(calendar.Equals((BusinessCalendar?)null));
        Assert.False(calendar.Equals((object?)null));
        Assert.False(calendar.Equals(calendar.ToString()));
        Assert.False(calendar == null);
        Assert.False(null == calendar);
        Assert.True(calendar != null);
        Assert.True(null != calendar);
        Assert.True((BusinessCalendar?)null == null);
        Assert.False((BusinessCalendar?)null != null);
    }

    private static BusinessCalendar Calendar(Func<IsoDayOfWeek, WorkingWindow[]> windows) =>
        BusinessCalendar.Create(
            "Europe/London",
            Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToDictionary(d => d, windows),
            []);

    private static void AssertEqual(BusinessCalendar left, BusinessCalendar right)
    {
        Assert.NotSame(left, right);
        Assert.True(left.Equals(right));
        Assert.True(right.Equals(left));
        Assert.True(left.Equals((object)right));
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    private static void AssertUnequal(BusinessCalendar left, BusinessCalendar right)
    {
        Assert.False(left.Equals(right));
        Assert.False(right.Equals(left));
        Assert.False(left.Equals((object)right));
        Assert.False(left == right);
        Assert.True(left != right);
    }
}
