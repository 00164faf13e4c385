using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// A maintenance window or SLO correction of an agreement: a closed stretch of time, with its reason, whose requests or
/// whose time are taken out of compliance and budgets (see <see cref="ExclusionEffect"/>).
/// </summary>
/// <remarks>The window is half-open, <c>[start, end)</c>, like a pause. Equality is component-wise.</remarks>
public sealed class ExclusionWindow : IEquatable<ExclusionWindow>
{
    /// <summary>Creates an exclusion window.</summary>
    /// <param name="window">The stretch of time; it must have a start and an end, and end after it starts.</param>
    /// <param name="reason">Why it is excluded (for example <c>ERP upgrade</c>); non-blank.</param>
    /// <param name="effect">What the window excludes.</param>
    /// <exception cref="ArgumentException"><paramref name="window"/> is open or empty, <paramref name="reason"/> is blank, or <paramref name="effect"/> is not defined.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An end of <paramref name="window"/> lies outside the supported range
    /// (<see cref="SupportedRange"/>: 1900-01-01T00:00:00Z, inclusive, to 2201-01-01T00:00:00Z, exclusive).</exception>
    public ExclusionWindow(Interval window, string reason, ExclusionEffect effect)
    {
        if (CheckWindow(window) is { } problem)
        {
            throw new ArgumentException(problem, nameof(window));
        }

        RangeGuard.Interval(window, nameof(window), "an exclusion window");

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"An exclusion window needs a non-blank reason; got {(reason is null ? "null" : $"\"{reason}\"")}.", nameof(reason));
        }

        if (!Enum.IsDefined(effect))
        {
            throw new ArgumentException($"Expected ExcludeRequests or ExcludeTime; got {(int)effect}.", nameof(effect));
        }

        Window = window;
        Reason = reason;
        Effect = effect;
    }

    /// <summary>Gets the stretch of time, <c>[start, end)</c>.</summary>
    public Interval Window { get; }

    /// <summary>Gets why it is excluded.</summary>
    public string Reason { get; }

    /// <summary>Gets what the window excludes.</summary>
    public ExclusionEffect Effect { get; }

    /// <inheritdoc />
    public bool Equals(ExclusionWindow? other) => other is not null && Window == other.Window && Reason == other.Reason && Effect == other.Effect;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExclusionWindow);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Window, Reason, Effect);

    /// <summary>Returns a description such as <c>ExcludeTime 2026-06-06T06:00:00Z/2026-06-06T10:00:00Z (ERP upgrade)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Effect} {Window} ({Reason})";

    /// <summary>Why an interval cannot be an exclusion window, or <see langword="null"/> when it has a start before its end.</summary>
    internal static string? CheckWindow(Interval window) =>
        !window.HasStart || !window.HasEnd
            ? $"An exclusion window must have a start and an end; got {window}."
            : window.End <= window.Start
                ? $"An exclusion window must end after it starts ({window.Start}); got an end of {window.End}."
                : null;
}
