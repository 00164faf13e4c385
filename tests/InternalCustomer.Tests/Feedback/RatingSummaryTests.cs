using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Feedback;

public class RatingSummaryTests
{
    [Fact]
    public void Hand_worked_summary()
    {
        // 4,5,3,4,4,2,5,4: n = 8, Σx = 31, mean = 3.875;
        // deviations² = .015625·4 (the 4s) + 1.265625·2 (the 5s) + .765625 (3) + 3.515625 (2) = 6.875 = M2;
        // variance = 6.875 / 7 = 0.98214285714285714 (R: var(c(4,5,3,4,4,2,5,4)) = 0.9821428571428571).
        var s = RatingSummary.Of([4, 5, 3, 4, 4, 2, 5, 4], RatingScale.FivePoint);
        Assert.Equal(8, s.Count);
        Assert.Equal(31, s.Sum);
        Assert.Equal(3.875, s.Mean);
        Assert.Equal(6.875, s.M2);
        Close.Equal(0.9821428571428571, s.Variance);
        Assert.Equal(2, s.Min);
        Assert.Equal(5, s.Max);
        Assert.Equal([0L, 1, 1, 4, 2], s.Histogram.ToArray());
        Assert.Equal(6, s.CountAtOrAbove(4));
        Assert.Equal(2, s.CountAtOrBelow(3));
        Assert.Equal(4, s.CountAt(4));
    }

    [Fact]
    public void Empty_one_and_two_ratings()
    {
        var empty = RatingSummary.Of(ReadOnlySpan<int>.Empty, RatingScale.FivePoint);
        Assert.True(empty.IsEmpty);
        Assert.Equal((0L, 0.0, 0.0), (empty.Count, empty.Mean, empty.M2));
        Assert.Null(empty.Variance);
        Assert.Null(empty.Min);
        Assert.Null(empty.Max);

        var one = RatingSummary.Of([3], RatingScale.FivePoint);
        Assert.Equal((1L, 3.0, 0.0), (one.Count, one.Mean, one.M2));
        Assert.Null(one.Variance);

        // 3 and 5: mean 4, M2 = 1 + 1 = 2, variance 2.
        var two = RatingSummary.Of([3, 5], RatingScale.FivePoint);
        Assert.Equal((2L, 4.0, 2.0, 2.0), (two.Count, two.Mean, two.M2, two.Variance!.Value));
    }

    [Fact]
    public void Long_runs_take_the_vector_path_and_count_exactly()
    {
        // 1003 ratings cycling 1..5 (not a multiple of 8, so the scalar tail runs too): 201 ones, then 200 of each other point... by construction.
        var ratings = Enumerable.Range(0, 1003).Select(i => (i % 5) + 1).ToArray();
        var s = RatingSummary.Of(ratings, RatingScale.FivePoint);
        Assert.Equal([201L, 201, 201, 200, 200], s.Histogram.ToArray());
        Assert.Equal(ratings.Average(), s.Mean, 12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(16)]
    public void Every_point_is_counted_exactly_across_counter_flushes(int points)
    {
        // Scales of up to 8 points count in packed per-lane fields of 32 / points bits, emptied every 2^bits − 1 steps of 16
        // ratings. Runs of one point fill a field as fast as possible; two flushes and a tail of 37 are crossed for every
        // point, at the bottom, the top and the middle of the scale, and in a seeded mix. The expected histogram is a plain
        // count.
        var scale = RatingScale.Custom(-3, -3 + points - 1);
        var steps = points <= 8 ? (1 << (32 / points)) - 1 : 63;
        var length = (2 * steps * 16) + 37;
        var random = new Random(points);
        foreach (var fill in new Func<int, int>[] { _ => scale.Min, _ => scale.Max, _ => scale.Min + (points / 2), _ => random.Next(scale.Min, scale.Max + 1) })
        {
            var ratings = new int[length];
            for (var i = 0; i < length; i++)
            {
                ratings[i] = fill(i);
            }

            var expected = new long[points];
            foreach (var r in ratings)
            {
                expected[r - scale.Min]++;
            }

            Assert.Equal(expected, RatingSummary.Of(ratings, scale).Histogram.ToArray());
        }
    }

    [Theory]
    [InlineData(6, 100)] // one past the top: its packed field would be the spare bits above the five fields
    [InlineData(7, 200)] // shift count 36: adds nothing to any field
    [InlineData(715_827_884, 300)] // (x − 1) × 6 wraps around 2^32 to 2: would land in the first field
    [InlineData(int.MinValue, 15)]
    [InlineData(0, 1_007)]
    public void An_out_of_scale_rating_inside_the_packed_run_is_rejected(int bad, int index)
    {
        var ratings = Enumerable.Range(0, 2_000).Select(i => (i % 5) + 1).ToArray();
        ratings[index] = bad;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RatingSummary.Of(ratings, RatingScale.FivePoint));
        Assert.StartsWith($"Rating 'ratings[{index}]' must be a point of the 1–5 scale; got {bad}.", e.Message);
    }

