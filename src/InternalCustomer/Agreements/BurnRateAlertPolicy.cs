using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// A multi-window, multi-burn-rate alert policy for an SLO measured over <see cref="SloWindow"/>
/// (Google SRE workbook, chapter 5 "Alerting on SLOs", approach 6).
/// </summary>
/// <remarks>
/// <para>The workbook's table for a 30-day SLO window, as used here by <see cref="SreWorkbook"/>:</para>
/// <list type="table">
/// <listheader><term>severity</term><description>burn rate, long window, short window (budget spent when it fires)</description></listheader>
/// <item><term>page</term><description>14.4×, 1 hour, 5 minutes (2%)</description></item>
/// <item><term>page</term><description>6×, 6 hours, 30 minutes (5%)</description></item>
/// <item><term>ticket</term><description>3×, 1 day, 2 hours (10%)</description></item>
/// <item><term>ticket</term><description>1×, 3 days, 6 hours (10%)</description></item>
/// </list>
/// <para>For another SLO window the look-backs scale by <c>sloWindow / 30 days</c> and the thresholds stay, so each
/// row still fires after the same share of the budget is spent: share = burn rate × long window / SLO window.</para>
/// <para>A look-back <c>[asOf − L, asOf)</c> holds the requests whose decision instant lies in it (see <see cref="ComplianceReport"/>).</para>
/// </remarks>
public sealed class BurnRateAlertPolicy
{
    private static readonly Duration BaseWindow = Duration.FromDays(30);

    /// <summary>Creates a policy.</summary>
    /// <param name="sloWindow">The SLO window the budget is defined over; positive.</param>
    /// <param name="rules">The rules; at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sloWindow"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="rules"/> is empty or holds <see langword="null"/>, or a long window exceeds <paramref name="sloWindow"/>.</exception>
    public BurnRateAlertPolicy(Duration sloWindow, IEnumerable<BurnRateAlertRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (sloWindow <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(sloWindow), sloWindow, $"The SLO window must be positive; got {sloWindow}.");
        }

        ImmutableArray<BurnRateAlertRule> list = [.. rules];
        if (list.IsEmpty || list.Any(r => r is null))
        {
            throw new ArgumentException($"A policy needs at least one rule and no null rules; got {list.Length} rule(s){(list.Any(r => r is null) ? " with a null" : string.Empty)}.", nameof(rules));
        }

        foreach (var r in list)
        {
            if (r.LongWindow > sloWindow)
            {
                throw new ArgumentException($"A rule's long window must not exceed the SLO window ({sloWindow}); got {r.LongWindow}.", nameof(rules));
            }
        }

        SloWindow = sloWindow;
        Rules = list;
    }

    /// <summary>Gets the SLO window the error budget is defined over.</summary>
    public Duration SloWindow { get; }

    /// <summary>Gets the rules, in the order given.</summary>
    public ImmutableArray<BurnRateAlertRule> Rules { get; }

    /// <summary>Creates the SRE workbook's policy (14.4× 1h/5m and 6× 6h/30m page, 3× 1d/2h and 1× 3d/6h ticket), with the windows scaled to the SLO window.</summary>
    /// <param name="sloWindow">The SLO window; at least 1 hour (the table's windows are fractions of it).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sloWindow"/> is shorter than 1 hour.</exception>
    public static BurnRateAlertPolicy SreWorkbook(Duration sloWindow)
    {
        if (sloWindow < Duration.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(sloWindow), sloWindow, $"The SLO window must be at least 1 hour; got {sloWindow}.");
        }

        return new BurnRateAlertPolicy(
            sloWindow,
            [
                new(AlertSeverity.Page, 14.4, Scale(Duration.FromHours(1), sloWindow), Scale(Duration.FromMinutes(5), sloWindow)),
                new(AlertSeverity.Page, 6, Scale(Duration.FromHours(6), sloWindow), Scale(Duration.FromMinutes(30), sloWindow)),
                new(AlertSeverity.Ticket, 3, Scale(Duration.FromDays(1), sloWindow), Scale(Duration.FromHours(2), sloWindow)),
                new(AlertSeverity.Ticket, 1, Scale(Duration.FromDays(3), sloWindow), Scale(Duration.FromHours(6), sloWindow)),
            ]);
    }

    /// <summary>Gets the share of the error budget a rule has seen spent when it fires: burn rate × long window / SLO window.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The share, for example 0.02 for 14.4× over 1 hour of a 30-day window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public double BudgetSpentWhenFiring(BurnRateAlertRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.BurnRate * rule.LongWindow.TotalNanoseconds / SloWindow.TotalNanoseconds;
    }

    /// <summary>Evaluates every rule on evaluations of one objective made at <paramref name="asOf"/>.</summary>
    /// <param name="evaluations">The evaluations.</param>
    /// <param name="target">The objective's target ratio in [0, 1).</param>
    /// <param name="asOf">The instant the look-backs end at (exclusive).</param>
    /// <returns>One result per rule, in rule order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is outside [0, 1).</exception>
    public ImmutableArray<BurnRateAlert> Evaluate(ReadOnlySpan<ObjectiveEvaluation> evaluations, double target, Instant asOf)
    {
        var accumulator = new BurnRateAccumulator(this, target, asOf);
        foreach (ref readonly var e in evaluations)
        {
            accumulator.Add(e.State, e.DecidedAt.GetValueOrDefault());
        }

        return accumulator.ToAlerts();
    }

    /// <summary>Returns a description such as <c>Burn-rate policy over 30:00:00:00 (4 rules)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Burn-rate policy over {SloWindow} ({Rules.Length} rules)");

    /// <summary>Scales a look-back of the 30-day table to another SLO window, exactly to the nanosecond (truncated).</summary>
    /// <remarks>Computed in <see cref="BigInteger"/> nanoseconds: any SLO window up to <see cref="Duration.MaxValue"/> scales
    /// without overflow, and the result (at most a tenth of the SLO window for the workbook's table) is again a duration.</remarks>
    internal static Duration Scale(Duration window, Duration sloWindow) =>
        Duration.FromNanoseconds(window.ToBigIntegerNanoseconds() * sloWindow.ToBigIntegerNanoseconds() / BaseWindow.ToBigIntegerNanoseconds());
}
