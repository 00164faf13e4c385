using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

public sealed class NpsDifferenceTestTests
{
    // R has no NPS function; the reference is computed in R from the DESIGN.md formula:
    // nps <- function(px, dx, nx, py, dy, ny, level = 0.95) {
    //   p1 <- px/nx; d1 <- dx/nx; p2 <- py/ny; d2 <- dy/ny
    //   se1 <- 100*sqrt((p1 + d1 - (p1 - d1)^2)/nx); se2 <- 100*sqrt((p2 + d2 - (p2 - d2)^2)/ny)
    //   diff <- 100*(p1 - d1) - 100*(p2 - d2); se <- sqrt(se1^2 + se2^2); z <- diff/se
    //   c(diff, se, z, 2*pnorm(-abs(z)), diff + c(-1, 1)*qnorm((1 + level)/2)*se) }
    [Fact]
    public void Matches_R_on_two_quarters_of_answers()
    {
        // nps(45, 20, 100, 30, 25, 80). By hand: NPS_x = 45 - 20 = 25, NPS_y = 100(30 - 25)/80 = 6.25, difference 18.75.
        var r = NpsDifferenceTest.Compute(Counts(45, 20, 100), Counts(30, 25, 80));
        Assert.Equal(EstimateStatus.Estimated, r.Status);
        Near(25, r.NpsX);
        Near(6.25, r.NpsY);
        Near(18.75, r.Difference);
        Near(12.008297912277159, r.StandardError);
        Near(1.5614202892843119, r.Z);
        Near(0.11842461777285601, r.PValue, PValue);
        Interval(-4.7858314236907482, 42.285831423690752, r.Interval);
    }

    [Fact]
    public void Matches_R_on_tiny_groups()
    {
        // nps(3, 1, 5, 1, 3, 6); nps(3, 1, 5, 1, 3, 6, 0.9)
        var r = NpsDifferenceTest.Compute(Counts(3, 1, 5), Counts(1, 3, 6));
        Near(73.333333333333343, r.Difference);
        Near(46.967285698940771, r.StandardError);
        Near(1.5613704782387965, r.Z);
        Near(0.11843636324283116, r.PValue, PValue);
        Interval(-18.720855088193687, 165.38752175486036, r.Interval);
        Interval(-3.9209768966353664, 150.58764356330204, NpsDifferenceTest.Compute(Counts(3, 1, 5), Counts(1, 3, 6), 0.9).Interval);
    }

    [Fact]
    public void Matches_R_on_two_answers_per_group()
    {
        // nps(1, 1, 2, 0, 2, 2). By hand: NPS_x = 0, NPS_y = -100; SE_x = 100·sqrt((0.5 + 0.5 - 0)/2) = 70.71,
        // SE_y = 100·sqrt((0 + 1 - 1)/2) = 0, so z = 100/70.71 = sqrt(2).
        var r = NpsDifferenceTest.Compute(Counts(1, 1, 2), Counts(0, 2, 2));
        Assert.Equal(EstimateStatus.Estimated, r.Status);
        Near(100, r.Difference);
        Near(70.710678118654755, r.StandardError);
        Near(1.4142135623730949, r.Z);
        Near(0.15729920705028516, r.PValue, PValue);
        Interval(-38.590382434967751, 238.59038243496775, r.Interval);
    }

    [Fact]
    public void Empty_single_and_unanimous_groups_say_what_is_missing()
    {
        var nothing = NpsDifferenceTest.Compute(default, default);
        Assert.Equal((EstimateStatus.NoData, 0L, 0L), (nothing.Status, nothing.CountX, nothing.CountY));
        Assert.Null(nothing.NpsX);
        Assert.Null(nothing.NpsY);
        Assert.Null(nothing.Difference);

        var empty = NpsDifferenceTest.Compute(Counts(0, 0, 0), Counts(1, 0, 2));
        Assert.Equal(EstimateStatus.NotEnoughData, empty.Status);
        Assert.Null(empty.NpsX);
        Assert.Equal(50.0, empty.NpsY);
        Assert.Null(empty.Difference);

        var single = NpsDifferenceTest.Compute(Counts(1, 0, 1), Counts(0, 1, 3));
        Assert.Equal(EstimateStatus.NotEnoughData, single.Status);
        Near(100 + (100.0 / 3), single.Difference, 1e-12);
        Assert.Null(single.StandardError);
        Assert.Null(single.PValue);

        // All promoters in both groups: each plug-in SE is 100·sqrt((1 + 0 - 1)/n) = 0.
        var unanimous = NpsDifferenceTest.Compute(Counts(4, 0, 4), Counts(7, 0, 7));
        Assert.Equal(EstimateStatus.ZeroVariance, unanimous.Status);
        Assert.Equal(0.0, unanimous.Difference);
        Assert.Equal(0.0, unanimous.StandardError);
        Assert.Null(unanimous.Z);
        Assert.Null(unanimous.Interval);
    }

    [Fact]
    public void Takes_the_counts_NpsCounts_summarises()
    {
        // The same first group as Matches_R_on_two_quarters_of_answers, counted from 0–10 ratings:
        // 45 promoters (9–10), 35 passives (7–8), 20 detractors (0–6); the second group counts 30, 25, 25 of 80.
        var x = NpsCounts.Of([.. Enumerable.Repeat(10, 45), .. Enumerable.Repeat(7, 35), .. Enumerable.Repeat(3, 20)]);
        var y = NpsCounts.Of([.. Enumerable.Repeat(9, 30), .. Enumerable.Repeat(8, 25), .. Enumerable.Repeat(0, 25)]);
        var r = NpsDifferenceTest.Compute(x, y);
        Assert.Equal((100L, 80L), (r.CountX, r.CountY));
        Near(18.75, r.Difference);
        Near(12.008297912277159, r.StandardError);
    }

    [Fact]
    public void Counts_beyond_the_range_of_int_are_tested()
    {
        // Scaling both groups of Matches_R_on_two_quarters_of_answers by k multiplies n by k and keeps p and d,
        // so SE = 100·sqrt((p + d − (p − d)²)/n) shrinks by sqrt(k): 12.008297912277159 / sqrt(k).
        const long K = 100_000_000;
        var r = NpsDifferenceTest.Compute(new NpsCounts(45 * K, 35 * K, 20 * K), new NpsCounts(30 * K, 25 * K, 25 * K));
        Assert.Equal((100 * K, 80 * K), (r.CountX, r.CountY));
        Near(18.75, r.Difference);
        Near(12.008297912277159 / Math.Sqrt(K), r.StandardError);
        Assert.Equal(EstimateStatus.Estimated, r.Status);
    }

    [Fact]
    public void Rejects_bad_counts_and_levels()
    {
        // Counts are validated where they are made: a negative count never reaches the test.
        Rejects<ArgumentOutOfRangeException>("promoters", "A count must be non-negative; got -1.", () => Counts(-1, 0, 3));
        Rejects<ArgumentOutOfRangeException>("detractors", "A count must be non-negative; got -4.", () => Counts(1, -4, 3));
        Rejects<ArgumentOutOfRangeException>("passives", "A count must be non-negative; got -1.", () => Counts(2, 3, 4));
        Rejects<ArgumentOutOfRangeException>("level", "Confidence level must be in (0, 1); got NaN.", () => NpsDifferenceTest.Compute(Counts(1, 0, 3), Counts(1, 1, 3), double.NaN));
    }

    /// <summary>The counts of a group of <paramref name="count"/> answers with the given promoters and detractors.</summary>
    private static NpsCounts Counts(long promoters, long detractors, long count) =>
        new(promoters, count - promoters - detractors, detractors);
}
