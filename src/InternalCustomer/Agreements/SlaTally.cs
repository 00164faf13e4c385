namespace InternalCustomer.Agreements;

/// <summary>
/// Counts of requests for one time objective: decided (met or breached by the decision-instant rule),
/// breached, and not yet decided (in flight, of which some at risk). A mergeable summary:
/// <see cref="Empty"/> is the identity and <see cref="Merge"/> adds counts, so tallies of
/// partitions (agreements, teams, months) combine into the tally of the whole.
/// </summary>
/// <remarks>The vocabulary is the one of <see cref="ErrorBudget"/> and <see cref="WindowCompliance"/>:
/// every decided request is <see cref="Met"/> or <see cref="Breached"/>. <see cref="SlaTimer.Tally"/> counts one.</remarks>
/// <param name="Decided">Requests decided: resolved (or responded to) or past their deadline unresolved.</param>
/// <param name="Breached">Decided requests that missed the objective.</param>
/// <param name="InFlight">Requests not yet decided.</param>
/// <param name="AtRisk">In-flight requests past a warning threshold.</param>
public readonly record struct SlaTally(long Decided, long Breached, long InFlight, long AtRisk)
{
    /// <summary>Gets the tally of nothing, the identity of <see cref="Merge"/>.</summary>
    public static SlaTally Empty => default;

    /// <summary>Gets the decided requests that met the objective.</summary>
    public long Met => Decided - Breached;

    /// <summary>Gets the compliance met / decided, or <see langword="null"/> when nothing was decided.</summary>
    public double? Compliance => Decided == 0 ? null : (double)Met / Decided;

    /// <summary>Adds two tallies.</summary>
    /// <param name="other">The other tally.</param>
    /// <returns>The tally of both.</returns>
    public SlaTally Merge(SlaTally other) =>
        new(Decided + other.Decided, Breached + other.Breached, InFlight + other.InFlight, AtRisk + other.AtRisk)
        {
            Unmatched = Unmatched + other.Unmatched,
            Unmeasured = Unmeasured + other.Unmeasured,
        };

    /// <summary>Gets how many requests no objective set matched (<see cref="SlaState.Unmatched"/>): a data problem to report.</summary>
    public long Unmatched { get; init; }

    /// <summary>Gets how many requests were not measured at all: <see cref="Unmatched"/> ones and those
    /// <see cref="SlaState.NotMeasured"/>, <see cref="SlaState.NotStarted"/>, <see cref="SlaState.Cancelled"/> or
    /// <see cref="SlaState.Excluded"/>. They count neither as decided nor as in flight.</summary>
    public long Unmeasured { get; init; }

    /// <summary>Gets the error budget of this tally against a target (OpenSLO occurrences method).</summary>
    /// <param name="target">The target ratio in [0, 1).</param>
    /// <returns>The error budget.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is outside [0, 1).</exception>
    public ErrorBudget Budget(double target) => new(target, Decided, Breached);

    /// <summary>Counts one evaluation: a met or breached one as decided, any other as in flight (and at risk when it is).</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <returns>The tally with the evaluation counted.</returns>
    public SlaTally Add(in ObjectiveEvaluation evaluation) => evaluation.State switch
    {
        SlaState.Met => this with { Decided = Decided + 1 },
        SlaState.Breached => this with { Decided = Decided + 1, Breached = Breached + 1 },
        SlaState.AtRisk => this with { InFlight = InFlight + 1, AtRisk = AtRisk + 1 },
        SlaState.Unmatched => this with { Unmatched = Unmatched + 1, Unmeasured = Unmeasured + 1 },
        SlaState.NotMeasured or SlaState.NotStarted or SlaState.Cancelled or SlaState.Excluded => this with { Unmeasured = Unmeasured + 1 },
        _ => this with { InFlight = InFlight + 1 },
    };

    /// <summary>Returns a description such as <c>12 decided (3 breached), 2 in flight (1 at risk)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Decided} decided ({Breached} breached), {InFlight} in flight ({AtRisk} at risk){(Unmeasured == 0 ? string.Empty : $", {Unmeasured} not measured ({Unmatched} unmatched)")}");
}
