using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using InternalCustomer.Organizations;

namespace InternalCustomer.Dependencies;

/// <summary>
/// The directed dependency graph of an organisation: one node per department and an edge
/// <c>consumer → provider</c> ("depends on") for every pair of departments with at least one
/// declared dependency or service agreement between them. Immutable; every analysis is a method
/// that computes and returns a plain result.
/// </summary>
/// <remarks>
/// <para><b>Edges.</b> Every fact about an ordered pair of departments (a declared dependency, an
/// agreement) is a <see cref="DependencyEdge"/>; facts about the same pair are merged into one edge
/// with the maximum criticality, the sum of the volumes present and the union of the sources
/// (see <see cref="DependencyEdge"/>). Direction: an edge goes from the department that depends to
/// the department it depends on, so a department's <i>providers</i> are its out-neighbours and its
/// <i>consumers</i> its in-neighbours.</para>
/// <para><b>Order and determinism.</b> Departments are kept sorted by id (ordinal) and edges by consumer
/// then provider, whatever order they were supplied in; every result is therefore independent of
/// insertion order, and lists of departments in results are sorted by id unless a method says otherwise.</para>
/// <para><b>Unknown departments.</b> Every method taking a <see cref="DepartmentId"/> throws an
/// <see cref="ArgumentException"/> naming it when it is not a department of the graph.</para>
/// <para><b>Representation.</b> Departments have dense indices (their positions in <see cref="Departments"/>);
/// out-edges and in-edges are stored as compressed sparse rows (CSR): per edge, 4 bytes of target and
/// 1 byte of packed criticality and source forwards, 4 bytes of source and 1 byte of criticality
/// backwards, and 8 bytes of volume when any edge has a volume; no per-edge objects.</para>
/// <para><b>Sources of the algorithms.</b> Strongly connected components: Tarjan (1972), iterative.
/// Articulation points and bridges: Hopcroft and Tarjan (1973), iterative. Betweenness: Brandes (2001, 2008).
/// PageRank: the power iteration of networkx's <c>pagerank</c>. Details and worked examples are in
/// <c>docs/dependency-graph.md</c>.</para>
/// </remarks>
public sealed partial class DependencyGraph
{
    private const int CriticalityMask = 0b111;
    internal const int SourceShift = 3;

    private readonly Organization? _organization;
    private readonly Dictionary<string, int>? _index; // by DepartmentId.Value, ordinal; never written after construction; null when _organization indexes

    // Out-edges (consumer → provider), rows by consumer, targets ascending within a row.
    private readonly int[] _outStart;
    private readonly int[] _outTarget;
    private readonly byte[] _outPacked; // criticality | source << 3
    private readonly double[]? _outVolume; // NaN where the merged edge has no volume

    // In-edges (provider ← consumer), rows by provider, sources ascending within a row.
    private readonly int[] _inStart;
    private readonly int[] _inSource;
    private readonly byte[] _inCriticality;

