using InternalCustomer.Agreements;

namespace InternalCustomer.Tests.Agreements;

public class ErrorBudgetTests
{
    // Reference: Google SRE Workbook, ch. 5 "Alerting on SLOs", the table of burn rates for a 99.9% SLO over
    // 30 days: an error rate of 0.1% is burn rate 1 (budget lasts 30 days), 0.2% is 2 (15 days),
    // 1% is 10 (3 days) and 100% is 1000 (43 minutes).
    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 2.0)]
    [InlineData(10, 10.0)]
    [InlineData(1000, 1000.0)]
    public void Burn_rate_matches_the_SRE_workbook_table(long breached, double expected)
    {
        var budget = new ErrorBudget(0.999, 1000, breached);
        Assert.Equal(expected, budget.BurnRate, 9);

        // Time to exhaust a 30-day budget = 30 days / burn rate: 43.2 minutes at 1000×.
        Assert.Equal(30.0 * 24 * 60 / expected, 30.0 * 24 * 60 / budget.BurnRate, 6);
    }

    [Fact]
    public void Worked_example_95_percent_target()
    {
        // target 0.95, 200 decided, 4 breached:
        // allowed breached = 0.05 × 200 = 10; breached ratio = 4/200 = 0.02;
        // remaining = (0.05 − 0.02) / 0.05 = 0.6; burn rate = 0.02 / 0.05 = 0.4; compliance = 196/200 = 0.98.
        var budget = new ErrorBudget(0.95, 200, 4);
        Assert.Equal(10.0, budget.AllowedBreached, 12);
        Assert.Equal(0.6, budget.Remaining, 12);
        Assert.Equal(0.4, budget.BurnRate, 12);
        Assert.Equal(0.98, budget.Compliance!.Value, 12);
        Assert.Equal(196, budget.Met);
        Assert.True(budget.IsMet);
    }

    [Fact]
    public void Overspent_budget_is_negative()
    {
        // target 0.9, 50 decided, 10 breached: (0.1 − 0.2) / 0.1 = −1 (twice the budget spent); burn rate 2.
        var budget = new ErrorBudget(0.9, 50, 10);
        Assert.Equal(-1.0, budget.Remaining, 12);
        Assert.Equal(2.0, budget.BurnRate, 12);
        Assert.False(budget.IsMet);
    }

    [Fact]
    public void Nothing_decided_spends_nothing()
    {
        var budget = new ErrorBudget(0.99, 0, 0);
        Assert.Equal(1.0, budget.Remaining);
        Assert.Equal(0.0, budget.BurnRate);
        Assert.Null(budget.Compliance);
        Assert.True(budget.IsMet);
        Assert.Equal(0.0, budget.AllowedBreached);
    }

    [Theory]
    [InlineData(1.0, "Target ratio must be in [0, 1); got 1.")]
    [InlineData(1.2, "Target ratio must be in [0, 1); got 1.2.")]
    [InlineData(-0.1, "Target ratio must be in [0, 1); got -0.1.")]
    [InlineData(double.NaN, "Target ratio must be in [0, 1); got NaN.")]
    public void Target_out_of_range_is_rejected(double target, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ErrorBudget(target, 10, 1));
        Assert.Equal("target", ex.ParamName);
        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public void Negative_decided_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ErrorBudget(0.9, -1, 0));
        Assert.Equal("decided", ex.ParamName);
        Assert.StartsWith("The number of decided events must be >= 0; got -1.", ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Breached_outside_decided_is_rejected(long breached)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ErrorBudget(0.9, 10, breached));
        Assert.Equal("breached", ex.ParamName);
        Assert.StartsWith($"The number of breached events must be in [0, 10]; got {breached}.", ex.Message);
    }
}