    [Fact]
    public void Double_path_agrees_with_integer_path()
    {
        int[] ints = [7, 1, 4, 4, 6, 2, 7, 7, 5, 3, 1];
        var a = RatingSummary.Of(ints, RatingScale.SevenPoint);
        var b = RatingSummary.Of(ints.Select(i => (double)i).ToArray(), RatingScale.SevenPoint);
        Assert.Equal(a.Histogram.ToArray(), b.Histogram.ToArray());
        Assert.Equal((a.Count, a.Mean, a.M2), (b.Count, b.Mean, b.M2));
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(0, 8)]
    [InlineData(6, 13)]
    [InlineData(int.MinValue, 3)]
    [InlineData(int.MaxValue, 19)]
    public void Rating_outside_scale_is_rejected_with_index_and_value(int bad, int index)
    {
        var ratings = Enumerable.Repeat(3, 20).ToArray();
        ratings[index] = bad;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RatingSummary.Of(ratings, RatingScale.FivePoint));
        Assert.Equal("ratings", e.ParamName);
        Assert.StartsWith($"Rating 'ratings[{index}]' must be a point of the 1–5 scale; got {bad}.", e.Message);
    }

    [Theory]
    [InlineData(double.NaN, "a finite whole point", "NaN")]
    [InlineData(double.NegativeInfinity, "a finite whole point", "-Infinity")]
    [InlineData(4.5, "a whole point", "4.5")]
    [InlineData(0.0, "a point", "0")]
    public void Bad_real_rating_is_rejected(double bad, string kind, string shown)
    {
        double[] ratings = [1, 2, bad];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RatingSummary.Of(ratings, RatingScale.FivePoint));
        Assert.Equal("ratings", e.ParamName);
        Assert.StartsWith($"Rating 'ratings[2]' must be {kind} of the 1–5 scale; got {shown}.", e.Message);
    }

    [Fact]
    public void Merge_rejects_another_scale()
    {
        var e = Assert.Throws<ArgumentException>(() => RatingSummary.Empty(RatingScale.FivePoint).Merge(RatingSummary.Empty(RatingScale.SevenPoint)));
        Assert.Equal("other", e.ParamName);
        Assert.StartsWith("Only summaries on the same scale can be merged; expected 1–5, got 1–7.", e.Message);
    }

    [Fact]
    public void FromHistogram_rejects_wrong_length_and_negative_counts()
    {
        var e = Assert.Throws<ArgumentException>(() => RatingSummary.FromHistogram(RatingScale.FivePoint, new long[] { 1, 2 }));
        Assert.Equal("histogram", e.ParamName);
        Assert.StartsWith("A histogram on the 1–5 scale must have 5 counts; got 2.", e.Message);
        e = Assert.Throws<ArgumentException>(() => RatingSummary.FromHistogram(RatingScale.FivePoint, new long[] { 1, 2, -1, 0, 0 }));
        Assert.StartsWith("Histogram counts must be non-negative; got -1 at point 3.", e.Message);
    }

    // ---- Merge laws (DESIGN.md §6) ----

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Summary_matches_a_naive_two_pass_computation(RatingSample sample)
    {
        var s = RatingSummary.Of(sample.Ratings, sample.Scale);
        if (sample.Ratings.Length == 0)
        {
            return s.IsEmpty && s.Mean == 0 && s.M2 == 0;
        }

        var mean = sample.Ratings.Average();
        var m2 = sample.Ratings.Sum(x => (x - mean) * (x - mean));
        var histogram = Enumerable.Range(sample.Scale.Min, sample.Scale.Points).Select(v => (long)sample.Ratings.Count(x => x == v));
        return s.Count == sample.Ratings.Length
            && Close.Enough(mean, s.Mean)
            && Close.Enough(m2, s.M2)
            && s.Histogram.ToArray().SequenceEqual(histogram)
            && s.Min == sample.Ratings.Min() && s.Max == sample.Ratings.Max();
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Summarise_concatenation_equals_merge_of_summaries(RatingSample sample)
    {
        var whole = RatingSummary.Of(sample.Ratings, sample.Scale);
        var merged = RatingSummary.Of(sample.Ratings.AsSpan(0, sample.Split1), sample.Scale)
            .Merge(RatingSummary.Of(sample.Ratings.AsSpan(sample.Split1), sample.Scale));
        return Same(whole, merged);
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Empty_is_the_identity(RatingSample sample)
    {
        var s = RatingSummary.Of(sample.Ratings, sample.Scale);
        var empty = RatingSummary.Empty(sample.Scale);
        return Same(s, s.Merge(empty)) && Same(s, empty.Merge(s));
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Merge_is_associative(RatingSample sample)
    {
        var (a, b, c) = (Of(sample.Xs, sample), Of(sample.Ys, sample), Of(sample.Zs, sample));
        return Same(a.Merge(b).Merge(c), a.Merge(b.Merge(c)));
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Merge_is_commutative_exactly(RatingSample sample)
    {
        var (a, b) = (Of(sample.Xs, sample), Of(sample.Ys, sample));
        var (ab, ba) = (a.Merge(b), b.Merge(a));
        return ab.Count == ba.Count && ab.Mean == ba.Mean && ab.M2 == ba.M2 && ab.Histogram.SequenceEqual(ba.Histogram);
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Order_does_not_change_the_summary(RatingSample sample, int seed)
    {
        var shuffled = sample.Ratings.ToArray();
        new Random(seed).Shuffle(shuffled);
        var (a, b) = (Of(sample.Ratings, sample), Of(shuffled, sample));
        return a.Count == b.Count && a.Mean == b.Mean && a.M2 == b.M2 && a.Histogram.SequenceEqual(b.Histogram);
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public bool Partitioning_does_not_change_the_summary(RatingSample sample, PositiveInt parts)
    {
        var chunk = Math.Max(1, sample.Ratings.Length / Math.Min(parts.Get, 50));
        var merged = sample.Ratings.Chunk(chunk).Select(c => Of(c, sample)).Aggregate(RatingSummary.Empty(sample.Scale), (x, y) => x.Merge(y));
        return Same(Of(sample.Ratings, sample), merged);
    }

    private static RatingSummary Of(int[] ratings, RatingSample sample) => RatingSummary.Of(ratings, sample.Scale);

    internal static bool Same(RatingSummary expected, RatingSummary actual) =>
        expected.Scale.Equals(actual.Scale)
        && expected.Count == actual.Count
        && expected.Histogram.SequenceEqual(actual.Histogram)
        && Close.Enough(expected.Mean, actual.Mean)
        && Close.Enough(expected.M2, actual.M2)
        && expected.Min == actual.Min && expected.Max == actual.Max;
}
