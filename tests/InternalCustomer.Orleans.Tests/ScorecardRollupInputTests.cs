using System.Collections.Immutable;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Tests;
using InternalCustomer.Tests.Scorecards;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;

namespace InternalCustomer.Orleans.Tests;

/// <summary>A one-silo cluster for the input tests, started once for the class.</summary>
public sealed class SingleSiloCluster : IAsyncLifetime
{
    private ScorecardTestCluster? _cluster;

    /// <summary>Gets the cluster.</summary>
    public ScorecardTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <inheritdoc/>
    /// <remarks>Without a PostgreSQL server outside CI the cluster is not started: the tests that need it are
    /// <see cref="InternalCustomer.Tests.PostgresFactAttribute"/>s and are skipped.</remarks>
    public async Task InitializeAsync()
    {
        if (InternalCustomer.Tests.PostgresServer.SkipReason is null)
        {
            _cluster = await ScorecardTestCluster.StartAsync(1, ExampleData.Instance.Model);
        }
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>Bad input to the public API: null events, events of another organisation, unknown relationships, events sent
/// to the wrong grain, and a counted id replayed with other content — each rejected with the parameter named and nothing
/// counted; and the events' Orleans serialisation is exact. The tests share one cluster, so each compares a grain's counts
/// with what they were before it ran rather than with zero.</summary>
[Collection(ClusterCollection.Name)]
public class ScorecardRollupInputTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    private static readonly ExampleData Data = ExampleData.Instance;

    private ScorecardCluster Roll => fixture.Cluster.ViaClient(Data.Model);

    [Fact]
    public void Events_reject_null_and_blank_parts()
    {
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => new RequestDecided(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => new ResponseReceived(null!, Data.Responses[0])).ParamName);
        Assert.Equal("response", Assert.Throws<ArgumentNullException>(() => new ResponseReceived("r-1", null!)).ParamName);
        foreach (var id in new[] { "", "  ", new string('x', ResponseReceived.MaxIdLength + 1) })
        {
            var thrown = Assert.Throws<ArgumentException>(() => new ResponseReceived(id, Data.Responses[0]));
            Assert.Equal("id", thrown.ParamName);
            Assert.StartsWith($"Expected a non-blank response event id of at most 256 characters; got \"", thrown.Message, StringComparison.Ordinal);
            Assert.Contains($"({id.Length} characters)", thrown.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Relationship_keys_round_trip_and_reject_what_is_not_one()
    {
        var relationship = Data.Model.RelationshipOf(Data.Requests[0]);
        Assert.Equal(relationship, RelationshipKey.Parse(RelationshipKey.Format(relationship)));
        Assert.Equal($"{relationship.Provider}>{relationship.Consumer}", RelationshipKey.Format(relationship));
        Assert.Equal("relationship", Assert.Throws<ArgumentException>(() => RelationshipKey.Format(default)).ParamName);
        foreach (var key in new[] { "", "it", "it>", ">it", "it>fin ance", "a>b>c" })
        {
            var thrown = Assert.Throws<ArgumentException>(() => RelationshipKey.Parse(key));
            Assert.Equal("key", thrown.ParamName);
            Assert.StartsWith($"Expected a relationship key 'provider>consumer' of two department ids; got \"{key}\".", thrown.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Events_of_another_organisation_are_rejected_before_anything_is_sent()
    {
        var foreign = new ServiceRequest("elsewhere-1", AgreementId.Parse("no-such-agreement"), Data.Requests[0].Opened);
        var thrown = Assert.Throws<ArgumentException>(() => Data.Model.RelationshipOf(foreign));
        Assert.Equal("request", thrown.ParamName);
        Assert.StartsWith("Expected a request under an agreement of this organization; got request 'elsewhere-1' under agreement 'no-such-agreement', which it lacks.", thrown.Message, StringComparison.Ordinal);

        var stranger = new FeedbackResponse(DepartmentId.Parse("nobody-here"), Data.Responses[0].Subject, Data.Responses[0].Instant, Data.Responses[0].OverallScale, 3);
        var response = Assert.Throws<ArgumentException>(() => Data.Model.RelationshipOf(stranger));
        Assert.Equal("response", response.ParamName);
        Assert.StartsWith("Expected a response between departments of this organization; got one whose respondent 'nobody-here' it lacks.", response.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Publishing_rejects_null_and_foreign_events_and_counts_nothing()
    {
        var roll = Roll;
        var before = await roll.GetRelationshipsAsync();
        var counts = await roll.GetGrain(Data.Model.RelationshipOf(Data.Requests[1])).GetCountsAsync();
        Assert.Equal("requests", (await Assert.ThrowsAsync<ArgumentNullException>(() => roll.PublishAsync(null!, []))).ParamName);
        Assert.Equal("responses", (await Assert.ThrowsAsync<ArgumentNullException>(() => roll.PublishAsync([], null!))).ParamName);
        var nullElement = await Assert.ThrowsAsync<ArgumentNullException>(() => roll.PublishAsync([Data.RequestEvents[0], null!], []));
        Assert.Equal("requests", nullElement.ParamName);
        Assert.StartsWith("Expected request events; got null at index 1.", nullElement.Message, StringComparison.Ordinal);

        // A good event (an id no test counts) and a foreign one in one call: the foreign one is found before any is sent.
        var good = new RequestDecided(ExampleData.Renamed(Data.Requests[1], $"input-{Guid.NewGuid():N}"));
        var foreign = new RequestDecided(new ServiceRequest("elsewhere-2", AgreementId.Parse("no-such-agreement"), Data.Requests[0].Opened));
        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => roll.PublishAsync([good, foreign], []));
        Assert.Equal("request", thrown.ParamName);
        Assert.Equal(before.ToArray(), (await roll.GetRelationshipsAsync()).ToArray());
        Assert.Equal(counts, await roll.GetGrain(Data.Model.RelationshipOf(Data.Requests[1])).GetCountsAsync());

        // The good event alone counts: what was refused above was refused, not lost.
        Assert.Equal(1, await roll.PublishAsync([good], []));
        Assert.Equal((counts.Requests + 1, counts.Responses), await roll.GetGrain(Data.Model.RelationshipOf(Data.Requests[1])).GetCountsAsync());
    }

    [PostgresFact]
    public void An_unknown_relationship_has_no_grain()
    {
        var known = Data.Model.RelationshipOf(Data.Requests[0]);
        foreach (var unknown in new[] { new Relationship(DepartmentId.Parse("nobody-here"), known.Consumer), new Relationship(known.Provider, DepartmentId.Parse("nobody-here")), default })
        {
            var thrown = Assert.Throws<ArgumentException>(() => Roll.GetGrain(unknown));
            Assert.Equal("relationship", thrown.ParamName);
            Assert.Contains("which names a department it lacks.", thrown.Message, StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public async Task A_grain_rejects_events_of_another_relationship_and_keys_of_unknown_departments()
    {
        var request = Data.RequestEvents[2];
        var relationship = Data.Model.RelationshipOf(request.Request);
        var other = Data.ResponseEvents.First(e => Data.Model.RelationshipOf(e.Response) != relationship);
        var grain = Roll.GetGrain(relationship);
        var counts = await grain.GetCountsAsync();
        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => grain.AddAsync([request], [other]));
        Assert.Contains($"Expected events of {relationship.Provider} ← {relationship.Consumer}; got response event '{other.Id}' of ", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(counts, await grain.GetCountsAsync());

        var stranger = fixture.Cluster.Cluster.Client.GetGrain<IRelationshipScorecardGrain>("nobody-here>" + relationship.Consumer);
        var key = await Assert.ThrowsAsync<ArgumentException>(() => stranger.GetStateAsync());
        Assert.Contains("Expected a relationship grain of two departments of the organization; got the grain of nobody-here ← ", key.Message, StringComparison.Ordinal);
        var malformed = fixture.Cluster.Cluster.Client.GetGrain<IRelationshipScorecardGrain>("not a key");
        Assert.Contains("Expected a relationship key 'provider>consumer' of two department ids; got \"not a key\".", (await Assert.ThrowsAsync<ArgumentException>(() => malformed.GetCountsAsync())).Message, StringComparison.Ordinal);
        var nulls = await Assert.ThrowsAsync<ArgumentNullException>(() => grain.AddAsync([request, null!], []));
        Assert.Contains("Expected events; got null at index 1.", nulls.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_counted_id_replayed_with_other_content_is_rejected_and_the_state_kept()
    {
        var original = Data.ResponseEvents[3];
        var relationship = Data.Model.RelationshipOf(original.Response);
        var roll = Roll;
        Assert.Equal(1, await roll.PublishAsync([], [original]));
        var state = await roll.GetRelationshipStateAsync(relationship);

        var changed = original.Response.Overall == original.Response.OverallScale.Max ? original.Response.Overall - 1 : original.Response.Overall + 1;
        var r = original.Response;
        var impostor = new ResponseReceived(original.Id, new FeedbackResponse(r.Respondent, r.Subject, r.Instant, r.OverallScale, changed, r.Recommend, r.Effort, agreement: r.Agreement, service: r.Service, comment: r.Comment));
        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => roll.PublishAsync([], new[] { Data.ResponseEvents[4], impostor }.Where(e => Data.Model.RelationshipOf(e.Response) == relationship)));
        Assert.Contains($"Expected a replay of response event '{original.Id}' with the content counted before; got other content under the same id.", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(state, await roll.GetRelationshipStateAsync(relationship));

        // The original again is a replay: nothing counts.
        Assert.Equal(0, await roll.PublishAsync([], [original]));
        Assert.Equal(state, await roll.GetRelationshipStateAsync(relationship));
    }

    [PostgresFact]
    public async Task A_cancelled_call_counts_nothing_on_the_client_or_in_the_grain()
    {
        var e = new ResponseReceived($"cancel-{Guid.NewGuid():N}", Data.ResponseEvents[5].Response);
        var relationship = Data.Model.RelationshipOf(e.Response);
        var roll = Roll;
        var before = await roll.GetRelationshipStateAsync(relationship);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => roll.PublishAsync([], [e], cancelled.Token));
        var grain = fixture.Cluster.Cluster.Client.GetGrain<IRelationshipScorecardGrain>(RelationshipKey.Format(relationship));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.AddAsync([], [e], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => roll.GetScorecardAsync(cancelled.Token));

        Assert.Equal(before, await roll.GetRelationshipStateAsync(relationship));

        // Not cancelled, the same event counts.
        Assert.Equal(1, await roll.PublishAsync([], [e]));
    }

    [PostgresFact]
    public void Events_round_trip_through_Orleans_serialisation_exactly()
    {
        var serializer = fixture.Cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>();
        foreach (var e in Data.RequestEvents.Take(200))
        {
            var back = serializer.Deserialize<RequestDecided>(serializer.SerializeToArray(e))!;
            Assert.Equal(e.Request, back.Request);
        }

        var servqual = DimensionSet.Servqual;
        var ratings = servqual.Names.Select((n, i) => KeyValuePair.Create(n, 1 + (i % 7))).ToDictionary();
        var first = Data.Responses[0];
        var rated = new FeedbackResponse(first.Respondent, first.Subject, first.Instant + Duration.FromTicks(1), first.OverallScale, first.Overall, 9, 6, servqual, ratings, ratings.ToDictionary(p => p.Key, p => 8 - p.Value), comment: "é, \"quoted\"");
        foreach (var e in Data.ResponseEvents.Take(200).Append(new ResponseReceived("rated", rated)))
        {
            var back = serializer.Deserialize<ResponseReceived>(serializer.SerializeToArray(e))!;
            Assert.Equal(e.Id, back.Id);
            Assert.Equal(e.Response, back.Response);
        }
    }

    [PostgresFact]
    public async Task A_relationship_state_is_the_accumulator_state_of_its_events()
    {
        // A relationship no other test of the class counts events of (they count events of Requests[1]'s relationship and
        // responses of ResponseEvents[3]'s and [5]'s): the tests share one cluster, in any order.
        Relationship[] taken = [Data.Model.RelationshipOf(Data.Requests[1]), Data.Model.RelationshipOf(Data.ResponseEvents[3].Response), Data.Model.RelationshipOf(Data.ResponseEvents[5].Response)];
        var relationship = Data.Requests.Select(r => Data.Model.RelationshipOf(r)).First(r => !taken.Contains(r));
        var requests = Data.RequestEvents.Where(e => Data.Model.RelationshipOf(e.Request) == relationship).ToImmutableArray();
        Assert.Equal(requests.Length, await Roll.GetGrain(relationship).AddAsync(requests, []));

        // The grain's state, rebuilt, gives the scorecard of its events computed in one process.
        var state = await Roll.GetRelationshipStateAsync(relationship);
        var rebuilt = Scorecards.ScorecardAccumulator.FromState(Data.Organization, Data.Options, state).ToScorecard();
        var computed = Scorecards.Scorecard.Compute(Data.Organization, [.. requests.Select(e => e.Request)], [], Data.Options);
        Assert.Null(ScorecardComparer.FirstDifference(computed, rebuilt));
    }
}
