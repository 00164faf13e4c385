using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Dependencies;

// DependencyGraph.Create from department ids: no Department objects needed.
public class DependencyGraphFromIdsTests
{
    private static DepartmentId Id(string s) => DepartmentId.Parse(s);

    [Fact]
    public void Ids_make_the_same_graph_as_departments_named_by_their_ids()
    {
        DependencyEdge[] edges = [DependencyEdge.Create(provider: "it", consumer: "sales", criticality: 4), DependencyEdge.Create(provider: "hr", consumer: "it")];

        var fromIds = DependencyGraph.Create([Id("sales"), Id("it"), Id("hr")], edges);
        var fromDepartments = DependencyGraph.Create([new Department(Id("sales"), "sales"), new Department(Id("it"), "it"), new Department(Id("hr"), "hr")], edges);

        Assert.Equal(["hr", "it", "sales"], fromIds.Departments.Select(d => d.Id.Value));
        Assert.Equal(["hr", "it", "sales"], fromIds.Departments.Select(d => d.Name));
        Assert.All(fromIds.Departments, d => Assert.Null(d.Parent));
        Assert.Equal(fromDepartments.GetEdges().ToArray(), fromIds.GetEdges().ToArray());
        var edge = Assert.Single(fromIds.ProvidersOf(Id("sales")));
        Assert.Equal((Id("it"), Id("sales"), 4), (edge.Provider, edge.Consumer, edge.Criticality.Value));
    }

    [Fact]
    public void Bad_ids_are_rejected_like_bad_departments()
    {
        var duplicate = Assert.Throws<ArgumentException>(() => DependencyGraph.Create([Id("a"), Id("a")], []));
        Assert.Equal("departments", duplicate.ParamName);
        Assert.StartsWith("Expected distinct department ids; got 'a' more than once.", duplicate.Message, StringComparison.Ordinal);

        var unset = Assert.Throws<ArgumentException>(() => DependencyGraph.Create([default(DepartmentId)], []));
        Assert.Equal("departments", unset.ParamName);
        Assert.StartsWith("Expected a parsed DepartmentId; got default(DepartmentId).", unset.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ArgumentException>(() => DependencyGraph.Create([Id("a")], [DependencyEdge.Create(provider: "b", consumer: "a")]));
        Assert.Equal("edges", unknown.ParamName);
        Assert.StartsWith("Expected edges[0].provider to be one of the departments; got 'b', which is not.", unknown.Message, StringComparison.Ordinal);

        Assert.Equal("departments", Assert.Throws<ArgumentNullException>(() => DependencyGraph.Create((IEnumerable<DepartmentId>)null!, [])).ParamName);
    }
}
