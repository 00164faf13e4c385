using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace InternalCustomer.Improvement;

/// <summary>
/// Settings of <see cref="ImprovementEffect"/>. Only <see cref="AsOf"/> is required; every other setting has the default
/// documented on it.
/// </summary>
/// <remarks>Settings are checked when the effect is measured; a bad one gives an <see cref="ArgumentException"/> for
/// parameter <c>options</c> naming the setting and the value. <see cref="AsOf"/> and <see cref="Window"/> must lie in the
/// supported range (<see cref="SupportedRange"/>), and the ends of <see cref="Before"/> and <see cref="After"/> before
/// <see cref="SupportedRange.ComputationLimit"/>, or an <see cref="ArgumentOutOfRangeException"/> names the range.</remarks>
public sealed record EffectOptions
{
    /// <summary>Creates options evaluated at an instant.</summary>
    /// <param name="asOf">The instant of measurement: requests are evaluated at it and the after window ends at it at the latest.</param>
    public EffectOptions(Instant asOf) => AsOf = asOf;

    /// <summary>Gets the instant of measurement.</summary>
    public Instant AsOf { get; init; }

    /// <summary>Gets the length of the before and after windows; <see langword="null"/> (default) takes the shortest review
    /// cadence of the agreements between the action's provider and consumer, or three months when they have none. Must be a positive period of date units.</summary>
    public Period? Window { get; init; }

    /// <summary>Gets the control relationships of the difference-in-differences; <see langword="null"/> (default) takes the
    /// provider's other relationships (each consumer other than the action's with an agreement or a declared dependency on
    /// the provider). Must not contain the action's relationship; empty means no comparison group.</summary>
    public ImmutableArray<Relationship>? Controls { get; init; }

    /// <summary>Gets an explicit before window, overriding the derived one; give <see cref="After"/> with it.</summary>
    public Interval? Before { get; init; }

    /// <summary>Gets an explicit after window, overriding the derived one; give <see cref="Before"/> with it. It is cut at <see cref="AsOf"/>.</summary>
    public Interval? After { get; init; }

    /// <summary>Gets the significance level of every test, in (0, 1); default 0.05.</summary>
    public double Significance { get; init; } = 0.05;

    /// <summary>Gets the power of the minimum detectable effects, in (0, 1); default 0.8.</summary>
    public double Power { get; init; } = 0.8;

    /// <summary>Gets the confidence level of every interval, in (0, 1); default 0.95.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Gets how many top boxes of a response's overall scale count as satisfied; default 2 (4 and 5 of 5).</summary>
    public int CsatTopBoxes { get; init; } = 2;

    /// <summary>Gets the fewest responses per window below which <see cref="EffectCaveats.FewResponses"/> is set; default 5, at least 1.</summary>
    public int MinimumResponses { get; init; } = 5;

    internal void Validate()
    {
        const string Parameter = "options";
        RangeGuard.Instant(AsOf, Parameter, "AsOf");
        if (Window is { } length)
        {
            RangeGuard.Period(length, Parameter, "a Window");
        }

        foreach (var interval in new[] { Before, After })
        {
            if (interval is { } i)
            {
                RangeGuard.Window(i, Parameter);
            }
        }

        foreach (var (name, value) in new[] { (nameof(Significance), Significance), (nameof(Power), Power), (nameof(Level), Level) })
        {
            if (!(value > 0 && value < 1))
            {
                throw new ArgumentOutOfRangeException(Parameter, value, Text($"{name} must be in (0, 1); got {value}."));
            }
        }
        if (CsatTopBoxes < 1)
        {
            throw new ArgumentOutOfRangeException(Parameter, CsatTopBoxes, Text($"CsatTopBoxes must be at least 1; got {CsatTopBoxes}."));
        }

        if (MinimumResponses < 1)
        {
            throw new ArgumentOutOfRangeException(Parameter, MinimumResponses, Text($"MinimumResponses must be at least 1; got {MinimumResponses}."));
        }

        if (Window is { } window && !IsPositive(window))
        {
            throw new ArgumentOutOfRangeException(Parameter, window, Text($"Window must be a positive period of years, months, weeks and days; got {window}."));
        }

        if ((Before is null) != (After is null))
        {
            throw new ArgumentException(
                Before is null ? "Expected Before and After together; got After without Before." : "Expected Before and After together; got Before without After.",
                Parameter);
        }

        foreach (var (name, interval) in new[] { (nameof(Before), Before), (nameof(After), After) })
        {
            if (interval is { } i && (!i.HasStart || !i.HasEnd || i.Start == i.End))
            {
                throw new ArgumentException(Text($"{name} must be a bounded, non-empty interval; got {i}."), Parameter);
            }
        }
    }

    // A period is positive when it moves every date forward; a date far from the calendar's ends stands for all.
    internal static bool IsPositive(Period period)
    {
        var origin = new LocalDate(2000, 1, 1);
        return !period.HasTimeComponent && origin + period > origin;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
