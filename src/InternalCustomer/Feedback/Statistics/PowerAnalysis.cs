using MathNet.Numerics.Distributions;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// Sample sizes, power and minimum detectable differences for planning feedback campaigns and judging "no detectable
/// change": the Wilson margin of a share, R's <c>power.prop.test</c> and <c>power.t.test</c> (two samples, two-sided).
/// </summary>
/// <remarks>
/// <para><b>Margin of a share.</b> The Wilson (1927) half-width at an assumed share <c>p</c> with <c>n</c> answers is
/// <c>h(n) = z·√(p(1 − p)/n + z²/4n²)/(1 + z²/n)</c>, <c>z</c> the upper <c>(1 + level)/2</c> normal quantile;
/// <see cref="WilsonSampleSize"/> is the smallest <c>n</c> with <c>h(n) ≤ m</c>. The share is not known before the
/// answers come, so <c>p = 0.5</c>, where the half-width is largest, is the default: the margin then holds whatever
/// the share turns out to be.</para>
/// <para><b>Two shares</b> (R's <c>power.prop.test</c>, <c>strict = FALSE</c>): with <c>n</c> per group,
/// <c>power = Φ((√n·|p₁ − p₂| − z_{1−α/2}·√((p₁ + p₂)(1 − (p₁ + p₂)/2)))/√(p₁q₁ + p₂q₂))</c>, the far tail ignored
/// (Fleiss, Levin and Paik 2003, "Statistical Methods for Rates and Proportions", 3rd ed., §4.2, without
/// continuity correction). Solving for <c>n</c> has the closed form
/// <c>n = ((z_{1−α/2}·√((p₁ + p₂)(1 − (p₁ + p₂)/2)) + z_power·√(p₁q₁ + p₂q₂))/(p₁ − p₂))²</c>; R finds the same
/// root with <c>uniroot</c>, to its <c>tol</c>.</para>
/// <para><b>Two means</b> (R's <c>power.t.test</c>, two-sample, two-sided, <c>strict = FALSE</c>): with <c>n</c>
/// per group and <c>ν = 2(n − 1)</c>, <c>power = P(T′ &gt; t_{1−α/2, ν})</c> for <c>T′</c> noncentral t with <c>ν</c>
/// degrees of freedom and noncentrality <c>√(n/2)·|Δ|/σ</c>. The noncentral t distribution function is Lenth's
/// (1989) algorithm AS 243 as R's <c>pt</c> implements it. The sample size and the minimum detectable
/// difference are found by bisection to full double precision (R's <c>uniroot</c> stops at its <c>tol</c>,
/// <c>1.2e-4</c> by default; call it with <c>tol = 1e-12</c> to compare).</para>
/// <para>Sample sizes are per group and not rounded: plan for the next whole number up.</para>
/// </remarks>
public static class PowerAnalysis
{
    /// <summary>The default significance level, two-sided.</summary>
    private const double DefaultAlpha = 0.05;

    /// <summary>The smallest number of answers whose Wilson interval of a share has half-width at most
    /// <paramref name="margin"/>.</summary>
    /// <param name="margin">The wanted half-width (for example 0.05 for ±5 points), in (0, 1).</param>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <param name="proportion">The assumed share, in [0, 1]; 0.5 (the worst case) by default.</param>
    /// <returns>The number of answers, at least 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static long WilsonSampleSize(double margin, double level = StatisticsGuard.DefaultLevel, double proportion = 0.5)
    {
        Open(margin, "A margin", nameof(margin));
        StatisticsGuard.Level(level, nameof(level));
        Closed(proportion, "An assumed proportion", nameof(proportion));
        var z = StatisticsGuard.ZQuantile(level);
        long high = 1;
        while (WilsonHalfWidth(high, proportion, z) > margin)
        {
            high *= 2;
        }

        var low = high / 2;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (WilsonHalfWidth(middle, proportion, z) > margin)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    /// <summary>The Wilson half-width of a share <paramref name="proportion"/> with <paramref name="count"/> answers.</summary>
    /// <param name="count">The number of answers, at least 1.</param>
    /// <param name="proportion">The share, in [0, 1].</param>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <returns>Half the width of the Wilson interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double WilsonMargin(long count, double proportion, double level = StatisticsGuard.DefaultLevel)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"A number of answers must be at least 1; got {count}.");
        }

