using System.Collections.Immutable;
using InternalCustomer.Tests.Scorecards;
using InternalCustomer.Tests;
using Xunit.Abstractions;

namespace InternalCustomer.Orleans.Tests;

/// <summary>The roll-up on a real three-silo cluster with grain states in PostgreSQL: the built-in example's events in
/// random order across silos merge into Scorecard.Compute's scorecard exactly; a silo killed mid-stream and a full replay
/// lose nothing and count nothing twice.</summary>
[Collection(ClusterCollection.Name)]
public class ScorecardRollupTests(ITestOutputHelper output)
{
    // The example, its model and a random order whose seed the test's output shows.
    private (ExampleData Data, ScorecardModel Model, Random Random) Start()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        return (ExampleData.Instance, ExampleData.Instance.Model, new Random(seed));
    }

    [PostgresFact]
    public async Task Events_in_random_order_across_three_silos_merge_into_Compute_exactly()
    {
        var (data, model, random) = Start();
        await using var cluster = await ScorecardTestCluster.StartAsync(3, model);
        var entries = new[] { cluster.ViaClient(model) }.Concat(cluster.Cluster.Silos.Select(s => ScorecardTestCluster.ViaSilo(s, model))).ToArray();

        var feed = EventFeed.Shuffled(data, random);
        var counted = await feed.PublishAsync(entries, random);
        var scorecard = await entries[random.Next(entries.Length)].GetScorecardAsync();

        Assert.Equal(data.RequestEvents.Length + data.ResponseEvents.Length, counted);
        Assert.Null(ScorecardComparer.FirstDifference(data.Computed(), scorecard));

        // Every relationship with an event is listed and persisted (the directory's own state is one more row).
        var relationships = await entries[0].GetRelationshipsAsync();
        // Derived from the organisation, not from the model's routing under test: a request's agreement's pair, a
        // response's subject ← respondent.
        var expected = data.Requests.Select(r => data.Organization.GetAgreement(r.Agreement)).Select(a => new Relationship(a.Provider, a.Consumer))
            .Concat(data.Responses.Select(r => new Relationship(r.Subject, r.Respondent))).Distinct().Order();
        Assert.Equal(expected, relationships);
        Assert.Equal(relationships.Length + 1, await cluster.Schema.CountStatesAsync());

        // The same events again, in another order and through other silos: nothing counts twice.
        var replay = EventFeed.Shuffled(data, random);
        Assert.Equal(0, await replay.PublishAsync(entries, random));
        Assert.Null(ScorecardComparer.FirstDifference(data.Computed(), await entries[0].GetScorecardAsync()));
    }

    [PostgresFact]
    public async Task A_silo_killed_mid_stream_then_a_full_replay_loses_nothing_and_counts_nothing_twice()
    {
        var (data, model, random) = Start();
        await using var cluster = await ScorecardTestCluster.StartAsync(3, model);
        var victim = cluster.Cluster.Silos[2];
        var survivors = new[] { cluster.ViaClient(model) }.Concat(cluster.Cluster.Silos.Take(2).Select(s => ScorecardTestCluster.ViaSilo(s, model))).ToArray();
        var feed = EventFeed.Shuffled(data, random);

        // Stream through the survivors, four batches in flight, while the victim hosts a share of the grains; kill it a
        // third of the way in without waiting for the batches in flight.
        var killAt = feed.Batches.Length / 3;
        Task? kill = null;
        var failures = 0;
        var inFlight = new List<Task>();
        for (var i = 0; i < feed.Batches.Length; i++)
        {
            if (i == killAt)
            {
                kill = cluster.Cluster.KillSiloAsync(victim);
            }

            var (requests, responses) = feed.Batches[i];
            inFlight.Add(Publish(survivors[random.Next(survivors.Length)], requests, responses));
            if (inFlight.Count == 4)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
        await kill!;

        async Task Publish(ScorecardCluster entry, ImmutableArray<RequestDecided> requests, ImmutableArray<ResponseReceived> responses)
        {
            try
            {
                await entry.PublishAsync(requests, responses);
            }
            catch (Exception e) when (e is not ArgumentException)
            {
                // At-least-once delivery: a batch that failed (its grain was on the killed silo) is replayed below.
                Interlocked.Increment(ref failures);
            }
        }

        output.WriteLine($"{failures} of {feed.Batches.Length} batches failed around the kill");

        // Replay every event until a whole pass goes through (the cluster may still be declaring the silo dead).
        var replay = EventFeed.Shuffled(data, random);
        for (var pass = 1; ; pass++)
        {
            try
            {
                var counted = await replay.PublishAsync(survivors, random);
                output.WriteLine($"replay pass {pass} counted {counted} events");
                break;
            }
            catch (Exception e) when (e is not ArgumentException && pass < 20)
            {
                output.WriteLine($"replay pass {pass} failed: {e.GetType().Name}");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        var counts = await Task.WhenAll((await survivors[0].GetRelationshipsAsync()).Select(r => survivors[0].GetGrain(r).GetCountsAsync()));
        Assert.Equal(data.RequestEvents.Length, counts.Sum(c => c.Requests));
        Assert.Equal(data.ResponseEvents.Length, counts.Sum(c => c.Responses));
        Assert.Null(ScorecardComparer.FirstDifference(data.Computed(), await survivors[1].GetScorecardAsync()));
    }
}

/// <summary>Cluster tests run one at a time: each starts its own silos, and the machine is small.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Orleans clusters";
}
