namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// The difference of two independent proportions <c>p₂ − p₁</c>: the chi-square test of equal proportions, as R's
/// <c>prop.test(x = c(x1, x2), n = c(n1, n2), correct = FALSE)</c> (or <c>correct = TRUE</c>) gives it, and the
/// Newcombe hybrid score interval of the difference.
/// </summary>
/// <remarks>
/// <para>For a before/after comparison pass the earlier window as group 1 and the later one as group 2, so a
/// positive difference is an increase.</para>
/// <para><b>Test.</b> With the pooled share <c>p = (x₁ + x₂)/(n₁ + n₂)</c>, the expected counts of the 2×2 table are
/// <c>E = (n_i·p, n_i·(1 − p))</c> and <c>X² = Σ (|O − E| − Y)²/E</c> over the four cells, with 1 degree of freedom,
/// <c>p-value = P(χ²₁ &gt; X²) = 2Φ(−√X²)</c>. Without continuity correction <c>Y = 0</c>; with Yates' correction
/// <c>Y = min(0.5, |p₁ − p₂|/(1/n₁ + 1/n₂))</c>, exactly as R's <c>prop.test</c> (Yates 1934, "Contingency tables
/// involving small numbers and the χ² test", Suppl. J. R. Stat. Soc. 1(2)).</para>
/// <para><b>Interval.</b> Newcombe (1998, "Interval estimation for the difference between independent proportions:
/// comparison of eleven methods", Statistics in Medicine 17, method 10): with the Wilson (1927, "Probable
/// inference, the law of succession, and statistical inference", JASA 22) score limits <c>[lᵢ, uᵢ]</c> of each share
/// (R: <c>prop.test(xᵢ, nᵢ, correct = FALSE)$conf.int</c>), the interval of <c>d = p₂ − p₁</c> is
/// <c>[d − √((p₂ − l₂)² + (u₁ − p₁)²), d + √((u₂ − p₂)² + (p₁ − l₁)²)]</c>. It always lies in [−1, 1] and does not
/// degenerate at 0 or 100 %. The interval has no continuity correction whichever test is asked for.</para>
/// <para>Small samples: with no trials in either group nothing is computed (<see cref="EstimateStatus.NoData"/>);
/// with trials in only one group only that group's share is reported (<see cref="EstimateStatus.NotEnoughData"/>).
/// When the pooled share is 0 or 1 (no successes, or only successes, in both groups) the expected counts of a column
/// are 0 and the test is undefined (R gives <c>NaN</c>): the difference (0) and the Newcombe interval are reported,
/// the statistic and p-value are <see langword="null"/> (<see cref="EstimateStatus.ZeroVariance"/>). R warns that
/// the chi-square approximation may be incorrect when an expected count is below 5; read the p-value as a rough
/// guide there and the Newcombe interval as the better summary.</para>
/// </remarks>
public static class TwoProportionTest
{
    /// <summary>Tests <c>p₂ − p₁</c> from the successes and trials of two groups.</summary>
    /// <param name="successes1">The successes of the first group (for example the before window), in [0, <paramref name="trials1"/>].</param>
    /// <param name="trials1">The trials of the first group, at least 0.</param>
    /// <param name="successes2">The successes of the second group (for example the after window), in [0, <paramref name="trials2"/>].</param>
    /// <param name="trials2">The trials of the second group, at least 0.</param>
    /// <param name="level">The confidence level of the interval, in (0, 1); 0.95 by default.</param>
    /// <param name="continuityCorrection">Whether the chi-square statistic uses Yates' continuity correction
    /// (R's <c>correct = TRUE</c>); <see langword="false"/> by default.</param>
    /// <returns>The test result; see the remarks of <see cref="TwoProportionTest"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A trial count is negative, a success count is negative or above
    /// its trial count, or <paramref name="level"/> is not in (0, 1).</exception>
    public static TwoProportionResult Compute(
        long successes1,
        long trials1,
        long successes2,
        long trials2,
        double level = StatisticsGuard.DefaultLevel,
        bool continuityCorrection = false)
    {
        Counts(successes1, trials1, nameof(successes1), nameof(trials1));
        Counts(successes2, trials2, nameof(successes2), nameof(trials2));
        StatisticsGuard.Level(level, nameof(level));
        double? p1 = trials1 > 0 ? (double)successes1 / trials1 : null;
        double? p2 = trials2 > 0 ? (double)successes2 / trials2 : null;
        if (p1 is null || p2 is null)
        {
            var status = trials1 == 0 && trials2 == 0 ? EstimateStatus.NoData : EstimateStatus.NotEnoughData;
            return new TwoProportionResult(successes1, trials1, successes2, trials2, status, p1, p2, null, null, null, null, level, continuityCorrection);
        }

        var difference = p2.Value - p1.Value;
        var z = StatisticsGuard.ZQuantile(level);
        var (l1, u1) = WilsonLimits(successes1, trials1, z);
        var (l2, u2) = WilsonLimits(successes2, trials2, z);
        var lower = difference - Math.Sqrt(Square(p2.Value - l2) + Square(u1 - p1.Value));
        var upper = difference + Math.Sqrt(Square(u2 - p2.Value) + Square(p1.Value - l1));
        var interval = new ConfidenceInterval(Math.Max(-1.0, lower), Math.Min(1.0, upper), level);

        var total = (double)trials1 + trials2;
        var pooled = (successes1 + (double)successes2) / total;
        if (pooled <= 0.0 || pooled >= 1.0)
        {
            return new TwoProportionResult(successes1, trials1, successes2, trials2, EstimateStatus.ZeroVariance, p1, p2, difference, null, null, interval, level, continuityCorrection);
        }

        var yates = continuityCorrection ? Math.Min(0.5, Math.Abs(p1.Value - p2.Value) / ((1.0 / trials1) + (1.0 / trials2))) : 0.0;
        var statistic = Cell(successes1, trials1 * pooled, yates)
            + Cell(trials1 - successes1, trials1 * (1.0 - pooled), yates)
            + Cell(successes2, trials2 * pooled, yates)
            + Cell(trials2 - successes2, trials2 * (1.0 - pooled), yates);
        var pValue = StatisticsGuard.TwoSidedNormal(Math.Sqrt(statistic));
        return new TwoProportionResult(successes1, trials1, successes2, trials2, EstimateStatus.Estimated, p1, p2, difference, statistic, pValue, interval, level, continuityCorrection);
    }

