using NodaTime;

namespace InternalCustomer.Organizations;

/// <summary>
/// The raw parts of a service agreement, named, for <see cref="OrganizationBuilder.AddAgreement(AgreementDraft)"/>:
/// a document reader hands over whatever it read and gets every problem back from
/// <see cref="OrganizationBuilder.TryBuild"/> in one pass. Nothing is checked here.
/// </summary>
/// <remarks>
/// <para>For example:</para>
/// <code>
/// builder.AddAgreement(new AgreementDraft("it-finance")
/// {
///     Provider = "it",
///     Consumer = "finance",
///     Services = ["laptops"],
///     Calendar = "berlin",
///     EffectiveFrom = new LocalDate(2026, 1, 1),
///     ReviewCadence = Period.FromMonths(3),
///     Resolution = new ObjectiveDraft(within: Duration.FromHours(8), target: 0.95),
/// });
/// </code>
/// <para>Problems are located at the agreement's entry and the name of the part in camel case, for example
/// <c>$.agreements[2].resolution.target</c> or <c>$.agreements[0].services[1]</c>.
/// Equality compares <see cref="Services"/> by reference.</para>
/// </remarks>
public sealed record AgreementDraft
{
    /// <summary>Creates a draft with an id and no other part.</summary>
    /// <param name="id">The agreement id text.</param>
    public AgreementDraft(string? id) => Id = id;

    /// <summary>Gets the agreement id text.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the providing department's id text (the internal supplier).</summary>
    public string? Provider { get; init; }

    /// <summary>Gets the consuming department's id text (the internal customer).</summary>
    public string? Consumer { get; init; }

    /// <summary>Gets the id texts of the covered services, each offered by the provider; at least one is required.</summary>
    public IReadOnlyList<string?>? Services { get; init; }

    /// <summary>Gets the id text of the calendar the agreement's timers run on.</summary>
    public string? Calendar { get; init; }

    /// <summary>Gets the first day in effect; required.</summary>
    public LocalDate? EffectiveFrom { get; init; }

    /// <summary>Gets the last day in effect (inclusive), or <see langword="null"/> for open-ended.</summary>
    public LocalDate? EffectiveUntil { get; init; }

    /// <summary>Gets how often the agreement is reviewed, for example <c>Period.FromMonths(3)</c>; required.</summary>
    public Period? ReviewCadence { get; init; }

    /// <summary>Gets the first-response objective, or <see langword="null"/> for none.</summary>
    public ObjectiveDraft? FirstResponse { get; init; }

    /// <summary>Gets the resolution objective, or <see langword="null"/> for none.</summary>
    public ObjectiveDraft? Resolution { get; init; }

    /// <summary>Gets the share of satisfied feedback required, in [0, 1), or <see langword="null"/> for no satisfaction objective.</summary>
    public double? SatisfactionTarget { get; init; }

    /// <summary>Gets the objective sets, for objectives that depend on the request's class; give either these or
    /// <see cref="FirstResponse"/>/<see cref="Resolution"/>, not both.</summary>
    public IReadOnlyList<ObjectiveSetDraft?>? ObjectiveSets { get; init; }

    /// <summary>Gets the maintenance windows and SLO corrections (checked when made), or <see langword="null"/> for none.</summary>
    public IReadOnlyList<Agreements.ExclusionWindow?>? Exclusions { get; init; }
}
