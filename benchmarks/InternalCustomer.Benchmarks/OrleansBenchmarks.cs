using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using InternalCustomer.Orleans;
using InternalCustomer.Orleans.Tests;
using InternalCustomer.Scorecards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// Events per second into the scorecard roll-up (issue 14): one Orleans silo hosted in this process (localhost
/// clustering), the grains' state in memory or in PostgreSQL through Orleans' ADO.NET provider (a fresh schema). Each
/// invocation publishes the built-in example's 5,182 events (3,687 requests, 1,495 responses) under new ids, so that every
/// event counts: all at once (one call per relationship) or as a stream of batches of 40, four in flight. The baseline is
/// the floor: the same events added to one local ScorecardAccumulator, no Orleans, no storage. Operations are events.
/// </summary>
/// <remarks>One invocation per iteration (its events are made, untimed, in the iteration set-up). Grain states grow by
/// the ids of the events counted, so later iterations write slightly larger states.</remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
public class OrleansBenchmarks
{
    private const int Events = 5_182;
    private ExampleData _data = null!;
    private ScorecardModel _model = null!;
    private IHost? _host;
    private PostgresSchema? _schema;
    private ScorecardCluster _cluster = null!;
    private ImmutableArray<RequestDecided> _requests;
    private ImmutableArray<ResponseReceived> _responses;
    private List<(ImmutableArray<RequestDecided> Requests, ImmutableArray<ResponseReceived> Responses)> _batches = [];
    private int _generation;

    /// <summary>Where the grains keep their state.</summary>
    [Params("memory", "postgresql")]
    public string Storage { get; set; } = "memory";

    [GlobalSetup]
    public async Task Setup()
    {
        _data = ExampleData.Instance;
        _model = _data.Model;
        if (_data.RequestEvents.Length + _data.ResponseEvents.Length != Events)
        {
            throw new InvalidOperationException($"Expected the example's {Events} events; got {_data.RequestEvents.Length + _data.ResponseEvents.Length}.");
        }

        if (_data.Requests.FirstOrDefault(r => !ExampleData.Renamed(r, r.Id).Equals(r)) is { } unequal)
        {
            throw new InvalidOperationException($"Expected a renamed request equal to request '{unequal.Id}' but for its id; got one that differs in more.");
        }

        if (Storage == "postgresql")
        {
            _schema = await PostgresSchema.CreateAsync();
        }

        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        _host = Host.CreateDefaultBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort);
                if (_schema is { } schema)
                {
                    silo.AddAdoNetGrainStorage(ScorecardStorage.ProviderName, o =>
                    {
                        o.Invariant = "Npgsql";
                        o.ConnectionString = schema.ConnectionString;
                    });
                }
                else
                {
                    silo.AddMemoryGrainStorage(ScorecardStorage.ProviderName);
                }

                silo.AddScorecardRollup(_model.Organization, _model.Options);
            })
            .ConfigureLogging(logging => logging.ClearProviders())
            .Build();
        await _host.StartAsync();
        _cluster = new ScorecardCluster(_host.Services.GetRequiredService<IGrainFactory>(), _model);
    }

    [IterationSetup]
    public void NextGeneration()
    {
        // New ids for every event, so that the grains count them all (a replay of counted ids would count nothing).
        var g = ++_generation;
        _requests = [.. _data.Requests.Select(r => new RequestDecided(ExampleData.Renamed(r, $"g{g}-{r.Id}")))];
        _responses = [.. _data.ResponseEvents.Select(e => new ResponseReceived($"g{g}-{e.Id}", e.Response))];
        var events = _requests.Cast<object>().Concat(_responses).ToList();
        _batches = [.. events.Chunk(40).Select(static b => (b.OfType<RequestDecided>().ToImmutableArray(), b.OfType<ResponseReceived>().ToImmutableArray()))];
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events, Description = "floor: one local accumulator, no Orleans")]
    public long LocalAccumulator()
    {
        var accumulator = new ScorecardAccumulator(_model.Organization, _model.Options);
        foreach (var e in _requests)
        {
            accumulator.Add(e.Request);
        }

        foreach (var e in _responses)
        {
            accumulator.Add(e.Response);
        }

        return accumulator.ScoredResponseCount;
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "one PublishAsync of all events (a call per relationship)")]
    public async Task<int> PublishAll()
    {
        var counted = await _cluster.PublishAsync(_requests, _responses);
        return counted == Events ? counted : throw new InvalidOperationException($"Expected {Events} events counted; got {counted}.");
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "batches of 40 events, 4 in flight")]
    public async Task<int> PublishStream()
    {
        var counted = 0;
        var pending = new List<Task<int>>(4);
        foreach (var (requests, responses) in _batches)
        {
            pending.Add(_cluster.PublishAsync(requests, responses));
            if (pending.Count == 4)
            {
                counted += (await Task.WhenAll(pending)).Sum();
                pending.Clear();
            }
        }

        counted += (await Task.WhenAll(pending)).Sum();
        return counted == Events ? counted : throw new InvalidOperationException($"Expected {Events} events counted; got {counted}.");
    }


    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
