using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// When a request in flight will cross each warning threshold of its objective and breach it, assuming no further
/// pause, and the next instant at which its state changes: what a host needs to schedule notifications (the 50%, 75%
/// and breach messages of a service desk) instead of polling. Made by <see cref="SlaTimer.Escalation"/>.
/// </summary>
/// <remarks>
/// <para><b>Assumptions.</b> The clock keeps running from <see cref="AsOf"/> on: a pause going on at <see cref="AsOf"/> is
/// taken to end then, and no other pause comes. So the instants of a paused request are the earliest they can still be,
/// and they move when it resumes later; recompute the schedule at every status change.</para>
/// <para><b>Instants.</b> <see cref="WarningInstants"/>[i] is the first instant at which the clock has used
/// <see cref="WarningThresholds"/>[i] of the allowed time; a threshold already crossed has its instant in the past.
/// <see cref="Breach"/> is the deadline (<see cref="ObjectiveEvaluation.Deadline"/>). <see cref="NextChange"/> is the earliest
/// of those instants after <see cref="AsOf"/>, or the start of the agreement's next <see cref="ExclusionEffect.ExcludeTime"/>
/// window (or the end of the one going on) if that comes first. At <see cref="Breach"/> itself the request is still
/// undecided (it may be resolved at that very instant); it is breached from the next moment on.</para>
/// <para>For a request that is decided or not measured the lists are empty and <see cref="NextChange"/> is <see langword="null"/>;
/// <see cref="Breach"/> is still the deadline of a breached request.</para>
/// <para>Equality is by value: two schedules are equal when every property is (the lists element by element), so a host
/// can tell whether a recomputed schedule moved anything.</para>
/// </remarks>
public sealed class EscalationSchedule : IEquatable<EscalationSchedule>
{
    internal EscalationSchedule(
        ObjectiveEvaluation evaluation, Instant asOf, ImmutableArray<double> thresholds, ImmutableArray<Instant> instants, Instant? breach, Instant? nextChange)
    {
        Evaluation = evaluation;
        AsOf = asOf;
        WarningThresholds = thresholds;
        WarningInstants = instants;
        Breach = breach;
        NextChange = nextChange;
    }

    /// <summary>Gets the evaluation at <see cref="AsOf"/> the schedule starts from.</summary>
    public ObjectiveEvaluation Evaluation { get; }

    /// <summary>Gets the instant of evaluation.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the objective's warning thresholds (fractions of the allowed time), or an empty array when the request is not in flight.</summary>
    public ImmutableArray<double> WarningThresholds { get; }

    /// <summary>Gets, per warning threshold, the instant the clock uses it (past for a threshold already crossed).</summary>
    public ImmutableArray<Instant> WarningInstants { get; }

    /// <summary>Gets the instant the objective is (or was) breached if the request is not stopped before it, or <see langword="null"/>
    /// when the request is met or not measured.</summary>
    public Instant? Breach { get; }

    /// <summary>Gets the next instant after <see cref="AsOf"/> at which the request's state changes without anyone acting, or
    /// <see langword="null"/> when none will (decided, not measured).</summary>
    public Instant? NextChange { get; }

    /// <summary>Compares every property, the lists element by element.</summary>
    /// <param name="other">The schedule to compare with.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(EscalationSchedule? other) =>
        other is not null
        && Evaluation.Equals(other.Evaluation)
        && AsOf == other.AsOf
        && WarningThresholds.AsSpan().SequenceEqual(other.WarningThresholds.AsSpan())
        && WarningInstants.AsSpan().SequenceEqual(other.WarningInstants.AsSpan())
        && Breach == other.Breach
        && NextChange == other.NextChange;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EscalationSchedule);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Evaluation);
        hash.Add(AsOf);
        foreach (var instant in WarningInstants)
        {
            hash.Add(instant);
        }

        hash.Add(Breach);
        hash.Add(NextChange);
        return hash.ToHashCode();
    }

    /// <summary>Returns a description such as <c>Resolution AtRisk: warnings at 2026-03-02T13:00:00Z, 2026-03-02T15:00:00Z; breach at 2026-03-03T09:00:00Z; next change 2026-03-02T15:00:00Z</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Evaluation.Kind} {Evaluation.State}: "
        + (WarningInstants.IsEmpty ? "no warnings ahead" : $"warnings at {string.Join(", ", WarningInstants)}")
        + (Breach is { } b ? $"; breach at {b}" : string.Empty)
        + (NextChange is { } n ? $"; next change {n}" : "; no change ahead");
}
