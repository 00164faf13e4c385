using System.Collections.Immutable;
using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

public sealed partial class BusinessCalendarTests
{
    private static readonly Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> MondayNineToFive = new()
    {
        [IsoDayOfWeek.Monday] = [new(new LocalTime(9, 0), new LocalTime(17, 0))],
    };

    [Fact]
    public void Unknown_zone_id_is_rejected_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => BusinessCalendar.WeekdaysNineToFive("Europe/Atlantis"));
        Assert.Equal("zoneId", e.ParamName);
        Assert.StartsWith("Expected a tzdb time zone id such as \"Europe/London\"; got \"Europe/Atlantis\", which tzdb ", e.Message);

        e = Assert.Throws<ArgumentException>(() => BusinessCalendar.Create("EST5EDT_nope", MondayNineToFive, []));
        Assert.Equal("zoneId", e.ParamName);
        Assert.Contains("got \"EST5EDT_nope\"", e.Message);

        Assert.Equal("zoneId", Assert.Throws<ArgumentNullException>(() => BusinessCalendar.AlwaysOpen(null!)).ParamName);
    }

    [Fact]
    public void Overlapping_windows_are_rejected_naming_both()
    {
        var windows = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>
        {
            [IsoDayOfWeek.Tuesday] = [new(new LocalTime(12, 0), new LocalTime(17, 0)), new(new LocalTime(9, 0), new LocalTime(13, 0))],
        };
        var e = Assert.Throws<ArgumentException>(() => BusinessCalendar.Create("Europe/London", windows, []));
        Assert.Equal("windows", e.ParamName);
        Assert.StartsWith("Expected working windows on Tuesday that do not overlap; got 09:00-13:00 and 12:00-17:00.", e.Message);
    }

    [Fact]
    public void Bad_window_maps_are_rejected()
    {
        var none = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.None] = [] };
        var e = Assert.Throws<ArgumentException>(() => BusinessCalendar.Create("Europe/London", none, []));
        Assert.Equal("windows", e.ParamName);
        Assert.StartsWith("Expected days of the week Monday to Sunday as keys; got None.", e.Message);

        var nullList = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Friday] = null! };
        var n = Assert.Throws<ArgumentNullException>(() => BusinessCalendar.Create("Europe/London", nullList, []));
        Assert.Equal("windows", n.ParamName);
        Assert.StartsWith("Expected a list of working windows for Friday; got null.", n.Message);

        var defaultArray = new Dictionary<IsoDayOfWeek, ImmutableArray<WorkingWindow>> { [IsoDayOfWeek.Tuesday] = default };
        var d = Assert.Throws<ArgumentNullException>(() => BusinessCalendar.Create("Europe/London", defaultArray, []));
        Assert.Equal("windows", d.ParamName);
        Assert.StartsWith("Expected a list of working windows for Tuesday; got a default ImmutableArray.", d.Message);

        Assert.Equal("windows", Assert.Throws<ArgumentNullException>(() => BusinessCalendar.Create<List<WorkingWindow>>("Europe/London", null!, [])).ParamName);
        Assert.Equal("holidays", Assert.Throws<ArgumentNullException>(() => BusinessCalendar.Create("Europe/London", MondayNineToFive, null!)).ParamName);
    }

    [Fact]
    public void Holidays_outside_the_iso_calendar_are_rejected()
    {
        var julian = new LocalDate(2026, 12, 25, CalendarSystem.Julian);
        var e = Assert.Throws<ArgumentException>(() => BusinessCalendar.WeekdaysNineToFive("Europe/London").WithHolidays([julian]));
        Assert.Equal("holidays", e.ParamName);
        Assert.StartsWith("Expected holidays in the ISO calendar; got ", e.Message);
        Assert.Contains("in the Julian calendar.", e.Message);

        // Mixed with ISO dates the message is the same (not NodaTime's refusal to compare calendar systems).
        e = Assert.Throws<ArgumentException>(() => BusinessCalendar.WeekdaysNineToFive("Europe/London").WithHolidays([new LocalDate(2026, 1, 1), julian]));
        Assert.Equal("holidays", e.ParamName);
        Assert.StartsWith("Expected holidays in the ISO calendar; got ", e.Message);
    }

    [Fact]
    public void Start_after_end_is_rejected()
    {
        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/London");
        var e = Assert.Throws<ArgumentException>(() => calendar.BusinessTime(Utc(2026, 1, 2, 0), Utc(2026, 1, 1, 0)));
        Assert.Equal("start", e.ParamName);
        Assert.StartsWith("Expected start <= end; got start 2026-01-02T00:00:00Z after end 2026-01-01T00:00:00Z.", e.Message);
    }

    [Fact]
    public void Negative_business_time_is_rejected()
    {
        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/London");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessTime(Utc(2026, 1, 2, 0), Duration.FromMinutes(-5)));
        Assert.Equal("businessTime", e.ParamName);
        Assert.StartsWith("Expected a business time >= 0; got -0:00:05:00", e.Message);
    }

    [Fact]
    public void A_calendar_without_windows_never_reaches_any_business_time()
    {
        var calendar = BusinessCalendar.Create("Europe/London", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>>(), []);
        Assert.False(calendar.HasWorkingTime);
        Assert.Equal(Duration.Zero, calendar.BusinessTime(Utc(2020, 1, 1, 0), Utc(2030, 1, 1, 0)));
        Assert.Equal(Utc(2020, 1, 1, 0), calendar.AddBusinessTime(Utc(2020, 1, 1, 0), Duration.Zero));
        var e = Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessTime(Utc(2020, 1, 1, 0), Duration.FromSeconds(1)));
        Assert.Equal("The calendar has no working windows, so no amount of business time can ever pass.", e.Message);
        Assert.Throws<InvalidOperationException>(() => calendar.NextWorkingInstant(Utc(2020, 1, 1, 0)));
    }

    [Fact]
    public void Business_time_past_the_end_of_time_is_rejected()
    {
        var calendar = BusinessCalendar.AlwaysOpen("Europe/London");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessTime(SupportedRange.ComputationLimit - Duration.FromHours(1), Duration.FromHours(2)));
        Assert.Equal("businessTime", e.ParamName);
        Assert.StartsWith("Expected an amount of business time that ends by 9000-01-01T00:00:00Z (SupportedRange.ComputationLimit); the amount from 8999-12-31T23:00:00Z would end after it.", e.Message);

        // A calendar with one nanosecond of working time a week cannot fit 100 years before the computation limit.
        var tiny = BusinessCalendar.Create(
            "UTC",
            new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Monday] = [new(new LocalTime(9, 0), LocalTime.FromNanosecondsSinceMidnight(32_400_000_000_001L))] },
            []);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => tiny.AddBusinessTime(Utc(2026, 1, 1, 0), SupportedRange.MaxDuration));
        Assert.Equal("businessTime", e.ParamName);
        Assert.StartsWith("Expected an amount of business time that ends by 9000-01-01T00:00:00Z", e.Message);

        // Past NodaTime's own end too: the same exception, not an overflow.
        e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessTime(Instant.MaxValue, Duration.FromHours(2)));
        Assert.Equal("start", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessTime(Utc(2026, 1, 1, 0), Duration.MaxValue));
        Assert.Equal("businessTime", e.ParamName);
        Assert.StartsWith("Expected a business time of at most 36525 days (100 years; PT876600H), the longest the library supports; got", e.Message);
        Assert.Equal(Utc(2026, 1, 5, 9).PlusNanoseconds(1), tiny.AddBusinessTime(Utc(2026, 1, 1, 0), Duration.Epsilon));
    }

    [Fact]
    public void Windows_on_rejects_a_day_that_is_not_monday_to_sunday()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AlwaysOpen("UTC").WindowsOn(IsoDayOfWeek.None));
        Assert.Equal("day", e.ParamName);
        Assert.StartsWith("Expected a day of the week Monday to Sunday; got None.", e.Message);
    }

    [Fact]
    public void Equality_is_component_wise_and_windows_are_sorted()
    {
        var morning = new WorkingWindow(new LocalTime(9, 0), new LocalTime(12, 0));
        var afternoon = new WorkingWindow(new LocalTime(13, 0), new LocalTime(17, 0));
        var a = BusinessCalendar.Create("Europe/Paris", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Monday] = [afternoon, morning] }, [new LocalDate(2026, 5, 1)]);
        var b = BusinessCalendar.Create("Europe/Paris", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Monday] = [morning, afternoon] }, [new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 1)]);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(new[] { morning, afternoon }, a.WindowsOn(IsoDayOfWeek.Monday).ToArray());
        Assert.Equal(Duration.FromHours(7), a.WeeklyWorkingTime);
        Assert.Equal("Europe/Paris; Mon 09:00-12:00, 13:00-17:00; 1 holidays", a.ToString());

        Assert.NotEqual(a, a.WithHolidays([]));
        Assert.NotEqual(a, BusinessCalendar.Create("Europe/Berlin", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Monday] = [morning, afternoon] }, [new LocalDate(2026, 5, 1)]));
        Assert.NotEqual(BusinessCalendar.WeekdaysNineToFive("UTC"), BusinessCalendar.Weekdays("UTC", new LocalTime(9, 0), new LocalTime(17, 30)));
        Assert.True(a != null);
    }

    [Fact]
    public void Touching_windows_are_accepted()
    {
        // 09:00-12:00 and 12:00-17:00 touch but do not overlap: Monday 2026-01-05 in London (UTC+0) gives 8h.
        var calendar = BusinessCalendar.Create(
            "Europe/London",
            new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingWindow>> { [IsoDayOfWeek.Monday] = [new(new LocalTime(12, 0), new LocalTime(17, 0)), new(new LocalTime(9, 0), new LocalTime(12, 0))] },
            []);
        Assert.Equal(Hours(8), calendar.BusinessTime(Utc(2026, 1, 5, 0), Utc(2026, 1, 6, 0)));
        Assert.Equal(Utc(2026, 1, 5, 13), calendar.AddBusinessTime(Utc(2026, 1, 5, 9), Hours(4)));
    }
}
