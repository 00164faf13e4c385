using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>
/// A mergeable summary of (instant, score) pairs for the least-squares trend of score over time: the count,
/// the mean time, the mean score and the centred co-moments <c>Ctt = Σ(t − t̄)²</c>, <c>Cty = Σ(t − t̄)(y − ȳ)</c>,
/// <c>Cyy = Σ(y − ȳ)²</c>.
/// </summary>
/// <remarks>
/// <para>Time <c>t</c> is measured in days (of exactly 86,400 seconds) since the Unix epoch, as a double;
/// the slope is therefore "score per day", and <see cref="Estimate(double)"/> reports it per 30 days.
/// The slope does not depend on the origin of time, so R's <c>lm(y ~ t)</c> with <c>t</c> in days since any
/// origin gives the same slope, standard error, t and p-value.</para>
/// <para>Summaries form a commutative monoid: <see cref="Empty"/> is the identity and
/// <see cref="Merge(TrendSummary)"/> is associative and commutative (up to rounding), using the pairwise update of
/// Chan, Golub and LeVeque (1979, "Updating formulae and a pairwise algorithm for computing sample variances"):
/// <c>C = C_a + C_b + δ_t δ_y · n_a n_b / n</c>. Summarising <c>xs ++ ys</c> equals merging the summaries of
/// <c>xs</c> and <c>ys</c> to rounding error, so a trend can be computed per partition (per department, per
/// month, per worker thread) and combined without shipping raw data.</para>
/// <para><c>default(TrendSummary)</c> equals <see cref="Empty"/>.</para>
/// </remarks>
public readonly record struct TrendSummary
{
    /// <summary>Ticks (100 ns) per day of 86,400 seconds.</summary>
    private const long TicksPerDay = 864_000_000_000L;

    private const double DaysPerTick = 1.0 / TicksPerDay;

    /// <summary>Pairs summarised per block by <see cref="From"/> before the block summaries are merged.</summary>
    private const int BlockSize = 2048;

    private TrendSummary(long count, double meanDays, double meanScore, double ctt, double cty, double cyy)
    {
        Count = count;
        MeanDays = meanDays;
        MeanScore = meanScore;
        Ctt = ctt;
        Cty = cty;
        Cyy = cyy;
    }

    /// <summary>Gets the summary of no data: the identity of <see cref="Merge(TrendSummary)"/>.</summary>
    public static TrendSummary Empty => default;

    /// <summary>Gets the number of (instant, score) pairs.</summary>
    public long Count { get; }

    /// <summary>Gets the mean instant, in days since the Unix epoch; 0 when <see cref="Count"/> is 0.</summary>
    public double MeanDays { get; }

    /// <summary>Gets the mean score; 0 when <see cref="Count"/> is 0.</summary>
    public double MeanScore { get; }

    /// <summary>Gets <c>Σ(t − t̄)²</c>, t in days.</summary>
    public double Ctt { get; }

    /// <summary>Gets <c>Σ(t − t̄)(y − ȳ)</c>, t in days.</summary>
    public double Cty { get; }

    /// <summary>Gets <c>Σ(y − ȳ)²</c>.</summary>
    public double Cyy { get; }

    /// <summary>Gets the mean instant, rounded to the nearest tick; <see langword="null"/> when <see cref="Count"/> is 0.</summary>
    public Instant? MeanInstant => Count == 0 ? null : Instant.FromUnixTimeTicks((long)Math.Round(MeanDays * TicksPerDay));

    /// <summary>
    /// Summarises parallel spans of instants and scores in one pass without allocating: blocks of 2,048 pairs,
    /// each summarised with sums shifted by its first pair, merged with the pairwise update.
    /// </summary>
    /// <param name="times">The instants of the responses.</param>
    /// <param name="scores">The scores, one per instant, each finite.</param>
    /// <returns>The summary; <see cref="Empty"/> for empty spans.</returns>
    /// <exception cref="ArgumentException"><paramref name="scores"/> has a different length from
    /// <paramref name="times"/>, or holds NaN or an infinity (the message gives the index).</exception>
    public static TrendSummary From(ReadOnlySpan<Instant> times, ReadOnlySpan<double> scores)
    {
        StatisticsGuard.SameLength(times.Length, scores.Length, nameof(times), nameof(scores));
        var n = times.Length;
        if (n == 0)
        {
            return Empty;
        }

        // One pass in blocks of BlockSize pairs, each block shifted by its own first pair (Chan, Golub & LeVeque's
        // "shifted" sums: accurate when the shift is a data point, as the spread inside a block is the spread of the
        // data), and the block summaries merged with the pairwise update. The first version made three passes
        // (convert, means, centred co-moments) and measured 2.7-2.9x MathNet's Fit.Line on pre-converted doubles;
        // the Instant-to-ticks conversion alone costs about as much as Fit.Line.
        var t0 = times[0].ToUnixTimeTicks();
        var originDays = (double)(t0 / TicksPerDay) + ((double)(t0 % TicksPerDay) / TicksPerDay);
        var total = Empty;
        for (var start = 0; start < n; start += BlockSize)
        {
            var length = Math.Min(BlockSize, n - start);
            total = total.Merge(Block(times.Slice(start, length), scores.Slice(start, length), t0));
        }

        if (!double.IsFinite(total.MeanScore) || !double.IsFinite(total.Cyy))
        {
            StatisticsGuard.AllFinite(scores, "Scores", nameof(scores));
        }

        return new TrendSummary(total.Count, originDays + total.MeanDays, total.MeanScore, total.Ctt, total.Cty, total.Cyy);
    }

    /// <summary>The weighted mean of two means: symmetric in the operands (so Merge is exactly commutative), and
    /// exactly the common value when the means are equal (so constant data keep co-moments of exactly 0).</summary>
    internal static double MergeMean(double meanA, double countA, double meanB, double countB) =>
        meanA == meanB ? meanA : ((countA * meanA) + (countB * meanB)) / (countA + countB);

    /// <summary>One-pass shifted summary of one block; times in days relative to <paramref name="originTicks"/>.</summary>
    private static TrendSummary Block(ReadOnlySpan<Instant> times, ReadOnlySpan<double> scores, long originTicks)
    {
        var n = times.Length;
        ref var y = ref MemoryMarshal.GetReference(scores);
        var shiftTicks = times[0].ToUnixTimeTicks();
        var y0 = y;
        double st = 0.0, sy = 0.0, stt = 0.0, sty = 0.0, syy = 0.0;
        for (var i = 0; i < n; i++)
        {
            var dt = (times[i].ToUnixTimeTicks() - shiftTicks) * DaysPerTick;
            var dy = Unsafe.Add(ref y, i) - y0;
            st += dt;
            sy += dy;
            stt += dt * dt;
            sty += dt * dy;
            syy += dy * dy;
        }

        var mt = st / n;
        var my = sy / n;
        return new TrendSummary(
            n,
            ((shiftTicks - originTicks) * DaysPerTick) + mt,
            y0 + my,
            Math.Max(0.0, stt - (st * mt)),
            sty - (st * my),
            Math.Max(0.0, syy - (sy * my)));
    }

    /// <summary>Rebuilds a summary from its published moments, for example one computed on another machine.</summary>
    /// <param name="count">The number of pairs, at least 0.</param>
    /// <param name="meanDays">The mean instant in days since the Unix epoch.</param>
    /// <param name="meanScore">The mean score.</param>
    /// <param name="ctt">The co-moment <c>Σ(t − t̄)²</c>, at least 0.</param>
    /// <param name="cty">The co-moment <c>Σ(t − t̄)(y − ȳ)</c>.</param>
    /// <param name="cyy">The co-moment <c>Σ(y − ȳ)²</c>, at least 0.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite, <paramref name="count"/> is negative,
    /// a squared co-moment is negative, or <paramref name="count"/> is 0 and a moment is not 0.</exception>
    public static TrendSummary FromMoments(long count, double meanDays, double meanScore, double ctt, double cty, double cyy)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Count must be at least 0; got {count}.");
        }

        StatisticsGuard.Finite(meanDays, "Mean time", nameof(meanDays));
        StatisticsGuard.Finite(meanScore, "Mean score", nameof(meanScore));
        StatisticsGuard.Finite(ctt, "Ctt", nameof(ctt));
        StatisticsGuard.Finite(cty, "Cty", nameof(cty));
        StatisticsGuard.Finite(cyy, "Cyy", nameof(cyy));
        if (ctt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ctt), $"Ctt is a sum of squares and must be at least 0; got {StatisticsGuard.Format(ctt)}.");
        }

        if (cyy < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cyy), $"Cyy is a sum of squares and must be at least 0; got {StatisticsGuard.Format(cyy)}.");
        }

        if (count == 0 && (meanDays != 0 || meanScore != 0 || ctt != 0 || cty != 0 || cyy != 0))
        {
            throw new ArgumentException("A summary of 0 pairs must have every moment 0.", nameof(count));
        }

        return new TrendSummary(count, meanDays, meanScore, ctt, cty, cyy);
    }

    /// <summary>Returns the summary with one more (instant, score) pair (Welford's update).</summary>
    /// <param name="time">The instant.</param>
    /// <param name="score">The score, finite.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentException"><paramref name="score"/> is NaN or infinite.</exception>
    public TrendSummary Add(Instant time, double score)
    {
        StatisticsGuard.Finite(score, "Score", nameof(score));
        var ticks = time.ToUnixTimeTicks();
        var t = (double)(ticks / TicksPerDay) + ((double)(ticks % TicksPerDay) / TicksPerDay);
        return Merge(new TrendSummary(1, t, score, 0.0, 0.0, 0.0));
    }

    /// <summary>Merges two summaries (Chan et al. pairwise update); see the remarks of <see cref="TrendSummary"/>.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>The summary of both sets of pairs.</returns>
    public TrendSummary Merge(TrendSummary other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        double na = Count, nb = other.Count;
        var n = na + nb;
        var dt = other.MeanDays - MeanDays;
        var dy = other.MeanScore - MeanScore;
        var w = na * nb / n;

        return new TrendSummary(
            Count + other.Count,
            MergeMean(MeanDays, na, other.MeanDays, nb),
            MergeMean(MeanScore, na, other.MeanScore, nb),
            Ctt + other.Ctt + (dt * dt * w),
            Cty + other.Cty + (dt * dy * w),
            Cyy + other.Cyy + (dy * dy * w));
    }

    /// <summary>
    /// Estimates the least-squares slope of score over time with its standard error, confidence interval and
    /// two-sided p-value, as R's <c>summary(lm(y ~ t))</c> and <c>confint</c> do, reported per 30 days.
    /// </summary>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <returns>The trend. With n = 0 (<see cref="EstimateStatus.NoData"/>) or 1 (<see cref="EstimateStatus.NotEnoughData"/>) nothing is estimated; with all instants equal there is no slope
    /// (<see cref="EstimateStatus.ZeroVariance"/>); with n = 2 the slope is set but there is no standard error,
    /// interval or p-value (0 residual degrees of freedom); with all scores equal the slope is 0 with standard
    /// error 0 and no p-value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public TrendResult Estimate(double level = StatisticsGuard.DefaultLevel)
    {
        StatisticsGuard.Level(level, nameof(level));
        return Estimate(level, null);
    }

    // Estimate(quantiles.Level) with the t quantile from a computation's memo (the scorecard's thousands of trends).
    internal TrendResult EstimateWith(StudentTQuantiles quantiles) => Estimate(quantiles.Level, quantiles);

    private TrendResult Estimate(double level, StudentTQuantiles? quantiles)
    {
        const double PerThirtyDays = 30.0;
        var n = Count;
        if (n < 2)
        {
            return new TrendResult(n, n == 0 ? EstimateStatus.NoData : EstimateStatus.NotEnoughData, null, null, null, null, null, null, null, level);
        }

        if (Ctt == 0)
        {
            return new TrendResult(n, EstimateStatus.ZeroVariance, null, null, null, null, null, null, null, level);
        }

        var slope = Cty / Ctt;
        if (n == 2)
        {
            return new TrendResult(n, EstimateStatus.NotEnoughData, slope * PerThirtyDays, null, null, null, null, null, null, level);
        }

        double df = n - 2;
        var rss = Math.Max(0.0, Cyy - (slope * Cty));
        var se = Math.Sqrt(rss / df / Ctt) * PerThirtyDays;
        var estimate = slope * PerThirtyDays;
        var interval = StatisticsGuard.Around(estimate, (quantiles?.Of(df) ?? StatisticsGuard.TQuantile(level, df)) * se, level);
        var rSquared = Cyy == 0 ? (double?)null : Math.Clamp(Cty * Cty / (Ctt * Cyy), 0.0, 1.0);
        if (se == 0)
        {
            // Every score on the line: if the scores are constant the slope is 0 and t = 0/0 (no p-value);
            // otherwise t is infinite and p is 0.
            return Cyy == 0
                ? new TrendResult(n, EstimateStatus.ZeroVariance, estimate, 0.0, interval, null, null, df, rSquared, level)
                : new TrendResult(n, EstimateStatus.Estimated, estimate, 0.0, interval, null, 0.0, df, 1.0, level);
        }

        var t = estimate / se;
        return new TrendResult(n, EstimateStatus.Estimated, estimate, se, interval, t, StatisticsGuard.TwoSidedT(t, df), df, rSquared, level);
    }
}
