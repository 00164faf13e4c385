using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InternalCustomer.Dependencies;

/// <content>Betweenness centrality and PageRank.</content>
public sealed partial class DependencyGraph
{
    // Sources are split into this many fixed chunks, each with its own accumulator, summed in chunk
    // order: the result is the same on every machine whatever the number of threads.
    private const int BetweennessChunks = 8;

    /// <summary>
    /// Computes the betweenness centrality of every department: the share of shortest dependency paths
    /// between other departments that pass through it. A department with high betweenness is a broker
    /// that much of the organisation's work flows through.
    /// </summary>
    /// <returns>
    /// For each department <c>v</c>, <c>Σ σ(s,t|v) / σ(s,t)</c> over ordered pairs <c>s ≠ v ≠ t</c>, scaled by
    /// <c>1 / ((n − 1)(n − 2))</c> when <c>n &gt; 2</c>: exactly networkx's
    /// <c>betweenness_centrality(G, normalized=True)</c> for a directed graph (unweighted, endpoints excluded).
    /// </returns>
    /// <remarks>
    /// Brandes' algorithm (Brandes 2001; the variants in Brandes 2008), one breadth-first search per source,
    /// O(departments × edges). Sources run in parallel in 8 fixed chunks with separate accumulators added
    /// in chunk order, so results are deterministic.
    /// </remarks>
    public DepartmentValues<double> Betweenness() => Estimate(SampleSources(DepartmentCount, DepartmentCount, seed: 0)).Values;

    /// <summary>
    /// Estimates the betweenness centrality of every department from a random sample of source departments, in
    /// O(<paramref name="sampleSize"/> × edges) instead of <see cref="Betweenness"/>'s O(departments × edges).
    /// </summary>
    /// <param name="sampleSize">How many distinct source departments to sample, at least 1; a sample of all departments
    /// (or more) gives the exact values.</param>
    /// <param name="seed">The seed of the sample: the same seed on the same graph picks the same sources on every machine.</param>
    /// <returns>The estimate, with the sources it used and its error bound (<see cref="BetweennessEstimate.ErrorBound"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleSize"/> is less than 1.</exception>
    /// <remarks>The sources are a sample without replacement, uniform to within (n − i) / 2^64 per draw (a partial
    /// Fisher–Yates shuffle driven by SplitMix64 from <paramref name="seed"/>, each draw reduced by the high half of a 128-bit
    /// product); see <see cref="EstimateBetweenness(IEnumerable{DepartmentId})"/> for the estimator. The sample depends on
    /// the number of departments: on a graph with one more department the same seed picks other sources, so estimates of
    /// the same department from two graphs differ by sampling as well as by the change.</remarks>
    public BetweennessEstimate EstimateBetweenness(int sampleSize, int seed = 0)
    {
        if (sampleSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, string.Create(CultureInfo.InvariantCulture, $"Sample size must be at least 1; got {sampleSize}."));
        }

