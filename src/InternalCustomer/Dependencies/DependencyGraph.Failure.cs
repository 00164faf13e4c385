using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <content>Single points of failure of the undirected view.</content>
public sealed partial class DependencyGraph
{
    /// <summary>
    /// Finds the single points of failure of the undirected view of the graph (direction ignored, one link
    /// wherever either department depends on the other): the articulation points, departments whose loss cuts
    /// their group apart, and the bridges, links that are the only connection between two groups.
    /// </summary>
    /// <returns>The articulation points and bridges; they agree with networkx's <c>articulation_points</c> and
    /// <c>bridges</c> of <c>G.to_undirected()</c>.</returns>
    /// <remarks>Hopcroft and Tarjan's low-point depth-first search (1973), iterative, O(departments + edges).</remarks>
    public SinglePointsOfFailure FindSinglePointsOfFailure()
    {
        var search = SearchLowPoints();
        var points = ImmutableArray.CreateBuilder<DepartmentId>();
        for (var v = 0; v < DepartmentCount; v++)
        {
            if (search.IsArticulationPoint(v))
            {
                points.Add(Departments[v].Id);
            }
        }

        var bridges = search.Bridges;
        bridges.Sort();
        var pairs = ImmutableArray.CreateBuilder<DepartmentPair>(bridges.Count);
        foreach (var (a, b) in bridges)
        {
            pairs.Add(new DepartmentPair(Departments[a].Id, Departments[b].Id));
        }

        return new SinglePointsOfFailure(points.ToImmutable(), pairs.MoveToImmutable());
    }

    /// <summary>
    /// What one low-point depth-first search of the undirected view finds (Hopcroft and Tarjan, 1973): per department its
    /// discovery time, search parent (−1 for a root), subtree size and search root, per root the size of its group, per
    /// department the children whose subtree is a part of its own without it (for a root: every child), and the bridges.
    /// </summary>
    private sealed record LowPoints(
        int[] Start,
        int[] Neighbours,
        int[] Discovery,
        int[] Parent,
        int[] Size,
        int[] RootOf,
        int[] GroupSize,
        List<int>?[] Separated,
        List<(int, int)> Bridges)
    {
        /// <summary>Whether removing the department cuts its group apart: a root with two or more children, another
        /// department with a child whose subtree links nowhere above it.</summary>
        internal bool IsArticulationPoint(int v) => Separated[v] is { } children && (Parent[v] >= 0 || children.Count >= 2);
    }

    /// <summary>The low-point search of the undirected view, iterative, O(departments + edges); its results serve both
    /// <see cref="FindSinglePointsOfFailure"/> and <see cref="FindBridgingDepartments"/>.</summary>
    private LowPoints SearchLowPoints()
    {
        var n = DepartmentCount;
        var (start, neighbours) = UndirectedAdjacency();
        var discovery = new int[n]; // 0 = not visited
        var low = new int[n];
        var parent = new int[n];
        var next = new int[n];
        var stack = new int[n];
        var size = new int[n];
        var rootOf = new int[n];
        var groupSize = new int[n]; // by root
        var separated = new List<int>?[n]; // in discovery order
        var bridges = new List<(int, int)>();
        var time = 0;
        for (var root = 0; root < n; root++)
        {
            if (discovery[root] != 0)
            {
                continue;
            }

            var count = 1;
            var top = 0;
            stack[top++] = root;
            parent[root] = -1;
            discovery[root] = low[root] = ++time;
            next[root] = start[root];
            size[root] = 1;
            rootOf[root] = root;
            while (top > 0)
            {
                var v = stack[top - 1];
                if (next[v] < start[v + 1])
                {
                    var w = neighbours[next[v]++];
                    if (discovery[w] == 0)
                    {
                        parent[w] = v;
                        discovery[w] = low[w] = ++time;
                        next[w] = start[w];
                        size[w] = 1;
                        rootOf[w] = root;
                        stack[top++] = w;
                        count++;
                    }
                    else if (w != parent[v] && discovery[w] < low[v])
                    {
                        low[v] = discovery[w];
                    }

                    continue;
                }

                top--;
                var p = parent[v];
                if (p < 0)
                {
                    continue;
                }

                low[p] = Math.Min(low[p], low[v]);
                size[p] += size[v];
                if (low[v] > discovery[p])
                {
                    bridges.Add(p < v ? (p, v) : (v, p));
                }

                // The root's children share no link (an undirected search has no cross links), so each is a part;
                // another department's child is a part of its own when nothing in its subtree links above the department.
                if (p == root || low[v] >= discovery[p])
                {
                    (separated[p] ??= []).Add(v);
                }
            }

            groupSize[root] = count;
        }

        return new LowPoints(start, neighbours, discovery, parent, size, rootOf, groupSize, separated, bridges);
    }

    /// <summary>The undirected view: per department, the union of its out- and in-neighbours, ascending, without repeats.</summary>
    private (int[] Start, int[] Neighbours) UndirectedAdjacency()
    {
        var n = DepartmentCount;
        var start = new int[n + 1];
        var neighbours = new int[2 * EdgeCount];
        var count = 0;
        for (var v = 0; v < n; v++)
        {
            int i = _outStart[v], iEnd = _outStart[v + 1], j = _inStart[v], jEnd = _inStart[v + 1];
            while (i < iEnd || j < jEnd)
            {
                int w;
                if (j >= jEnd || (i < iEnd && _outTarget[i] < _inSource[j]))
                {
                    w = _outTarget[i++];
                }
                else if (i >= iEnd || _inSource[j] < _outTarget[i])
                {
                    w = _inSource[j++];
                }
                else
                {
                    w = _outTarget[i++];
                    j++;
                }

                neighbours[count++] = w;
            }

            start[v + 1] = count;
        }

        return (start, neighbours);
    }
}
