using InternalCustomer.Agreements;

namespace InternalCustomer.Scorecards;

/// <summary>
/// How one objective of one agreement fared: its tally and its error budget. For a time objective the
/// tally counts requests (decided, breached, in flight, at risk; <see cref="SlaTimer.Tally"/>); for a satisfaction
/// objective it counts the relationship's feedback responses (every response decided; one outside the top boxes breached),
/// which gives the budget of <see cref="SatisfactionObjective.Judge"/>.
/// </summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Provider">The agreement's provider (the supplier).</param>
/// <param name="Consumer">The agreement's consumer (the internal customer).</param>
/// <param name="Kind">The objective: first response, resolution or satisfaction.</param>
/// <param name="Target">The objective's target ratio.</param>
/// <param name="Tally">The counts.</param>
public sealed record ObjectiveCompliance(AgreementId Agreement, DepartmentId Provider, DepartmentId Consumer, ObjectiveKind Kind, double Target, SlaTally Tally)
{
    /// <summary>Gets the error budget (OpenSLO occurrences method) of <see cref="Tally"/> against <see cref="Target"/>.</summary>
    public ErrorBudget Budget => Tally.Budget(Target);

    /// <summary>Gets a value indicating whether the objective is met (<see cref="ErrorBudget.IsMet"/>; vacuously when nothing was decided).</summary>
    public bool IsMet => Budget.IsMet;

    /// <summary>Gets a value indicating whether anything was decided, so that <see cref="IsMet"/> is not vacuous.</summary>
    public bool HasData => Tally.Decided > 0;

    /// <summary>Gets the name of the agreement's objective set this compliance is of, or <see langword="null"/> when the
    /// agreement has one set for every request (or for a satisfaction objective).</summary>
    public string? ObjectiveSet { get; init; }
}
