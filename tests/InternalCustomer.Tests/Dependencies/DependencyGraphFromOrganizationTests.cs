using InternalCustomer.Calendars;
using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Tests.Dependencies;

public class DependencyGraphFromOrganizationTests
{
    private static DepartmentId Id(string s) => DepartmentId.Parse(s);

    [Fact]
    public void Agreements_and_declared_dependencies_both_become_edges_merged_by_pair()
    {
        var org = Organization.CreateBuilder()
            .AddDepartment("it", "IT")
            .AddDepartment("hr", "HR")
            .AddDepartment("line", "Line")
            .AddService("desk", "Service desk", "it")
            .AddService("payroll", "Payroll", "hr")
            .AddCalendar("office", BusinessCalendar.WeekdaysNineToFive("Europe/London"))
            .AddAgreement("line-it", "it", "line", ["desk"], "office", new LocalDate(2026, 1, 1), null, Period.FromMonths(3),
                Duration.FromHours(4), 0.9, Duration.FromHours(16), 0.9, 0.8)
            .AddAgreement("line-hr", "hr", "line", ["payroll"], "office", new LocalDate(2026, 1, 1), null, Period.FromMonths(6),
                Duration.FromHours(8), 0.9, Duration.FromHours(40), 0.95, null)
            .AddDependency("line", "it", criticality: 5)
            .Build();

        var graph = DependencyGraph.FromOrganization(org);
        var edges = graph.ProvidersOf(Id("line")).ToDictionary(e => e.Provider);

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal(DependencySource.Declared | DependencySource.Agreement, edges[Id("it")].Source);
        Assert.Equal(Criticality.Highest, edges[Id("it")].Criticality); // max(declared 5, agreement's Medium)
        Assert.Equal(DependencySource.Agreement, edges[Id("hr")].Source);
        Assert.Equal(Criticality.Medium, edges[Id("hr")].Criticality);
    }
}
