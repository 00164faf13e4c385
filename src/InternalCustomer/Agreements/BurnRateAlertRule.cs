using System.Globalization;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// One row of a multi-window, multi-burn-rate alert table (Google SRE workbook, "Alerting on SLOs"): fire when the
/// burn rate over both the long and the short look-back exceeds <see cref="BurnRate"/>.
/// </summary>
/// <remarks>The long window makes the alert significant (a share of the budget was really spent); the short window
/// (typically 1/12 of the long one) makes it stop soon after the burning stops. Equality is by value.</remarks>
public sealed record BurnRateAlertRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="severity">Page or ticket.</param>
    /// <param name="burnRate">The burn-rate threshold; positive and finite.</param>
    /// <param name="longWindow">The long look-back; positive.</param>
    /// <param name="shortWindow">The short look-back; positive and at most <paramref name="longWindow"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public BurnRateAlertRule(AlertSeverity severity, double burnRate, Duration longWindow, Duration shortWindow)
    {
        if (severity is not (AlertSeverity.Page or AlertSeverity.Ticket))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, $"Expected Page or Ticket; got {severity}.");
        }

        if (!double.IsFinite(burnRate) || burnRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(burnRate), burnRate, string.Create(CultureInfo.InvariantCulture, $"A burn-rate threshold must be a positive finite number; got {burnRate}."));
        }

        if (longWindow <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(longWindow), longWindow, $"The long window must be positive; got {longWindow}.");
        }

        if (shortWindow <= Duration.Zero || shortWindow > longWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(shortWindow), shortWindow, $"The short window must be positive and at most the long window ({longWindow}); got {shortWindow}.");
        }

        Severity = severity;
        BurnRate = burnRate;
        LongWindow = longWindow;
        ShortWindow = shortWindow;
    }

    /// <summary>Gets the severity.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>Gets the burn-rate threshold.</summary>
    public double BurnRate { get; }

    /// <summary>Gets the long look-back.</summary>
    public Duration LongWindow { get; }

    /// <summary>Gets the short look-back.</summary>
    public Duration ShortWindow { get; }
}
