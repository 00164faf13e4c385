using System.Globalization;
using NodaTime;

namespace InternalCustomer.Feedback;

/// <summary>
/// Exponential time decay: a response of age <c>a = asOf − instant</c> weighs <c>2^(−a / halfLife)</c>, so a
/// response one half-life old counts half as much as one given at <see cref="AsOf"/>.
/// </summary>
/// <remarks>
/// Responses after <see cref="AsOf"/> are rejected rather than given weights above 1. The resulting
/// <see cref="WeightedRatingSummary"/> feeds the weighted overloads of <see cref="FeedbackMetrics"/>, whose
/// intervals use Kish's effective sample size.
/// </remarks>
public sealed class TimeDecay
{
    private TimeDecay(Instant asOf, Duration halfLife)
    {
        AsOf = asOf;
        HalfLife = halfLife;
    }

    /// <summary>Gets the reference instant (age 0, weight 1).</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the half-life.</summary>
    public Duration HalfLife { get; }

    /// <summary>Creates a decay.</summary>
    /// <param name="asOf">The reference instant.</param>
    /// <param name="halfLife">The half-life; positive.</param>
    /// <returns>The decay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="halfLife"/> is zero, negative or longer than 100 years, or
    /// <paramref name="asOf"/> lies outside the supported range (<see cref="SupportedRange"/>).</exception>
    public static TimeDecay Create(Instant asOf, Duration halfLife)
    {
        if (halfLife <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(halfLife),
                halfLife,
                string.Create(CultureInfo.InvariantCulture, $"Half-life must be positive; got {halfLife}."));
        }

        RangeGuard.Instant(asOf, nameof(asOf), "asOf");
        RangeGuard.Duration(halfLife, nameof(halfLife), "a half-life");
        return new TimeDecay(asOf, halfLife);
    }

    /// <summary>Returns the weight <c>2^(−(asOf − instant) / halfLife)</c>.</summary>
    /// <param name="instant">When the response was given; not after <see cref="AsOf"/>.</param>
    /// <returns>The weight in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is after <see cref="AsOf"/>.</exception>
    public double Weight(Instant instant) => WeightOf(instant, nameof(instant));

    /// <summary>Summarises ratings given at the instants, weighted by age.</summary>
    /// <param name="ratings">The ratings.</param>
    /// <param name="instants">When each rating was given; one per rating, none after <see cref="AsOf"/>.</param>
    /// <param name="scale">The scale of the ratings.</param>
    /// <returns>The weighted summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside the scale or an instant is after <see cref="AsOf"/>.</exception>
    public WeightedRatingSummary Summarise(ReadOnlySpan<int> ratings, ReadOnlySpan<Instant> instants, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (ratings.Length != instants.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected one instant per rating ({ratings.Length}); got {instants.Length}."),
                nameof(instants));
        }

        var weights = new double[instants.Length];
        for (var i = 0; i < instants.Length; i++)
        {
            weights[i] = WeightOf(instants[i], nameof(instants));
        }

        return WeightedRatingSummary.Of(ratings, weights, scale);
    }

    /// <summary>Summarises the overall ratings of responses, weighted by age.</summary>
    /// <param name="responses">The responses, all on <paramref name="overallScale"/>.</param>
    /// <param name="overallScale">The overall scale.</param>
    /// <returns>The weighted summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overallScale"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A response is on another scale.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A response is after <see cref="AsOf"/>.</exception>
    public WeightedRatingSummary SummariseOverall(ReadOnlySpan<FeedbackResponse> responses, RatingScale overallScale)
    {
        ArgumentNullException.ThrowIfNull(overallScale);
        foreach (var r in responses)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(responses));
            if (!r.OverallScale.Equals(overallScale))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Expected overall ratings on the {overallScale} scale; got a response on the {r.OverallScale} scale."),
                    nameof(responses));
            }
        }

        return Collect(responses, overallScale, static r => r.Overall);
    }

    /// <summary>Summarises the likelihood-to-recommend ratings (0–10) of the responses that gave one, weighted by age.</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>The weighted summary on 0–10.</returns>
    /// <exception cref="ArgumentNullException">A response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A response is after <see cref="AsOf"/>.</exception>
    public WeightedRatingSummary SummariseRecommend(ReadOnlySpan<FeedbackResponse> responses) =>
        Collect(responses, RatingScale.ZeroToTen, static r => r.Recommend);

    /// <summary>Summarises the effort ratings (1–7) of the responses that gave one, weighted by age.</summary>
    /// <param name="responses">The responses.</param>
    /// <returns>The weighted summary on 1–7.</returns>
    /// <exception cref="ArgumentNullException">A response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A response is after <see cref="AsOf"/>.</exception>
    public WeightedRatingSummary SummariseEffort(ReadOnlySpan<FeedbackResponse> responses) =>
        Collect(responses, RatingScale.SevenPoint, static r => r.Effort);

    private WeightedRatingSummary Collect(ReadOnlySpan<FeedbackResponse> responses, RatingScale scale, Func<FeedbackResponse, int?> rating)
    {
        var hist = new double[scale.Points];
        long n = 0;
        double w2 = 0;
        foreach (var r in responses)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(responses));
            if (rating(r) is not { } x)
            {
                continue;
            }

            var w = WeightOf(r.Instant, nameof(responses));
            hist[x - scale.Min] += w;
            w2 += w * w;
            n++;
        }

        return WeightedRatingSummary.FromWeightedHistogram(scale, hist, n, w2);
    }

    private double WeightOf(Instant instant, string paramName)
    {
        var age = AsOf - instant;
        if (age < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                instant,
                string.Create(CultureInfo.InvariantCulture, $"A response must not be after the decay's reference instant {AsOf}; got {instant}."));
        }

        return Math.Pow(2, -(age.TotalTicks / HalfLife.TotalTicks));
    }
}
