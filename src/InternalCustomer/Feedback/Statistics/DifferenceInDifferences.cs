namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// The difference-in-differences estimate of a 2×2 before/after, treated/control design from individual outcomes
/// (0/1 or scores), with the classical OLS standard error, t statistic, p-value and interval of R's
/// <c>lm(y ~ treated * after)</c> coefficient <c>treated:after</c>.
/// </summary>
/// <remarks>
/// <para>With the cell means <c>ȳ_TB, ȳ_TA, ȳ_CB, ȳ_CA</c> (treated/control, before/after) and cell sizes
/// <c>n_TB, …</c>, the interaction model saturates the four cells, so its OLS fit is the cell means and
/// <c>DiD = (ȳ_TA − ȳ_TB) − (ȳ_CA − ȳ_CB)</c>. The residual variance is the pooled within-cell variance
/// <c>s² = Σ_cells Σ (y − ȳ_cell)² / (N − 4)</c> and the standard error of the interaction coefficient is
/// <c>SE = s·√(1/n_TB + 1/n_TA + 1/n_CB + 1/n_CA)</c>; <c>t = DiD/SE</c> has <c>N − 4</c> degrees of freedom,
/// the p-value is two-sided and the interval <c>DiD ± t(level, N − 4)·SE</c> (R's <c>confint</c>). The estimate
/// removes a drift shared by both groups (an organisation-wide change, or regression to the mean that affects both
/// alike) under the parallel-trends assumption; the classical standard error assumes independent observations
/// with one common variance (Angrist and Pischke 2009, "Mostly Harmless Econometrics", §5.2).</para>
/// <para>Small samples: with all four cells empty nothing is computed (<see cref="EstimateStatus.NoData"/>); with
/// an empty cell the interaction is not identified (R's <c>lm</c> reports <c>NA</c>) and nothing is computed either
/// (<see cref="EstimateStatus.NotEnoughData"/>); with exactly one observation per cell (<c>N = 4</c>) there are no
/// residual degrees of freedom, so only the estimate is reported (<see cref="EstimateStatus.NotEnoughData"/>);
/// when every cell is constant the residual variance is 0 and the estimate is reported with standard error 0 and
/// no test (<see cref="EstimateStatus.ZeroVariance"/>).</para>
/// </remarks>
public static class DifferenceInDifferences
{
    /// <summary>Estimates the difference-in-differences from the individual outcomes of the four cells.</summary>
    /// <param name="treatedBefore">Outcomes of the treated group before (for example the relationship with the action, before it started).</param>
    /// <param name="treatedAfter">Outcomes of the treated group after.</param>
    /// <param name="controlBefore">Outcomes of the comparison group before (for example the provider's other relationships).</param>
    /// <param name="controlAfter">Outcomes of the comparison group after.</param>
    /// <param name="level">The confidence level of the interval, in (0, 1); 0.95 by default.</param>
    /// <returns>The estimate; see the remarks of <see cref="DifferenceInDifferences"/>.</returns>
    /// <exception cref="ArgumentException">An outcome is NaN or an infinity (the message names the cell and gives the index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static DifferenceInDifferencesResult Compute(
        ReadOnlySpan<double> treatedBefore,
        ReadOnlySpan<double> treatedAfter,
        ReadOnlySpan<double> controlBefore,
        ReadOnlySpan<double> controlAfter,
        double level = StatisticsGuard.DefaultLevel)
    {
        StatisticsGuard.Level(level, nameof(level));
        var tb = Cell(treatedBefore, "Outcomes of treatedBefore", nameof(treatedBefore));
        var ta = Cell(treatedAfter, "Outcomes of treatedAfter", nameof(treatedAfter));
        var cb = Cell(controlBefore, "Outcomes of controlBefore", nameof(controlBefore));
        var ca = Cell(controlAfter, "Outcomes of controlAfter", nameof(controlAfter));
        var total = tb.Count + ta.Count + cb.Count + ca.Count;
        if (tb.Count == 0 || ta.Count == 0 || cb.Count == 0 || ca.Count == 0)
        {
            var status = total == 0 ? EstimateStatus.NoData : EstimateStatus.NotEnoughData;
            return new DifferenceInDifferencesResult(tb.Count, ta.Count, cb.Count, ca.Count, status, null, null, null, null, null, null, null, level);
        }

        var treatedChange = ta.Mean - tb.Mean;
        var controlChange = ca.Mean - cb.Mean;
        var estimate = treatedChange - controlChange;
        if (!double.IsFinite(estimate))
        {
            throw new ArgumentException(
                $"The difference of the cell means must be a finite number; got {StatisticsGuard.Format(estimate)}.",
                nameof(controlAfter));
        }

        var degreesOfFreedom = total - 4;
        if (degreesOfFreedom == 0)
        {
            return new DifferenceInDifferencesResult(tb.Count, ta.Count, cb.Count, ca.Count, EstimateStatus.NotEnoughData, treatedChange, controlChange, estimate, null, null, null, null, level);
        }

        var squares = ((tb.Count - 1) * tb.Variance) + ((ta.Count - 1) * ta.Variance) + ((cb.Count - 1) * cb.Variance) + ((ca.Count - 1) * ca.Variance);
        var residualVariance = squares / degreesOfFreedom;
        var se = Math.Sqrt(residualVariance * ((1.0 / tb.Count) + (1.0 / ta.Count) + (1.0 / cb.Count) + (1.0 / ca.Count)));
        if (se == 0)
        {
            return new DifferenceInDifferencesResult(tb.Count, ta.Count, cb.Count, ca.Count, EstimateStatus.ZeroVariance, treatedChange, controlChange, estimate, 0.0, null, null, null, level, degreesOfFreedom);
        }

        var t = estimate / se;
        var interval = StatisticsGuard.Around(estimate, StatisticsGuard.TQuantile(level, degreesOfFreedom) * se, level);
        return new DifferenceInDifferencesResult(
            tb.Count, ta.Count, cb.Count, ca.Count, EstimateStatus.Estimated, treatedChange, controlChange, estimate, se, t, StatisticsGuard.TwoSidedT(t, degreesOfFreedom), interval, level, degreesOfFreedom);
    }

    private static SampleMoments Cell(ReadOnlySpan<double> values, string what, string parameterName) =>
        SampleMoments.Of(values, what, parameterName);
}
