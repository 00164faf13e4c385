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
/// <para>Small samples: with no answers in either group nothing is computed (<see cref="EstimateStatus.NoData"/>);
/// a group with no answers has no score, so with answers in only one group only that group's score is reported
/// (<see cref="EstimateStatus.NotEnoughData"/>); a group with a single answer has a score but the
/// plug-in standard error is 0 there, which would claim certainty, so with fewer than 2 answers in either group
/// only the difference is reported (<see cref="EstimateStatus.NotEnoughData"/>). When both plug-in standard
/// errors are 0 (for example all promoters in both groups) the difference is reported with no test
/// (<see cref="EstimateStatus.ZeroVariance"/>). The Wald interval is poor below about 30 answers per group or
/// near ±100; read it as a rough guide there.</para>
/// </remarks>
public static class NpsDifferenceTest
{
    /// <summary>Tests <c>NPS_x − NPS_y</c> from the promoter, passive and detractor counts of each group.</summary>
    /// <param name="x">The counts of the first group (for example this quarter), such as <see cref="NpsCounts.From"/> gives.</param>
    /// <param name="y">The counts of the second group (for example the previous quarter).</param>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <returns>The test result; see the remarks of <see cref="NpsDifferenceTest"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static NpsDifferenceResult Compute(NpsCounts x, NpsCounts y, double level = StatisticsGuard.DefaultLevel)
    {
        StatisticsGuard.Level(level, nameof(level));
        long countX = x.Count, countY = y.Count;
        double? npsX = countX > 0 ? 100.0 * (x.Promoters - x.Detractors) / countX : null;
        double? npsY = countY > 0 ? 100.0 * (y.Promoters - y.Detractors) / countY : null;
        if (npsX is null || npsY is null)
        {
            var status = countX == 0 && countY == 0 ? EstimateStatus.NoData : EstimateStatus.NotEnoughData;
            return new NpsDifferenceResult(countX, countY, status, npsX, npsY, null, null, null, null, null, level);
        }

        var difference = npsX.Value - npsY.Value;
        if (countX < 2 || countY < 2)
        {
            return new NpsDifferenceResult(countX, countY, EstimateStatus.NotEnoughData, npsX, npsY, difference, null, null, null, null, level);
        }

        var se = Math.Sqrt(Variance(x) + Variance(y));
        if (se == 0)
        {
            return new NpsDifferenceResult(countX, countY, EstimateStatus.ZeroVariance, npsX, npsY, difference, 0.0, null, null, null, level);
        }

        var z = difference / se;
        var interval = StatisticsGuard.Around(difference, StatisticsGuard.ZQuantile(level) * se, level);
        return new NpsDifferenceResult(countX, countY, EstimateStatus.Estimated, npsX, npsY, difference, se, z, StatisticsGuard.TwoSidedNormal(z), interval, level);
    }

    /// <summary>The squared standard error of one NPS, in points²: 100²(p + d − (p − d)²)/n.</summary>
    private static double Variance(NpsCounts counts)
    {
        var p = (double)counts.Promoters / counts.Count;
        var d = (double)counts.Detractors / counts.Count;
        return Math.Max(0.0, 10_000.0 * (p + d - ((p - d) * (p - d))) / counts.Count);
    }
}
