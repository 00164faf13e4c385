using System.Numerics;

namespace InternalCustomer.Feedback;

/// <summary>
/// A histogram over the points of a scale with its total, mean and M2: the state and the merge that
/// <see cref="RatingSummary"/> (<typeparamref name="T"/> = <see cref="long"/>, counts) and
/// <see cref="WeightedRatingSummary"/> (<typeparamref name="T"/> = <see cref="double"/>, weights) share.
/// </summary>
/// <typeparam name="T">The bin type: a count or a weight.</typeparam>
/// <remarks>The JIT specialises the generic code for each value type, so the arithmetic is the same as a
/// hand-written copy for <see cref="long"/> or <see cref="double"/>.</remarks>
internal readonly struct BinnedMoments<T>
    where T : INumber<T>
{
    private BinnedMoments(T[] bins, T total, double mean, double m2)
    {
        Bins = bins;
        Total = total;
        Mean = mean;
        M2 = m2;
    }

    /// <summary>Gets the bins: element <c>i</c> belongs to the point <c>min + i</c>. Owned; never written after construction.</summary>
    internal T[] Bins { get; }

    /// <summary>Gets the sum of the bins: n for counts, Σw for weights.</summary>
    internal T Total { get; }

    /// <summary>Gets the (weighted) mean on the scale; 0 when <see cref="Total"/> is 0.</summary>
    internal double Mean { get; }

    /// <summary>Gets the (weighted) sum of squared deviations from the mean.</summary>
    internal double M2 { get; }

    /// <summary>
    /// Derives the moments of owned bins in two passes over the k points: first the total and the mean
    /// offset from <paramref name="min"/>, then M2 about the mean (no cancellation).
    /// </summary>
    internal static BinnedMoments<T> Of(T[] bins, int min)
    {
        var total = T.Zero;
        double offsetSum = 0;
        for (var i = 0; i < bins.Length; i++)
        {
            total += bins[i];
            offsetSum += double.CreateTruncating(bins[i]) * i;
        }

        if (total == T.Zero)
        {
            return new BinnedMoments<T>(bins, T.Zero, 0, 0);
        }

        var offsetMean = offsetSum / double.CreateTruncating(total);
        double m2 = 0;
        for (var i = 0; i < bins.Length; i++)
        {
            if (bins[i] != T.Zero)
            {
                var d = i - offsetMean;
                m2 += double.CreateTruncating(bins[i]) * d * d;
            }
        }

        return new BinnedMoments<T>(bins, total, min + offsetMean, m2);
    }

    /// <summary>The moments of both samples: bin-wise sums and the Chan et al. (1979) update with the totals as weights.
    /// Both operands must be on the same scale.</summary>
    internal BinnedMoments<T> Merge(BinnedMoments<T> other)
    {
        var (mean, m2) = Moments.Chan(double.CreateTruncating(Total), Mean, M2, double.CreateTruncating(other.Total), other.Mean, other.M2);
        return new BinnedMoments<T>(HistogramBins.Add<T>(Bins, other.Bins), Total + other.Total, mean, m2);
    }
}
