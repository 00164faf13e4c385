using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>The scorecard measures each action over its provider's requests and responses only; the effect must be the
/// one <see cref="ImprovementEffect"/> gives over all the data, for any data.</summary>
public class ScorecardEffectProperties
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 1, 0, 0);

    private static readonly string[] Providers = ["logistics", "hr", "quality"];

    private static readonly string[] Consumers = ["assembly", "paint"];

    // logistics and hr serve assembly and paint under agreements (monthly or quarterly reviews, UTC or Berlin); quality
    // serves assembly by a declared dependency only.
    private static readonly Organization Organization = BuildOrganization();

    private static readonly Relationship[] Pairs =
    [
        Pair("logistics", "assembly"), Pair("logistics", "paint"), Pair("hr", "assembly"), Pair("hr", "paint"), Pair("quality", "assembly"),
    ];

    private static Relationship Pair(string provider, string consumer) => new(DepartmentId.Parse(provider), DepartmentId.Parse(consumer));

    private static Organization BuildOrganization()
    {
        var builder = InternalCustomer.Organizations.Organization.CreateBuilder()
            .AddCalendar("utc", BusinessCalendar.AlwaysOpen("Etc/UTC"))
            .AddCalendar("berlin", BusinessCalendar.AlwaysOpen("Europe/Berlin"));
        foreach (var d in Providers.Concat(Consumers))
        {
            builder.AddDepartment(d, d);
        }

        builder.AddService("transport", "Transport", "logistics").AddService("payroll", "Payroll", "hr");
        var k = 0;
        foreach (var (provider, service) in new[] { ("logistics", "transport"), ("hr", "payroll") })
        {
            foreach (var consumer in Consumers)
            {
                builder.AddAgreement(new AgreementDraft($"{provider}-{consumer}")
                {
                    Provider = provider,
                    Consumer = consumer,
                    Services = [service],
                    Calendar = k % 2 == 0 ? "utc" : "berlin",
                    EffectiveFrom = new LocalDate(2026, 1, 1),
                    ReviewCadence = Period.FromMonths(k % 3 == 0 ? 1 : 3),
                    Resolution = new ObjectiveDraft(within: Duration.FromHours(4), target: 0.9),
                });
                k++;
            }
        }

        return builder.AddDependency("quality", "assembly", criticality: 3).Build();
    }

    private static Instant Random(Random random) => Instant.FromUtc(2026, 2, 1, 0, 0) + Duration.FromHours(random.Next(0, 24 * 120));

    [Property(MaxTest = 60)]
    public void Scorecard_effects_equal_a_direct_measurement_over_all_the_data(int seed)
    {
        var random = new Random(seed);
        var responses = Enumerable.Range(0, random.Next(0, 80))
            .Select(_ => new FeedbackResponse(
                DepartmentId.Parse(Consumers[random.Next(Consumers.Length)]),
                DepartmentId.Parse(Providers[random.Next(Providers.Length)]),
                Random(random),
                RatingScale.FivePoint,
                random.Next(1, 6)))
            .ToArray();
        var requests = Enumerable.Range(0, random.Next(0, 80))
            .Select(i =>
            {
                var agreement = Organization.Agreements[random.Next(Organization.Agreements.Length)];
                var opened = Random(random);
                var hours = random.Next(0, 9);
                return new ServiceRequest($"r{i}", agreement.Id, opened, resolved: hours == 0 ? null : opened + Duration.FromHours(hours));
            })
            .ToArray();
        var actions = Enumerable.Range(0, random.Next(1, 6))
            .Select(i =>
            {
                var pair = Pairs[random.Next(Pairs.Length)];
                var started = new LocalDate(2026, 3, 1).PlusDays(random.Next(0, 71));
                return random.Next(3) == 0
                    ? new ImprovementAction(ActionId.Parse($"a{i}"), pair, pair.Provider, "Action", started, ImprovementStatus.InProgress)
                    : new ImprovementAction(ActionId.Parse($"a{i}"), pair, pair.Provider, "Action", started, ImprovementStatus.Completed, started.PlusDays(random.Next(0, 20)));
            })
            .ToArray();
        var record = ImprovementRecord.Create(Organization, [], [], actions);

        var card = Scorecard.Compute(Organization, requests, responses, new ScorecardOptions(AsOf) { Improvement = record });

        var effects = card.Relationships.SelectMany(r => r.Effects).ToList();
        var completed = actions.Where(a => a.Status == ImprovementStatus.Completed).OrderBy(a => a.Id).ToList();
        Assert.Equal(completed.Select(a => a.Id), effects.Select(e => e.Action.Id).Order());
        foreach (var effect in effects)
        {
            var direct = ImprovementEffect.Measure(Organization, record, effect.Action.Id, requests, responses, new EffectOptions(AsOf));
            Assert.Equal(direct, effect);
            Assert.Equal(effect.Action.Relationship, card.Relationships.Single(r => r.Effects.Contains(effect)) is var r ? new Relationship(r.Provider, r.Consumer) : default);
        }

        Assert.Equal(
            actions.Where(a => a.IsInFlight).Select(a => a.Id).Order(),
            card.Relationships.SelectMany(r => r.ActionsInFlight).Select(a => a.Id).Order());
    }
}
