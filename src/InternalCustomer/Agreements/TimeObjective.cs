using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// A time objective of a service agreement: the share <see cref="Target"/> of requests must reach their
/// first response (or resolution) within <see cref="Within"/> of business time of the agreement's calendar.
/// </summary>
/// <remarks>
/// <para>Pauses (waiting on the customer) do not count towards the elapsed time; see <see cref="SlaTimer"/> for the
/// evaluation rules.</para>
/// <para><b>Warning thresholds</b> are fractions of <see cref="Within"/>: a running request that has used at least the
/// first of them is <see cref="SlaState.AtRisk"/>, and <see cref="ObjectiveEvaluation.WarningLevel"/> counts how many
/// it has reached. The default is 50% and 75%.</para>
/// <para>Equality is component-wise.</para>
/// </remarks>
public sealed class TimeObjective : IEquatable<TimeObjective>
{
    private static readonly ImmutableArray<double> DefaultThresholds = [0.5, 0.75];

    /// <summary>Creates a time objective.</summary>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="within">The allowed business time; positive.</param>
    /// <param name="target">The share of requests that must meet it, in [0, 1) (for example 0.95).</param>
    /// <param name="warningThresholds">Fractions of <paramref name="within"/> in (0, 1], strictly increasing; <see langword="null"/> for the default 0.5 and 0.75.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a time objective kind, <paramref name="within"/> is not positive, or <paramref name="target"/> is outside [0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="warningThresholds"/> has a value outside (0, 1] or is not strictly increasing.</exception>
    public TimeObjective(ObjectiveKind kind, Duration within, double target, IEnumerable<double>? warningThresholds = null)
    {
        if (kind is not (ObjectiveKind.FirstResponse or ObjectiveKind.Resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"A time objective must be FirstResponse or Resolution; got {kind}.");
        }

        if (within <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(within), within, $"Allowed business time must be positive; got {within}.");
        }

        Kind = kind;
        Within = within;
        Target = ObjectiveGuard.Target(target, nameof(target));
        WarningThresholds = warningThresholds is null ? DefaultThresholds : CheckThresholds([.. warningThresholds], nameof(warningThresholds));
    }

    /// <summary>Gets which timer this objective measures.</summary>
    public ObjectiveKind Kind { get; }

    /// <summary>Gets the allowed business time.</summary>
    public Duration Within { get; }

    /// <summary>Gets the share of requests that must meet the objective, in [0, 1).</summary>
    public double Target { get; }

    /// <summary>Gets the warning thresholds as fractions of <see cref="Within"/>, strictly increasing, each in (0, 1].</summary>
    public ImmutableArray<double> WarningThresholds { get; }

    /// <summary>Creates a first-response objective with the default warning thresholds.</summary>
    /// <param name="within">The allowed business time; positive.</param>
    /// <param name="target">The share of requests that must meet it, in [0, 1).</param>
    /// <returns>The objective.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is not positive or <paramref name="target"/> is outside [0, 1).</exception>
    public static TimeObjective FirstResponseWithin(Duration within, double target) => new(ObjectiveKind.FirstResponse, within, target);

    /// <summary>Creates a resolution objective with the default warning thresholds.</summary>
    /// <param name="within">The allowed business time; positive.</param>
    /// <param name="target">The share of requests that must meet it, in [0, 1).</param>
    /// <returns>The objective.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is not positive or <paramref name="target"/> is outside [0, 1).</exception>
    public static TimeObjective ResolutionWithin(Duration within, double target) => new(ObjectiveKind.Resolution, within, target);

    /// <inheritdoc />
    public bool Equals(TimeObjective? other) =>
        other is not null
        && Kind == other.Kind
        && Within == other.Within
        && Target.Equals(other.Target)
        && WarningThresholds.SequenceEqual(other.WarningThresholds);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TimeObjective);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(Within);
        hash.Add(Target);
        foreach (var t in WarningThresholds)
        {
            hash.Add(t);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns a description such as <c>Resolution within 1:00:00:00 for 95% of requests</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} within {Within} for {Target * 100:0.###}% of requests");

    private static ImmutableArray<double> CheckThresholds(ImmutableArray<double> thresholds, string parameterName) =>
        ObjectiveGuard.CheckWarningThresholds(thresholds) is { } problem ? throw new ArgumentException(problem, parameterName) : thresholds;
}
