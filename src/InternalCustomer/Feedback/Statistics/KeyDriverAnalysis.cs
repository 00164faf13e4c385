using MathNet.Numerics.LinearAlgebra;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// Key-driver analysis: how strongly each rated dimension drives the overall rating, as Pearson correlations
/// (with <c>cor.test</c> intervals and p-values), standardised regression coefficients, R² and Johnson's relative
/// weights.
/// </summary>
/// <remarks>
/// <para>Everything is computed from the correlation matrix of a <see cref="CoMomentMatrix"/>, so drivers of merged
/// partitions equal the drivers of the concatenated data.</para>
/// <para><b>Correlation</b> of dimension j with overall: <c>r_j = C_jy / sqrt(C_jj·C_yy)</c>; p-value from
/// <c>t = r·sqrt((n − 2)/(1 − r²))</c> with n − 2 degrees of freedom (n ≥ 3); interval by Fisher's z,
/// <c>tanh(atanh(r) ± z(level)/sqrt(n − 3))</c> (n ≥ 4). Both as R's <c>cor.test(x, y)</c>.</para>
/// <para><b>Standardised betas</b> solve <c>R_xx·β = r_xy</c> (R_xx the correlation matrix of the dimensions,
/// r_xy their correlations with overall), equal to the coefficients of <c>lm(scale(y) ~ scale(x1) + …)</c>;
/// <c>R² = r_xyᵀβ</c>. <b>Relative weights</b> (Johnson 2000, "A heuristic method for estimating the relative
/// weight of predictor variables in multiple regression", Multivariate Behavioral Research 35(1)): with the
/// eigen-decomposition <c>R_xx = VΛVᵀ</c>, <c>L = VΛ^½Vᵀ</c>, <c>β* = L⁻¹r_xy</c>, the weight of dimension j is
/// <c>ε_j = Σ_k L_jk²·β*_k²</c>. Each weight is ≥ 0 and the weights sum to R², so they share out the explained
/// variance even when dimensions are correlated, where betas can flip sign or explode.</para>
/// <para><b>Degenerate data</b> (documented behaviour, never NaN): a dimension with zero variance carries no
/// information: its correlation, interval and p-value are <see langword="null"/>, its beta and weight are 0, and
/// it is left out of the regression. Exactly collinear dimensions make <c>R_xx</c> singular: eigenvalues below
/// <c>10⁻¹⁰ × the largest</c> are treated as 0 (Moore–Penrose pseudo-inverse), so the betas are the
/// minimum-norm solution (two identical dimensions share one beta equally) and the relative weights still sum to
/// R². A constant overall rating gives <see cref="EstimateStatus.ZeroVariance"/> with nothing estimated. With
/// fewer than 2 responses nothing is estimated (<see cref="EstimateStatus.NoData"/> with none,
/// <see cref="EstimateStatus.NotEnoughData"/> with one); with fewer than <c>m + 2</c> responses (m the number of
/// non-constant dimensions) the regression is saturated, so betas, weights and R² are <see langword="null"/>
/// (<see cref="EstimateStatus.NotEnoughData"/>) while correlations are still reported.</para>
/// </remarks>
public static class KeyDriverAnalysis
{
    /// <summary>Eigenvalues of the correlation matrix at or below this share of the largest count as 0.</summary>
    private const double EigenTolerance = 1e-10;

    /// <summary>Analyses raw responses: summarises them with <see cref="CoMomentMatrix.From"/> and analyses the summary.</summary>
    /// <param name="ratings">The ratings, row-major (response × dimension), finite values.</param>
    /// <param name="overall">The overall rating of each response, finite values.</param>
    /// <param name="dimensionCount">The number of dimensions, at least 1.</param>
    /// <param name="level">The confidence level of the correlation intervals, in (0, 1); 0.95 by default.</param>
    /// <returns>The drivers.</returns>
    /// <exception cref="ArgumentException">See <see cref="CoMomentMatrix.From"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1), or
    /// <paramref name="dimensionCount"/> is less than 1.</exception>
    public static KeyDriverResult AnalyzeResponses(
        ReadOnlySpan<double> ratings,
        ReadOnlySpan<double> overall,
        int dimensionCount,
        double level = StatisticsGuard.DefaultLevel)
    {
        StatisticsGuard.Level(level, nameof(level));
        return Analyze(CoMomentMatrix.From(ratings, overall, dimensionCount), level);
    }

    /// <summary>Analyses a (possibly merged) co-moment summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="level">The confidence level of the correlation intervals, in (0, 1); 0.95 by default.</param>
    /// <returns>The drivers; see the remarks of <see cref="KeyDriverAnalysis"/> for degenerate data.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static KeyDriverResult Analyze(CoMomentMatrix summary, double level = StatisticsGuard.DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(summary);
        StatisticsGuard.Level(level, nameof(level));
        var k = summary.DimensionCount;
        var y = summary.OverallIndex;
        var n = summary.Count;
        var cyy = summary.CoMoment(y, y);
        if (n < 2 || cyy <= 0)
        {
            var status = n == 0 ? EstimateStatus.NoData : n < 2 ? EstimateStatus.NotEnoughData : EstimateStatus.ZeroVariance;
            var empty = new DriverEstimate[k];
            for (var j = 0; j < k; j++)
            {
                empty[j] = new DriverEstimate(j, summary.CoMoment(j, j) <= 0, null, null, null, null, null);
            }

            return new KeyDriverResult(n, status, null, Array.AsReadOnly(empty), level);
        }

