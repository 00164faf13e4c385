using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

public sealed class TwoProportionTestTests
{
    // The Newcombe interval, computed in R from prop.test's Wilson limits (DescTools is not installed):
    // nc <- function(x1, n1, x2, n2, lev = 0.95) {
    //   w1 <- prop.test(x1, n1, correct = FALSE, conf.level = lev)$conf.int
    //   w2 <- prop.test(x2, n2, correct = FALSE, conf.level = lev)$conf.int
    //   p1 <- x1/n1; p2 <- x2/n2; d <- p2 - p1
    //   c(d, d - sqrt((p2 - w2[1])^2 + (w1[2] - p1)^2), d + sqrt((w2[2] - p2)^2 + (p1 - w1[1])^2)) }
    // The test: r <- prop.test(c(x1, x2), c(n1, n2), correct = FALSE); c(r$statistic, r$p.value) (and correct = TRUE).
    [Fact]
    public void Matches_Newcombe_1998_example_a_and_R()
    {
        // Newcombe (1998) Table II, example (a): 56/70 − 48/80 = 0.2000, method 10: 0.0524 to 0.3339.
        // nc(48, 80, 56, 70)
        var r = TwoProportionTest.Compute(48, 80, 56, 70);
        Assert.Equal(EstimateStatus.Estimated, r.Status);
        Near(0.6, r.Proportion1);
        Near(0.8, r.Proportion2);
        Near(0.2, r.Difference);
        Interval(0.052431472402364926, 0.333872654036905858, r.Interval);
        Interval(0.0524, 0.3339, r.Interval, 5e-5);

        // prop.test(c(48, 56), c(80, 70), correct = FALSE)
        Near(7.0234113712374597327, r.ChiSquare);
        Near(0.0080450813681965643, r.PValue, PValue);

        // prop.test(c(48, 56), c(80, 70), correct = TRUE)
        var yates = TwoProportionTest.Compute(48, 80, 56, 70, continuityCorrection: true);
        Assert.True(yates.ContinuityCorrection);
        Near(6.114270410296226643, yates.ChiSquare);
        Near(0.013409475178668924, yates.PValue, PValue);
        Interval(0.052431472402364926, 0.333872654036905858, yates.Interval);
    }

    [Fact]
    public void Matches_Newcombe_1998_examples_b_d_e_f_and_R()
    {
        // (b) 9/10 − 3/10: 0.1705 to 0.8090. nc(3, 10, 9, 10); prop.test(c(3, 9), c(10, 10), correct = FALSE / TRUE)
        var b = TwoProportionTest.Compute(3, 10, 9, 10);
        Near(0.6, b.Difference);
        Interval(0.17052272393450307, 0.80901797353548799, b.Interval);
        Near(7.5, b.ChiSquare);
        Near(0.0061698993205441532, b.PValue, PValue);
        var bYates = TwoProportionTest.Compute(3, 10, 9, 10, continuityCorrection: true);
        Near(5.208333333333333925, bYates.ChiSquare);
        Near(0.022478873366125231, bYates.PValue, PValue);

        // (d) 5/56 − 0/29: −0.0381 to 0.1926. nc(0, 29, 5, 56); prop.test(c(0, 5), c(29, 56), correct = FALSE / TRUE)
        var d = TwoProportionTest.Compute(0, 29, 5, 56);
        Near(0.089285714285714288, d.Difference);
        Interval(-0.038137147903536853, 0.192560013855111567, d.Interval);
        Near(2.751116071428571619, d.ChiSquare);
        Near(0.097186568170579746, d.PValue, PValue);
        var dYates = TwoProportionTest.Compute(0, 29, 5, 56, continuityCorrection: true);
        Near(1.37474022475369462, dYates.ChiSquare);
        Near(0.24099911419634254, dYates.PValue, PValue);

        // (e) 0/10 − 0/20: −0.1611 to 0.2775. nc(0, 20, 0, 10); prop.test gives X-squared = NaN here.
        var e = TwoProportionTest.Compute(0, 20, 0, 10);
        Assert.Equal(EstimateStatus.ZeroVariance, e.Status);
        Near(0, e.Difference);
        Interval(-0.16112515805281930, 0.27753279986288915, e.Interval);
        Assert.Null(e.ChiSquare);
        Assert.Null(e.PValue);

        // (f) 10/10 − 0/20: 0.6791 to 1.0000. nc(0, 20, 10, 10)
        var f = TwoProportionTest.Compute(0, 20, 10, 10);
        Near(1, f.Difference);
        Interval(0.67908603714191484, 1.0, f.Interval);
    }