        Closed(proportion, "A proportion", nameof(proportion));
        StatisticsGuard.Level(level, nameof(level));
        return WilsonHalfWidth(count, proportion, StatisticsGuard.ZQuantile(level));
    }

    /// <summary>The power of the two-sided test of equal shares with <paramref name="countPerGroup"/> answers per
    /// group, R's <c>power.prop.test(n = , p1 = , p2 = , sig.level = )$power</c>.</summary>
    /// <param name="countPerGroup">Answers per group, at least 1 (need not be whole).</param>
    /// <param name="p1">The share of the first group, in [0, 1].</param>
    /// <param name="p2">The share of the second group, in [0, 1]; not both shares 0 or 1.</param>
    /// <param name="alpha">The two-sided significance level, in (0, 1); 0.05 by default.</param>
    /// <returns>The power, in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <exception cref="ArgumentException">Both shares are 0 or 1, so the test has no variance.</exception>
    public static double ProportionPower(double countPerGroup, double p1, double p2, double alpha = DefaultAlpha)
    {
        AtLeast(countPerGroup, 1, nameof(countPerGroup));
        Shares(p1, p2);
        Alpha(alpha);
        return ProportionPowerCore(countPerGroup, p1, p2, alpha);
    }

    /// <summary>The answers per group for the two-sided test of equal shares to reach <paramref name="power"/>,
    /// R's <c>power.prop.test(p1 = , p2 = , power = , sig.level = )$n</c>.</summary>
    /// <param name="p1">The share of the first group, in [0, 1].</param>
    /// <param name="p2">The share of the second group, in [0, 1], different from <paramref name="p1"/>.</param>
    /// <param name="power">The wanted power, in (0, 1).</param>
    /// <param name="alpha">The two-sided significance level, in (0, 1); 0.05 by default.</param>
    /// <returns>The answers per group, not rounded.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or <paramref name="power"/>
    /// is so low that any group size reaches it.</exception>
    /// <exception cref="ArgumentException">The shares are equal, or both 0 or 1.</exception>
    public static double ProportionSampleSize(double p1, double p2, double power, double alpha = DefaultAlpha)
    {
        Shares(p1, p2);
        DifferentShares(p1, p2);
        Power(power);
        Alpha(alpha);
        var pooled = Math.Sqrt((p1 + p2) * (1 - ((p1 + p2) / 2)));
        var separate = Math.Sqrt((p1 * (1 - p1)) + (p2 * (1 - p2)));
        var numerator = (Normal.InvCDF(0, 1, 1 - (alpha / 2)) * pooled) + (Normal.InvCDF(0, 1, power) * separate);
        if (numerator <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(power),
                $"A power of {StatisticsGuard.Format(power)} is reached with any group size for these shares; expected a higher power.");
        }

        var root = numerator / Math.Abs(p1 - p2);
        return root * root;
    }

    /// <summary>The smallest increase <c>p₂ − p₁</c> over <paramref name="p1"/> that the two-sided test of equal
    /// shares detects with <paramref name="power"/>, R's <c>power.prop.test(n = , p1 = , power = )$p2 − p1</c>.</summary>
    /// <param name="countPerGroup">Answers per group, at least 1.</param>
    /// <param name="p1">The share before, in [0, 1).</param>
    /// <param name="power">The wanted power, in (0, 1).</param>
    /// <param name="alpha">The two-sided significance level, in (0, 1); 0.05 by default.</param>
    /// <returns>The minimum detectable increase, in (0, 1 − p₁]; <see langword="null"/> when even <c>p₂ = 1</c> is
    /// not detected with that power (too few answers).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double? MinimumDetectableProportionIncrease(double countPerGroup, double p1, double power, double alpha = DefaultAlpha)
    {
        AtLeast(countPerGroup, 1, nameof(countPerGroup));
        if (!(p1 >= 0 && p1 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p1), $"A share before must be in [0, 1); got {StatisticsGuard.Format(p1)}.");
        }

        Power(power);
        Alpha(alpha);
        if (ProportionPowerCore(countPerGroup, p1, 1.0, alpha) < power)
        {
            return null;
        }

        double low = p1, high = 1.0;
        for (var i = 0; i < 200 && high - low > 0; i++)
        {
            var middle = low + ((high - low) / 2);
            if (middle <= low || middle >= high)
            {
                break;
            }

            if (ProportionPowerCore(countPerGroup, p1, middle, alpha) < power)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high - p1;
    }

    /// <summary>The power of the two-sided two-sample t-test with <paramref name="countPerGroup"/> per group,
    /// R's <c>power.t.test(n = , delta = , sd = , sig.level = )$power</c>.</summary>
    /// <param name="countPerGroup">Observations per group, at least 2 (need not be whole).</param>
    /// <param name="difference">The true difference of means Δ (its sign does not matter).</param>
    /// <param name="standardDeviation">The common standard deviation σ, above 0.</param>
    /// <param name="alpha">The two-sided significance level, in (0, 1); 0.05 by default.</param>
    /// <returns>The power.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <exception cref="ArgumentException"><paramref name="difference"/> is not finite.</exception>
    public static double MeanPower(double countPerGroup, double difference, double standardDeviation, double alpha = DefaultAlpha)
    {
        AtLeast(countPerGroup, 2, nameof(countPerGroup));
        StatisticsGuard.Finite(difference, "A difference", nameof(difference));
        StandardDeviation(standardDeviation);
        Alpha(alpha);
        return MeanPowerCore(countPerGroup, Math.Abs(difference) / standardDeviation, alpha);
    }

    /// <summary>The observations per group for the two-sided two-sample t-test to reach <paramref name="power"/>,
    /// R's <c>power.t.test(delta = , sd = , power = , sig.level = )$n</c>.</summary>
    /// <param name="difference">The difference of means Δ to detect, not 0.</param>
    /// <param name="standardDeviation">The common standard deviation σ, above 0.</param>
    /// <param name="power">The wanted power, in (0, 1).</param>
    /// <param name="alpha">The two-sided significance level, in (0, 1); 0.05 by default.</param>
    /// <returns>The observations per group, not rounded, above 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <exception cref="ArgumentException"><paramref name="difference"/> is 0 or not finite.</exception>
    public static double MeanSampleSize(double difference, double standardDeviation, double power, double alpha = DefaultAlpha)
    {
        StatisticsGuard.Finite(difference, "A difference", nameof(difference));
        if (difference == 0)
        {
            throw new ArgumentException("A difference to detect must not be 0; got 0.", nameof(difference));
        }

        StandardDeviation(standardDeviation);
        Power(power);
        Alpha(alpha);
        var effect = Math.Abs(difference) / standardDeviation;
        double low = 1.0, high = 2.0;
        while (MeanPowerCore(high, effect, alpha) < power)
        {
            low = high;
            high *= 2;
        }

        return Bisect(low, high, n => MeanPowerCore(n, effect, alpha) < power);
    }

    /// <summary>The smallest difference of means the two-sided two-sample t-test detects with
    /// <paramref name="power"/>, R's <c>power.t.test(n = , sd = , power = , sig.level = )$delta</c>.</summary>
    /// <param name="countPerGroup">Observations per group, at least 2.</param>
    /// <param name="standardDeviation">The common standard deviation σ, above 0.</param>
    /// <param name="power">The wanted power, in (0, 1).</param>
    /// <param name="alpha">The two-sided significance level, in (0, 1); 0.05 by default.</param>
    /// <returns>The minimum detectable difference, above 0, in the unit of σ's data.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or <paramref name="power"/>
    /// is at most the power at Δ = 0 (α/2).</exception>
    public static double MinimumDetectableMeanDifference(double countPerGroup, double standardDeviation, double power, double alpha = DefaultAlpha)
    {
        AtLeast(countPerGroup, 2, nameof(countPerGroup));
        StandardDeviation(standardDeviation);
        Power(power);
        Alpha(alpha);
        if (power <= MeanPowerCore(countPerGroup, 0, alpha))
        {
            throw new ArgumentOutOfRangeException(
                nameof(power),
                $"A power of {StatisticsGuard.Format(power)} is reached without any difference; expected more than {StatisticsGuard.Format(alpha / 2)}.");
        }

        double low = 0.0, high = 1.0;
        while (MeanPowerCore(countPerGroup, high, alpha) < power)
        {
            low = high;
            high *= 2;
        }

        return standardDeviation * Bisect(low, high, d => MeanPowerCore(countPerGroup, d, alpha) < power);
    }

    internal static double ProportionPowerCore(double n, double p1, double p2, double alpha)
    {
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var pooled = Math.Sqrt((p1 + p2) * (1 - ((p1 + p2) / 2)));
        var separate = Math.Sqrt((p1 * (1 - p1)) + (p2 * (1 - p2)));
        return Normal.CDF(0, 1, ((Math.Sqrt(n) * Math.Abs(p1 - p2)) - (z * pooled)) / separate);
    }

    /// <summary>R's <c>power.t.test</c> body: <c>pt(qt(α/2, ν, lower = FALSE), ν, ncp = √(n/2)·effect, lower = FALSE)</c>.</summary>
    internal static double MeanPowerCore(double n, double effect, double alpha)
    {
        var nu = 2 * (n - 1);
        var critical = StudentT.InvCDF(0, 1, nu, 1 - (alpha / 2));
        return NoncentralT.UpperTail(critical, nu, Math.Sqrt(n / 2) * effect);
    }

    internal static double WilsonHalfWidth(long count, double p, double z)
    {
        var n = (double)count;
        return z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n))) / (1 + (z * z / n));
    }

    /// <summary>Bisection on [low, high] where <paramref name="below"/> is true at low and false at high, to adjacent doubles.</summary>
    private static double Bisect(double low, double high, Func<double, bool> below)
    {
        for (var i = 0; i < 2000; i++)
        {
            var middle = low + ((high - low) / 2);
            if (middle <= low || middle >= high)
            {
                break;
            }

            if (below(middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    private static void Shares(double p1, double p2)
    {
        Closed(p1, "A share", nameof(p1));
        Closed(p2, "A share", nameof(p2));
        if ((p1 * (1 - p1)) + (p2 * (1 - p2)) <= 0)
        {
            throw new ArgumentException(
                $"Expected at least one share strictly between 0 and 1; got p1 = {StatisticsGuard.Format(p1)} and p2 = {StatisticsGuard.Format(p2)}.",
                nameof(p2));
        }
    }

    private static void DifferentShares(double p1, double p2)
    {
        if (p1 == p2)
        {
            throw new ArgumentException(
                $"Expected two different shares to detect a difference; got p1 = p2 = {StatisticsGuard.Format(p1)}.",
                nameof(p2));
        }
    }

    private static void Open(double value, string what, string parameterName)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(parameterName, $"{what} must be in (0, 1); got {StatisticsGuard.Format(value)}.");
        }
    }

    private static void Closed(double value, string what, string parameterName)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(parameterName, $"{what} must be in [0, 1]; got {StatisticsGuard.Format(value)}.");
        }
    }

    private static void Power(double power) => Open(power, "A power", nameof(power));

    private static void Alpha(double alpha) => Open(alpha, "A significance level", nameof(alpha));

    private static void AtLeast(double count, double minimum, string parameterName)
    {
        if (!(count >= minimum) || double.IsInfinity(count))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"A number per group must be a finite number of at least {StatisticsGuard.Format(minimum)}; got {StatisticsGuard.Format(count)}.");
        }
    }

    private static void StandardDeviation(double standardDeviation)
    {
        if (!(standardDeviation > 0) || double.IsInfinity(standardDeviation))
        {
            throw new ArgumentOutOfRangeException(
                nameof(standardDeviation),
                $"A standard deviation must be a finite number above 0; got {StatisticsGuard.Format(standardDeviation)}.");
        }
    }
}
