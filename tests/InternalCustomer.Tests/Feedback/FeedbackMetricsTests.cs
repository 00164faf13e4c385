using InternalCustomer.Feedback;
using NodaTime;

namespace InternalCustomer.Tests.Feedback;

/// <summary>
/// Reference values from R 4.x (Debian r-base-core), printed with options(digits = 17); the exact call is
/// beside each value. Data sets: x1 = c(4,5,3,4,4,2,5,4) (ties, n = 8), x2 = c(1,2,2,3,5,5,5,4,1,3,3,3,4,2,5) (n = 15),
/// x3 = c(3,5) (n = 2).
/// </summary>
public class FeedbackMetricsTests
{
    private static readonly int[] X1 = [4, 5, 3, 4, 4, 2, 5, 4];
    private static readonly int[] X2 = [1, 2, 2, 3, 5, 5, 5, 4, 1, 3, 3, 3, 4, 2, 5];
    private static readonly int[] X3 = [3, 5];

    private static RatingSummary Five(int[] x) => RatingSummary.Of(x, RatingScale.FivePoint);

    // ---- Mean, Student t ----

    [Fact]
    public void Mean_matches_R_t_test()
    {
        // t.test(x1)$conf.int
        Close.Interval(FeedbackMetrics.Mean(Five(X1)), 3.875, 3.0464771753171775, 4.7035228246828220, 8);
        // t.test(x1, conf.level = 0.90)$conf.int
        Close.Interval(FeedbackMetrics.Mean(Five(X1), 0.90), 3.875, 3.211172917783669, 4.538827082216331, 8);
        // t.test(x2)$conf.int
        Close.Interval(FeedbackMetrics.Mean(Five(X2)), 3.2, 2.4112604322585258, 3.9887395677414745, 15);
        // t.test(x2, conf.level = 0.99)$conf.int
        Close.Interval(FeedbackMetrics.Mean(Five(X2), 0.99), 3.2, 2.1052740467065125, 4.2947259532934883, 15);
        // n = 2: t.test(c(3, 5))$conf.int
        Close.Interval(FeedbackMetrics.Mean(Five(X3)), 4, -8.7062047361746941, 16.7062047361746941, 2);
    }

    [Fact]
    public void Mean_without_enough_data_says_so()
    {
        var none = FeedbackMetrics.Mean(RatingSummary.Empty(RatingScale.FivePoint));
        Assert.Equal((EstimateStatus.NoData, 0L, (double?)null, (ConfidenceInterval?)null), (none.Status, none.Count, none.Value, none.Interval));

        var one = FeedbackMetrics.Mean(Five([4]));
        Assert.Equal((EstimateStatus.NotEnoughData, 1L, (double?)4, (ConfidenceInterval?)null), (one.Status, one.Count, one.Value, one.Interval));

        // R: t.test(c(4, 4, 4)) stops with "data are essentially constant".
        var constant = FeedbackMetrics.Mean(Five([4, 4, 4]));
        Assert.Equal((EstimateStatus.ZeroVariance, 3L, (double?)4, (ConfidenceInterval?)null), (constant.Status, constant.Count, constant.Value, constant.Interval));
        Assert.False(constant.HasInterval);
        Assert.Equal("4 (no interval: ZeroVariance), n=3", constant.ToString());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void Level_outside_zero_one_is_rejected(double level)
    {
        var s = Five(X1);
        foreach (var call in new Action[]
        {
            () => FeedbackMetrics.Mean(s, level),
            () => FeedbackMetrics.Csat(s, 2, level),
            () => FeedbackMetrics.Nps(new NpsCounts(1, 1, 1), level),
            () => FeedbackMetrics.Normalised(s, level),
            () => FeedbackMetrics.BayesianAverage(s, 3, 2, level),
        })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal("level", e.ParamName);
            Assert.StartsWith($"Confidence level must be in (0, 1); got {level.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", e.Message);
        }
    }

