using InternalCustomer.Interchange;

namespace InternalCustomer.Tests.Cli;

/// <summary>
/// Keeps docs/examples (embedded in the tool) equal to what the seeded generator produces. To regenerate
/// after changing <see cref="ExampleOrganization"/>: <c>INTERNALCUSTOMER_UPDATE_EXAMPLES=1 dotnet test --filter ExampleFilesTests</c>,
/// then build again so the tool embeds the new files.
/// </summary>
public class ExampleFilesTests
{
    [Fact]
    public void The_example_files_are_what_the_seeded_generator_produces()
    {
        var organization = ExampleOrganization.Organization();
        var requests = ExampleOrganization.Requests(organization);
        var responses = ExampleOrganization.Responses(organization);
        var files = new Dictionary<string, string>
        {
            ["organization.json"] = OrganizationJson.WriteToString(organization) + "\n",
            ["requests.csv"] = ServiceRequestCsv.WriteToString(requests),
            ["requests.json"] = ServiceRequestJson.WriteToString(requests) + "\n",
            ["responses.csv"] = FeedbackResponseCsv.WriteToString(responses),
            ["responses.json"] = FeedbackResponseJson.WriteToString(responses) + "\n",
            ["improvement.json"] = ImprovementJson.WriteToString(ExampleOrganization.Improvement(organization)) + "\n",
        };

        var folder = RepositoryFiles.Path("docs", "examples");
        var update = Environment.GetEnvironmentVariable("INTERNALCUSTOMER_UPDATE_EXAMPLES") == "1";
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            if (update)
            {
                File.WriteAllText(path, content);
            }

            Assert.True(File.Exists(path), $"{path} is missing; regenerate the examples.");
            Assert.True(content == File.ReadAllText(path), $"{path} differs from the generator's output; regenerate the examples.");
        }
    }

    [Fact]
    public void The_example_has_the_size_the_docs_promise()
    {
        var organization = ExampleOrganization.Organization();

        Assert.Equal(25, organization.Departments.Length);
        Assert.InRange(organization.Agreements.Length, 55, 65);
        var requests = ExampleOrganization.Requests(organization);
        var months = requests.Select(r => r.Opened.InUtc().Date.ToYearMonth()).Distinct().Count();
        Assert.InRange(months, 12, 13);
        Assert.NotEmpty(ExampleOrganization.Responses(organization));
    }
}
