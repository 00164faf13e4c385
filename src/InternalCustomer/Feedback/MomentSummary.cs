using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// A mergeable summary of real values: count, mean and sum of squared deviations (M2).
/// Used where values are not points of a scale (for example the weighted SERVQUAL gap of a response).
/// </summary>
/// <remarks>
/// <para><c>default</c> is the empty summary and the identity of <see cref="Merge"/>. <see cref="Add"/>
/// is Welford's (1962) update; <see cref="Merge"/> is the parallel update of Chan, Golub &amp; LeVeque
/// (1979), associative and commutative up to rounding (commutative exactly: operands are ordered
/// canonically first).</para>
/// </remarks>
public readonly record struct MomentSummary
{
    private MomentSummary(long count, double mean, double m2)
    {
        Count = count;
        Mean = mean;
        M2 = m2;
    }

    /// <summary>Gets the empty summary (the same as <c>default</c>).</summary>
    public static MomentSummary Empty => default;

    /// <summary>Gets the number of values.</summary>
    public long Count { get; }

    /// <summary>Gets the mean; 0 when empty.</summary>
    public double Mean { get; }

    /// <summary>Gets the sum of squared deviations from the mean.</summary>
    public double M2 { get; }

    /// <summary>Gets the sample variance <c>M2 / (n − 1)</c>, or <see langword="null"/> with fewer than two values.</summary>
    public double? Variance => Count < 2 ? null : M2 / (Count - 1);

    /// <summary>Summarises values.</summary>
    /// <param name="values">Finite values.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite; the message gives its index.</exception>
    public static MomentSummary Of(ReadOnlySpan<double> values)
    {
        var s = Empty;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(values),
                    values[i],
                    string.Create(CultureInfo.InvariantCulture, $"Value 'values[{i}]' must be finite; got {values[i]}."));
            }

            s = s.Add(values[i]);
        }

        return s;
    }

    /// <summary>Builds the summary of a sample known only by its size, mean and sample variance (for example from a
    /// published report), so that it can be merged or given to <see cref="FeedbackMetrics.MeanOfValues"/>.</summary>
    /// <param name="count">The number of values, at least 0.</param>
    /// <param name="mean">The mean, finite; ignored when <paramref name="count"/> is 0.</param>
    /// <param name="variance">The sample variance <c>Σ(x − mean)²/(n − 1)</c>, finite and at least 0; ignored when
    /// <paramref name="count"/> is below 2.</param>
    /// <returns>The summary with <c>M2 = variance·(n − 1)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, <paramref name="mean"/> is
    /// not finite, or <paramref name="variance"/> is negative or not finite.</exception>
    public static MomentSummary FromMoments(long count, double mean, double variance)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"Count must be at least 0; got {count}."));
        }

        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, string.Create(CultureInfo.InvariantCulture, $"Mean must be finite; got {mean}."));
        }

        if (!double.IsFinite(variance) || variance < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(variance),
                variance,
                string.Create(CultureInfo.InvariantCulture, $"Variance must be finite and at least 0; got {variance}."));
        }

        return count == 0 ? Empty : new MomentSummary(count, mean, count < 2 ? 0 : variance * (count - 1));
    }

    /// <summary>Rebuilds a summary from its parts exactly as <see cref="Count"/>, <see cref="Mean"/> and <see cref="M2"/>
    /// give them (for example read back from a stored state), bit for bit: unlike <see cref="FromMoments"/>, no
    /// variance is multiplied back.</summary>
    /// <param name="count">The number of values, at least 0.</param>
    /// <param name="mean">The mean, finite; 0 when <paramref name="count"/> is 0.</param>
    /// <param name="m2">The sum of squared deviations, finite and at least 0; 0 when <paramref name="count"/> is 0.</param>
    /// <returns>The summary whose parts are the arguments.</returns>
    /// <exception cref="ArgumentException">A part is out of range (negative count, NaN or infinite mean, negative or
    /// non-finite M2), or <paramref name="count"/> is 0 and the mean or M2 is not; the message says what was expected
    /// and what came, and the parameter name says which part.</exception>
    public static MomentSummary FromParts(long count, double mean, double m2)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"Count must be at least 0; got {count}."));
        }

        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, string.Create(CultureInfo.InvariantCulture, $"Mean must be finite; got {mean}."));
        }

        if (!double.IsFinite(m2) || m2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(m2), m2, string.Create(CultureInfo.InvariantCulture, $"M2 is a sum of squares and must be finite and at least 0; got {m2}."));
        }

        if (count == 0 && (mean != 0 || m2 != 0))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A summary of 0 values must have mean 0 and M2 0; got mean {mean:R} and M2 {m2:R}."),
                nameof(count));
        }

        return count == 0 ? Empty : new MomentSummary(count, mean, m2);
    }

    /// <summary>Returns the summary with one more value (Welford's update).</summary>
    /// <param name="value">A finite value.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public MomentSummary Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"Value must be finite; got {value}."));
        }

        var n = Count + 1;
        var delta = value - Mean;
        var mean = Mean + (delta / n);
        return new MomentSummary(n, mean, M2 + (delta * (value - mean)));
    }

    /// <summary>Returns the summary of both samples (Chan et al. parallel update).</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>The merged summary.</returns>
    public MomentSummary Merge(MomentSummary other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var (mean, m2) = Moments.Chan(Count, Mean, M2, other.Count, other.Mean, other.M2);
        return new MomentSummary(Count + other.Count, mean, m2);
    }
}
