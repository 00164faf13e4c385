namespace InternalCustomer.Agreements;

/// <summary>
/// The time objectives an agreement promises for one class of requests: "P1: respond in 30 minutes, resolve in
/// 4 business hours". An agreement holds one or more sets whose selectors do not overlap, so that at most one set
/// applies to any request.
/// </summary>
/// <remarks>Equality is component-wise.</remarks>
public sealed class ObjectiveSet : IEquatable<ObjectiveSet>
{
    /// <summary>Creates an objective set.</summary>
    /// <param name="name">The set's name, unique in its agreement (for example <c>P1</c> or <c>default</c>).</param>
    /// <param name="selector">Which requests the set applies to.</param>
    /// <param name="firstResponse">The first-response objective, if the set promises one.</param>
    /// <param name="resolution">The resolution objective, if the set promises one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, an objective has the wrong kind, or the set has no objective.</exception>
    public ObjectiveSet(string name, RequestSelector selector, TimeObjective? firstResponse = null, TimeObjective? resolution = null)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"An objective set's name must be non-blank text; got {(name is null ? "null" : $"\"{name}\"")}.", nameof(name));
        }

        if (firstResponse is not null && firstResponse.Kind != ObjectiveKind.FirstResponse)
        {
            throw new ArgumentException($"Expected a FirstResponse objective; got a {firstResponse.Kind} objective.", nameof(firstResponse));
        }

        if (resolution is not null && resolution.Kind != ObjectiveKind.Resolution)
        {
            throw new ArgumentException($"Expected a Resolution objective; got a {resolution.Kind} objective.", nameof(resolution));
        }

        if (firstResponse is null && resolution is null)
        {
            throw new ArgumentException($"Objective set '{name}' needs a first-response or a resolution objective; got neither.", nameof(firstResponse));
        }

        Name = name;
        Selector = selector;
        FirstResponse = firstResponse;
        Resolution = resolution;
    }

    /// <summary>The name of the one set an agreement made with the single-objective constructor has.</summary>
    public const string DefaultName = "default";

    /// <summary>Gets the set's name.</summary>
    public string Name { get; }

    /// <summary>Gets which requests the set applies to.</summary>
    public RequestSelector Selector { get; }

    /// <summary>Gets the first-response objective, or <see langword="null"/>.</summary>
    public TimeObjective? FirstResponse { get; }

    /// <summary>Gets the resolution objective, or <see langword="null"/>.</summary>
    public TimeObjective? Resolution { get; }

    /// <summary>Gets the objective of a kind, or <see langword="null"/> when the set has none.</summary>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <returns>The objective, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a time objective kind.</exception>
    public TimeObjective? Objective(ObjectiveKind kind) => kind switch
    {
        ObjectiveKind.FirstResponse => FirstResponse,
        ObjectiveKind.Resolution => Resolution,
        _ => ThrowNotTimeKind(kind),
    };

    // Out of line, so that Objective inlines into the timers' hot paths.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static TimeObjective ThrowNotTimeKind(ObjectiveKind kind) =>
        throw new ArgumentException($"Expected FirstResponse or Resolution; got {kind}.", nameof(kind));

    /// <inheritdoc />
    public bool Equals(ObjectiveSet? other) =>
        other is not null
        && Name == other.Name && Selector.Equals(other.Selector)
        && Equals(FirstResponse, other.FirstResponse) && Equals(Resolution, other.Resolution);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ObjectiveSet);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Selector, FirstResponse, Resolution);

    /// <summary>Returns a description such as <c>P1 (priority P1, any service, any category)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Name} ({Selector})";
}
