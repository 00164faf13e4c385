using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>A generated set of status-log requests (and, for <see cref="StatusLogDocumentGenerators.MixedSets"/>, shorthand ones), with its seed.</summary>
public sealed record StatusLogSet(IReadOnlyList<ServiceRequest> Requests, int Seed)
{
    public override string ToString() => $"seed {Seed}: {Requests.Count} requests";
}

/// <summary>A generated set of requests of both forms, with its seed.</summary>
public sealed record MixedRequestSet(IReadOnlyList<ServiceRequest> Requests, int Seed)
{
    public override string ToString() => $"seed {Seed}: {Requests.Count} requests";
}

/// <summary>
/// Requests given as status logs, for the interchange round trips: 1–7 entries with nanosecond instants, runs of equal
/// instants (whose order must survive), statuses with CSV's special characters, priority changes on some entries, and
/// a class (priority, service, category) on most requests.
/// </summary>
public static class StatusLogDocumentGenerators
{
    private static readonly string[] Statuses = ["New", "In Progress", "Waiting, customer", "say \"hi\"", "Resolved", "二线", " padded ", "semi;colon", "two\nlines"];
    private static readonly string[] Priorities = ["P1", "P2", "P3", "P4", "urgent.high", "优先"];
    private static readonly string[] Categories = ["Hardware", "Access, VPN", "quoted \"x\"", " padded ", "财务"];
    private static readonly string[] Ids = ["INC", "a,b", "say \"hi\"", "two\nlines", " padded ", "工单"];

    /// <summary>Status-log sets whose requests carry no request-level priority (the form the status-change CSV layout holds exactly).</summary>
    public static Arbitrary<StatusLogSet> LogSets() =>
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new StatusLogSet(LogSetFor(seed, requestPriority: false), seed)).ToArbitrary();

    /// <summary>Sets mixing shorthand requests and status logs, any of them with a request-level priority.</summary>
    public static Arbitrary<MixedRequestSet> MixedSets() =>
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new MixedRequestSet(MixedSetFor(seed), seed)).ToArbitrary();

    /// <summary>The status-log set for a seed: 0–30 requests with distinct ids.</summary>
    public static IReadOnlyList<ServiceRequest> LogSetFor(int seed, bool requestPriority)
    {
        var random = new Random(seed);
        var count = random.Next(0, 31);
        return [.. Enumerable.Range(0, count).Select(i => RandomLog(random, $"{Ids[random.Next(Ids.Length)]}-{i}", requestPriority))];
    }

    /// <summary>The mixed set for a seed: 0–30 requests with distinct ids, about half status logs.</summary>
    public static IReadOnlyList<ServiceRequest> MixedSetFor(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(0, 31);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var id = $"{Ids[random.Next(Ids.Length)]}-{i}";
            return random.Next(2) == 0 ? RandomLog(random, id, requestPriority: true) : InterchangeGenerators.RandomRequest(random, id);
        })];
    }

    /// <summary>A valid status log: non-decreasing instants (a third of the steps zero), some entries changing the priority.</summary>
    public static ServiceRequest RandomLog(Random random, string id, bool requestPriority)
    {
        var t = Instant.FromUtc(2020, 1, 1, 0, 0).PlusNanoseconds(random.NextInt64(0, 6L * 365 * 86_400 * 1_000_000_000));
        var log = new List<StatusChange>();
        for (var n = random.Next(1, 8); n > 0; n--)
        {
            log.Add(new StatusChange(t, Statuses[random.Next(Statuses.Length)], random.Next(3) == 0 ? PriorityId.Parse(Priorities[random.Next(Priorities.Length)]) : null));
            t = random.Next(3) == 0 ? t : t.PlusNanoseconds(random.NextInt64(1, 3L * 86_400 * 1_000_000_000));
        }

        var request = ServiceRequest.FromStatusLog(id, AgreementId.Parse($"sla-{random.Next(50)}"), log);
        return random.Next(4) == 0 ? request : Classed(random, request, requestPriority);
    }

    /// <summary>The request with a random class: each of priority (when allowed), service and category set or not.</summary>
    public static ServiceRequest Classed(Random random, ServiceRequest request, bool withPriority) =>
        request.WithClass(
            withPriority && random.Next(2) == 0
                ? request.StatusLog is [{ Priority: { } first }, ..] ? first : PriorityId.Parse(Priorities[random.Next(Priorities.Length)])
                : null,
            random.Next(2) == 0 ? ServiceId.Parse($"svc-{random.Next(20)}") : null,
            random.Next(2) == 0 ? Categories[random.Next(Categories.Length)] : null);
}
