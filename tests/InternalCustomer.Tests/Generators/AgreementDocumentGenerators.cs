using System.Text;
using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>
/// Organisations whose agreements use every part of issue 11's agreement shape in the organisation document: declared
/// priorities, objective sets selected by priority, service and category, objectives in business days, clock conditions
/// (every action, retroactive start, awkward status names) and exclusion windows with nanosecond instants.
/// </summary>
public static class AgreementDocumentGenerators
{
    private static readonly string[] PriorityPool = ["P1", "P2", "P3", "P4", "Sev.5", "紧急"];

    private static readonly string[] StatusPool =
        ["New", "In Progress", "Waiting for customer", "Resolved", "Reopened", "Withdrawn", "Reset", "已解决", "say \"done\"", " padded ", "a.b[0]"];

    private static readonly string[] Reasons = ["ERP upgrade", "Incident 42: \"core switch\"", "维护窗口", "line one\nline two"];

    private static readonly string[] Categories = ["hardware", "software", "网络", "access, accounts"];

    /// <summary>Organisations with priorities, objective sets, business days, clocks and exclusions.</summary>
    public static Arbitrary<Organization> OrganizationsWithObjectiveSets() =>
        Gen.Choose(0, int.MaxValue - 1).Select(OrganizationWithObjectiveSets).ToArbitrary();

    /// <summary>Their documents, mutated by 1–4 random edits (<see cref="InterchangeGenerators.Mutate"/>).</summary>
    public static Arbitrary<MutatedDocument> MutatedAgreementDocuments() =>
        Gen.Choose(0, int.MaxValue - 1)
            .Select(seed =>
            {
                var random = new Random(seed);
                var bytes = Encoding.UTF8.GetBytes(OrganizationJson.WriteToString(OrganizationWithObjectiveSets(random.Next())));
                return InterchangeGenerators.Mutate(bytes, random, seed);
            })
            .ToArbitrary();

    /// <summary>
    /// The organisation for a seed: <see cref="InterchangeGenerators.OrganizationWithAgreements"/> rebuilt with 0–6 declared
    /// priorities and each agreement kept, given objective sets, or given business days and clocks, and 0–3 exclusion windows.
    /// </summary>
    public static Organization OrganizationWithObjectiveSets(int seed)
    {
        var random = new Random(seed);
        var source = InterchangeGenerators.OrganizationWithAgreements(random.Next());
        var builder = new OrganizationBuilder();
        foreach (var d in source.Departments)
        {
            builder.AddDepartment(d);
        }

        foreach (var s in source.Services)
        {
            builder.AddService(s);
        }

        foreach (var d in source.Dependencies)
        {
            builder.AddDependency(d);
        }

        foreach (var (id, calendar) in source.Calendars)
        {
            builder.AddCalendar(id, calendar);
        }

        var priorities = PriorityPool.OrderBy(_ => random.Next()).Take(random.Next(0, PriorityPool.Length + 1)).Select(PriorityId.Parse).ToList();
        foreach (var p in priorities)
        {
            builder.AddPriority(p);
        }

        foreach (var a in source.Agreements)
        {
            var agreement = random.Next(3) switch
            {
                0 => a,
                1 => new ServiceAgreement(
                    a.Id, a.Provider, a.Consumer, a.Services, a.Calendar, a.EffectiveFrom, a.EffectiveUntil, a.ReviewCadence,
                    Objective(random, ObjectiveKind.FirstResponse, optional: true),
                    Objective(random, ObjectiveKind.Resolution, optional: true),
                    a.Satisfaction),
                _ => ServiceAgreement.Create(
                    a.Id, a.Provider, a.Consumer, a.Services, a.Calendar, a.EffectiveFrom, a.EffectiveUntil, a.ReviewCadence,
                    Sets(random, priorities, a), random.Next(2) == 0 ? null : a.Satisfaction),
            };
            var exclusions = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Exclusion(random)).ToList();
            builder.AddAgreement(exclusions.Count == 0 ? agreement : agreement.WithExclusions(exclusions));
        }

