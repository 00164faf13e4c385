using MathNet.Numerics;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// Welch's two-sample t-test of a difference in means (unequal variances), with Cohen's d and Hedges' g
/// as effect sizes; the test matches R's <c>t.test(x, y)</c>.
/// </summary>
/// <remarks>
/// <para>For period-over-period change pass the current period as <c>x</c> and the previous one as <c>y</c>,
/// so a positive difference is an improvement.</para>
/// <para>Formulas (Welch 1947, "The generalization of 'Student's' problem when several different population
/// variances are involved", Biometrika 34): <c>SE = sqrt(s²x/nx + s²y/ny)</c>, <c>t = (x̄ − ȳ)/SE</c>,
/// Welch–Satterthwaite <c>df = SE⁴ / ((s²x/nx)²/(nx − 1) + (s²y/ny)²/(ny − 1))</c>, interval
/// <c>x̄ − ȳ ± t(level, df)·SE</c>, two-sided p-value from Student's t with <c>df</c> degrees of freedom.</para>
/// <para>Effect sizes: Cohen's <c>d = (x̄ − ȳ)/s_p</c> with the pooled standard deviation
/// <c>s_p = sqrt(((nx − 1)s²x + (ny − 1)s²y)/(nx + ny − 2))</c> (Cohen 1988, "Statistical Power Analysis for
/// the Behavioral Sciences", 2nd ed., §2.2); Hedges' <c>g = J·d</c> with the exact small-sample correction
/// <c>J = Γ(m/2) / (sqrt(m/2)·Γ((m − 1)/2))</c>, <c>m = nx + ny − 2</c> (Hedges 1981, "Distribution theory for
/// Glass's estimator of effect size and related estimators", J. Educational Statistics 6(2)); its interval is
/// <c>g ± z(level)·J·sqrt((nx + ny)/(nx·ny) + d²/(2(nx + ny)))</c> (Borenstein et al. 2009, "Introduction to
/// Meta-Analysis", ch. 4).</para>
/// <para>Small samples: with both samples empty nothing is computed (<see cref="EstimateStatus.NoData"/>); with
/// one sample empty only the other's mean is reported (<see cref="EstimateStatus.NotEnoughData"/>); with fewer
/// than 2 values in either sample there is no variance, so only the difference of means is reported (<see cref="EstimateStatus.NotEnoughData"/>); if both samples are constant
/// the difference is reported with standard error 0 and no test (<see cref="EstimateStatus.ZeroVariance"/>;
/// R stops with "data are essentially constant").</para>
/// </remarks>
public static class WelchTTest
{
    /// <summary>Runs the test on two samples.</summary>
    /// <param name="x">The first sample (for example the current period), finite values.</param>
    /// <param name="y">The second sample (for example the previous period), finite values.</param>
    /// <param name="level">The confidence level of the intervals, in (0, 1); 0.95 by default.</param>
    /// <returns>The test result; see the remarks of <see cref="WelchTTest"/> for small samples.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> holds NaN or an
    /// infinity (the message gives the index), or the difference of the means overflows (parameter <paramref name="y"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static WelchTTestResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double level = StatisticsGuard.DefaultLevel)
    {
        StatisticsGuard.Level(level, nameof(level));
        var mx = SampleMoments.Of(x, "Values of x", nameof(x));
        var my = SampleMoments.Of(y, "Values of y", nameof(y));
        return Core(mx, my, level, nameof(y));
    }

