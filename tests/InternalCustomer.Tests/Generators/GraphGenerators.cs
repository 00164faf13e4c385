using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Generators;

/// <summary>A random dependency graph as data: departments d00.., edge facts (possibly parallel), and a seed for reordering.</summary>
public sealed record GraphSpec(int Count, ImmutableArray<(int Consumer, int Provider, int Criticality, double? Volume)> Facts, int Seed)
{
    public static DepartmentId Id(int i) => DepartmentId.Parse("d" + i.ToString("D2", CultureInfo.InvariantCulture));

    public ImmutableArray<Department> Departments => [.. Enumerable.Range(0, Count).Select(i => new Department(Id(i), "Department " + i.ToString(CultureInfo.InvariantCulture)))];

    public ImmutableArray<DependencyEdge> Edges => [.. Facts.Select(f => new DependencyEdge(Id(f.Provider), Id(f.Consumer), Criticality.From(f.Criticality), f.Volume))];

    public DependencyGraph Build() => DependencyGraph.Create(Departments, Edges);

    /// <summary>The same graph with departments and edge facts supplied in a shuffled order.</summary>
    public DependencyGraph BuildShuffled()
    {
        var random = new Random(Seed);
        var departments = Departments.ToArray();
        var edges = Edges.ToArray();
        random.Shuffle(departments);
        random.Shuffle(edges);
        return DependencyGraph.Create(departments, edges);
    }

    /// <summary>Keeps only the facts that go down a random ranking of the departments, which leaves a DAG.</summary>
    public GraphSpec Acyclic()
    {
        var rank = Enumerable.Range(0, Count).ToArray();
        new Random(Seed).Shuffle(rank);
        return this with { Facts = [.. Facts.Where(f => rank[f.Consumer] > rank[f.Provider])] };
    }

    public override string ToString() =>
        $"{Count} departments: " + string.Join(", ", Facts.Select(f => $"{f.Consumer}->{f.Provider}({f.Criticality})"));
}

/// <summary>FsCheck generators for the Dependencies area.</summary>
public static class GraphGenerators
{
    /// <summary>Graphs of 1 to 24 departments with up to three edge facts per department, self-loops excluded, parallel facts included.</summary>
    public static Arbitrary<GraphSpec> Graph() =>
        Arb.From(
            from n in Gen.Choose(1, 24)
            from m in Gen.Choose(0, 3 * n)
            from facts in Gen.ArrayOf(Fact(n), m)
            from seed in Gen.Choose(0, 1_000_000)
            select new GraphSpec(n, [.. facts.Where(f => f.Consumer != f.Provider)], seed));

    private static Gen<(int Consumer, int Provider, int Criticality, double? Volume)> Fact(int n) =>
        from u in Gen.Choose(0, n - 1)
        from v in Gen.Choose(0, n - 1)
        from c in Gen.Choose(1, 5)
        from hasVolume in Gen.Elements(true, false)
        from volume in Gen.Choose(0, 100)
        select (u, v, c, hasVolume ? (double?)volume : null);
}
