using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <content>Strongly and weakly connected components, the condensation, tiers and topological order.</content>
public sealed partial class DependencyGraph
{
    /// <summary>
    /// Finds the strongly connected components: maximal groups of departments each of which depends,
    /// directly or transitively, on every other in the group. A department on no cycle is a component of its own.
    /// </summary>
    /// <returns>The components numbered as in <see cref="Condense"/> (providers first), each sorted by id.</returns>
    /// <remarks>Tarjan (1972), iterative, O(departments + edges); no recursion, so depth is not limited by the call stack.</remarks>
    public ImmutableArray<ImmutableArray<DepartmentId>> StronglyConnectedComponents()
    {
        var scc = ComputeComponents();
        return ComponentLists(scc);
    }

    /// <summary>Builds the condensation: the acyclic graph of strongly connected components.</summary>
    /// <returns>The condensation, with its components, their tiers and the links between them.</returns>
    public Condensation Condense()
    {
        var scc = ComputeComponents();
        var count = scc.Count;
        var linkStart = new int[count + 1];
        var targets = new List<int>();
        var lastSeen = new int[count];
        Array.Fill(lastSeen, -1);
        var row = new List<int>();
        for (var c = 0; c < count; c++)
        {
            row.Clear();
            for (var m = scc.MemberStart[c]; m < scc.MemberStart[c + 1]; m++)
            {
                var v = scc.Members[m];
                for (var k = _outStart[v]; k < _outStart[v + 1]; k++)
                {
                    var d = scc.ComponentOf[_outTarget[k]];
                    if (d != c && lastSeen[d] != c)
                    {
                        lastSeen[d] = c;
                        row.Add(d);
                    }
                }
            }

            row.Sort();
            targets.AddRange(row);
            linkStart[c + 1] = targets.Count;
        }

        return new Condensation(this, scc.ComponentOf, ComponentLists(scc), [.. scc.Tier], linkStart, [.. targets]);
    }

