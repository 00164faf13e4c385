using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <content>Upstream and downstream (blast radius) queries.</content>
public sealed partial class DependencyGraph
{
    /// <summary>
    /// Finds everything a department relies on: every department it depends on directly or transitively,
    /// with the criticality of the weakest link on the strongest path to it and the shortest distance.
    /// </summary>
    /// <param name="id">The department.</param>
    /// <returns>The departments reached, sorted by id; the department itself is not included (even on a cycle).</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of the graph.</exception>
    /// <remarks>
    /// The weakest-link value is the widest path (bottleneck) value: the maximum over paths of the minimum
    /// criticality on the path. With criticalities in 1–5 it is found by a bucket queue in O(5 × edges reached).
    /// </remarks>
    public ImmutableArray<ReachedDepartment> Upstream(DepartmentId id) =>
        Reach(IndexOf(id, nameof(id)), _outStart, _outTarget, _outPacked);

    /// <summary>
    /// Finds the blast radius of a department: every department that depends on it directly or transitively,
    /// and so is affected if it degrades, with the criticality of the weakest link on the strongest path
    /// and the shortest distance.
    /// </summary>
    /// <param name="id">The department.</param>
    /// <returns>The departments reached, sorted by id; the department itself is not included (even on a cycle).</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of the graph.</exception>
    /// <remarks>The weakest-link value is computed as in <see cref="Upstream"/>, over the reversed edges.
    /// <c>y</c> is downstream of <c>x</c> exactly when <c>x</c> is upstream of <c>y</c>, with the same values.</remarks>
    public ImmutableArray<ReachedDepartment> Downstream(DepartmentId id) =>
        Reach(IndexOf(id, nameof(id)), _inStart, _inSource, _inCriticality);

    private ImmutableArray<ReachedDepartment> Reach(int source, int[] start, int[] target, byte[] packed)
    {
        var n = DepartmentCount;
        var best = new byte[n]; // 0 = not reached
        var distance = new int[n];
        var queue = new int[n];

        // Breadth-first search for distances (and the set reached).
        var head = 0;
        var tail = 0;
        queue[tail++] = source;
        distance[source] = 0;
        best[source] = 6;
        while (head < tail)
        {
            var v = queue[head++];
            for (var k = start[v]; k < start[v + 1]; k++)
            {
                var w = target[k];
                if (best[w] == 0)
                {
                    best[w] = 255;
                    distance[w] = distance[v] + 1;
                    queue[tail++] = w;
                }
            }
        }

        var reached = tail - 1;
        for (var i = 1; i < tail; i++)
        {
            best[queue[i]] = 0;
        }

        // Widest path by a bucket queue: buckets 5..1, always expanding from the highest non-empty one.
        var buckets = new Stack<int>[Criticality.MaxValue + 2];
        for (var b = 1; b < buckets.Length; b++)
        {
            buckets[b] = new Stack<int>();
        }

        buckets[6].Push(source);
        for (var b = 6; b >= 1; b--)
        {
            var bucket = buckets[b];
            while (bucket.Count > 0)
            {
                var v = bucket.Pop();
                if (best[v] != b)
                {
                    continue; // stale entry: improved since pushed
                }

                for (var k = start[v]; k < start[v + 1]; k++)
                {
                    var w = target[k];
                    var width = Math.Min(b, packed[k] & CriticalityMask);
                    if (width > best[w])
                    {
                        best[w] = (byte)width;
                        buckets[width].Push(w);
                    }
                }
            }
        }

        var builder = ImmutableArray.CreateBuilder<ReachedDepartment>(reached);
        for (var v = 0; v < n; v++)
        {
            if (v != source && best[v] != 0)
            {
                builder.Add(new ReachedDepartment(Departments[v].Id, Criticality.From(best[v]), distance[v]));
            }
        }

        return builder.MoveToImmutable();
    }
}
