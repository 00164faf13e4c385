using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using NodaTime;

namespace InternalCustomer.Tests.Feedback;

public class ExactSummaryTests
{
    [Fact]
    public void Trend_tally_of_three_points_has_the_hand_worked_moments_and_slope()
    {
        // Days 0, 1, 2 with scores 1, 2, 4: t̄ = 1, ȳ = 7/3, Ctt = 2, Cty = (−1)(−4/3) + (1)(5/3) = 3, Cyy = 14/3;
        // slope 3/2 per day, 45 per 30 days.
        var epoch = Instant.FromUnixTimeTicks(0);
        var tally = TrendTally.Of([epoch, epoch + Duration.FromDays(1), epoch + Duration.FromDays(2)], [1, 2, 4]);
        var summary = tally.ToSummary();
        Assert.Equal(3, summary.Count);
        Assert.Equal(1.0, summary.MeanDays);
        Assert.Equal(2.0, summary.Ctt);
        Assert.Equal(3.0, summary.Cty);
        Assert.Equal(14.0 / 3, summary.Cyy, 12);
        Assert.Equal(45.0, tally.Estimate().SlopePer30Days!.Value, 12);
        Assert.Equal(7, (long)tally.SumScores);
        Assert.Equal(tally, TrendTally.FromParts(tally.Count, tally.SumTicks, tally.SumSquaredTicks, tally.SumScores, tally.SumSquaredScores, tally.SumTickScoreProducts));
    }

    [Fact]
    public void Trend_tally_parts_that_contradict_each_other_are_rejected()
    {
        var thrown = Assert.Throws<ArgumentException>(() => TrendTally.FromParts(2, 10, 1, 0, 0, 0));
        Assert.Equal("sumSquaredTicks", thrown.ParamName);
        Assert.Contains("count·Σt² ≥ (Σt)²", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_one_by_one_equals_Of_all_bit_for_bit()
    {
        var random = new Random(7);
        var ratings = Enumerable.Range(0, 500).Select(_ => random.Next(1, 6)).ToArray();
        var added = ratings.Aggregate(RatingSummary.Empty(RatingScale.FivePoint), (s, r) => s.Add(r));
        var of = RatingSummary.Of(ratings, RatingScale.FivePoint);
        Assert.Equal(BitConverter.DoubleToInt64Bits(of.Mean), BitConverter.DoubleToInt64Bits(added.Mean));
        Assert.Equal(BitConverter.DoubleToInt64Bits(of.M2), BitConverter.DoubleToInt64Bits(added.M2));
        var halves = RatingSummary.Of(ratings.AsSpan(0, 123), RatingScale.FivePoint).Merge(RatingSummary.Of(ratings.AsSpan(123), RatingScale.FivePoint));
        Assert.Equal(BitConverter.DoubleToInt64Bits(of.M2), BitConverter.DoubleToInt64Bits(halves.M2));

        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        var responses = ratings.Select((r, i) => new FeedbackResponse(DepartmentId.Parse("a"), DepartmentId.Parse("b"), start + Duration.FromHours(i), RatingScale.FivePoint, r, recommend: i % 3 == 0 ? i % 11 : null)).ToArray();
        var feedback = responses.Aggregate(FeedbackSummary.Empty(RatingScale.FivePoint), (s, r) => s.Add(r));
        var all = FeedbackSummary.Of(responses, RatingScale.FivePoint);
        Assert.Equal(BitConverter.DoubleToInt64Bits(all.Recommend.M2), BitConverter.DoubleToInt64Bits(feedback.Recommend.M2));
        Assert.Equal(all.Overall.Histogram.ToArray(), feedback.Overall.Histogram.ToArray());

        var trend = responses.Aggregate(TrendTally.Empty, (t, r) => t.Add(r.Instant, r.Overall));
        Assert.Equal(TrendTally.Of([.. responses.Select(r => r.Instant)], ratings), trend);
    }

    [Fact]
    public void Feedback_parts_that_disagree_are_rejected()
    {
        var overall = RatingSummary.Of([3, 4], RatingScale.FivePoint);
        var thrown = Assert.Throws<ArgumentException>(() => FeedbackSummary.FromParts(overall, RatingSummary.Of([1, 2, 3], RatingScale.ZeroToTen), RatingSummary.Empty(RatingScale.SevenPoint), null));
        Assert.Equal("recommend", thrown.ParamName);
        Assert.Equal("Expected at most the 2 responses' likelihood-to-recommend ratings; got 3. (Parameter 'recommend')", thrown.Message);
    }

    [Fact]
    public void Servqual_weighted_gap_is_that_of_the_per_response_weighted_gaps_and_adding_one_by_one_equals_Of()
    {
        // The reference is computed here from its definition: each complete response's weighted gap Σ_d w_d (P_d − E_d),
        // then the two-pass mean and sum of squared deviations of those values.
        var responses = FeedbackMetricsTests.ServqualResponses();
        var dimensions = responses[0].Dimensions!;
        var weighted = responses
            .Where(r => dimensions.Names.All(d => r.Perception(d) is not null && r.Expectation(d) is not null))
            .Select(r => dimensions.Names.Select((d, i) => dimensions.Weights[i] * (r.Perception(d)!.Value - r.Expectation(d)!.Value)).Sum())
            .ToArray();
        var mean = weighted.Average();
        var m2 = weighted.Sum(g => (g - mean) * (g - mean));

        var of = ServqualSummary.Of(responses, dimensions);
        Assert.Equal(weighted.Length, of.WeightedGap.Count);
        Assert.Equal(mean, of.WeightedGap.Mean, 12);
        Assert.Equal(m2, of.WeightedGap.M2, 12);

        var added = responses.Aggregate(ServqualSummary.Empty(dimensions), (s, r) => s.Add(r));
        Assert.Equal(BitConverter.DoubleToInt64Bits(of.WeightedGap.Mean), BitConverter.DoubleToInt64Bits(added.WeightedGap.Mean));
        Assert.Equal(BitConverter.DoubleToInt64Bits(of.WeightedGap.M2), BitConverter.DoubleToInt64Bits(added.WeightedGap.M2));
        var reversed = ServqualSummary.Of(responses.AsSpan(3), dimensions).Merge(ServqualSummary.Of(responses.AsSpan(0, 3), dimensions));
        Assert.Equal(BitConverter.DoubleToInt64Bits(of.WeightedGap.M2), BitConverter.DoubleToInt64Bits(reversed.WeightedGap.M2));
    }
}
