using System.Numerics;
using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

/// <summary>
/// Regression tests for issue 15, "What was found" 6, in the agreements namespace: each input named there threw an
/// undocumented exception or ran out of memory; each now succeeds or throws a documented <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public class EntryPointLimitTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 2, 9, 30);

    private static ServiceAgreement Agreement(Period cadence) =>
        new(
            AgreementId.Parse("it-payroll"),
            DepartmentId.Parse("it"),
            DepartmentId.Parse("payroll"),
            [ServiceId.Parse("laptops")],
            CalendarId.Parse("london-office"),
            new LocalDate(2026, 1, 1),
            null,
            cadence,
            TimeObjective.FirstResponseWithin(Duration.FromHours(1), 0.9));

    // The inputs of issue 15 ("What was found" 6 and 3): NextReviewDue(LocalDate.MaxIsoValue) threw an undocumented exception,
    // and the cadences P1000000Y and P2147483647M were accepted and crashed Scorecard.FeedbackOverdue later. Dates now lie in the
    // supported range (1900-01-01 to 2200-12-31) and cadences are at most 100 years, so the next review is at most 2300-12-31.
    [Fact]
    public void NextReviewDue_of_the_last_ISO_date_is_out_of_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Agreement(Period.FromMonths(3)).NextReviewDue(LocalDate.MaxIsoValue));
        Assert.Equal("lastReview", e.ParamName);
        Assert.StartsWith(
            "Expected a last review from 1900-01-01 to 2200-12-31 (both inclusive), the range the library supports; got 9999-12-31.",
            e.Message);
    }

    [Theory]
    [InlineData(9999, 10, 1)]
    [InlineData(9999, 12, 25)]
    [InlineData(2201, 1, 1)]
    [InlineData(1899, 12, 31)]
    public void NextReviewDue_outside_the_supported_dates_is_out_of_range(int year, int month, int day)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Agreement(Period.FromWeeks(1)).NextReviewDue(new LocalDate(year, month, day)));
        Assert.Equal("lastReview", e.ParamName);
        Assert.Contains($"from 1900-01-01 to 2200-12-31 (both inclusive), the range the library supports; got {year:0000}-{month:00}-{day:00}.", e.Message);
    }

    [Theory]
    [InlineData("P1000000Y")]
    [InlineData("P2147483647M")]
    [InlineData("P2147483647D")]
    [InlineData("P101Y")]
    [InlineData("P1201M")]
    [InlineData("P36526D")]
    [InlineData("P5218W")]
    [InlineData("P50Y18263D")]
    public void A_cadence_longer_than_100_years_is_out_of_range(string cadence)
    {
        var period = NodaTime.Text.PeriodPattern.Roundtrip.Parse(cadence).Value;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Agreement(period));
        Assert.Equal("reviewCadence", e.ParamName);
        Assert.StartsWith($"Expected a review cadence of at most 100 years (P100Y, P1200M or P36525D;", e.Message);
        Assert.Contains($"got {cadence}.", e.Message);
    }

    [Theory]
    [InlineData("P100Y", 2200, 12, 31, 2300, 12, 31)]
    [InlineData("P1200M", 2200, 12, 31, 2300, 12, 31)]
    [InlineData("P36525D", 2200, 12, 31, 2301, 1, 1)]     // 100 × 365 days + 24 leap days (2204, …, 2296; 2300 is none) = 36,524, one more
    [InlineData("P5217W", 2200, 12, 31, 2300, 12, 26)]    // 36,519 days, five fewer than to 2300-12-31
    [InlineData("P50Y18262D", 2200, 12, 31, 2300, 12, 31)] // 2250-12-31 + 18,262 days (12 leap days from 2252 to 2296)
    [InlineData("P3M", 1900, 1, 1, 1900, 4, 1)]
    [InlineData("P1Y2M3W4D", 2026, 1, 31, 2027, 4, 25)] // 2027-01-31, then 2027-03-31 (P2M), then 25 days later
    public void NextReviewDue_up_to_the_edges_of_the_supported_range_is_computed(string cadence, int year, int month, int day, int dueYear, int dueMonth, int dueDay)
    {
        var agreement = Agreement(NodaTime.Text.PeriodPattern.Roundtrip.Parse(cadence).Value);
        Assert.Equal(new LocalDate(dueYear, dueMonth, dueDay), agreement.NextReviewDue(new LocalDate(year, month, day)));
    }

    [Fact]
    public void SreWorkbook_of_the_longest_duration_scales_every_window()
    {
        // Duration.MaxValue is 2^24 days less one nanosecond; each look-back is window × max / 30 days, truncated.
        var max = (new BigInteger(1) << 24) * 86_400_000_000_000 - 1;
        var thirtyDays = new BigInteger(30) * 86_400_000_000_000;
        var policy = BurnRateAlertPolicy.SreWorkbook(Duration.MaxValue);
        Assert.Equal(Duration.MaxValue, policy.SloWindow);
        (long Long, long Short)[] hours = [(3_600, 300), (21_600, 1_800), (86_400, 7_200), (259_200, 21_600)];
        for (var r = 0; r < 4; r++)
        {
            Assert.Equal(Duration.FromNanoseconds(hours[r].Long * 1_000_000_000L * max / thirtyDays), policy.Rules[r].LongWindow);
            Assert.Equal(Duration.FromNanoseconds(hours[r].Short * 1_000_000_000L * max / thirtyDays), policy.Rules[r].ShortWindow);
        }

        // 14.4 × (1 h / 30 d) = 0.02 of the budget, as for a 30-day window.
        Assert.Equal(0.02, policy.BudgetSpentWhenFiring(policy.Rules[0]), 12);

        // The longest look-back is max / 10 ≈ 1.68 million days (about 4,593 years), so it still starts inside the
        // instant range from 2026 and the policy evaluates.
        var alerts = policy.Evaluate([], 0.99, AsOf);
        Assert.Equal(4, alerts.Length);
        Assert.All(alerts, a => Assert.False(a.IsFiring));
    }

    [Fact]
    public void Rolling_with_int_MaxValue_windows_is_out_of_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Rolling(AsOf, Duration.FromDays(1), int.MaxValue));
        Assert.Equal("count", e.ParamName);
        Assert.StartsWith("The number of windows must be at most 100,000; got 2,147,483,647.", e.Message);
    }

    [Fact]
    public void Rolling_with_100000_windows_is_built()
    {
        var windows = ComplianceWindows.Rolling(AsOf, Duration.FromHours(1), 100_000);
        Assert.Equal(100_000, windows.Length);
        Assert.Equal(new Interval(AsOf - Duration.FromHours(100_000), AsOf - Duration.FromHours(99_999)), windows[0]);
        Assert.Equal(new Interval(AsOf - Duration.FromHours(1), AsOf), windows[^1]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Rolling(AsOf, Duration.FromHours(1), 100_001));
        Assert.StartsWith("The number of windows must be at most 100,000; got 100,001.", e.Message);
    }

    [Fact]
    public void Rolling_windows_that_would_start_before_the_first_instant_are_out_of_range()
    {
        // 100,000 windows of 100 years reach back ten million years, before NodaTime's first instant.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Rolling(AsOf, SupportedRange.MaxDuration, 100_000));
        Assert.Equal("length", e.ParamName);
        Assert.StartsWith("100000 window(s) of the given length ending at 2026-03-02T09:30:00Z must start no earlier than -9998-01-01T00:00:00Z; got a length of", e.Message);

        // 100 years back from 2026 is fine.
        var first = ComplianceWindows.Rolling(AsOf, SupportedRange.MaxDuration);
        Assert.Equal(new Interval(AsOf - Duration.FromDays(36_525), AsOf), first);
    }

    [Fact]
    public void Rolling_windows_longer_than_100_years_or_ending_outside_the_range_are_out_of_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Rolling(AsOf, Duration.MaxValue));
        Assert.Equal("length", e.ParamName);
        Assert.StartsWith("Expected a rolling window's length of at most 36525 days (100 years; PT876600H), the longest the library supports; got", e.Message);

        var end = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Rolling(Instant.MaxValue, Duration.FromDays(1)));
        Assert.Equal("end", end.ParamName);
        Assert.StartsWith("Expected a window end from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports; got 9999-12-31T23:59:59.999999999Z.", end.Message);
    }

    [Fact]
    public void Aligned_with_int_MaxValue_windows_is_out_of_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Aligned(DateTimeZone.Utc, PeriodUnit.Month, new LocalDate(2026, 1, 1), int.MaxValue));
        Assert.Equal("count", e.ParamName);
        Assert.StartsWith("The number of windows must be at most 100,000; got 2,147,483,647.", e.Message);
    }

    [Theory]
    [InlineData(PeriodUnit.Month, 9999, 12, 1)]
    [InlineData(PeriodUnit.Quarter, 9999, 10, 1)]
    [InlineData(PeriodUnit.Year, 2201, 1, 1)]
    [InlineData(PeriodUnit.Year, 1899, 12, 31)]
    public void Aligned_windows_from_a_date_outside_the_range_are_out_of_range(PeriodUnit unit, int year, int month, int day)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Aligned(DateTimeZone.Utc, unit, new LocalDate(year, month, day), 1));
        Assert.Equal("first", e.ParamName);
        Assert.StartsWith($"Expected a first window's date from 1900-01-01 to 2200-12-31 (both inclusive), the range the library supports; got {year:0000}-{month:00}-{day:00}.", e.Message);
    }

    [Theory]
    [InlineData(PeriodUnit.Month, 2026, 1, 1, 100_000)] // 2026 + 8,333 years
    [InlineData(PeriodUnit.Year, 2026, 1, 1, 7_974)]    // would end on 10000-01-01
    public void Aligned_windows_that_would_end_after_the_calendar_are_out_of_range(PeriodUnit unit, int year, int month, int day, int count)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Aligned(DateTimeZone.Utc, unit, new LocalDate(year, month, day), count));
        Assert.Equal("count", e.ParamName);
        Assert.Contains("must end within the ISO calendar (which ends in the year 9999)", e.Message);
    }

    [Fact]
    public void Aligned_windows_up_to_the_last_month_of_the_calendar_are_built()
    {
        var dec = ComplianceWindows.Aligned(DateTimeZone.Utc, PeriodUnit.Month, new LocalDate(2200, 12, 15), 1);
        Assert.Equal(new Interval(Instant.FromUtc(2200, 12, 1, 0, 0), Instant.FromUtc(2201, 1, 1, 0, 0)), Assert.Single(dec));
        var years = ComplianceWindows.Aligned(DateTimeZone.Utc, PeriodUnit.Year, new LocalDate(2026, 1, 1), 7_973);
        Assert.Equal(new Interval(Instant.FromUtc(9998, 1, 1, 0, 0), Instant.FromUtc(9999, 1, 1, 0, 0)), years[^1]);
    }
}
