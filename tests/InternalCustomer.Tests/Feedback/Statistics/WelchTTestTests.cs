using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Tests.Generators;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

public sealed class WelchTTestTests
{
    // Effect sizes are computed in R by hand (no package):
    //   nx <- length(x); ny <- length(y); m <- nx + ny - 2
    //   sp <- sqrt(((nx-1)*var(x) + (ny-1)*var(y))/m); d <- (mean(x) - mean(y))/sp
    //   J <- exp(lgamma(m/2) - log(sqrt(m/2)) - lgamma((m-1)/2)); g <- J*d
    //   se <- J*sqrt((nx+ny)/(nx*ny) + d^2/(2*(nx+ny))); c(d, g, g - qnorm(0.975)*se, g + qnorm(0.975)*se)
    [Fact]
    public void Matches_R_t_test_on_two_rating_samples_with_ties()
    {
        // x <- c(4,5,3,4,5,5,4,2); y <- c(3,3,4,2,3,4,3); r <- t.test(x, y)
        // r$estimate[1] - r$estimate[2]; r$statistic; r$parameter; r$p.value; r$conf.int; r$stderr
        double[] x = [4, 5, 3, 4, 5, 5, 4, 2], y = [3, 3, 4, 2, 3, 4, 3];
        var r = WelchTTest.Compute(x, y);
        Assert.Equal(EstimateStatus.Estimated, r.Status);
        Assert.Equal(8, r.CountX);
        Assert.Equal(7, r.CountY);
        Near(0.85714285714285721, r.Difference);
        Near(1.8665130505147658, r.T);
        Near(12.062761506276152, r.DegreesOfFreedom);
        Near(0.086458105969570043, r.PValue, PValue);
        Interval(-0.14283769386894296, 1.8571234081546575, r.Interval);
        Near(0.4592214648091883, r.StandardError);
        Near(0.93792283697556955, r.CohensD);
        Near(0.88256894543481157, r.HedgesG);
        Interval(-0.12283304689171715, 1.8879709377613403, r.HedgesGInterval);

        // t.test(x, y, conf.level = 0.8)$conf.int
        Interval(0.23452729839605377, 1.4797584158896608, WelchTTest.Compute(x, y, 0.8).Interval);
    }

    [Fact]
    public void Matches_R_t_test_on_tiny_samples()
    {
        // x <- c(1, 2); y <- c(3, 5, 4); t.test(x, y); t.test(x, y, conf.level = 0.8)$conf.int
        double[] x = [1, 2], y = [3, 5, 4];
        var r = WelchTTest.Compute(x, y);
        Near(-2.5, r.Difference);
        Near(-3.2732683535398861, r.T);
        Near(2.8823529411764697, r.DegreesOfFreedom);
        Near(0.049416256862577515, r.PValue, PValue);
        Interval(-4.9877337982053822, -0.012266201794617697, r.Interval);
        Near(0.76376261582597327, r.StandardError);
        Interval(-3.7647555784202087, -1.2352444215797915, WelchTTest.Compute(x, y, 0.8).Interval);
        Near(-2.7386127875258306, r.CohensD);
        Near(-1.9816636488030057, r.HedgesG);
        Interval(-3.766233614871112, -0.19709368273489969, r.HedgesGInterval);
    }

    [Fact]
    public void Matches_R_t_test_when_one_sample_is_constant()
    {
        // x <- c(4,4,4); y <- c(2,3,5,1); t.test(x, y): the constant sample contributes no variance.
        var r = WelchTTest.Compute([4, 4, 4], [2, 3, 5, 1]);
        Assert.Equal(EstimateStatus.Estimated, r.Status);
        Near(1.25, r.Difference);
        Near(1.4638501094227998, r.T);
        Near(3, r.DegreesOfFreedom);
        Near(0.23944259863600273, r.PValue, PValue);
        Interval(-1.4675308837960153, 3.9675308837960155, r.Interval);
        Near(0.94491118252306805, r.CohensD);
        Near(0.79443283174769641, r.HedgesG);
        Interval(-0.53113804506879381, 2.1200037085641865, r.HedgesGInterval);
    }

    [Fact]
    public void FromMoments_equals_the_raw_data_test()
    {
        // By hand: x = c(4,5,3,4,5,5,4,2): mean 32/8 = 4, squared deviations 0+1+1+0+1+1+0+4 = 8, var 8/7.
        // y = c(3,3,4,2,3,4,3): mean 22/7, squared deviations 4(1/7)² + 2(6/7)² + (8/7)² = 140/49 = 20/7, var (20/7)/6.
        double[] x = [4, 5, 3, 4, 5, 5, 4, 2], y = [3, 3, 4, 2, 3, 4, 3];
        var raw = WelchTTest.Compute(x, y);
        var moments = WelchTTest.FromMoments(8, 4, 8.0 / 7.0, 7, 22.0 / 7.0, (20.0 / 7.0) / 6.0);
        Near(raw.T!.Value, moments.T, 1e-12);
        Near(raw.PValue!.Value, moments.PValue, 1e-12);
    }