        return builder.Build();
    }

    /// <summary>1–4 sets that never overlap: each takes its own priorities (or, with none declared, its own categories),
    /// and may narrow to some of the agreement's services; sometimes one set for every request under another name.</summary>
    private static List<ObjectiveSet> Sets(Random random, List<PriorityId> priorities, ServiceAgreement a)
    {
        if (random.Next(5) == 0)
        {
            return [new ObjectiveSet("every request", RequestSelector.Any, Objective(random, ObjectiveKind.FirstResponse, optional: false), null)];
        }

        var sets = new List<ObjectiveSet>();
        var byPriority = priorities.Count > 0 && random.Next(4) > 0;
        var pool = byPriority ? priorities.Select(p => p.Value).ToList() : [.. Categories];
        pool = [.. pool.OrderBy(_ => random.Next())];
        var count = random.Next(1, Math.Min(4, pool.Count) + 1);
        for (var i = 0; i < count; i++)
        {
            // The i-th of count disjoint slices of the pool; the last takes the rest.
            var slice = pool.Skip(i * (pool.Count / count)).Take(i == count - 1 ? pool.Count : pool.Count / count).ToList();
            var services = random.Next(3) == 0 ? a.Services.OrderBy(_ => random.Next()).Take(random.Next(1, a.Services.Length + 1)).ToList() : null;
            var categories = byPriority
                ? random.Next(3) == 0 ? Categories.Take(random.Next(1, 3)).ToList() : null
                : slice;
            var firstResponse = Objective(random, ObjectiveKind.FirstResponse, optional: true);
            var resolution = firstResponse is null ? Objective(random, ObjectiveKind.Resolution, optional: false) : Objective(random, ObjectiveKind.Resolution, optional: true);
            sets.Add(new ObjectiveSet(
                random.Next(4) == 0 ? $"класс {i}" : string.Join("+", slice),
                new RequestSelector(byPriority ? slice.Select(PriorityId.Parse) : null, services, categories),
                firstResponse,
                resolution));
        }

        return sets;
    }

    private static TimeObjective? Objective(Random random, ObjectiveKind kind, bool optional)
    {
        if (optional && random.Next(3) == 0)
        {
            return null;
        }

        var target = random.Next(0, 1000) / 1000.0;
        var objective = random.Next(3) == 0
            ? kind == ObjectiveKind.FirstResponse
                ? TimeObjective.FirstResponseWithinBusinessDays(random.Next(1, 30), target)
                : TimeObjective.ResolutionWithinBusinessDays(random.Next(1, 30), target)
            : new TimeObjective(
                kind,
                Duration.FromMinutes(random.Next(1, 100_000)) + Duration.FromNanoseconds(random.Next(3) * 123_456_789L),
                target);
        if (random.Next(2) == 0)
        {
            objective = objective.WithWarningThresholds(random.Next(2) == 0 ? [0.25, 0.9] : [0.5, 0.75, 1]);
        }

        return random.Next(2) == 0 ? objective : objective.WithClock(Clock(random));
    }

    private static ClockConditions Clock(Random random)
    {
        var statuses = StatusPool.OrderBy(_ => random.Next()).Take(random.Next(2, StatusPool.Length + 1)).ToList();
        var actions = new List<KeyValuePair<string, ClockAction>>
        {
            new(statuses[0], ClockAction.Start),
            new(statuses[1], ClockAction.Stop),
        };
        actions.AddRange(statuses.Skip(2).Select(s => KeyValuePair.Create(s, (ClockAction)random.Next(1, 7))));
        return new ClockConditions(actions.OrderBy(_ => random.Next()), retroactiveStart: random.Next(2) == 0);
    }

    private static ExclusionWindow Exclusion(Random random)
    {
        var start = Instant.FromUtc(2025, 1, 1, 0, 0).PlusNanoseconds(random.NextInt64(0, 3L * 365 * 86_400 * 1_000_000_000));
        var end = start.PlusNanoseconds(random.NextInt64(1, 3L * 86_400 * 1_000_000_000));
        return new ExclusionWindow(
            new NodaTime.Interval(start, end),
            Reasons[random.Next(Reasons.Length)],
            random.Next(2) == 0 ? ExclusionEffect.ExcludeRequests : ExclusionEffect.ExcludeTime);
    }
}
