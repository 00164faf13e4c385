using System.Collections.Immutable;
using InternalCustomer.Feedback;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <summary>
/// One provider–consumer relationship seen from both sides: how the provider meets its agreements
/// with the consumer (the SLA view) and how the consumer rates it (the feedback view), with flags.
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
        MetricEstimate csat,
        double satisfactionTarget,
        Instant? lastFeedback,
        double slaGap,
        double satisfactionGap,
        double gap,
        RelationshipFlags flags)
    {
        Provider = provider;
        Consumer = consumer;
        Agreements = agreements;
        Objectives = objectives;
        Dependence = dependence;
        Feedback = feedback;
        Csat = csat;
        SatisfactionTarget = satisfactionTarget;
        LastFeedback = lastFeedback;
        SlaGap = slaGap;
        SatisfactionGap = satisfactionGap;
        Gap = gap;
        Flags = flags;
    }

    /// <summary>Gets the supplier.</summary>
    public DepartmentId Provider { get; }

    /// <summary>Gets the internal customer.</summary>
    public DepartmentId Consumer { get; }

    /// <summary>Gets the agreements between the two (provider serving consumer), sorted by id.</summary>
    public ImmutableArray<AgreementId> Agreements { get; }

    /// <summary>Gets a value indicating whether any agreement governs the relationship.</summary>
    public bool HasAgreement => !Agreements.IsEmpty;

    /// <summary>Gets every objective of every agreement between the two, with its tally and budget: time objectives count requests; a satisfaction objective counts responses (bad = outside the top boxes).</summary>
    public ImmutableArray<ObjectiveCompliance> Objectives { get; }

    /// <summary>Gets the criticality of the consumer's dependency on the provider in the dependency graph, or <see langword="null"/> when there is no edge.</summary>
    public Criticality? Dependence { get; }

    /// <summary>Gets a value indicating whether every time objective is met, <see langword="null"/> when no request was decided.</summary>
    public bool? SlaMet
    {
        get
        {
            var time = Objectives.Where(o => o.Kind != InternalCustomer.Agreements.ObjectiveKind.Satisfaction && o.Tally.Decided > 0).ToList();
            return time.Count == 0 ? null : time.All(o => o.IsMet);
        }
    }

    /// <summary>Gets the consumer's feedback about the provider (mergeable summary).</summary>
    public FeedbackSummary Feedback { get; }

    /// <summary>Gets the CSAT (top-box share) of that feedback with its Wilson interval.</summary>
    public MetricEstimate Csat { get; }

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

    /// <summary>Gets the findings.</summary>
    public RelationshipFlags Flags { get; }

    /// <summary>Returns <c>provider → consumer</c> and the flags.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Provider} serves {Consumer}: gap {Gap * 100:0}%, {Flags}");
}
