using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// A mergeable summary of weighted ratings on one scale (for example time-decayed, see <see cref="TimeDecay"/>):
/// count, Σw, Σw², weighted mean, weighted M2 <c>Σ w(x − mean)²</c> and a weighted histogram.
/// </summary>
/// <remarks>
/// <para>Merge law as in <see cref="RatingSummary"/>: <see cref="Empty"/> is the identity; <see cref="Merge"/> is the
/// weighted form of the Chan et al. (1979) update (<c>W = W_A + W_B</c>, <c>mean = mean_A + δ·W_B/W</c>,
/// <c>M2 = M2_A + M2_B + δ²·W_A·W_B/W</c>), associative and commutative up to rounding.
/// Summaries merge meaningfully only when their weights share a reference (the same <see cref="TimeDecay"/>).</para>
/// <para>The weights are treated as reliability weights: the variance estimate is
/// <c>M2 / (Σw − Σw²/Σw)</c> and the effective sample size is Kish's <c>(Σw)²/Σw²</c>. With all weights equal
/// both reduce to the unweighted sample variance and n.</para>
/// </remarks>
public sealed class WeightedRatingSummary : IHistogramSummary
{
    private readonly BinnedMoments<double> _moments;

    private WeightedRatingSummary(RatingScale scale, BinnedMoments<double> moments, long count, double sumOfSquaredWeights)
    {
        Scale = scale;
        _moments = moments;
        Count = count;
        SumOfSquaredWeights = sumOfSquaredWeights;
    }

    /// <summary>Gets the scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>Gets the number of ratings (with positive weight).</summary>
    public long Count { get; }

    /// <summary>Gets a value indicating whether the summary holds no ratings.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Gets Σw.</summary>
    public double SumOfWeights => _moments.Total;

    /// <summary>Gets Σw².</summary>
    public double SumOfSquaredWeights { get; }

    /// <summary>Gets the weighted mean <c>Σwx / Σw</c>; 0 when empty.</summary>
    public double Mean => _moments.Mean;

    /// <summary>Gets the weighted sum of squared deviations <c>Σ w(x − mean)²</c>.</summary>
    public double M2 => _moments.M2;

    /// <summary>Gets Kish's effective sample size <c>(Σw)² / Σw²</c>; 0 when empty.</summary>
    public double EffectiveCount => SumOfSquaredWeights == 0 ? 0 : SumOfWeights * SumOfWeights / SumOfSquaredWeights;

    /// <summary>Gets the weighted histogram: element <c>i</c> is the total weight of ratings equal to <c>Scale.Min + i</c>.</summary>
    public ReadOnlySpan<double> WeightedHistogram => _moments.Bins;

    /// <summary>Returns the empty summary on <paramref name="scale"/>: the identity of <see cref="Merge"/>.</summary>
    /// <param name="scale">The scale.</param>
    /// <returns>An empty summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is <see langword="null"/>.</exception>
    public static WeightedRatingSummary Empty(RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return FromWeightedHistogram(scale, new double[scale.Points], 0, 0);
    }

    /// <summary>Summarises ratings with one weight each. Ratings with weight 0 are left out.</summary>
    /// <param name="ratings">The ratings, points of <paramref name="scale"/>.</param>
    /// <param name="weights">The weights, finite and non-negative, one per rating.</param>
    /// <param name="scale">The scale.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside the scale, or a weight is negative, NaN or infinite; the message gives the index and value.</exception>
    public static WeightedRatingSummary Of(ReadOnlySpan<int> ratings, ReadOnlySpan<double> weights, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (ratings.Length != weights.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected one weight per rating ({ratings.Length}); got {weights.Length}."),
                nameof(weights));
        }

        var hist = new double[scale.Points];
        long n = 0;
        double w2 = 0;
        for (var i = 0; i < ratings.Length; i++)
        {
            var w = weights[i];
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(weights),
                    w,
                    string.Create(CultureInfo.InvariantCulture, $"Weight 'weights[{i}]' must be finite and non-negative; got {w}."));
            }

            var r = ratings[i];
            if (!scale.Contains(r))
            {
                throw new ArgumentOutOfRangeException(nameof(ratings), r, scale.OutOfScaleMessage(r, string.Create(CultureInfo.InvariantCulture, $"ratings[{i}]")));
            }

            if (w > 0)
            {
                hist[r - scale.Min] += w;
                w2 += w * w;
                n++;
            }
        }

        return FromWeightedHistogram(scale, hist, n, w2);
    }

    internal static WeightedRatingSummary FromWeightedHistogram(RatingScale scale, double[] hist, long count, double sumOfSquaredWeights)
    {
        // The bins are non-negative, so a total of 0 means every bin is 0 (every weight was 0, or there were none).
        var moments = BinnedMoments<double>.Of(hist, scale.Min);
        return count == 0 || moments.Total == 0
            ? new WeightedRatingSummary(scale, moments, 0, 0)
            : new WeightedRatingSummary(scale, moments, count, sumOfSquaredWeights);
    }

    /// <summary>Returns the total weight of ratings at or above <paramref name="rating"/>.</summary>
    /// <param name="rating">A point of the scale.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is outside the scale.</exception>
    public double WeightAtOrAbove(int rating) => HistogramBins.AtOrAbove<double>(_moments.Bins, Scale, rating);

    /// <summary>Returns the total weight of ratings at or below <paramref name="rating"/>.</summary>
    /// <param name="rating">A point of the scale.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is outside the scale.</exception>
    public double WeightAtOrBelow(int rating) => HistogramBins.AtOrBelow<double>(_moments.Bins, Scale, rating);

    /// <summary>Returns the summary of both samples (merge law in the remarks).</summary>
    /// <param name="other">A summary on the same scale.</param>
    /// <returns>The merged summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is on a different scale.</exception>
    public WeightedRatingSummary Merge(WeightedRatingSummary other) =>
        HistogramBins.MergeIdentity(this, other, nameof(other))
        ?? new WeightedRatingSummary(Scale, _moments.Merge(other._moments), Count + other.Count, SumOfSquaredWeights + other.SumOfSquaredWeights);
}
