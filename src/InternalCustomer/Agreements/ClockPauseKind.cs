namespace InternalCustomer.Agreements;

/// <summary>Why an objective's clock stood still for a while (<see cref="ClockPause.Kind"/>).</summary>
public enum ClockPauseKind
{
    /// <summary>A wait: a shorthand request's pause, or a status-log status whose clock action is <see cref="ClockAction.Pause"/>
    /// (waiting on the customer, on a supplier, on a change window).</summary>
    Waiting,

    /// <summary>The time between a stop and a reopen: a shorthand request's <see cref="ServiceRequest.Reopen"/> gap, or a
    /// status log's stretch from a <see cref="ClockAction.Stop"/> status to a later <see cref="ClockAction.Start"/>.</summary>
    Reopened,

    /// <summary>Excluded time of the agreement (<see cref="ExclusionEffect.ExcludeTime"/>): a maintenance window, say.</summary>
    ExcludedTime,
}
