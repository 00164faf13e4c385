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
            .AddAgreement(new AgreementDraft("line-it")
                {
                    Provider = "it",
                    Consumer = "line",
                    Services = ["desk"],
                    Calendar = "office",
                    EffectiveFrom = new LocalDate(2026, 1, 1),
                    ReviewCadence = Period.FromMonths(3),
                    FirstResponse = new ObjectiveDraft(within: Duration.FromHours(4), target: 0.9),
                    Resolution = new ObjectiveDraft(within: Duration.FromHours(16), target: 0.9),
                    SatisfactionTarget = 0.8,
                })
            .AddAgreement(new AgreementDraft("line-hr")
                {
                    Provider = "hr",
                    Consumer = "line",
                    Services = ["payroll"],
                    Calendar = "office",
                    EffectiveFrom = new LocalDate(2026, 1, 1),
                    ReviewCadence = Period.FromMonths(6),
                    FirstResponse = new ObjectiveDraft(within: Duration.FromHours(8), target: 0.9),
                    Resolution = new ObjectiveDraft(within: Duration.FromHours(40), target: 0.95),
                })
            .AddDependency("it", "line", criticality: 5)
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
