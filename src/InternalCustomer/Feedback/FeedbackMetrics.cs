using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.Distributions;

namespace InternalCustomer.Feedback;

/// <summary>
/// Satisfaction metrics computed from mergeable summaries, each with its sample size and a confidence interval.
/// </summary>
/// <remarks>
/// <para><b>Levels.</b> Every method takes a confidence <c>level</c> in (0, 1), default 0.95; anything else
/// (including NaN) throws <see cref="ArgumentOutOfRangeException"/> with parameter name <c>level</c>.</para>
/// <para><b>Not enough data.</b> No method returns NaN or throws for lack of data; see
/// <see cref="MetricEstimate"/> and <see cref="EstimateStatus"/>. n = 0 gives
/// <see cref="EstimateStatus.NoData"/>. Student-t and NPS intervals need n ≥ 2 (else
/// <see cref="EstimateStatus.NotEnoughData"/>) and a non-zero variance (else
/// <see cref="EstimateStatus.ZeroVariance"/>: R's <c>t.test</c> refuses constant data too). Wilson intervals
/// exist for every n ≥ 1 and every share, including 0 and 1.</para>
/// <para><b>Raw data.</b> The same intervals are public for data that are not ratings: <see cref="Wilson"/> for
/// a count of successes in trials, <see cref="MeanOfValues"/> for real values.</para>
/// <para><b>Sources.</b> Student t: R <c>t.test(x)$conf.int</c>. Wilson (1927) score interval without
/// continuity correction: R <c>prop.test(x, n, correct = FALSE)$conf.int</c>. NPS (Reichheld 2003) with
/// the multinomial standard error <c>100·sqrt((p + d − (p − d)²)/n)</c> and a normal interval.
/// Quantiles come from MathNet.Numerics (<c>StudentT.InvCDF</c>, <c>Normal.InvCDF</c>).</para>
/// <para><b>Weighted (time-decayed) versions</b> (<c>Weighted…</c>) take a <see cref="WeightedRatingSummary"/>: shares and
/// means are weighted, and intervals use Kish's effective sample size <c>n_eff = (Σw)²/Σw²</c> in place of
/// n (t with <c>n_eff − 1</c> degrees of freedom; variance <c>M2/(Σw − Σw²/Σw)</c>). With equal weights
/// they equal the unweighted results.</para>
/// </remarks>
public static class FeedbackMetrics
{
    /// <summary>The default confidence level, 0.95.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>Mean rating with a Student-t interval (R: <c>t.test(x, conf.level = level)$conf.int</c>).</summary>
    /// <param name="ratings">The summary.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The mean with n and interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate Mean(RatingSummary ratings, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        CheckLevel(level);
        return MeanCore(ratings.Mean, ratings.Count, ratings.Count, ratings.Count < 2 ? 0 : ratings.M2 / (ratings.Count - 1), level);
    }

    // Mean(ratings, quantiles.Level) with the t quantile from a computation's memo (the scorecard's thousands of means).
    internal static MetricEstimate MeanWith(RatingSummary ratings, StudentTQuantiles quantiles) =>
        MeanCore(ratings.Mean, ratings.Count, ratings.Count, ratings.Count < 2 ? 0 : ratings.M2 / (ratings.Count - 1), quantiles.Level, quantiles);

    /// <summary>
    /// Mean of real values (for example resolution hours, or scores that are not points of a scale) with a Student-t
    /// interval (R: <c>t.test(x, conf.level = level)$conf.int</c>): the interval of <see cref="Mean"/>, for data that
    /// are not ratings. Summarise raw values with <see cref="MomentSummary.Of"/>, or build the summary from a sample's
    /// size, mean and variance with <see cref="MomentSummary.FromMoments"/>.
    /// </summary>
    /// <param name="values">The (possibly merged) summary of the values.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The mean with n and interval; n = 0 gives <see cref="EstimateStatus.NoData"/>, n = 1
    /// <see cref="EstimateStatus.NotEnoughData"/>, equal values <see cref="EstimateStatus.ZeroVariance"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate MeanOfValues(MomentSummary values, double level = DefaultLevel)
    {
        CheckLevel(level);
        return MeanCore(values.Mean, values.Count, values.Count, values.Variance ?? 0, level);
    }

    /// <summary>Weighted (for example time-decayed) mean with a Student-t interval on the effective sample size.</summary>
    /// <param name="ratings">The weighted summary.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The weighted mean with n, effective n and interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate WeightedMean(WeightedRatingSummary ratings, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        CheckLevel(level);
        return MeanCore(ratings.Mean, ratings.Count, ratings.EffectiveCount, WeightedVariance(ratings), level);
    }

    /// <summary>Mean rating rescaled to 0–100, <c>(x − min)/(max − min) × 100</c>, with the t interval rescaled the same way.</summary>
    /// <param name="ratings">The summary.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The normalised mean with n and interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate Normalised(RatingSummary ratings, double level = DefaultLevel) =>
        Rescale(Mean(ratings, level), ratings.Scale);

    /// <summary>Weighted mean rescaled to 0–100 (see <see cref="Normalised"/>).</summary>
    /// <param name="ratings">The weighted summary.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The normalised weighted mean with n and interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate WeightedNormalised(WeightedRatingSummary ratings, double level = DefaultLevel) =>
        Rescale(WeightedMean(ratings, level), ratings.Scale);

    /// <summary>
    /// CSAT: the share of ratings in the top <paramref name="topBoxes"/> points of the scale (default top-2, i.e. 4–5 of 5),
    /// in [0, 1], with a Wilson score interval (R: <c>prop.test(x, n, correct = FALSE)$conf.int</c>).
    /// </summary>
    /// <param name="ratings">The summary.</param>
    /// <param name="topBoxes">How many of the highest points count as satisfied; 1 to the number of points.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The share with n and interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topBoxes"/> is outside 1 to the number of points, or <paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate Csat(RatingSummary ratings, int topBoxes = 2, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        CheckTopBoxes(topBoxes, ratings.Scale);
        CheckLevel(level);
        return ProportionCore(ratings.CountAtOrAbove(ratings.Scale.Max - topBoxes + 1), ratings.Count, ratings.Count, ratings.Count, level);
    }

    /// <summary>
    /// A share from raw counts, <c>successes / trials</c> in [0, 1], with the Wilson (1927) score interval without
    /// continuity correction (R: <c>prop.test(successes, trials, correct = FALSE)$conf.int</c>): the interval of
    /// <see cref="Csat"/> and <see cref="Ces"/>, for any yes/no count (requests resolved in time, answers that
    /// mention a topic).
    /// </summary>
    /// <param name="successes">The number of trials that count, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials, at least 0.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The share with n = <paramref name="trials"/>, standard error <c>sqrt(p(1 − p)/n)</c> and interval;
    /// <see cref="EstimateStatus.NoData"/> for 0 trials. The interval exists for every n ≥ 1, including shares of 0 and 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is negative, <paramref name="successes"/>
    /// is outside 0 to <paramref name="trials"/>, or <paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate Wilson(long successes, long trials, double level = DefaultLevel)
    {
        if (trials < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(trials),
                trials,
                string.Create(CultureInfo.InvariantCulture, $"Trials must be at least 0; got {trials}."));
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(
                nameof(successes),
                successes,
                string.Create(CultureInfo.InvariantCulture, $"Successes must be 0 to the number of trials ({trials}); got {successes}."));
        }

        CheckLevel(level);
        return ProportionCore(successes, trials, trials, trials, level);
    }

    /// <summary>Weighted CSAT: the weighted top-box share with a Wilson interval on the effective sample size.</summary>
    /// <param name="ratings">The weighted summary.</param>
    /// <param name="topBoxes">How many of the highest points count as satisfied.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The share with n, effective n and interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topBoxes"/> or <paramref name="level"/> is out of range.</exception>
    public static MetricEstimate WeightedCsat(WeightedRatingSummary ratings, int topBoxes = 2, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        CheckTopBoxes(topBoxes, ratings.Scale);
        CheckLevel(level);
        return ProportionCore(ratings.WeightAtOrAbove(ratings.Scale.Max - topBoxes + 1), ratings.SumOfWeights, ratings.Count, ratings.EffectiveCount, level);
    }

    /// <summary>
    /// Net Promoter Score = 100 × (promoters − detractors) / n, in [−100, 100], with standard error
    /// <c>100·sqrt((p + d − (p − d)²)/n)</c> and a normal interval (clamped to [−100, 100]).
    /// </summary>
    /// <param name="counts">The promoter, passive and detractor counts.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The NPS with n, standard error and interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate Nps(NpsCounts counts, double level = DefaultLevel)
    {
        CheckLevel(level);
        return NpsCore(counts.Promoters, counts.Detractors, counts.Count, counts.Count, counts.Count, level);
    }

    /// <summary>Weighted NPS: weighted shares of promoters and detractors, standard error on the effective sample size.</summary>
    /// <param name="recommend">A weighted summary on 0–10.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The NPS with n, effective n, standard error and interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recommend"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="recommend"/> is not on 0–10.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate WeightedNps(WeightedRatingSummary recommend, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(recommend);
        CheckZeroToTen(recommend.Scale, nameof(recommend));
        CheckLevel(level);
        return NpsCore(recommend.WeightAtOrAbove(9), recommend.WeightAtOrBelow(6), recommend.SumOfWeights, recommend.Count, recommend.EffectiveCount, level);
    }

    /// <summary>
    /// Customer effort score: the share of effort ratings at or above <paramref name="threshold"/> (default 5 of 7)
    /// with a Wilson interval, and the mean effort with a t interval.
    /// </summary>
    /// <param name="effort">A summary of effort ratings.</param>
    /// <param name="threshold">The lowest rating that counts as "easy"; a point of the summary's scale.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The share and the mean.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="effort"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside the scale or <paramref name="level"/> outside (0, 1).</exception>
    public static CesEstimate Ces(RatingSummary effort, int threshold = 5, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(effort);
        effort.Scale.Validate(threshold, nameof(threshold));
        CheckLevel(level);
        return new CesEstimate(
            threshold,
            ProportionCore(effort.CountAtOrAbove(threshold), effort.Count, effort.Count, effort.Count, level),
            Mean(effort, level));
    }

    /// <summary>Weighted customer effort score (see <see cref="Ces"/>).</summary>
    /// <param name="effort">A weighted summary of effort ratings.</param>
    /// <param name="threshold">The lowest rating that counts as "easy".</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The weighted share and mean.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="effort"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside the scale or <paramref name="level"/> outside (0, 1).</exception>
    public static CesEstimate WeightedCes(WeightedRatingSummary effort, int threshold = 5, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(effort);
        effort.Scale.Validate(threshold, nameof(threshold));
        CheckLevel(level);
        return new CesEstimate(
            threshold,
            ProportionCore(effort.WeightAtOrAbove(threshold), effort.SumOfWeights, effort.Count, effort.EffectiveCount, level),
            WeightedMean(effort, level));
    }

    /// <summary>
    /// SERVQUAL gaps (Parasuraman, Zeithaml &amp; Berry 1988): per dimension the mean perception, mean expectation and
    /// the paired gap P − E (R: <c>t.test(p, e, paired = TRUE)$conf.int</c>), and the importance-weighted overall gap.
    /// </summary>
    /// <param name="servqual">The SERVQUAL summary.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The gaps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="servqual"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static ServqualGaps Gaps(ServqualSummary servqual, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(servqual);
        CheckLevel(level);
        var dims = servqual.Dimensions;
        var result = ImmutableArray.CreateBuilder<DimensionGap>(dims.Count);
        for (var d = 0; d < dims.Count; d++)
        {
            result.Add(new DimensionGap(
                dims.Names[d],
                dims.Weights[d],
                Mean(servqual.Perceptions[d], level),
                Mean(servqual.Expectations[d], level),
                Mean(servqual.Gaps[d], level)));
        }

        return new ServqualGaps(result.MoveToImmutable(), MeanOfValues(servqual.WeightedGap, level));
    }

    /// <summary>
    /// Bayesian (smoothed) average <c>(C·m + Σx)/(C + n)</c>: the mean shrunk towards a prior mean <paramref name="priorMean"/>
    /// with the weight of <paramref name="priorWeight"/> pseudo-ratings. The interval is the t interval of the mean
    /// mapped through the same shrinkage, so it reflects sampling uncertainty given the prior, not uncertainty about the prior.
    /// </summary>
    /// <param name="ratings">The summary.</param>
    /// <param name="priorMean">The prior mean m (for example the organisation-wide mean); finite.</param>
    /// <param name="priorWeight">The prior weight C ≥ 0, in ratings.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The smoothed average; with n = 0 it is the prior itself with status <see cref="EstimateStatus.NoData"/> (no value if C = 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorMean"/> is not finite, <paramref name="priorWeight"/> is negative or not finite, or <paramref name="level"/> is outside (0, 1).</exception>
    public static MetricEstimate BayesianAverage(RatingSummary ratings, double priorMean, double priorWeight, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        CheckPrior(priorMean, priorWeight);
        return Shrink(Mean(ratings, level), ratings.Count, priorMean, priorWeight);
    }

    /// <summary>Weighted Bayesian average <c>(C·m + Σwx)/(C + Σw)</c> (see <see cref="BayesianAverage"/>).</summary>
    /// <param name="ratings">The weighted summary.</param>
    /// <param name="priorMean">The prior mean m; finite.</param>
    /// <param name="priorWeight">The prior weight C ≥ 0, in units of weight.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The smoothed weighted average.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A prior argument or <paramref name="level"/> is out of range.</exception>
    public static MetricEstimate WeightedBayesianAverage(WeightedRatingSummary ratings, double priorMean, double priorWeight, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        CheckPrior(priorMean, priorWeight);
        return Shrink(WeightedMean(ratings, level), ratings.SumOfWeights, priorMean, priorWeight);
    }

    private static MetricEstimate Shrink(MetricEstimate mean, double n, double m, double c)
    {
        if (mean.Value is not { } x)
        {
            return new MetricEstimate(c > 0 ? m : null, mean.Count, mean.EffectiveCount, null, null, EstimateStatus.NoData);
        }

        var k = n / (c + n);
        double Map(double v) => ((c * m) + (n * v)) / (c + n);
        var interval = mean.Interval is { } ci ? new ConfidenceInterval(Map(ci.Lower), Map(ci.Upper), ci.Level) : (ConfidenceInterval?)null;
        return new MetricEstimate(Map(x), mean.Count, mean.EffectiveCount, mean.StandardError * k, interval, mean.Status);
    }

    private static MetricEstimate MeanCore(double mean, long n, double effectiveN, double variance, double level, StudentTQuantiles? quantiles = null)
    {
        if (n == 0)
        {
            return new MetricEstimate(null, 0, 0, null, null, EstimateStatus.NoData);
        }

        if (n < 2 || effectiveN <= 1)
        {
            return new MetricEstimate(mean, n, effectiveN, null, null, EstimateStatus.NotEnoughData);
        }

        if (!(variance > 0))
        {
            return new MetricEstimate(mean, n, effectiveN, 0, null, EstimateStatus.ZeroVariance);
        }

        var se = Math.Sqrt(variance / effectiveN);
        var t = quantiles?.Of(effectiveN - 1) ?? StudentTQuantiles.Quantile(level, effectiveN - 1);
        return new MetricEstimate(mean, n, effectiveN, se, new ConfidenceInterval(mean - (t * se), mean + (t * se), level), EstimateStatus.Estimated);
    }

    private static MetricEstimate ProportionCore(double successes, double total, long n, double effectiveN, double level)
    {
        if (n == 0 || total <= 0)
        {
            return new MetricEstimate(null, n, effectiveN, null, null, EstimateStatus.NoData);
        }

        // Wilson (1927) score interval, as R's prop.test(x, n, correct = FALSE):
        // (p + z²/2n ± z·sqrt(p(1 − p)/n + z²/4n²)) / (1 + z²/n).
        var p = Math.Clamp(successes / total, 0, 1);
        var z = Normal.InvCDF(0, 1, 0.5 + (level / 2));
        var z2n = z * z / effectiveN;
        var centre = (p + (z2n / 2)) / (1 + z2n);
        var half = z * Math.Sqrt((p * (1 - p) / effectiveN) + (z2n / (4 * effectiveN))) / (1 + z2n);
        var interval = new ConfidenceInterval(Math.Max(0, centre - half), Math.Min(1, centre + half), level);
        return new MetricEstimate(p, n, effectiveN, Math.Sqrt(p * (1 - p) / effectiveN), interval, EstimateStatus.Estimated);
    }

    private static MetricEstimate NpsCore(double promoters, double detractors, double total, long n, double effectiveN, double level)
    {
        if (n == 0 || total <= 0)
        {
            return new MetricEstimate(null, n, effectiveN, null, null, EstimateStatus.NoData);
        }

        var p = promoters / total;
        var d = detractors / total;
        var nps = 100 * (p - d);
        if (n < 2 || effectiveN <= 1)
        {
            return new MetricEstimate(nps, n, effectiveN, null, null, EstimateStatus.NotEnoughData);
        }

        var v = p + d - ((p - d) * (p - d));
        if (!(v > 1e-15))
        {
            return new MetricEstimate(nps, n, effectiveN, 0, null, EstimateStatus.ZeroVariance);
        }

        var se = 100 * Math.Sqrt(v / effectiveN);
        var z = Normal.InvCDF(0, 1, 0.5 + (level / 2));
        var interval = new ConfidenceInterval(Math.Max(-100, nps - (z * se)), Math.Min(100, nps + (z * se)), level);
        return new MetricEstimate(nps, n, effectiveN, se, interval, EstimateStatus.Estimated);
    }

    private static MetricEstimate Rescale(MetricEstimate e, RatingScale scale)
    {
        double range = scale.Max - scale.Min;
        double F(double x) => (x - scale.Min) / range * 100;
        return new MetricEstimate(
            e.Value is { } v ? F(v) : null,
            e.Count,
            e.EffectiveCount,
            e.StandardError is { } se ? se / range * 100 : null,
            e.Interval is { } ci ? new ConfidenceInterval(F(ci.Lower), F(ci.Upper), ci.Level) : null,
            e.Status);
    }

    private static double WeightedVariance(WeightedRatingSummary s)
    {
        if (s.Count < 2)
        {
            return 0;
        }

        var denominator = s.SumOfWeights - (s.SumOfSquaredWeights / s.SumOfWeights);
        return denominator > 0 ? s.M2 / denominator : 0;
    }

    private static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(level),
                level,
                string.Create(CultureInfo.InvariantCulture, $"Confidence level must be in (0, 1); got {level}."));
        }
    }

    private static void CheckTopBoxes(int topBoxes, RatingScale scale)
    {
        if (topBoxes < 1 || topBoxes > scale.Points)
        {
            throw new ArgumentOutOfRangeException(
                nameof(topBoxes),
                topBoxes,
                string.Create(CultureInfo.InvariantCulture, $"Top boxes must be 1 to {scale.Points} on the {scale} scale; got {topBoxes}."));
        }
    }

    private static void CheckZeroToTen(RatingScale scale, string paramName)
    {
        if (!scale.Equals(RatingScale.ZeroToTen))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"NPS needs likelihood-to-recommend ratings on the 0–10 scale; got the {scale} scale."),
                paramName);
        }
    }

    private static void CheckPrior(double priorMean, double priorWeight)
    {
        if (!double.IsFinite(priorMean))
        {
            throw new ArgumentOutOfRangeException(
                nameof(priorMean),
                priorMean,
                string.Create(CultureInfo.InvariantCulture, $"Prior mean must be finite; got {priorMean}."));
        }

        if (!double.IsFinite(priorWeight) || priorWeight < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(priorWeight),
                priorWeight,
                string.Create(CultureInfo.InvariantCulture, $"Prior weight must be finite and non-negative; got {priorWeight}."));
        }
    }
}
