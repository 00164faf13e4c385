using NodaTime;

namespace InternalCustomer.Organizations;

/// <summary>
/// The raw parts of a time objective (first response or resolution) of an <see cref="AgreementDraft"/>:
/// how much business time is allowed and the share of requests that must meet it. Nothing is checked
/// here; <see cref="OrganizationBuilder.TryBuild"/> reports every problem.
/// </summary>
/// <remarks>Equality is by value of <see cref="Within"/> and <see cref="Target"/>, and by reference of
/// <see cref="WarningThresholds"/>.</remarks>
public sealed record ObjectiveDraft
{
    /// <summary>Creates the parts of a time objective.</summary>
    /// <param name="within">The allowed business time; must be positive.</param>
    /// <param name="target">The share of requests that must meet it; must be in [0, 1).</param>
    /// <param name="warningThresholds">Fractions of <paramref name="within"/> at which a timer warns, strictly increasing,
    /// each in (0, 1]; <see langword="null"/> for the default 50% and 75%.</param>
    public ObjectiveDraft(Duration? within, double? target, IReadOnlyList<double>? warningThresholds = null)
    {
        Within = within;
        Target = target;
        WarningThresholds = warningThresholds;
    }

    /// <summary>Gets the allowed business time.</summary>
    public Duration? Within { get; init; }

    /// <summary>Gets the share of requests that must meet the objective.</summary>
    public double? Target { get; init; }

    /// <summary>Gets the warning thresholds, or <see langword="null"/> for the default 50% and 75%.</summary>
    public IReadOnlyList<double>? WarningThresholds { get; init; }

    /// <summary>Gets the business days allowed, for an objective counted in business days (then <see cref="Within"/> must be
    /// <see langword="null"/>); see <see cref="Agreements.TimeObjective.BusinessDays"/>. Reported at <c>withinBusinessDays</c>.</summary>
    public int? BusinessDays { get; init; }

    /// <summary>Gets the clock conditions for requests given as status logs, or <see langword="null"/>.</summary>
    public Agreements.ClockConditions? Clock { get; init; }
}
