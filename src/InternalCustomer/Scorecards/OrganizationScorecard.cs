using System.Collections.Frozen;
using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>
/// The scorecard of a whole organisation as of an instant: every department's scorecard, every
/// relationship's health, the attention list, reviews due and the one-page health summary.
/// Computed by <see cref="Scorecard.Compute"/>; immutable.
/// </summary>
public sealed class OrganizationScorecard
{
    private readonly Organization _organization;
    private readonly FrozenDictionary<DepartmentId, int> _departmentIndex;
    private readonly FrozenDictionary<(DepartmentId, DepartmentId), RelationshipHealth> _relationships;

    internal OrganizationScorecard(
        Organization organization,
        ScorecardOptions options,
        ImmutableArray<DepartmentScorecard> departments,
        ImmutableArray<RelationshipHealth> relationships,
        ImmutableArray<AttentionItem> attention,
        ImmutableArray<Finding> findings,
        ImmutableArray<ReviewDue> reviewsDue,
        OrganizationHealth health)
    {
        _organization = organization;
        Options = options;
        Departments = departments;
        Relationships = relationships;
        Attention = attention;
        Findings = findings;
        Objectives = [.. relationships
            .SelectMany(r => r.Objectives)
            .Where(o => o.Kind != ObjectiveKind.Satisfaction)
            .OrderBy(o => o.HasData ? 0 : 1)
            .ThenBy(o => o.Budget.Remaining)
            .ThenBy(o => o.Agreement)
            .ThenBy(o => o.Kind)];
        ReviewsDue = reviewsDue;
        Health = health;
        _departmentIndex = departments.Select((d, i) => KeyValuePair.Create(d.Id, i)).ToFrozenDictionary();
        _relationships = relationships.ToFrozenDictionary(r => (r.Provider, r.Consumer));
    }

    /// <summary>Gets the instant the scorecard describes.</summary>
    public Instant AsOf => Options.AsOf;

    /// <summary>Gets the options it was computed with.</summary>
    public ScorecardOptions Options { get; }

    /// <summary>Gets every department's scorecard, sorted by id.</summary>
    public ImmutableArray<DepartmentScorecard> Departments { get; }

    /// <summary>Gets every relationship, sorted by provider then consumer.</summary>
    public ImmutableArray<RelationshipHealth> Relationships { get; }

    /// <summary>Gets the relationships with a gap, most urgent first (score, then provider id, then consumer id).</summary>
    public ImmutableArray<AttentionItem> Attention { get; }

    /// <summary>
    /// Gets every finding, with its evidence: by kind (<see cref="SlaMetButUnhappy"/>, <see cref="HappyButSlaBreached"/>,
    /// <see cref="HeavyDependenceWithoutAgreement"/>, <see cref="FeedbackOverdue"/>, <see cref="DecliningSatisfaction"/>,
    /// <see cref="TimeObjectiveBreached"/>, <see cref="SatisfactionShortfall"/>,
    /// <see cref="InheritedShortfall"/>, <see cref="ReviewDue"/>); within a kind, relationships in the order of
    /// <see cref="Attention"/> (then those without a gap, by provider and consumer), departments by inherited shortfall
    /// (largest first, then id), reviews most overdue first (then agreement id). Words: <see cref="FindingText"/>.
    /// Every item of <see cref="Attention"/> has a finding here naming its relationship: its SLA gap is a
    /// <see cref="TimeObjectiveBreached"/> or <see cref="HappyButSlaBreached"/>, its satisfaction gap a
    /// <see cref="SatisfactionShortfall"/> or <see cref="SlaMetButUnhappy"/>, with the same numbers. The findings about
    /// the graph's shape are <see cref="OrganizationHealth.GraphFindings"/>.
    /// </summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>Gets the whole-agreement rows of the agreements with objectives per request class
    /// (<see cref="RelationshipHealth.AgreementTotals"/> of every relationship), by agreement id, then objective kind.</summary>
    public ImmutableArray<ObjectiveCompliance> AgreementTotals =>
        [.. Relationships.SelectMany(r => r.AgreementTotals).OrderBy(o => o.Agreement).ThenBy(o => o.Kind)];

    /// <summary>Gets every time objective of every agreement, worst first: those with decided requests by error budget
    /// remaining (least first), then those without, each by agreement id and objective.</summary>
    public ImmutableArray<ObjectiveCompliance> Objectives { get; }

    /// <summary>Gets the agreements whose review cadence has elapsed, most overdue first (the <see cref="ReviewDue"/> findings).</summary>
    public ImmutableArray<ReviewDue> ReviewsDue { get; }