    // ---- Normalised 0–100 ----

    [Fact]
    public void Normalised_maps_mean_and_interval_linearly()
    {
        // (3.875 − 1)/(5 − 1)·100 = 71.875; bounds from t.test(x1)$conf.int mapped the same way:
        // (3.0464771753171775 − 1)·25 = 51.161929382929438, (4.7035228246828220 − 1)·25 = 92.58807061707055.
        Close.Interval(FeedbackMetrics.Normalised(Five(X1)), 71.875, 51.161929382929438, 92.58807061707055, 8);
        var none = FeedbackMetrics.Normalised(RatingSummary.Empty(RatingScale.ZeroToTen));
        Assert.Equal(EstimateStatus.NoData, none.Status);
    }

    // ---- CSAT, Wilson ----

    [Fact]
    public void Csat_matches_R_prop_test_without_continuity_correction()
    {
        // x1: top-2 (4 or 5) = 6 of 8. prop.test(6, 8, correct = FALSE)$conf.int
        Close.Interval(FeedbackMetrics.Csat(Five(X1)), 0.75, 0.40927543031016900, 0.92852078724789089, 8);
        // x2: 6 of 15. prop.test(sum(x2 >= 4), 15, correct = FALSE)$conf.int
        Close.Interval(FeedbackMetrics.Csat(Five(X2)), 0.4, 0.19824496141341583, 0.64253169879375394, 15);
        // x2 top-1: 4 of 15. prop.test(sum(x2 >= 5), 15, correct = FALSE)$conf.int
        Close.Interval(FeedbackMetrics.Csat(Five(X2), topBoxes: 1), 4.0 / 15, 0.10897453325692369, 0.51950434055980554, 15);
    }

    [Fact]
    public void Csat_has_Wilson_intervals_at_the_edges_and_for_one_response()
    {
        // prop.test(0, 5, correct = FALSE)$conf.int
        Close.Interval(FeedbackMetrics.Csat(Five([1, 2, 3, 3, 1])), 0, 0, 0.43448246478317465, 5);
        // prop.test(5, 5, correct = FALSE)$conf.int
        Close.Interval(FeedbackMetrics.Csat(Five([5, 4, 4, 5, 5])), 1, 0.56551753521682535, 1, 5);
        // prop.test(1, 1, correct = FALSE)$conf.int
        Close.Interval(FeedbackMetrics.Csat(Five([5])), 1, 0.2065493143772375, 1, 1);
        Assert.Equal(EstimateStatus.NoData, FeedbackMetrics.Csat(RatingSummary.Empty(RatingScale.FivePoint)).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Csat_rejects_top_boxes_outside_the_scale(int topBoxes)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackMetrics.Csat(Five(X1), topBoxes));
        Assert.Equal("topBoxes", e.ParamName);
        Assert.StartsWith($"Top boxes must be 1 to 5 on the 1–5 scale; got {topBoxes}.", e.Message);
    }

    // ---- NPS ----

    [Fact]
    public void Nps_matches_the_multinomial_standard_error_in_R()
    {
        // nps <- function(r, lvl = 0.95) { n <- length(r); p <- mean(r >= 9); d <- mean(r <= 6);
        //   se <- 100*sqrt((p + d - (p - d)^2)/n); z <- qnorm((1 + lvl)/2); c(100*(p - d), se, 100*(p - d) - z*se, 100*(p - d) + z*se) }
        // r1 = c(10,9,9,8,7,6,3,10,0,9,5,8): 5 promoters, 3 passives, 4 detractors.
        var r1 = NpsCounts.Of([10, 9, 9, 8, 7, 6, 3, 10, 0, 9, 5, 8]);
        Assert.Equal(new NpsCounts(5, 3, 4), r1);
        var e = FeedbackMetrics.Nps(r1);
        Close.Interval(e, 8.3333333333333375, -40.4383910411668808, 57.1050577078335522, 12);
        Close.Equal(24.8839900932901656, e.StandardError);

        // r2 = c(9,10,6,6,7,8): 2 promoters, 2 passives, 2 detractors; at 95% and 90%.
        var r2 = NpsCounts.Of([9, 10, 6, 6, 7, 8]);
        Close.Interval(FeedbackMetrics.Nps(r2), 0, -65.332132818001782, 65.332132818001782, 6);
        Close.Interval(FeedbackMetrics.Nps(r2, 0.90), 0, -54.828454231715710, 54.828454231715710, 6);
        Close.Equal(33.333333333333329, FeedbackMetrics.Nps(r2).StandardError);
    }

