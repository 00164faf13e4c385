using System.Collections.Frozen;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;

namespace InternalCustomer.Orleans;

/// <summary>
/// The organisation and the scorecard options a cluster's grains accumulate under, and the rule that partitions events
/// into relationships. Register one per silo with <see cref="ScorecardSiloBuilderExtensions.AddScorecardRollup"/>; every
/// silo and every <see cref="ScorecardCluster"/> of a cluster must use an equal organisation and equal options.
/// </summary>
/// <remarks>
/// <para><b>Partitioning.</b> A request belongs to its agreement's relationship (provider ← consumer), a response to its
/// subject ← respondent: one grain per relationship holds the relationship's share of the scorecard state, and the shares
/// of all relationships merge into the scorecard of all events (<see cref="ScorecardAccumulator"/>'s partition law).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class ScorecardModel
{
    private readonly FrozenDictionary<AgreementId, Relationship> _agreements;

    /// <summary>Creates the model, checking the options against the organisation.</summary>
    /// <param name="organization">The organisation.</param>
    /// <param name="options">The scorecard options (as <see cref="Scorecard.Compute"/> takes them).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">The options name agreements, departments or relationships the organisation lacks.</exception>
    public ScorecardModel(Organization organization, ScorecardOptions options)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(options);

        // The accumulator's constructor is the one check of options against the organisation.
        _ = new ScorecardAccumulator(organization, options);
        Organization = organization;
        Options = options;
        _agreements = organization.Agreements.ToFrozenDictionary(static a => a.Id, static a => new Relationship(a.Provider, a.Consumer));
    }

    /// <summary>Gets the organisation.</summary>
    public Organization Organization { get; }

    /// <summary>Gets the options.</summary>
    public ScorecardOptions Options { get; }

    /// <summary>Gets the relationship a request belongs to: its agreement's provider ← consumer.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The relationship.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The request names an agreement the organisation lacks (an event of another organisation).</exception>
    public Relationship RelationshipOf(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _agreements.TryGetValue(request.Agreement, out var relationship)
            ? relationship
            : throw new ArgumentException($"Expected a request under an agreement of this organization; got request '{request.Id}' under agreement '{request.Agreement}', which it lacks.", nameof(request));
    }

    /// <summary>Gets the relationship a response belongs to: its subject ← respondent.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The relationship.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The response names a department the organisation lacks (an event of another organisation).</exception>
    public Relationship RelationshipOf(FeedbackResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var (department, role) in new[] { (response.Subject, "subject"), (response.Respondent, "respondent") })
        {
            if (!Organization.Contains(department))
            {
                throw new ArgumentException($"Expected a response between departments of this organization; got one whose {role} '{department}' it lacks.", nameof(response));
            }
        }

        return new Relationship(response.Subject, response.Respondent);
    }
}
