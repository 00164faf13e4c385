using FsCheck.Xunit;
using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Dependencies;

/// <summary>Betweenness estimated from sampled sources: networkx's pivot estimator, its unbiasedness and its error bound.</summary>
public sealed partial class DependencyGraphTests
{
    // networkx 2.8.8: R = nx.gnm_random_graph(12, 40, seed=7, directed=True) (the graph of
    // Betweenness_and_PageRank_match_networkx_on_a_random_graph_with_many_shortest_paths), nodes relabelled d00..d11.
    private static readonly (int Consumer, int Provider)[] RandomTwelve =
    [
        (0, 1), (0, 8), (0, 9), (1, 3), (1, 6), (1, 8), (1, 9), (2, 5), (2, 7), (2, 8), (3, 0), (3, 1), (3, 2), (3, 5),
        (4, 6), (4, 8), (4, 9), (5, 2), (5, 4), (5, 7), (5, 9), (6, 0), (6, 1), (6, 10), (7, 5), (7, 10), (8, 1), (8, 2),
        (8, 6), (8, 9), (9, 0), (9, 3), (9, 7), (9, 10), (10, 1), (10, 2), (11, 1), (11, 3), (11, 5), (11, 7),
    ];

    [Theory]

    // nx.betweenness_centrality(R, k=4, seed=7, normalized=True); its sources: sorted(random.Random(7).sample(list(R), 4)).
    [InlineData(new[] { 0, 2, 5, 6 }, new[]
    {
        0.04025974025974025, 0.14090909090909087, 0.06753246753246753, 0.05844155844155844, 0.0487012987012987, 0.11363636363636362,
        0.012987012987012986, 0.05844155844155844, 0.16688311688311686, 0.22987012987012986, 0.07142857142857141, 0.0,
    })]

