using System.Reflection;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using InternalCustomer.Tests;
using InternalCustomer.Tests.Architecture;

namespace InternalCustomer.Orleans.Tests;

/// <summary>The Orleans package's place in the layering of docs/architecture.md, checked on the compiled assemblies
/// with the core tests' reader of namespace uses: only the arrows the document allows, no namespace cycle, every
/// namespace named.</summary>
public class LayeringTests
{
    private static readonly Assembly Package = typeof(ScorecardCluster).Assembly;
    private static readonly Assembly[] Ours = [typeof(Organization).Assembly, typeof(OrganizationJson).Assembly, Package];

    private static readonly LayeringRules Rules = LayeringRules.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "architecture.md")));

    private static IReadOnlyList<NamespaceDependencies.Use> Uses() =>
        NamespaceDependencies.Find(Ours, _ => true).Where(u => u.From.StartsWith("InternalCustomer.Orleans", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Every_arrow_of_the_package_is_one_the_architecture_document_allows()
    {
        var uses = Uses();
        Assert.Contains(uses, u => u.To == "InternalCustomer.Scorecards");
        var forbidden = uses.Where(u => !Rules.Allows(u.From, u.To)).Select(u => $"{u.From} → {u.To} ({u.Where})").ToList();
        Assert.True(forbidden.Count == 0, "Arrows docs/architecture.md does not allow:\n" + string.Join('\n', forbidden));
    }

    [Fact]
    public void The_package_has_no_namespace_cycle_and_every_namespace_is_named()
    {
        Assert.Empty(NamespaceDependencies.Cycles(NamespaceDependencies.Find(Ours, _ => true)));
        var unnamed = Package.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("InternalCustomer", StringComparison.Ordinal)).Distinct().Where(n => !Rules.Names(n)).ToList();
        Assert.True(unnamed.Count == 0, "Namespaces docs/architecture.md does not name: " + string.Join(", ", unnamed));
    }
}