    [Fact]
    public void Matches_R_on_large_groups_at_90_percent()
    {
        // nc(120, 400, 150, 380, 0.9); prop.test(c(120, 150), c(400, 380), correct = FALSE / TRUE)
        var r = TwoProportionTest.Compute(120, 400, 150, 380, 0.9);
        Near(0.094736842105263175, r.Difference);
        Interval(0.038661341512659549, 0.150097509704744281, r.Interval);
        Assert.Equal(0.9, r.Interval!.Value.Level);
        Near(7.72755417956655677, r.ChiSquare);
        Near(0.00543843694792886, r.PValue, PValue);
        var yates = TwoProportionTest.Compute(120, 400, 150, 380, 0.9, continuityCorrection: true);
        Near(7.3146465428276501441, yates.ChiSquare);
        Near(0.0068394850154267208, yates.PValue, PValue);
    }

    [Fact]
    public void Empty_groups_say_what_is_missing()
    {
        var nothing = TwoProportionTest.Compute(0, 0, 0, 0);
        Assert.Equal(EstimateStatus.NoData, nothing.Status);
        Assert.Null(nothing.Proportion1);
        Assert.Null(nothing.Difference);
        Assert.Null(nothing.Interval);

        var one = TwoProportionTest.Compute(0, 0, 3, 4);
        Assert.Equal(EstimateStatus.NotEnoughData, one.Status);
        Assert.Null(one.Proportion1);
        Near(0.75, one.Proportion2);
        Assert.Null(one.Difference);
        Assert.Null(one.PValue);
    }

    [Fact]
    public void Rejects_bad_counts_and_levels()
    {
        Rejects<ArgumentOutOfRangeException>("trials1", "A number of trials must be at least 0; got -1.", () => TwoProportionTest.Compute(0, -1, 1, 2));
        Rejects<ArgumentOutOfRangeException>("successes1", "A number of successes must be in [0, 2] (the trials); got 3.", () => TwoProportionTest.Compute(3, 2, 1, 2));
        Rejects<ArgumentOutOfRangeException>("successes2", "A number of successes must be in [0, 0] (the trials); got 1.", () => TwoProportionTest.Compute(1, 2, 1, 0));
        Rejects<ArgumentOutOfRangeException>("successes2", "A number of successes must be in [0, 5] (the trials); got -1.", () => TwoProportionTest.Compute(1, 2, -1, 5));
        Rejects<ArgumentOutOfRangeException>("level", "Confidence level must be in (0, 1); got 1.", () => TwoProportionTest.Compute(1, 2, 1, 2, 1.0));
    }

    private static Arbitrary<(int X1, int N1, int X2, int N2)> Groups() =>
        Arb.From(
            from n1 in Gen.Choose(0, 60)
            from n2 in Gen.Choose(0, 60)
            from x1 in Gen.Choose(0, n1)
            from x2 in Gen.Choose(0, n2)
            select (x1, n1, x2, n2));

    [Property]
    public Property Swapping_groups_negates_the_difference_and_mirrors_the_interval() =>
        Prop.ForAll(Groups(), g =>
        {
            var a = TwoProportionTest.Compute(g.X1, g.N1, g.X2, g.N2);
            var b = TwoProportionTest.Compute(g.X2, g.N2, g.X1, g.N1);
            return (a.Status == b.Status
                && (a.Difference is null || Close(a.Difference.Value, -b.Difference!.Value))
                && (a.Interval is null || (Close(a.Interval.Value.Lower, -b.Interval!.Value.Upper) && Close(a.Interval.Value.Upper, -b.Interval.Value.Lower)))
                && (a.ChiSquare is null || (Close(a.ChiSquare.Value, b.ChiSquare!.Value) && Close(a.PValue!.Value, b.PValue!.Value))))
                .Label($"{a} / {b}");
        });

    [Property]
    public Property Interval_holds_the_difference_and_yates_never_raises_the_statistic() =>
        Prop.ForAll(Groups(), g =>
        {
            var plain = TwoProportionTest.Compute(g.X1, g.N1, g.X2, g.N2);
            var yates = TwoProportionTest.Compute(g.X1, g.N1, g.X2, g.N2, continuityCorrection: true);
            return ((plain.Interval is null || (plain.Interval.Value.Contains(plain.Difference!.Value) && plain.Interval.Value.Lower >= -1 && plain.Interval.Value.Upper <= 1))
                && (plain.PValue is null || (plain.PValue >= 0 && plain.PValue <= 1 && yates.ChiSquare <= plain.ChiSquare + 1e-12 && yates.PValue >= plain.PValue - 1e-12)))
                .Label($"{plain} / {yates}");
        });
}
