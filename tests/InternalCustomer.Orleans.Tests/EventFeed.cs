using System.Collections.Immutable;

namespace InternalCustomer.Orleans.Tests;

/// <summary>The example's events shuffled (seeded) and cut into batches of 1–40 events, each sent through an entry point
/// chosen at random: the external client or a silo.</summary>
internal sealed class EventFeed
{
    private EventFeed(ImmutableArray<(ImmutableArray<RequestDecided> Requests, ImmutableArray<ResponseReceived> Responses)> batches) => Batches = batches;

    public ImmutableArray<(ImmutableArray<RequestDecided> Requests, ImmutableArray<ResponseReceived> Responses)> Batches { get; }

    public static EventFeed Shuffled(ExampleData data, Random random)
    {
        var events = data.RequestEvents.Select(static e => (object)e).Concat(data.ResponseEvents).OrderBy(_ => random.Next()).ToList();
        var batches = ImmutableArray.CreateBuilder<(ImmutableArray<RequestDecided>, ImmutableArray<ResponseReceived>)>();
        for (var at = 0; at < events.Count;)
        {
            var size = Math.Min(random.Next(1, 41), events.Count - at);
            var batch = events.GetRange(at, size);
            batches.Add(([.. batch.OfType<RequestDecided>()], [.. batch.OfType<ResponseReceived>()]));
            at += size;
        }

        return new EventFeed(batches.ToImmutable());
    }

    /// <summary>Sends every batch through a random entry point, up to four at a time.</summary>
    /// <returns>How many events the grains counted.</returns>
    public async Task<int> PublishAsync(IReadOnlyList<ScorecardCluster> entries, Random random)
    {
        var counted = 0;
        var pending = new List<Task<int>>();
        foreach (var (requests, responses) in Batches)
        {
            pending.Add(entries[random.Next(entries.Count)].PublishAsync(requests, responses));
            if (pending.Count == 4)
            {
                counted += (await Task.WhenAll(pending)).Sum();
                pending.Clear();
            }
        }

        return counted + (await Task.WhenAll(pending)).Sum();
    }
}
