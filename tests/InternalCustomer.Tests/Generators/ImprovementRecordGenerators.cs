using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Agreements;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using InternalCustomer.Tests.Cli;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>
/// Valid improvement records of the built-in example organisation, drawn from a seed: campaigns with invitations between
/// any two departments (in several zones, possibly none), actions on the organisation's relationships in every status,
/// meetings of those relationships on or after their agreements start, naming some of their agreements (or none) and
/// agreeing some of the actions.
/// </summary>
public static class ImprovementRecordGenerators
{
    internal static readonly Organization Organization = ExampleOrganization.Organization();

    private static readonly string[] Zones = ["Europe/Berlin", "UTC", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe"];
    private static readonly string[] Texts = ["Standby pool", "A \"feeding\" route, with a buffer", "人力资源部 回访", "Line\nbreak and tab\t"];
    private static readonly LocalDate Start = new(2025, 7, 1);

    /// <summary>Records from seeds over the whole int range.</summary>
    public static Arbitrary<ImprovementRecord> Records() => Gen.Choose(0, int.MaxValue - 1).Select(Record).ToArbitrary();

    internal static ImprovementRecord Record(int seed)
    {
        var random = new Random(seed);
        var departments = Organization.Departments.Select(d => d.Id).ToArray();
        var pairs = Organization.Agreements.Select(a => new Relationship(a.Provider, a.Consumer))
            .Concat(Organization.Dependencies.Select(d => new Relationship(d.Provider, d.Consumer)))
            .Distinct().Order().ToArray();

        var campaigns = new List<FeedbackCampaign>();
        for (var c = random.Next(4); c > 0; c--)
        {
            var start = Start.PlusDays(random.Next(400));
            var invitations = new Dictionary<Relationship, Invitation>();
            for (var i = random.Next(6); i > 0; i--)
            {
                var provider = departments[random.Next(departments.Length)];
                var consumer = departments[random.Next(departments.Length)];
                if (provider != consumer)
                {
                    invitations[new Relationship(provider, consumer)] = new Invitation(new Relationship(provider, consumer), 1 + random.Next(12));
                }
            }

            campaigns.Add(new FeedbackCampaign(
                CampaignId.Parse($"c{c}-{random.Next(1000)}"),
                new DateInterval(start, start.PlusDays(random.Next(120))),
                DateTimeZoneProviders.Tzdb[Zones[random.Next(Zones.Length)]],
                invitations.Values));
        }

        var actions = new List<ImprovementAction>();
        for (var a = random.Next(5); a > 0; a--)
        {
            var status = (ImprovementStatus)(1 + random.Next(4));
            var started = Start.PlusDays(random.Next(360));
            LocalDate? completed = status switch
            {
                ImprovementStatus.Completed => started.PlusDays(random.Next(90)),
                ImprovementStatus.Abandoned when random.Next(2) == 0 => started.PlusDays(random.Next(30)),
                _ => null,
            };
            actions.Add(new ImprovementAction(
                ActionId.Parse($"a{a}"),
                pairs[random.Next(pairs.Length)],
                departments[random.Next(departments.Length)],
                Texts[random.Next(Texts.Length)],
                started,
                status,
                completed,
                random.Next(3) == 0 ? null : (ObjectiveKind)(1 + random.Next(3)),
                random.Next(2) == 0 ? null : "reliability"));
        }

        var meetings = new List<ReviewMeeting>();
        for (var m = random.Next(5); m > 0; m--)
        {
            var pair = pairs[random.Next(pairs.Length)];
            var between = Organization.Agreements.Where(x => x.Provider == pair.Provider && x.Consumer == pair.Consumer).ToArray();
            var present = departments.Where(_ => random.Next(8) == 0).Append(pair.Consumer).Distinct();
            meetings.Add(new ReviewMeeting(
                MeetingId.Parse($"m{m}"),
                pair,
                Start.PlusDays(random.Next(360)),
                present,
                random.Next(2) == 0 ? null : Texts[random.Next(Texts.Length)],
                actions.Where(x => x.Relationship == pair && random.Next(2) == 0).Select(x => x.Id),
                between.Where(_ => random.Next(2) == 0).Select(x => x.Id)));
        }

        return ImprovementRecord.Create(Organization, campaigns, meetings, actions);
    }
}
