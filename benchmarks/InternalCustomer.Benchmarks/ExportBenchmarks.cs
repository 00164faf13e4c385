using BenchmarkDotNet.Attributes;
using InternalCustomer.Dependencies;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// DOT and Mermaid export of a chain of 100,000 departments, each the consumer of the next: every link is a bridge
/// and every inner department an articulation point, the worst case for the export's bridge look-ups. The baseline
/// is the analysis the export cannot avoid (articulation points and bridges).
/// </summary>
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private DependencyGraph _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int n = 100_000;
        var ids = Enumerable.Range(0, n).Select(i => DepartmentId.Parse("d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        _chain = DependencyGraph.Create(ids, Enumerable.Range(0, n - 1).Select(i => new DependencyEdge(ids[i + 1], ids[i])));
    }

    [Benchmark(Baseline = true, Description = "FindSinglePointsOfFailure (chain 100k)")]
    public int SinglePointsOfFailure() => _chain.FindSinglePointsOfFailure().Bridges.Length;

    [Benchmark(Description = "ToDot (chain 100k)")]
    public int ToDot() => _chain.ToDot().Length;

    [Benchmark(Description = "ToMermaid (chain 100k)")]
    public int ToMermaid() => _chain.ToMermaid().Length;
}