    // nx.betweenness_centrality(R, k=6, seed=11, normalized=True); its sources: sorted(random.Random(11).sample(list(R), 6)).
    [InlineData(new[] { 1, 3, 7, 8, 9, 11 }, new[]
    {
        0.048484848484848485, 0.12727272727272726, 0.07272727272727272, 0.11666666666666667, 0.013636363636363636, 0.2212121212121212,
        0.03636363636363636, 0.04242424242424243, 0.013636363636363636, 0.10606060606060605, 0.07424242424242425, 0.0,
    })]
    public void Estimated_betweenness_matches_networkx_with_the_same_sources(int[] sources, double[] expected)
    {
        var graph = RandomTwelveGraph();

        // Given in reverse: the estimate does not depend on the order of the sources.
        var estimate = graph.EstimateBetweenness(sources.Reverse().Select(GraphSpec.Id));
        Assert.Equal(sources.Select(GraphSpec.Id).ToArray(), estimate.Sources.ToArray());
        Assert.False(estimate.IsExact);
        Assert.Equal(12, estimate.DepartmentCount);
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(expected[i], estimate.Values.Values[i], Tolerance);
        }
    }

    [Fact]
    public void Error_bound_is_serflings_for_the_sample()
    {
        var graph = RandomTwelveGraph();
        var estimate = graph.EstimateBetweenness(new[] { 0, 2, 5, 6 }.Select(GraphSpec.Id));

        // Python: n, k = 12, 4; n / (n - 1) * math.sqrt((1 - (k - 1) / n) * math.log(2 / 0.05) / (2 * k)).
        Assert.Equal(0.6415365892088335, estimate.ErrorBound(), 1e-12);

        // A larger sample, a higher confidence: n, k = 12, 6 at 0.99 gives 0.5536372709787777.
        Assert.Equal(0.5536372709787777, graph.EstimateBetweenness(new[] { 1, 3, 7, 8, 9, 11 }.Select(GraphSpec.Id)).ErrorBound(0.99), 1e-12);
        Assert.Equal(0, graph.EstimateBetweenness(12).ErrorBound());
    }

    [Fact]
    public void Estimate_rejects_bad_input_naming_what_came()
    {
        var graph = RandomTwelveGraph();
        var size = Assert.Throws<ArgumentOutOfRangeException>("sampleSize", () => graph.EstimateBetweenness(0));
        Assert.Contains("at least 1; got 0", size.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("sources", () => graph.EstimateBetweenness(null!));
        var empty = Assert.Throws<ArgumentException>("sources", () => graph.EstimateBetweenness(Array.Empty<DepartmentId>()));
        Assert.Contains("at least one source", empty.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>("sources", () => graph.EstimateBetweenness([GraphSpec.Id(1), DepartmentId.Parse("nowhere")]));
        Assert.Contains("'nowhere' at position 1", unknown.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>("sources", () => graph.EstimateBetweenness([GraphSpec.Id(3), GraphSpec.Id(4), GraphSpec.Id(3)]));
        Assert.Contains("'d03' again at position 2", twice.Message, StringComparison.Ordinal);
        var unset = Assert.Throws<ArgumentException>("sources", () => graph.EstimateBetweenness([default(DepartmentId)]));
        Assert.Contains("default(DepartmentId) at position 0", unset.Message, StringComparison.Ordinal);
        var estimate = graph.EstimateBetweenness(3);
        Assert.Throws<ArgumentOutOfRangeException>("confidence", () => estimate.ErrorBound(1));
        Assert.Throws<ArgumentOutOfRangeException>("confidence", () => estimate.ErrorBound(double.NaN));
    }

    [Fact]
    public void A_seeded_sample_is_distinct_sorted_and_repeatable()
    {
        var graph = RandomTwelveGraph();
        var a = graph.EstimateBetweenness(5, seed: 42);
        Assert.Equal(5, a.Sources.Length);
        Assert.Equal(5, a.Sources.Distinct().Count());
        Assert.Equal(a.Sources.Order().ToArray(), a.Sources.ToArray());
        Assert.Equal(a.Sources.ToArray(), graph.EstimateBetweenness(5, seed: 42).Sources.ToArray());
        Assert.Equal(a.Values.Values.ToArray(), graph.EstimateBetweenness(a.Sources).Values.Values.ToArray());

        // Over many seeds every department is picked sometimes: the sample is not stuck on a part of the graph.
        var picked = Enumerable.Range(0, 200).SelectMany(seed => graph.EstimateBetweenness(3, seed).Sources).ToHashSet();
        Assert.Equal(12, picked.Count);
        Assert.Empty(DependencyGraph.FromOrganization(Organization.Empty).EstimateBetweenness(4).Values.Values);
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void A_sample_of_every_department_is_the_exact_betweenness_bit_for_bit(GraphSpec spec)
    {
        var graph = spec.Build();
        var exact = graph.Betweenness().Values.ToArray();
        var all = graph.EstimateBetweenness(spec.Count + spec.Seed % 3, spec.Seed);
        Assert.True(all.IsExact);
        Assert.Equal(spec.Count, all.Sources.Length);
        Assert.Equal(exact, all.Values.Values.ToArray());
        Assert.Equal(exact, graph.EstimateBetweenness(graph.Departments.Select(d => d.Id).Reverse()).Values.Values.ToArray());
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void The_estimate_averaged_over_every_sample_is_the_exact_betweenness(GraphSpec spec)
    {
        // Brandes and Pich's estimator is unbiased: averaged over all C(n, k) source sets of size k it gives the exact
        // value (each source appears in k / n of them and the estimate scales by n / k).
        var graph = spec.Build();
        var n = spec.Count;
        var k = Math.Min(2, n);
        var ids = graph.Departments.Select(d => d.Id).ToArray();
        var sum = new double[n];
        var samples = 0;
        foreach (var subset in Subsets(n, k))
        {
            var estimate = graph.EstimateBetweenness(subset.Select(i => ids[i])).Values.Values;
            for (var v = 0; v < n; v++)
            {
                sum[v] += estimate[v];
            }

            samples++;
        }

        var exact = graph.Betweenness().Values;
        for (var v = 0; v < n; v++)
        {
            Assert.True(Math.Abs((sum[v] / samples) - exact[v]) <= 1e-12, $"department {v}: mean of {samples} estimates {sum[v] / samples:R}, exact {exact[v]:R}");
        }
    }

    [Theory]

    // The published algorithm, written out independently in Python (SplitMix64 of Steele, Lea and Flood 2014 with the
    // constants of Vigna's splitmix64.c; draw j = i + (z × (n − i)) >> 64; a partial Fisher–Yates shuffle; the first k sorted):
    //   sample(12, 5, 42) = [1, 2, 4, 6, 8]; sample(12, 3, 0) = [2, 5, 10]; sample(12, 4, -1) = [4, 6, 10, 11];
    //   sample(1000, 8, 7) = [17, 253, 332, 389, 454, 471, 584, 900].
    [InlineData(12, 5, 42, new[] { 1, 2, 4, 6, 8 })]
    [InlineData(12, 3, 0, new[] { 2, 5, 10 })]
    [InlineData(12, 4, -1, new[] { 4, 6, 10, 11 })]
    [InlineData(1000, 8, 7, new[] { 17, 253, 332, 389, 454, 471, 584, 900 })]
    public void The_seeded_sample_is_splitmix64_driving_a_partial_fisher_yates_shuffle(int n, int k, int seed, int[] expected)
    {
        Assert.Equal(expected, DependencyGraph.SampleSources(n, k, seed));
        if (n == 12)
        {
            Assert.Equal(expected.Select(GraphSpec.Id).ToArray(), RandomTwelveGraph().EstimateBetweenness(k, seed).Sources.ToArray());
        }
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void A_sampled_estimate_is_within_its_error_bound(GraphSpec spec)
    {
        // A sanity check, not a test of the bound's tightness: at a confidence of 1 − 1e-9 per department a correct bound
        // is essentially never exceeded, and on these small graphs it is often as wide as the largest possible error.
        // The bound's formula is checked against hand-computed values above.
        var graph = spec.Build();
        var estimate = graph.EstimateBetweenness(1 + (spec.Seed % Math.Max(spec.Count, 1)), spec.Seed);
        var bound = estimate.ErrorBound(1 - 1e-9);
        var exact = graph.Betweenness().Values;
        for (var v = 0; v < spec.Count; v++)
        {
            Assert.True(Math.Abs(estimate.Values.Values[v] - exact[v]) <= bound, $"department {v}: estimate {estimate.Values.Values[v]:R}, exact {exact[v]:R}, bound {bound:R}");
        }
    }

    private static DependencyGraph RandomTwelveGraph() =>
        DependencyGraph.Create(
            Enumerable.Range(0, 12).Select(i => new Department(GraphSpec.Id(i), "D" + i)),
            RandomTwelve.Select(e => new DependencyEdge(GraphSpec.Id(e.Provider), GraphSpec.Id(e.Consumer))));

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }

        for (var first = 0; first <= n - k; first++)
        {
            foreach (var rest in Subsets(n - first - 1, k - 1))
            {
                yield return [first, .. rest.Select(r => r + first + 1)];
            }
        }
    }
}