    /// <summary>Runs the test from the count, mean and sample variance (divisor n − 1) of each sample,
    /// for example taken from mergeable rating summaries.</summary>
    /// <param name="countX">The size of the first sample, at least 0.</param>
    /// <param name="meanX">The mean of the first sample (ignored when <paramref name="countX"/> is 0).</param>
    /// <param name="varianceX">The sample variance of the first sample, at least 0 (ignored when <paramref name="countX"/> &lt; 2).</param>
    /// <param name="countY">The size of the second sample, at least 0.</param>
    /// <param name="meanY">The mean of the second sample (ignored when <paramref name="countY"/> is 0).</param>
    /// <param name="varianceY">The sample variance of the second sample, at least 0 (ignored when <paramref name="countY"/> &lt; 2).</param>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <returns>The test result.</returns>
    /// <exception cref="ArgumentException">A count is negative, a mean or variance is NaN or infinite, a variance is negative,
    /// or (both samples non-empty) <c>meanX − meanY</c> overflows to an infinity (parameter <paramref name="meanY"/>).
    /// Any finite variance up to <see cref="double.MaxValue"/> is computed without overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static WelchTTestResult FromMoments(
        long countX,
        double meanX,
        double varianceX,
        long countY,
        double meanY,
        double varianceY,
        double level = StatisticsGuard.DefaultLevel)
    {
        StatisticsGuard.Level(level, nameof(level));
        var mx = Moments(countX, meanX, varianceX, nameof(countX), nameof(meanX), nameof(varianceX));
        var my = Moments(countY, meanY, varianceY, nameof(countY), nameof(meanY), nameof(varianceY));
        return Core(mx, my, level, nameof(meanY));
    }

    private static SampleMoments Moments(long count, double mean, double variance, string countName, string meanName, string varianceName)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(countName, $"A sample size must be at least 0; got {count}.");
        }

        StatisticsGuard.Finite(mean, "A mean", meanName);
        StatisticsGuard.Finite(variance, "A variance", varianceName);
        if (variance < 0)
        {
            throw new ArgumentOutOfRangeException(varianceName, $"A variance must be at least 0; got {StatisticsGuard.Format(variance)}.");
        }

        return new SampleMoments(count, count == 0 ? 0.0 : mean, count < 2 ? 0.0 : variance);
    }

    private static WelchTTestResult Core(SampleMoments x, SampleMoments y, double level, string differenceName)
    {
        double? meanX = x.Count > 0 ? x.Mean : null;
        double? meanY = y.Count > 0 ? y.Mean : null;
        if (x.Count == 0 || y.Count == 0)
        {
            var status = x.Count == 0 && y.Count == 0 ? EstimateStatus.NoData : EstimateStatus.NotEnoughData;
            return new WelchTTestResult(x.Count, y.Count, status, meanX, meanY, null, null, null, null, null, null, null, null, null, level);
        }

        var difference = x.Mean - y.Mean;
        if (double.IsInfinity(difference))
        {
            throw new ArgumentException(
                $"Expected means whose difference is a finite double; got {StatisticsGuard.Format(x.Mean)} and {StatisticsGuard.Format(y.Mean)}.",
                differenceName);
        }
        if (x.Count < 2 || y.Count < 2)
        {
            return new WelchTTestResult(x.Count, y.Count, EstimateStatus.NotEnoughData, meanX, meanY, difference, null, null, null, null, null, null, null, null, level);
        }

        // Variances up to double.MaxValue: every sum and power below is taken of the terms divided by the larger one
        // (so of numbers in [0, 1]) and scaled back by a square root, so nothing overflows to infinity (which made
        // df = ∞/∞ = NaN for varianceX = 1e308). The formulas are the same; only the order of operations differs.
        double nx = x.Count, ny = y.Count;
        var vx = x.Variance / nx;
        var vy = y.Variance / ny;
        var scale = Math.Max(vx, vy);
        if (scale == 0)
        {
            return new WelchTTestResult(x.Count, y.Count, EstimateStatus.ZeroVariance, meanX, meanY, difference, 0.0, null, null, null, null, null, null, null, level);
        }

        double ax = vx / scale, ay = vy / scale;
        var se = Math.Sqrt(scale) * Math.Sqrt(ax + ay);
        var df = (ax + ay) * (ax + ay) / ((ax * ax / (nx - 1)) + (ay * ay / (ny - 1)));
        var t = difference / se;
        var p = StatisticsGuard.TwoSidedT(t, df);
        var interval = StatisticsGuard.Around(difference, StatisticsGuard.TQuantile(level, df) * se, level);

        // Effect sizes with the pooled standard deviation (m ≥ 2 here because both samples have ≥ 2 values).
        var m = nx + ny - 2;
        var varianceScale = Math.Max(x.Variance, y.Variance);
        var pooled = Math.Sqrt(varianceScale)
            * Math.Sqrt((((nx - 1) / m) * (x.Variance / varianceScale)) + (((ny - 1) / m) * (y.Variance / varianceScale)));
        var d = difference / pooled;
        var j = Math.Exp(SpecialFunctions.GammaLn(m / 2) - (0.5 * Math.Log(m / 2)) - SpecialFunctions.GammaLn((m - 1) / 2));
        var g = j * d;
        var seG = j * Math.Sqrt(((nx + ny) / (nx * ny)) + (d * d / (2 * (nx + ny))));
        var gInterval = StatisticsGuard.Around(g, StatisticsGuard.ZQuantile(level) * seG, level);
        return new WelchTTestResult(x.Count, y.Count, EstimateStatus.Estimated, meanX, meanY, difference, se, t, df, p, interval, d, g, gInterval, level);
    }
}
