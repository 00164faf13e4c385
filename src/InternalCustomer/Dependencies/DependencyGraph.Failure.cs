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
        var n = DepartmentCount;
        var (start, neighbours) = UndirectedAdjacency();
        var discovery = new int[n]; // 0 = not visited
        var low = new int[n];
        var parent = new int[n];
        var next = new int[n];
        var stack = new int[n];
        var isCut = new bool[n];
        var bridges = new List<(int, int)>();
        var time = 0;
        for (var root = 0; root < n; root++)
        {
            if (discovery[root] != 0)
            {
                continue;
            }

            var rootChildren = 0;
            var top = 0;
            stack[top++] = root;
            parent[root] = -1;
            discovery[root] = low[root] = ++time;
            next[root] = start[root];
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
                        stack[top++] = w;
                        if (v == root)
                        {
                            rootChildren++;
                        }
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

                if (low[v] < low[p])
                {
                    low[p] = low[v];
                }

                if (low[v] > discovery[p])
                {
                    bridges.Add(p < v ? (p, v) : (v, p));
                }

                if (p != root && low[v] >= discovery[p])
                {
                    isCut[p] = true;
                }
            }

            if (rootChildren >= 2)
            {
                isCut[root] = true;
            }
        }

        var points = ImmutableArray.CreateBuilder<DepartmentId>();
        for (var v = 0; v < n; v++)
        {
            if (isCut[v])
            {
                points.Add(Departments[v].Id);
            }
        }

        bridges.Sort();
        var pairs = ImmutableArray.CreateBuilder<DepartmentPair>(bridges.Count);
        foreach (var (a, b) in bridges)
        {
            pairs.Add(new DepartmentPair(Departments[a].Id, Departments[b].Id));
        }

        return new SinglePointsOfFailure(points.ToImmutable(), pairs.MoveToImmutable());
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
