using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Tests.Generators;
using NodaTime;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

public sealed class TrendSummaryTests
{
    private static readonly Instant Origin = Instant.FromUtc(2026, 1, 1, 0, 0);

    // R: origin <- as.numeric(as.POSIXct("2026-01-01", tz="UTC"))/86400 (days since the Unix epoch), t <- origin + d.
    private static Instant[] Days(params double[] days) => days.Select(d => Origin + Duration.FromTicks((long)Math.Round(d * NodaConstants.TicksPerDay))).ToArray();

    [Fact]
    public void Matches_R_lm_on_ten_ratings_with_ties()
    {
        // d <- c(0, 3, 7, 10, 14, 21, 30, 31, 45, 60); y <- c(4,3,5,4,4,2,3,5,3,2); t <- origin + d
        // s <- summary(lm(y ~ t)); s$coefficients[2,] * c(30, 30, 1, 1); confint(lm(y ~ t))[2,] * 30; s$r.squared
        var result = TrendSummary.From(Days(0, 3, 7, 10, 14, 21, 30, 31, 45, 60), [4, 3, 5, 4, 4, 2, 3, 5, 3, 2]).Estimate();
        Assert.Equal(EstimateStatus.Estimated, result.Status);
        Assert.Equal(10, result.Count);
        Near(-0.8080897288704959, result.SlopePer30Days);
        Near(0.51586568467787253, result.StandardError);
        Near(-1.5664731205664513, result.T);
        Near(0.15587186176551973, result.PValue, PValue);
        Interval(-1.9976781309475984, 0.38149867320660658, result.Interval);
        Near(0.23473082600522771, result.RSquared);
        Near(8, result.DegreesOfFreedom);
        Assert.Equal(0.95, result.Level);

        // confint(lm(y ~ t), level = 0.9)[2,] * 30
        Interval(-1.7673667504427668, 0.15118729270177433, TrendSummary.From(Days(0, 3, 7, 10, 14, 21, 30, 31, 45, 60), [4, 3, 5, 4, 4, 2, 3, 5, 3, 2]).Estimate(0.9).Interval);
    }

    [Fact]
    public void Matches_R_lm_on_three_ratings()
    {
        // d <- c(0, 1.5, 4); y <- c(3, 4, 4); t <- origin + d; summary(lm(y ~ t)); confint(lm(y ~ t))
        // By hand: t̄ = 11/6, ȳ = 11/3, Ctt = 49/6, Cty = 11/6, slope = 11/49 per day = 330/49 = 6.734693877551 per 30 days.
        // (R's own value, 6.7346938775549967, carries R's rounding on t ≈ 20454 days; it agrees to 5e-12.)
        var result = TrendSummary.From(Days(0, 1.5, 4), [3, 4, 4]).Estimate();
        Assert.Equal(EstimateStatus.Estimated, result.Status);
        Near(330.0 / 49.0, result.SlopePer30Days, 1e-12);
        Near(6.7346938775549967, result.SlopePer30Days);
        Near(5.3021963497171178, result.StandardError);
        Near(1.2701705922139803, result.T);
        Near(0.42459123002009169, result.PValue, PValue);
        Interval(-60.636098493348818, 74.105486248458803, result.Interval, 1e-8);
        Near(0.61734693877432156, result.RSquared);
        Near(1, result.DegreesOfFreedom);
    }

    [Fact]
    public void Matches_R_lm_with_sub_day_instants()
    {
        // d <- c(0.25, 0.5, 1.125, 2, 2.75, 3.5); y <- c(1, 2, 2, 3, 5, 4); t <- origin + d
        // summary(lm(y ~ t)); confint(lm(y ~ t)) (slope and limits × 30)
        var result = TrendSummary.From(Days(0.25, 0.5, 1.125, 2, 2.75, 3.5), [1, 2, 2, 3, 5, 4]).Estimate();
        Near(30.931326434655332, result.SlopePer30Days);
        Near(7.3703594362784592, result.StandardError);
        Near(4.1967188577540515, result.T);
        Near(0.013732016665940885, result.PValue, PValue);
        Interval(10.467928054251633, 51.394724815059028, result.Interval);
        Near(0.81492148491148297, result.RSquared);
    }

