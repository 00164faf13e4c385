using InternalCustomer.Interchange;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// References between the organisation document's entries: no follow-on problem for a reference to an entry that has
/// problems of its own (docs/interchange.md, "No follow-on problems"), and "did you mean" for one that names nothing.
/// </summary>
public class OrganizationReferencesTests
{
    private static readonly string Organisation = ReaderMutationTests.Organisation;

    private static string With(string from, string to)
    {
        Assert.Contains(from, Organisation, StringComparison.Ordinal);
        return Organisation.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_calendar_is_not_also_reported_missing_where_an_agreement_names_it()
    {
        var read = OrganizationJson.Read(With("\"zone\": \"Europe/Berlin\"", "\"zone\": \"Europe/Nowhere\""));

        var problem = Assert.Single(read.Problems);
        Assert.Equal("$.calendars[0].zone", problem.Location.ToString());
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
    }

    [Fact]
    public void A_department_with_a_problem_of_its_own_is_not_also_unknown_to_the_entries_that_name_it()
    {
        // hr without a name is not made; its service, the dependency on it, its agreement (as provider, and the service the
        // agreement covers, which is not made either) name it, and none of them is reported again.
        var read = OrganizationJson.Read(With("{ \"id\": \"hr\", \"name\": \"人力资源部\" }", "{ \"id\": \"hr\", \"name\": \" \" }"));

        var problem = Assert.Single(read.Problems);
        Assert.Equal("$.departments[2].name", problem.Location.ToString());
    }

    [Fact]
    public void A_reference_to_a_department_that_is_declared_nowhere_is_still_reported()
    {
        var read = OrganizationJson.Read(With("\"consumer\": \"line-a\", \"services\"", "\"consumer\": \"paint-shop\", \"services\""));

        var problem = Assert.Single(read.Problems);
        Assert.Equal("$.agreements[0].consumer", problem.Location.ToString());
        Assert.Equal(ProblemKind.UnknownReference, problem.Kind);
        Assert.Equal("Agreement consumer 'paint-shop' is not a department of this organization.", problem.Message);
    }

    [Fact]
    public void A_near_miss_calendar_gets_did_you_mean()
    {
        var read = OrganizationJson.Read(With("\"calendar\": \"office\"", "\"calendar\": \"offfice\""));

        var problem = Assert.Single(read.Problems);
        Assert.Equal("$.agreements[0].calendar", problem.Location.ToString());
        Assert.Equal("Calendar 'offfice' is not a calendar of this organization; did you mean \"office\"?", problem.Message);
    }

    [Fact]
    public void A_near_miss_parent_provider_and_service_get_did_you_mean()
    {
        var document = With("\"parent\": \"ops\"", "\"parent\": \"opz\"")
            .Replace("\"provider\": \"hr\", \"category\"", "\"provider\": \"HR\", \"category\"", StringComparison.Ordinal)
            .Replace("\"services\": [\"hiring\"]", "\"services\": [\"hirign\"]", StringComparison.Ordinal);

        var read = OrganizationJson.Read(document);

        Assert.Equal(
            [
                ("$.departments[1].parent", "Department 'line-a' names parent 'opz', which is not a department of this organization; did you mean \"ops\"?"),
                ("$.services[0].provider", "Service 'hiring' names provider 'HR', which is not a department of this organization; did you mean \"hr\"?"),
                ("$.agreements[0].services[0]", "Service 'hirign' is not a service of this organization; did you mean \"hiring\"?"),
            ],
            read.Problems.Select(p => (p.Location.ToString(), p.Message)));
    }

    [Fact]
    public void A_service_another_department_offers_is_reported_as_before_without_a_suggestion()
    {
        // ops exists and hiring exists, cleanly: the problem is who offers it, which no suggestion helps with.
        var read = OrganizationJson.Read(With("\"id\": \"sla-hr\", \"provider\": \"hr\"", "\"id\": \"sla-hr\", \"provider\": \"ops\""));

        var problem = Assert.Single(read.Problems);
        Assert.Equal("$.agreements[0].services[0]", problem.Location.ToString());
        Assert.Equal("Service 'hiring' is offered by 'hr', not by the agreement's provider 'ops'.", problem.Message);
    }

    [Fact]
    public void A_near_miss_priority_in_an_objective_set_gets_did_you_mean()
    {
        var document = With("\"agreements\": [", "\"priorities\": [\"urgent\", \"normal\"],\n  \"agreements\": [")
            .Replace(
                "\"firstResponse\": { \"within\": \"PT4H\", \"target\": 0.9, \"warningThresholds\": [0.5, 0.75] },\n      \"resolution\": { \"within\": \"PT52H\", \"target\": 0.95 },",
                "\"objectiveSets\": [ { \"name\": \"fast\", \"priorities\": [\"urgnet\"], \"resolution\": { \"within\": \"PT4H\", \"target\": 0.9 } } ],",
                StringComparison.Ordinal);
        Assert.Contains("urgnet", document, StringComparison.Ordinal);

        var read = OrganizationJson.Read(document);

        var problem = Assert.Single(read.Problems);
        Assert.Equal("$.agreements[0].objectiveSets[0].priorities[0]", problem.Location.ToString());
        Assert.Equal("Priority 'urgnet' is not declared by the organization; it declares urgent, normal; did you mean \"urgent\"?", problem.Message);
    }
}
