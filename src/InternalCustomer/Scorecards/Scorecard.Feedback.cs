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
    internal sealed record FeedbackData(
        ImmutableSortedDictionary<Relationship, FeedbackSummary> Cells,
        Dictionary<Relationship, RelationshipTimeline> Timelines,
        TrendSummary[] Trends);

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

    // The latest feedback of one relationship and the co-moments of its ratings over time.
    internal readonly record struct RelationshipTimeline(Instant Last, TrendSummary Trend);
}
