using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>
/// One provider–consumer relationship seen from both sides: how the provider meets its agreements
/// with the consumer (the SLA view) and how the consumer rates it (the feedback view), with findings.
/// </summary>
/// <remarks>
/// <para>A relationship exists when there is an agreement, a dependency, or feedback between the two.</para>
/// <para><b>Gap</b> (0–1) combines, with the options' <see cref="GapWeights"/>, the SLA gap — the largest
/// relative shortfall <c>max(0, target − compliance) / target</c> over the time objectives with decided
/// requests — and the satisfaction gap <c>max(0, target − CSAT) / target</c>, counted only with at least
/// <see cref="ScorecardOptions.MinimumResponses"/> responses.</para>
/// </remarks>
public sealed class RelationshipHealth
{
    internal RelationshipHealth(
        DepartmentId provider,
        DepartmentId consumer,
        ImmutableArray<AgreementId> agreements,
        ImmutableArray<ObjectiveCompliance> objectives,
        Criticality? dependence,
        FeedbackSummary feedback,
        MetricEstimate mean,
        MetricEstimate csat,
        TrendResult trend,
        double satisfactionTarget,
        Instant? lastFeedback,
        double slaGap,
        double satisfactionGap,
        double gap,
        ImmutableArray<RelationshipFinding> findings,
        ImmutableArray<ImprovementAction> actions,
        ImmutableArray<ImprovementAction> actionsInFlight,
        ImmutableArray<ActionEffect> effects)
    {
        Actions = actions;
        ActionsInFlight = actionsInFlight;
        Effects = effects;
        Provider = provider;
        Consumer = consumer;
        Agreements = agreements;
        Objectives = objectives;
        Dependence = dependence;
        Feedback = feedback;
        Mean = mean;
        Csat = csat;
        Trend = trend;
        SatisfactionTarget = satisfactionTarget;
        LastFeedback = lastFeedback;
        SlaGap = slaGap;
        SatisfactionGap = satisfactionGap;
        Gap = gap;
        SlaMet = SlaMetOf(objectives);
        WorstTimeObjective = WorstOf(objectives);
        Findings = findings;
    }

    /// <summary>Gets the supplier.</summary>
    public DepartmentId Provider { get; }

    /// <summary>Gets the internal customer.</summary>
    public DepartmentId Consumer { get; }

    /// <summary>Gets the agreements between the two (provider serving consumer), sorted by id.</summary>
    public ImmutableArray<AgreementId> Agreements { get; }

    /// <summary>Gets a value indicating whether any agreement governs the relationship.</summary>
    public bool HasAgreement => !Agreements.IsEmpty;

    /// <summary>Gets every objective of every agreement between the two, with its tally and budget: time objectives count requests; a satisfaction objective counts responses (breached = outside the top boxes).</summary>
    public ImmutableArray<ObjectiveCompliance> Objectives { get; }

    /// <summary>Gets, for each agreement with objectives per request class (more than one objective set), one row per time
    /// objective kind for all its requests together, with <see cref="ObjectiveCompliance.ObjectiveSet"/> <see langword="null"/>:
    /// the whole-agreement tally, so that requests no set matches (<see cref="Agreements.SlaTally.Unmatched"/>) or that are
    /// excluded appear in a row too, against the sets' targets weighted by their decided requests (their plain mean while
    /// none is decided). Not part of <see cref="Objectives"/>, so the gaps and <see cref="SlaMet"/> count each request once,
    /// per set. Empty without such agreements.</summary>
    public ImmutableArray<ObjectiveCompliance> AgreementTotals { get; internal init; } = [];

    /// <summary>Gets the criticality of the consumer's dependency on the provider in the dependency graph, or <see langword="null"/> when there is no edge.</summary>
    public Criticality? Dependence { get; }

    /// <summary>Gets a value indicating whether every time objective with decided requests is met (<see cref="ObjectiveCompliance.IsMet"/>),
    /// <see langword="null"/> when no request was decided. The one rule for "SLA met" of the scorecard and its findings.</summary>
    public bool? SlaMet { get; }

    /// <summary>Gets the time objective with decided requests whose compliance is furthest below (or least above) its target, or <see langword="null"/> when no request was decided.</summary>
    public ObjectiveCompliance? WorstTimeObjective { get; }

