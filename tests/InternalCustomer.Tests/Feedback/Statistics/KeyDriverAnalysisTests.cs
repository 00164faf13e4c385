using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Tests.Generators;
using static InternalCustomer.Tests.Feedback.Statistics.StatisticsAssert;

namespace InternalCustomer.Tests.Feedback.Statistics;

/// <summary>
/// Reference values from R 4.2 (Debian r-base-core), with this script for a ratings matrix X and overall y:
/// <code>
/// for (j in 1:ncol(X)) { r &lt;- cor.test(X[,j], y); c(r$estimate, r$p.value, r$conf.int) }
/// coef(lm(scale(y) ~ scale(X)))[-1]                      # standardised betas
/// summary(lm(y ~ X))$r.squared                           # R²
/// # Johnson (2000) relative weights, by hand from the correlation matrix with eigen():
/// R &lt;- cor(cbind(X, y)); p &lt;- ncol(X); Rxx &lt;- R[1:p, 1:p]; rxy &lt;- R[1:p, p+1]
/// e &lt;- eigen(Rxx, symmetric = TRUE)
/// L &lt;- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
/// bstar &lt;- solve(L) %*% rxy
/// eps &lt;- (L^2) %*% (bstar^2); eps; sum(eps)
/// cor.test(X[,1], y, conf.level = 0.9)$conf.int
/// </code>
/// </summary>
public sealed class KeyDriverAnalysisTests
{
    // X <- matrix(c(4,3,5, 3,3,4, 5,4,5, 2,2,3, 4,4,4, 3,2,4, 5,5,5, 1,2,2, 4,3,3, 3,4,4, 2,3,2, 5,4,4), ncol=3, byrow=TRUE)
    // y <- c(4,3,5,2,4,3,5,2,3,4,2,4)
    private static readonly double[] RatingsA = [4, 3, 5, 3, 3, 4, 5, 4, 5, 2, 2, 3, 4, 4, 4, 3, 2, 4, 5, 5, 5, 1, 2, 2, 4, 3, 3, 3, 4, 4, 2, 3, 2, 5, 4, 4];
    private static readonly double[] OverallA = [4, 3, 5, 2, 4, 3, 5, 2, 3, 4, 2, 4];

    // X <- matrix(c(7,5, 6,6, 9,8, 3,4, 5,5, 8,6), ncol=2, byrow=TRUE); y <- c(6,6,9,3,4,8)
    private static readonly double[] RatingsB = [7, 5, 6, 6, 9, 8, 3, 4, 5, 5, 8, 6];
    private static readonly double[] OverallB = [6, 6, 9, 3, 4, 8];

    [Fact]
    public void Matches_R_on_twelve_responses_and_three_dimensions()
    {
        var r = KeyDriverAnalysis.AnalyzeResponses(RatingsA, OverallA, 3);
        Assert.Equal(EstimateStatus.Estimated, r.Status);
        Assert.Equal(12, r.Count);
        Near(0.95379319138084917, r.RSquared);
        double[][] cor =
        [
            [0.89030270617685703, 0.00010378356121065333, 0.64696576335080458, 0.96906452349525329],
            [0.84735902025372356, 0.00050210853625991573, 0.53232972983208493, 0.95624029906841468],
            [0.89435358468032466, 8.6592368271055782e-05, 0.65837857798206534, 0.97025267273643989],
        ];
        double[] betas = [0.14110700508658566, 0.42075965538999871, 0.52734260992174065];
        double[] weights = [0.28448236517782188, 0.30824196783304852, 0.36106885836997848];
        for (var j = 0; j < 3; j++)
        {
            var d = r.Drivers[j];
            Assert.Equal(j, d.Dimension);
            Assert.False(d.IsConstant);
            Near(cor[j][0], d.Correlation);
            Near(cor[j][1], d.CorrelationPValue, PValue);
            Interval(cor[j][2], cor[j][3], d.CorrelationInterval);
            Near(betas[j], d.Beta);
            Near(weights[j], d.RelativeWeight);
        }

        // cor.test(X[,1], y, conf.level = 0.9)$conf.int
        Interval(0.70395566730986625, 0.96197028413632402, KeyDriverAnalysis.AnalyzeResponses(RatingsA, OverallA, 3, 0.9).Drivers[0].CorrelationInterval);
        Near(1.0, r.RescaledWeights()!.Sum(), 1e-12);
    }

    [Fact]
    public void Matches_R_on_six_responses_with_correlated_dimensions()
    {
        var r = KeyDriverAnalysis.AnalyzeResponses(RatingsB, OverallB, 2);
        Near(0.96422182468694095, r.RSquared);
        Near(0.97439753152937991, r.Drivers[0].Correlation);
        Near(0.00097483855284429195, r.Drivers[0].CorrelationPValue, PValue);
        Interval(0.77831386333565977, 0.9973059295291643, r.Drivers[0].CorrelationInterval);
        Near(0.89871703427291716, r.Drivers[1].Correlation);
        Near(0.014867866277763915, r.Drivers[1].CorrelationPValue, PValue);
        Interval(0.32204044607880444, 0.9889637848518279, r.Drivers[1].CorrelationInterval);
        Near(0.77108331790923179, r.Drivers[0].Beta);
        Near(0.23687115631999359, r.Drivers[1].Beta);
        Near(0.5529900332225911, r.Drivers[0].RelativeWeight);
        Near(0.41123179146434974, r.Drivers[1].RelativeWeight);
        Interval(0.84053930510700126, 0.99612587303940114, KeyDriverAnalysis.AnalyzeResponses(RatingsB, OverallB, 2, 0.9).Drivers[0].CorrelationInterval);
    }