    [Fact]
    public void Matches_R_lm_on_five_thousand_pairs_spanning_several_blocks()
    {
        // i <- 1:5000; d <- ((i*37) %% 1000)/8; y <- (i*7) %% 5 + 1 + (i %% 3)/2 + d/200; t <- origin + d
        // s <- summary(lm(y ~ t)); s$coefficients[2,] * c(30, 30, 1, 1); confint(lm(y ~ t))[2,] * 30; s$r.squared
        var n = 5000;
        var days = new double[n];
        var scores = new double[n];
        for (var k = 0; k < n; k++)
        {
            var i = k + 1;
            days[k] = (i * 37 % 1000) / 8.0;
            scores[k] = (i * 7 % 5) + 1 + ((i % 3) / 2.0) + (days[k] / 200.0);
        }

        var result = TrendSummary.From(Days(days), scores).Estimate();
        Near(0.14851924651921797, result.SlopePer30Days);
        Near(0.017310836769631317, result.StandardError);
        Near(8.5795532876705121, result.T);
        Near(1.2547139908804939e-17, result.PValue, PValue);
        Interval(0.11458241146557466, 0.18245608157286128, result.Interval);
        Near(0.014513882767329053, result.RSquared);

        // Constant scores over several blocks keep co-moments of exactly 0.
        var flat = TrendSummary.From(Days(days), Enumerable.Repeat(0.1, n).ToArray());
        Assert.Equal(0.0, flat.Cyy);
        Assert.Equal(0.1, flat.MeanScore);
        Assert.Equal(EstimateStatus.ZeroVariance, flat.Estimate().Status);
    }

    [Fact]
    public void Empty_and_single_pair_estimate_nothing()
    {
        foreach (var (summary, status) in new[] { (TrendSummary.Empty, EstimateStatus.NoData), (TrendSummary.From(Days(2), [4]), EstimateStatus.NotEnoughData) })
        {
            var result = summary.Estimate();
            Assert.Equal(status, result.Status);
            Assert.Null(result.SlopePer30Days);
            Assert.Null(result.StandardError);
            Assert.Null(result.Interval);
            Assert.Null(result.PValue);
        }

        Assert.Equal(0, TrendSummary.Empty.Estimate().Count);
        Assert.Null(TrendSummary.Empty.MeanInstant);
        Assert.Equal(TrendSummary.Empty, TrendSummary.From([], []));
    }

    [Fact]
    public void Two_pairs_give_a_slope_but_no_uncertainty()
    {
        // By hand: (day 0, 3) and (day 10, 5): slope 0.2 per day = 6 per 30 days; 0 residual degrees of freedom.
        var result = TrendSummary.From(Days(0, 10), [3, 5]).Estimate();
        Assert.Equal(EstimateStatus.NotEnoughData, result.Status);
        Assert.Equal(2, result.Count);
        Near(6, result.SlopePer30Days, 1e-12);
        Assert.Null(result.StandardError);
        Assert.Null(result.Interval);
        Assert.Null(result.PValue);
        Assert.Null(result.DegreesOfFreedom);
    }

    [Fact]
    public void All_pairs_at_one_instant_have_no_slope()
    {
        var result = TrendSummary.From(Days(5, 5, 5), [1, 3, 5]).Estimate();
        Assert.Equal(EstimateStatus.ZeroVariance, result.Status);
        Assert.Null(result.SlopePer30Days);
        Assert.Null(result.PValue);
    }

    [Fact]
    public void Constant_scores_have_slope_zero_without_p_value()
    {
        // R: lm(c(0.1, 0.1, 0.1, 0.1) ~ c(1, 2, 4, 8)) gives slope 0, SE 0 and t = NaN.
        var result = TrendSummary.From(Days(1, 2, 4, 8), [0.1, 0.1, 0.1, 0.1]).Estimate();
        Assert.Equal(EstimateStatus.ZeroVariance, result.Status);
        Assert.Equal(0.0, result.SlopePer30Days);
        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(new ConfidenceInterval(0, 0, 0.95), result.Interval);
        Assert.Null(result.T);
        Assert.Null(result.PValue);
        Assert.Null(result.RSquared);
    }

    [Fact]
    public void Mean_instant_is_the_average_of_the_instants()
    {
        var summary = TrendSummary.From(Days(0, 1), [1, 2]);
        Assert.Equal(Origin + Duration.FromHours(12), summary.MeanInstant);
        Assert.Equal(1.5, summary.MeanScore);
    }

