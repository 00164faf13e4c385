using System.Globalization;

namespace InternalCustomer.Feedback;

/// <summary>
/// Mergeable Net Promoter counts from likelihood-to-recommend ratings on 0–10: promoters (9–10),
/// passives (7–8) and detractors (0–6) (Reichheld 2003).
/// </summary>
/// <remarks><c>default</c> is the empty count and the identity of <see cref="Merge"/>; <see cref="Merge"/> adds
/// the counts, so it is exactly associative and commutative.</remarks>
public readonly record struct NpsCounts
{
    /// <summary>Creates counts.</summary>
    /// <param name="promoters">Ratings of 9 or 10.</param>
    /// <param name="passives">Ratings of 7 or 8.</param>
    /// <param name="detractors">Ratings of 0 to 6.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public NpsCounts(long promoters, long passives, long detractors)
    {
        Promoters = NonNegative(promoters, nameof(promoters));
        Passives = NonNegative(passives, nameof(passives));
        Detractors = NonNegative(detractors, nameof(detractors));
    }

    /// <summary>Gets the number of promoters (9–10).</summary>
    public long Promoters { get; }

    /// <summary>Gets the number of passives (7–8).</summary>
    public long Passives { get; }

    /// <summary>Gets the number of detractors (0–6).</summary>
    public long Detractors { get; }

    /// <summary>Gets the number of ratings.</summary>
    public long Count => Promoters + Passives + Detractors;

    /// <summary>Counts promoters, passives and detractors in a 0–10 summary.</summary>
    /// <param name="recommend">A summary on <see cref="RatingScale.ZeroToTen"/>.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recommend"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="recommend"/> is not on the 0–10 scale.</exception>
    public static NpsCounts From(RatingSummary recommend)
    {
        ArgumentNullException.ThrowIfNull(recommend);
        if (!recommend.Scale.Equals(RatingScale.ZeroToTen))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"NPS needs likelihood-to-recommend ratings on the 0–10 scale; got the {recommend.Scale} scale."),
                nameof(recommend));
        }

        var promoters = recommend.CountAtOrAbove(9);
        var detractors = recommend.CountAtOrBelow(6);
        return new NpsCounts(promoters, recommend.Count - promoters - detractors, detractors);
    }

    /// <summary>Counts promoters, passives and detractors in 0–10 ratings.</summary>
    /// <param name="ratings">Ratings on 0–10.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside 0–10; the message gives its index and value.</exception>
    public static NpsCounts Of(ReadOnlySpan<int> ratings) => From(RatingSummary.Of(ratings, RatingScale.ZeroToTen));

    /// <summary>Returns the counts of both samples.</summary>
    /// <param name="other">The other counts.</param>
    /// <returns>The sums.</returns>
    public NpsCounts Merge(NpsCounts other) =>
        new(Promoters + other.Promoters, Passives + other.Passives, Detractors + other.Detractors);

    /// <summary>Returns the counts with one more likelihood-to-recommend rating: O(1), the same counts as counting
    /// the whole set again.</summary>
    /// <param name="rating">A rating on 0–10.</param>
    /// <returns>The counts with the rating counted as a promoter (9–10), passive (7–8) or detractor (0–6).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is outside 0–10.</exception>
    public NpsCounts Add(int rating) => RatingScale.ZeroToTen.Validate(rating, nameof(rating)) switch
    {
        >= 9 => new(Promoters + 1, Passives, Detractors),
        >= 7 => new(Promoters, Passives + 1, Detractors),
        _ => new(Promoters, Passives, Detractors + 1),
    };

    private static long NonNegative(long count, string paramName) =>
        count >= 0 ? count : throw new ArgumentOutOfRangeException(paramName, count, string.Create(CultureInfo.InvariantCulture, $"A count must be non-negative; got {count}."));
}
