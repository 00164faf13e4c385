using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

public sealed class PowerAnalysisTests
{
    // The Wilson half-width and the smallest n reaching a margin, in R:
    // h <- function(n, p, z) z*sqrt(p*(1-p)/n + z^2/(4*n^2))/(1+z^2/n)
    // nw <- function(m, lev = 0.95, p = 0.5) { n <- 1:100000; min(n[h(n, p, qnorm((1+lev)/2)) <= m]) }
    [Fact]
    public void Wilson_sample_size_matches_R()
    {
        Assert.Equal(381, PowerAnalysis.WilsonSampleSize(0.05)); // nw(0.05)
        Assert.Equal(93, PowerAnalysis.WilsonSampleSize(0.1)); // nw(0.1)
        Assert.Equal(268, PowerAnalysis.WilsonSampleSize(0.05, 0.9)); // nw(0.05, 0.9)
        Assert.Equal(682, PowerAnalysis.WilsonSampleSize(0.03, 0.95, 0.8)); // nw(0.03, 0.95, 0.8)
        Assert.Equal(64, PowerAnalysis.WilsonSampleSize(0.1, 0.99, 0.1)); // nw(0.1, 0.99, 0.1)
        Assert.Equal(1, PowerAnalysis.WilsonSampleSize(0.6)); // nw(0.6)
    }

    [Fact]
    public void Wilson_margin_matches_R_prop_test()
    {
        // diff(prop.test(200, 400, correct = FALSE)$conf.int)/2 = 0.048765495830290995
        Near(0.048765495830290995, PowerAnalysis.WilsonMargin(400, 0.5));
        // h(384, 0.5, qnorm(0.975)); h(385, 0.5, qnorm(0.975))
        Near(0.04976121542345259, PowerAnalysis.WilsonMargin(384, 0.5));
        Near(0.049697187721732372, PowerAnalysis.WilsonMargin(385, 0.5));
    }

    [Fact]
    public void Proportion_power_and_sample_size_match_R_power_prop_test()
    {
        Near(0.74016590133138793, PowerAnalysis.ProportionPower(50, 0.5, 0.75)); // power.prop.test(n=50, p1=0.5, p2=0.75)$power
        Near(0.36771150792813678, PowerAnalysis.ProportionPower(120, 0.62, 0.7, 0.1)); // power.prop.test(n=120, p1=0.62, p2=0.7, sig.level=0.1)$power
        Near(76.706928451777443, PowerAnalysis.ProportionSampleSize(0.5, 0.75, 0.9)); // power.prop.test(p1=0.5, p2=0.75, power=0.9, tol=1e-14)$n
        Near(817.54760464115316, PowerAnalysis.ProportionSampleSize(0.7, 0.62, 0.8, 0.01), 1e-9 * 817); // power.prop.test(p1=0.7, p2=0.62, power=0.8, sig.level=0.01, tol=1e-14)$n
    }

    [Fact]
    public void Minimum_detectable_proportion_increase_matches_R()
    {
        Near(0.26683017895248262, PowerAnalysis.MinimumDetectableProportionIncrease(50, 0.5, 0.8)); // power.prop.test(n=50, p1=0.5, power=0.8, tol=1e-14)$p2 - 0.5
        Near(0.10350312451676746, PowerAnalysis.MinimumDetectableProportionIncrease(200, 0.8, 0.9, 0.1)); // power.prop.test(n=200, p1=0.8, power=0.9, sig.level=0.1, tol=1e-14)$p2 - 0.8
        // With 3 answers a group even 0.5 → 1 is not detected with power 0.9: power.prop.test(n=3, p1=0.5, p2=1)$power = 0.252.
        Assert.Null(PowerAnalysis.MinimumDetectableProportionIncrease(3, 0.5, 0.9));
    }

