using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Tests.Generators;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

public sealed class MannWhitneyTestTests
{
    // Every reference: r <- wilcox.test(x, y, exact = FALSE, correct = TRUE); r$statistic; r$p.value;
    // rank-biserial by hand in R: 2 * r$statistic / (length(x) * length(y)) - 1.
    [Fact]
    public void Matches_R_wilcox_test_on_ratings_with_ties()
    {
        // x <- c(4,5,3,4,5,5,4,2); y <- c(3,3,4,2,3,4,3)
        var r = MannWhitneyTest.Compute([4, 5, 3, 4, 5, 5, 4, 2], [3, 3, 4, 2, 3, 4, 3]);
        Assert.Equal(EstimateStatus.Estimated, r.Status);
        Near(42.5, r.W);
        Near(0.091125993228696023, r.PValue, PValue);
        Near(0.51785714285714279, r.RankBiserial);
        Near(42.5 / 56, r.ProbabilityOfSuperiority);
    }

    [Fact]
    public void Matches_R_wilcox_test_on_heavily_tied_five_point_ratings()
    {
        // x <- c(5,5,4,4,4,3,5,5,4); y <- c(4,4,3,3,4,5,2,3,3,4,4)
        var r = MannWhitneyTest.Compute([5, 5, 4, 4, 4, 3, 5, 5, 4], [4, 4, 3, 3, 4, 5, 2, 3, 3, 4, 4]);
        Near(75, r.W);
        Near(0.042861978538699386, r.PValue, PValue);
        Near(0.51515151515151514, r.RankBiserial);
    }

    [Fact]
    public void Matches_R_wilcox_test_on_tiny_samples()
    {
        // x <- c(1, 2); y <- c(3, 5, 4). By hand: no x exceeds any y, so W = 0 and r = -1.
        var r = MannWhitneyTest.Compute([1, 2], [3, 5, 4]);
        Near(0, r.W);
        Near(0.14891467317876567, r.PValue, PValue);
        Near(-1, r.RankBiserial);

        // x <- 3; y <- c(1, 2): W = 2, p = 0.54029137460742005.
        var single = MannWhitneyTest.Compute([3], [1, 2]);
        Assert.Equal(1, single.CountX);
        Near(2, single.W);
        Near(0.54029137460742005, single.PValue, PValue);
        Near(1, single.RankBiserial);
    }

    [Fact]
    public void Empty_sample_and_all_tied_values_say_what_is_missing()
    {
        var nothing = MannWhitneyTest.Compute([], []);
        Assert.Equal(EstimateStatus.NoData, nothing.Status);
        Assert.Null(nothing.W);
        Assert.Null(nothing.PValue);

        var empty = MannWhitneyTest.Compute([], [1, 2]);
        Assert.Equal(EstimateStatus.NotEnoughData, empty.Status);
        Assert.Null(empty.W);
        Assert.Null(empty.PValue);

        // All four values equal: W = nx·ny/2 = 2, σ = 0 (R gives p = NaN).
        var tied = MannWhitneyTest.Compute([3, 3], [3, 3]);
        Assert.Equal(EstimateStatus.ZeroVariance, tied.Status);
        Assert.Equal(2.0, tied.W);
        Assert.Equal(0.0, tied.RankBiserial);
        Assert.Null(tied.Z);
        Assert.Null(tied.PValue);
    }

    [Fact]
    public void Rejects_non_finite_values()
    {
        Rejects<ArgumentException>("x", "Values of x must be finite numbers; got NaN at index 0.", () => MannWhitneyTest.Compute([double.NaN], [1]));
        Rejects<ArgumentException>("y", "Values of y must be finite numbers; got -Infinity at index 1.", () => MannWhitneyTest.Compute([1], [1, double.NegativeInfinity]));
    }

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public Property P_value_is_symmetric_and_effect_antisymmetric(TwoSamples s)
    {
        var xy = MannWhitneyTest.Compute(s.X, s.Y);
        var yx = MannWhitneyTest.Compute(s.Y, s.X);
        var ok = xy.Status == yx.Status
            && (xy.PValue is null ? yx.PValue is null : Close(xy.PValue.Value, yx.PValue!.Value))
            && (xy.RankBiserial is null || Close(xy.RankBiserial.Value, -yx.RankBiserial!.Value))
            && (xy.W is null || Close(xy.W.Value + yx.W!.Value, (double)s.X.Length * s.Y.Length));
        return ok.Label($"xy {xy}, yx {yx}");
    }
}