    /// <summary>The Wilson (1927) score limits of one share without continuity correction, as R's
    /// <c>prop.test(x, n, correct = FALSE)$conf.int</c>: exactly 0 below at <c>x = 0</c> and exactly 1 above at <c>x = n</c>.</summary>
    internal static (double Lower, double Upper) WilsonLimits(long successes, long trials, double z)
    {
        var n = (double)trials;
        var p = successes / n;
        var z22n = z * z / (2.0 * n);
        var root = z * Math.Sqrt((p * (1.0 - p) / n) + (z22n / (2.0 * n)));
        var lower = successes == 0 ? 0.0 : Math.Max(0.0, (p + z22n - root) / (1.0 + (2.0 * z22n)));
        var upper = successes == trials ? 1.0 : Math.Min(1.0, (p + z22n + root) / (1.0 + (2.0 * z22n)));
        return (lower, upper);
    }

    internal static void Counts(long successes, long trials, string successesName, string trialsName)
    {
        if (trials < 0)
        {
            throw new ArgumentOutOfRangeException(trialsName, $"A number of trials must be at least 0; got {trials}.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(
                successesName,
                $"A number of successes must be in [0, {trials}] (the trials); got {successes}.");
        }
    }

    private static double Cell(double observed, double expected, double yates) => Square(Math.Abs(observed - expected) - yates) / expected;

    private static double Square(double value) => value * value;
}
