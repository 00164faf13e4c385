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

    /// <summary>Throws unless two summaries share a scale, so that their bins line up.</summary>
    internal static void RequireSameScale(RatingScale scale, RatingScale other, string parameterName)
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
