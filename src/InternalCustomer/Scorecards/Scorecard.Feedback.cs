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
        Dictionary<Relationship, Instant> Last,
        Dictionary<Relationship, TrendSummary> RelationshipTrends,
        TrendSummary[] Trends);

    // Responses after the as-of instant had not been given yet.
    private static FeedbackData SummariseResponses(Organization organization, ReadOnlySpan<FeedbackResponse> responses, ScorecardOptions options)
    {
        var trends = new TrendSummary[organization.Departments.Length];
        var last = new Dictionary<Relationship, Instant>();
        var relationshipTrends = new Dictionary<Relationship, TrendSummary>();
        var kept = new List<FeedbackResponse>(responses.Length);
        for (var i = 0; i < responses.Length; i++)
        {
            var r = responses[i];
            if (r.Instant > options.AsOf)
            {
                continue;
            }

            kept.Add(r);
            organization.TryGetIndex(r.Subject, out var subject);
            trends[subject] = trends[subject].Add(r.Instant, r.Overall);
            var key = new Relationship(r.Subject, r.Respondent);
            ref var trend = ref CollectionsMarshal.GetValueRefOrAddDefault(relationshipTrends, key, out _);
            trend = trend.Add(r.Instant, r.Overall);
            if (!last.TryGetValue(key, out var seen) || seen < r.Instant)
            {
                last[key] = r.Instant;
            }
        }

        var cells = FeedbackGrouping.ByRelationship(CollectionsMarshal.AsSpan(kept), options.OverallScale, options.Dimensions);
        return new FeedbackData(cells, last, relationshipTrends, trends);
    }
}
