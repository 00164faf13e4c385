using System.Globalization;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// The evaluation of one time objective of one request at an instant <c>asOf</c>: elapsed business time,
/// deadline, remaining time, share used, state, and when (if at all) the outcome was decided.
/// </summary>
/// <remarks>
/// <para>Produced by <see cref="SlaTimer"/>; the rules are in its remarks. This is a plain value with no references,
/// so a million of them fit in one array and are summarised without further allocation.</para>
/// <para><c>default(ObjectiveEvaluation)</c> has no <see cref="Kind"/> (0) and is not a real evaluation.</para>
/// </remarks>
public readonly struct ObjectiveEvaluation : IEquatable<ObjectiveEvaluation>
{
    private readonly Instant _decidedAt;

    internal ObjectiveEvaluation(ObjectiveKind kind, SlaState state, Duration allowed, Duration elapsed, Instant deadline, Instant decidedAt, int warningLevel, string? objectiveSet = null)
    {
        ObjectiveSet = objectiveSet;
        Kind = kind;
        State = state;
        Allowed = allowed;
        Elapsed = elapsed;
        Deadline = deadline;
        _decidedAt = decidedAt;
        WarningLevel = warningLevel;
    }

    /// <summary>Gets which objective was evaluated.</summary>
    public ObjectiveKind Kind { get; }

    /// <summary>Gets the state at <c>asOf</c>.</summary>
    public SlaState State { get; }

    /// <summary>Gets the allowed business time of the objective.</summary>
    public Duration Allowed { get; }

    /// <summary>Gets the business time elapsed on the timer, pauses excluded, up to the stop or <c>asOf</c>.</summary>
    public Duration Elapsed { get; }

    /// <summary>Gets the deadline: the earliest instant at which the elapsed time reaches <see cref="Allowed"/>, shifted by the pauses
    /// known at <c>asOf</c> (an ongoing pause counts as ending at <c>asOf</c>, so a paused deadline is the earliest it can still be).</summary>
    public Instant Deadline { get; }

    /// <summary>Gets the allowed time left: <see cref="Allowed"/> − <see cref="Elapsed"/>; negative once exceeded.</summary>
    public Duration Remaining => Allowed - Elapsed;

    /// <summary>Gets the share of the allowed time used, in percent: 100 × <see cref="Elapsed"/> / <see cref="Allowed"/>; may exceed 100.</summary>
    public double PercentUsed => Allowed == Duration.Zero ? 0 : 100.0 * Elapsed.TotalNanoseconds / Allowed.TotalNanoseconds;

    /// <summary>Gets how many of the objective's warning thresholds the used share has reached (0 when none).</summary>
    public int WarningLevel { get; }

    /// <summary>Gets a value indicating whether the outcome is decided (<see cref="SlaState.Met"/> or <see cref="SlaState.Breached"/>).</summary>
    public bool IsDecided => State is SlaState.Met or SlaState.Breached;

    /// <summary>Gets the decision instant: the stop for a met request, the deadline for a breached one; <see langword="null"/> while undecided.</summary>
    public Instant? DecidedAt => IsDecided ? _decidedAt : null;

    /// <summary>Gets the name of the <see cref="Agreements.ObjectiveSet"/> whose objective measured the request, or
    /// <see langword="null"/> when none did (<see cref="SlaState.Unmatched"/>, <see cref="SlaState.Excluded"/>).</summary>
    public string? ObjectiveSet { get; }

    /// <summary>Gets whether the objective measures the request at all: <see langword="false"/> for
    /// <see cref="SlaState.Unmatched"/>, <see cref="SlaState.NotMeasured"/>, <see cref="SlaState.NotStarted"/>,
    /// <see cref="SlaState.Cancelled"/> and <see cref="SlaState.Excluded"/>.</summary>
    public bool IsMeasured => State is SlaState.Met or SlaState.Breached or SlaState.InProgress or SlaState.AtRisk or SlaState.Paused;

    /// <summary>Equality of every component.</summary>
    /// <param name="left">The first evaluation.</param>
    /// <param name="right">The second evaluation.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ObjectiveEvaluation left, ObjectiveEvaluation right) => left.Equals(right);

    /// <summary>Inequality of any component.</summary>
    /// <param name="left">The first evaluation.</param>
    /// <param name="right">The second evaluation.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ObjectiveEvaluation left, ObjectiveEvaluation right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ObjectiveEvaluation other) =>
        Kind == other.Kind && State == other.State && Allowed == other.Allowed && Elapsed == other.Elapsed
        && Deadline == other.Deadline && DecidedAt == other.DecidedAt && WarningLevel == other.WarningLevel
        && string.Equals(ObjectiveSet, other.ObjectiveSet, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ObjectiveEvaluation other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, State, Allowed, Elapsed, Deadline, DecidedAt, WarningLevel, ObjectiveSet);

    /// <summary>Returns a description such as <c>Resolution AtRisk: 6:00:00 of 8:00:00 used (75%), deadline 2026-03-03T11:00:00Z</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} {State}: {Elapsed:H:mm:ss} of {Allowed:H:mm:ss} used ({PercentUsed:0.#}%), deadline {Deadline}");
}