    private DependencyGraph(ImmutableArray<Department> departments, Organization? organization, Dictionary<string, int>? index, EdgeFacts facts)
    {
        Departments = departments;
        _organization = organization;
        _index = index;
        var n = departments.Length;
        var m = facts.Count;
        var providerOf = facts.Providers;
        var consumerOf = facts.Consumers;
        var packedOf = facts.Packed;
        var volumeOf = facts.Volumes; // empty when no fact has a volume

        // Rows by consumer with providers ascending, by two stable counting sorts (by provider, then by consumer):
        // linear in departments + facts, with no comparison sort. The work arrays are rented, not allocated.
        var pool = ArrayPool<int>.Shared;
        var providerEnd = pool.Rent(n + 1);
        var rowStart = pool.Rent(n + 1);
        var fill = pool.Rent(n);
        var byProvider = pool.Rent(m);
        var row = pool.Rent(m); // fact numbers, by consumer, then provider
        var rowProvider = pool.Rent(m);
        try
        {
            Array.Clear(providerEnd, 0, n + 1);
            Array.Clear(rowStart, 0, n + 1);
            for (var k = 0; k < m; k++)
            {
                providerEnd[providerOf[k] + 1]++;
                rowStart[consumerOf[k] + 1]++;
            }

            for (var v = 0; v < n; v++)
            {
                providerEnd[v + 1] += providerEnd[v];
                rowStart[v + 1] += rowStart[v];
            }

            // Bucket by provider; providerEnd[v] ends as the end of v's bucket.
            for (var k = 0; k < m; k++)
            {
                byProvider[providerEnd[providerOf[k]]++] = k;
            }

            // Bucket by consumer, visiting the facts by provider: each row comes out sorted by provider.
            rowStart.AsSpan(0, n).CopyTo(fill);
            foreach (var k in byProvider.AsSpan(0, m))
            {
                var slot = fill[consumerOf[k]]++;
                row[slot] = k;
                rowProvider[slot] = providerOf[k];
            }

            // The first fact of a row, or one whose provider differs from the fact before it, begins a merged edge.
            bool StartsEdge(int j, int v) => j == rowStart[v] || rowProvider[j] != rowProvider[j - 1];

            var merged = 0;
            for (var v = 0; v < n; v++)
            {
                for (var j = rowStart[v]; j < rowStart[v + 1]; j++)
                {
                    if (StartsEdge(j, v))
                    {
                        merged++;
                    }
                }
            }

            _outStart = new int[n + 1];
            _outTarget = new int[merged];
            _outPacked = new byte[merged];
            _outVolume = volumeOf.IsEmpty ? null : new double[merged];
            var e = -1;
            for (var v = 0; v < n; v++)
            {
                for (var j = rowStart[v]; j < rowStart[v + 1]; j++)
                {
                    var packed = packedOf[row[j]];
                    var volume = _outVolume is null ? double.NaN : volumeOf[row[j]];
                    if (StartsEdge(j, v))
                    {
                        e++;
                        _outTarget[e] = rowProvider[j];
                        _outPacked[e] = packed;
                        if (_outVolume is not null)
                        {
                            _outVolume[e] = volume;
                        }
                    }
                    else
                    {
                        // Merge: the highest criticality, the union of the sources, the sum of the volumes present.
                        var criticality = Math.Max(packed & CriticalityMask, _outPacked[e] & CriticalityMask);
                        var source = (_outPacked[e] >> SourceShift) | (packed >> SourceShift);
                        _outPacked[e] = (byte)(criticality | (source << SourceShift));
                        if (_outVolume is not null && !double.IsNaN(volume))
                        {
                            _outVolume[e] = double.IsNaN(_outVolume[e]) ? volume : _outVolume[e] + volume;
                        }
                    }
                }

                _outStart[v + 1] = e + 1;
            }
        }
        finally
        {
            pool.Return(providerEnd);
            pool.Return(rowStart);
            pool.Return(fill);
            pool.Return(byProvider);
            pool.Return(row);
            pool.Return(rowProvider);
        }

        var edgeCount = _outTarget.Length;
        // In-edges: iterating consumers in ascending order leaves each in-row sorted by consumer.
        _inStart = new int[n + 1];
        foreach (var t in _outTarget)
        {
            _inStart[t + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            _inStart[v + 1] += _inStart[v];
        }

        _inSource = new int[edgeCount];
        _inCriticality = new byte[edgeCount];
        var next = _inStart.AsSpan(0, n).ToArray();
        for (var u = 0; u < n; u++)
        {
            for (var k = _outStart[u]; k < _outStart[u + 1]; k++)
            {
                var slot = next[_outTarget[k]]++;
                _inSource[slot] = u;
                _inCriticality[slot] = (byte)(_outPacked[k] & CriticalityMask);
            }
        }
    }

    /// <summary>Gets the departments (the nodes), sorted by id.</summary>
    public ImmutableArray<Department> Departments { get; }

    /// <summary>Gets the number of departments.</summary>
    public int DepartmentCount => Departments.Length;

    /// <summary>Gets the number of edges after merging (at most one per ordered pair of departments).</summary>
    public int EdgeCount => _outTarget.Length;

    /// <summary>
    /// Builds the dependency graph of an organisation from its declared dependencies and its
    /// service agreements (each agreement is an edge consumer → provider of criticality Medium).
    /// </summary>
    /// <param name="organization">The organisation.</param>
    /// <returns>The graph, with every department of the organisation as a node.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> is <see langword="null"/>.</exception>
    public static DependencyGraph FromOrganization(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        using var facts = EdgeFactsOf(organization);
        return new DependencyGraph(organization.Departments, organization, null, facts);
    }

    /// <summary>
    /// Builds a graph from department ids and explicit edge facts, without an organisation
    /// (for hosts holding their own data, tests and benchmarks). Each node is a <see cref="Department"/>
    /// named by its id, with no parent.
    /// </summary>
    /// <param name="departments">The department ids; distinct.</param>
    /// <param name="edges">The edge facts; facts about the same ordered pair are merged as described on <see cref="DependencyEdge"/>.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">An argument or an edge is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is <c>default</c> or appears more than once, or an edge names a department that is not in
    /// <paramref name="departments"/>; the message names the id and the position of the edge.</exception>
    public static DependencyGraph Create(IEnumerable<DepartmentId> departments, IEnumerable<DependencyEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(departments);
        return Create(departments.Select(id => new Department(ModelGuard.NotDefault(id, nameof(departments)), id.Value)), edges);
    }

    /// <summary>
    /// Builds a graph from departments and explicit edge facts, without an organisation
    /// (for hosts holding their own data, tests and benchmarks).
    /// </summary>
    /// <param name="departments">The departments; ids must be distinct. Parents are not looked at.</param>
    /// <param name="edges">The edge facts; facts about the same ordered pair are merged as described on <see cref="DependencyEdge"/>.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">An argument or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two departments share an id, or an edge names a department that is not in <paramref name="departments"/>; the message names the id and the position of the edge.</exception>
    public static DependencyGraph Create(IEnumerable<Department> departments, IEnumerable<DependencyEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(edges);
        var sorted = departments.ToArray();
        var inOrder = true;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] is null)
            {
                throw new ArgumentNullException(nameof(departments), $"Expected a department at departments[{i}]; got null.");
            }

