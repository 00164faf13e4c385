using System.Collections.Immutable;
using System.Globalization;
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

    /// <summary>Gets how many requests no objective set matched (<see cref="SlaState.Unmatched"/>): a data problem to report.</summary>
    public long Unmatched { get; internal init; }

    /// <summary>Gets how many requests the objective did not measure at all: <see cref="Unmatched"/> ones and those
    /// <see cref="SlaState.NotMeasured"/>, <see cref="SlaState.NotStarted"/>, <see cref="SlaState.Cancelled"/> or <see cref="SlaState.Excluded"/>.</summary>
    public long Unmeasured { get; internal init; }

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

    /// <summary>Computes compliance from evaluations, as <see cref="From(ReadOnlySpan{ObjectiveEvaluation}, ReadOnlySpan{Interval}, double)"/>;
    /// takes the windows as <see cref="ComplianceWindows"/> returns them or as any other sequence.</summary>
    /// <param name="evaluations">The evaluations.</param>
    /// <param name="windows">The windows, each a closed interval <c>[start, end)</c>.</param>
    /// <param name="target">The objective's target ratio in [0, 1), for the error budget of each window.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="windows"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is outside [0, 1).</exception>
    /// <exception cref="ArgumentException">A window lacks a start or an end, or the evaluations are of different objectives.</exception>
    public static ComplianceReport From(ReadOnlySpan<ObjectiveEvaluation> evaluations, IEnumerable<Interval> windows, double target)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return From(evaluations, [.. windows], target);
    }

    /// <summary>Returns a description such as <c>2 windows from 2026-01-01T00:00:00Z to 2026-03-01T00:00:00Z: 120 decided (5 breached), 4 in flight (1 at risk, 0 paused), 2 decided outside</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var decided = 0L;
        var breached = 0L;
        foreach (var w in Windows)
        {
            decided += w.Decided;
            breached += w.Breached;
        }

        var span = Windows.IsEmpty
            ? "no windows"
            : string.Create(CultureInfo.InvariantCulture, $"{Windows.Length} window{(Windows.Length == 1 ? string.Empty : "s")} from {Windows.Min(w => w.Window.Start)} to {Windows.Max(w => w.Window.End)}");
        return string.Create(CultureInfo.InvariantCulture, $"{span}: {decided} decided ({breached} breached), {InFlight} in flight ({AtRisk} at risk, {Paused} paused), {DecidedOutside} decided outside");
    }
}
