using FsCheck.Xunit;
using InternalCustomer.Dependencies;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Dependencies;

/// <summary>Tiers looked up by department, and condensation links named by departments.</summary>
public sealed partial class DependencyGraphTests
{
    // networkx 2.8.8 (networkx_reference.py): nx.topological_generations(nx.condensation(G).reverse()), members listed:
    // [archive, facilities], [it], [finance, legal, security], [hr, marketing, procurement, sales], [ops].
    private static readonly Dictionary<string, int> NetworkxTiers = new()
    {
        ["archive"] = 0, ["facilities"] = 0, ["it"] = 1, ["finance"] = 2, ["legal"] = 2, ["security"] = 2,
        ["hr"] = 3, ["marketing"] = 3, ["procurement"] = 3, ["sales"] = 3, ["ops"] = 4,
    };

    [Fact]
    public void A_department_tier_is_looked_up_directly_and_matches_networkx()
    {
        var graph = Reference();
        var condensation = graph.Condense();
        var byDepartment = graph.TierByDepartment();
        Assert.Equal(NetworkxTiers.Count, byDepartment.Count);
        foreach (var (name, tier) in NetworkxTiers)
        {
            Assert.Equal(tier, graph.TierOf(Id(name)));
            Assert.Equal(tier, byDepartment[Id(name)]);
            Assert.Equal(tier, condensation.TierOf(Id(name)));
        }

        // In department id order, as every DepartmentValues is.
        Assert.Equal(ReferenceNodes.Select(n => NetworkxTiers[n]), byDepartment.Values);
    }

    [Fact]
    public void Transitive_reduction_by_department_matches_networkx()
    {
        var condensation = Reference().Condense();

        // networkx 2.8.8: nx.transitive_reduction(nx.condensation(G)).edges(), components named by their first
        // member, printed (consumer, provider): (finance, it), (hr, finance), (it, facilities), (marketing, finance),
        // (ops, procurement), (procurement, finance), (security, it). Here provider first, sorted by provider then consumer.
        Relationship[] expected =
        [
            new(Id("facilities"), Id("it")),
            new(Id("finance"), Id("hr")),
            new(Id("finance"), Id("marketing")),
            new(Id("finance"), Id("procurement")),
            new(Id("it"), Id("finance")),
            new(Id("it"), Id("security")),
            new(Id("procurement"), Id("ops")),
        ];
        Assert.Equal(expected, condensation.TransitiveReductionByDepartment().ToArray());

        // The cluster {marketing, sales} is named by marketing, {finance, legal} by finance; the representative maps back.
        Assert.Equal(condensation.ComponentOf(Id("sales")), condensation.ComponentOf(Id("marketing")));
        Assert.Equal(["finance", "legal"], Names(condensation.Components[condensation.ComponentOf(Id("finance"))]));

        // networkx 2.8.8: nx.condensation(G).edges(), named the same way (ten links, hr -> it and marketing -> it among them).
        var links = condensation.Links.Select(condensation.ByDepartment).Select(l => (l.Consumer.Value, l.Provider.Value)).Order().ToArray();
        (string, string)[] networkxLinks =
        [
            ("finance", "it"), ("hr", "finance"), ("hr", "it"), ("it", "facilities"), ("marketing", "finance"),
            ("marketing", "it"), ("ops", "facilities"), ("ops", "procurement"), ("procurement", "finance"), ("security", "it"),
        ];
        Assert.Equal(networkxLinks, links);
    }

    [Fact]
    public void Tier_and_link_look_ups_reject_what_is_not_in_the_graph()
    {
        var graph = Reference();
        var e = Assert.Throws<ArgumentException>(() => graph.TierOf(Id("nobody")));
        Assert.Equal("id", e.ParamName);
        Assert.StartsWith("Expected a department of the graph; got 'nobody', which is not one.", e.Message);

        var condensation = graph.Condense();
        e = Assert.Throws<ArgumentException>(() => condensation.TierOf(Id("nobody")));
        Assert.Equal("id", e.ParamName);

        var count = condensation.Components.Length;
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => condensation.ByDepartment(new ComponentLink(count, 0)));
        Assert.Equal("link", r.ParamName);
        Assert.StartsWith($"Expected a component index 0 to {count - 1}; got {count}.", r.Message);
        r = Assert.Throws<ArgumentOutOfRangeException>(() => condensation.ByDepartment(new ComponentLink(0, -1)));
        Assert.StartsWith($"Expected a component index 0 to {count - 1}; got -1.", r.Message);
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Tier_look_ups_agree_with_the_tier_lists(GraphSpec spec)
    {
        var graph = spec.Build();
        var condensation = graph.Condense();
        var byDepartment = graph.TierByDepartment();
        var tiers = graph.Tiers();
        for (var t = 0; t < tiers.Length; t++)
        {
            foreach (var id in tiers[t])
            {
                Assert.Equal(t, graph.TierOf(id));
                Assert.Equal(t, byDepartment[id]);
                Assert.Equal(t, condensation.TierOf(id));
            }
        }

        Assert.Equal(graph.Departments.Length, byDepartment.Count);
    }

    [Property(Arbitrary = new[] { typeof(GraphGenerators) })]
    public void Reduction_by_department_names_the_reduction_by_component(GraphSpec spec)
    {
        var condensation = spec.Build().Condense();
        var named = condensation.TransitiveReductionByDepartment();
        var expected = condensation.TransitiveReduction()
            .Select(l => (Provider: condensation.Components[l.Provider][0], Consumer: condensation.Components[l.Consumer][0]))
            .OrderBy(l => l.Provider).ThenBy(l => l.Consumer)
            .Select(l => new Relationship(l.Provider, l.Consumer));
        Assert.Equal(expected, named);
        Assert.All(named, l =>
        {
            Assert.Equal(l.Provider, condensation.Components[condensation.ComponentOf(l.Provider)][0]);
            Assert.True(condensation.TierOf(l.Consumer) > condensation.TierOf(l.Provider));
        });
    }
}
