using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Organizations;
using InternalCustomer.Tests.Generators;
using static InternalCustomer.Tests.Generators.OrganizationGenerators;

namespace InternalCustomer.Tests.Organizations;

public class OrganizationTests
{
    private static DepartmentId Id(string text) => DepartmentId.Parse(text);

    //        corp                 standalone
    //       /    \
    //     ops    support
    //    /  \    /  |  \
    // prod-a prod-b fin hr it
    private static Organization Example() =>
        Organization.CreateBuilder()
            .AddDepartment("prod-b", "Production line B", "ops")
            .AddDepartment("corp", "Corporate")
            .AddDepartment("ops", "Operations", "corp")
            .AddDepartment("prod-a", "Production line A", "ops")
            .AddDepartment("support", "Support functions", "corp")
            .AddDepartment("it", "IT", "support")
            .AddDepartment("hr", "人力资源部", "support", "Human resources")
            .AddDepartment("fin", "Finance", "support")
            .AddDepartment("standalone", "Research lab")
            .AddService("payroll", "Payroll", "hr", "People")
            .AddService("laptops", "Laptop provisioning", "it")
            .AddService("recruiting", "Recruiting", "hr")
            .AddDependency("prod-a", "prod-b", criticality: 5)
            .AddDependency("it", "prod-a", criticality: 4, volume: 120)
            .AddDependency("it", "hr")
            .Build();

    [Fact]
    public void Collections_are_sorted_by_id_whatever_the_insertion_order()
    {
        var org = Example();

        Assert.Equal(
            ["corp", "fin", "hr", "it", "ops", "prod-a", "prod-b", "standalone", "support"],
            org.Departments.Select(d => d.Id.Value));
        Assert.Equal(["laptops", "payroll", "recruiting"], org.Services.Select(s => s.Id.Value));
        Assert.Equal(
            [("it", "hr"), ("it", "prod-a"), ("prod-a", "prod-b")],
            org.Dependencies.Select(d => (d.Provider.Value, d.Consumer.Value)));
        Assert.Equal(new[] { Id("corp"), Id("standalone") }, org.Roots.AsEnumerable());
    }

    [Fact]
    public void Hierarchy_queries_follow_the_tree()
    {
        var org = Example();

        Assert.Equal(Id("ops"), org.ParentOf(Id("prod-a")));
        Assert.Null(org.ParentOf(Id("corp")));
        Assert.Equal(new[] { Id("fin"), Id("hr"), Id("it") }, org.ChildrenOf(Id("support")).AsEnumerable());
        Assert.Empty(org.ChildrenOf(Id("standalone")));
        Assert.Equal(new[] { Id("ops"), Id("corp") }, org.AncestorsOf(Id("prod-a")).AsEnumerable());
        Assert.Empty(org.AncestorsOf(Id("standalone")));
        Assert.Equal(
            ["ops", "prod-a", "prod-b", "support", "fin", "hr", "it"],
            org.DescendantsOf(Id("corp")).Select(d => d.Value));
        Assert.Equal(2, org.DepthOf(Id("prod-b")));
        Assert.Equal(0, org.DepthOf(Id("standalone")));
        Assert.True(org.IsAncestorOf(Id("corp"), Id("it")));
        Assert.False(org.IsAncestorOf(Id("it"), Id("corp")));
        Assert.False(org.IsAncestorOf(Id("ops"), Id("ops")));
        Assert.False(org.IsAncestorOf(Id("ops"), Id("hr")));
    }

    [Fact]
    public void Catalogue_and_lookups()
    {
        var org = Example();

        Assert.Equal(["payroll", "recruiting"], org.ServicesOf(Id("hr")).Select(s => s.Id.Value));
        Assert.Empty(org.ServicesOf(Id("fin")));
        Assert.Equal("人力资源部", org.GetDepartment(Id("hr")).Name);
        Assert.Equal(Id("it"), org.GetService(ServiceId.Parse("laptops")).Provider);
        Assert.True(org.Contains(Id("corp")));
        Assert.False(org.Contains(Id("nope")));
    }

