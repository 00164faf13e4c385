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

    [Fact]
    public void NextReviewDue_of_the_last_ISO_date_is_out_of_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Agreement(Period.FromMonths(3)).NextReviewDue(LocalDate.MaxIsoValue));
        Assert.Equal("lastReview", e.ParamName);
        Assert.StartsWith(
            "Expected a last review whose next review (P3M later) falls on or before the end of the ISO calendar (year 9999); got 9999-12-31.",
            e.Message);
    }

    [Theory]
    [InlineData("P3M", 9999, 10, 1)]   // 10000-01-01 does not exist
    [InlineData("P1D", 9999, 12, 31)]
    [InlineData("P1W", 9999, 12, 25)]  // 9999-12-25 + 7 days = 10000-01-01
    [InlineData("P1000000Y", 2026, 1, 1)]
    [InlineData("P2147483647M", 2026, 1, 1)]
    [InlineData("P2147483647D", 2026, 1, 1)]
    public void NextReviewDue_beyond_the_calendar_is_out_of_range(string cadence, int year, int month, int day)
    {
        var agreement = Agreement(NodaTime.Text.PeriodPattern.Roundtrip.Parse(cadence).Value);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => agreement.NextReviewDue(new LocalDate(year, month, day)));
        Assert.Equal("lastReview", e.ParamName);
        Assert.Contains("falls on or before the end of the ISO calendar (year 9999)", e.Message);
    }

    [Theory]
    [InlineData("P3M", 9999, 9, 30, 9999, 12, 30)]
    [InlineData("P1W", 9999, 12, 24, 9999, 12, 31)]
    [InlineData("P1Y", 9998, 12, 31, 9999, 12, 31)]
    [InlineData("P1M", 9999, 11, 30, 9999, 12, 30)]
    [InlineData("P1Y2M3W4D", 2026, 1, 31, 2027, 4, 25)] // 2027-01-31, then 2027-03-31 (P2M), then 25 days later
    public void NextReviewDue_up_to_the_last_ISO_date_is_computed(string cadence, int year, int month, int day, int dueYear, int dueMonth, int dueDay)
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
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Rolling(AsOf, Duration.MaxValue));
        Assert.Equal("length", e.ParamName);
        Assert.StartsWith("1 window(s) of the given length ending at 2026-03-02T09:30:00Z must start no earlier than -9998-01-01T00:00:00Z; got a length of", e.Message);

        // Exactly back to the first instant is fine.
        var first = ComplianceWindows.Rolling(AsOf, AsOf - Instant.MinValue);
        Assert.Equal(new Interval(Instant.MinValue, AsOf), first);
    }

    [Fact]
    public void Aligned_with_int_MaxValue_windows_is_out_of_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceWindows.Aligned(DateTimeZone.Utc, PeriodUnit.Month, new LocalDate(2026, 1, 1), int.MaxValue));
        Assert.Equal("count", e.ParamName);
        Assert.StartsWith("The number of windows must be at most 100,000; got 2,147,483,647.", e.Message);
    }

    [Theory]
    [InlineData(PeriodUnit.Month, 9999, 12, 1, 1)]
    [InlineData(PeriodUnit.Quarter, 9999, 10, 1, 1)]
    [InlineData(PeriodUnit.Year, 9999, 1, 1, 1)]
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
        var nov = ComplianceWindows.Aligned(DateTimeZone.Utc, PeriodUnit.Month, new LocalDate(9999, 11, 15), 1);
        Assert.Equal(new Interval(Instant.FromUtc(9999, 11, 1, 0, 0), Instant.FromUtc(9999, 12, 1, 0, 0)), Assert.Single(nov));
        var years = ComplianceWindows.Aligned(DateTimeZone.Utc, PeriodUnit.Year, new LocalDate(2026, 1, 1), 7_973);
        Assert.Equal(new Interval(Instant.FromUtc(9998, 1, 1, 0, 0), Instant.FromUtc(9999, 1, 1, 0, 0)), years[^1]);
    }
}
