using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Feedback;

public class FeedbackSummaryTests
{
    private static readonly DepartmentId It = DepartmentId.Parse("it");
    private static readonly DepartmentId Hr = DepartmentId.Parse("hr");
    private static readonly DepartmentId Finance = DepartmentId.Parse("finance");

    [Fact]
    public void Summarises_overall_recommend_effort_and_servqual()
    {
        FeedbackResponse[] responses =
        [
            new(Finance, It, Instant.FromUtc(2026, 1, 5, 9, 0), RatingScale.FivePoint, 4, recommend: 9, effort: 6),
            new(Hr, It, Instant.FromUtc(2026, 1, 6, 9, 0), RatingScale.FivePoint, 2, recommend: 3),
            new(Finance, Hr, Instant.FromUtc(2026, 1, 7, 9, 0), RatingScale.FivePoint, 5, effort: 7),
        ];
        var s = FeedbackSummary.Of(responses, RatingScale.FivePoint);
        // Overall 4, 2, 5: n = 3, mean 11/3. Recommend 9 (promoter), 3 (detractor). Effort 6, 7.
        Assert.Equal(3, s.Count);
        Assert.Equal(11.0 / 3, s.Overall.Mean, 14);
        Assert.Equal(new NpsCounts(1, 0, 1), s.Nps);
        Assert.Equal((2L, 6.5), (s.Effort.Count, s.Effort.Mean));
        Assert.Null(s.Servqual);

        var sq = FeedbackSummary.Of(FeedbackMetricsTests.ServqualResponses(), RatingScale.FivePoint, FeedbackMetricsTests.ServqualResponses()[0].Dimensions);
        Assert.Equal(6, sq.Servqual!.WeightedGap.Count);
    }

    [Fact]
    public void Empty_input_gives_an_empty_summary()
    {
        var s = FeedbackSummary.Of([], RatingScale.FivePoint, DimensionSet.Servqual);
        Assert.Equal(0, s.Count);
        Assert.Equal(0, s.Recommend.Count);
        Assert.Equal(5, s.Servqual!.Gaps.Length);
        Assert.Empty(FeedbackGrouping.ByRelationship([], RatingScale.FivePoint));
        Assert.Empty(SatisfactionMatrix.Of([], RatingScale.FivePoint).Providers);
    }

    [Fact]
    public void Mixed_scales_and_dimension_sets_are_rejected()
    {
        FeedbackResponse[] responses = [new(Finance, It, Instant.FromUtc(2026, 1, 5, 9, 0), RatingScale.SevenPoint, 6)];
        var e = Assert.Throws<ArgumentException>(() => FeedbackSummary.Of(responses, RatingScale.FivePoint));
        Assert.Equal("responses", e.ParamName);
        Assert.StartsWith("Expected overall ratings on the 1–5 scale; got a response on the 1–7 scale.", e.Message);

        var other = DimensionSet.Create(RatingScale.SevenPoint, [new("speed", 1)]);
        e = Assert.Throws<ArgumentException>(() => FeedbackSummary.Of(FeedbackMetricsTests.ServqualResponses(), RatingScale.FivePoint, other));
        Assert.Equal("responses", e.ParamName);
        Assert.StartsWith("Expected responses rating the dimensions [speed]; got a response rating [quality, speed, care].", e.Message);

        e = Assert.Throws<ArgumentException>(() => FeedbackSummary.Empty(RatingScale.FivePoint).Merge(FeedbackSummary.Empty(RatingScale.FivePoint, DimensionSet.Servqual)));
        Assert.Equal("other", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => FeedbackSummary.Empty(RatingScale.FivePoint).Merge(FeedbackSummary.Empty(RatingScale.ZeroToTen)));
        Assert.StartsWith("Only summaries on the same overall scale can be merged; expected 1–5, got 0–10.", e.Message);
    }

    [Fact]
    public void Groups_by_provider_consumer_relationship_and_period()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        FeedbackResponse[] responses =
        [
            // 2026-03-31T22:30Z is 2026-04-01 00:30 in Berlin (CEST): second quarter there, first quarter in UTC.
            new(Finance, It, Instant.FromUtc(2026, 3, 31, 22, 30), RatingScale.FivePoint, 5),
            new(Finance, It, Instant.FromUtc(2026, 2, 10, 12, 0), RatingScale.FivePoint, 3),
            new(Hr, It, Instant.FromUtc(2026, 5, 10, 12, 0), RatingScale.FivePoint, 4),
            new(It, Hr, Instant.FromUtc(2026, 12, 31, 23, 30), RatingScale.FivePoint, 1),
        ];
        var byProvider = FeedbackGrouping.ByProvider(responses, RatingScale.FivePoint);
        Assert.Equal([Hr, It], byProvider.Keys);
        Assert.Equal((3L, 4.0), (byProvider[It].Count, byProvider[It].Overall.Mean));
        var byConsumer = FeedbackGrouping.ByConsumer(responses, RatingScale.FivePoint);
        Assert.Equal([Finance, Hr, It], byConsumer.Keys);
        Assert.Equal(2, byConsumer[Finance].Count);
        var byPair = FeedbackGrouping.ByRelationship(responses, RatingScale.FivePoint);
        Assert.Equal([new Relationship(Hr, It), new Relationship(It, Finance), new Relationship(It, Hr)], byPair.Keys);