    [Fact]
    public void Mean_power_sample_size_and_detectable_difference_match_R_power_t_test()
    {
        Near(0.53775732421493827, PowerAnalysis.MeanPower(20, 1, 1.5)); // power.t.test(n=20, delta=1, sd=1.5)$power
        Near(0.42987927030515793, PowerAnalysis.MeanPower(7.5, -0.8, 1, 0.1)); // power.t.test(n=7.5, delta=-0.8, sd=1, sig.level=0.1)$power
        Near(0.27381297125288862, PowerAnalysis.MeanPower(300, 0.1, 0.9)); // power.t.test(n=300, delta=0.1, sd=0.9)$power
        Near(36.305773121281369, PowerAnalysis.MeanSampleSize(1, 1.5, 0.8)); // power.t.test(delta=1, sd=1.5, power=0.8, tol=1e-14)$n
        Near(577.79102844541148, PowerAnalysis.MeanSampleSize(-0.25, 1.1, 0.9, 0.01), 1e-9 * 578); // power.t.test(delta=0.25, sd=1.1, power=0.9, sig.level=0.01, tol=1e-14)$n
        Near(0.88274635695101922, PowerAnalysis.MinimumDetectableMeanDifference(30, 1.2, 0.8)); // power.t.test(n=30, sd=1.2, power=0.8, tol=1e-14)$delta
        Near(0.91938996865584721, PowerAnalysis.MinimumDetectableMeanDifference(4, 0.7, 0.5, 0.1)); // power.t.test(n=4, sd=0.7, power=0.5, sig.level=0.1, tol=1e-14)$delta
    }

    [Fact]
    public void Noncentral_t_matches_R_pt()
    {
        // c(pt(2.1, 10, 1.5), pt(2.1, 10, 1.5, lower.tail=FALSE), pt(-1.3, 4.5, 0.7), pt(-1.3, 4.5, -2.2, lower.tail=FALSE),
        //   pt(3, 200, 5), pt(0, 8, 1.2), pt(25, 30, 20))
        Near(0.689768093441926577, NoncentralT.Cdf(2.1, 10, 1.5));
        Near(0.310231906558073423, NoncentralT.UpperTail(2.1, 10, 1.5));
        Near(0.036906390113559784, NoncentralT.Cdf(-1.3, 4.5, 0.7));
        Near(0.185440749683604661, NoncentralT.UpperTail(-1.3, 4.5, -2.2));
        Near(0.023766130188666707, NoncentralT.Cdf(3, 200, 5));
        Near(0.115069670221708276, NoncentralT.Cdf(0, 8, 1.2));
        Near(0.925677557017607011, NoncentralT.Cdf(25, 30, 20));

        // The branches of R's pnt: the normal approximation above 4e5 df, the far left tail for ncp > 40, ncp² > 1415, t = ∞:
        // c(pt(3, 5e5, 2), pt(3, 5e5, 2, lower.tail=FALSE), pt(-1, 10, 41), pt(-1, 10, 41, lower.tail=FALSE), pt(50, 10, 45), pt(Inf, 3, 1))
        Near(0.84134329424882348, NoncentralT.Cdf(3, 5e5, 2));
        Near(0.15865670575117649, NoncentralT.UpperTail(3, 5e5, 2));
        Near(0, NoncentralT.Cdf(-1, 10, 41));
        Near(1, NoncentralT.UpperTail(-1, 10, 41));
        Near(0.63083910345916039, NoncentralT.Cdf(50, 10, 45));
        Near(1, NoncentralT.Cdf(double.PositiveInfinity, 3, 1));
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        Rejects<ArgumentOutOfRangeException>("margin", "A margin must be in (0, 1); got 0.", () => PowerAnalysis.WilsonSampleSize(0));
        Rejects<ArgumentOutOfRangeException>("proportion", "An assumed proportion must be in [0, 1]; got 1.5.", () => PowerAnalysis.WilsonSampleSize(0.05, 0.95, 1.5));
        Rejects<ArgumentOutOfRangeException>("level", "Confidence level must be in (0, 1); got 1.", () => PowerAnalysis.WilsonSampleSize(0.05, 1));
        Rejects<ArgumentOutOfRangeException>("count", "A number of answers must be at least 1; got 0.", () => PowerAnalysis.WilsonMargin(0, 0.5));
        Rejects<ArgumentOutOfRangeException>("countPerGroup", "A number per group must be a finite number of at least 1; got 0.", () => PowerAnalysis.ProportionPower(0, 0.5, 0.6));
        Rejects<ArgumentOutOfRangeException>("p2", "A share must be in [0, 1]; got -0.1.", () => PowerAnalysis.ProportionPower(10, 0.5, -0.1));
        Rejects<ArgumentException>("p2", "Expected at least one share strictly between 0 and 1; got p1 = 0 and p2 = 1.", () => PowerAnalysis.ProportionPower(10, 0, 1));
        Rejects<ArgumentException>("p2", "Expected two different shares to detect a difference; got p1 = p2 = 0.4.", () => PowerAnalysis.ProportionSampleSize(0.4, 0.4, 0.8));
        Rejects<ArgumentOutOfRangeException>("power", "A power must be in (0, 1); got 1.", () => PowerAnalysis.ProportionSampleSize(0.4, 0.5, 1));
        Rejects<ArgumentOutOfRangeException>("power", "A power of 0.001 is reached with any group size for these shares; expected a higher power.", () => PowerAnalysis.ProportionSampleSize(0.4, 0.5, 0.001));
        Rejects<ArgumentOutOfRangeException>("alpha", "A significance level must be in (0, 1); got 0.", () => PowerAnalysis.ProportionPower(10, 0.4, 0.5, 0));
        Rejects<ArgumentOutOfRangeException>("p1", "A share before must be in [0, 1); got 1.", () => PowerAnalysis.MinimumDetectableProportionIncrease(10, 1, 0.8));
        Rejects<ArgumentOutOfRangeException>("countPerGroup", "A number per group must be a finite number of at least 2; got 1.5.", () => PowerAnalysis.MeanPower(1.5, 1, 1));
        Rejects<ArgumentOutOfRangeException>("standardDeviation", "A standard deviation must be a finite number above 0; got -1.", () => PowerAnalysis.MeanPower(10, 1, -1));
        Rejects<ArgumentException>("difference", "A difference must be a finite number; got NaN.", () => PowerAnalysis.MeanPower(10, double.NaN, 1));
        Rejects<ArgumentException>("difference", "A difference to detect must not be 0; got 0.", () => PowerAnalysis.MeanSampleSize(0, 1, 0.8));
        Rejects<ArgumentOutOfRangeException>("power", "A power must be in (0, 1); got -0.2.", () => PowerAnalysis.MeanSampleSize(1, 1, -0.2));
        Rejects<ArgumentOutOfRangeException>("power", "A power of 0.02 is reached without any difference; expected more than 0.025.", () => PowerAnalysis.MinimumDetectableMeanDifference(10, 1, 0.02));
    }

