using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace InternalCustomer.Dependencies;

/// <summary>
/// The condensation of a dependency graph: every strongly connected component (a single department,
/// or a mutual-dependency cluster) collapsed into one node, and a link between two components
/// wherever a department of one depends on a department of the other. The condensation is acyclic.
/// </summary>
/// <remarks>
/// <para><b>Numbering.</b> Components are numbered in topological order with providers first: by
/// <see cref="Tiers"/> ascending, then by their first department id. Every link therefore goes from a
/// higher-numbered component to a lower-numbered one, and from a higher tier to a lower tier.</para>
/// <para><b>Tiers</b> are the topological generations of the condensation counted from the providers:
/// tier 0 depends on nobody, and a component's tier is one more than the highest tier it depends on
/// (the length of the longest dependency chain below it). This equals networkx's
/// <c>topological_generations</c> of the reversed condensation.</para>
/// </remarks>
public sealed class Condensation
{
    private readonly DependencyGraph _graph;
    private readonly int[] _componentOf;
    private readonly int[] _linkStart;
    private readonly int[] _linkTarget;

    internal Condensation(DependencyGraph graph, int[] componentOf, ImmutableArray<ImmutableArray<DepartmentId>> components, ImmutableArray<int> tiers, int[] linkStart, int[] linkTarget)
    {
        _graph = graph;
        _componentOf = componentOf;
        Components = components;
        Tiers = tiers;
        _linkStart = linkStart;
        _linkTarget = linkTarget;
        var links = ImmutableArray.CreateBuilder<ComponentLink>(linkTarget.Length);
        for (var c = 0; c < components.Length; c++)
        {
            for (var k = linkStart[c]; k < linkStart[c + 1]; k++)
            {
                links.Add(new ComponentLink(linkTarget[k], c));
            }
        }

        Links = links.MoveToImmutable();
    }

    /// <summary>Gets the components in topological order (providers first), each sorted by department id.</summary>
    public ImmutableArray<ImmutableArray<DepartmentId>> Components { get; }

    /// <summary>Gets the tier of each component (same indices as <see cref="Components"/>).</summary>
    public ImmutableArray<int> Tiers { get; }

    /// <summary>Gets the links between components, sorted by consumer then provider; at most one per ordered pair.</summary>
    public ImmutableArray<ComponentLink> Links { get; }

    /// <summary>Gets the index of the component holding a department.</summary>
    /// <param name="id">The department id.</param>
    /// <returns>An index into <see cref="Components"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of the graph.</exception>
    public int ComponentOf(DepartmentId id) => _componentOf[_graph.IndexOf(id, nameof(id))];

    /// <summary>Gets the tier of the component holding a department (see the remarks of <see cref="Condensation"/>), in O(1).</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The tier, 0 for a department that depends on nobody outside its own cluster.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of the graph.</exception>
    public int TierOf(DepartmentId id) => Tiers[ComponentOf(id)];

    /// <summary>Names the two ends of a link by their components' representatives: the department with the smallest id of
    /// each component, the first of its list in <see cref="Components"/> (a department on no cycle represents itself;
    /// <see cref="ComponentOf"/> of a representative leads back to its whole component).</summary>
    /// <param name="link">A link of this condensation, for example from <see cref="Links"/> or <see cref="TransitiveReduction"/>.</param>
    /// <returns>The link between the representatives, provider first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An end of <paramref name="link"/> is not a component index of this condensation.</exception>
    public Relationship ByDepartment(ComponentLink link) => new(Representative(link.Provider, nameof(link)), Representative(link.Consumer, nameof(link)));

    /// <summary>
    /// Computes the transitive reduction of the condensation (see <see cref="TransitiveReduction"/>) with each link
    /// named by its components' representative departments (see <see cref="ByDepartment"/>) instead of component indices.
    /// </summary>
    /// <returns>The links of the reduction, sorted by provider then consumer id.</returns>
    public ImmutableArray<Relationship> TransitiveReductionByDepartment()
    {
        var reduction = TransitiveReduction();
        var named = new Relationship[reduction.Length];
        for (var i = 0; i < named.Length; i++)
        {
            named[i] = ByDepartment(reduction[i]);
        }

        Array.Sort(named, static (a, b) => a.Provider != b.Provider ? a.Provider.CompareTo(b.Provider) : a.Consumer.CompareTo(b.Consumer));
        return ImmutableCollectionsMarshal.AsImmutableArray(named);
    }

