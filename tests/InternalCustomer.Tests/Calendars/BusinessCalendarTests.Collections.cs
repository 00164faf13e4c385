using System.Collections.Immutable;
using FsCheck.Xunit;
using InternalCustomer.Calendars;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

public sealed partial class BusinessCalendarTests
{
    [Fact]
    public void Create_takes_a_dictionary_of_lists_as_it_is()
    {
        // Exactly the type a caller builds by hand: Dictionary<IsoDayOfWeek, List<WorkingWindow>>, with Monday's
        // windows out of order. Monday 09:00-12:00 and 13:00-17:00, Wednesday 10:00-14:00, Europe/London in January (UTC+0).
        var windows = new Dictionary<IsoDayOfWeek, List<WorkingWindow>>
        {
            [IsoDayOfWeek.Monday] = [new(new LocalTime(13, 0), new LocalTime(17, 0)), new(new LocalTime(9, 0), new LocalTime(12, 0))],
            [IsoDayOfWeek.Wednesday] = [new(new LocalTime(10, 0), new LocalTime(14, 0))],
        };
        var calendar = BusinessCalendar.Create("Europe/London", windows, [new LocalDate(2026, 1, 14)]);

        // By hand: 3h + 4h on Monday, 4h on Wednesday = 11h a week.
        Assert.Equal(Hours(11), calendar.WeeklyWorkingTime);
        Assert.Equal(
            [new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0)), new WorkingWindow(new LocalTime(13, 0), new LocalTime(17, 0))],
            calendar.WindowsOn(IsoDayOfWeek.Monday).ToArray());

        // Mon 2026-01-12 11:00 to Thu 2026-01-15 00:00: Monday 11:00-12:00 and 13:00-17:00 = 5h; Wednesday 14 is a holiday.
        Assert.Equal(Hours(5), calendar.BusinessTime(Utc(2026, 1, 12, 11), Utc(2026, 1, 15, 0)));

        // Editing the caller's lists afterwards changes nothing: the windows were read once.
        windows[IsoDayOfWeek.Monday].Clear();
        Assert.Equal(Hours(11), calendar.WeeklyWorkingTime);
    }

    [Fact]
    public void Create_gives_the_same_calendar_whatever_collection_holds_a_day()
    {
        var monday = new WorkingWindow(new LocalTime(9, 0), new LocalTime(17, 0));
        var friday = new WorkingWindow(new LocalTime(8, 0), new LocalTime(12, 0));
        var fromReadOnlyLists = BusinessCalendar.Create(
            "Europe/Paris",
            new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Monday] = [monday], [IsoDayOfWeek.Friday] = [friday] },
            []);
        var fromLists = BusinessCalendar.Create(
            "Europe/Paris",
            new Dictionary<IsoDayOfWeek, List<WorkingWindow>> { [IsoDayOfWeek.Monday] = [monday], [IsoDayOfWeek.Friday] = [friday] },
            []);
        var fromArrays = BusinessCalendar.Create(
            "Europe/Paris",
            new SortedDictionary<IsoDayOfWeek, WorkingWindow[]> { [IsoDayOfWeek.Monday] = [monday], [IsoDayOfWeek.Friday] = [friday] },
            []);
        var fromImmutable = BusinessCalendar.Create(
            "Europe/Paris",
            ImmutableDictionary<IsoDayOfWeek, ImmutableArray<WorkingWindow>>.Empty.Add(IsoDayOfWeek.Monday, [monday]).Add(IsoDayOfWeek.Friday, [friday]),
            []);

        Assert.Equal(fromReadOnlyLists, fromLists);
        Assert.Equal(fromReadOnlyLists, fromArrays);
        Assert.Equal(fromReadOnlyLists, fromImmutable);
        Assert.Equal(Hours(12), fromLists.WeeklyWorkingTime);
    }

    [Property(Arbitrary = new[] { typeof(CalendarGenerators) }, MaxTest = 100)]
    public void Any_collection_of_the_same_windows_gives_the_same_calendar(CalendarSpan s)
    {
        // The windows of each day read back, handed over unsorted in a List, an array and an ImmutableArray.
        var days = Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).ToArray();
        var lists = days.ToDictionary(d => d, d => s.Calendar.WindowsOn(d).Reverse().ToList());
        var arrays = days.ToDictionary(d => d, d => s.Calendar.WindowsOn(d).Reverse().ToArray());
        var immutables = days.ToImmutableDictionary(d => d, d => s.Calendar.WindowsOn(d).Reverse().ToImmutableArray());

        // Special days are not part of Create; they are added the same way to each.
        var fromLists = BusinessCalendar.Create(s.Calendar.ZoneId, lists, s.Calendar.Holidays).WithSpecialDays(s.Calendar.SpecialDays);
        Assert.Equal(s.Calendar, fromLists);
        Assert.Equal(s.Calendar.GetHashCode(), fromLists.GetHashCode());
        Assert.Equal(s.Calendar, BusinessCalendar.Create(s.Calendar.ZoneId, arrays, s.Calendar.Holidays).WithSpecialDays(s.Calendar.SpecialDays));
        Assert.Equal(s.Calendar, BusinessCalendar.Create(s.Calendar.ZoneId, immutables, s.Calendar.Holidays).WithSpecialDays(s.Calendar.SpecialDays));
        Assert.Equal(s.Calendar.BusinessTime(s.Start, s.End), fromLists.BusinessTime(s.Start, s.End));
    }
}