        // Correlations with overall, and the active (non-constant) dimensions.
        var correlations = new double?[k];
        var active = new List<int>(k);
        for (var j = 0; j < k; j++)
        {
            var cjj = summary.CoMoment(j, j);
            if (cjj > 0)
            {
                correlations[j] = Math.Clamp(summary.CoMoment(j, y) / Math.Sqrt(cjj * cyy), -1.0, 1.0);
                active.Add(j);
            }
        }

        var m = active.Count;
        double[]? betas = null, weights = null;
        double? rSquared = null;
        if (n >= m + 2)
        {
            (betas, weights, rSquared) = Regress(summary, active, correlations);
        }

        var drivers = new DriverEstimate[k];
        for (var j = 0; j < k; j++)
        {
            var r = correlations[j];
            var at = active.IndexOf(j);
            double? beta = betas is null ? null : at < 0 ? 0.0 : betas[at];
            double? weight = weights is null ? null : at < 0 ? 0.0 : weights[at];
            drivers[j] = r is null
                ? new DriverEstimate(j, true, null, null, null, beta, weight)
                : new DriverEstimate(j, false, r, CorrelationInterval(r.Value, n, level), CorrelationPValue(r.Value, n), beta, weight);
        }

        var complete = rSquared is not null && n >= 4;
        return new KeyDriverResult(n, complete ? EstimateStatus.Estimated : EstimateStatus.NotEnoughData, rSquared, Array.AsReadOnly(drivers), level);
    }

    private static (double[] Betas, double[] Weights, double RSquared) Regress(CoMomentMatrix summary, List<int> active, double?[] correlations)
    {
        var m = active.Count;
        if (m == 0)
        {
            return ([], [], 0.0);
        }

        var rxx = Matrix<double>.Build.Dense(m, m, (a, b) =>
        {
            if (a == b)
            {
                return 1.0;
            }

            int i = active[a], j = active[b];
            return Math.Clamp(summary.CoMoment(i, j) / Math.Sqrt(summary.CoMoment(i, i) * summary.CoMoment(j, j)), -1.0, 1.0);
        });
        var rxy = Vector<double>.Build.Dense(m, a => correlations[active[a]]!.Value);
        var evd = rxx.Evd(Symmetricity.Symmetric);
        var v = evd.EigenVectors;
        var lambda = evd.EigenValues.Map(c => c.Real);
        var largest = lambda.Maximum();
        var sqrtLambda = Vector<double>.Build.Dense(m);
        var inverseLambda = Vector<double>.Build.Dense(m);
        var inverseSqrtLambda = Vector<double>.Build.Dense(m);
        for (var a = 0; a < m; a++)
        {
            if (lambda[a] > EigenTolerance * largest)
            {
                sqrtLambda[a] = Math.Sqrt(lambda[a]);
                inverseLambda[a] = 1.0 / lambda[a];
                inverseSqrtLambda[a] = 1.0 / sqrtLambda[a];
            }
        }

        var vt = v.Transpose();
        var projected = vt * rxy;

        // Standardised betas: R_xx⁺ r_xy = V Λ⁺ Vᵀ r_xy.
        var betas = v * projected.PointwiseMultiply(inverseLambda);

        // Johnson: L = V Λ^½ Vᵀ, β* = L⁺ r_xy = V Λ^-½ Vᵀ r_xy, ε = (L∘L)(β*∘β*).
        var l = v * Matrix<double>.Build.DiagonalOfDiagonalVector(sqrtLambda) * vt;
        var betaStar = v * projected.PointwiseMultiply(inverseSqrtLambda);
        var weights = l.PointwiseMultiply(l) * betaStar.PointwiseMultiply(betaStar);
        var rSquared = Math.Clamp(rxy.DotProduct(betas), 0.0, 1.0);
        return (betas.ToArray(), weights.ToArray(), rSquared);
    }

    private static ConfidenceInterval? CorrelationInterval(double r, long n, double level)
    {
        if (n < 4)
        {
            return null;
        }

        var z = Math.Atanh(r);
        var half = StatisticsGuard.ZQuantile(level) / Math.Sqrt(n - 3);
        return new ConfidenceInterval(Math.Tanh(z - half), Math.Tanh(z + half), level);
    }

    private static double? CorrelationPValue(double r, long n)
    {
        if (n < 3)
        {
            return null;
        }

        if (Math.Abs(r) >= 1.0)
        {
            return 0.0;
        }

        double df = n - 2;
        return StatisticsGuard.TwoSidedT(r * Math.Sqrt(df / (1 - (r * r))), df);
    }
}