            inOrder &= i == 0 || sorted[i - 1].Id.CompareTo(sorted[i].Id) < 0;
        }

        // Departments supplied already sorted and distinct (as a reader or a database usually gives them) skip the sort.
        if (!inOrder)
        {
            Array.Sort(sorted, static (a, b) => a.Id.CompareTo(b.Id));
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i].Id == sorted[i - 1].Id)
                {
                    throw new ArgumentException($"Expected distinct department ids; got '{sorted[i].Id}' more than once.", nameof(departments));
                }
            }
        }

        var index = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
        {
            index.Add(sorted[i].Id.Value, i);
        }

        using var facts = new EdgeFacts(edges.TryGetNonEnumeratedCount(out var count) ? count : 0);
        var position = 0;
        foreach (var edge in edges)
        {
            if (edge is null)
            {
                throw new ArgumentNullException(nameof(edges), $"Expected an edge at edges[{position}]; got null.");
            }

            facts.Add(
                Lookup(index, edge.Consumer, "consumer", position),
                Lookup(index, edge.Provider, "provider", position),
                edge.Criticality.Value,
                edge.Volume ?? double.NaN,
                edge.Source);
            position++;
        }

        return new DependencyGraph(ImmutableCollectionsMarshal.AsImmutableArray(sorted), null, index, facts);

        static int Lookup(Dictionary<string, int> index, DepartmentId id, string role, int position) =>
            index.TryGetValue(id.Value, out var i)
                ? i
                : throw new ArgumentException($"Expected edges[{position}].{role} to be one of the departments; got '{id}', which is not.", nameof(edges));
    }

    /// <summary>Tells whether a department is a node of the graph.</summary>
    /// <param name="id">The department id.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool Contains(DepartmentId id) => TryGetIndex(id, out _);

    /// <summary>Gets the merged edges, sorted by consumer then provider. Builds a new array on each call.</summary>
    /// <returns>One edge per ordered pair of departments with at least one edge fact.</returns>
    public ImmutableArray<DependencyEdge> GetEdges()
    {
        var builder = ImmutableArray.CreateBuilder<DependencyEdge>(EdgeCount);
        for (var u = 0; u < DepartmentCount; u++)
        {
            for (var k = _outStart[u]; k < _outStart[u + 1]; k++)
            {
                builder.Add(EdgeAt(u, k));
            }
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Gets the edges from a department to the departments it depends on directly, sorted by provider.</summary>
    /// <param name="consumer">The department.</param>
    /// <returns>Its outgoing merged edges.</returns>
    /// <exception cref="ArgumentException"><paramref name="consumer"/> is not a department of the graph.</exception>
    public ImmutableArray<DependencyEdge> ProvidersOf(DepartmentId consumer)
    {
        var u = IndexOf(consumer, nameof(consumer));
        var builder = ImmutableArray.CreateBuilder<DependencyEdge>(_outStart[u + 1] - _outStart[u]);
        for (var k = _outStart[u]; k < _outStart[u + 1]; k++)
        {
            builder.Add(EdgeAt(u, k));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Gets the edges into a department from the departments that depend on it directly, sorted by consumer.</summary>
    /// <param name="provider">The department.</param>
    /// <returns>Its incoming merged edges.</returns>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is not a department of the graph.</exception>
    public ImmutableArray<DependencyEdge> ConsumersOf(DepartmentId provider)
    {
        var v = IndexOf(provider, nameof(provider));
        var builder = ImmutableArray.CreateBuilder<DependencyEdge>(_inStart[v + 1] - _inStart[v]);
        for (var k = _inStart[v]; k < _inStart[v + 1]; k++)
        {
            var u = _inSource[k];
            builder.Add(EdgeAt(u, _outTarget.AsSpan(_outStart[u], _outStart[u + 1] - _outStart[u]).BinarySearch(v) + _outStart[u]));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Gets the in-degree of every department: how many departments depend on it directly.</summary>
    /// <returns>The number of distinct consumers per department (as networkx's <c>in_degree</c> on the merged graph).</returns>
    public DepartmentValues<int> InDegrees()
    {
        var values = new int[DepartmentCount];
        for (var v = 0; v < values.Length; v++)
        {
            values[v] = _inStart[v + 1] - _inStart[v];
        }

        return Values(values);
    }

    /// <summary>Gets the out-degree of every department: how many departments it depends on directly.</summary>
    /// <returns>The number of distinct providers per department (as networkx's <c>out_degree</c> on the merged graph).</returns>
    public DepartmentValues<int> OutDegrees()
    {
        var values = new int[DepartmentCount];
        for (var v = 0; v < values.Length; v++)
        {
            values[v] = _outStart[v + 1] - _outStart[v];
        }

        return Values(values);
    }

    /// <summary>Returns a short description, for example <c>DependencyGraph (25 departments, 40 edges)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"DependencyGraph ({DepartmentCount} departments, {EdgeCount} edges)";

    /// <summary>
    /// The edge facts of an organisation: the one place that turns the organisation's parts into edges.
    /// Service agreements add their facts here (source <see cref="DependencySource.Agreement"/>).
    /// </summary>
    internal static EdgeFacts EdgeFactsOf(Organization organization)
    {
        var dependencies = organization.Dependencies;
        var agreements = organization.Agreements;
        var facts = new EdgeFacts(dependencies.Length + agreements.Length);
        foreach (var d in dependencies)
        {
            facts.Add(
                organization.IndexOf(d.Consumer),
                organization.IndexOf(d.Provider),
                d.Criticality.Value,
                d.Volume ?? double.NaN,
                DependencySource.Declared);
        }

        // An agreement says the consumer relies on the provider; it carries no criticality of its own,
        // so it counts as Medium (merged with a declared dependency of the same pair, the declared
        // criticality wins when higher: criticalities merge by maximum).
        foreach (var a in agreements)
        {
            facts.Add(
                organization.IndexOf(a.Consumer),
                organization.IndexOf(a.Provider),
                Criticality.Medium.Value,
                double.NaN,
                DependencySource.Agreement);
        }

        return facts;
    }

    internal int IndexOf(DepartmentId id, string parameterName) =>
        TryGetIndex(id, out var i)
            ? i
            : throw new ArgumentException(
                id.IsDefault
                    ? "Expected a department of the graph; got default(DepartmentId)."
                    : $"Expected a department of the graph; got '{id}', which is not one.",
                parameterName);

    internal bool TryGetIndex(DepartmentId id, out int index)
    {
        if (_organization is not null)
        {
            return _organization.TryGetIndex(id, out index);
        }

        return _index!.TryGetValue(id.Value, out index);
    }

    internal DepartmentId IdAt(int index) => Departments[index].Id;

    private DepartmentValues<T> Values<T>(T[] values) => new(this, ImmutableCollectionsMarshal.AsImmutableArray(values));

    private ImmutableArray<DepartmentId> Ids(ReadOnlySpan<int> indices)
    {
        var builder = ImmutableArray.CreateBuilder<DepartmentId>(indices.Length);
        foreach (var i in indices)
        {
            builder.Add(Departments[i].Id);
        }

        return builder.MoveToImmutable();
    }

    private DependencyEdge EdgeAt(int consumer, int edge)
    {
        var packed = _outPacked[edge];
        double? volume = _outVolume is null || double.IsNaN(_outVolume[edge]) ? null : _outVolume[edge];
        return new DependencyEdge(
            Departments[_outTarget[edge]].Id,
            Departments[consumer].Id,
            Criticality.From(packed & CriticalityMask),
            volume,
            (DependencySource)(packed >> SourceShift));
    }
}
