using System.Collections.Immutable;
using System.Runtime.InteropServices;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <content>The feedback view: responses summarised per relationship, with trends per relationship and per subject.</content>
public static partial class Scorecard
{
    private sealed record FeedbackData(
        ImmutableSortedDictionary<Relationship, FeedbackSummary> Cells,
        Dictionary<Relationship, RelationshipTimeline> Timelines,
        TrendSummary[] Trends);

    // Responses after the as-of instant had not been given yet. subjectOf[i] is the index of responses[i].Subject.
    private static FeedbackData SummariseResponses(Organization organization, ReadOnlySpan<FeedbackResponse> responses, int[] subjectOf, ScorecardOptions options)
    {
        var trends = new TrendSummary[organization.Departments.Length];
        var timelines = new Dictionary<Relationship, RelationshipTimeline>();
        var kept = new List<FeedbackResponse>(responses.Length);
        for (var i = 0; i < responses.Length; i++)
        {
            var r = responses[i];
            if (r.Instant > options.AsOf)
            {
                continue;
            }

            kept.Add(r);
            trends[subjectOf[i]] = trends[subjectOf[i]].Add(r.Instant, r.Overall);
            ref var timeline = ref CollectionsMarshal.GetValueRefOrAddDefault(timelines, new Relationship(r.Subject, r.Respondent), out var seen);
            timeline = new RelationshipTimeline(seen && timeline.Last >= r.Instant ? timeline.Last : r.Instant, timeline.Trend.Add(r.Instant, r.Overall));
        }

        var cells = FeedbackGrouping.ByRelationship(CollectionsMarshal.AsSpan(kept), options.OverallScale, options.Dimensions);
        return new FeedbackData(cells, timelines, trends);
    }

    /// <summary>
    /// Summarises the feedback on every overall scale present, scale by scale (<see cref="FeedbackByScale.Summarize"/>),
    /// over the responses a scorecard with these options considers: those given by <see cref="ScorecardOptions.AsOf"/>,
    /// whatever their scale. CSAT counts <see cref="ScorecardOptions.CsatTopBoxes"/> top boxes on every scale and every
    /// interval is at <see cref="ScorecardOptions.ConfidenceLevel"/>. The counts of the summaries add up to
    /// <see cref="OrganizationScorecard.ConsideredResponseCount"/> of the scorecard of the same responses and options;
    /// the summary on <see cref="ScorecardOptions.OverallScale"/> has the scorecard's counts and figures.
    /// </summary>
    /// <param name="organization">The organisation.</param>
    /// <param name="responses">The feedback responses, on any scales; respondent and subject must be departments of the organisation.</param>
    /// <param name="options">The settings; the as-of instant, the top boxes and the confidence level are used.</param>
    /// <returns>One summary per scale present, most responses first (ties in order of first appearance); empty when no response is considered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/>, <paramref name="options"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is out of range.</exception>
    /// <exception cref="ArgumentException">A response names a department the organisation lacks (the first such problem is thrown, as by <see cref="Compute"/>).</exception>
    public static ImmutableArray<ScaleSummary> SummarizeByScale(Organization organization, ReadOnlySpan<FeedbackResponse> responses, ScorecardOptions options)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var considered = new List<FeedbackResponse>(responses.Length);
        for (var i = 0; i < responses.Length; i++)
        {
            var r = responses[i] ?? throw new ArgumentNullException(nameof(responses), Text($"Expected a response at responses[{i}]; got null."));
            foreach (var (department, role) in new[] { (r.Subject, "subject"), (r.Respondent, "respondent") })
            {
                if (!organization.Contains(department))
                {
                    Report(null, UnknownDepartment(i, role, department));
                }
            }

            if (r.Instant <= options.AsOf)
            {
                considered.Add(r);
            }
        }

        return FeedbackByScale.Summarize(CollectionsMarshal.AsSpan(considered), options.CsatTopBoxes, options.ConfidenceLevel);
    }

    // Under OtherScaleRule.SetAside, narrows the responses (and their subject indices) to those on the options' overall
    // scale and counts the others given by the as-of instant, per scale (most first, ties in order of first appearance)
    // and per relationship. Under Reject, Check has already thrown for any other scale. scored: the responses given by
    // the as-of instant on the overall scale, the ones every figure of the scorecard rests on.
    private static ImmutableArray<SetAsideResponses> SetAside(ref ReadOnlySpan<FeedbackResponse> responses, ref int[] subjectOf, ScorecardOptions options, out long scored)
    {
        var scale = options.OverallScale;
        var asOf = options.AsOf;
        var others = 0;
        scored = 0;
        foreach (var r in responses)
        {
            if (!r.OverallScale.Equals(scale))
            {
                others++;
            }
            else if (r.Instant <= asOf)
            {
                scored++;
            }
        }

        if (others == 0)
        {
            return [];
        }

        var kept = new FeedbackResponse[responses.Length - others];
        var keptSubjects = new int[kept.Length];
        var counts = new List<(RatingScale Scale, SortedDictionary<Relationship, long> ByRelationship, long Count)>();
        var k = 0;
        for (var i = 0; i < responses.Length; i++)
        {
            var r = responses[i];
            if (r.OverallScale.Equals(scale))
            {
                kept[k] = r;
                keptSubjects[k++] = subjectOf[i];
                continue;
            }

            if (r.Instant > asOf)
            {
                continue;
            }

            var s = counts.FindIndex(c => c.Scale.Equals(r.OverallScale));
            if (s < 0)
            {
                s = counts.Count;
                counts.Add((r.OverallScale, [], 0));
            }

            var key = new Relationship(r.Subject, r.Respondent);
            counts[s].ByRelationship[key] = counts[s].ByRelationship.GetValueOrDefault(key) + 1;
            counts[s] = counts[s] with { Count = counts[s].Count + 1 };
        }

        responses = kept;
        subjectOf = keptSubjects;
        return [.. counts
            .OrderByDescending(c => c.Count)
            .Select(c => new SetAsideResponses(c.Scale, c.ByRelationship.ToImmutableSortedDictionary()))];
    }

    // The latest feedback of one relationship and the co-moments of its ratings over time.
    private readonly record struct RelationshipTimeline(Instant Last, TrendSummary Trend);
}