    [Fact]
    public void Unknown_ids_are_rejected_naming_them()
    {
        var org = Example();

        var department = Assert.Throws<ArgumentException>(() => org.AncestorsOf(Id("nope")));
        var service = Assert.Throws<ArgumentException>(() => org.GetService(ServiceId.Parse("nope")));
        var second = Assert.Throws<ArgumentException>(() => org.IsAncestorOf(Id("corp"), Id("ghost")));

        Assert.Equal("id", department.ParamName);
        Assert.StartsWith("Expected a department of this organization; got 'nope', which is not one.", department.Message, StringComparison.Ordinal);
        Assert.Equal("id", service.ParamName);
        Assert.Equal("descendant", second.ParamName);
    }

    [Fact]
    public void RollUp_folds_each_subtree()
    {
        var org = Example();

        // Head count per department, rolled up: corp = 10 + ops(5 + 20 + 30) + support(4 + 7 + 6 + 9) = 91.
        var own = new Dictionary<string, int>
        {
            ["corp"] = 10,
            ["ops"] = 5,
            ["prod-a"] = 20,
            ["prod-b"] = 30,
            ["support"] = 4,
            ["fin"] = 7,
            ["hr"] = 6,
            ["it"] = 9,
            ["standalone"] = 3,
        };
        var rolled = org.RollUp(d => own[d.Value], (a, b) => a + b);

        Assert.Equal(91, rolled[Id("corp")]);
        Assert.Equal(55, rolled[Id("ops")]);
        Assert.Equal(26, rolled[Id("support")]);
        Assert.Equal(3, rolled[Id("standalone")]);
        Assert.Equal(20, rolled[Id("prod-a")]);
    }

    [Fact]
    public void Three_planted_problems_are_all_reported_with_their_locations()
    {
        var result = Organization.CreateBuilder()
            .AddDepartment("finance", "Finance")
            .AddDepartment("finance", "Finance again")          // duplicate id
            .AddDepartment("it", "IT", parent: "headquarters")   // dangling parent
            .AddDepartment("team-a", "Team A", parent: "team-b") // cycle team-a → team-b → team-c → team-a
            .AddDepartment("team-b", "Team B", parent: "team-c")
            .AddDepartment("team-c", "Team C", parent: "team-a")
            .TryBuild();

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Collection(
            result.Problems,
            p =>
            {
                Assert.Equal(ProblemKind.DuplicateId, p.Kind);
                Assert.Equal(At("departments", 1, "id"), p.Location);
                Assert.Equal("Department id 'finance' is already used by $.departments[0].", p.Message);
            },
            p =>
            {
                Assert.Equal(ProblemKind.UnknownReference, p.Kind);
                Assert.Equal(At("departments", 2, "parent"), p.Location);
                Assert.Equal("Department 'it' names parent 'headquarters', which is not a department of this organization.", p.Message);
            },
            p =>
            {
                Assert.Equal(ProblemKind.ParentCycle, p.Kind);
                Assert.Equal(At("departments", 3, "parent"), p.Location);
                Assert.Equal("Parent links form a cycle through 3 departments: team-a → team-b → team-c → team-a.", p.Message);
            });
    }

