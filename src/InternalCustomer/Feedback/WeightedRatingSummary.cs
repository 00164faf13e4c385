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
    private readonly double[] _bins;

    private WeightedRatingSummary(RatingScale scale, double[] bins, long count, double sumOfWeights, double sumOfSquaredWeights, double mean, double m2)
    {
        Scale = scale;
        _bins = bins;
        Count = count;
        SumOfWeights = sumOfWeights;
        SumOfSquaredWeights = sumOfSquaredWeights;
        Mean = mean;
        M2 = m2;
    }

    /// <summary>Gets the scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>Gets the number of ratings (with positive weight).</summary>
    public long Count { get; }

    /// <summary>Gets a value indicating whether the summary holds no ratings.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Gets Σw.</summary>
    public double SumOfWeights { get; }

    /// <summary>Gets Σw².</summary>
    public double SumOfSquaredWeights { get; }

    /// <summary>Gets the weighted mean <c>Σwx / Σw</c>; 0 when empty.</summary>
    public double Mean { get; }

    /// <summary>Gets the weighted sum of squared deviations <c>Σ w(x − mean)²</c>.</summary>
    public double M2 { get; }

    /// <summary>Gets Kish's effective sample size <c>(Σw)² / Σw²</c>; 0 when empty.</summary>
    public double EffectiveCount => SumOfSquaredWeights == 0 ? 0 : SumOfWeights * SumOfWeights / SumOfSquaredWeights;

    /// <summary>Gets the weighted histogram: element <c>i</c> is the total weight of ratings equal to <c>Scale.Min + i</c>.</summary>
    public ReadOnlySpan<double> WeightedHistogram => _bins;

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
            ? new WeightedRatingSummary(scale, moments.Bins, 0, 0, 0, 0, 0)
            : new WeightedRatingSummary(scale, moments.Bins, count, moments.Total, sumOfSquaredWeights, moments.Mean, moments.M2);
    }

    /// <summary>Returns the total weight of ratings at or above <paramref name="rating"/>.</summary>
    /// <param name="rating">A point of the scale.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is outside the scale.</exception>
    public double WeightAtOrAbove(int rating) => HistogramBins.AtOrAbove<double>(_bins, Scale, rating);

    /// <summary>Returns the total weight of ratings at or below <paramref name="rating"/>.</summary>
    /// <param name="rating">A point of the scale.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is outside the scale.</exception>
    public double WeightAtOrBelow(int rating) => HistogramBins.AtOrBelow<double>(_bins, Scale, rating);

    /// <summary>Returns the summary of both samples (merge law in the remarks).</summary>
    /// <param name="other">A summary on the same scale.</param>
    /// <returns>The merged summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is on a different scale.</exception>
    public WeightedRatingSummary Merge(WeightedRatingSummary other)
    {
        if (HistogramBins.MergeIdentity(this, other, nameof(other)) is { } identity)
        {
            return identity;
        }

        var (mean, m2) = Moments.Chan(SumOfWeights, Mean, M2, other.SumOfWeights, other.Mean, other.M2);
        return new WeightedRatingSummary(
            Scale,
            HistogramBins.Add<double>(_bins, other._bins),
            Count + other.Count,
            SumOfWeights + other.SumOfWeights,
            SumOfSquaredWeights + other.SumOfSquaredWeights,
            mean,
            m2);
    }

    /// <summary>Returns the summary with one more weighted rating: O(k) for a scale of k points, whatever the number
    /// of ratings, and the same summary, bit for bit, as merging the summary of that one rating
    /// (<c>Merge(Of([rating], [weight], Scale))</c>).</summary>
    /// <param name="rating">A point of the scale.</param>
    /// <param name="weight">The weight, finite and non-negative; a rating of weight 0 is left out, as in <see cref="Of"/>.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is outside the scale, or
    /// <paramref name="weight"/> is negative, NaN or infinite.</exception>
    public WeightedRatingSummary Add(int rating, double weight) => Merge(Of([rating], [weight], Scale));

    /// <summary>Rebuilds a summary from its parts exactly as the properties give them (for example read back from a
    /// stored state), bit for bit, checking that they can be a summary.</summary>
    /// <param name="scale">The scale.</param>
    /// <param name="weightedHistogram">The total weight per point (<see cref="WeightedHistogram"/>): exactly
    /// <see cref="RatingScale.Points"/> finite, non-negative elements.</param>
    /// <param name="count">The number of ratings with positive weight (<see cref="Count"/>), at least 0; 0 exactly when every bin is 0.</param>
    /// <param name="sumOfWeights">Σw (<see cref="SumOfWeights"/>): finite, positive when <paramref name="count"/> is, else 0.</param>
    /// <param name="sumOfSquaredWeights">Σw² (<see cref="SumOfSquaredWeights"/>): finite, at least 0, 0 when <paramref name="count"/> is.</param>
    /// <param name="mean">The weighted mean (<see cref="Mean"/>): on the scale (to within 10⁻⁹ of its width, for
    /// rounding); 0 when <paramref name="count"/> is 0.</param>
    /// <param name="m2">The weighted M2 (<see cref="M2"/>): finite, at least 0; 0 when <paramref name="count"/> is 0.</param>
    /// <returns>The summary whose parts are the arguments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The parts cannot be a summary (a histogram of the wrong length, a negative
    /// or non-finite value, a mean off the scale, a count that disagrees with the histogram); the message says what
    /// was expected and what came, and the parameter name says which part.</exception>
    public static WeightedRatingSummary FromParts(
        RatingScale scale, ReadOnlySpan<double> weightedHistogram, long count, double sumOfWeights, double sumOfSquaredWeights, double mean, double m2)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (weightedHistogram.Length != scale.Points)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A weighted histogram on the {scale} scale must have {scale.Points} bins; got {weightedHistogram.Length}."),
                nameof(weightedHistogram));
        }

        var anyWeight = false;
        for (var i = 0; i < weightedHistogram.Length; i++)
        {
            var w = weightedHistogram[i];
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Weighted histogram bins must be finite and non-negative; got {w:R} at point {scale.Min + i}."),
                    nameof(weightedHistogram));
            }

            anyWeight |= w > 0;
        }

        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"Count must be at least 0; got {count}."));
        }

        if ((count == 0) == anyWeight)
        {
            throw new ArgumentException(
                count == 0
                    ? "A summary of 0 ratings must have every histogram bin 0; got a positive bin."
                    : string.Create(CultureInfo.InvariantCulture, $"A summary of {count} ratings must have a positive histogram bin; got every bin 0."),
                nameof(count));
        }

        Weight(sumOfWeights, nameof(sumOfWeights), "Σw", count, positive: true);
        Weight(sumOfSquaredWeights, nameof(sumOfSquaredWeights), "Σw²", count, positive: false);
        Weight(m2, nameof(m2), "M2", count, positive: false);
        var slack = 1e-9 * (scale.Max - scale.Min);
        if (count == 0 ? mean != 0 : !(mean >= scale.Min - slack && mean <= scale.Max + slack))
        {
            throw new ArgumentOutOfRangeException(
                nameof(mean),
                mean,
                count == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"The mean of 0 ratings must be 0; got {mean:R}.")
                    : string.Create(CultureInfo.InvariantCulture, $"The mean must be a finite value on the {scale} scale; got {mean:R}."));
        }

        return count == 0
            ? Empty(scale)
            : new WeightedRatingSummary(scale, weightedHistogram.ToArray(), count, sumOfWeights, sumOfSquaredWeights, mean, m2);
    }

    private static void Weight(double value, string paramName, string what, long count, bool positive)
    {
        if (!double.IsFinite(value) || value < 0 || (count == 0 && value != 0) || (positive && count > 0 && value == 0))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                count == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{what} of 0 ratings must be 0; got {value:R}.")
                    : string.Create(CultureInfo.InvariantCulture, $"{what} must be finite and {(positive ? "positive" : "at least 0")}; got {value:R}."));
        }
    }
}
