using InternalCustomer.Feedback;
using NodaTime;

namespace InternalCustomer.Tests.Feedback;

/// <summary>
/// Regression tests for issue 15, "What was found" 6: <c>FeedbackGrouping.PeriodOf(LocalDate.MaxIsoValue, unit)</c>
/// threw (the period's end was computed as the next period's start minus a day, a date after the ISO calendar's end).
/// </summary>
public class PeriodOfLimitTests
{
    [Theory]
    [InlineData(PeriodUnit.Month, 9999, 12, 1)]
    [InlineData(PeriodUnit.Quarter, 9999, 10, 1)]
    [InlineData(PeriodUnit.Year, 9999, 1, 1)]
    public void The_period_of_the_last_ISO_date_ends_on_it(PeriodUnit unit, int year, int month, int day)
    {
        Assert.Equal(new DateInterval(new LocalDate(year, month, day), LocalDate.MaxIsoValue), FeedbackGrouping.PeriodOf(LocalDate.MaxIsoValue, unit));
    }

    [Theory]
    [InlineData(PeriodUnit.Month, -9998, 1, 31)]
    [InlineData(PeriodUnit.Quarter, -9998, 3, 31)]
    [InlineData(PeriodUnit.Year, -9998, 12, 31)]
    public void The_period_of_the_first_ISO_date_starts_on_it(PeriodUnit unit, int year, int month, int day)
    {
        Assert.Equal(new DateInterval(LocalDate.MinIsoValue, new LocalDate(year, month, day)), FeedbackGrouping.PeriodOf(LocalDate.MinIsoValue, unit));
    }

    [Fact]
    public void Quarters_and_leap_Februaries_end_on_their_last_day()
    {
        Assert.Equal(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31)), FeedbackGrouping.PeriodOf(new LocalDate(2024, 2, 29), PeriodUnit.Quarter));
        Assert.Equal(new DateInterval(new LocalDate(2100, 2, 1), new LocalDate(2100, 2, 28)), FeedbackGrouping.PeriodOf(new LocalDate(2100, 2, 14), PeriodUnit.Month));
        Assert.Equal(new DateInterval(new LocalDate(2026, 7, 1), new LocalDate(2026, 9, 30)), FeedbackGrouping.PeriodOf(new LocalDate(2026, 9, 30), PeriodUnit.Quarter));
    }
}
