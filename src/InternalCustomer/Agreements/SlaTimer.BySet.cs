using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <content>Compliance and burn-rate alerts per objective set.</content>
public sealed partial class SlaTimer
{
    /// <summary>Evaluates one time objective of many requests and counts them into windows per objective set: each set's report
    /// holds the requests it measured, with budgets against its own target. Requests no set matches are counted in
    /// <see cref="ComplianceReport.Unmatched"/> of the agreement-wide report (<see cref="Compliance(ReadOnlySpan{ServiceRequest}, ObjectiveKind, Instant, ReadOnlySpan{Interval})"/>),
    /// whose budgets are the sums of the sets' budgets.</summary>
    /// <param name="requests">The requests, all measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before any request was opened.</param>
    /// <param name="windows">The windows, each a closed interval (see <see cref="ComplianceWindows"/>).</param>
    /// <returns>One report per set that has an objective of the kind, in set order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Compliance(ReadOnlySpan{ServiceRequest}, ObjectiveKind, Instant, ReadOnlySpan{Interval})"/>.</exception>
    public ImmutableArray<ObjectiveSetCompliance> ComplianceBySet(ReadOnlySpan<ServiceRequest> requests, ObjectiveKind kind, Instant asOf, ReadOnlySpan<Interval> windows)
    {
        RequireMeasures(kind);
        RangeGuard.Instant(asOf, nameof(asOf), "asOf");
        var sets = SetsMeasuring(kind);
        var accumulators = new ComplianceAccumulator[sets.Length];
        for (var k = 0; k < sets.Length; k++)
        {
            accumulators[k] = new ComplianceAccumulator(windows, sets[k].Objective(kind)!.Target);
        }

        for (var i = 0; i < requests.Length; i++)
        {
            var e = Evaluate(Checked(requests, i, asOf), kind, asOf, nameof(requests));
            if (IndexOf(sets, e.ObjectiveSet) is var k and >= 0)
            {
                accumulators[k].Add(e.State, e.DecidedAt.GetValueOrDefault());
            }
        }

        var builder = ImmutableArray.CreateBuilder<ObjectiveSetCompliance>(sets.Length);
        for (var k = 0; k < sets.Length; k++)
        {
            builder.Add(new ObjectiveSetCompliance(sets[k], accumulators[k].ToReport()));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Evaluates one time objective of many requests and counts them into windows per objective set, as
    /// <see cref="ComplianceBySet(ReadOnlySpan{ServiceRequest}, ObjectiveKind, Instant, ReadOnlySpan{Interval})"/>; takes the windows as any sequence.</summary>
    /// <param name="requests">The requests, all measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation; not before any request was opened.</param>
    /// <param name="windows">The windows, each a closed interval.</param>
    /// <returns>One report per set that has an objective of the kind, in set order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="windows"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Compliance(ReadOnlySpan{ServiceRequest}, ObjectiveKind, Instant, ReadOnlySpan{Interval})"/>.</exception>
    public ImmutableArray<ObjectiveSetCompliance> ComplianceBySet(ReadOnlySpan<ServiceRequest> requests, ObjectiveKind kind, Instant asOf, IEnumerable<Interval> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return ComplianceBySet(requests, kind, asOf, [.. windows]);
    }

    /// <summary>Evaluates the rules of a burn-rate alert policy per objective set, each against the set's own target.</summary>
    /// <param name="requests">The requests, all measured against this timer's agreement.</param>
    /// <param name="kind"><see cref="ObjectiveKind.FirstResponse"/> or <see cref="ObjectiveKind.Resolution"/>.</param>
    /// <param name="asOf">The instant of evaluation, where the look-backs end; not before any request was opened.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>One entry per set that has an objective of the kind, in set order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="EvaluateAlerts"/>.</exception>
    public ImmutableArray<ObjectiveSetAlerts> EvaluateAlertsBySet(ReadOnlySpan<ServiceRequest> requests, ObjectiveKind kind, Instant asOf, BurnRateAlertPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RequireMeasures(kind);
        RangeGuard.Instant(asOf, nameof(asOf), "asOf");
        var sets = SetsMeasuring(kind);
        var accumulators = new BurnRateAccumulator[sets.Length];
        for (var k = 0; k < sets.Length; k++)
        {
            accumulators[k] = new BurnRateAccumulator(policy, sets[k].Objective(kind)!.Target, asOf);
        }

        for (var i = 0; i < requests.Length; i++)
        {
            var e = Evaluate(Checked(requests, i, asOf), kind, asOf, nameof(requests));
            if (IndexOf(sets, e.ObjectiveSet) is var k and >= 0)
            {
                accumulators[k].Add(e.State, e.DecidedAt.GetValueOrDefault());
            }
        }

        var builder = ImmutableArray.CreateBuilder<ObjectiveSetAlerts>(sets.Length);
        for (var k = 0; k < sets.Length; k++)
        {
            builder.Add(new ObjectiveSetAlerts(sets[k], accumulators[k].ToAlerts()));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Evaluates one request for a caller that counts evaluations itself (the scorecard's per-set tallies); the
    /// caller has checked what <see cref="Tally"/> checks.</summary>
    internal ObjectiveEvaluation EvaluateChecked(ServiceRequest request, ObjectiveKind kind, Instant asOf) => Evaluate(request, kind, asOf, "requests");

    /// <summary>The sets that have an objective of a kind, in set order.</summary>
    internal ImmutableArray<ObjectiveSet> SetsMeasuring(ObjectiveKind kind) => [.. Agreement.ObjectiveSets.Where(s => s.Objective(kind) is not null)];

    /// <summary>The index of the set named <paramref name="name"/> in <paramref name="sets"/>, or -1.</summary>
    internal static int IndexOf(ImmutableArray<ObjectiveSet> sets, string? name)
    {
        if (name is null)
        {
            return -1;
        }

        for (var k = 0; k < sets.Length; k++)
        {
            if (ReferenceEquals(sets[k].Name, name) || sets[k].Name == name)
            {
                return k;
            }
        }

        return -1;
    }
}
