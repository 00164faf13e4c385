using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>
/// A seeded synthetic organisation with agreements, requests and feedback, for scorecard properties
/// and for the scorecard benchmark (this file is linked into the benchmark project).
/// Departments form a three-level hierarchy (divisions → departments → teams); each offers one
/// service; agreements join random pairs; requests and responses fall in the year before <see cref="AsOf"/>.
/// Optionally (all off by default, and then the scenario is the same as without the options, seed for seed) responses
/// rate a dimension set, some responses rate on other scales (to be set aside), and an improvement record holds
/// feedback campaigns, review meetings and improvement actions, some completed and measured; <see cref="Options"/> gives
/// the scorecard options that use them. The optional parts are drawn from their own random sequence.
/// </summary>
public sealed class ScorecardScenario
{
    /// <summary>The instant the scenario's data leads up to.</summary>
    public static readonly Instant AsOf = Instant.FromUtc(2026, 7, 1, 0, 0);

    private static readonly RatingScale[] OtherScales = [RatingScale.SevenPoint, RatingScale.ZeroToTen, RatingScale.Custom(1, 3)];

    private ScorecardScenario(Organization organization, ServiceRequest[] requests, FeedbackResponse[] responses, int seed, DimensionSet? dimensions, bool setsAside, ImprovementRecord? improvement)
    {
        Organization = organization;
        Requests = requests;
        Responses = responses;
        Seed = seed;
        Dimensions = dimensions;
        SetsAside = setsAside;
        Improvement = improvement;
    }

    public Organization Organization { get; }

    public ServiceRequest[] Requests { get; }

    public FeedbackResponse[] Responses { get; }

    public int Seed { get; }

    /// <summary>Gets the dimension set the responses rate, or null.</summary>
    public DimensionSet? Dimensions { get; }

    /// <summary>Gets a value indicating whether some responses rate on other scales than five points.</summary>
    public bool SetsAside { get; }

    /// <summary>Gets the improvement record, or null.</summary>
    public ImprovementRecord? Improvement { get; }

    public override string ToString() =>
        $"seed {Seed}: {Organization}, {Requests.Length} requests, {Responses.Length} responses"
        + (Dimensions is null ? string.Empty : $", dimensions [{string.Join(", ", Dimensions.Names)}]")
        + (SetsAside ? ", other scales set aside" : string.Empty)
        + (Improvement is null ? string.Empty : $", {Improvement}");

    /// <summary>The scorecard options as of <see cref="AsOf"/> that use the scenario's dimensions, other scales and record.</summary>
    public ScorecardOptions Options() =>
        new(AsOf)
        {
            Dimensions = Dimensions,
            OtherScales = SetsAside ? OtherScaleRule.SetAside : OtherScaleRule.Reject,
            Improvement = Improvement,
        };

    /// <summary>Builds a scenario.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="departments">The number of departments.</param>
    /// <param name="agreements">The number of agreements (fewer if the pairs run out).</param>
    /// <param name="requests">The number of requests.</param>
    /// <param name="responses">The number of responses.</param>
    /// <param name="dimensions">A dimension set that three in four responses rate (a few dimensions left unrated), or null.</param>
    /// <param name="otherScalePercent">The percentage of responses rated on another scale (7-point, 0–10 or 1–3), 0 to 100.</param>
    /// <param name="improvement">Whether to build an improvement record: two campaigns begun by <see cref="AsOf"/> and one
    /// after it, actions on agreement pairs in every status (most completed before <see cref="AsOf"/>, so measured,
    /// aiming at objectives or at the dimensions), and review meetings agreeing some of them.</param>
    public static ScorecardScenario Create(int seed, int departments, int agreements, int requests, int responses, DimensionSet? dimensions = null, int otherScalePercent = 0, bool improvement = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(otherScalePercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(otherScalePercent, 100);
        var extra = new Random(unchecked((seed * 31) + 17));
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

            var instant = start.Plus(Duration.FromSeconds(random.NextInt64(365L * 86_400)));
            var scale = RatingScale.FivePoint;
            var overall = 1 + Math.Min(4, random.Next(3) + random.Next(3));
            var recommend = random.Next(3) == 0 ? (int?)null : random.Next(11);
            var effort = random.Next(2) == 0 ? (int?)null : random.Next(1, 8);
            if (otherScalePercent > 0 && extra.Next(100) < otherScalePercent)
            {
                scale = OtherScales[extra.Next(OtherScales.Length)];
                overall = extra.Next(scale.Min, scale.Max + 1);
            }

            Dictionary<string, int>? perceptions = null, expectations = null;
            if (dimensions is not null && extra.Next(4) > 0)
            {
                perceptions = [];
                expectations = [];
                foreach (var name in dimensions.Names)
                {
                    if (extra.Next(10) > 0)
                    {
                        perceptions[name] = extra.Next(dimensions.Scale.Min, dimensions.Scale.Max + 1);
                    }

                    if (extra.Next(10) > 0)
                    {
                        expectations[name] = extra.Next(dimensions.Scale.Min, dimensions.Scale.Max + 1);
                    }
                }
            }

            responseArray[k] = new FeedbackResponse(
                respondent,
                subject,
                instant,
                scale,
                overall,
                recommend,
                effort,
                perceptions is null ? null : dimensions,
                perceptions,
                expectations);
        }

        var record = improvement ? Record(organization, extra, dimensions) : null;
        return new ScorecardScenario(organization, requestArray, responseArray, seed, dimensions, otherScalePercent > 0, record);
    }

