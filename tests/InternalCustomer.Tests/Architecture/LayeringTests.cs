using System.Reflection;
using InternalCustomer.Cli;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Architecture;

/// <summary>
/// The layering of docs/architecture.md, checked on the compiled assemblies: no cycle between namespaces, no arrow
/// the document does not allow, no file format, console or command line in the core.
/// </summary>
public class LayeringTests
{
    private static readonly Assembly Core = typeof(Organization).Assembly;
    private static readonly Assembly[] Ours = [Core, typeof(OrganizationJson).Assembly, typeof(Data.ServiceRequestTable).Assembly, typeof(CliApp).Assembly];

    private static readonly Lazy<IReadOnlyList<NamespaceDependencies.Use>> Uses =
        new(() => NamespaceDependencies.Find(Ours, _ => true));

    private static readonly Lazy<LayeringRules> Rules =
        new(() => LayeringRules.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "architecture.md"))));

    [Fact]
    public void No_namespace_cycle_in_any_package()
    {
        var cycles = NamespaceDependencies.Cycles(Uses.Value);

        Assert.True(cycles.IsEmpty, "Namespace cycles:\n" + string.Join('\n', cycles.Select(c => string.Join(" ⇄ ", c) + Evidence(c))));
    }

    [Fact]
    public void Every_arrow_is_one_the_architecture_document_allows()
    {
        var rules = Rules.Value;

        var forbidden = Uses.Value.Where(u => !rules.Allows(u.From, u.To)).Select(u => $"{u.From} → {u.To} ({u.Where})").ToList();

        Assert.True(forbidden.Count == 0, "Arrows docs/architecture.md does not allow:\n" + string.Join('\n', forbidden));
    }

    [Fact]
    public void Every_namespace_is_named_in_the_architecture_document()
    {
        var rules = Rules.Value;
        var namespaces = Ours.SelectMany(a => a.GetTypes()).Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("InternalCustomer", StringComparison.Ordinal)).Distinct();

        var unnamed = namespaces.Where(n => !rules.Names(n)).ToList();

        Assert.True(unnamed.Count == 0, "Namespaces docs/architecture.md does not name: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void The_core_knows_no_file_format_console_or_command_line()
    {
        var rules = Rules.Value;
        Assert.NotEmpty(rules.ForbiddenInCore);

        var outside = NamespaceDependencies.Find([Core], _ => true, rules.ForbiddenInCore)
            .Where(u => rules.ForbiddenInCore.Any(f => u.To == f || u.To.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(u => $"{u.From} → {u.To} ({u.Where})")
            .ToList();
        var console = NamespaceDependencies.FindTypeUses([Core], typeof(Console)).ToList();

        Assert.True(outside.Count == 0, "The core uses:\n" + string.Join('\n', outside));
        Assert.True(console.Count == 0, "The core writes to the console:\n" + string.Join('\n', console));
    }

    [Fact]
    public void The_checks_see_a_cycle_that_exists_only_in_a_method_body()
    {
        // The fixture namespaces use each other: Clock through a method body only, Ledger through a field.
        var fixture = typeof(LayeringTests).Namespace + ".Fixture";
        var uses = NamespaceDependencies.Find([typeof(LayeringTests).Assembly], ns => ns.StartsWith(fixture, StringComparison.Ordinal))
            .Where(u => u.To.StartsWith(fixture, StringComparison.Ordinal))
            .ToList();

        var cycle = Assert.Single(NamespaceDependencies.Cycles(uses));
        Assert.Equal([fixture + ".Clock", fixture + ".Ledger"], cycle.ToArray());
        Assert.Contains(uses, u => u.From == fixture + ".Clock" && u.Where.Contains("Charge body", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.From == fixture + ".Ledger" && u.Where.Contains("field _timer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_use_the_rules_forbid_fails_the_check_even_through_an_attribute_or_a_constraint()
    {
        // Rules in the document's own format: Report may use nothing of the fixture; the fixture's Report uses Clock
        // through an attribute argument and a generic constraint only, so the check must find both and fail.
        var fixture = typeof(LayeringTests).Namespace + ".Fixture";
        var rules = LayeringRules.Parse($"""
            ```layering
            {fixture}.Report :
            {fixture}.Clock  : {fixture}.Ledger
            ```
            """);
        var uses = NamespaceDependencies.Find([typeof(LayeringTests).Assembly], ns => ns == fixture + ".Report").ToList();

        var forbidden = Assert.Single(uses, u => !rules.Allows(u.From, u.To));
        Assert.Equal(fixture + ".Clock", forbidden.To);
        Assert.Contains("Summary: attribute uses", Assert.Single(uses).Where, StringComparison.Ordinal);
        var asked = NamespaceDependencies.FindTypeUses([typeof(LayeringTests).Assembly], typeof(Fixture.Clock.Timer)).ToList();
        var constrained = NamespaceDependencies.FindTypeUses([typeof(LayeringTests).Assembly], typeof(Fixture.Clock.ITicking)).ToList();
        Assert.Contains(asked, w => w.Contains("Summary: attribute", StringComparison.Ordinal));
        Assert.Contains(constrained, w => w.Contains("Count generic constraint", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forbidden_arrow_is_reported_with_where_it_was_seen()
    {
        // What the document forbids, shown on a use the code does not have: the calendar knowing agreements,
        // the graph knowing scoring, scoring knowing the graph, the model knowing a file format.
        var rules = Rules.Value;

        Assert.False(rules.Allows("InternalCustomer.Calendars", "InternalCustomer.Agreements"));
        Assert.False(rules.Allows("InternalCustomer.Agreements", "InternalCustomer.Organizations"));
        Assert.False(rules.Allows("InternalCustomer.Dependencies", "InternalCustomer.Feedback"));
        Assert.False(rules.Allows("InternalCustomer.Dependencies", "InternalCustomer.Scorecards"));
        Assert.False(rules.Allows("InternalCustomer.Feedback", "InternalCustomer.Dependencies"));
        Assert.False(rules.Allows("InternalCustomer.Feedback.Statistics", "InternalCustomer.Dependencies"));
        Assert.False(rules.Allows("InternalCustomer.Organizations", "InternalCustomer.Interchange"));
        Assert.False(rules.Allows("InternalCustomer", "InternalCustomer.Organizations"));
        Assert.False(rules.Allows("InternalCustomer.Scorecards", "InternalCustomer.Cli"));
        Assert.Contains("System.Text.Json", rules.ForbiddenInCore);
        Assert.Contains("System.IO", rules.ForbiddenInCore);

        // And the allowed ones are allowed, so the negative checks above are not vacuous.
        Assert.True(rules.Allows("InternalCustomer.Agreements", "InternalCustomer.Calendars"));
        Assert.True(rules.Allows("InternalCustomer.Scorecards", "InternalCustomer.Dependencies"));
        Assert.True(rules.Allows("InternalCustomer.Interchange.Json", "InternalCustomer"));
    }

    private static string Evidence(IEnumerable<string> cycle)
    {
        var members = cycle.ToHashSet();
        return "\n  " + string.Join("\n  ", Uses.Value.Where(u => members.Contains(u.From) && members.Contains(u.To)).Select(u => u.Where));
    }
}
