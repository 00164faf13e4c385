using FsCheck.Xunit;
using InternalCustomer.Calendars;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

// Laws of special days and business days. The generators put special days (closures, part days, make-up days) near every
// span, so the brute-force properties in BusinessCalendarTests.Properties cover them too.
public sealed partial class BusinessCalendarTests
{
    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 100)]
    public void A_special_day_changes_nothing_outside_its_date(CalendarTriple x)
    {
        var date = x.B.InZone(x.Calendar.Zone).Date;
        var without = x.Calendar.WithSpecialDays(x.Calendar.SpecialDays.Where(d => d.Date != date)).WithHolidays(x.Calendar.Holidays.Remove(date));
        var windows = (x.A.ToUnixTimeSeconds() % 3) switch
        {
            0 => [],
            1 => without.PartDayClosure(date, new LocalTime(12, 0)).Windows,
            _ => [new WorkingWindow(new LocalTime(1, 30), new LocalTime(2, 30)), new WorkingWindow(new LocalTime(10, 0), LocalTime.Midnight)],
        };
        var with = without.WithSpecialDays(without.SpecialDays.Append(new SpecialDay(date, windows)));
        var dayStart = x.Calendar.Zone.AtStartOfDay(date).ToInstant();
        var dayEnd = x.Calendar.Zone.AtStartOfDay(date.PlusDays(1)).ToInstant();

        Assert.Equal(without.BusinessTime(x.A, Instant.Max(x.A, Instant.Min(x.C, dayStart))), with.BusinessTime(x.A, Instant.Max(x.A, Instant.Min(x.C, dayStart))));
        Assert.Equal(without.BusinessTime(Instant.Min(x.C, Instant.Max(x.A, dayEnd)), x.C), with.BusinessTime(Instant.Min(x.C, Instant.Max(x.A, dayEnd)), x.C));
        var inside = (Start: Instant.Max(x.A, dayStart), End: Instant.Min(x.C, dayEnd));
        var change = inside.Start < inside.End ? with.BusinessTime(inside.Start, inside.End) - without.BusinessTime(inside.Start, inside.End) : Duration.Zero;
        Assert.Equal(without.BusinessTime(x.A, x.C) + change, with.BusinessTime(x.A, x.C));
        foreach (var t in ((Instant[])[x.A, x.B, x.C, dayStart - Duration.FromNanoseconds(1), dayEnd]).Where(t => t < dayStart || t >= dayEnd))
        {
            Assert.Equal(without.IsWorkingAt(t), with.IsWorkingAt(t));
        }

        Assert.Equal(windows.ToArray(), with.WindowsOn(date).ToArray());
        Assert.Equal(windows.Length > 0, with.IsWorkingDay(date));
        Assert.Equal(without.WindowsOn(date.PlusDays(1)).ToArray(), with.WindowsOn(date.PlusDays(1)).ToArray());
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 100)]
    public void Business_days_equal_the_minute_brute_force(CalendarSpan s)
    {
        if (!s.Calendar.HasWorkingTime || s.Calendar.BusinessTime(s.Start, s.Start + Duration.FromDays(14)) == Duration.Zero)
        {
            return;
        }

        var days = (int)(s.End.ToUnixTimeSeconds() / 60 % 4);
        var expected = MinuteSteppingCalendar.AddBusinessDays(s.Calendar, s.Start, days, s.Start + Duration.FromDays(14));
        Assert.Equal(expected, s.Calendar.AddBusinessDays(s.Start, days));
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 200)]
    public void Business_days_are_monotone_in_days_and_in_start(CalendarTriple x)
    {
        var calendar = x.Calendar;
        var n = (int)(x.C.ToUnixTimeSeconds() % 5);
        var a = calendar.AddBusinessDays(x.A, n);
        Assert.True(a >= x.A);
        Assert.True(a >= calendar.NextWorkingInstant(x.A));
        Assert.True(calendar.AddBusinessDays(x.A, n + 1) > a);
        Assert.True(calendar.AddBusinessDays(x.A, n + 2) > calendar.AddBusinessDays(x.A, n + 1));

        // Monotone in the start, except (BusinessCalendarTests.SpecialDays) when both first working instants share a local date
        // and the later one shows the earlier time of day: the second pass through a fall-back overlap.
        var sa = calendar.NextWorkingInstant(x.A).InZone(calendar.Zone).LocalDateTime;
        var sb = calendar.NextWorkingInstant(x.B).InZone(calendar.Zone).LocalDateTime;
        if (n == 0 || sa.Date != sb.Date || sa.TimeOfDay <= sb.TimeOfDay)
        {
            Assert.True(calendar.AddBusinessDays(x.B, n) >= a);
        }
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 100)]
    public void Business_days_land_on_the_nth_working_day(CalendarTriple x)
    {
        var calendar = x.Calendar;
        var n = (int)(x.B.ToUnixTimeSeconds() % 4) + 1;
        var s = calendar.NextWorkingInstant(x.A).InZone(calendar.Zone).LocalDateTime;
        var deadline = calendar.AddBusinessDays(x.A, n).InZone(calendar.Zone).LocalDateTime;
        var date = s.Date;
        for (var passed = 0; passed < n;)
        {
            date = date.PlusDays(1);
            passed += MinuteSteppingCalendar.IsWorkingDay(calendar, date) ? 1 : 0;
        }

        // On D itself, or at D's following midnight when D's last window runs to 24:00 and ends the working stretch.
        Assert.True(deadline.Date == date || (deadline.Date == date.PlusDays(1) && deadline.TimeOfDay < new LocalTime(1, 0)), $"{deadline} not on {date}");
        Assert.True(calendar.IsWorkingDay(date));
    }
}