    private static Arbitrary<(int N, int P1, int P2, int Effect)> Plans() =>
        Arb.From(
            from n in Gen.Choose(2, 400)
            from p1 in Gen.Choose(1, 99)
            from p2 in Gen.Choose(1, 99)
            from effect in Gen.Choose(1, 200)
            select (n, p1, p2, effect));

    [Property]
    public Property Power_increases_with_the_group_size() =>
        Prop.ForAll(Plans(), p =>
        {
            double p1 = p.P1 / 100.0, p2 = p.P2 / 100.0, effect = p.Effect / 100.0;
            var prop = PowerAnalysis.ProportionPower(p.N, p1, p2) <= PowerAnalysis.ProportionPower(p.N + 1, p1, p2) + 1e-15;
            var mean = PowerAnalysis.MeanPower(p.N, effect, 1) <= PowerAnalysis.MeanPower(p.N + 1, effect, 1) + 1e-15;
            return (prop && mean).Label($"{p}");
        });

    [Property]
    public Property Sample_size_reaches_the_power_it_was_asked_for() =>
        Prop.ForAll(Plans(), p =>
        {
            double effect = p.Effect / 100.0, power = 0.5 + (p.P1 / 250.0);
            var n = PowerAnalysis.MeanSampleSize(effect, 1, power);
            var reached = PowerAnalysis.MeanPower(n, effect, 1);
            var delta = PowerAnalysis.MinimumDetectableMeanDifference(p.N, 1, power);
            return (Math.Abs(reached - power) < 1e-9 && Math.Abs(PowerAnalysis.MeanPower(p.N, delta, 1) - power) < 1e-9)
                .Label($"{p}: n {n} power {reached}, delta {delta}");
        });

    [Property]
    public Property Wilson_sample_size_is_the_smallest_reaching_the_margin() =>
        Prop.ForAll(Plans(), p =>
        {
            double margin = p.Effect / 1000.0, share = p.P1 / 100.0;
            var n = PowerAnalysis.WilsonSampleSize(margin, 0.95, share);
            return (PowerAnalysis.WilsonMargin(n, share) <= margin && (n == 1 || PowerAnalysis.WilsonMargin(n - 1, share) > margin)).Label($"{p}: {n}");
        });
}
