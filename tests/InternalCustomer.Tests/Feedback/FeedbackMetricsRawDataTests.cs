using InternalCustomer.Feedback;

namespace InternalCustomer.Tests.Feedback;

/// <summary>
/// The Wilson and Student-t intervals for data that are not ratings. Reference values from R 4.2.2 (Debian
/// r-base-core), printed with options(digits = 17); the exact call is beside each value. h = c(2.5, 0.75, 4.2, 1.1,
/// 3.35, 8.0, 0.4) (resolution hours, n = 7), x = c(-1.5, 2.25, 0.125, 3.5) (n = 4).
/// </summary>
public class FeedbackMetricsRawDataTests
{
    private static readonly double[] H = [2.5, 0.75, 4.2, 1.1, 3.35, 8.0, 0.4];

    // ---- Wilson from raw counts ----

    [Fact]
    public void Wilson_matches_R_prop_test_without_continuity_correction()
    {
        // prop.test(37, 52, correct = FALSE)$conf.int
        Close.Interval(FeedbackMetrics.Wilson(37, 52), 37.0 / 52, 0.57727211963315739, 0.81670039585290088, 52);
        // prop.test(37, 52, correct = FALSE, conf.level = 0.99)$conf.int
        Close.Interval(FeedbackMetrics.Wilson(37, 52, 0.99), 37.0 / 52, 0.53333418892361095, 0.84186899681231897, 52);
        // prop.test(0, 1, correct = FALSE)$conf.int
        Close.Interval(FeedbackMetrics.Wilson(0, 1), 0, 0, 0.79345068562276255, 1);
        // Counts beyond the range of int: prop.test(3e9, 7e9, correct = FALSE)$conf.int
        Close.Interval(FeedbackMetrics.Wilson(3_000_000_000, 7_000_000_000), 3.0 / 7, 0.42855983572225914, 0.42858302149899496, 7_000_000_000);
    }

    [Fact]
    public void Wilson_is_the_interval_of_CSAT()
    {
        // The same counts through both doors: 6 of 8 at 4 or 5 (prop.test(6, 8, correct = FALSE)$conf.int).
        var csat = FeedbackMetrics.Csat(RatingSummary.Of([4, 5, 3, 4, 4, 2, 5, 4], RatingScale.FivePoint));
        Assert.Equal(csat, FeedbackMetrics.Wilson(6, 8));
        Close.Interval(FeedbackMetrics.Wilson(6, 8), 0.75, 0.40927543031016900, 0.92852078724789089, 8);

        // p = 6/8: standard error sqrt(p(1 − p)/n) = sqrt(0.75·0.25/8).
        Close.Equal(Math.Sqrt(0.75 * 0.25 / 8), FeedbackMetrics.Wilson(6, 8).StandardError);
    }

    [Fact]
    public void Wilson_without_trials_has_no_data()
    {
        var none = FeedbackMetrics.Wilson(0, 0);
        Assert.Equal((EstimateStatus.NoData, 0L, (double?)null, (ConfidenceInterval?)null), (none.Status, none.Count, none.Value, none.Interval));
    }

