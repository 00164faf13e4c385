using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Improvement;

/// <summary>
/// An improvement action on a relationship: what is done (<see cref="Title"/>), by whom (<see cref="Owner"/>), from when
/// (<see cref="Started"/>) to when (<see cref="Completed"/>), where it stands (<see cref="Status"/>), and optionally which
/// objective or SERVQUAL dimension it aims at. Its effect is measured by <see cref="ImprovementEffect"/>.
/// </summary>
/// <remarks>Immutable; equality is by value. Whether the relationship and the owner exist is checked against an
/// organisation by <see cref="ImprovementRecord.TryCreate"/>.</remarks>
public sealed record ImprovementAction
{
    /// <summary>Creates an action.</summary>
    /// <param name="id">The action's id.</param>
    /// <param name="relationship">The relationship the action is meant to improve.</param>
    /// <param name="owner">The department responsible for the action (often the provider).</param>
    /// <param name="title">What is done; non-blank.</param>
    /// <param name="started">The day the action started (or, when planned, is to start).</param>
    /// <param name="status">Where the action stands.</param>
    /// <param name="completed">The day it was completed (or abandoned): required for <see cref="ImprovementStatus.Completed"/>,
    /// allowed for <see cref="ImprovementStatus.Abandoned"/>, refused for <see cref="ImprovementStatus.Planned"/> and
    /// <see cref="ImprovementStatus.InProgress"/>; not before <paramref name="started"/>.</param>
    /// <param name="objective">The objective the action aims at, or <see langword="null"/>.</param>
    /// <param name="dimension">The SERVQUAL dimension the action aims at, or <see langword="null"/>; non-blank when given.</param>
    /// <exception cref="ArgumentException">An id is <c>default</c>, the relationship is not a pair of two different departments,
    /// <paramref name="title"/> or <paramref name="dimension"/> is blank, <paramref name="status"/> or <paramref name="objective"/>
    /// is not a defined value, or <paramref name="completed"/> breaks the rule above.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="started"/> or <paramref name="completed"/> lies outside the
    /// supported dates, 1900-01-01 to 2200-12-31 (<see cref="SupportedRange"/>).</exception>
    public ImprovementAction(
        ActionId id,
        Relationship relationship,
        DepartmentId owner,
        string title,
        LocalDate started,
        ImprovementStatus status,
        LocalDate? completed = null,
        ObjectiveKind? objective = null,
        string? dimension = null)
    {
        Id = ModelGuard.NotDefault(id, nameof(id));
        Relationship = ImprovementGuard.Pair(relationship, nameof(relationship));
        Owner = ModelGuard.NotDefault(owner, nameof(owner));
        Title = ModelGuard.Name(title, nameof(title));
        RangeGuard.Date(started, nameof(started), "a start");
        RangeGuard.Date(completed, nameof(completed), "a completion");
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentException($"Expected a defined ImprovementStatus (Planned, InProgress, Completed or Abandoned); got {(int)status}.", nameof(status));
        }

        if (objective is { } kind && !Enum.IsDefined(kind))
        {
            throw new ArgumentException($"Expected a defined ObjectiveKind or null; got {(int)kind}.", nameof(objective));
        }

        switch (status, completed)
        {
            case (ImprovementStatus.Completed, null):
                throw new ArgumentException($"Action '{id}' is Completed, so it needs a completion date; got none.", nameof(completed));
            case (ImprovementStatus.Planned or ImprovementStatus.InProgress, { } day):
                throw new ArgumentException($"Action '{id}' is {status}, so it has no completion date; got {ImprovementGuard.Day(day)}.", nameof(completed));
            case (_, { } day) when day < started:
                throw new ArgumentException(
                    $"Action '{id}' must be completed on or after its start {ImprovementGuard.Day(started)}; got {ImprovementGuard.Day(day)}.",
                    nameof(completed));
        }

        Started = started;
        Status = status;
        Completed = completed;
        Objective = objective;
        Dimension = ImprovementGuard.OptionalText(dimension, "A dimension", nameof(dimension));
    }

    /// <summary>Gets the action's id.</summary>
    public ActionId Id { get; }

    /// <summary>Gets the relationship the action is meant to improve.</summary>
    public Relationship Relationship { get; }

    /// <summary>Gets the department responsible for the action.</summary>
    public DepartmentId Owner { get; }

    /// <summary>Gets what is done.</summary>
    public string Title { get; }

    /// <summary>Gets the day the action started (or is to start).</summary>
    public LocalDate Started { get; }

    /// <summary>Gets the day the action was completed or abandoned, or <see langword="null"/>.</summary>
    public LocalDate? Completed { get; }

    /// <summary>Gets where the action stands.</summary>
    public ImprovementStatus Status { get; }

    /// <summary>Gets the objective the action aims at, or <see langword="null"/>.</summary>
    public ObjectiveKind? Objective { get; }

    /// <summary>Gets the SERVQUAL dimension the action aims at, or <see langword="null"/>.</summary>
    public string? Dimension { get; }

    /// <summary>Gets whether the action is planned or in progress (not completed, not abandoned).</summary>
    public bool IsInFlight => Status is ImprovementStatus.Planned or ImprovementStatus.InProgress;

    /// <inheritdoc/>
    public override string ToString() => $"Action '{Id}' on {ImprovementGuard.Describe(Relationship)} ({Status}): {Title}";
}
