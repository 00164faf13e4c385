using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

public sealed partial class BusinessCalendarTests
{
    [Theory]
    [InlineData("America/New_York", 2437)]
    [InlineData("Australia/Lord_Howe", 2861)]
    [InlineData("Europe/London", 8921)]
    [InlineData("America/Sao_Paulo", 2018)]
    public void Far_future_and_past_agree_with_minute_stepping_around_the_changes(string zone, int year)
    {
        // Beyond 2100 the tables repeat every 400 years; each DST change of the year must still match the rule.
        var calendar = Daily(zone, new LocalTime(0, 30), new LocalTime(3, 15))
            .WithHolidays([new LocalDate(1900, 1, 1)]);
        var tz = calendar.Zone;
        var t = Instant.FromUtc(year, 1, 1, 0, 0);
        for (var k = 0; k < 2; k++)
        {
            var change = tz.GetZoneInterval(t).End;
            var start = change - Duration.FromDays(2);
            var end = change + Duration.FromDays(2);
            Assert.Equal(MinuteSteppingCalendar.BusinessTime(calendar, start, end), calendar.BusinessTime(start, end));
            var d = Duration.FromMinutes(400);
            Assert.Equal(MinuteSteppingCalendar.AddBusinessMinutes(calendar, start, 400, end), calendar.AddBusinessTime(start, d));
            t = change;
        }
    }

    [Fact]
    public void Whole_range_of_instants()
    {
        // A calendar computes with instants from the supported range's start to the computation limit (deadlines may lie past
        // the supported instants), and adds at most 100 years of business time.
        var always = BusinessCalendar.AlwaysOpen("America/New_York");
        Assert.Equal(SupportedRange.ComputationLimit - SupportedRange.MinInstant, always.BusinessTime(SupportedRange.MinInstant, SupportedRange.ComputationLimit));
        Assert.Equal(SupportedRange.MinInstant + Duration.FromDays(36_525), always.AddBusinessTime(SupportedRange.MinInstant, SupportedRange.MaxDuration));
        Assert.Equal(SupportedRange.ComputationLimit, always.AddBusinessTime(SupportedRange.ComputationLimit - SupportedRange.MaxDuration, SupportedRange.MaxDuration));

        // Weekdays 09:00-17:00 over 10 years from 2020-01-01 (Wednesday) in Shanghai (UTC+8, no DST):
        // 3653 days = 521 weeks + 6 days (Wed..Mon: 4 weekdays) => (521 x 5 + 4) x 8h = 2609 x 8h = 20872h.
        var calendar = BusinessCalendar.WeekdaysNineToFive("Asia/Shanghai");
        var start = AtOffset(2020, 1, 1, 0, 0, 480);
        var end = AtOffset(2030, 1, 1, 0, 0, 480);
        Assert.Equal(Duration.FromHours(20872), calendar.BusinessTime(start, end));
        Assert.Equal(AtOffset(2029, 12, 31, 17, 0, 480), calendar.AddBusinessTime(start, Duration.FromHours(20872)));
    }
}
