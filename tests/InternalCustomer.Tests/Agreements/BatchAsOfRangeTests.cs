using InternalCustomer.Agreements;
using NodaTime;
using static InternalCustomer.Tests.Agreements.Desk;

namespace InternalCustomer.Tests.Agreements;

// Every public batch call of the SLA timer checks its asOf against the supported range once, with requests or without:
// SupportedRange.MaxInstant (exclusive) is refused with an ArgumentOutOfRangeException naming asOf, the last instant before
// it is accepted.
public class BatchAsOfRangeTests
{
    private static readonly SlaTimer Timer = new(
        Single(TimeObjective.FirstResponseWithin(Duration.FromHours(1), 0.9), TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9)),
        Utc);

    private static readonly Interval[] Windows = [new(Mar(1, 0), Mar(31, 0))];

    public static TheoryData<string> Calls() =>
        ["Evaluate", "EvaluateAll", "Compliance", "ComplianceOfSequence", "Tally", "EvaluateAlerts", "ComplianceBySet", "ComplianceBySetOfSequence", "EvaluateAlertsBySet"];

    private static void Call(string name, ServiceRequest[] requests, Instant asOf)
    {
        const ObjectiveKind kind = ObjectiveKind.Resolution;
        var policy = BurnRateAlertPolicy.SreWorkbook(Duration.FromDays(30));
        switch (name)
        {
            case "Evaluate":
                Timer.Evaluate(requests, kind, asOf, new ObjectiveEvaluation[requests.Length]);
                break;
            case "EvaluateAll":
                Timer.EvaluateAll(requests, kind, asOf);
                break;
            case "Compliance":
                Timer.Compliance(requests, kind, asOf, Windows.AsSpan());
                break;
            case "ComplianceOfSequence":
                Timer.Compliance(requests, kind, asOf, Windows.ToList());
                break;
            case "Tally":
                Timer.Tally(requests, kind, asOf);
                break;
            case "EvaluateAlerts":
                Timer.EvaluateAlerts(requests, kind, asOf, policy);
                break;
            case "ComplianceBySet":
                Timer.ComplianceBySet(requests, kind, asOf, Windows.AsSpan());
                break;
            case "ComplianceBySetOfSequence":
                Timer.ComplianceBySet(requests, kind, asOf, Windows.ToList());
                break;
            case "EvaluateAlertsBySet":
                Timer.EvaluateAlertsBySet(requests, kind, asOf, policy);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown call.");
        }
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void An_asOf_at_the_end_of_the_supported_range_is_refused_with_requests_or_without(string call)
    {
        ServiceRequest[] one = [new("INC-1", Id, Mar(2, 9), null, Mar(2, 12))];
        foreach (var requests in new[] { one, [] })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Call(call, requests, SupportedRange.MaxInstant));
            Assert.Equal("asOf", e.ParamName);
        }

        // The last instant inside the range is accepted.
        Call(call, one, SupportedRange.MaxInstant - Duration.Epsilon);
    }
}
