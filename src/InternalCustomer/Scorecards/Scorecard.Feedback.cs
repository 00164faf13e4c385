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

    // The latest feedback of one relationship and the co-moments of its ratings over time.
    private readonly record struct RelationshipTimeline(Instant Last, TrendSummary Trend);
}
