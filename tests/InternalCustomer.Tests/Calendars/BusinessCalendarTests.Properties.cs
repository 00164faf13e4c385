using FsCheck;
using FsCheck.Xunit;
using InternalCustomer.Calendars;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

public sealed partial class BusinessCalendarTests
{
    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 150)]
    public void Business_time_equals_minute_stepping(CalendarSpan s) =>
        Assert.Equal(MinuteSteppingCalendar.BusinessTime(s.Calendar, s.Start, s.End), s.Calendar.BusinessTime(s.Start, s.End));

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 100)]
    public void Add_equals_minute_stepping(CalendarSpan s)
    {
        var available = (long)s.Calendar.BusinessTime(s.Start, s.End).TotalMinutes;
        var minutes = available == 0 ? 0 : (s.End.ToUnixTimeSeconds() % available) + 1;
        var expected = MinuteSteppingCalendar.AddBusinessMinutes(s.Calendar, s.Start, minutes, s.End);
        Assert.Equal(expected, s.Calendar.AddBusinessTime(s.Start, Duration.FromMinutes(minutes)));
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 100)]
    public void Is_working_at_and_next_working_instant_agree_with_the_rule(CalendarSpan s)
    {
        var t = s.End;
        Assert.Equal(MinuteSteppingCalendar.IsWorkingMinute(s.Calendar, t), s.Calendar.IsWorkingAt(t));
        if (s.Calendar.HasWorkingTime)
        {
            var next = s.Calendar.NextWorkingInstant(t.PlusNanoseconds(123));
            Assert.True(next >= t.PlusNanoseconds(123));
            Assert.True(s.Calendar.IsWorkingAt(next));
            Assert.Equal(Duration.Zero, s.Calendar.BusinessTime(t.PlusNanoseconds(123), next));
        }
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 200)]
    public void Additivity_and_split_independence(CalendarTriple x)
    {
        var ab = x.Calendar.BusinessTime(x.A, x.B);
        var bc = x.Calendar.BusinessTime(x.B, x.C);
        Assert.Equal(x.Calendar.BusinessTime(x.A, x.C), ab + bc);
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 200)]
    public void Monotonicity_and_bounds(CalendarTriple x)
    {
        var ab = x.Calendar.BusinessTime(x.A, x.B);
        var ac = x.Calendar.BusinessTime(x.A, x.C);
        Assert.True(ab <= ac);
        Assert.True(x.Calendar.BusinessTime(x.B, x.C) <= x.Calendar.BusinessTime(x.A, x.C));
        Assert.True(ac >= Duration.Zero && ac <= x.C - x.A);
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 200)]
    public void Add_is_the_earliest_instant_reaching_the_amount(CalendarTriple x)
    {
        // d is any nanosecond amount; Add(A, d) reaches it exactly and one nanosecond earlier does not.
        var d = x.C - x.B;
        var t = x.Calendar.AddBusinessTime(x.A, d);
        Assert.True(t >= x.A);
        Assert.Equal(d, x.Calendar.BusinessTime(x.A, t));
        if (d > Duration.Zero)
        {
            Assert.True(x.Calendar.BusinessTime(x.A, t.PlusNanoseconds(-1)) < d);
        }
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 100)]
    public void Always_open_equals_wall_time(CalendarTriple x)
    {
        var calendar = BusinessCalendar.AlwaysOpen(x.Calendar.ZoneId);
        Assert.Equal(x.C - x.A, calendar.BusinessTime(x.A, x.C));
        Assert.Equal(x.C, calendar.AddBusinessTime(x.A, x.C - x.A));
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 100)]
    public void A_holiday_contributes_zero(CalendarTriple x)
    {
        var holiday = x.B.InZone(x.Calendar.Zone).Date;
        x = x with { Calendar = x.Calendar.WithSpecialDays(x.Calendar.SpecialDays.Where(d => d.Date != holiday)) }; // a date is one or the other
        var with = x.Calendar.WithHolidays(x.Calendar.Holidays.Add(holiday));
        var dayStart = x.Calendar.Zone.AtStartOfDay(holiday).ToInstant();
        var dayEnd = x.Calendar.Zone.AtStartOfDay(holiday.PlusDays(1)).ToInstant();
        Assert.Equal(Duration.Zero, with.BusinessTime(dayStart, dayEnd));

        var overlapStart = Instant.Max(x.A, dayStart);
        var overlapEnd = Instant.Min(x.C, dayEnd);
        var removed = x.Calendar.Holidays.Contains(holiday) || overlapStart >= overlapEnd
            ? Duration.Zero
            : x.Calendar.BusinessTime(overlapStart, overlapEnd);
        Assert.Equal(x.Calendar.BusinessTime(x.A, x.C) - removed, with.BusinessTime(x.A, x.C));
    }
}
