using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Tests.Generators;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

public sealed class CoMomentMatrixTests
{
    private const int K = DriverSample.Dimensions;

    [Fact]
    public void Summarises_means_and_co_moments()
    {
        // By hand, two dimensions and overall over three responses:
        // d0 = (1, 2, 3), mean 2; d1 = (2, 2, 5), mean 3; y = (1, 3, 2), mean 2.
        // C00 = 1 + 0 + 1 = 2; C01 = (-1)(-1) + 0 + (1)(2) = 3; C11 = 1 + 1 + 4 = 6; C0y = (-1)(-1) + 0 + 0 = 1;
        // C1y = (-1)(-1) + (-1)(1) + (2)(0) = 0; Cyy = 1 + 1 + 0 = 2.
        var m = CoMomentMatrix.From([1, 2, 2, 2, 3, 5], [1, 3, 2], 2);
        Assert.Equal(3, m.Count);
        Assert.Equal(2, m.DimensionCount);
        Assert.Equal(2, m.OverallIndex);
        Assert.Equal(2.0, m.Mean(0));
        Assert.Equal(3.0, m.Mean(1));
        Assert.Equal(2.0, m.Mean(2));
        Assert.Equal(2.0, m.CoMoment(0, 0));
        Assert.Equal(3.0, m.CoMoment(0, 1));
        Assert.Equal(3.0, m.CoMoment(1, 0));
        Assert.Equal(6.0, m.CoMoment(1, 1));
        Assert.Equal(1.0, m.CoMoment(0, 2));
        Assert.Equal(0.0, m.CoMoment(1, 2));
        Assert.Equal(2.0, m.CoMoment(2, 2));
    }

    [Fact]
    public void Rejects_bad_input()
    {
        var m = CoMomentMatrix.Empty(2);
        Rejects<ArgumentOutOfRangeException>("variable", "Variable index must be in [0, 2]; got 3.", () => m.Mean(3));
        Rejects<ArgumentOutOfRangeException>("column", "Variable index must be in [0, 2]; got -1.", () => m.CoMoment(0, -1));
        Rejects<ArgumentException>("other", "Expected a summary with 2 dimensions; got 3.", () => m.Merge(CoMomentMatrix.Empty(3)));
        Rejects<ArgumentOutOfRangeException>("dimensionCount", "Dimension count must be at least 1; got -1.", () => CoMomentMatrix.Empty(-1));
    }

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public bool Merge_equals_summary_of_concatenation(DriverSample a, DriverSample b) =>
        Same(CoMomentMatrix.From([.. a.Ratings, .. b.Ratings], [.. a.Overall, .. b.Overall], K), Of(a).Merge(Of(b)));

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public bool Empty_is_the_identity(DriverSample a) =>
        Same(Of(a), Of(a).Merge(CoMomentMatrix.Empty(K))) && Same(Of(a), CoMomentMatrix.Empty(K).Merge(Of(a)));

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public bool Merge_is_commutative(DriverSample a, DriverSample b) => Same(Of(a).Merge(Of(b)), Of(b).Merge(Of(a)));

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public bool Merge_is_associative(DriverSample a, DriverSample b, DriverSample c) =>
        Same(Of(a).Merge(Of(b)).Merge(Of(c)), Of(a).Merge(Of(b).Merge(Of(c))));

    private static CoMomentMatrix Of(DriverSample s) => CoMomentMatrix.From(s.Ratings, s.Overall, K);

    private static bool Same(CoMomentMatrix x, CoMomentMatrix y)
    {
        if (x.Count != y.Count || x.DimensionCount != y.DimensionCount)
        {
            return false;
        }

        for (var i = 0; i <= K; i++)
        {
            if (!Close(x.Mean(i), y.Mean(i)))
            {
                return false;
            }

            for (var j = 0; j <= K; j++)
            {
                if (!Close(x.CoMoment(i, j), y.CoMoment(i, j), Math.Sqrt(x.CoMoment(i, i) * x.CoMoment(j, j))))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