    [Fact]
    public void Wilson_rejects_impossible_counts_and_levels()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackMetrics.Wilson(0, -1));
        Assert.Equal("trials", e.ParamName);
        Assert.StartsWith("Trials must be at least 0; got -1.", e.Message);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackMetrics.Wilson(-2, 5));
        Assert.Equal("successes", e.ParamName);
        Assert.StartsWith("Successes must be 0 to the number of trials (5); got -2.", e.Message);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackMetrics.Wilson(6, 5));
        Assert.Equal("successes", e.ParamName);
        Assert.StartsWith("Successes must be 0 to the number of trials (5); got 6.", e.Message);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackMetrics.Wilson(1, 5, 1.0));
        Assert.Equal("level", e.ParamName);
        Assert.StartsWith("Confidence level must be in (0, 1); got 1.", e.Message);
    }

    // ---- Student t for real values ----

    [Fact]
    public void Mean_of_values_matches_R_t_test()
    {
        // mean(h) = 20.3/7 = 2.9; t.test(h)$conf.int
        Close.Interval(FeedbackMetrics.MeanOfValues(MomentSummary.Of(H)), 2.9, 0.44799571493631546, 5.35200428506368464, 7);
        // t.test(h, conf.level = 0.9)$conf.int
        Close.Interval(FeedbackMetrics.MeanOfValues(MomentSummary.Of(H), 0.9), 2.9, 0.95277563544217458, 4.84722436455782546, 7);
        // t.test(c(-1.5, 2.25, 0.125, 3.5))$conf.int; mean 4.375/4 = 1.09375
        Close.Interval(FeedbackMetrics.MeanOfValues(MomentSummary.Of([-1.5, 2.25, 0.125, 3.5])), 1.09375, -2.4396933411654058, 4.6271933411654063, 4);
    }

    [Fact]
    public void Mean_of_values_from_moments_or_from_merged_parts_is_the_same_interval()
    {
        // var(h) = 7.0291666666666668 (R); n and mean as above: the interval of t.test(h)$conf.int.
        Close.Interval(FeedbackMetrics.MeanOfValues(MomentSummary.FromMoments(7, 2.9, 7.0291666666666668)), 2.9, 0.44799571493631546, 5.35200428506368464, 7);

        // Split and merged: t.test(h)$conf.int again.
        var merged = MomentSummary.Of(H.AsSpan(0, 3)).Merge(MomentSummary.Of(H.AsSpan(3)));
        Close.Interval(FeedbackMetrics.MeanOfValues(merged), 2.9, 0.44799571493631546, 5.35200428506368464, 7);

        // The rating data of FeedbackMetricsTests as real values: t.test(c(4,5,3,4,4,2,5,4))$conf.int, the interval of Mean.
        double[] x1 = [4, 5, 3, 4, 4, 2, 5, 4];
        Close.Interval(FeedbackMetrics.MeanOfValues(MomentSummary.Of(x1)), 3.875, 3.0464771753171775, 4.7035228246828220, 8);
        Assert.Equal(FeedbackMetrics.Mean(RatingSummary.Of(x1, RatingScale.FivePoint)).Interval!.Value.Lower, FeedbackMetrics.MeanOfValues(MomentSummary.Of(x1)).Interval!.Value.Lower, 12);
    }

    [Fact]
    public void Mean_of_values_without_enough_data_says_so()
    {
        var none = FeedbackMetrics.MeanOfValues(MomentSummary.Empty);
        Assert.Equal((EstimateStatus.NoData, 0L, (double?)null, (ConfidenceInterval?)null), (none.Status, none.Count, none.Value, none.Interval));
        Assert.Equal(EstimateStatus.NoData, FeedbackMetrics.MeanOfValues(MomentSummary.FromMoments(0, 12, 3)).Status);

        var one = FeedbackMetrics.MeanOfValues(MomentSummary.Of([2.5]));
        Assert.Equal((EstimateStatus.NotEnoughData, 1L, (double?)2.5, (ConfidenceInterval?)null), (one.Status, one.Count, one.Value, one.Interval));

        // R: t.test(c(1.25, 1.25, 1.25)) stops with "data are essentially constant".
        var constant = FeedbackMetrics.MeanOfValues(MomentSummary.FromMoments(3, 1.25, 0));
        Assert.Equal((EstimateStatus.ZeroVariance, 3L, (double?)1.25, (ConfidenceInterval?)null), (constant.Status, constant.Count, constant.Value, constant.Interval));
    }

    [Fact]
    public void Moments_that_no_sample_has_are_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MomentSummary.FromMoments(-1, 0, 0));
        Assert.Equal("count", e.ParamName);
        Assert.StartsWith("Count must be at least 0; got -1.", e.Message);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => MomentSummary.FromMoments(3, double.NaN, 1));
        Assert.Equal("mean", e.ParamName);
        Assert.StartsWith("Mean must be finite; got NaN.", e.Message);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => MomentSummary.FromMoments(3, 1, -0.5));
        Assert.Equal("variance", e.ParamName);
        Assert.StartsWith("Variance must be finite and at least 0; got -0.5.", e.Message);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackMetrics.MeanOfValues(MomentSummary.Of(H), 0));
        Assert.Equal("level", e.ParamName);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => MomentSummary.Of([1, double.PositiveInfinity]));
        Assert.Equal("values", e.ParamName);
        Assert.StartsWith("Value 'values[1]' must be finite; got Infinity.", e.Message);
    }
}
