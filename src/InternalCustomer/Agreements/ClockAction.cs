namespace InternalCustomer.Agreements;

/// <summary>What entering a status does to an objective's clock, in a request given as a status log (see <see cref="ClockConditions"/>).</summary>
public enum ClockAction
{
    /// <summary>Starts the clock, or resumes it after a <see cref="Stop"/> (a reopen); while the clock runs, the same as <see cref="Run"/>.</summary>
    Start = 1,

    /// <summary>Keeps a running clock running (work in progress); never starts or resumes it.</summary>
    Run = 2,

    /// <summary>Pauses the clock while the request is in this status (waiting on the customer, say); the status is the pause's reason.</summary>
    Pause = 3,

    /// <summary>Stops the clock: the objective is met or breached at this instant, unless a later <see cref="Start"/> status reopens it.</summary>
    Stop = 4,

    /// <summary>Restarts the clock at this instant, discarding the time counted before it.</summary>
    Reset = 5,

    /// <summary>Ends the clock without a verdict (the request was withdrawn, say), unless it had already breached.</summary>
    Cancel = 6,
}
