using System.Collections.Frozen;
using InternalCustomer.Agreements;
using InternalCustomer.Organizations;

namespace InternalCustomer.Scorecards;

/// <content>The SLA view: each agreement's requests tallied by its timer.</content>
public static partial class Scorecard
{
    private sealed record SlaData(FrozenDictionary<AgreementId, (SlaTally FirstResponse, SlaTally Resolution)> Tallies);

    // Requests opened after the as-of instant did not exist yet. The rest are grouped by agreement (one counting
    // sort, no per-request allocation) and each group is tallied by the agreement's timer (SlaTimer.Tally), which
    // applies the decision-instant rule to the options' compliance window.
    private static SlaData TallyRequests(Organization organization, ReadOnlySpan<ServiceRequest> requests, int[] agreementOf, ScorecardOptions options)
    {
        var agreements = organization.Agreements;
        var asOf = options.AsOf;
        var counts = new int[agreements.Length + 1];
        for (var i = 0; i < requests.Length; i++)
        {
            if (requests[i].Opened <= asOf)
            {
                counts[agreementOf[i] + 1]++;
            }
        }

        for (var a = 0; a < agreements.Length; a++)
        {
            counts[a + 1] += counts[a];
        }

        var grouped = new ServiceRequest[counts[agreements.Length]];
        var next = counts[..^1];
        for (var i = 0; i < requests.Length; i++)
        {
            if (requests[i].Opened <= asOf)
            {
                grouped[next[agreementOf[i]]++] = requests[i];
            }
        }

        var tallies = new Dictionary<AgreementId, (SlaTally, SlaTally)>(agreements.Length);
        for (var a = 0; a < agreements.Length; a++)
        {
            var agreement = agreements[a];
            var own = grouped.AsSpan(counts[a], counts[a + 1] - counts[a]);
            var first = SlaTally.Empty;
            var resolution = SlaTally.Empty;
            if (!own.IsEmpty && (agreement.FirstResponse is not null || agreement.Resolution is not null))
            {
                var timer = organization.TimerFor(agreement.Id);
                first = agreement.FirstResponse is null ? first : timer.Tally(own, ObjectiveKind.FirstResponse, asOf, options.ComplianceWindow);
                resolution = agreement.Resolution is null ? resolution : timer.Tally(own, ObjectiveKind.Resolution, asOf, options.ComplianceWindow);
            }

            tallies[agreement.Id] = (first, resolution);
        }

        return new SlaData(tallies.ToFrozenDictionary());
    }
}
