using System.Globalization;
using System.Numerics;

namespace InternalCustomer.Feedback;

/// <summary>
/// The histogram arithmetic shared by <see cref="RatingSummary"/> (counts) and
/// <see cref="WeightedRatingSummary"/> (weights): tail sums and the same-scale merge.
/// </summary>
internal static class HistogramBins
{
    /// <summary>The sum of the bins for ratings at or above <paramref name="rating"/>.</summary>
    internal static T AtOrAbove<T>(ReadOnlySpan<T> bins, RatingScale scale, int rating)
        where T : INumber<T> => Sum(bins[(scale.Validate(rating, nameof(rating)) - scale.Min)..]);

    /// <summary>The sum of the bins for ratings at or below <paramref name="rating"/>.</summary>
    internal static T AtOrBelow<T>(ReadOnlySpan<T> bins, RatingScale scale, int rating)
        where T : INumber<T> => Sum(bins[..(scale.Validate(rating, nameof(rating)) - scale.Min + 1)]);

    /// <summary>The bin-wise sum of two histograms of the same scale.</summary>
    internal static T[] Add<T>(ReadOnlySpan<T> left, ReadOnlySpan<T> right)
        where T : INumber<T>
    {
        var result = new T[left.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = left[i] + right[i];
        }

        return result;
    }

    /// <summary>
    /// The checks and the identity law every merge starts with: throws unless <paramref name="other"/> is a summary on
    /// <paramref name="self"/>'s scale, and returns the merge when one side is empty (the other one, unchanged), else
    /// <see langword="null"/>, when the caller merges the bins.
    /// </summary>
    internal static TSummary? MergeIdentity<TSummary>(TSummary self, TSummary? other, string parameterName)
        where TSummary : class, IHistogramSummary
    {
        ArgumentNullException.ThrowIfNull(other, parameterName);
        RequireSameScale(self.Scale, other.Scale, parameterName);
        return other.IsEmpty ? self : self.IsEmpty ? other : null;
    }

    /// <summary>Throws unless two summaries share a scale, so that their bins line up.</summary>
    private static void RequireSameScale(RatingScale scale, RatingScale other, string parameterName)
    {
        if (!other.Equals(scale))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Only summaries on the same scale can be merged; expected {scale}, got {other}."),
                parameterName);
        }
    }

    private static T Sum<T>(ReadOnlySpan<T> bins)
        where T : INumber<T>
    {
        var sum = T.Zero;
        foreach (var bin in bins)
        {
            sum += bin;
        }

        return sum;
    }
}
