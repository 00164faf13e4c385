using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Dependencies;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;

namespace InternalCustomer.Scorecards;

/// <summary>
/// Computes the scorecard of an organisation: it joins the SLA view (request tallies of <see cref="Agreements.SlaTimer.Tally"/>),
/// the feedback view (responses summarised per relationship) and the dependency graph (tiers, blast radii, centralities),
/// and derives the findings, the attention list and the upstream attribution. See <c>docs/scorecards.md</c> for every number.
/// </summary>
public static partial class Scorecard
{
    /// <summary>Computes the scorecard of an organisation as of <see cref="ScorecardOptions.AsOf"/>.</summary>
    /// <param name="organization">The organisation, with its agreements and calendars.</param>
    /// <param name="requests">The service requests; each names an agreement of the organisation. Requests opened after the as-of instant are ignored.</param>
    /// <param name="responses">The feedback responses; respondent and subject must be departments of the organisation. Responses after the as-of instant are ignored.
    /// Responses on a scale other than <see cref="ScorecardOptions.OverallScale"/> are rejected, or set aside and counted (<see cref="ScorecardOptions.OtherScales"/>).</param>
    /// <param name="options">The settings; at least the as-of instant.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/>, <paramref name="options"/> or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range, or the as-of instant is before the organisation's data begins (<see cref="DataBegins"/>).</exception>
    /// <exception cref="ArgumentException">An input has a problem that <see cref="Validate"/> lists: a request names an unknown agreement; a response names an unknown department or (unless <see cref="ScorecardOptions.OtherScales"/> is <see cref="OtherScaleRule.SetAside"/>) uses another overall scale; a last-review date names an unknown agreement; the improvement record names a department or agreement the organisation lacks, or an action on a relationship it does not have. The first problem is thrown.</exception>
    public static OrganizationScorecard Compute(Organization organization, ReadOnlySpan<ServiceRequest> requests, ReadOnlySpan<FeedbackResponse> responses, ScorecardOptions options)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var parts = Parts(options, requests.Length + (long)responses.Length);
        if (parts > 1 && ComputeInParts(organization, requests.ToArray(), responses.ToArray(), options, parts) is { } scorecard)
        {
            return scorecard;
        }

        var agreementOf = new int[requests.Length];
        var subjectOf = new int[responses.Length];
        var respondentOf = new int[responses.Length];
        Check(organization, requests, responses, options, problems: null, agreementOf, subjectOf, respondentOf);

        // Accumulate, then compute: the one code path of Compute and of a scorecard rolled up from partial states.
        var accumulator = new ScorecardAccumulator(organization, options, inputsChecked: true);
        accumulator.AddChecked(requests, agreementOf);
        accumulator.AddChecked(responses, subjectOf, respondentOf);
        return accumulator.Build();
    }

    // The scorecard from the accumulated views: the graph, reviews, relationships, departments, attention, findings, health.
    internal static OrganizationScorecard Assemble(
        Organization organization,
        ScorecardOptions options,
        SlaData tallies,
        FeedbackData feedback,
        ImprovementData improvements,
        CampaignSummary? campaign,
        long scored,
        ImmutableArray<SetAsideResponses> setAside)
    {
        var graph = DependencyGraph.FromOrganization(organization);
        var reviews = ReviewsDue(organization, options);

        // One memo of t quantiles for every relationship's and department's mean and trend (see StudentTQuantiles).
        var quantiles = new StudentTQuantiles(options.ConfidenceLevel);
        var relationships = Relationships(organization, graph, tallies, feedback, improvements, quantiles, options);
        var positions = Positions(graph, options, out var betweenness, out var clusters, out var silos, out var spof);
        var departments = Departments(organization, graph, relationships, feedback, positions, quantiles, options);
        var attention = Attention(relationships, positions);
        var findings = Findings(attention, relationships, departments, reviews, options);
        var health = Health(graph, departments, relationships, attention, clusters, silos, spof, betweenness, reviews, campaign, options);
        return new OrganizationScorecard(organization, options, departments, relationships, attention, findings, reviews, health)
        {
            ScoredResponseCount = scored,
            SetAside = setAside,
        };
    }

    /// <summary>Lists every problem <see cref="Compute"/> would reject the inputs for, so that a caller can report them all at once.</summary>
    /// <param name="organization">The organisation.</param>
    /// <param name="requests">The service requests.</param>
    /// <param name="responses">The feedback responses.</param>
    /// <param name="options">The settings.</param>
    /// <returns>The problems, in the order: the as-of instant, requests by index, responses by index, last reviews, then the improvement record's campaigns, actions and meetings (located at <c>$.options.improvement.actions[i].relationship.provider</c> and the like, the indices those of the record's sorted lists); empty when <see cref="Compute"/> would accept the inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/>, <paramref name="options"/> or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is out of range (settings are not data problems).</exception>
    public static ImmutableArray<Problem> Validate(Organization organization, ReadOnlySpan<ServiceRequest> requests, ReadOnlySpan<FeedbackResponse> responses, ScorecardOptions options)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var problems = new List<Problem>();
        Check(organization, requests, responses, options, problems);
        return [.. problems];
    }
}
