using BenchmarkDotNet.Attributes;
using InternalCustomer.Interchange.State;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// The summary state of the 1,000-department scorecard scenario (1,000 departments, 10,000 agreements, 1,000,000
/// requests and 1,000,000 responses, as in <see cref="ScorecardBenchmarks"/>) written and read back — target under
/// 50 ms. The whole trip is <see cref="ScorecardAccumulator.ToState"/>, the format's writer, its reader and
/// <see cref="ScorecardAccumulator.FromState"/>, so that the accumulator after the trip can go on taking events.
/// The baseline is the trip without a format (state out and straight back in), the floor under both formats; the
/// target is measured on the format alone (a state written and read back), as one case, and on the whole trip as another.
/// </summary>
[MemoryDiagnoser]
public class StateBenchmarks
{
    private ScorecardScenario _scenario = null!;
    private ScorecardOptions _options = null!;
    private ScorecardAccumulator _accumulator = null!;
    private ScorecardState _state = null!;

    /// <summary>Gets the binary state's size in bytes (printed by <see cref="Setup"/>).</summary>
    public int BinaryBytes { get; private set; }

    /// <summary>Gets the JSON state's size in bytes (printed by <see cref="Setup"/>).</summary>
    public int JsonBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScorecardScenario.Create(seed: 20261127, departments: 1_000, agreements: BenchmarkScale.Of(10_000), requests: BenchmarkScale.Of(1_000_000), responses: BenchmarkScale.Of(1_000_000));
        _options = new ScorecardOptions(ScorecardScenario.AsOf);
        _accumulator = new ScorecardAccumulator(_scenario.Organization, _options);
        foreach (var request in _scenario.Requests)
        {
            _accumulator.Add(request);
        }

        foreach (var response in _scenario.Responses)
        {
            _accumulator.Add(response);
        }

        var state = _state = _accumulator.ToState();
        BinaryBytes = SummaryStateBinary.Write(state).Length;
        JsonBytes = SummaryStateJson.Write(state).Length;
        Console.WriteLine($"// state of {state.Agreements.Length} agreements and {state.Relationships.Length} relationships: binary {BinaryBytes:N0} bytes, JSON {JsonBytes:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "state out and back in, no format (ToState + FromState)")]
    public long InMemory() =>
        ScorecardAccumulator.FromState(_scenario.Organization, _options, _accumulator.ToState()).ScoredResponseCount;

    [Benchmark(Description = "binary: write + read (the 50 ms target)")]
    public long BinaryWriteRead() => SummaryStateBinary.ReadScorecardState(SummaryStateBinary.Write(_state)).GetValueOrThrow().ScoredResponseCount;

    [Benchmark(Description = "binary: ToState + write + read + FromState")]
    public long Binary()
    {
        var blob = SummaryStateBinary.Write(_accumulator.ToState());
        var state = SummaryStateBinary.ReadScorecardState(blob).GetValueOrThrow();
        return ScorecardAccumulator.FromState(_scenario.Organization, _options, state).ScoredResponseCount;
    }

    [Benchmark(Description = "JSON: write + read")]
    public long JsonWriteRead() => SummaryStateJson.ReadScorecardState(SummaryStateJson.Write(_state)).GetValueOrThrow().ScoredResponseCount;
}