    /// <summary>
    /// Reports every mutual-dependency cluster (相互依赖): each strongly connected component of two or more
    /// departments, with the departments in it and a cycle through them that names who depends on whom.
    /// </summary>
    /// <returns>The clusters ordered by their first department id; empty when the graph is acyclic.</returns>
    public ImmutableArray<MutualDependencyCluster> FindMutualDependencies()
    {
        var scc = ComputeComponents();
        var clusters = new List<(int First, int Component)>();
        for (var c = 0; c < scc.Count; c++)
        {
            if (scc.MemberStart[c + 1] - scc.MemberStart[c] > 1)
            {
                clusters.Add((scc.Members[scc.MemberStart[c]], c));
            }
        }

        clusters.Sort();
        var n = DepartmentCount;
        var parent = new int[n];
        Array.Fill(parent, -1);
        var queue = new int[n];
        var result = ImmutableArray.CreateBuilder<MutualDependencyCluster>(clusters.Count);
        foreach (var (s, c) in clusters)
        {
            // Breadth-first search inside the component from its first department until an edge closes the cycle.
            var head = 0;
            var tail = 0;
            queue[tail++] = s;
            parent[s] = s;
            var closing = -1;
            while (head < tail && closing < 0)
            {
                var v = queue[head++];
                for (var k = _outStart[v]; k < _outStart[v + 1]; k++)
                {
                    var w = _outTarget[k];
                    if (w == s)
                    {
                        closing = v;
                        break;
                    }

                    if (scc.ComponentOf[w] == c && parent[w] < 0)
                    {
                        parent[w] = v;
                        queue[tail++] = w;
                    }
                }
            }

            var path = new List<int>();
            for (var v = closing; v != s; v = parent[v])
            {
                path.Add(v);
            }

            path.Add(s);
            path.Reverse();
            for (var i = 0; i < tail; i++)
            {
                parent[queue[i]] = -1;
            }

            var members = scc.Members.AsSpan(scc.MemberStart[c], scc.MemberStart[c + 1] - scc.MemberStart[c]);
            result.Add(new MutualDependencyCluster(Ids(members), Ids(path.ToArray())));
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// Groups the departments into tiers, the topological generations of the condensation counted from the
    /// providers: tier 0 depends on nobody, and a department's tier is one more than the highest tier of
    /// anything it depends on outside its own mutual-dependency cluster (see <see cref="Condensation"/>).
    /// </summary>
    /// <returns>The tiers, tier 0 first, each sorted by id. Departments of one cluster share a tier.</returns>
    public ImmutableArray<ImmutableArray<DepartmentId>> Tiers()
    {
        var scc = ComputeComponents();
        var tierCount = scc.Count == 0 ? 0 : scc.Tier[scc.Count - 1] + 1;
        var lists = new List<int>[tierCount];
        for (var t = 0; t < tierCount; t++)
        {
            lists[t] = [];
        }

        for (var v = 0; v < DepartmentCount; v++)
        {
            lists[scc.Tier[scc.ComponentOf[v]]].Add(v);
        }

        return [.. lists.Select(l => Ids(l.ToArray()))];
    }

    /// <summary>Gets the tier of every department (see <see cref="Tiers"/>), looked up by department instead of listed by tier.</summary>
    /// <returns>Each department's tier, in department id order.</returns>
    /// <remarks>One pass over the graph, O(departments + edges); for many look-ups keep the result (or a
    /// <see cref="Condensation"/>, whose <see cref="Condensation.TierOf"/> is O(1)).</remarks>
    public DepartmentValues<int> TierByDepartment()
    {
        var scc = ComputeComponents();
        var tiers = new int[DepartmentCount];
        for (var v = 0; v < tiers.Length; v++)
        {
            tiers[v] = scc.Tier[scc.ComponentOf[v]];
        }

        return Values(tiers);
    }

    /// <summary>Gets the tier of one department (see <see cref="Tiers"/>).</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The tier, 0 for a department that depends on nobody outside its own mutual-dependency cluster.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a department of the graph.</exception>
    /// <remarks>O(departments + edges) per call; use <see cref="TierByDepartment"/> or <see cref="Condensation.TierOf"/> for many.</remarks>
    public int TierOf(DepartmentId id)
    {
        var index = IndexOf(id, nameof(id));
        var scc = ComputeComponents();
        return scc.Tier[scc.ComponentOf[index]];
    }

    /// <summary>
    /// Orders the departments so that every department comes after every department it depends on
    /// (providers first: the reverse of networkx's <c>topological_sort</c> of the consumer → provider edges),
    /// by tier and then by id within a tier.
    /// </summary>
    /// <returns>All departments in that order.</returns>
    /// <exception cref="DependencyCycleException">The graph has a cycle; the exception names the departments on one
    /// and lists every mutual-dependency cluster.</exception>
    /// <remarks>Kahn's algorithm over the in-edges, O(departments + edges).</remarks>
    public ImmutableArray<DepartmentId> TopologicalOrder()
    {
        var n = DepartmentCount;
        var remaining = new int[n];
        var tier = new int[n];
        var queue = new int[n];
        var tail = 0;
        for (var v = 0; v < n; v++)
        {
            remaining[v] = _outStart[v + 1] - _outStart[v];
            if (remaining[v] == 0)
            {
                queue[tail++] = v;
            }
        }

        // Locals, not fields: the stores into the work arrays would otherwise make the JIT reload the fields.
        var inStart = _inStart;
        var inSource = _inSource;
        var maxTier = 0;
        for (var head = 0; head < tail; head++)
        {
            var v = queue[head];
            var next = tier[v] + 1;
            for (var k = inStart[v]; k < inStart[v + 1]; k++)
            {
                var u = inSource[k];
                tier[u] = Math.Max(tier[u], next);
                if (--remaining[u] == 0)
                {
                    queue[tail++] = u;
                    maxTier = Math.Max(maxTier, tier[u]);
                }
            }
        }

        if (tail < n)
        {
            throw new DependencyCycleException(FindMutualDependencies());
        }

        // Counting sort by tier; scanning departments in index order keeps ids ascending within a tier.
        var start = new int[maxTier + 2];
        for (var v = 0; v < n; v++)
        {
            start[tier[v] + 1]++;
        }

        for (var t = 0; t <= maxTier; t++)
        {
            start[t + 1] += start[t];
        }

        var order = new DepartmentId[n];
        for (var v = 0; v < n; v++)
        {
            order[start[tier[v]]++] = Departments[v].Id;
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(order);
    }

    /// <summary>
    /// Finds the silos (信息孤岛): the weakly connected components (groups linked by dependencies in either
    /// direction, with nothing linking them to anyone else) and the departments with no dependency at all.
    /// </summary>
    /// <returns>The components and the isolated departments.</returns>
    public SiloReport FindSilos()
    {
        var n = DepartmentCount;
        var component = new int[n];
        Array.Fill(component, -1);
        var stack = new int[n];
        var components = ImmutableArray.CreateBuilder<ImmutableArray<DepartmentId>>();
        var members = new List<int>();
        var count = 0;
        for (var s = 0; s < n; s++)
        {
            if (component[s] >= 0)
            {
                continue;
            }

            members.Clear();
            var top = 0;
            stack[top++] = s;
            component[s] = count;
            while (top > 0)
            {
                var v = stack[--top];
                members.Add(v);
                for (var k = _outStart[v]; k < _outStart[v + 1]; k++)
                {
                    var w = _outTarget[k];
                    if (component[w] < 0)
                    {
                        component[w] = count;
                        stack[top++] = w;
                    }
                }

                for (var k = _inStart[v]; k < _inStart[v + 1]; k++)
                {
                    var w = _inSource[k];
                    if (component[w] < 0)
                    {
                        component[w] = count;
                        stack[top++] = w;
                    }
                }
            }

            members.Sort();
            components.Add(Ids(members.ToArray()));
            count++;
        }

        var isolated = ImmutableArray.CreateBuilder<DepartmentId>();
        for (var v = 0; v < n; v++)
        {
            if (_outStart[v + 1] == _outStart[v] && _inStart[v + 1] == _inStart[v])
            {
                isolated.Add(Departments[v].Id);
            }
        }

        return new SiloReport(components.ToImmutable(), isolated.ToImmutable());
    }

    private ImmutableArray<ImmutableArray<DepartmentId>> ComponentLists(in ComponentIndex scc)
    {
        var builder = ImmutableArray.CreateBuilder<ImmutableArray<DepartmentId>>(scc.Count);
        for (var c = 0; c < scc.Count; c++)
        {
            builder.Add(Ids(scc.Members.AsSpan(scc.MemberStart[c], scc.MemberStart[c + 1] - scc.MemberStart[c])));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>
    /// Tarjan's strongly connected components, iterative, then renumbered canonically: by tier
    /// (longest dependency chain below the component), then by first member.
    /// </summary>
    internal ComponentIndex ComputeComponents()
    {
        var n = DepartmentCount;
        var outStart = _outStart; // locals: array stores in the loops would otherwise force field reloads
        var outTarget = _outTarget;
        var index = new int[n]; // 0 = not visited yet; otherwise the visit number, from 1
        var low = new int[n];
        var raw = new int[n]; // raw component in Tarjan's emission order; -1 while on the stack
        var callStack = new int[n];
        var nextEdge = new int[n];
        var sccStack = new int[n];
        var emitted = new int[n]; // members in emission order, each component contiguous
        var rawStart = new int[n + 1];
        var counter = 0;
        var sccTop = 0;
        var emittedCount = 0;
        var rawCount = 0;
        Array.Fill(raw, -1);

        for (var root = 0; root < n; root++)
        {
            if (index[root] != 0)
            {
                continue;
            }

            var callTop = 0;
            index[root] = low[root] = ++counter;
            sccStack[sccTop++] = root;
            callStack[callTop++] = root;
            nextEdge[root] = outStart[root];
            while (callTop > 0)
            {
                var v = callStack[callTop - 1];
                var end = outStart[v + 1];
                var k = nextEdge[v];
                var descended = false;
                while (k < end)
                {
                    var w = outTarget[k++];
                    if (index[w] == 0)
                    {
                        nextEdge[v] = k;
                        index[w] = low[w] = ++counter;
                        sccStack[sccTop++] = w;
                        callStack[callTop++] = w;
                        nextEdge[w] = outStart[w];
                        descended = true;
                        break;
                    }

                    if (raw[w] < 0 && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }
                }

                if (descended)
                {
                    continue;
                }

                nextEdge[v] = k;
                callTop--;
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = sccStack[--sccTop];
                        raw[w] = rawCount;
                        emitted[emittedCount++] = w;
                    }
                    while (w != v);
                    rawStart[++rawCount] = emittedCount;
                }

                if (callTop > 0)
                {
                    var u = callStack[callTop - 1];
                    if (low[v] < low[u])
                    {
                        low[u] = low[v];
                    }
                }
            }
        }

        // Tiers: every component a raw component depends on was emitted before it.
        var rawTier = new int[rawCount];
        var maxTier = 0;
        for (var r = 0; r < rawCount; r++)
        {
            var t = 0;
            for (var m = rawStart[r]; m < rawStart[r + 1]; m++)
            {
                var v = emitted[m];
                for (var k = outStart[v]; k < outStart[v + 1]; k++)
                {
                    var d = raw[outTarget[k]];
                    if (d != r && rawTier[d] + 1 > t)
                    {
                        t = rawTier[d] + 1;
                    }
                }
            }

            rawTier[r] = t;
            maxTier = Math.Max(maxTier, t);
        }

        // Canonical numbering: by tier, then by first member (scan departments in index order).
        var tierStart = new int[maxTier + 2];
        for (var r = 0; r < rawCount; r++)
        {
            tierStart[rawTier[r] + 1]++;
        }

        for (var t = 0; t <= maxTier; t++)
        {
            tierStart[t + 1] += tierStart[t];
        }

        var renumber = new int[rawCount];
        Array.Fill(renumber, -1);
        var tier = new int[rawCount];
        for (var v = 0; v < n; v++)
        {
            var r = raw[v];
            if (renumber[r] < 0)
            {
                var c = tierStart[rawTier[r]]++;
                renumber[r] = c;
                tier[c] = rawTier[r];
            }
        }

        var componentOf = raw; // reuse: raw ids are no longer needed once renumbered
        var memberStart = new int[rawCount + 1];
        for (var v = 0; v < n; v++)
        {
            componentOf[v] = renumber[raw[v]];
            memberStart[componentOf[v] + 1]++;
        }

        for (var c = 0; c < rawCount; c++)
        {
            memberStart[c + 1] += memberStart[c];
        }

        var fill = memberStart.AsSpan(0, rawCount).ToArray();
        var members = emitted; // reuse
        for (var v = 0; v < n; v++)
        {
            members[fill[componentOf[v]]++] = v;
        }

        return new ComponentIndex(rawCount, componentOf, tier, memberStart, members);
    }

    /// <summary>Strongly connected components in canonical numbering; members of each component ascending.</summary>
    internal readonly record struct ComponentIndex(int Count, int[] ComponentOf, int[] Tier, int[] MemberStart, int[] Members);
}
