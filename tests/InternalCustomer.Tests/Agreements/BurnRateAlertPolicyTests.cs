using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

public class BurnRateAlertPolicyTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 10, 12, 0);

    [Fact]
    public void The_SRE_workbook_table_for_a_30_day_window()
    {
        // Google SRE Workbook, ch. 5 "Alerting on SLOs", recommended thresholds: 2% of the budget in 1 hour
        // (burn 14.4 = 0.02 × 720 h / 1 h), 5% in 6 hours (6), 10% in 3 days (1); plus 3× over 1 day (10%).
        var policy = BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(30));
        Assert.Equal(
            [
                new BurnRateAlertRule(AlertSeverity.Page, 14.4, Duration.FromHours(1), Duration.FromMinutes(5)),
                new BurnRateAlertRule(AlertSeverity.Page, 6, Duration.FromHours(6), Duration.FromMinutes(30)),
                new BurnRateAlertRule(AlertSeverity.Ticket, 3, Duration.FromDays(1), Duration.FromHours(2)),
                new BurnRateAlertRule(AlertSeverity.Ticket, 1, Duration.FromDays(3), Duration.FromHours(6)),
            ],
            policy.Rules.ToArray());
        Assert.Equal([0.02, 0.05, 0.1, 0.1], policy.Rules.Select(r => Math.Round(policy.BudgetSpentWhenFiring(r), 12)));
    }

    [Fact]
    public void Windows_scale_with_the_SLO_window_and_thresholds_stay()
    {
        // 28 days: every window × 28/30. 1 h → 56 min; 5 min → 4 min 40 s; 6 h → 5 h 36 min; 30 min → 28 min;
        // 1 d → 22 h 24 min; 2 h → 1 h 52 min; 3 d → 67 h 12 min. The budget share at firing is unchanged.
        var policy = BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(28));
        Assert.Equal(
            [
                (Duration.FromMinutes(56), Duration.FromSeconds(280)),
                (Duration.FromMinutes(336), Duration.FromMinutes(28)),
                (Duration.FromMinutes(1344), Duration.FromMinutes(112)),
                (Duration.FromMinutes(4032), Duration.FromMinutes(336)),
            ],
            policy.Rules.Select(r => (r.LongWindow, r.ShortWindow)));
        Assert.Equal([14.4, 6, 3, 1], policy.Rules.Select(r => r.BurnRate));
        Assert.Equal([0.02, 0.05, 0.1, 0.1], policy.Rules.Select(r => Math.Round(policy.BudgetSpentWhenFiring(r), 12)));

        // 7 days: 1 h × 7/30 = 14 min.
        Assert.Equal(Duration.FromMinutes(14), BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(7)).Rules[0].LongWindow);
    }

    [Fact]
    public void Evaluates_both_windows_of_every_rule()
    {
        // Target 99.9% (budget 0.1%). Decisions before asOf:
        //   100 at −1 min (2 breached), 900 at −30 min (13 breached), 5000 at −3 h (0 breached),
        //   1 at asOf itself (excluded: look-backs are [asOf − L, asOf)), 1 breached at −3 d −1 s (outside all).
        // 5 min: 100, 2 bad → 0.02/0.001 = 20;   1 h: 1000, 15 bad → 15  → rule 1 (14.4) fires.
        // 30 min: 1000, 15 → 15;  6 h: 6000, 15 → 2.5  → rule 2 (6) does not fire.
        // 2 h: 15;  1 d: 2.5  → rule 3 (3) does not fire.
        // 6 h: 2.5; 3 d: 6000, 15 → 2.5 → rule 4 (1) fires.
        var evaluations = new List<ObjectiveEvaluation>();
        void Add(int count, int bad, Duration ago)
        {
            for (var i = 0; i < count; i++)
            {
                evaluations.Add(ComplianceReportTests.Decided(i < bad ? SlaState.Breached : SlaState.Met, AsOf - ago));
            }
        }

        Add(100, 2, Duration.FromMinutes(1));
        Add(900, 13, Duration.FromMinutes(30));
        Add(5000, 0, Duration.FromHours(3));
        Add(1, 0, Duration.Zero);
        Add(1, 1, Duration.FromDays(3) + Duration.FromSeconds(1));
        evaluations.Add(ComplianceReportTests.Undecided(SlaState.AtRisk));

        var alerts = BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(30)).Evaluate(evaluations.ToArray(), 0.999, AsOf);

        Assert.Equal([true, false, false, true], alerts.Select(a => a.IsFiring));
        Assert.Equal((1000L, 15L), (alerts[0].LongWindow.Decided, alerts[0].LongWindow.Breached));
        Assert.Equal(15.0, alerts[0].LongWindow.BurnRate, 9);
        Assert.Equal(20.0, alerts[0].ShortWindow.BurnRate, 9);
        Assert.Equal(2.5, alerts[1].LongWindow.BurnRate, 9);
        Assert.Equal(15.0, alerts[1].ShortWindow.BurnRate, 9);
        Assert.Equal(6000, alerts[3].LongWindow.Decided);
    }

    [Fact]
    public void No_decisions_never_fire()
    {
        var alerts = BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(30)).Evaluate([], 0.99, AsOf);
        Assert.All(alerts, a => Assert.False(a.IsFiring));
    }

    [Fact]
    public void Bad_rules_and_policies_are_rejected()
    {
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new BurnRateAlertRule(AlertSeverity.Page, 0, Duration.FromHours(1), Duration.FromMinutes(5)));
        Assert.Equal("burnRate", rate.ParamName);
        Assert.StartsWith("A burn-rate threshold must be a positive finite number; got 0.", rate.Message);

        var longWindow = Assert.Throws<ArgumentOutOfRangeException>(() => new BurnRateAlertRule(AlertSeverity.Page, 1, Duration.FromHours(-1), Duration.FromMinutes(5)));
        Assert.Equal("longWindow", longWindow.ParamName);
        Assert.StartsWith("The long window must be positive; got -0:01:00:00.", longWindow.Message);

        var shortWindow = Assert.Throws<ArgumentOutOfRangeException>(() => new BurnRateAlertRule(AlertSeverity.Page, 1, Duration.FromHours(1), Duration.FromHours(2)));
        Assert.Equal("shortWindow", shortWindow.ParamName);
        Assert.StartsWith("The short window must be positive and at most the long window (0:01:00:00); got 0:02:00:00.", shortWindow.Message);

        var severity = Assert.Throws<ArgumentOutOfRangeException>(() => new BurnRateAlertRule((AlertSeverity)7, 1, Duration.FromHours(1), Duration.FromHours(1)));
        Assert.Equal("severity", severity.ParamName);

        var slo = Assert.Throws<ArgumentOutOfRangeException>(() => BurnRateAlertPolicy.SreWorkbook(Duration.FromMinutes(59)));
        Assert.Equal("sloWindow", slo.ParamName);
        Assert.StartsWith("The SLO window must be at least 1 hour; got 0:00:59:00.", slo.Message);

        var empty = Assert.Throws<ArgumentException>(() => new BurnRateAlertPolicy(Duration.FromDays(30), []));
        Assert.Equal("rules", empty.ParamName);
        Assert.StartsWith("A policy needs at least one rule and no null rules; got 0 rule(s).", empty.Message);

        var tooLong = Assert.Throws<ArgumentException>(() => new BurnRateAlertPolicy(
            Duration.FromDays(1), [new BurnRateAlertRule(AlertSeverity.Ticket, 1, Duration.FromDays(3), Duration.FromHours(6))]));
        Assert.Equal("rules", tooLong.ParamName);
        Assert.StartsWith("A rule's long window must not exceed the SLO window (1:00:00:00); got 3:00:00:00.", tooLong.Message);

        var target = Assert.Throws<ArgumentOutOfRangeException>(() => BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(30)).Evaluate([], 1.0, AsOf));
        Assert.Equal("target", target.ParamName);
    }
}
