using InternalCustomer.Dependencies;
using InternalCustomer.Tests.Cli;

namespace InternalCustomer.Tests.Dependencies;

/// <summary>
/// Bridging departments (undirected) and sole suppliers (directed). Expected values are worked by hand for the small
/// graph and computed for both graphs by <c>bridging_reference.py</c> (networkx <c>articulation_points</c> and
/// <c>connected_components</c> for the bridging departments and their parts; a plain in-neighbour count and
/// <c>nx.ancestors</c> for the sole suppliers), whose printed values are pasted here.
/// </summary>
public sealed class BridgingAndSoleSupplierTests
{
    // desk serves x, y and z, which also depend on each other (x → y → z): desk bridges nothing. ctl serves m and s,
    // and m serves p: ctl bridges {m, p} and {s}, m bridges {ctl, s} and {p}.
    private static DependencyGraph Small() => DependencyGraph.Create(
        new[] { "ctl", "desk", "m", "p", "s", "x", "y", "z" }.Select(DepartmentId.Parse),
        [
            DependencyEdge.Create("desk", "x"), DependencyEdge.Create("desk", "y"), DependencyEdge.Create("desk", "z"),
            DependencyEdge.Create("y", "x"), DependencyEdge.Create("z", "y"),
            DependencyEdge.Create("ctl", "m"), DependencyEdge.Create("ctl", "s"), DependencyEdge.Create("m", "p"),
        ]);

    private static DepartmentId Id(string id) => DepartmentId.Parse(id);

    private static string[] Names(IEnumerable<DepartmentId> ids) => [.. ids.Select(i => i.Value)];

    [Fact]
    public void Bridging_departments_of_the_small_graph_are_its_articulation_points_with_their_parts()
    {
        var graph = Small();
        var bridging = graph.FindBridgingDepartments();

        // networkx: bridging ctl [(2, ['m']), (1, ['s'])]; bridging m [(2, ['ctl']), (1, ['p'])].
        Assert.Equal(["ctl", "m"], Names(bridging.Select(b => b.Department)));
        Assert.Equal([(2, "m"), (1, "s")], bridging[0].Parts.Select(p => (p.Size, string.Join(",", Names(p.Linked)))));
        Assert.Equal([(2, "ctl"), (1, "p")], bridging[1].Parts.Select(p => (p.Size, string.Join(",", Names(p.Linked)))));

        // The shipped names keep working and say the same.
        var spof = graph.FindSinglePointsOfFailure();
        Assert.Equal(spof.ArticulationPoints, spof.BridgingDepartments);
        Assert.Equal(Names(spof.ArticulationPoints), Names(bridging.Select(b => b.Department)));
    }

    [Fact]
    public void Sole_suppliers_of_the_small_graph_are_ranked_by_dependants_then_reach()
    {
        var sole = Small().FindSoleSuppliers();

        // By hand (and bridging_reference.py): desk 3 dependants, 3 reached; ctl 2, 3 (p through m); z 1, 2 (y, and x
        // through y); m 1, 1; y 1, 1 (ties by id). desk is first although it bridges nothing.
        Assert.Equal(
            [("desk", 3, 3), ("ctl", 2, 3), ("z", 1, 2), ("m", 1, 1), ("y", 1, 1)],
            sole.Select(s => (s.Supplier.Value, s.Dependants.Length, s.Reached)));
        Assert.Equal(["x", "y", "z"], Names(sole[0].Dependants));
        Assert.Equal([true, true, false, false, false], sole.Select(s => s.IsShared));
        Assert.All(sole, s => Assert.Empty(s.Services)); // built without an organisation: no catalogue
    }

    [Fact]
    public void On_the_built_in_example_the_it_service_desk_is_the_first_sole_supplier_and_controlling_only_bridges()
    {
        var graph = DependencyGraph.FromOrganization(ExampleOrganization.Organization());

        // networkx articulation_points of docs/examples/organization.json, with the parts (bridging_reference.py).
        var bridging = graph.FindBridgingDepartments();
        Assert.Equal(["controlling", "maintenance", "payroll", "procurement", "quality"], Names(bridging.Select(b => b.Department)));
        Assert.Equal([(1, "manufacturing"), (1, "shared-services")], bridging[0].Parts.Select(p => (p.Size, string.Join(",", Names(p.Linked)))));
        Assert.Equal([(19, "assembly,body-shop,dispatch,end-of-line,paint-shop,payroll,press-shop,procurement"), (1, "it-infrastructure")], bridging[1].Parts.Select(p => (p.Size, string.Join(",", Names(p.Linked)))));
        Assert.DoesNotContain(bridging, b => b.Department == Id("it-service-desk"));

        // The plain count of bridging_reference.py: dependants, reached.
        var sole = graph.FindSoleSuppliers();
        Assert.Equal(
            [
                ("it-service-desk", 11, 15), ("maintenance", 7, 7), ("hr", 6, 6), ("logistics", 6, 6), ("planning", 6, 6), ("quality", 6, 6),
                ("payroll", 5, 15), ("procurement", 4, 11), ("ehs", 2, 6), ("tooling", 2, 6), ("controlling", 2, 2),
                ("finance", 1, 12), ("it-infrastructure", 1, 7), ("quality-lab", 1, 7), ("press-shop", 1, 5), ("body-shop", 1, 4),
                ("paint-shop", 1, 3), ("assembly", 1, 2), ("end-of-line", 1, 1),
            ],
            sole.Select(s => (s.Supplier.Value, s.Dependants.Length, s.Reached)));
        Assert.Equal(["it-support"], sole[0].Services.Select(s => s.Id.Value));

        // Controlling is a sole supplier, truly: the only provider of cost reports to the two divisions. It ranks 11th of
        // 19, with 2 dependants and nothing further reached, against the IT service desk's 11 and 15.
        Assert.Equal(10, sole.IndexOf(sole.Single(s => s.Supplier == Id("controlling"))));
    }

    [Fact]
    public void Dot_and_mermaid_mark_shared_sole_suppliers_apart_from_articulation_points()
    {
        // Node numbers in id order: ctl n0 (bridging and shared sole supplier), desk n1 (shared sole supplier), m n2 (bridging).
        var graph = Small();
        var dot = graph.ToDot();
        Assert.Matches("n0 \\[[^\\]]*fillcolor=\"#ffd9d9\"[^\\]]*peripheries=2", dot);
        Assert.Matches("n1 \\[[^\\]]*fillcolor=\"#fff2cc\", color=\"#7f6000\"[^\\]]*peripheries=2", dot);
        Assert.Matches("n2 \\[[^\\]]*fillcolor=\"#ffd9d9\"", dot);
        Assert.DoesNotMatch("n2 \\[[^\\]]*peripheries", dot);
        Assert.DoesNotMatch("n3 \\[[^\\]]*(fillcolor|peripheries)", dot); // p: neither

        var mermaid = graph.ToMermaid();
        Assert.Contains("  class n0,n2 spof\n", mermaid);
        Assert.Contains("  classDef sole fill:#fff2cc,stroke:#7f6000,stroke-width:3px,stroke-dasharray:6 3\n  class n1 sole\n", mermaid);
        Assert.Contains("  classDef spofsole stroke:#7f6000,stroke-width:3px,stroke-dasharray:6 3\n  class n0 spofsole\n", mermaid);
    }
}
