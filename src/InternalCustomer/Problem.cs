namespace InternalCustomer;

/// <summary>
/// One problem found in input: what kind it is, where it is, and a message saying what was expected and what came.
/// </summary>
/// <remarks>
/// Shared by the organisation's validation (<c>OrganizationBuilder.TryBuild</c>) and the
/// document readers of the interchange package. Branch on <see cref="Kind"/> and <see cref="Location"/>, which are
/// data; <see cref="Message"/> is for people. Equality is by kind, location and message.
/// </remarks>
public sealed record Problem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="kind">What kind of problem it is.</param>
    /// <param name="location">Where it is.</param>
    /// <param name="message">What is wrong: what was expected and what came; not blank.</param>
    /// <exception cref="ArgumentNullException"><paramref name="location"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is blank, or <paramref name="kind"/> is not a defined kind.</exception>
    public Problem(ProblemKind kind, ProblemLocation location, string message)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"Expected a defined ProblemKind; got {kind}.", nameof(kind));
        }

        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new ArgumentException($"Expected a message saying what is wrong; got \"{message}\".", nameof(message));
        }

        Kind = kind;
        Location = location;
        Message = message;
    }

    /// <summary>Gets what kind of problem it is.</summary>
    public ProblemKind Kind { get; }

    /// <summary>Gets where the problem is.</summary>
    public ProblemLocation Location { get; }

    /// <summary>Gets what is wrong: what was expected and what came.</summary>
    public string Message { get; }

    /// <summary>Returns <c>location: message</c>, for example <c>$.departments[3].parent: Department 'x' names parent 'y', ...</c>.</summary>
    /// <returns>The problem as one line.</returns>
    public override string ToString() => $"{Location}: {Message}";
}
