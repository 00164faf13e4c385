using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

public sealed class DifferenceInDifferencesTests
{
    // The reference is R's lm with the interaction term:
    // did <- function(tb, ta, cb, ca, lev = 0.95) {
    //   y <- c(tb, ta, cb, ca)
    //   treated <- rep(c(1, 1, 0, 0), c(length(tb), length(ta), length(cb), length(ca)))
    //   after <- rep(c(0, 1, 0, 1), c(length(tb), length(ta), length(cb), length(ca)))
    //   fit <- lm(y ~ treated * after)
    //   c(summary(fit)$coefficients["treated:after", ], confint(fit, level = lev)["treated:after", ]) }
    [Fact]
    public void Matches_R_lm_on_scores()
    {
        // did(c(3,4,2,5,3,4), c(5,4,5,3,5), c(3,3,4,2,4,3,5), c(4,3,4,3,4,5)).
        // By hand: treated 3.5 → 4.4 (+0.9), control 24/7 → 23/6 (+0.40476), DiD = 0.9 − 17/42 = 0.495238.
        var r = DifferenceInDifferences.Compute([3, 4, 2, 5, 3, 4], [5, 4, 5, 3, 5], [3, 3, 4, 2, 4, 3, 5], [4, 3, 4, 3, 4, 5]);
        Assert.Equal(EstimateStatus.Estimated, r.Status);
        Near(0.9, r.TreatedChange);
        Near((23.0 / 6) - (24.0 / 7), r.ControlChange);
        Near(0.49523809523809476, r.Estimate);
        Near(0.76363197081321366, r.StandardError);
        Near(0.64852980776944347, r.T);
        Assert.Equal(20, r.DegreesOfFreedom);
        Near(0.52401952331916668, r.PValue, PValue);
        Interval(-1.09767028304186254, 2.08814647351805194, r.Interval);
    }

    [Fact]
    public void Matches_R_lm_on_binary_outcomes_at_90_percent()
    {
        // did(c(0,1,0,0,1,0,1,0), c(1,1,0,1,1,1,1), c(0,1,1,0,1,0), c(1,0,1,0,1,1,0), 0.9)
        var r = DifferenceInDifferences.Compute([0, 1, 0, 0, 1, 0, 1, 0], [1, 1, 0, 1, 1, 1, 1], [0, 1, 1, 0, 1, 0], [1, 0, 1, 0, 1, 1, 0], 0.9);
        Near(0.41071428571428620, r.Estimate);
        Near(0.37822802821384177, r.StandardError);
        Near(1.08589066668025302, r.T);
        Near(0.28831436373637576, r.PValue, PValue);
        Interval(-0.23638926987625347, 1.05781784130482559, r.Interval);
        Assert.Equal(0.9, r.Level);
    }

    [Fact]
    public void Matches_R_lm_with_a_single_control_before()
    {
        // did(c(2.5,3.1), c(4.2,3.9), c(3.0), c(3.3,2.8))
        var r = DifferenceInDifferences.Compute([2.5, 3.1], [4.2, 3.9], [3.0], [3.3, 2.8]);
        Near(1.20000000000000151, r.Estimate);
        Near(0.54006172486732285, r.StandardError);
        Near(2.22196823945412136, r.T);
        Assert.Equal(3, r.DegreesOfFreedom);
        Near(0.11283625848148408, r.PValue, PValue);
        Interval(-0.51871744092915639, 2.91871744092915941, r.Interval);
    }