        var quarters = FeedbackGrouping.ByPeriod(responses, zone, PeriodUnit.Quarter, RatingScale.FivePoint);
        Assert.Equal(
            [new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)),
             new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30)),
             new DateInterval(new LocalDate(2027, 1, 1), new LocalDate(2027, 3, 31))],
            quarters.Keys);
        Assert.Equal([1L, 2, 1], quarters.Values.Select(v => v.Count));
        var utcMonths = FeedbackGrouping.ByPeriod(responses, DateTimeZone.Utc, PeriodUnit.Month, RatingScale.FivePoint);
        Assert.Equal([2, 3, 5, 12], utcMonths.Keys.Select(k => k.Start.Month));
        var years = FeedbackGrouping.ByPeriod(responses, zone, PeriodUnit.Year, RatingScale.FivePoint);
        Assert.Equal([2026, 2027], years.Keys.Select(k => k.Start.Year));
        Assert.Equal(new DateInterval(new LocalDate(2024, 2, 1), new LocalDate(2024, 2, 29)), FeedbackGrouping.PeriodOf(new LocalDate(2024, 2, 17), PeriodUnit.Month));
    }

    [Fact]
    public void Equal_ids_from_different_string_instances_fall_in_one_group()
    {
        // The grouping looks ids up by string instance first; equal text in a new instance must still match.
        var responses = Enumerable.Range(0, 600).Select(i => new FeedbackResponse(
            DepartmentId.Parse(new string(['h', 'r'])),
            DepartmentId.Parse(i % 2 == 0 ? new string(['i', 't']) : "legal"),
            Instant.FromUtc(2026, 1, 1, 0, 0),
            RatingScale.FivePoint,
            (i % 5) + 1)).ToArray();
        var byPair = FeedbackGrouping.ByRelationship(responses, RatingScale.FivePoint);
        Assert.Equal(2, byPair.Count);
        Assert.Equal(300, byPair[new Relationship(It, Hr)].Count);
        Assert.Equal(300, byPair[new Relationship(DepartmentId.Parse("legal"), Hr)].Count);
        Assert.Equal([Hr], FeedbackGrouping.ByConsumer(responses, RatingScale.FivePoint).Keys);
        Assert.Equal(2, FeedbackGrouping.ByProvider(responses, RatingScale.FivePoint).Count);
    }

    [Fact]
    public void Period_unit_must_be_defined()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackGrouping.ByPeriod([], DateTimeZone.Utc, (PeriodUnit)7, RatingScale.FivePoint));
        Assert.Equal("unit", e.ParamName);
        Assert.StartsWith("Expected Month, Quarter or Year; got 7.", e.Message);
    }

    [Fact]
    public void Satisfaction_matrix_has_a_cell_per_relationship_with_feedback()
    {
        FeedbackResponse[] responses =
        [
            new(Finance, It, Instant.FromUtc(2026, 1, 5, 9, 0), RatingScale.FivePoint, 4),
            new(Finance, It, Instant.FromUtc(2026, 1, 6, 9, 0), RatingScale.FivePoint, 2),
            new(It, Hr, Instant.FromUtc(2026, 1, 7, 9, 0), RatingScale.FivePoint, 5),
        ];
        var m = SatisfactionMatrix.Of(responses, RatingScale.FivePoint);
        Assert.Equal([Hr, It], m.Providers.ToArray());
        Assert.Equal([Finance, It], m.Consumers.ToArray());
        Assert.Equal(3.0, m[It, Finance]!.Overall.Mean);
        Assert.Equal(5.0, m[Hr, It]!.Overall.Mean);
        Assert.Null(m[It, It]);
        Assert.Null(m[Hr, Finance]);

        // Cells from two partitions are merged.
        var a = FeedbackGrouping.ByRelationship(responses.AsSpan(0, 1), RatingScale.FivePoint);
        var b = FeedbackGrouping.ByRelationship(responses.AsSpan(1), RatingScale.FivePoint);
        var merged = SatisfactionMatrix.FromCells(a.Concat(b));
        Assert.Equal(2, merged[It, Finance]!.Count);
        Assert.Equal(3.0, merged[It, Finance]!.Overall.Mean);
    }

    // ---- Merge laws for the composite summaries ----

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Summarise_concatenation_equals_merge(ResponseSample sample)
    {
        var whole = FeedbackSummary.Of(sample.Responses, RatingScale.FivePoint, DimensionSet.Servqual);
        var merged = FeedbackSummary.Of(sample.Responses.AsSpan(0, sample.Split), RatingScale.FivePoint, DimensionSet.Servqual)
            .Merge(FeedbackSummary.Of(sample.Responses.AsSpan(sample.Split), RatingScale.FivePoint, DimensionSet.Servqual));
        var identity = whole.Merge(FeedbackSummary.Empty(RatingScale.FivePoint, DimensionSet.Servqual));
        return Same(whole, merged) && Same(whole, identity);
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Order_and_grouping_do_not_change_results(ResponseSample sample)
    {
        var shuffled = sample.Responses.ToArray();
        new Random(sample.Seed).Shuffle(shuffled);
        var whole = FeedbackSummary.Of(sample.Responses, RatingScale.FivePoint, DimensionSet.Servqual);
        var fromShuffled = FeedbackSummary.Of(shuffled, RatingScale.FivePoint, DimensionSet.Servqual);
        var fromGroups = FeedbackGrouping.ByRelationship(shuffled, RatingScale.FivePoint, DimensionSet.Servqual).Values
            .Aggregate(FeedbackSummary.Empty(RatingScale.FivePoint, DimensionSet.Servqual), (a, b) => a.Merge(b));
        var byProvider = FeedbackGrouping.ByProvider(sample.Responses, RatingScale.FivePoint, DimensionSet.Servqual);
        var providerFromPairs = FeedbackGrouping.ByRelationship(sample.Responses, RatingScale.FivePoint, DimensionSet.Servqual)
            .GroupBy(kv => kv.Key.Provider)
            .All(g => Same(byProvider[g.Key], g.Select(kv => kv.Value).Aggregate((a, b) => a.Merge(b))));
        return Same(whole, fromShuffled) && Same(whole, fromGroups) && providerFromPairs;
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Weighted_summary_merge_laws(WeightedSample sample)
    {
        var whole = WeightedRatingSummary.Of(sample.Ratings, sample.Weights, sample.Scale);
        var a = WeightedRatingSummary.Of(sample.Ratings.AsSpan(0, sample.Split), sample.Weights.AsSpan(0, sample.Split), sample.Scale);
        var b = WeightedRatingSummary.Of(sample.Ratings.AsSpan(sample.Split), sample.Weights.AsSpan(sample.Split), sample.Scale);
        var empty = WeightedRatingSummary.Empty(sample.Scale);
        var ab = a.Merge(b);
        var ba = b.Merge(a);
        return Same(whole, ab) && Same(whole, ba) && Same(whole, whole.Merge(empty)) && Same(whole, empty.Merge(whole))
            && ab.Mean == ba.Mean && ab.M2 == ba.M2;
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Moment_summary_merge_laws(RatingSample sample)
    {
        double[] values = [.. sample.Ratings.Select(r => r / 7.0)];
        var whole = MomentSummary.Of(values);
        var (x, y, z) = (MomentSummary.Of(values.AsSpan(0, sample.Split1)), MomentSummary.Of(values.AsSpan(sample.Split1, sample.Split2 - sample.Split1)), MomentSummary.Of(values.AsSpan(sample.Split2)));
        var left = x.Merge(y).Merge(z);
        var right = x.Merge(y.Merge(z));
        return Same(whole, left) && Same(left, right) && x.Merge(y) == y.Merge(x) && whole.Merge(MomentSummary.Empty) == whole;
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Nps_counts_merge_exactly(RatingSample sample)
    {
        int[] recommend = [.. sample.Ratings.Select(r => Math.Abs(r) % 11)];
        var whole = NpsCounts.Of(recommend);
        var merged = NpsCounts.Of(recommend.AsSpan(0, sample.Split1)).Merge(NpsCounts.Of(recommend.AsSpan(sample.Split1)));
        return whole == merged && whole.Merge(default) == whole && whole.Count == recommend.Length;
    }

    private static bool Same(MomentSummary e, MomentSummary a) =>
        e.Count == a.Count && Close.Enough(e.Mean, a.Mean) && Close.Enough(e.M2, a.M2);

    private static bool Same(WeightedRatingSummary e, WeightedRatingSummary a) =>
        e.Count == a.Count && Close.Enough(e.SumOfWeights, a.SumOfWeights) && Close.Enough(e.SumOfSquaredWeights, a.SumOfSquaredWeights)
        && Close.Enough(e.Mean, a.Mean) && Close.Enough(e.M2, a.M2)
        && e.WeightedHistogram.ToArray().Zip(a.WeightedHistogram.ToArray()).All(p => Close.Enough(p.First, p.Second));

    private static bool Same(FeedbackSummary e, FeedbackSummary a) =>
        RatingSummaryTests.Same(e.Overall, a.Overall)
        && RatingSummaryTests.Same(e.Recommend, a.Recommend)
        && RatingSummaryTests.Same(e.Effort, a.Effort)
        && e.Servqual!.Perceptions.Zip(a.Servqual!.Perceptions).All(p => RatingSummaryTests.Same(p.First, p.Second))
        && e.Servqual.Expectations.Zip(a.Servqual.Expectations).All(p => RatingSummaryTests.Same(p.First, p.Second))
        && e.Servqual.Gaps.Zip(a.Servqual.Gaps).All(p => RatingSummaryTests.Same(p.First, p.Second))
        && Same(e.Servqual.WeightedGap, a.Servqual.WeightedGap);
}
