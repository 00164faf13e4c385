using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>
/// A seeded synthetic organisation with agreements, requests and feedback, for scorecard properties
/// and for the scorecard benchmark (this file is linked into the benchmark project).
/// Departments form a three-level hierarchy (divisions → departments → teams); each offers one
/// service; agreements join random pairs; requests and responses fall in the year before <see cref="AsOf"/>.
/// </summary>
public sealed class ScorecardScenario
{
    /// <summary>The instant the scenario's data leads up to.</summary>
    public static readonly Instant AsOf = Instant.FromUtc(2026, 7, 1, 0, 0);

    private ScorecardScenario(Organization organization, ServiceRequest[] requests, FeedbackResponse[] responses, int seed)
    {
        Organization = organization;
        Requests = requests;
        Responses = responses;
        Seed = seed;
    }

    public Organization Organization { get; }

    public ServiceRequest[] Requests { get; }

    public FeedbackResponse[] Responses { get; }

    public int Seed { get; }

    public override string ToString() =>
        $"seed {Seed}: {Organization}, {Requests.Length} requests, {Responses.Length} responses";

    /// <summary>Builds a scenario.</summary>
    public static ScorecardScenario Create(int seed, int departments, int agreements, int requests, int responses)
    {
        var random = new Random(seed);
        var builder = Organization.CreateBuilder();
        var ids = new string[departments];
        for (var i = 0; i < departments; i++)
        {
            ids[i] = "dept-" + i.ToString("D5", CultureInfo.InvariantCulture);

            // Roughly 1 in 10 are divisions (roots); the rest hang under an earlier department.
            string? parent = i == 0 || random.Next(10) == 0 ? null : ids[random.Next(i)];
            builder.AddDepartment(ids[i], "Department " + i.ToString(CultureInfo.InvariantCulture), parent);
            builder.AddService("svc-" + i.ToString("D5", CultureInfo.InvariantCulture), "Service " + i.ToString(CultureInfo.InvariantCulture), ids[i]);
        }

        builder.AddCalendar("office", BusinessCalendar.WeekdaysNineToFive("Europe/Berlin"));
        builder.AddCalendar("shifts", BusinessCalendar.AlwaysOpen("Asia/Shanghai"));
        var pairs = new HashSet<(int, int)>();
        var agreementIds = new List<AgreementId>();
        for (var attempt = 0; agreementIds.Count < agreements && departments > 1 && attempt < agreements * 20; attempt++)
        {
            var provider = random.Next(departments);
            var consumer = random.Next(departments);
            if (provider == consumer || !pairs.Add((provider, consumer)))
            {
                continue;
            }

            var id = "agr-" + agreementIds.Count.ToString("D6", CultureInfo.InvariantCulture);
            builder.AddAgreement(new AgreementDraft(id)
                {
                    Provider = ids[provider],
                    Consumer = ids[consumer],
                    Services = ["svc-" + provider.ToString("D5", CultureInfo.InvariantCulture)],
                    Calendar = random.Next(4) == 0 ? "shifts" : "office",
                    EffectiveFrom = new LocalDate(2025, 1, 1).PlusDays(random.Next(300)),
                    ReviewCadence = Period.FromMonths(random.Next(2) == 0 ? 3 : 12),
                    FirstResponse = new ObjectiveDraft(within: Duration.FromHours(random.Next(1, 9)), target: 0.8 + (random.Next(15) / 100.0)),
                    Resolution = new ObjectiveDraft(within: Duration.FromHours(random.Next(8, 41)), target: 0.8 + (random.Next(15) / 100.0)),
                    SatisfactionTarget = random.Next(3) == 0 ? null : 0.7 + (random.Next(20) / 100.0),
                });
            agreementIds.Add(AgreementId.Parse(id));
        }

        for (var i = 0; i < departments / 20; i++)
        {
            var consumer = random.Next(departments);
            var provider = random.Next(departments);
            if (consumer != provider && pairs.Add((provider, consumer)))
            {
                builder.AddDependency(ids[provider], ids[consumer], random.Next(1, 6));
            }
        }

        var organization = builder.Build();
        var start = AsOf.Minus(Duration.FromDays(365));
        var requestArray = new ServiceRequest[agreementIds.Count == 0 ? 0 : requests];
        for (var r = 0; r < requestArray.Length; r++)
        {
            var opened = start.Plus(Duration.FromSeconds(random.NextInt64(365L * 86_400)));
            var first = random.Next(10) == 0 ? (Instant?)null : opened.Plus(Duration.FromMinutes(random.Next(1, 60 * 24)));
            var resolved = first is { } f && random.Next(8) > 0 ? f.Plus(Duration.FromMinutes(random.Next(1, 60 * 24 * 5))) : (Instant?)null;
            Interval[]? pauses = null;
            if (resolved is { } end && random.Next(4) == 0)
            {
                var pauseStart = opened.Plus((end - opened) / 3);
                pauses = [new Interval(pauseStart, pauseStart.Plus((end - opened) / 4))];
            }

            requestArray[r] = new ServiceRequest(
                "req-" + r.ToString(CultureInfo.InvariantCulture),
                agreementIds[random.Next(agreementIds.Count)],
                opened,
                first,
                resolved,
                pauses);
        }

        var responseArray = new FeedbackResponse[departments < 2 ? 0 : responses];
        var agreementList = organization.Agreements;

        // Feedback is mostly about agreements, the rest about a small pool of other pairs: as in a real
        // organisation, the relationships with feedback number in the thousands, not the millions.
        var otherPairs = Enumerable.Range(0, Math.Max(1, departments / 5)).Select(_ =>
        {
            var s = random.Next(departments);
            var c = (s + 1 + random.Next(departments - 1)) % departments;
            return (Subject: DepartmentId.Parse(ids[s]), Respondent: DepartmentId.Parse(ids[c]));
        }).ToArray();
        for (var k = 0; k < responseArray.Length; k++)
        {
            DepartmentId subject, respondent;
            if (agreementList.Length > 0 && random.Next(5) > 0)
            {
                var a = agreementList[random.Next(agreementList.Length)];
                (subject, respondent) = (a.Provider, a.Consumer);
            }
            else
            {
                (subject, respondent) = otherPairs[random.Next(otherPairs.Length)];
            }

            responseArray[k] = new FeedbackResponse(
                respondent,
                subject,
                start.Plus(Duration.FromSeconds(random.NextInt64(365L * 86_400))),
                RatingScale.FivePoint,
                1 + Math.Min(4, random.Next(3) + random.Next(3)),
                recommend: random.Next(3) == 0 ? null : random.Next(11),
                effort: random.Next(2) == 0 ? null : random.Next(1, 8));
        }

        return new ScorecardScenario(organization, requestArray, responseArray, seed);
    }
}
