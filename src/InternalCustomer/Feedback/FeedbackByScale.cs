using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace InternalCustomer.Feedback;

/// <summary>
/// Feedback on any declared scale, summarised scale by scale: nothing is rescaled and nothing is dropped.
/// </summary>
/// <remarks>
/// <para>A survey may mix scales (a 1–5 questionnaire one quarter, a 0–10 one the next). Ratings on different scales
/// are not comparable point by point, so they are never pooled or rescaled here: <see cref="Summarize"/> gives one
/// <see cref="ScaleSummary"/> per scale present, and every response is in exactly one of them. The counts of the
/// summaries add up to the number of responses given.</para>
/// <para><b>Order.</b> Scales with more responses come first; between scales with as many responses, the one seen first
/// in the input comes first. So the first summary is on <see cref="PredominantScale"/>.</para>
/// <para><b>CSAT on every scale</b> counts the same number of top boxes (see <see cref="ScaleSummary.CsatTopBoxes"/>):
/// with 2 top boxes, 4–5 on 1–5, 6–7 on 1–7 and 9–10 on 0–10.</para>
/// </remarks>
public static class FeedbackByScale
{
    /// <summary>
    /// Picks the scale to rate a set of responses on when the caller has none: the overall scale most responses use;
    /// between scales used by as many responses, the one whose first response comes first.
    /// </summary>
    /// <param name="responses">The responses.</param>
    /// <returns>The scale, or <see langword="null"/> when there are no responses.</returns>
    /// <exception cref="ArgumentNullException">A response is <see langword="null"/>.</exception>
    public static RatingScale? PredominantScale(ReadOnlySpan<FeedbackResponse> responses)
    {
        var counts = CountScales(responses, nameof(responses));
        return counts.Count == 0 ? null : counts.MaxBy(static c => c.Count).Scale;
    }

    /// <summary>
    /// Summarises responses per overall scale: for each scale present, all its responses, per providing department
    /// and per relationship, each with its count, mean (Student-t interval), CSAT (Wilson interval) and NPS.
    /// </summary>
    /// <param name="responses">The responses, on any scales.</param>
    /// <param name="csatTopBoxes">How many of the highest points of each scale count as satisfied for CSAT; at least 1.
    /// A scale with fewer points has no CSAT (<see cref="FeedbackEstimates.Csat"/> is <see langword="null"/>).</param>
    /// <param name="level">The confidence level of every interval, in (0, 1).</param>
    /// <returns>One summary per scale present (most responses first, ties in order of first appearance); empty for no responses.</returns>
    /// <exception cref="ArgumentNullException">A response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="csatTopBoxes"/> is below 1, or <paramref name="level"/> is outside (0, 1).</exception>
    public static ImmutableArray<ScaleSummary> Summarize(ReadOnlySpan<FeedbackResponse> responses, int csatTopBoxes = 2, double level = FeedbackMetrics.DefaultLevel)
    {
        if (csatTopBoxes < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(csatTopBoxes),
                csatTopBoxes,
                string.Create(CultureInfo.InvariantCulture, $"CSAT top boxes must be at least 1; got {csatTopBoxes}."));
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(level),
                level,
                string.Create(CultureInfo.InvariantCulture, $"Confidence level must be in (0, 1); got {level}."));
        }

        var scales = CountScales(responses, nameof(responses));
        if (scales.Count == 1)
        {
            return [Summary(scales[0].Scale, responses, csatTopBoxes, level)];
        }

        var buckets = new List<FeedbackResponse>[scales.Count];
        for (var s = 0; s < buckets.Length; s++)
        {
            buckets[s] = new List<FeedbackResponse>(checked((int)scales[s].Count));
        }

        foreach (var r in responses)
        {
            buckets[IndexOf(scales, r.OverallScale)].Add(r);
        }

        // A stable sort: scales with as many responses keep their order of first appearance.
        return [.. Enumerable.Range(0, scales.Count)
            .OrderByDescending(s => scales[s].Count)
            .Select(s => Summary(scales[s].Scale, CollectionsMarshal.AsSpan(buckets[s]), csatTopBoxes, level))];
    }

    private static ScaleSummary Summary(RatingScale scale, ReadOnlySpan<FeedbackResponse> responses, int csatTopBoxes, double level)
    {
        var quantiles = new StudentTQuantiles(level);
        var all = FeedbackEstimates.Of(FeedbackSummary.Of(responses, scale), csatTopBoxes, quantiles);
        var byProvider = FeedbackGrouping.ByProvider(responses, scale)
            .ToImmutableSortedDictionary(kv => kv.Key, kv => FeedbackEstimates.Of(kv.Value, csatTopBoxes, quantiles));
        var byRelationship = FeedbackGrouping.ByRelationship(responses, scale)
            .ToImmutableSortedDictionary(kv => kv.Key, kv => FeedbackEstimates.Of(kv.Value, csatTopBoxes, quantiles));
        return new ScaleSummary(scale, csatTopBoxes, all, byProvider, byRelationship);
    }

    // The scales in order of first appearance, with their counts. Surveys use a handful of scales: a linear search wins.
    private static List<(RatingScale Scale, long Count)> CountScales(ReadOnlySpan<FeedbackResponse> responses, string paramName)
    {
        var counts = new List<(RatingScale Scale, long Count)>();
        for (var i = 0; i < responses.Length; i++)
        {
            var scale = (responses[i] ?? throw new ArgumentNullException(paramName, string.Create(CultureInfo.InvariantCulture, $"Expected a response at {paramName}[{i}]; got null."))).OverallScale;
            var s = IndexOf(counts, scale);
            if (s < 0)
            {
                counts.Add((scale, 1));
            }
            else
            {
                counts[s] = (scale, counts[s].Count + 1);
            }
        }

        return counts;
    }

    private static int IndexOf(List<(RatingScale Scale, long Count)> counts, RatingScale scale)
    {
        for (var s = 0; s < counts.Count; s++)
        {
            if (counts[s].Scale.Equals(scale))
            {
                return s;
            }
        }

        return -1;
    }
}
