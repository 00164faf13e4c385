using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Tests.Agreements;

public class ObjectiveTests
{
    [Fact]
    public void Time_objective_defaults_to_half_and_three_quarter_warnings()
    {
        var o = TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.95);
        Assert.Equal(ObjectiveKind.Resolution, o.Kind);
        Assert.Equal(Duration.FromHours(8), o.Within);
        Assert.Equal(0.95, o.Target);
        Assert.Equal([0.5, 0.75], o.WarningThresholds.ToArray());
    }

    [Fact]
    public void Time_objectives_compare_by_value()
    {
        var a = new TimeObjective(ObjectiveKind.FirstResponse, Duration.FromHours(1), 0.9, [0.6, 0.9]);
        var b = new TimeObjective(ObjectiveKind.FirstResponse, Duration.FromHours(1), 0.9, [0.6, 0.9]);
        var c = new TimeObjective(ObjectiveKind.FirstResponse, Duration.FromHours(1), 0.9, [0.6]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(1.0, "Target ratio must be in [0, 1); got 1.")]
    [InlineData(1.5, "Target ratio must be in [0, 1); got 1.5.")]
    [InlineData(-0.01, "Target ratio must be in [0, 1); got -0.01.")]
    public void Time_objective_rejects_target_out_of_range(double target, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TimeObjective.ResolutionWithin(Duration.FromHours(8), target));
        Assert.Equal("target", ex.ParamName);
        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public void Target_zero_is_allowed()
    {
        Assert.Equal(0.0, TimeObjective.ResolutionWithin(Duration.FromHours(8), 0).Target);
    }

    [Theory]
    [InlineData(0L, "Allowed business time must be positive; got 0:00:00:00.")]
    [InlineData(-60L, "Allowed business time must be positive; got -0:00:01:00.")]
    public void Time_objective_rejects_non_positive_allowed_time(long seconds, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TimeObjective.FirstResponseWithin(Duration.FromSeconds(seconds), 0.9));
        Assert.Equal("within", ex.ParamName);
        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public void Time_objective_rejects_satisfaction_kind()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TimeObjective(ObjectiveKind.Satisfaction, Duration.FromHours(1), 0.9));
        Assert.Equal("kind", ex.ParamName);
        Assert.StartsWith("A time objective must be FirstResponse or Resolution; got Satisfaction.", ex.Message);
    }

    [Theory]
    [InlineData(new[] { 0.75, 0.5 }, "[0.75, 0.5]")]
    [InlineData(new[] { 0.0, 0.5 }, "[0, 0.5]")]
    [InlineData(new[] { 0.5, 1.25 }, "[0.5, 1.25]")]
    [InlineData(new[] { 0.5, 0.5 }, "[0.5, 0.5]")]
    public void Time_objective_rejects_bad_thresholds(double[] thresholds, string shown)
    {
        var ex = Assert.Throws<ArgumentException>(() => new TimeObjective(ObjectiveKind.Resolution, Duration.FromHours(1), 0.9, thresholds));
        Assert.Equal("warningThresholds", ex.ParamName);
        Assert.StartsWith($"Warning thresholds must be fractions in (0, 1], strictly increasing; got {shown}.", ex.Message);
    }

    [Fact]
    public void Satisfaction_objective_judges_csat_against_its_target()
    {
        // CSAT ≥ 80%: 170 satisfied of 200 = 85% → met; budget: allowed bad 0.2 × 200 = 40, bad 30,
        // remaining (0.2 − 0.15)/0.2 = 0.25.
        var o = new SatisfactionObjective(0.8);
        var judged = o.Judge(170, 200);
        Assert.True(judged.IsMet);
        Assert.Equal(0.85, judged.Compliance!.Value, 12);
        Assert.Equal(30, judged.Breached);
        Assert.Equal(0.25, judged.Remaining, 12);

        Assert.False(o.Judge(150, 200).IsMet);
    }

    [Fact]
    public void Satisfaction_objective_rejects_bad_input()
    {
        var t = Assert.Throws<ArgumentOutOfRangeException>(() => new SatisfactionObjective(1.0));
        Assert.Equal("target", t.ParamName);
        Assert.StartsWith("Target ratio must be in [0, 1); got 1.", t.Message);

        var o = new SatisfactionObjective(0.8);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => o.Judge(0, -1));
        Assert.Equal("responses", r.ParamName);
        Assert.StartsWith("The number of responses must be >= 0; got -1.", r.Message);

        var s = Assert.Throws<ArgumentOutOfRangeException>(() => o.Judge(11, 10));
        Assert.Equal("satisfied", s.ParamName);
        Assert.StartsWith("The number of satisfied responses must be in [0, 10]; got 11.", s.Message);
    }
}