    /// <summary>Gets the one-page summary.</summary>
    public OrganizationHealth Health { get; }

    /// <summary>Gets the number of responses every feedback figure of the scorecard rests on: those given by the as-of
    /// instant on <see cref="ScorecardOptions.OverallScale"/>.</summary>
    public long ScoredResponseCount { get; internal init; }

    /// <summary>Gets the responses given by the as-of instant on another overall scale, which
    /// <see cref="ScorecardOptions.OtherScales"/> = <see cref="OtherScaleRule.SetAside"/> left out of every figure: one
    /// entry per scale, most responses first (ties by the scale's lowest, then highest point, so the order does not depend on the order of the responses). Empty when none was set aside (always
    /// so under <see cref="OtherScaleRule.Reject"/>, where such a response is a problem).</summary>
    public ImmutableArray<SetAsideResponses> SetAside { get; internal init; } = [];

    /// <summary>Gets the number of responses given by the as-of instant: <see cref="ScoredResponseCount"/> plus the counts of <see cref="SetAside"/>.</summary>
    public long ConsideredResponseCount => ScoredResponseCount + SetAside.Sum(static s => s.Count);

    /// <summary>Gets a department's scorecard.</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of the organisation.</exception>
    public DepartmentScorecard GetDepartment(DepartmentId id) =>
        _departmentIndex.TryGetValue(id, out var i)
            ? Departments[i]
            : throw new ArgumentException($"Expected a department of this organization; got '{id}', which is not one.", nameof(id));

    /// <summary>Gets the relationship in which <paramref name="provider"/> serves <paramref name="consumer"/>.</summary>
    /// <param name="provider">The supplier.</param>
    /// <param name="consumer">The internal customer.</param>
    /// <returns>The relationship, or <see langword="null"/> when the two have no agreement, dependency or feedback.</returns>
    /// <exception cref="ArgumentException">Either id is not a department of the organisation.</exception>
    public RelationshipHealth? GetRelationship(DepartmentId provider, DepartmentId consumer)
    {
        foreach (var (id, parameter) in new[] { (provider, nameof(provider)), (consumer, nameof(consumer)) })
        {
            if (!_departmentIndex.ContainsKey(id))
            {
                throw new ArgumentException($"Expected a department of this organization; got '{id}', which is not one.", parameter);
            }
        }

        return _relationships.GetValueOrDefault((provider, consumer));
    }

    /// <summary>
    /// Rolls the supplier totals up the hierarchy: a division's totals are the merge of its own and
    /// all its descendants' (teams', departments'), which equals summarising their raw data together.
    /// </summary>
    /// <returns>For every department, the totals of its subtree.</returns>
    /// <remarks>Compute the metrics of a rolled-up total with this scorecard's <see cref="Options"/>
    /// (<c>totals.Csat(card.Options)</c>) so that they agree with the department rows.</remarks>
    public IReadOnlyDictionary<DepartmentId, DepartmentTotals> RollUp() =>
        _organization.RollUp(id => Departments[_departmentIndex[id]].Totals, static (a, b) => a.Merge(b));

    /// <summary>Returns a description such as <c>Scorecard as of 2026-06-01T00:00:00Z: 8 departments, 5 relationships, 3 on the attention list, 6 findings, 2 reviews due</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Scorecard as of {AsOf}: {Departments.Length} departments, {Relationships.Length} relationships, {Attention.Length} on the attention list, {Findings.Length} findings, {ReviewsDue.Length} reviews due");
}

/// <summary>The responses on one overall scale that a scorecard set aside (<see cref="OrganizationScorecard.SetAside"/>):
/// how many, and how many per relationship; immutable.</summary>
public sealed class SetAsideResponses
{
    internal SetAsideResponses(RatingScale scale, ImmutableSortedDictionary<Relationship, long> byRelationship)
    {
        Scale = scale;
        ByRelationship = byRelationship;
        Count = byRelationship.Values.Sum();
    }

    /// <summary>Gets the overall scale the responses rate on.</summary>
    public RatingScale Scale { get; }

    /// <summary>Gets the number of responses set aside.</summary>
    public long Count { get; }

    /// <summary>Gets the number set aside per provider × consumer relationship, sorted by provider then consumer.</summary>
    public ImmutableSortedDictionary<Relationship, long> ByRelationship { get; }

    /// <summary>Returns for example <c>149 responses on 0–10 set aside</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Count} responses on {Scale} set aside");
}
