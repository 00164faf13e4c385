namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// The z-test of the difference between two independent Net Promoter Scores, with its confidence interval.
/// </summary>
/// <remarks>
/// <para>For each group, with <c>p</c> the share of promoters (9–10), <c>d</c> the share of detractors (0–6) and
/// <c>n</c> the number of answers: <c>NPS = 100(p − d)</c> and <c>SE = 100·sqrt((p + d − (p − d)²)/n)</c>, the
/// standard error of a difference of two multinomial shares (DESIGN.md §6; Rocks 2016, "Interval estimation for the
/// 'Net Promoter Score'", The American Statistician 70(4)). For the difference of two independent scores
/// <c>SE_diff = sqrt(SE_x² + SE_y²)</c>, <c>z = (NPS_x − NPS_y)/SE_diff</c>, two-sided
/// <c>p = 2(1 − Φ(|z|))</c> and interval <c>NPS_x − NPS_y ± z(level)·SE_diff</c> (Wald).</para>
/// <para>Small samples: a group with no answers has no score; a group with a single answer has a score but the
/// plug-in standard error is 0 there, which would claim certainty, so with fewer than 2 answers in either group
/// only the difference is reported (<see cref="EstimateStatus.NotEnoughData"/>). When both plug-in standard
/// errors are 0 (for example all promoters in both groups) the difference is reported with no test
/// (<see cref="EstimateStatus.ZeroVariance"/>). The Wald interval is poor below about 30 answers per group or
/// near ±100; read it as a rough guide there.</para>
/// </remarks>
public static class NpsDifferenceTest
{
    /// <summary>Tests <c>NPS_x − NPS_y</c> from the counts of each group.</summary>
    /// <param name="promotersX">Promoters (answers 9–10) in the first group, at least 0.</param>
    /// <param name="detractorsX">Detractors (answers 0–6) in the first group, at least 0.</param>
    /// <param name="countX">All answers in the first group, at least promoters + detractors.</param>
    /// <param name="promotersY">Promoters in the second group, at least 0.</param>
    /// <param name="detractorsY">Detractors in the second group, at least 0.</param>
    /// <param name="countY">All answers in the second group, at least promoters + detractors.</param>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <returns>The test result; see the remarks of <see cref="NpsDifferenceTest"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, promoters + detractors exceed the
    /// group's count, or <paramref name="level"/> is not in (0, 1).</exception>
    public static NpsDifferenceResult Compute(
        int promotersX,
        int detractorsX,
        int countX,
        int promotersY,
        int detractorsY,
        int countY,
        double level = StatisticsGuard.DefaultLevel)
    {
        StatisticsGuard.Level(level, nameof(level));
        Counts(promotersX, detractorsX, countX, nameof(promotersX), nameof(detractorsX), nameof(countX));
        Counts(promotersY, detractorsY, countY, nameof(promotersY), nameof(detractorsY), nameof(countY));
        double? npsX = countX > 0 ? 100.0 * (promotersX - detractorsX) / countX : null;
        double? npsY = countY > 0 ? 100.0 * (promotersY - detractorsY) / countY : null;
        if (npsX is null || npsY is null)
        {
            return new NpsDifferenceResult(countX, countY, EstimateStatus.NotEnoughData, npsX, npsY, null, null, null, null, null, level);
        }

        var difference = npsX.Value - npsY.Value;
        if (countX < 2 || countY < 2)
        {
            return new NpsDifferenceResult(countX, countY, EstimateStatus.NotEnoughData, npsX, npsY, difference, null, null, null, null, level);
        }

        var varianceX = Variance(promotersX, detractorsX, countX);
        var varianceY = Variance(promotersY, detractorsY, countY);
        var se = Math.Sqrt(varianceX + varianceY);
        if (se == 0)
        {
            return new NpsDifferenceResult(countX, countY, EstimateStatus.ZeroVariance, npsX, npsY, difference, 0.0, null, null, null, level);
        }

        var z = difference / se;
        var interval = StatisticsGuard.Around(difference, StatisticsGuard.ZQuantile(level) * se, level);
        return new NpsDifferenceResult(countX, countY, EstimateStatus.Estimated, npsX, npsY, difference, se, z, StatisticsGuard.TwoSidedNormal(z), interval, level);
    }

    /// <summary>The squared standard error of one NPS, in points²: 100²(p + d − (p − d)²)/n.</summary>
    private static double Variance(int promoters, int detractors, int count)
    {
        var p = (double)promoters / count;
        var d = (double)detractors / count;
        return Math.Max(0.0, 10_000.0 * (p + d - ((p - d) * (p - d))) / count);
    }

    private static void Counts(int promoters, int detractors, int count, string promotersName, string detractorsName, string countName)
    {
        if (promoters < 0)
        {
            throw new ArgumentOutOfRangeException(promotersName, $"Promoters must be at least 0; got {promoters}.");
        }

        if (detractors < 0)
        {
            throw new ArgumentOutOfRangeException(detractorsName, $"Detractors must be at least 0; got {detractors}.");
        }

        if (count < (long)promoters + detractors)
        {
            throw new ArgumentOutOfRangeException(
                countName,
                $"Count must be at least promoters + detractors ({(long)promoters + detractors}); got {count}.");
        }
    }
}
