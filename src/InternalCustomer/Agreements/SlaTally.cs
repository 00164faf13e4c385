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

    /// <summary>Rebuilds a tally from its parts (for example read back from a stored state), checking that they can
    /// be a tally: every count at least 0, no more breached than decided, no more at risk than in flight and no more
    /// unmatched than unmeasured. (The positional constructor checks nothing.)</summary>
    /// <param name="decided">Requests decided.</param>
    /// <param name="breached">Decided requests that missed the objective, in [0, <paramref name="decided"/>].</param>
    /// <param name="inFlight">Requests not yet decided.</param>
    /// <param name="atRisk">In-flight requests past a warning threshold, in [0, <paramref name="inFlight"/>].</param>
    /// <param name="unmatched">Requests no objective set matched, in [0, <paramref name="unmeasured"/>].</param>
    /// <param name="unmeasured">Requests not measured at all, <paramref name="unmatched"/> ones included.</param>
    /// <returns>The tally whose parts are the arguments.</returns>
    /// <exception cref="ArgumentException">A count is negative or exceeds the count it is part of; the message says
    /// what was expected and what came, and the parameter name says which count.</exception>
    public static SlaTally FromParts(long decided, long breached, long inFlight, long atRisk, long unmatched, long unmeasured)
    {
        NonNegative(decided, nameof(decided));
        NonNegative(breached, nameof(breached));
        NonNegative(inFlight, nameof(inFlight));
        NonNegative(atRisk, nameof(atRisk));
        NonNegative(unmatched, nameof(unmatched));
        NonNegative(unmeasured, nameof(unmeasured));
        AtMost(breached, nameof(breached), decided, "decided");
        AtMost(atRisk, nameof(atRisk), inFlight, "in flight");
        AtMost(unmatched, nameof(unmatched), unmeasured, "unmeasured");
        return new SlaTally(decided, breached, inFlight, atRisk) { Unmatched = unmatched, Unmeasured = unmeasured };
    }

    /// <summary>Gets a value indicating whether the counts can be those of a tally: the rule <see cref="FromParts"/> checks
    /// (every count at least 0, breached at most decided, at risk at most in flight, unmatched at most unmeasured).</summary>
    internal bool IsConsistent =>
        Decided >= 0 && Breached >= 0 && InFlight >= 0 && AtRisk >= 0 && Unmatched >= 0 && Unmeasured >= 0
        && Breached <= Decided && AtRisk <= InFlight && Unmatched <= Unmeasured;

    private static void NonNegative(long count, string paramName)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                count,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The count '{paramName}' must be at least 0; got {count}."));
        }
    }

    private static void AtMost(long count, string paramName, long whole, string wholeName)
    {
        if (count > whole)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                count,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The count '{paramName}' must be at most the {whole} {wholeName}; got {count}."));
        }
    }

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
