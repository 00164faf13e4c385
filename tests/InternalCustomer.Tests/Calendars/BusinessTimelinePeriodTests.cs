using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Tests.Calendars;

/// <summary>
/// The timeline's 400-year repeat, checked minute by minute. From 2100 on, a zone's rules recur every 400 years and the
/// timeline adds whole periods instead of walking transitions; each period carries a shift (<c>_periodK</c>) equal to the
/// working time the period's transitions skip or repeat. For a window every day from 02:00 to 03:00 in America/New_York
/// that shift is not zero: each spring the clocks jump from 02:00 to 03:00 and the hour is lost; each autumn they fall back
/// from 02:00 to 01:00, so 02:00-03:00 happens once and nothing is gained. Dropping the shift, or the period count, moves
/// every answer after 2500 by hours, which the reference here (one <see cref="Instant.InZone(DateTimeZone)"/> per minute,
/// no tables) sees. The supported range of the public API ends in 2201, so this is tested on the internal timeline, up to
/// <see cref="SupportedRange.ComputationLimit"/>, which the calendars compute to. Written against the Stryker.NET survivor
/// "dropping <c>+ periods * _periodK</c>" (issue 15, docs/robustness.md).
/// </summary>
public sealed class BusinessTimelinePeriodTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly WorkingWindow TwoToThree = new(new LocalTime(2, 0), new LocalTime(3, 0));

    private static BusinessTimeline Timeline() =>
        new(NewYork, [.. Enumerable.Repeat<IReadOnlyList<WorkingWindow>>([TwoToThree], 7)], []);

    [Theory]
    [InlineData(2150, 3, 1)] // before the periodic part: no whole periods
    [InlineData(2650, 3, 1)] // one period in, spring
    [InlineData(2650, 10, 20)] // one period in, autumn
    [InlineData(3333, 3, 1)]
    [InlineData(8899, 10, 20)] // near the computation limit, 17 periods in
    public void Business_time_across_a_transition_matches_minute_stepping(int year, int month, int day)
    {
        var start = Instant.FromUtc(year, month, day, 0, 0);
        var end = start + Duration.FromDays(30);
        Assert.Equal(Stepped(start, end), Timeline().BusinessTime(start, end));
    }

    [Theory]
    [InlineData(2150, 3, 1)]
    [InlineData(2650, 3, 1)]
    [InlineData(2650, 10, 20)]
    [InlineData(3333, 3, 1)]
    [InlineData(8899, 10, 20)]
    public void Adding_business_time_across_a_transition_matches_minute_stepping(int year, int month, int day)
    {
        var start = Instant.FromUtc(year, month, day, 0, 0);
        var timeline = Timeline();
        foreach (var minutes in new[] { 1, 59, 60, 61, 600, 1500 })
        {
            var expected = SteppedAdd(start, minutes);
            Assert.Equal(expected, timeline.Add(start, (Int128)Duration.FromMinutes(minutes).ToInt64Nanoseconds(), "amount"));
        }
    }

    [Fact]
    public void A_period_shifts_working_time_by_the_springs_lost_hours()
    {
        // Across exactly 400 years of the periodic part, 400 spring hours are lost and no autumn hour is gained: the span
        // holds 146,097 days, so 146,097 - 400 working hours.
        var start = Instant.FromUtc(2650, 1, 15, 12, 0);
        var end = Instant.FromUtc(3050, 1, 15, 12, 0);
        Assert.Equal(Duration.FromHours(146_097 - 400), Timeline().BusinessTime(start, end));
    }

    private static Duration Stepped(Instant start, Instant end)
    {
        var minutes = 0L;
        for (var t = start; t < end; t += Duration.FromMinutes(1))
        {
            minutes += Works(t) ? 1 : 0;
        }

        return Duration.FromMinutes(minutes);
    }

    private static Instant SteppedAdd(Instant start, int minutes)
    {
        var t = start;
        while (true)
        {
            if (Works(t) && --minutes == 0)
            {
                return t + Duration.FromMinutes(1);
            }

            t += Duration.FromMinutes(1);
        }
    }

    private static bool Works(Instant minute) => TwoToThree.Contains(minute.InZone(NewYork).TimeOfDay);
}
