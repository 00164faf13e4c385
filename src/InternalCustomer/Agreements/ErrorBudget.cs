using System.Globalization;

namespace InternalCustomer.Agreements;

/// <summary>
/// The error budget of a set of decided events (requests, or feedback responses) against a target ratio,
/// by the OpenSLO occurrences method (its "good" and "bad" events): every decided event is met or breached.
/// </summary>
/// <remarks>
/// <para>With target <c>t</c>, <c>n</c> decided events and <c>b</c> breached ones:</para>
/// <list type="bullet">
/// <item><see cref="AllowedBreached"/> = <c>(1 − t) × n</c>;</item>
/// <item><see cref="Remaining"/> = <c>((1 − t) − b/n) / (1 − t)</c>: 1 when nothing is spent, 0 when exactly spent, negative when overspent;</item>
/// <item><see cref="BurnRate"/> = <c>(b/n) / (1 − t)</c>: 1 spends the budget exactly over the SLO window (Google SRE workbook, "Alerting on SLOs").</item>
/// </list>
/// <para>With no decided events nothing has been spent: <see cref="Remaining"/> is 1, <see cref="BurnRate"/> is 0 and
/// <see cref="Compliance"/> is <see langword="null"/>.</para>
/// <para><c>default(ErrorBudget)</c> is the budget of no events against target 0.</para>
/// </remarks>
public readonly record struct ErrorBudget
{
    /// <summary>Creates the error budget of a set of decided events.</summary>
    /// <param name="target">The target ratio in [0, 1).</param>
    /// <param name="decided">The number of decided events; non-negative.</param>
    /// <param name="breached">The number of breached events among them; in [0, <paramref name="decided"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is outside [0, 1), or a count is out of range.</exception>
    public ErrorBudget(double target, long decided, long breached)
    {
        Target = ObjectiveGuard.Target(target, nameof(target));
        if (decided < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(decided), decided, string.Create(CultureInfo.InvariantCulture, $"The number of decided events must be >= 0; got {decided}."));
        }

        if (breached < 0 || breached > decided)
        {
            throw new ArgumentOutOfRangeException(nameof(breached), breached, string.Create(CultureInfo.InvariantCulture, $"The number of breached events must be in [0, {decided}]; got {breached}."));
        }

        Decided = decided;
        Breached = breached;
    }

    /// <summary>Gets the target ratio in [0, 1).</summary>
    public double Target { get; }

    /// <summary>Gets the number of decided events.</summary>
    public long Decided { get; }

    /// <summary>Gets the number of breached events.</summary>
    public long Breached { get; }

    /// <summary>Gets the number of met events.</summary>
    public long Met => Decided - Breached;

    /// <summary>Gets the share of met events, or <see langword="null"/> when nothing was decided.</summary>
    public double? Compliance => Decided == 0 ? null : (double)Met / Decided;

    /// <summary>Gets a value indicating whether the share of met events reaches the target (vacuously true when nothing was decided).
    /// This is the one rule for "objective met" used everywhere, the scorecard included.</summary>
    public bool IsMet => Decided == 0 || (double)Met / Decided >= Target;

    /// <summary>Gets the number of breached events the target allows: <c>(1 − target) × decided</c>.</summary>
    public double AllowedBreached => (1 - Target) * Decided;

    /// <summary>Gets the share of the budget left: <c>((1 − target) − breached/decided) / (1 − target)</c>; 1 when nothing was decided, negative when overspent.</summary>
    public double Remaining => Decided == 0 ? 1 : ((1 - Target) - ((double)Breached / Decided)) / (1 - Target);

    /// <summary>Gets the burn rate: <c>(breached/decided) / (1 − target)</c>; 0 when nothing was decided.</summary>
    public double BurnRate => Decided == 0 ? 0 : (double)Breached / Decided / (1 - Target);

    /// <summary>Returns a description such as <c>3 breached of 1000 decided (target 99.9%): burn rate 3, 200% of budget spent</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Breached} breached of {Decided} decided (target {Target * 100:0.###}%): burn rate {BurnRate:G4}, {(1 - Remaining) * 100:0.#}% of budget spent");
}