    [Fact]
    public void Tiny_and_degenerate_samples_say_what_is_missing()
    {
        var nothing = WelchTTest.Compute([], []);
        Assert.Equal(EstimateStatus.NoData, nothing.Status);
        Assert.Null(nothing.MeanX);
        Assert.Null(nothing.MeanY);
        Assert.Null(nothing.Difference);

        var empty = WelchTTest.Compute([], [1, 2]);
        Assert.Equal(EstimateStatus.NotEnoughData, empty.Status);
        Assert.Null(empty.MeanX);
        Assert.Equal(1.5, empty.MeanY);
        Assert.Null(empty.Difference);

        // n = 1 in x: a difference of means but no variance (R: "not enough 'x' observations").
        var one = WelchTTest.Compute([4], [2, 3]);
        Assert.Equal(EstimateStatus.NotEnoughData, one.Status);
        Assert.Equal(1.5, one.Difference);
        Assert.Null(one.T);
        Assert.Null(one.PValue);
        Assert.Null(one.Interval);
        Assert.Null(one.CohensD);

        // Both constant (R: "data are essentially constant").
        var flat = WelchTTest.Compute([4, 4], [3, 3, 3]);
        Assert.Equal(EstimateStatus.ZeroVariance, flat.Status);
        Assert.Equal(1.0, flat.Difference);
        Assert.Equal(0.0, flat.StandardError);
        Assert.Null(flat.T);
        Assert.Null(flat.PValue);
        Assert.Null(flat.Interval);
    }

    [Fact]
    public void Rejects_bad_input()
    {
        Rejects<ArgumentException>("x", "Values of x must be finite numbers; got NaN at index 2.", () => WelchTTest.Compute([1, 2, double.NaN], [1, 2]));
        Rejects<ArgumentException>("y", "Values of y must be finite numbers; got Infinity at index 0.", () => WelchTTest.Compute([1, 2], [double.PositiveInfinity]));
        Rejects<ArgumentOutOfRangeException>("level", "Confidence level must be in (0, 1); got 1.5.", () => WelchTTest.Compute([1, 2], [1, 2], 1.5));
        Rejects<ArgumentOutOfRangeException>("level", "Confidence level must be in (0, 1); got 0.", () => WelchTTest.FromMoments(2, 1, 1, 2, 1, 1, 0));
        Rejects<ArgumentOutOfRangeException>("countY", "A sample size must be at least 0; got -2.", () => WelchTTest.FromMoments(2, 1, 1, -2, 1, 1));
        Rejects<ArgumentOutOfRangeException>("varianceX", "A variance must be at least 0; got -1.", () => WelchTTest.FromMoments(2, 1, -1, 2, 1, 1));
        Rejects<ArgumentException>("meanY", "A mean must be a finite number; got NaN.", () => WelchTTest.FromMoments(2, 1, 1, 2, double.NaN, 1));
    }

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public Property Swapping_x_and_y_negates_t_and_keeps_p(TwoSamples s)
    {
        var xy = WelchTTest.Compute(s.X, s.Y);
        var yx = WelchTTest.Compute(s.Y, s.X);
        var ok = xy.Status == yx.Status
            && xy.T.HasValue == yx.T.HasValue
            && (xy.T is null || (Close(xy.T.Value, -yx.T!.Value) && Close(xy.PValue!.Value, yx.PValue!.Value) && Close(xy.DegreesOfFreedom!.Value, yx.DegreesOfFreedom!.Value)))
            && (xy.Interval is null || (Close(xy.Interval.Value.Lower, -yx.Interval!.Value.Upper) && Close(xy.Interval.Value.Upper, -yx.Interval.Value.Lower)))
            && (xy.CohensD is null || Close(xy.CohensD.Value, -yx.CohensD!.Value));
        return ok.Label($"xy {xy}, yx {yx}");
    }

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public Property P_value_is_a_probability_and_interval_contains_the_estimate(TwoSamples s)
    {
        var r = WelchTTest.Compute(s.X, s.Y);
        return (r.PValue is null || (r.PValue >= 0 && r.PValue <= 1))
            .And(r.Interval is null || r.Interval.Value.Contains(r.Difference!.Value))
            .Label(r.ToString());
    }
}