    [Fact]
    public void Rejects_bad_input()
    {
        Rejects<ArgumentException>("scores", "Expected as many values as times (2); got 1.", () => TrendSummary.From(Days(0, 1), [1]));
        Rejects<ArgumentException>("scores", "Scores must be finite numbers; got NaN at index 1.", () => TrendSummary.From(Days(0, 1, 2), [1, double.NaN, 3]));
        Rejects<ArgumentException>("scores", "Scores must be finite numbers; got -Infinity at index 0.", () => TrendSummary.From(Days(0), [double.NegativeInfinity]));
        Rejects<ArgumentException>("score", "Score must be a finite number; got Infinity.", () => TrendSummary.Empty.Add(Origin, double.PositiveInfinity));
        foreach (var level in new[] { 0.0, 1.0, -0.5, 1.2, double.NaN })
        {
            Rejects<ArgumentOutOfRangeException>("level", $"Confidence level must be in (0, 1); got {level.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.", () => TrendSummary.Empty.Estimate(level));
        }

        Rejects<ArgumentOutOfRangeException>("count", "Count must be at least 0; got -1.", () => TrendSummary.FromMoments(-1, 0, 0, 0, 0, 0));
        Rejects<ArgumentOutOfRangeException>("ctt", "Ctt is a sum of squares and must be at least 0; got -1.", () => TrendSummary.FromMoments(3, 0, 0, -1, 0, 0));
        Rejects<ArgumentException>("cty", "Cty must be a finite number; got NaN.", () => TrendSummary.FromMoments(3, 0, 0, 1, double.NaN, 0));
    }

    [Fact]
    public void FromMoments_round_trips()
    {
        var s = TrendSummary.From(Days(0, 3, 7), [4, 3, 5]);
        Assert.Equal(s, TrendSummary.FromMoments(s.Count, s.MeanDays, s.MeanScore, s.Ctt, s.Cty, s.Cyy));
    }

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public bool Merge_equals_summary_of_concatenation(TrendSample a, TrendSample b) =>
        Same(Of(Concat(a, b)), Of(a).Merge(Of(b)));

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public bool Adding_one_by_one_equals_the_span_summary(TrendSample a) =>
        Same(Of(a), a.Times.Zip(a.Scores).Aggregate(TrendSummary.Empty, (s, p) => s.Add(p.First, p.Second)));

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public bool Empty_is_the_identity(TrendSample a) =>
        Of(a).Merge(TrendSummary.Empty) == Of(a) && TrendSummary.Empty.Merge(Of(a)) == Of(a);

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public bool Merge_is_commutative(TrendSample a, TrendSample b) => Same(Of(a).Merge(Of(b)), Of(b).Merge(Of(a)));

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public bool Merge_is_associative(TrendSample a, TrendSample b, TrendSample c) =>
        Same(Of(a).Merge(Of(b)).Merge(Of(c)), Of(a).Merge(Of(b).Merge(Of(c))));

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public Property Slope_of_merged_partitions_equals_slope_of_all(TrendSample a, TrendSample b)
    {
        var whole = Of(Concat(a, b)).Estimate();
        var merged = Of(a).Merge(Of(b)).Estimate();
        return (whole.Status == merged.Status
                && Close(whole.SlopePer30Days ?? 0, merged.SlopePer30Days ?? 0, Math.Abs(whole.SlopePer30Days ?? 0) + (whole.StandardError ?? 0))
                && (whole.PValue is null) == (merged.PValue is null))
            .Label($"whole {whole}, merged {merged}");
    }

    private static TrendSummary Of(TrendSample s) => TrendSummary.From(s.Times, s.Scores);

    private static TrendSample Concat(TrendSample a, TrendSample b) => new([.. a.Times, .. b.Times], [.. a.Scores, .. b.Scores]);

    private static bool Same(TrendSummary x, TrendSummary y) =>
        x.Count == y.Count
        && Close(x.MeanDays, y.MeanDays)
        && Close(x.MeanScore, y.MeanScore)
        && Close(x.Ctt, y.Ctt)
        && Close(x.Cyy, y.Cyy)
        && Close(x.Cty, y.Cty, Math.Sqrt(x.Ctt * x.Cyy));
}
