using System.Collections.Immutable;
using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Dependencies;

public sealed partial class DependencyGraphTests
{
    [Fact]
    public void Edge_to_an_unknown_department_is_rejected_with_its_position()
    {
        var ex = Assert.Throws<ArgumentException>(() => DependencyGraph.Create(
            [new Department(Id("sales"), "Sales")],
            [DependencyEdge.Create("finance", "sales")]));
        Assert.Equal("edges", ex.ParamName);
        Assert.StartsWith("Expected edges[0].provider to be one of the departments; got 'finance', which is not.", ex.Message);
    }

    [Fact]
    public void Duplicate_department_ids_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => DependencyGraph.Create(
            [new Department(Id("sales"), "Sales"), new Department(Id("sales"), "Sales again")],
            []));
        Assert.Equal("departments", ex.ParamName);
        Assert.StartsWith("Expected distinct department ids; got 'sales' more than once.", ex.Message);
    }

    [Fact]
    public void Null_edge_is_rejected_with_its_position()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => DependencyGraph.Create([new Department(Id("sales"), "Sales")], [null!]));
        Assert.Equal("edges", ex.ParamName);
        Assert.StartsWith("Expected an edge at edges[0]; got null.", ex.Message);
    }

    [Theory]
    [InlineData("array")]
    [InlineData("list")]
    [InlineData("immutable array")]
    [InlineData("lazy sequence")]
    public void Null_edge_after_a_good_one_is_rejected_with_its_position_whatever_the_sequence(string kind)
    {
        // Arrays, lists, immutable arrays (whose counts are known in advance) and a lazy sequence (whose count is not).
        DependencyEdge?[] edges = [new DependencyEdge(Id("it"), Id("sales")), null];
        IEnumerable<DependencyEdge> sequence = kind switch
        {
            "array" => edges!,
            "list" => edges.ToList()!,
            "immutable array" => ImmutableArray.Create(edges)!,
            _ => edges.Where(_ => true).Select(e => e!),
        };
        var ex = Assert.Throws<ArgumentNullException>(() => DependencyGraph.Create([new Department(Id("sales"), "Sales"), new Department(Id("it"), "IT")], sequence));
        Assert.Equal("edges", ex.ParamName);
        Assert.StartsWith("Expected an edge at edges[1]; got null.", ex.Message);
    }

    [Fact]
    public void Organisation_with_a_self_dependency_or_bad_criticality_never_reaches_the_graph()
    {
        var result = Organization.CreateBuilder()
            .AddDepartment("sales", "Sales")
            .AddDependency("sales", "sales")
            .AddDependency("sales", "sales", 9)
            .TryBuild();
        Assert.False(result.IsSuccess);
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void Queries_about_an_unknown_department_name_it()
    {
        var graph = Reference();
        var up = Assert.Throws<ArgumentException>(() => graph.Upstream(Id("nobody")));
        Assert.Equal("id", up.ParamName);
        Assert.StartsWith("Expected a department of the graph; got 'nobody', which is not one.", up.Message);
        var down = Assert.Throws<ArgumentException>(() => graph.Downstream(default));
        Assert.Equal("id", down.ParamName);
        Assert.StartsWith("Expected a department of the graph; got default(DepartmentId).", down.Message);
        var providers = Assert.Throws<ArgumentException>(() => graph.ProvidersOf(Id("nobody")));
        Assert.Equal("consumer", providers.ParamName);
        var component = Assert.Throws<ArgumentException>(() => graph.Condense().ComponentOf(Id("nobody")));
        Assert.Equal("id", component.ParamName);
    }

    [Theory]
    [InlineData(-0.1, 1e-10, 100, "alpha", "Alpha must be in [0, 1); got -0.1.")]
    [InlineData(1.0, 1e-10, 100, "alpha", "Alpha must be in [0, 1); got 1.")]
    [InlineData(double.NaN, 1e-10, 100, "alpha", "Alpha must be in [0, 1); got NaN.")]
    [InlineData(0.85, 0.0, 100, "tolerance", "Tolerance must be a finite number > 0; got 0.")]
    [InlineData(0.85, double.PositiveInfinity, 100, "tolerance", "Tolerance must be a finite number > 0; got Infinity.")]
    [InlineData(0.85, 1e-10, 0, "maxIterations", "Max iterations must be at least 1; got 0.")]
    public void PageRank_rejects_bad_settings(double alpha, double tolerance, int maxIterations, string parameter, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Reference().PageRank(PageRankWeight.None, alpha, tolerance, maxIterations));
        Assert.Equal(parameter, ex.ParamName);
        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public void PageRank_that_cannot_converge_in_time_says_so()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Reference().PageRank(maxIterations: 2));
        Assert.StartsWith("PageRank did not converge: expected an L1 change below 1E-10 within 2 iterations; got ", ex.Message);
    }

    [Fact]
    public void PageRank_rejects_an_undefined_weight()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Reference().PageRank((PageRankWeight)7));
        Assert.Equal("weight", ex.ParamName);
        Assert.StartsWith("Weight must be None, Criticality or Volume; got 7.", ex.Message);
    }
}
