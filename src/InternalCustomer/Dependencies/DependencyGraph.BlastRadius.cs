using System.Collections.Immutable;
using System.Numerics;

namespace InternalCustomer.Dependencies;

/// <content>The blast radius of every department at once, over the condensation.</content>
public sealed partial class DependencyGraph
{
    /// <summary>
    /// Gets the blast radius of every department: how many other departments depend on it directly or
    /// transitively (the length of <see cref="Downstream"/>), for all departments in one pass.
    /// </summary>
    /// <returns>The blast radius of every department, in department id order.</returns>
    /// <remarks>
    /// Computed over the <see cref="Condense">condensation</see>: a department's blast radius is the other
    /// departments of its mutual-dependency cluster plus every department of every component that depends on
    /// its component transitively. Reach sets are bitsets over components, filled consumers first (descending
    /// tier), so all departments together cost O(C²/64 + links · C/64) for C components instead of one graph
    /// search each (1,000 searches of a 1,000-department graph take ~0.7 s; this takes milliseconds).
    /// </remarks>
    public DepartmentValues<int> BlastRadii()
    {
        var condensation = Condense();
        var byComponent = BlastRadii(condensation);
        var values = ImmutableArray.CreateBuilder<int>(DepartmentCount);
        foreach (var department in Departments)
        {
            values.Add(byComponent[condensation.ComponentOf(department.Id)]);
        }

        return new DepartmentValues<int>(this, values.MoveToImmutable());
    }

    private static int[] BlastRadii(Condensation condensation)
    {
        var components = condensation.Components;
        var count = components.Length;
        var words = (count + 63) / 64;
        var reach = new ulong[(long)count * words];
        var consumersOf = new List<int>[count];
        for (var c = 0; c < count; c++)
        {
            consumersOf[c] = [];
        }

        foreach (var link in condensation.Links)
        {
            consumersOf[link.Provider].Add(link.Consumer);
        }

        var order = Enumerable.Range(0, count).OrderByDescending(c => condensation.Tiers[c]).ToArray();
        var blast = new int[count];
        foreach (var c in order)
        {
            var mine = reach.AsSpan(c * words, words);
            foreach (var k in consumersOf[c])
            {
                var theirs = reach.AsSpan(k * words, words);
                for (var w = 0; w < words; w++)
                {
                    mine[w] |= theirs[w];
                }

                mine[k / 64] |= 1UL << (k % 64);
            }

            var total = components[c].Length - 1;
            for (var w = 0; w < words; w++)
            {
                for (var bits = mine[w]; bits != 0; bits &= bits - 1)
                {
                    total += components[(w * 64) + BitOperations.TrailingZeroCount(bits)].Length;
                }
            }

            blast[c] = total;
        }

        return blast;
    }
}
