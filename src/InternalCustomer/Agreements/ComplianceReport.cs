using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>
/// Compliance of one objective over a set of windows, by the decision-instant rule, with the undecided requests
/// reported separately.
/// </summary>
/// <remarks>
/// <para><b>Decision-instant rule.</b> A request is decided when it is resolved (met) or when its deadline passes
/// unresolved (breached, decided at the deadline); it counts in every window that contains its decision instant,
/// so a request resolved late counts where its deadline fell. Compliance of a window = met / decided.</para>
/// <para>Windows may overlap (each counts on its own); windows that are sorted and disjoint, such as consecutive
/// months, are searched by bisection. Decided requests outside every window are counted in
/// <see cref="DecidedOutside"/>. Undecided requests belong to no window: they are counted in <see cref="InFlight"/>,
/// and among those, <see cref="AtRisk"/> and <see cref="Paused"/>.</para>
/// </remarks>
public sealed class ComplianceReport
{
    internal ComplianceReport(ImmutableArray<WindowCompliance> windows, long inFlight, long atRisk, long paused, long decidedOutside)
    {
        Windows = windows;
        InFlight = inFlight;
        AtRisk = atRisk;
        Paused = paused;
        DecidedOutside = decidedOutside;
    }

    /// <summary>Gets the compliance in each window, in the order the windows were given.</summary>
    public ImmutableArray<WindowCompliance> Windows { get; }

    /// <summary>Gets the number of undecided requests (in progress, at risk or paused).</summary>
    public long InFlight { get; }

    /// <summary>Gets the number of undecided requests past a warning threshold.</summary>
    public long AtRisk { get; }

    /// <summary>Gets the number of undecided requests waiting on the customer.</summary>
    public long Paused { get; }

    /// <summary>Gets the number of decided requests whose decision instant lies in no window.</summary>
    public long DecidedOutside { get; }

    /// <summary>Computes compliance from evaluations of one objective made at the same <c>asOf</c>.</summary>
    /// <param name="evaluations">The evaluations.</param>
    /// <param name="windows">The windows, each a closed interval <c>[start, end)</c>.</param>
    /// <param name="target">The objective's target ratio in [0, 1), for the error budget of each window.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is outside [0, 1).</exception>
    /// <exception cref="ArgumentException">A window lacks a start or an end, or the evaluations are of different objectives.</exception>
    public static ComplianceReport From(ReadOnlySpan<ObjectiveEvaluation> evaluations, ReadOnlySpan<Interval> windows, double target)
    {
        var accumulator = new ComplianceAccumulator(windows, target);
        ObjectiveKind? kind = null;
        for (var i = 0; i < evaluations.Length; i++)
        {
            ref readonly var e = ref evaluations[i];
            kind ??= e.Kind;
            if (e.Kind != kind)
            {
                throw new ArgumentException($"Expected evaluations of one objective ({kind}); evaluations[{i}] is of {e.Kind}.", nameof(evaluations));
            }

            accumulator.Add(e.State, e.DecidedAt.GetValueOrDefault());
        }

        return accumulator.ToReport();
    }
}
