namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// Importance–performance analysis (Martilla &amp; James 1977, "Importance-performance analysis", Journal of
/// Marketing 41(1)): places each dimension in one of four quadrants by its importance and its performance.
/// </summary>
/// <remarks>
/// <para>The axes are split at the mean importance and the mean performance of the dimensions given, or at cut
/// points chosen by the caller (for example the scale midpoint, or a target). Importance can be stated
/// (questionnaire weights) or derived (relative weights from <see cref="KeyDriverAnalysis"/>); performance is
/// usually the mean rating of the dimension.</para>
/// <para>Ties: a value exactly at its cut point counts as <em>high</em> on that axis (<c>value ≥ cut</c>). So a
/// single dimension, which sits at both means, is <see cref="ImportancePerformanceQuadrant.KeepUpTheGoodWork"/>,
/// and dimensions that all share one importance are all "high importance".</para>
/// <para>The quadrants are descriptive: they carry no sampling uncertainty. With small samples check the
/// performance intervals before acting on a dimension near a cut.</para>
/// </remarks>
public static class ImportancePerformanceAnalysis
{
    /// <summary>Classifies dimensions into quadrants.</summary>
    /// <param name="importance">The importance of each dimension, finite values.</param>
    /// <param name="performance">The performance of each dimension, finite values, as many as <paramref name="importance"/>.</param>
    /// <param name="importanceCut">Where to split importance; the mean importance when <see langword="null"/>.</param>
    /// <param name="performanceCut">Where to split performance; the mean performance when <see langword="null"/>.</param>
    /// <returns>The cut points used and one quadrant per dimension, in input order; empty for empty input.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a value or cut point is NaN or infinite.</exception>
    public static ImportancePerformanceResult Classify(
        ReadOnlySpan<double> importance,
        ReadOnlySpan<double> performance,
        double? importanceCut = null,
        double? performanceCut = null)
    {
        StatisticsGuard.SameLength(importance.Length, performance.Length, nameof(importance), nameof(performance));
        StatisticsGuard.AllFinite(importance, "Importance values", nameof(importance));
        StatisticsGuard.AllFinite(performance, "Performance values", nameof(performance));
        if (importanceCut is { } ic)
        {
            StatisticsGuard.Finite(ic, "The importance cut point", nameof(importanceCut));
        }

        if (performanceCut is { } pc)
        {
            StatisticsGuard.Finite(pc, "The performance cut point", nameof(performanceCut));
        }

        var n = importance.Length;
        if (n == 0)
        {
            return new ImportancePerformanceResult(importanceCut, performanceCut, []);
        }

        var iCut = importanceCut ?? Mean(importance);
        var pCut = performanceCut ?? Mean(performance);
        var quadrants = new ImportancePerformanceQuadrant[n];
        for (var j = 0; j < n; j++)
        {
            var high = importance[j] >= iCut;
            var good = performance[j] >= pCut;
            quadrants[j] = (high, good) switch
            {
                (true, false) => ImportancePerformanceQuadrant.ConcentrateHere,
                (true, true) => ImportancePerformanceQuadrant.KeepUpTheGoodWork,
                (false, false) => ImportancePerformanceQuadrant.LowPriority,
                (false, true) => ImportancePerformanceQuadrant.PossibleOverkill,
            };
        }

        return new ImportancePerformanceResult(iCut, pCut, Array.AsReadOnly(quadrants));
    }

    /// <summary>Mean shifted by the first value, so that equal values give exactly that value (ties stay ties).</summary>
    private static double Mean(ReadOnlySpan<double> values)
    {
        var shift = values[0];
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v - shift;
        }

        return shift + (sum / values.Length);
    }
}