    [Fact]
    public void Small_and_constant_designs_say_what_is_missing()
    {
        var nothing = DifferenceInDifferences.Compute([], [], [], []);
        Assert.Equal(EstimateStatus.NoData, nothing.Status);
        Assert.Null(nothing.Estimate);

        // An empty cell: R's lm reports NA for treated:after.
        var empty = DifferenceInDifferences.Compute([1, 2], [3], [], [2]);
        Assert.Equal(EstimateStatus.NotEnoughData, empty.Status);
        Assert.Null(empty.Estimate);
        Assert.Equal(2, empty.TreatedBeforeCount);
        Assert.Equal(0, empty.ControlBeforeCount);

        // One observation per cell: the estimate (4 − 1) − (2 − 2) = 3, no residual degrees of freedom.
        var four = DifferenceInDifferences.Compute([1], [4], [2], [2]);
        Assert.Equal(EstimateStatus.NotEnoughData, four.Status);
        Near(3, four.Estimate);
        Assert.Null(four.StandardError);
        Assert.Null(four.DegreesOfFreedom);

        var constant = DifferenceInDifferences.Compute([1, 1], [4, 4], [2, 2], [3]);
        Assert.Equal(EstimateStatus.ZeroVariance, constant.Status);
        Near(2, constant.Estimate);
        Near(0, constant.StandardError);
        Assert.Null(constant.PValue);
        Assert.Null(constant.Interval);
    }

    [Fact]
    public void Rejects_non_finite_outcomes_and_bad_levels()
    {
        Rejects<ArgumentException>("controlBefore", "Outcomes of controlBefore must be finite numbers; got NaN at index 1.", () => DifferenceInDifferences.Compute([1], [2], [1, double.NaN], [2]));
        Rejects<ArgumentException>("treatedAfter", "Outcomes of treatedAfter must be finite numbers; got Infinity at index 0.", () => DifferenceInDifferences.Compute([1], [double.PositiveInfinity], [1], [2]));
        Rejects<ArgumentException>("controlAfter", "The difference of the cell means must be a finite number; got Infinity.", () => DifferenceInDifferences.Compute([-double.MaxValue], [double.MaxValue], [1], [2]));
        Rejects<ArgumentOutOfRangeException>("level", "Confidence level must be in (0, 1); got 0.", () => DifferenceInDifferences.Compute([1], [2], [1], [2], 0));
    }

    private static Gen<double[]> Cell => from n in Gen.Choose(0, 8) from v in Gen.Choose(0, 10).Select(x => x / 2.0).ArrayOf(n) select v;

    private static Arbitrary<(double[] Tb, double[] Ta, double[] Cb, double[] Ca, int Shift)> Designs() =>
        Arb.From(
            from tb in Cell
            from ta in Cell
            from cb in Cell
            from ca in Cell
            from shift in Gen.Choose(-1000, 1000)
            select (tb, ta, cb, ca, shift));

    [Property]
    public Property Adding_a_constant_to_every_outcome_changes_nothing() =>
        Prop.ForAll(Designs(), d =>
        {
            double[] Shift(double[] v) => v.Select(x => x + d.Shift).ToArray();
            var a = DifferenceInDifferences.Compute(d.Tb, d.Ta, d.Cb, d.Ca);
            var b = DifferenceInDifferences.Compute(Shift(d.Tb), Shift(d.Ta), Shift(d.Cb), Shift(d.Ca));
            var scale = 1000;
            return (a.Status == b.Status
                && (a.Estimate is null || Close(a.Estimate.Value, b.Estimate!.Value, scale))
                && (a.StandardError is null || Close(a.StandardError.Value, b.StandardError!.Value, scale))
                && (a.PValue is null || Math.Abs(a.PValue.Value - b.PValue!.Value) < 1e-6))
                .Label($"{a} / {b}");
        });

    [Property]
    public Property Swapping_treated_and_control_negates_the_estimate() =>
        Prop.ForAll(Designs(), d =>
        {
            var a = DifferenceInDifferences.Compute(d.Tb, d.Ta, d.Cb, d.Ca);
            var b = DifferenceInDifferences.Compute(d.Cb, d.Ca, d.Tb, d.Ta);
            return (a.Status == b.Status
                && (a.Estimate is null || Close(a.Estimate.Value, -b.Estimate!.Value))
                && (a.Interval is null || (Close(a.Interval.Value.Lower, -b.Interval!.Value.Upper) && Close(a.PValue!.Value, b.PValue!.Value))))
                .Label($"{a} / {b}");
        });
}
