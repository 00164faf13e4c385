namespace InternalCustomer.Organizations;

/// <summary>
/// The raw parts of an objective set of an <see cref="AgreementDraft"/> (see <see cref="Agreements.ObjectiveSet"/>): its
/// name, the request classes it selects as id and category texts, and its objectives. Nothing is checked here;
/// <see cref="OrganizationBuilder.TryBuild"/> reports every problem, at <c>$.agreements[i].objectiveSets[j]</c> and the part's name.
/// </summary>
/// <remarks>Equality compares the lists by reference.</remarks>
public sealed record ObjectiveSetDraft
{
    /// <summary>Creates a draft with a name and no other part.</summary>
    /// <param name="name">The set's name, unique in its agreement.</param>
    public ObjectiveSetDraft(string? name) => Name = name;

    /// <summary>Gets the set's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the priority id texts selected, each declared by the organisation; <see langword="null"/> or empty for any.</summary>
    public IReadOnlyList<string?>? Priorities { get; init; }

    /// <summary>Gets the service id texts selected, each covered by the agreement; <see langword="null"/> or empty for any.</summary>
    public IReadOnlyList<string?>? Services { get; init; }

    /// <summary>Gets the categories selected; <see langword="null"/> or empty for any.</summary>
    public IReadOnlyList<string?>? Categories { get; init; }

    /// <summary>Gets the first-response objective, or <see langword="null"/>.</summary>
    public ObjectiveDraft? FirstResponse { get; init; }

    /// <summary>Gets the resolution objective, or <see langword="null"/>.</summary>
    public ObjectiveDraft? Resolution { get; init; }
}