    /// <summary>Gets the consumer's feedback about the provider (mergeable summary).</summary>
    public FeedbackSummary Feedback { get; }

    /// <summary>Gets the mean overall rating of that feedback with its Student-t interval.</summary>
    public MetricEstimate Mean { get; }

    /// <summary>Gets the CSAT (top-box share) of that feedback with its Wilson interval.</summary>
    public MetricEstimate Csat { get; }

    /// <summary>Gets the trend of the consumer's overall rating of the provider per 30 days, with p-value (as R's <c>lm</c>).</summary>
    public TrendResult Trend { get; }

    /// <summary>Gets the CSAT target applied: the agreements' satisfaction objective (the strictest), else the options' default.</summary>
    public double SatisfactionTarget { get; }

    /// <summary>Gets the instant of the latest feedback, or <see langword="null"/> when there is none.</summary>
    public Instant? LastFeedback { get; }

    /// <summary>Gets the SLA gap (0–1).</summary>
    public double SlaGap { get; }

    /// <summary>Gets the satisfaction gap (0–1); 0 without enough responses.</summary>
    public double SatisfactionGap { get; }

    /// <summary>Gets the combined gap (0–1).</summary>
    public double Gap { get; }

    /// <summary>Gets the findings about the relationship, in the order of <see cref="OrganizationScorecard.Findings"/>.</summary>
    public ImmutableArray<RelationshipFinding> Findings { get; }

    /// <summary>Gets the improvement actions on the relationship started by the as-of date (<see cref="ScorecardOptions.Improvement"/>),
    /// sorted by id; empty without a record.</summary>
    public ImmutableArray<ImprovementAction> Actions { get; }

    /// <summary>Gets the actions of <see cref="Actions"/> in flight at the as-of instant, sorted by id: planned or in progress,
    /// or completed or abandoned on a day that had not begun by the as-of instant.</summary>
    /// <remarks>Dates are read in the time zone of the calendar of the pair's first agreement (by id), UTC without one, as
    /// <see cref="ImprovementEffect"/> reads them.</remarks>
    public ImmutableArray<ImprovementAction> ActionsInFlight { get; }

    /// <summary>Gets the measured effect of every completed action of <see cref="Actions"/> whose after window had begun by
    /// the as-of instant (its completion day began before it), sorted by action id: <see cref="ImprovementEffect.Measure(Organizations.Organization, ImprovementRecord, ActionId, ReadOnlySpan{ServiceRequest}, ReadOnlySpan{FeedbackResponse}, EffectOptions)"/>
    /// at the as-of instant with the scorecard's confidence level, CSAT top boxes and minimum responses and the other
    /// settings at their defaults (windows of the pair's review cadence, the provider's other relationships as controls).</summary>
    public ImmutableArray<ActionEffect> Effects { get; }

    /// <summary>Returns <c>provider serves consumer</c>, the gap and how many findings.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Provider} serves {Consumer}: gap {Gap * 100:0}%, {Findings.Length} finding{(Findings.Length == 1 ? string.Empty : "s")}");

    // The same relationship with its findings, which are derived from the rest of it.
    internal RelationshipHealth WithFindings(ImmutableArray<RelationshipFinding> findings) =>
        findings.IsEmpty ? this : new(Provider, Consumer, Agreements, Objectives, Dependence, Feedback, Mean, Csat, Trend, SatisfactionTarget, LastFeedback, SlaGap, SatisfactionGap, Gap, findings, Actions, ActionsInFlight, Effects) { AgreementTotals = AgreementTotals };

    private static bool? SlaMetOf(ImmutableArray<ObjectiveCompliance> objectives)
    {
        bool? met = null;
        foreach (var o in objectives)
        {
            if (o.Kind != ObjectiveKind.Satisfaction && o.HasData)
            {
                met = (met ?? true) && o.IsMet;
            }
        }

        return met;
    }

    private static ObjectiveCompliance? WorstOf(ImmutableArray<ObjectiveCompliance> objectives)
    {
        ObjectiveCompliance? worst = null;
        foreach (var o in objectives)
        {
            if (o.Kind != ObjectiveKind.Satisfaction && o.HasData && (worst is null || o.Tally.Compliance!.Value - o.Target < worst.Tally.Compliance!.Value - worst.Target))
            {
                worst = o;
            }
        }

        return worst;
    }
}