    [Fact]
    public void Nps_without_enough_data_says_so()
    {
        Assert.Equal(EstimateStatus.NoData, FeedbackMetrics.Nps(default).Status);
        var one = FeedbackMetrics.Nps(new NpsCounts(1, 0, 0));
        Assert.Equal((EstimateStatus.NotEnoughData, (double?)100), (one.Status, one.Value));
        // Two responses, both promoters: p = 1, d = 0, p + d − (p − d)² = 0.
        var allPromoters = FeedbackMetrics.Nps(new NpsCounts(2, 0, 0));
        Assert.Equal((EstimateStatus.ZeroVariance, (double?)100, (ConfidenceInterval?)null), (allPromoters.Status, allPromoters.Value, allPromoters.Interval));
        var allPassives = FeedbackMetrics.Nps(new NpsCounts(0, 7, 0));
        Assert.Equal((EstimateStatus.ZeroVariance, (double?)0), (allPassives.Status, allPassives.Value));
        // Two responses, one promoter and one detractor: NPS 0, SE = 100·sqrt((0.5 + 0.5 − 0)/2) = 70.71…, interval clamped to [−100, 100].
        var split = FeedbackMetrics.Nps(new NpsCounts(1, 0, 1));
        Assert.Equal(EstimateStatus.Estimated, split.Status);
        Close.Equal(100 * Math.Sqrt(0.5), split.StandardError);
        Assert.Equal(new ConfidenceInterval(-100, 100, 0.95), split.Interval);
    }