    [Fact]
    public void Build_throws_one_exception_listing_every_problem()
    {
        var builder = Organization.CreateBuilder()
            .AddDepartment("", "Nameless id")
            .AddDepartment("a b", null)
            .AddService("svc", "Service", "ghost")
            .AddDependency(provider: "a", consumer: "a", criticality: 0);

        var ex = Assert.Throws<OrganizationValidationException>(builder.Build);

        Assert.Equal(
            [
                (At("departments", 0, "id"), ProblemKind.InvalidId),
                (At("departments", 1, "id"), ProblemKind.InvalidId),
                (At("departments", 1, "name"), ProblemKind.InvalidValue),
                (At("services", 0, "provider"), ProblemKind.UnknownReference),
                (At("dependencies", 0, "criticality"), ProblemKind.InvalidValue),
            ],
            ex.Problems.Select(p => (p.Location, p.Kind)));
        Assert.StartsWith("The organization has 5 problems:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.departments[1].name: A name must be non-blank text; got null.", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ProblemException>(ex);
    }

    [Fact]
    public void A_department_that_is_its_own_parent_is_a_cycle()
    {
        var result = Organization.CreateBuilder().AddDepartment("loop", "Loop", parent: "loop").TryBuild();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.ParentCycle, problem.Kind);
        Assert.Equal(At("departments", 0, "parent"), problem.Location);
        Assert.Contains("loop → loop", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_organization_is_valid_and_equal_to_Empty()
    {
        var org = Organization.CreateBuilder().Build();

        Assert.Equal(Organization.Empty, org);
        Assert.Empty(org.Roots);
        Assert.Empty(org.RollUp(_ => 1, (a, b) => a + b));
    }

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) })]
    public bool Every_generated_organization_validates_and_rebuilds_equal(Organization org)
    {
        var again = org.ToBuilder().TryBuild();
        return again.IsSuccess && again.Problems.IsEmpty && again.Value.Equals(org) && again.Value.GetHashCode() == org.GetHashCode();
    }

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) })]
    public Property Invalid_organizations_report_exactly_their_planted_problems(PlantedOrganization planted)
    {
        var result = planted.Builder.TryBuild();
        var reported = result.Problems.Select(p => (p.Kind, p.Location)).OrderBy(p => p.Location.ToString(), StringComparer.Ordinal).ToList();
        var expected = planted.Planted.OrderBy(p => p.Location.ToString(), StringComparer.Ordinal).ToList();
        return (!result.IsSuccess && reported.SequenceEqual(expected)).Label($"reported {string.Join(", ", reported)}");
    }

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) })]
    public bool Ancestors_and_descendants_are_inverse_relations(Organization org)
    {
        foreach (var a in org.Departments)
        {
            var descendants = org.DescendantsOf(a.Id).ToHashSet();
            foreach (var d in org.Departments)
            {
                var isDescendant = descendants.Contains(d.Id);
                if (isDescendant != org.AncestorsOf(d.Id).Contains(a.Id) || isDescendant != org.IsAncestorOf(a.Id, d.Id))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) })]
    public bool Every_department_has_one_root_chain(Organization org)
    {
        var roots = org.Roots.ToHashSet();
        return org.Departments.All(d =>
        {
            var chain = org.AncestorsOf(d.Id);
            var top = chain.IsEmpty ? d.Id : chain[^1];
            return chain.Length == org.DepthOf(d.Id)
                && chain.Distinct().Count() == chain.Length
                && roots.Contains(top)
                && (chain.IsEmpty ? d.Parent is null : chain[0] == d.Parent);
        });
    }

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) })]
    public bool Every_department_is_a_root_or_the_descendant_of_exactly_one_root(Organization org)
    {
        var covered = org.Roots.SelectMany(r => org.DescendantsOf(r).Prepend(r)).ToList();
        return covered.Count == org.Departments.Length && covered.ToHashSet().SetEquals(org.Departments.Select(d => d.Id));
    }

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) })]
    public bool RollUp_equals_the_sum_over_each_subtree(Organization org)
    {
        static int Weight(DepartmentId id) => id.Value.Length;
        var rolled = org.RollUp(Weight, (a, b) => a + b);
        return org.Departments.All(d => rolled[d.Id] == Weight(d.Id) + org.DescendantsOf(d.Id).Sum(Weight));
    }

    [Property]
    public Property Insertion_order_does_not_change_the_organization(int seed)
    {
        var org = OrganizationGenerators.ValidOrganization(seed);
        var random = new Random(seed ^ 0x5eed);
        var shuffled = Organization.CreateBuilder();
        foreach (var d in org.Departments.OrderBy(_ => random.Next()))
        {
            shuffled.AddDepartment(d);
        }

        foreach (var s in org.Services.OrderBy(_ => random.Next()))
        {
            shuffled.AddService(s);
        }

        foreach (var dep in org.Dependencies.OrderBy(_ => random.Next()))
        {
            shuffled.AddDependency(dep);
        }

        return shuffled.Build().Equals(org).ToProperty();
    }
}
