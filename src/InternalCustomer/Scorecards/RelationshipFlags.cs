namespace InternalCustomer.Scorecards;

/// <summary>Findings about a provider–consumer relationship that deserve a manager's attention.</summary>
[Flags]
public enum RelationshipFlags
{
    /// <summary>Nothing to flag.</summary>
    None = 0,

    /// <summary>Every time objective is met, yet the customer's satisfaction is below target: the SLA measures the wrong thing.</summary>
    SlaMetButUnhappy = 1,

    /// <summary>The customer is satisfied although a time objective is breached: the targets may be stricter than the customer needs.</summary>
    HappyButSlaBreached = 2,

    /// <summary>The consumer depends heavily on the provider (criticality at or above the threshold) without any agreement.</summary>
    HeavyDependenceWithoutAgreement = 4,

    /// <summary>Under an agreement, no feedback has been collected for longer than the agreement's review cadence.</summary>
    FeedbackOverdue = 8,
}
