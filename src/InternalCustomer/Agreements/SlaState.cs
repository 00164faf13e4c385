namespace InternalCustomer.Agreements;

/// <summary>The state of one time objective of one request at an instant <c>asOf</c>.</summary>
/// <remarks><see cref="Met"/> and <see cref="Breached"/> are decided and never change for a later <c>asOf</c>;
/// the other states are undecided (in flight).</remarks>
public enum SlaState
{
    /// <summary>Decided: the timer stopped at or before its deadline.</summary>
    Met = 1,

    /// <summary>Decided: the deadline passed before the timer stopped.</summary>
    Breached = 2,

    /// <summary>Undecided: the timer runs and no warning threshold has been reached.</summary>
    InProgress = 3,

    /// <summary>Undecided: the timer runs and has used at least the first warning threshold of the allowed time.</summary>
    AtRisk = 4,

    /// <summary>Undecided: the request is waiting on the customer, so the timer is stopped for now.</summary>
    Paused = 5,
}