        return Estimate(SampleSources(DepartmentCount, sampleSize, seed));
    }

    // The scorecard's call: as EstimateBetweenness(sampleSize, seed), on at most maxDegreeOfParallelism threads (-1: no
    // limit; 1: the caller's thread alone). The chunks are fixed, so the values do not depend on it.
    internal BetweennessEstimate EstimateBetweenness(int sampleSize, int seed, int maxDegreeOfParallelism) =>
        Estimate(SampleSources(DepartmentCount, sampleSize, seed), maxDegreeOfParallelism);

    /// <summary>
    /// Estimates the betweenness centrality of every department from the shortest paths that start at the given source
    /// departments: Brandes and Pich's pivot estimator, exactly networkx's
    /// <c>betweenness_centrality(G, k=len(sources), normalized=True)</c> up to networkx 3.4 (the tests use 2.8.8) when its
    /// random sample picks these sources. networkx 3.5 (its pull request 7949) scales sources and other departments apart.
    /// </summary>
    /// <param name="sources">The source departments (pivots): distinct departments of the graph, at least one.</param>
    /// <returns>The estimate; with every department as a source, the exact values of <see cref="Betweenness"/>, bit for bit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="sources"/> is empty, or names a department twice or one the
    /// graph lacks (the message names it and its position).</exception>
    /// <remarks>
    /// <para>For each department <c>v</c>, <c>(n / k) × Σ_{s ∈ S} δ_s(v) / ((n − 1)(n − 2))</c> for the <c>k</c> sources
    /// <c>S</c>, where <c>δ_s(v) = Σ_t σ(s,t|v) / σ(s,t)</c> is the dependency of source <c>s</c> on <c>v</c> (Brandes 2001):
    /// the exact value sums <c>δ_s(v)</c> over all <c>n</c> sources, so over a uniformly random <c>S</c> of size <c>k</c>
    /// the estimate is unbiased (Brandes and Pich 2007, "Centrality estimation in large networks").</para>
    /// <para>The sources are searched in ascending department order in 8 fixed chunks, as <see cref="Betweenness"/>
    /// does, so the values do not depend on the order given or on the number of threads.</para>
    /// </remarks>
    public BetweennessEstimate EstimateBetweenness(IEnumerable<DepartmentId> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var seen = new bool[DepartmentCount];
        var picked = new List<int>();
        var position = 0;
        foreach (var id in sources)
        {
            if (!TryGetIndex(id, out var index))
            {
                throw new ArgumentException(
                    id.IsDefault
                        ? string.Create(CultureInfo.InvariantCulture, $"Expected departments of the graph as sources; got default(DepartmentId) at position {position}.")
                        : string.Create(CultureInfo.InvariantCulture, $"Expected departments of the graph as sources; got '{id}' at position {position}, which is not one."),
                    nameof(sources));
            }

            if (seen[index])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected distinct sources; got '{id}' again at position {position}."), nameof(sources));
            }

            seen[index] = true;
            picked.Add(index);
            position++;
        }

        if (picked.Count == 0)
        {
            throw new ArgumentException("Expected at least one source department; got none.", nameof(sources));
        }

        picked.Sort();
        return Estimate([.. picked]);
    }

    // k distinct department numbers in [0, n), ascending: the first k of a Fisher–Yates shuffle driven by SplitMix64
    // (Steele, Lea and Flood 2014), the draw reduced by Lemire's multiply-shift. All n when k >= n.
    internal static int[] SampleSources(int n, int k, int seed)
    {
        var numbers = new int[n];
        for (var i = 0; i < n; i++)
        {
            numbers[i] = i;
        }

        if (k >= n)
        {
            return numbers;
        }

        var state = unchecked((ulong)seed);
        for (var i = 0; i < k; i++)
        {
            state = unchecked(state + 0x9E3779B97F4A7C15UL);
            var z = state;
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            var j = i + (int)Math.BigMul(z, (ulong)(n - i), out _); // the high 64 bits of z × (n − i): uniform in [0, n − i)
            (numbers[i], numbers[j]) = (numbers[j], numbers[i]);
        }

        var sample = numbers.AsSpan(0, k).ToArray();
        Array.Sort(sample);
        return sample;
    }

    private BetweennessEstimate Estimate(int[] sources, int maxDegreeOfParallelism = -1)
    {
        var n = DepartmentCount;
        var result = DependencySums(sources, maxDegreeOfParallelism);
        if (n > 2)
        {
            // The exact scale, times n / k for the share of sources searched (networkx's _rescale with k, up to 3.4).
            var scale = 1.0 / ((n - 1.0) * (n - 2.0));
            if (sources.Length < n)
            {
                scale = scale * n / sources.Length;
            }

            for (var v = 0; v < n; v++)
            {
                result[v] *= scale;
            }
        }

        var ids = new DepartmentId[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            ids[i] = IdAt(sources[i]);
        }

        return new BetweennessEstimate(Values(result), ImmutableCollectionsMarshal.AsImmutableArray(ids), n);
    }

    // Σ δ_s(v) over the sources (ascending department numbers), unscaled: the sources split into fixed chunks, each with
    // its own accumulator, summed in chunk order.
    private double[] DependencySums(int[] sources, int maxDegreeOfParallelism)
    {
        var n = DepartmentCount;
        var m = sources.Length;
        var chunks = Math.Min(BetweennessChunks, Math.Max(m, 1));
        var partial = new double[chunks][];
        if (maxDegreeOfParallelism == 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                Chunk(c);
            }
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, TaskScheduler = TaskScheduler.Default }, Chunk);
        }

        var result = new double[n];
        foreach (var acc in partial)
        {
            for (var v = 0; v < n; v++)
            {
                result[v] += acc[v];
            }
        }

        return result;

        void Chunk(int c)
        {
            var acc = new double[n];
            var incoming = new double[n];
            var sigma = new double[n];
            var delta = new double[n];
            var coefficient = new double[n];
            var order = new int[n + 1]; // one slot past the last department: the search writes each out-neighbour before it knows whether it is new
            var levels = new int[n + 1];
            var from = (int)((long)m * c / chunks);
            var to = (int)((long)m * (c + 1) / chunks);
            for (var i = from; i < to; i++)
            {
                BrandesFromSource(sources[i], acc, incoming, sigma, delta, coefficient, order, levels);
            }

            partial[c] = acc;
        }
    }

    /// <summary>
    /// Computes PageRank: a department's standing as a provider, high when it is depended on by departments
    /// that are themselves depended on. Rank flows along dependency edges, from consumer to provider.
    /// </summary>
    /// <param name="weight">Which edge weight splits a department's rank among its providers; by default every edge counts 1.</param>
    /// <param name="alpha">The damping factor, in [0, 1); networkx's default 0.85.</param>
    /// <param name="tolerance">Iteration stops when the L1 change between successive iterates is below this; finite and &gt; 0.</param>
    /// <param name="maxIterations">The most iterations to run; at least 1.</param>
    /// <returns>The rank of every department; the ranks sum to 1 (up to rounding).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; the message says which range.</exception>
    /// <exception cref="InvalidOperationException">The iteration did not reach <paramref name="tolerance"/> within <paramref name="maxIterations"/>.</exception>
    /// <remarks>
    /// <para>The power iteration of networkx's <c>pagerank(G, alpha, weight=…)</c>: start from 1/N;
    /// x ← α (x P + (Σ dangling x) / N) + (1 − α) / N, where P divides each department's rank among its
    /// providers in proportion to edge weight and a dangling department (no providers, or providers of total
    /// weight 0) spreads its rank uniformly over all departments.</para>
    /// <para><b>Stopping rule.</b> networkx stops when the L1 change is below <c>N × tol</c>; this method stops
    /// when it is below <paramref name="tolerance"/>, so the default 1e-10 equals networkx with <c>tol = 1e-10 / N</c>.
    /// Because the iteration contracts by α in L1, the distance to the exact fixed point is then at most
    /// α / (1 − α) × tolerance (below 5.7e-10 for the defaults). Reaching 1e-10 takes about 150 iterations at α = 0.85.</para>
    /// </remarks>
    public DepartmentValues<double> PageRank(PageRankWeight weight = PageRankWeight.None, double alpha = 0.85, double tolerance = 1e-10, int maxIterations = 1000)
    {
        if (weight is not (PageRankWeight.None or PageRankWeight.Criticality or PageRankWeight.Volume))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"Weight must be None, Criticality or Volume; got {weight}.");
        }

        if (!(alpha >= 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, string.Create(CultureInfo.InvariantCulture, $"Alpha must be in [0, 1); got {alpha}."));
        }

        if (!(tolerance > 0 && double.IsFinite(tolerance)))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, string.Create(CultureInfo.InvariantCulture, $"Tolerance must be a finite number > 0; got {tolerance}."));
        }

        if (maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, string.Create(CultureInfo.InvariantCulture, $"Max iterations must be at least 1; got {maxIterations}."));
        }

        var n = DepartmentCount;
        if (n == 0)
        {
            return Values(Array.Empty<double>());
        }

        // Per-edge weights (null when every edge weighs 1) and each department's share factor α / out-weight.
        var edgeWeight = EdgeWeights(weight);
        var share = new double[n];
        var dangling = new List<int>();
        for (var u = 0; u < n; u++)
        {
            double total = 0;
            if (edgeWeight is null)
            {
                total = _outStart[u + 1] - _outStart[u];
            }
            else
            {
                for (var k = _outStart[u]; k < _outStart[u + 1]; k++)
                {
                    total += edgeWeight[k];
                }
            }

            if (total > 0)
            {
                share[u] = alpha / total;
            }
            else
            {
                dangling.Add(u);
            }
        }

        var x = new double[n];
        var next = new double[n];
        Array.Fill(x, 1.0 / n);
        var danglingNodes = CollectionsMarshal.AsSpan(dangling);
        var error = double.PositiveInfinity;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double danglingSum = 0;
            foreach (var d in danglingNodes)
            {
                danglingSum += x[d];
            }

            Array.Fill(next, ((1 - alpha) / n) + (alpha * danglingSum / n));
            Spread(x, next, share, edgeWeight);
            error = 0;
            for (var v = 0; v < n; v++)
            {
                error += Math.Abs(next[v] - x[v]);
            }

            (x, next) = (next, x);
            if (error < tolerance)
            {
                return Values(x);
            }
        }

        throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture,
            $"PageRank did not converge: expected an L1 change below {tolerance} within {maxIterations} iterations; got {error} after the last."));
    }

    private void Spread(double[] x, double[] next, double[] share, double[]? edgeWeight)
    {
        var outStart = _outStart;
        var outTarget = _outTarget;
        for (var u = 0; u < x.Length; u++)
        {
            var c = x[u] * share[u];
            if (c == 0)
            {
                continue;
            }

            var row = outTarget.AsSpan(outStart[u], outStart[u + 1] - outStart[u]);
            if (edgeWeight is null)
            {
                foreach (var v in row)
                {
                    next[v] += c;
                }
            }
            else
            {
                var w = edgeWeight.AsSpan(outStart[u], row.Length);
                for (var k = 0; k < row.Length; k++)
                {
                    next[row[k]] += c * w[k];
                }
            }
        }
    }

    private double[]? EdgeWeights(PageRankWeight weight)
    {
        switch (weight)
        {
            case PageRankWeight.Criticality:
                var criticality = new double[EdgeCount];
                for (var k = 0; k < criticality.Length; k++)
                {
                    criticality[k] = _outPacked[k] & CriticalityMask;
                }

                return criticality;
            case PageRankWeight.Volume:
                var volume = new double[EdgeCount];
                if (_outVolume is not null)
                {
                    for (var k = 0; k < volume.Length; k++)
                    {
                        volume[k] = double.IsNaN(_outVolume[k]) ? 0 : _outVolume[k];
                    }
                }

                return volume;
            default:
                return null;
        }
    }

    private void BrandesFromSource(int s, double[] acc, double[] incoming, double[] sigma, double[] delta, double[] coefficient, int[] order, int[] levels)
    {
        // The hot loops index with unchecked references: every index is a department number in [0, n) taken from
        // the graph's own adjacency arrays (built by the constructor), or a position in order, which has n + 1
        // slots (one past the last department, for the search's speculative write); levels has n + 1 slots and
        // every other array n (all allocated by Betweenness, one set per chunk).
        ref var outStart = ref MemoryMarshal.GetArrayDataReference(_outStart);
        ref var outTarget = ref MemoryMarshal.GetArrayDataReference(_outTarget);
        ref var pushed = ref MemoryMarshal.GetArrayDataReference(incoming);
        ref var paths = ref MemoryMarshal.GetArrayDataReference(sigma);
        ref var queue = ref MemoryMarshal.GetArrayDataReference(order);
        ref var coef = ref MemoryMarshal.GetArrayDataReference(coefficient);
        ref var deltas = ref MemoryMarshal.GetArrayDataReference(delta);
        ref var sums = ref MemoryMarshal.GetArrayDataReference(acc);
        ref var levelStarts = ref MemoryMarshal.GetArrayDataReference(levels);

        // Breadth-first search counting shortest paths σ, one distance level at a time; order holds the
        // departments level after level, levels[d] is where level d begins. Every edge v → w pushes σ(v) into
        // incoming[w], whatever w's distance: a department's σ is the sum of the pushes from the level just before
        // it, and those are exactly the pushes it has received when its own level begins (an edge into w comes
        // from w's level or a later one, or from the level before; the later pushes arrive after σ(w) is taken).
        // So the search needs no distances and no tests: a department is new when nothing has been pushed into it
        // yet (σ ≥ 1 once reached), which is arithmetic, not a jump the processor would mispredict.
        Unsafe.Add(ref queue, 0) = s;
        Unsafe.Add(ref pushed, s) = 1;
        var count = 1;
        var depth = 0;
        Unsafe.Add(ref levelStarts, 0) = 0;
        for (var levelStart = 0; levelStart < count; depth++)
        {
            var levelEnd = count;
            Unsafe.Add(ref levelStarts, depth + 1) = levelEnd;
            for (var i = levelStart; i < levelEnd; i++)
            {
                var v = Unsafe.Add(ref queue, i);
                Unsafe.Add(ref paths, v) = Unsafe.Add(ref pushed, v);
            }

            for (var i = levelStart; i < levelEnd; i++)
            {
                var v = Unsafe.Add(ref queue, i);
                var sv = Unsafe.Add(ref paths, v);
                var last = Unsafe.Add(ref outStart, v + 1);
                for (var k = Unsafe.Add(ref outStart, v); k < last; k++)
                {
                    var w = Unsafe.Add(ref outTarget, k);
                    ref var into = ref Unsafe.Add(ref pushed, w);
                    Unsafe.Add(ref queue, count) = w;
                    count += into == 0 ? 1 : 0;
                    into += sv;
                }
            }

            levelStart = levelEnd;
        }

        // Dependency accumulation, one level at a time from the deepest, in pull form over the out-neighbours:
        // δ(v) = σ(v) · Σ (1 + δ(w)) / σ(w) over the out-neighbours w one step further. An out-neighbour of v is at
        // most one step further than v (a property of breadth-first distances), and the coefficient
        // (1 + δ(w)) / σ(w) is published only once w's level is done, so every department at v's level or closer
        // still contributes 0 and the sum needs no test of distance. Level 0 is the source, which gets nothing.
        for (var d = depth - 1; d >= 1; d--)
        {
            var start = Unsafe.Add(ref levelStarts, d);
            var end = Unsafe.Add(ref levelStarts, d + 1);
            for (var i = start; i < end; i++)
            {
                var v = Unsafe.Add(ref queue, i);
                double sum = 0;
                var last = Unsafe.Add(ref outStart, v + 1);
                for (var k = Unsafe.Add(ref outStart, v); k < last; k++)
                {
                    sum += Unsafe.Add(ref coef, Unsafe.Add(ref outTarget, k));
                }

                var dv = Unsafe.Add(ref paths, v) * sum;
                Unsafe.Add(ref deltas, v) = dv;
                Unsafe.Add(ref sums, v) += dv;
            }

            for (var i = start; i < end; i++)
            {
                var v = Unsafe.Add(ref queue, i);
                Unsafe.Add(ref coef, v) = (1 + Unsafe.Add(ref deltas, v)) / Unsafe.Add(ref paths, v);
            }
        }

        for (var i = 0; i < count; i++)
        {
            var v = order[i];
            incoming[v] = 0;
            coefficient[v] = 0;
        }
    }
}
