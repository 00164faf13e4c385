using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

public class ComplianceWindowsTests
{
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    [Fact]
    public void London_months_follow_local_midnight_across_both_DST_changes()
    {
        // Europe/London 2026: BST from 29 March to 25 October.
        // March = [1 Mar 00:00 GMT, 1 Apr 00:00 BST) = [2026-03-01T00:00Z, 2026-03-31T23:00Z): 31 days − 1 hour = 743 h.
        // October = [1 Oct 00:00 BST, 1 Nov 00:00 GMT) = [2026-09-30T23:00Z, 2026-11-01T00:00Z): 31 days + 1 hour = 745 h.
        var months = ComplianceWindows.Aligned(Zone("Europe/London"), PeriodUnit.Month, new LocalDate(2026, 1, 17), 12);
        Assert.Equal(12, months.Length);
        Assert.Equal(Instant.FromUtc(2026, 1, 1, 0, 0), months[0].Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 0, 0), months[2].Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 31, 23, 0), months[2].End);
        Assert.Equal(Duration.FromHours(743), months[2].Duration);
        Assert.Equal(Instant.FromUtc(2026, 9, 30, 23, 0), months[9].Start);
        Assert.Equal(Duration.FromHours(745), months[9].Duration);
        Assert.Equal(Instant.FromUtc(2027, 1, 1, 0, 0), months[11].End);
        for (var i = 1; i < months.Length; i++)
        {
            Assert.Equal(months[i - 1].End, months[i].Start);
        }
    }

    [Fact]
    public void New_York_quarters_start_at_local_midnight()
    {
        // Q1 2026 = [2026-01-01T00:00 EST, 2026-04-01T00:00 EDT) = [05:00Z, 04:00Z); Q4 ends 2027-01-01T05:00Z.
        var quarters = ComplianceWindows.Aligned(Zone("America/New_York"), PeriodUnit.Quarter, new LocalDate(2026, 2, 14), 4);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 1, 1, 5, 0), Instant.FromUtc(2026, 4, 1, 4, 0)), quarters[0]);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 10, 1, 4, 0), Instant.FromUtc(2027, 1, 1, 5, 0)), quarters[3]);
    }

    [Fact]
    public void A_leap_year_in_Shanghai_has_366_days()
    {
        // Asia/Shanghai is UTC+8 without DST: 2024 = [2023-12-31T16:00Z, 2024-12-31T16:00Z) = 366 × 24 h.
        var year = ComplianceWindows.Aligned(Zone("Asia/Shanghai"), PeriodUnit.Year, new LocalDate(2024, 2, 29), 1)[0];
        Assert.Equal(Instant.FromUtc(2023, 12, 31, 16, 0), year.Start);
        Assert.Equal(Duration.FromDays(366), year.Duration);
    }

    [Fact]
    public void Containing_uses_the_local_date()
    {
        // 2026-03-31T23:30Z is 1 April 00:30 BST in London, so it lies in the April window.
        var april = ComplianceWindows.Containing(Zone("Europe/London"), PeriodUnit.Month, Instant.FromUtc(2026, 3, 31, 23, 30));
        Assert.Equal(new Interval(Instant.FromUtc(2026, 3, 31, 23, 0), Instant.FromUtc(2026, 4, 30, 23, 0)), april);

        // The same instant is still in March in New York (19:30 EDT), and in Q1.
        var q1 = ComplianceWindows.Containing(Zone("America/New_York"), PeriodUnit.Quarter, Instant.FromUtc(2026, 3, 31, 23, 30));
        Assert.Equal(Instant.FromUtc(2026, 4, 1, 4, 0), q1.End);
    }

    [Fact]
    public void Rolling_windows_end_at_the_given_instant_oldest_first()
    {
        var end = Instant.FromUtc(2026, 3, 10, 0, 0);
        var windows = ComplianceWindows.Rolling(end, Duration.FromDays(1), 3);
        Assert.Equal(
            [
                new Interval(Instant.FromUtc(2026, 3, 7, 0, 0), Instant.FromUtc(2026, 3, 8, 0, 0)),
                new Interval(Instant.FromUtc(2026, 3, 8, 0, 0), Instant.FromUtc(2026, 3, 9, 0, 0)),
                new Interval(Instant.FromUtc(2026, 3, 9, 0, 0), end),
            ],
            windows.ToArray());
        Assert.Equal(new Interval(end - Duration.FromDays(30), end), ComplianceWindows.Rolling(end, Duration.FromDays(30)));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var count = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Aligned(Zone("UTC"), PeriodUnit.Month, new LocalDate(2026, 1, 1), 0));
        Assert.Equal("count", count.ParamName);
        Assert.StartsWith("The number of windows must be positive; got 0.", count.Message);

        var unit = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Aligned(Zone("UTC"), (PeriodUnit)9, new LocalDate(2026, 1, 1), 1));
        Assert.Equal("unit", unit.ParamName);
        Assert.StartsWith("Expected Month, Quarter or Year; got 9.", unit.Message);

        var length = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Rolling(Instant.FromUtc(2026, 1, 1, 0, 0), Duration.Zero));
        Assert.Equal("length", length.ParamName);
        Assert.StartsWith("A rolling window's length must be positive; got 0:00:00:00.", length.Message);

        var rollingCount = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Rolling(Instant.FromUtc(2026, 1, 1, 0, 0), Duration.FromDays(1), -2));
        Assert.Equal("count", rollingCount.ParamName);
        Assert.StartsWith("The number of windows must be positive; got -2.", rollingCount.Message);

        Assert.Throws<ArgumentNullException>(() => ComplianceWindows.Containing(null!, PeriodUnit.Month, Instant.FromUtc(2026, 1, 1, 0, 0)));
    }
}
