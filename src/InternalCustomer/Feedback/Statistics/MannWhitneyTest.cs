namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// The Mann–Whitney U (Wilcoxon rank-sum) test with the normal approximation, tie correction and continuity
/// correction, matching R's <c>wilcox.test(x, y, exact = FALSE, correct = TRUE)</c>, with the rank-biserial
/// correlation as effect size.
/// </summary>
/// <remarks>
/// <para>Formulas (Mann &amp; Whitney 1947, "On a test of whether one of two random variables is stochastically
/// larger than the other", Ann. Math. Statist. 18; R's <c>wilcox.test.default</c>): the values of both samples are
/// ranked together with mid-ranks for ties; <c>W = R_x − nx(nx + 1)/2</c> where <c>R_x</c> is the rank sum of
/// <c>x</c> (R's statistic "W", the number of pairs with x &gt; y plus half the tied pairs);
/// <c>σ = sqrt(nx·ny/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))))</c> with <c>N = nx + ny</c> and <c>t</c> the size of
/// each group of tied values; <c>z = (W − nx·ny/2 − sign(W − nx·ny/2)·0.5)/σ</c>; two-sided
/// <c>p = 2·min(Φ(z), 1 − Φ(z))</c>.</para>
/// <para>Effect size: the rank-biserial correlation <c>r = 2W/(nx·ny) − 1</c> in [−1, 1], positive when
/// <c>x</c> tends to be larger (Wendt 1972, "Dealing with a common problem in social science: a simplified
/// rank-biserial coefficient of correlation based on the U statistic", European J. Social Psychology 2(4);
/// Kerby 2014, "The simple difference formula", Comprehensive Psychology 3); and the probability of superiority
/// <c>W/(nx·ny)</c> = P(X &gt; Y) + ½P(X = Y).</para>
/// <para>No confidence interval is reported: R's <c>conf.int = TRUE</c> gives a Hodges–Lehmann interval for a
/// location shift, which needs the exact distribution or a root search and is not a property of the rank-biserial
/// effect. Use <see cref="WelchTTest"/> for an interval of the difference in means.</para>
/// <para>Small samples: with an empty sample nothing is computed (R stops with "not enough observations"):
/// <see cref="EstimateStatus.NoData"/> when both are empty, <see cref="EstimateStatus.NotEnoughData"/> when one is;
/// when every value of both samples is equal, <c>σ = 0</c>, W and the effect are reported and z and p are
/// <see langword="null"/> (R returns NaN). The normal approximation is rough below about 10 per sample;
/// with many ties (5-point scales) it is what R uses anyway, since the exact test does not allow ties.</para>
/// </remarks>
public static class MannWhitneyTest
{
    /// <summary>Runs the test on two samples.</summary>
    /// <param name="x">The first sample (for example the current period), finite values.</param>
    /// <param name="y">The second sample (for example the previous period), finite values.</param>
    /// <returns>The test result; see the remarks of <see cref="MannWhitneyTest"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> holds NaN or an
    /// infinity (the message gives the index).</exception>
    public static MannWhitneyResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        StatisticsGuard.AllFinite(x, "Values of x", nameof(x));
        StatisticsGuard.AllFinite(y, "Values of y", nameof(y));
        long nx = x.Length, ny = y.Length;
        if (nx == 0 || ny == 0)
        {
            var status = nx == 0 && ny == 0 ? EstimateStatus.NoData : EstimateStatus.NotEnoughData;
            return new MannWhitneyResult(nx, ny, status, null, null, null, null, null);
        }

        var total = x.Length + y.Length;
        var values = new double[total];
        var fromX = new bool[total];
        x.CopyTo(values);
        y.CopyTo(values.AsSpan(x.Length));
        fromX.AsSpan(0, x.Length).Fill(true);
        Array.Sort(values, fromX);

        // Walk the groups of tied values: mid-rank for each, rank sum of x, and Σ(t³ − t).
        double rankSumX = 0.0, tieTerm = 0.0;
        var start = 0;
        while (start < total)
        {
            var end = start + 1;
            while (end < total && values[end] == values[start])
            {
                end++;
            }

            var midRank = (start + 1 + end) / 2.0;
            var inX = 0;
            for (var i = start; i < end; i++)
            {
                if (fromX[i])
                {
                    inX++;
                }
            }

            rankSumX += midRank * inX;
            double t = end - start;
            tieTerm += (t * t * t) - t;
            start = end;
        }

        double fx = nx, fy = ny, fn = total;
        var w = rankSumX - (fx * (fx + 1) / 2.0);
        var pairs = fx * fy;
        var rankBiserial = (2.0 * w / pairs) - 1.0;
        var superiority = w / pairs;
        var variance = fx * fy / 12.0 * ((fn + 1) - (tieTerm / (fn * (fn - 1))));
        var sigma = variance > 0 ? Math.Sqrt(variance) : 0.0;
        if (sigma == 0)
        {
            return new MannWhitneyResult(nx, ny, EstimateStatus.ZeroVariance, w, null, null, rankBiserial, superiority);
        }

        var centred = w - (pairs / 2.0);
        var z = (centred - (Math.Sign(centred) * 0.5)) / sigma;
        return new MannWhitneyResult(nx, ny, EstimateStatus.Estimated, w, z, StatisticsGuard.TwoSidedNormal(z), rankBiserial, superiority);
    }
}
