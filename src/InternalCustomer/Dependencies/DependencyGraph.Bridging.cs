using System.Collections.Immutable;

namespace InternalCustomer.Dependencies;

/// <content>Bridging departments (undirected) and sole suppliers (directed): the two readings of "if this department fails".</content>
public sealed partial class DependencyGraph
{
    /// <summary>
    /// Finds the bridging departments: departments that bridge otherwise separate parts of the organisation, every
    /// dependency path between the parts (direction ignored) going through them. They are the articulation points of
    /// <see cref="FindSinglePointsOfFailure"/>, each with the parts it holds together.
    /// </summary>
    /// <returns>The bridging departments, sorted by id; each has at least two <see cref="BridgingDepartment.Parts"/>.
    /// The departments agree with networkx's <c>articulation_points(G.to_undirected())</c>, the parts with its
    /// <c>connected_components</c> of the department's group without it.</returns>
    /// <remarks>
    /// <para>A bridging department is about the shape of the organisation, not about how much others rely on it: a
    /// department with a single customer that nobody else is linked to is one, while a service desk that every line
    /// depends on is not when the lines are also linked to each other. For the directed question — whose failure leaves
    /// departments without a provider — see <see cref="FindSoleSuppliers"/>.</para>
    /// <para>One low-point depth-first search (Hopcroft and Tarjan, 1973) that also counts subtree sizes: O(departments +
    /// edges), plus a binary search per link of a bridging department to place its linked departments in their part.</para>
    /// </remarks>
    public ImmutableArray<BridgingDepartment> FindBridgingDepartments()
    {
        var search = SearchLowPoints();
        var (start, neighbours, discovery, size) = (search.Start, search.Neighbours, search.Discovery, search.Size);
        var result = ImmutableArray.CreateBuilder<BridgingDepartment>();
        for (var v = 0; v < DepartmentCount; v++)
        {
            if (!search.IsArticulationPoint(v))
            {
                continue;
            }

            var children = search.Separated[v]!;
            var isRoot = search.Parent[v] < 0;

            // Part k < children.Count is child k's subtree (discovery times discovery[c] … discovery[c] + size[c] − 1);
            // the last part, for a department other than its search's root, is the rest of the group, above it.
            var partCount = children.Count + (isRoot ? 0 : 1);
            var linked = new List<DepartmentId>[partCount];
            for (var k = 0; k < partCount; k++)
            {
                linked[k] = [];
            }

            for (var i = start[v]; i < start[v + 1]; i++)
            {
                var w = neighbours[i];
                linked[PartOf(children, discovery, size, w, partCount)].Add(Departments[w].Id);
            }

            var rest = search.GroupSize[search.RootOf[v]] - 1 - children.Sum(c => size[c]);
            var parts = Enumerable.Range(0, partCount)
                .Select(k => new SeparatedPart(k < children.Count ? size[children[k]] : rest, [.. linked[k]]))
                .OrderByDescending(p => p.Size)
                .ThenBy(p => p.Linked[0])
                .ToImmutableArray();
            result.Add(new BridgingDepartment(Departments[v].Id, parts));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Finds the sole suppliers: departments on which others depend with no alternative provider, ranked by how many
    /// departments their failure leaves without one.
    /// </summary>
    /// <returns>Every department with at least one dependant, most dependants first (then most departments reached, then
    /// id). <see cref="SoleSupplier.IsShared"/> marks those with two or more.</returns>
    /// <remarks>
    /// <para><b>Alternative provider.</b> A consumer that depends on a department through one of the department's
    /// services has an alternative when another department provides that service too. The organisation model gives
    /// every service exactly one provider (<see cref="Organizations.Service.Provider"/>; a service's category is a label, not an
    /// equivalence), and a declared dependency names no service at all, so no department is an alternative provider of
    /// another's service: every direct dependant of a department is left without what it gets from it when the
    /// department fails. A department is a sole supplier as soon as one department depends on it, and the ranking says
    /// which ones matter: <see cref="SoleSupplier.Dependants"/> counts the direct dependants left without an
    /// alternative, <see cref="SoleSupplier.Reached"/> the departments the failure reaches transitively (its blast
    /// radius: the direct dependants' own dependants lose what those made with it).</para>
    /// <para>This is the directed counterpart of <see cref="FindBridgingDepartments"/>: the IT service desk that every
    /// line depends on is the first sole supplier although it bridges nothing (the lines are linked to each other
    /// anyway), while a department serving only two otherwise unlinked departments bridges them but ranks low here,
    /// with two dependants.</para>
    /// <para>O(departments + edges) after the blast radii (<see cref="BlastRadii()"/>).</para>
    /// </remarks>
    public ImmutableArray<SoleSupplier> FindSoleSuppliers()
    {
        var blast = BlastRadii();
        var result = new List<SoleSupplier>();
        for (var v = 0; v < DepartmentCount; v++)
        {
            if (_inStart[v + 1] == _inStart[v])
            {
                continue;
            }

            var dependants = ImmutableArray.CreateBuilder<DepartmentId>(_inStart[v + 1] - _inStart[v]);
            for (var k = _inStart[v]; k < _inStart[v + 1]; k++)
            {
                dependants.Add(Departments[_inSource[k]].Id);
            }

            var id = Departments[v].Id;
            result.Add(new SoleSupplier(id, dependants.MoveToImmutable(), blast[id], _organization?.ServicesOf(id) ?? []));
        }

        return [.. result.OrderByDescending(s => s.Dependants.Length).ThenByDescending(s => s.Reached).ThenBy(s => s.Supplier)];
    }

    private static int PartOf(List<int> children, int[] discovery, int[] size, int w, int partCount)
    {
        // The last child discovered at or before w; w is in its subtree when discovered before the subtree ends.
        int lo = 0, hi = children.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (discovery[children[mid]] <= discovery[w])
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && discovery[w] < discovery[children[found]] + size[children[found]] ? found : partCount - 1;
    }
}
