using System.Collections.Frozen;
using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <content>The SLA view: each agreement's requests tallied by its timer.</content>
public static partial class Scorecard
{
    // Tallies per agreement (all its sets together, unmatched requests included) and, for agreements whose objectives
    // depend on the request's class, per objective set in set order.
    internal sealed record SlaData(
        FrozenDictionary<AgreementId, (SlaTally FirstResponse, SlaTally Resolution)> Tallies,
        FrozenDictionary<AgreementId, (SlaTally[] FirstResponse, SlaTally[] Resolution)> BySet);

    internal static bool HasClasses(ServiceAgreement agreement) => !(agreement.ObjectiveSets is [] or [{ Selector.IsAny: true }]);

    // One request of an agreement with objective sets, counted into the agreement's tally and its set's, by the rule of SlaTimer.Tally.
    internal static void CountBySet(SlaTimer timer, ServiceRequest request, ObjectiveKind kind, Instant asOf, Interval? window, ref SlaTally whole, SlaTally[] sets)
    {
        if (!timer.Agreement.Measures(kind))
        {
            return;
        }

        var e = timer.EvaluateChecked(request, kind, asOf);
        if (e.DecidedAt is { } decided && window is { } inside && !inside.Contains(decided))
        {
            return;
        }

        whole = whole.Add(e);
        if (SlaTimer.IndexOf(timer.Agreement.ObjectiveSets, e.ObjectiveSet) is var k and >= 0)
        {
            sets[k] = sets[k].Add(e);
        }
    }
}