    [Fact]
    public void Matches_R_on_four_responses()
    {
        // X <- matrix(c(1,2, 2,1, 3,3, 4,3), ncol=2, byrow=TRUE); y <- c(1,3,2,4)
        var r = KeyDriverAnalysis.AnalyzeResponses([1, 2, 2, 1, 3, 3, 4, 3], [1, 3, 2, 4], 2);
        Assert.Equal(EstimateStatus.Estimated, r.Status);
        Near(0.94000000000000006, r.RSquared);
        Near(0.8, r.Drivers[0].Correlation);
        Near(0.19999999999999979, r.Drivers[0].CorrelationPValue, PValue);
        Interval(-0.69695344529932213, 0.99560025046658562, r.Drivers[0].CorrelationInterval);
        Near(0.13483997249264842, r.Drivers[1].Correlation);
        Near(0.86516002750735155, r.Drivers[1].CorrelationPValue, PValue);
        Interval(-0.9492651921310975, 0.97019643177652726, r.Drivers[1].CorrelationInterval);
        Near(1.3, r.Drivers[0].Beta);
        Near(-0.74161984870956632, r.Drivers[1].Beta);
        Near(0.78090909090909089, r.Drivers[0].RelativeWeight);
        Near(0.15909090909090912, r.Drivers[1].RelativeWeight);
    }

    [Fact]
    public void A_duplicated_dimension_shares_its_beta_and_weight()
    {
        // Data set B with its first dimension repeated as a third column (exact collinearity). R: lm gives NA for
        // the copy; the minimum-norm betas split coef(lm(scale(y) ~ scale(X)))[1] = 0.77108331790923179 in two,
        // and R² is unchanged (0.96422182468694095). The relative weights of the copies are equal and all sum to R².
        var ratings = new double[18];
        for (var i = 0; i < 6; i++)
        {
            ratings[3 * i] = RatingsB[2 * i];
            ratings[(3 * i) + 1] = RatingsB[(2 * i) + 1];
            ratings[(3 * i) + 2] = RatingsB[2 * i];
        }

        var r = KeyDriverAnalysis.AnalyzeResponses(ratings, OverallB, 3);
        Near(0.96422182468694095, r.RSquared);
        Near(0.77108331790923179 / 2, r.Drivers[0].Beta);
        Near(0.77108331790923179 / 2, r.Drivers[2].Beta);
        Near(0.23687115631999359, r.Drivers[1].Beta);
        Near(r.Drivers[0].RelativeWeight!.Value, r.Drivers[2].RelativeWeight);
        Near(r.RSquared!.Value, r.Drivers.Sum(d => d.RelativeWeight!.Value));
        Assert.All(r.Drivers, d => Assert.True(d.RelativeWeight >= 0));
    }

    [Fact]
    public void A_constant_dimension_is_left_out_with_weight_zero()
    {
        // Data set B with a constant third column: everything else is as in R on data set B.
        var ratings = new double[18];
        for (var i = 0; i < 6; i++)
        {
            ratings[3 * i] = RatingsB[2 * i];
            ratings[(3 * i) + 1] = RatingsB[(2 * i) + 1];
            ratings[(3 * i) + 2] = 4;
        }

        var r = KeyDriverAnalysis.AnalyzeResponses(ratings, OverallB, 3);
        Assert.True(r.Drivers[2].IsConstant);
        Assert.Null(r.Drivers[2].Correlation);
        Assert.Null(r.Drivers[2].CorrelationPValue);
        Assert.Null(r.Drivers[2].CorrelationInterval);
        Assert.Equal(0.0, r.Drivers[2].Beta);
        Assert.Equal(0.0, r.Drivers[2].RelativeWeight);
        Near(0.96422182468694095, r.RSquared);
        Near(0.77108331790923179, r.Drivers[0].Beta);
        Near(0.41123179146434974, r.Drivers[1].RelativeWeight);
    }