    /// <summary>
    /// Computes the transitive reduction of the condensation: the fewest links with the same reachability
    /// (a link <c>a → c</c> is dropped when <c>a</c> reaches <c>c</c> through another component). For a DAG
    /// the reduction is unique; it equals networkx's <c>transitive_reduction</c>. Use it to draw a readable picture.
    /// </summary>
    /// <returns>The links of the reduction, sorted by consumer then provider.</returns>
    /// <remarks>Reachability is kept as bit sets over blocks of target components, so memory stays below
    /// about 16 MiB and time is O(links × components / 64).</remarks>
    public ImmutableArray<ComponentLink> TransitiveReduction()
    {
        var n = Components.Length;
        var keep = new bool[_linkTarget.Length];
        if (n == 0)
        {
            return [];
        }

        // below[c] = the components c reaches, restricted to the current block of target components [lo, hi).
        // Providers have lower numbers than their consumers, so below[c] only holds bits < c: a row is read
        // and cleared only up to that bit, and rows of components at or below lo are empty.
        var totalWords = (n + 63) / 64;
        var blockWords = Math.Clamp((1 << 21) / n, 1, totalWords);
        var below = new ulong[(long)n * blockWords];
        for (var firstWord = 0; firstWord < totalWords; firstWord += blockWords)
        {
            var words = Math.Min(blockWords, totalWords - firstWord);
            var lo = firstWord * 64;
            var hi = Math.Min(n, (firstWord + words) * 64);
            for (var c = lo + 1; c < n; c++)
            {
                var mine = below.AsSpan(c * blockWords, RowWords(c, lo, words));
                mine.Clear();

                // Successors nearest first (descending number): a successor reachable through another one is
                // then already in 'mine' when its turn comes, and its row need not be added.
                for (var k = _linkStart[c + 1] - 1; k >= _linkStart[c]; k--)
                {
                    var t = _linkTarget[k];
                    if (t < lo)
                    {
                        continue; // neither t nor anything below it is in this block
                    }

                    if (t < hi)
                    {
                        var bit = t - lo;
                        var mask = 1UL << (bit & 63);
                        if ((mine[bit >> 6] & mask) != 0)
                        {
                            continue;
                        }

                        keep[k] = true;
                        mine[bit >> 6] |= mask;
                    }

                    Or(mine, below.AsSpan(t * blockWords, RowWords(t, lo, words)));
                }
            }
        }

        var builder = ImmutableArray.CreateBuilder<ComponentLink>(CountTrue(keep));
        for (var c = 0; c < n; c++)
        {
            for (var k = _linkStart[c]; k < _linkStart[c + 1]; k++)
            {
                if (keep[k])
                {
                    builder.Add(new ComponentLink(_linkTarget[k], c));
                }
            }
        }

        return builder.MoveToImmutable();
    }

    private DepartmentId Representative(int component, string parameterName) =>
        (uint)component < (uint)Components.Length
            ? Components[component][0]
            : throw new ArgumentOutOfRangeException(
                parameterName,
                component,
                string.Create(CultureInfo.InvariantCulture, $"Expected a component index 0 to {Components.Length - 1}; got {component}."));

    // target |= source over source's length, a vector at a time (the benchmark showed the scalar loop dominating).
    private static void Or(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        var w = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<ulong>.Count)
        {
            var vectors = source.Length / Vector<ulong>.Count;
            var t = MemoryMarshal.Cast<ulong, Vector<ulong>>(target[..(vectors * Vector<ulong>.Count)]);
            var s = MemoryMarshal.Cast<ulong, Vector<ulong>>(source[..(vectors * Vector<ulong>.Count)]);
            for (var i = 0; i < t.Length; i++)
            {
                t[i] |= s[i];
            }

            w = vectors * Vector<ulong>.Count;
        }

        for (; w < source.Length; w++)
        {
            target[w] |= source[w];
        }
    }

    // Words of a row that can hold bits: bits lo .. c - 1 of the block.
    private static int RowWords(int c, int lo, int words) => c <= lo ? 0 : Math.Min(words, ((c - 1 - lo) >> 6) + 1);

    private static int CountTrue(bool[] flags)
    {
        var count = 0;
        foreach (var f in flags)
        {
            count += f ? 1 : 0;
        }

        return count;
    }
}
