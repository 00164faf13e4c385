using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// A time objective of a service agreement: the share <see cref="Target"/> of requests must reach their
/// first response (or resolution) within <see cref="Within"/> of business time of the agreement's calendar, or within
/// <see cref="BusinessDays"/> business days.
/// </summary>
/// <remarks>
/// <para>Pauses (waiting on the customer) do not count towards the elapsed time; see <see cref="SlaTimer"/> for the
/// evaluation rules.</para>
/// <para><b>Warning thresholds</b> are fractions of the allowed time: a running request that has used at least the
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

        RangeGuard.Duration(within, nameof(within), "an allowed business time");

        Kind = kind;
        Within = within;
        Target = ObjectiveGuard.Target(target, nameof(target));
        WarningThresholds = warningThresholds is null ? DefaultThresholds : CheckThresholds([.. warningThresholds], nameof(warningThresholds));
    }

    // A copy with other parts, each already checked.
    private TimeObjective(ObjectiveKind kind, Duration within, int? businessDays, double target, ImmutableArray<double> warningThresholds, ClockConditions? clock)
    {
        Kind = kind;
        Within = within;
        BusinessDays = businessDays;
        Target = target;
        WarningThresholds = warningThresholds;
        Clock = clock;
    }

    /// <summary>Gets which timer this objective measures.</summary>
    public ObjectiveKind Kind { get; }

    /// <summary>Gets the allowed business time; <see cref="Duration.Zero"/> for an objective counted in <see cref="BusinessDays"/>,
    /// whose allowed business time is worked out per request (<see cref="ObjectiveEvaluation.Allowed"/>).</summary>
    public Duration Within { get; }

    /// <summary>Gets the number of business days allowed, for an objective such as "resolve within 5 business days", or
    /// <see langword="null"/> for an objective counted in business time (<see cref="Within"/>).</summary>
    /// <remarks>The deadline is that of <see cref="Calendars.BusinessCalendar.AddBusinessDays"/> from the clock's start (the
    /// same local time of day on the N-th following working day; docs/calendars-and-slas.md, "Business days"); the allowed
    /// business time of a request is the business time from its start to that deadline, and pauses push it as for any objective.</remarks>
    public int? BusinessDays { get; }

    /// <summary>Gets which statuses start, pause, stop, reset and cancel the clock of requests given as a status log, or
    /// <see langword="null"/> when the objective measures only requests given in the shorthand form.</summary>
    public ClockConditions? Clock { get; }

    /// <summary>Gets the share of requests that must meet the objective, in [0, 1).</summary>
    public double Target { get; }

    /// <summary>Gets the warning thresholds as fractions of the allowed time, strictly increasing, each in (0, 1].</summary>
    public ImmutableArray<double> WarningThresholds { get; }

    /// <summary>Creates a first-response objective with the default warning thresholds.</summary>
    /// <param name="within">The allowed business time; positive.</param>
    /// <param name="target">The share of requests that must meet it, in [0, 1).</param>
    /// <returns>The objective.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is not positive or longer than 100 years (<see cref="SupportedRange.MaxDuration"/>), or <paramref name="target"/> is outside [0, 1).</exception>
    public static TimeObjective FirstResponseWithin(Duration within, double target) => new(ObjectiveKind.FirstResponse, within, target);

    /// <summary>Creates a resolution objective with the default warning thresholds.</summary>
    /// <param name="within">The allowed business time; positive.</param>
    /// <param name="target">The share of requests that must meet it, in [0, 1).</param>
    /// <returns>The objective.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is not positive or longer than 100 years (<see cref="SupportedRange.MaxDuration"/>), or <paramref name="target"/> is outside [0, 1).</exception>
    public static TimeObjective ResolutionWithin(Duration within, double target) => new(ObjectiveKind.Resolution, within, target);

    /// <summary>Creates a first-response objective counted in business days, with the default warning thresholds.</summary>
    /// <param name="days">The business days allowed; at least 1 (see <see cref="BusinessDays"/>).</param>
    /// <param name="target">The share of requests that must meet it, in [0, 1).</param>
    /// <returns>The objective.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is below 1 or above <see cref="SupportedRange.MaxBusinessDays"/>, or <paramref name="target"/> is outside [0, 1).</exception>
    public static TimeObjective FirstResponseWithinBusinessDays(int days, double target) => InBusinessDays(ObjectiveKind.FirstResponse, days, target);

    /// <summary>Creates a resolution objective counted in business days, with the default warning thresholds.</summary>
    /// <param name="days">The business days allowed; at least 1 (see <see cref="BusinessDays"/>).</param>
    /// <param name="target">The share of requests that must meet it, in [0, 1).</param>
    /// <returns>The objective.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is below 1 or above <see cref="SupportedRange.MaxBusinessDays"/>, or <paramref name="target"/> is outside [0, 1).</exception>
    public static TimeObjective ResolutionWithinBusinessDays(int days, double target) => InBusinessDays(ObjectiveKind.Resolution, days, target);

    /// <summary>Returns a copy whose clock, for requests given as a status log, follows the given conditions.</summary>
    /// <param name="clock">The conditions.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public TimeObjective WithClock(ClockConditions clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(Kind, Within, BusinessDays, Target, WarningThresholds, clock);
    }

    /// <summary>Returns a copy with other warning thresholds.</summary>
    /// <param name="warningThresholds">Fractions of the allowed time in (0, 1], strictly increasing.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="warningThresholds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value is outside (0, 1] or the values are not strictly increasing.</exception>
    public TimeObjective WithWarningThresholds(IEnumerable<double> warningThresholds)
    {
        ArgumentNullException.ThrowIfNull(warningThresholds);
        return new(Kind, Within, BusinessDays, Target, CheckThresholds([.. warningThresholds], nameof(warningThresholds)), Clock);
    }

    /// <inheritdoc />
    public bool Equals(TimeObjective? other) =>
        other is not null
        && Kind == other.Kind
        && Within == other.Within
        && BusinessDays == other.BusinessDays
        && Equals(Clock, other.Clock)
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
        hash.Add(BusinessDays);
        hash.Add(Clock);
        hash.Add(Target);
        foreach (var t in WarningThresholds)
        {
            hash.Add(t);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns a description such as <c>Resolution within 1:00:00:00 for 95% of requests</c> or
    /// <c>Resolution within 5 business days for 95% of requests</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        BusinessDays is { } days
            ? string.Create(CultureInfo.InvariantCulture, $"{Kind} within {days} business day{(days == 1 ? string.Empty : "s")} for {Target * 100:0.###}% of requests")
            : string.Create(CultureInfo.InvariantCulture, $"{Kind} within {Within} for {Target * 100:0.###}% of requests");

    private static TimeObjective InBusinessDays(ObjectiveKind kind, int days, double target)
    {
        if (days < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"Allowed business days must be at least 1; got {days}.");
        }

        RangeGuard.BusinessDays(days, nameof(days), "an allowance");

        return new(kind, Duration.Zero, days, ObjectiveGuard.Target(target, nameof(target)), DefaultThresholds, null);
    }

    private static ImmutableArray<double> CheckThresholds(ImmutableArray<double> thresholds, string parameterName) =>
        ObjectiveGuard.CheckWarningThresholds(thresholds) is { } problem ? throw new ArgumentException(problem, parameterName) : thresholds;
}
