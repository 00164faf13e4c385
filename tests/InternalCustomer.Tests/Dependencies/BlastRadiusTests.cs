using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Dependencies;

public class BlastRadiusTests
{
    [Fact]
    public void Blast_radii_count_every_transitive_dependant_once_cycles_included()
    {
        // b depends on a, c on b, d on c; d and e depend on each other; f works with nobody.
        var organization = Organization.CreateBuilder()
            .AddDepartment("a", "A").AddDepartment("b", "B").AddDepartment("c", "C")
            .AddDepartment("d", "D").AddDepartment("e", "E").AddDepartment("f", "F")
            .AddDependency(consumer: "b", provider: "a")
            .AddDependency(consumer: "c", provider: "b")
            .AddDependency(consumer: "d", provider: "c")
            .AddDependency(consumer: "d", provider: "e")
            .AddDependency(consumer: "e", provider: "d")
            .Build();
        var graph = DependencyGraph.FromOrganization(organization);

        var blast = graph.BlastRadii();

        // a: b, c, d, e; b: c, d, e; c: d, e; d: e (its cluster); e: d; f: nobody.
        Assert.Equal([4, 3, 2, 1, 1, 0], blast.Values.AsEnumerable());
        Assert.Equal(2, blast[DepartmentId.Parse("c")]);
        Assert.All(graph.Departments, d => Assert.Equal(graph.Downstream(d.Id).Length, blast[d.Id]));
    }
}