    [Fact]
    public void Small_and_degenerate_samples_say_what_is_missing()
    {
        foreach (var (ratings, overall, status) in new (double[], double[], EstimateStatus)[] { ([], [], EstimateStatus.NoData), ([4, 2], [3], EstimateStatus.NotEnoughData) })
        {
            var none = KeyDriverAnalysis.AnalyzeResponses(ratings, overall, 2);
            Assert.Equal(status, none.Status);
            Assert.Null(none.RSquared);
            Assert.Equal(2, none.Drivers.Count);
            Assert.All(none.Drivers, d => Assert.Null(d.Correlation));
        }

        // n = 2: correlations are ±1 by construction, with no p-value or interval; the regression is saturated.
        var two = KeyDriverAnalysis.AnalyzeResponses([1, 5, 2, 4], [3, 4], 2);
        Assert.Equal(EstimateStatus.NotEnoughData, two.Status);
        Assert.Equal(1.0, two.Drivers[0].Correlation);
        Assert.Equal(-1.0, two.Drivers[1].Correlation);
        Assert.Null(two.Drivers[0].CorrelationPValue);
        Assert.Null(two.Drivers[0].CorrelationInterval);
        Assert.Null(two.RSquared);
        Assert.Null(two.Drivers[0].Beta);

        // n = 3, one dimension: R² = r², p-value from cor.test, no interval (Fisher z needs n ≥ 4).
        // R: cor.test(c(1, 2, 4), c(2, 3, 3)): r = 0.7559289460184544, p = 0.45437105165700997
        var three = KeyDriverAnalysis.AnalyzeResponses([1, 2, 4], [2, 3, 3], 1);
        Assert.Equal(EstimateStatus.NotEnoughData, three.Status);
        Near(0.7559289460184544, three.Drivers[0].Correlation);
        Near(0.45437105165700997, three.Drivers[0].CorrelationPValue, PValue);
        Assert.Null(three.Drivers[0].CorrelationInterval);
        Near(0.7559289460184544 * 0.7559289460184544, three.RSquared);

        // Constant overall rating: nothing to explain.
        var flat = KeyDriverAnalysis.AnalyzeResponses([1, 2, 3, 4, 5, 1], [3, 3, 3], 2);
        Assert.Equal(EstimateStatus.ZeroVariance, flat.Status);
        Assert.Null(flat.RSquared);
        Assert.All(flat.Drivers, d => Assert.Null(d.Correlation));
        Assert.Null(flat.RescaledWeights());
    }

    [Fact]
    public void Rejects_bad_input()
    {
        Rejects<ArgumentException>("ratings", "Expected overall.Length × dimensionCount = 6 ratings; got 5.", () => KeyDriverAnalysis.AnalyzeResponses([1, 2, 3, 4, 5], [1, 2, 3], 2));
        Rejects<ArgumentOutOfRangeException>("dimensionCount", "Dimension count must be at least 1; got 0.", () => KeyDriverAnalysis.AnalyzeResponses([], [], 0));
        Rejects<ArgumentException>("ratings", "Ratings must be finite numbers; got NaN at index 3.", () => KeyDriverAnalysis.AnalyzeResponses([1, 2, 3, double.NaN], [1, 2], 2));
        Rejects<ArgumentException>("overall", "Overall ratings must be finite numbers; got Infinity at index 1.", () => KeyDriverAnalysis.AnalyzeResponses([1, 2, 3, 4], [1, double.PositiveInfinity], 2));
        Rejects<ArgumentOutOfRangeException>("level", "Confidence level must be in (0, 1); got 1.", () => KeyDriverAnalysis.AnalyzeResponses(RatingsB, OverallB, 2, 1.0));
        Rejects<ArgumentOutOfRangeException>("level", "Confidence level must be in (0, 1); got -0.95.", () => KeyDriverAnalysis.Analyze(CoMomentMatrix.Empty(2), -0.95));
    }

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public Property Relative_weights_are_non_negative_and_sum_to_R_squared(DriverSample s)
    {
        var r = KeyDriverAnalysis.AnalyzeResponses(s.Ratings, s.Overall, DriverSample.Dimensions);
        var weights = r.Drivers.Select(d => d.RelativeWeight).ToArray();
        var ok = r.RSquared is null
            ? weights.All(w => w is null)
            : weights.All(w => w >= 0) && Math.Abs(weights.Sum(w => w!.Value) - r.RSquared.Value) <= 1e-9
                && r.RSquared >= 0 && r.RSquared <= 1;
        return ok.Label(r.ToString() + " weights " + string.Join(", ", weights));
    }

    [Property(Arbitrary = new[] { typeof(StatisticsGenerators) })]
    public Property Drivers_of_merged_partitions_equal_drivers_of_all(DriverSample a, DriverSample b)
    {
        var whole = KeyDriverAnalysis.AnalyzeResponses([.. a.Ratings, .. b.Ratings], [.. a.Overall, .. b.Overall], DriverSample.Dimensions);
        var merged = KeyDriverAnalysis.Analyze(
            CoMomentMatrix.From(a.Ratings, a.Overall, DriverSample.Dimensions).Merge(CoMomentMatrix.From(b.Ratings, b.Overall, DriverSample.Dimensions)));
        var ok = whole.Status == merged.Status
            && (whole.RSquared is null ? merged.RSquared is null : Math.Abs(whole.RSquared.Value - merged.RSquared!.Value) <= 1e-8)
            && whole.Drivers.Zip(merged.Drivers).All(p =>
                p.First.IsConstant == p.Second.IsConstant
                && (p.First.Correlation is null || Math.Abs(p.First.Correlation.Value - p.Second.Correlation!.Value) <= 1e-9));
        return ok.Label($"whole {whole} merged {merged}");
    }
}