    // Campaigns, actions and meetings of the scenario's organisation; actions and meetings are on agreement pairs, on or
    // after 2025-11-01 (every agreement has begun by then).
    private static ImprovementRecord Record(Organization organization, Random random, DimensionSet? dimensions)
    {
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var campaigns = new[]
        {
            FeedbackCampaign.Plan(organization, CampaignId.Parse("c-2026-q1"), new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)), berlin, Criticality.From(1)),
            FeedbackCampaign.Plan(organization, CampaignId.Parse("c-2026-q2"), new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30)), berlin, Criticality.From(1)),
            FeedbackCampaign.Plan(organization, CampaignId.Parse("c-2026-q3"), new DateInterval(new LocalDate(2026, 7, 15), new LocalDate(2026, 9, 30)), berlin, Criticality.From(1)),
        };
        var pairs = organization.Agreements.Select(a => new Relationship(a.Provider, a.Consumer)).Distinct().Order().ToArray();
        var actions = new List<ImprovementAction>();
        var meetings = new List<ReviewMeeting>();
        if (pairs.Length == 0)
        {
            return ImprovementRecord.Create(organization, campaigns, meetings, actions);
        }

        var first = new LocalDate(2025, 11, 1);
        for (var a = 0; a < Math.Max(2, pairs.Length / 2); a++)
        {
            var pair = pairs[random.Next(pairs.Length)];

            // The first two are completed by the end of April 2026, so measured.
            var started = first.PlusDays(random.Next(a < 2 ? 140 : 210));
            var status = (a < 2 ? 4 : random.Next(5)) switch
            {
                0 => ImprovementStatus.InProgress,
                1 => ImprovementStatus.Abandoned,
                2 => ImprovementStatus.Planned,
                _ => ImprovementStatus.Completed,
            };
            LocalDate? completed = status switch
            {
                ImprovementStatus.Completed => started.PlusDays(random.Next(a < 2 ? 35 : 40)),
                ImprovementStatus.Abandoned when random.Next(2) == 0 => started.PlusDays(random.Next(20)),
                _ => null,
            };
            actions.Add(new ImprovementAction(
                ActionId.Parse("act-" + a.ToString("D3", CultureInfo.InvariantCulture)),
                pair,
                pair.Provider,
                "Improve " + pair.Provider,
                started,
                status,
                completed,
                random.Next(3) == 0 ? null : (random.Next(2) == 0 ? ObjectiveKind.FirstResponse : ObjectiveKind.Resolution),
                dimensions is null || random.Next(2) == 0 ? null : dimensions.Names[random.Next(dimensions.Count)]));
        }

        for (var m = 0; m < Math.Max(1, pairs.Length / 3); m++)
        {
            var pair = pairs[random.Next(pairs.Length)];
            meetings.Add(new ReviewMeeting(
                MeetingId.Parse("m-" + m.ToString("D3", CultureInfo.InvariantCulture)),
                pair,
                first.PlusDays(random.Next(240)),
                [pair.Provider, pair.Consumer],
                actionsAgreed: actions.Where(x => x.Relationship == pair && random.Next(2) == 0).Select(x => x.Id)));
        }

        return ImprovementRecord.Create(organization, campaigns, meetings, actions);
    }
}
