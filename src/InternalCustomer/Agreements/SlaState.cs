namespace InternalCustomer.Agreements;

/// <summary>The state of one time objective of one request at an instant <c>asOf</c>.</summary>
/// <remarks><see cref="Met"/> and <see cref="Breached"/> are decided and never change for a later <c>asOf</c> (for a
/// status-log request, unless the log later takes the clock up again: a reopen after a stop, a reset, or a priority change
/// that selects another objective set);
/// <see cref="InProgress"/>, <see cref="AtRisk"/> and <see cref="Paused"/> are undecided (in flight). The states from
/// <see cref="Unmatched"/> on say why a request is not measured by the objective at all; they count neither as met nor
/// as breached, and <see cref="SlaTally"/> counts them apart so that nothing is skipped silently.</remarks>
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

    /// <summary>Not measured: no objective set of the agreement matches the request's priority, service and category
    /// (see <see cref="ObjectiveSet"/>). A data problem to report: either the request's class or the agreement is incomplete.</summary>
    Unmatched = 6,

    /// <summary>Not measured: the objective set that matches the request has no objective of this kind (a set may
    /// promise a resolution time only, say).</summary>
    NotMeasured = 7,

    /// <summary>Not measured: a status-log request whose clock has not started by <c>asOf</c> (the log has not yet
    /// entered a <see cref="ClockAction.Start"/> status).</summary>
    NotStarted = 8,

    /// <summary>Not measured: the clock was cancelled (the log entered a <see cref="ClockAction.Cancel"/> status) before
    /// the request was met or breached.</summary>
    Cancelled = 9,

    /// <summary>Not measured: the request was opened inside one of the agreement's
    /// <see cref="ExclusionEffect.ExcludeRequests"/> windows (a maintenance window or SLO correction).</summary>
    Excluded = 10,
}