    [Fact]
    public void NpsCounts_reject_negative_counts_and_other_scales()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NpsCounts(1, -2, 0));
        Assert.Equal("passives", e.ParamName);
        Assert.StartsWith("A count must be non-negative; got -2.", e.Message);
        var a = Assert.Throws<ArgumentException>(() => NpsCounts.From(Five(X1)));
        Assert.Equal("recommend", a.ParamName);
        Assert.StartsWith("NPS needs likelihood-to-recommend ratings on the 0–10 scale; got the 1–5 scale.", a.Message);
    }

    // ---- CES ----

    [Fact]
    public void Ces_share_and_mean_match_R()
    {
        // e1 = c(7,6,5,5,4,3,6,7,2,5): 7 of 10 at or above 5.
        var e1 = FeedbackMetrics.Ces(RatingSummary.Of([7, 6, 5, 5, 4, 3, 6, 7, 2, 5], RatingScale.SevenPoint));
        Assert.Equal(5, e1.Threshold);
        // prop.test(7, 10, correct = FALSE)$conf.int
        Close.Interval(e1.Share, 0.7, 0.39677814746114537, 0.89220873259369904, 10);
        // t.test(e1)$conf.int
        Close.Interval(e1.Mean, 5, 3.8318270642638312, 6.1681729357361696, 10);

        // e2 = c(5,5,6,4): prop.test(3, 4, correct = FALSE)$conf.int and t.test(e2)$conf.int
        var e2 = FeedbackMetrics.Ces(RatingSummary.Of([5, 5, 6, 4], RatingScale.SevenPoint));
        Close.Interval(e2.Share, 0.75, 0.30064184258240201, 0.95441273919029945, 4);
        Close.Interval(e2.Mean, 5, 3.7007717363748891, 6.2992282636251113, 4);
    }

    [Fact]
    public void Ces_rejects_a_threshold_outside_the_scale()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackMetrics.Ces(RatingSummary.Empty(RatingScale.SevenPoint), 8));
        Assert.Equal("threshold", e.ParamName);
        Assert.StartsWith("Rating 'threshold' must be a point of the 1–7 scale; got 8.", e.Message);
        var empty = FeedbackMetrics.Ces(RatingSummary.Empty(RatingScale.SevenPoint));
        Assert.Equal((EstimateStatus.NoData, EstimateStatus.NoData), (empty.Share.Status, empty.Mean.Status));
    }

    // ---- Bayesian average ----

    [Fact]
    public void Bayesian_average_matches_R()
    {
        // bayes <- function(x, m, C) { n <- length(x); ci <- t.test(x)$conf.int; c((C*m + sum(x))/(C + n), (C*m + n*ci)/(C + n)) }
        // bayes(x1, 3.5, 5): (17.5 + 31)/13 = 3.7307692307692308
        Close.Interval(FeedbackMetrics.BayesianAverage(Five(X1), 3.5, 5), 3.7307692307692308, 3.2209090309644166, 4.2406294305740442, 8);
        // bayes(x2, 4, 10)
        Close.Interval(FeedbackMetrics.BayesianAverage(Five(X2), 4, 10), 3.52, 3.0467562593551154, 3.9932437406448842, 15);
    }

    [Fact]
    public void Bayesian_average_without_data_is_the_prior_and_says_so()
    {
        var none = FeedbackMetrics.BayesianAverage(RatingSummary.Empty(RatingScale.FivePoint), 3.9, 10);
        Assert.Equal((EstimateStatus.NoData, (double?)3.9, 0L), (none.Status, none.Value, none.Count));
        var noPrior = FeedbackMetrics.BayesianAverage(RatingSummary.Empty(RatingScale.FivePoint), 3.9, 0);
        Assert.Null(noPrior.Value);
        // One rating of 5 with prior 3 weight 1: (3 + 5)/2 = 4, no interval.
        var one = FeedbackMetrics.BayesianAverage(Five([5]), 3, 1);
        Assert.Equal((EstimateStatus.NotEnoughData, (double?)4), (one.Status, one.Value));
        // C = 0 is the plain mean.
        Assert.Equal(FeedbackMetrics.Mean(Five(X1)).Interval, FeedbackMetrics.BayesianAverage(Five(X1), 1, 0).Interval);
    }

    [Theory]
    [InlineData(double.NaN, 1, "priorMean", "Prior mean must be finite; got NaN.")]
    [InlineData(3, -1, "priorWeight", "Prior weight must be finite and non-negative; got -1.")]
    [InlineData(3, double.PositiveInfinity, "priorWeight", "Prior weight must be finite and non-negative; got Infinity.")]
    public void Bayesian_average_rejects_bad_priors(double m, double c, string param, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackMetrics.BayesianAverage(Five(X1), m, c));
        Assert.Equal(param, e.ParamName);
        Assert.StartsWith(message, e.Message);
    }

    // ---- SERVQUAL ----

    private static readonly DimensionSet Custom3 = DimensionSet.Create(
        RatingScale.SevenPoint, [new("quality", 2), new("speed", 1), new("care", 1)]);

    private static readonly int[,] P = { { 5, 4, 6 }, { 6, 5, 6 }, { 4, 4, 5 }, { 7, 6, 6 }, { 5, 3, 4 }, { 6, 5, 7 } };
    private static readonly int[,] E = { { 6, 6, 6 }, { 7, 6, 6 }, { 6, 5, 6 }, { 7, 7, 7 }, { 6, 5, 5 }, { 6, 6, 7 } };

    internal static FeedbackResponse[] ServqualResponses()
    {
        var it = DepartmentId.Parse("it");
        var finance = DepartmentId.Parse("finance");
        return [.. Enumerable.Range(0, 6).Select(i => new FeedbackResponse(
            finance,
            it,
            Instant.FromUtc(2026, 3, 1 + i, 9, 0),
            RatingScale.FivePoint,
            4,
            dimensions: Custom3,
            perceptions: new Dictionary<string, int> { ["quality"] = P[i, 0], ["speed"] = P[i, 1], ["care"] = P[i, 2] },
            expectations: new Dictionary<string, int> { ["quality"] = E[i, 0], ["speed"] = E[i, 1], ["care"] = E[i, 2] }))];
    }

    [Fact]
    public void Servqual_gaps_match_R_paired_t_tests()
    {
        // P, E as the 6×3 matrices above (R: rbind(...)); for each dimension d:
        //   c(mean(P[,d] - E[,d]), t.test(P[,d], E[,d], paired = TRUE)$conf.int), c(mean(P[,d]), t.test(P[,d])$conf.int), likewise E.
        var gaps = FeedbackMetrics.Gaps(ServqualSummary.Of(ServqualResponses(), Custom3));
        Assert.Equal(["quality", "speed", "care"], gaps.Dimensions.Select(d => d.Dimension));
        Assert.Equal([0.5, 0.25, 0.25], gaps.Dimensions.Select(d => d.Weight));
        Close.Interval(gaps.Dimensions[0].Gap, -0.833333333333333370, -1.623319783825284857, -0.043346882841381607, 6);
        Close.Interval(gaps.Dimensions[0].Perception, 5.5, 4.3993426152919870, 6.6006573847080139, 6);
        Close.Interval(gaps.Dimensions[0].Expectation, 6.3333333333333330, 5.7914070991688433, 6.8752595674978219, 6);
        Close.Interval(gaps.Dimensions[1].Gap, -1.33333333333333326, -1.87525956749782230, -0.79140709916884389, 6);
        Close.Interval(gaps.Dimensions[1].Perception, 4.5, 3.3993426152919870, 5.6006573847080139, 6);
        Close.Interval(gaps.Dimensions[1].Expectation, 5.8333333333333330, 5.0433468828413810, 6.6233197838252851, 6);
        Close.Interval(gaps.Dimensions[2].Gap, -0.5, -1.074799572620898980, 0.074799572620898855, 6);
        Close.Interval(gaps.Dimensions[2].Perception, 5.6666666666666670, 4.5828141983376876, 6.7505191349956455, 6);
        Close.Interval(gaps.Dimensions[2].Expectation, 6.1666666666666670, 5.3766802161747149, 6.9566531171586190, 6);
        // wts <- c(2,1,1)/4; g <- (P - E) %*% wts; c(mean(g), t.test(g)$conf.int)
        // = 0.5·(−0.8333) + 0.25·(−1.3333) + 0.25·(−0.5) = −0.875
        Close.Interval(gaps.Overall, -0.875, -1.36582857674508085, -0.38417142325491921, 6);
    }

    [Fact]
    public void Servqual_with_partial_ratings_and_no_ratings()
    {
        var empty = FeedbackMetrics.Gaps(ServqualSummary.Empty(DimensionSet.Servqual));
        Assert.Equal(5, empty.Dimensions.Length);
        Assert.All(empty.Dimensions, d => Assert.Equal(EstimateStatus.NoData, d.Gap.Status));
        Assert.Equal(EstimateStatus.NoData, empty.Overall.Status);

        // One response rating only reliability both ways (7 vs 5): gap +2 with n = 1, no overall (not every dimension rated).
        var r = new FeedbackResponse(
            DepartmentId.Parse("hr"), DepartmentId.Parse("it"), Instant.FromUtc(2026, 1, 1, 0, 0), RatingScale.FivePoint, 3,
            dimensions: DimensionSet.Servqual,
            perceptions: new Dictionary<string, int> { ["reliability"] = 7, ["empathy"] = 4 },
            expectations: new Dictionary<string, int> { ["reliability"] = 5 });
        var s = ServqualSummary.Of([r], DimensionSet.Servqual);
        var gaps = FeedbackMetrics.Gaps(s);
        Assert.Equal((EstimateStatus.NotEnoughData, (double?)2, 1L), (gaps.Dimensions[0].Gap.Status, gaps.Dimensions[0].Gap.Value, gaps.Dimensions[0].Gap.Count));
        Assert.Equal(1, s.Perception("empathy").Count);
        Assert.Equal(0, s.Gap("empathy").Count);
        Assert.Equal(EstimateStatus.NoData, gaps.Overall.Status);
    }

    // ---- Time decay ----

    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 30, 12, 0);
    private static readonly int[] AgesInDays = [0, 3, 10, 15, 30, 45, 60, 90];

    private static WeightedRatingSummary Decayed(int[] ratings, RatingScale scale) =>
        TimeDecay.Create(AsOf, Duration.FromDays(30)).Summarise(ratings, [.. AgesInDays.Select(a => AsOf - Duration.FromDays(a))], scale);

    [Fact]
    public void Decay_weights_halve_every_half_life()
    {
        var decay = TimeDecay.Create(AsOf, Duration.FromDays(30));
        Assert.Equal(1, decay.Weight(AsOf));
        Assert.Equal(0.5, decay.Weight(AsOf - Duration.FromDays(30)));
        Assert.Equal(0.125, decay.Weight(AsOf - Duration.FromDays(90)));
        // w <- 2^(-c(0,3,10,15,30,45,60,90)/30): 2^(-0.1) = 0.93303299153680741
        Close.Equal(0.93303299153680741, decay.Weight(AsOf - Duration.FromDays(3)), 1e-15);
    }

    [Fact]
    public void Decayed_mean_csat_and_nps_match_R()
    {
        // wmean <- function(x, w, lvl = 0.95) { W <- sum(w); W2 <- sum(w^2); m <- sum(w*x)/W; v <- sum(w*(x - m)^2)/(W - W2/W);
        //   ne <- W^2/W2; se <- sqrt(v/ne); t <- qt((1 + lvl)/2, ne - 1); c(m, ne, se, m - t*se, m + t*se) }
        // wmean(c(4,5,3,4,4,2,5,4), w)
        var overall = Decayed(X1, RatingScale.FivePoint);
        var mean = FeedbackMetrics.WeightedMean(overall);
        Close.Interval(mean, 3.93184309674168730, 2.99778043253861171, 4.86590576094476290, 8);
        Close.Equal(6.29421119035348564, mean.EffectiveCount);
        Close.Equal(0.36945708738361516, mean.StandardError);

        // wprop <- function(s, w, lvl = 0.95) { W <- sum(w); ne <- W^2/sum(w^2); ph <- sum(w*s)/W; z <- qnorm((1 + lvl)/2);
        //   c(ph, (ph + z^2/(2*ne) + c(-1,1)*z*sqrt(ph*(1 - ph)/ne + z^2/(4*ne^2)))/(1 + z^2/ne)) }; wprop(x1 >= 4, w)
        Close.Interval(FeedbackMetrics.WeightedCsat(overall), 0.75393456815753368, 0.37560315585486564, 0.93978157919917715, 8);

        // wnps(c(10,9,6,8,3,9,10,7), w): weighted promoter/detractor shares, SE on the effective n.
        var nps = FeedbackMetrics.WeightedNps(Decayed([10, 9, 6, 8, 3, 9, 10, 7], RatingScale.ZeroToTen));
        Close.Interval(nps, 26.657677128342012, -41.019557231480121, 94.334911488164153, 8);
        Close.Equal(34.529835697824829, nps.StandardError);
    }

    [Fact]
    public void Equal_weights_give_the_unweighted_results()
    {
        var weighted = WeightedRatingSummary.Of(X2, [.. X2.Select(_ => 0.37)], RatingScale.FivePoint);
        var plain = Five(X2);
        Close.Interval(FeedbackMetrics.WeightedMean(weighted), 3.2, 2.4112604322585258, 3.9887395677414745, 15);
        Assert.Equal(FeedbackMetrics.Csat(plain).Interval!.Value.Lower, FeedbackMetrics.WeightedCsat(weighted).Interval!.Value.Lower, 12);
        Assert.Equal(FeedbackMetrics.Normalised(plain).Value!.Value, FeedbackMetrics.WeightedNormalised(weighted).Value!.Value, 12);
        Assert.Equal(FeedbackMetrics.BayesianAverage(plain, 3, 0).Value!.Value, FeedbackMetrics.WeightedBayesianAverage(weighted, 3, 0).Value!.Value, 12);
        var effort = WeightedRatingSummary.Of([7, 6, 5, 5, 4, 3, 6, 7, 2, 5], [.. Enumerable.Repeat(2.0, 10)], RatingScale.SevenPoint);
        Close.Interval(FeedbackMetrics.WeightedCes(effort).Mean, 5, 3.8318270642638312, 6.1681729357361696, 10);
        Close.Interval(FeedbackMetrics.WeightedCes(effort).Share, 0.7, 0.39677814746114537, 0.89220873259369904, 10);
    }

    [Fact]
    public void Decayed_metrics_without_enough_data_say_so()
    {
        var decay = TimeDecay.Create(AsOf, Duration.FromDays(30));
        var empty = decay.Summarise([], [], RatingScale.FivePoint);
        Assert.Equal(EstimateStatus.NoData, FeedbackMetrics.WeightedMean(empty).Status);
        Assert.Equal(EstimateStatus.NoData, FeedbackMetrics.WeightedCsat(empty).Status);
        var one = decay.Summarise([4], [AsOf - Duration.FromDays(1)], RatingScale.FivePoint);
        Assert.Equal((EstimateStatus.NotEnoughData, (double?)4), (FeedbackMetrics.WeightedMean(one).Status, FeedbackMetrics.WeightedMean(one).Value));
        var constant = decay.Summarise([4, 4], [AsOf, AsOf - Duration.FromDays(40)], RatingScale.FivePoint);
        Assert.Equal(EstimateStatus.ZeroVariance, FeedbackMetrics.WeightedMean(constant).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-86400)]
    public void Half_life_must_be_positive(long seconds)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TimeDecay.Create(AsOf, Duration.FromSeconds(seconds)));
        Assert.Equal("halfLife", e.ParamName);
        Assert.StartsWith($"Half-life must be positive; got {Duration.FromSeconds(seconds)}.", e.Message);
    }

    [Fact]
    public void Decay_rejects_responses_after_as_of_and_mismatched_spans()
    {
        var decay = TimeDecay.Create(AsOf, Duration.FromDays(30));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => decay.Weight(AsOf + Duration.FromSeconds(1)));
        Assert.Equal("instant", e.ParamName);
        Assert.StartsWith("A response must not be after the decay's reference instant 2026-06-30T12:00:00Z; got 2026-06-30T12:00:01Z.", e.Message);
        var a = Assert.Throws<ArgumentException>(() => decay.Summarise([1, 2], [AsOf], RatingScale.FivePoint));
        Assert.Equal("instants", a.ParamName);
        Assert.StartsWith("Expected one instant per rating (2); got 1.", a.Message);
        var w = Assert.Throws<ArgumentOutOfRangeException>(() => WeightedRatingSummary.Of([1, 2], [1, double.NaN], RatingScale.FivePoint));
        Assert.Equal("weights", w.ParamName);
        Assert.StartsWith("Weight 'weights[1]' must be finite and non-negative; got NaN.", w.Message);
    }
}
