using System.Text.RegularExpressions;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Readme;

/// <summary>
/// Keeps the README's quickstart compiling and true: the code between the markers below must be the
/// README's first C# block, character for character (after removing the indentation), and it runs here.
/// </summary>
public partial class ReadmeQuickstartTests
{
    [Fact]
    public void Quickstart_runs_and_shows_what_the_readme_says()
    {
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            Quickstart();
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal(
            ["Finance, 人力资源部, IT", "support", "3"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Readme_quickstart_is_the_code_that_runs_here()
    {
        var root = RepositoryFiles.Root;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var source = File.ReadAllText(Path.Combine(root, "tests", "InternalCustomer.Tests", "Readme", "ReadmeQuickstartTests.cs"));

        var inReadme = CSharpBlock().Match(readme).Groups["code"].Value;
        var region = Region().Match(source).Groups["code"].Value;
        var inTest = string.Join('\n', region.Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));

        Assert.False(string.IsNullOrWhiteSpace(inReadme), "README.md has no ```csharp block.");
        Assert.Equal(inTest.Trim(), inReadme.Trim());
    }

    private static void Quickstart()
    {
        // <quickstart>
        var organization = Organization.CreateBuilder()
            .AddDepartment("support", "Support functions")
            .AddDepartment("finance", "Finance", parent: "support")
            .AddDepartment("it", "IT", parent: "support")
            .AddDepartment("hr", "人力资源部", parent: "support")
            .AddDepartment("line-a", "Production line A")
            .AddService("payroll", "Payroll", provider: "hr")
            .AddService("laptops", "Laptop provisioning", provider: "it")
            .AddDependency(provider: "it", consumer: "line-a", criticality: 5)
            .Build(); // throws OrganizationValidationException listing every problem

        var support = DepartmentId.Parse("support");
        var children = organization.ChildrenOf(support).Select(id => organization.GetDepartment(id).Name);
        Console.WriteLine(string.Join(", ", children));
        Console.WriteLine(organization.AncestorsOf(DepartmentId.Parse("hr"))[0]);
        Console.WriteLine(organization.DescendantsOf(support).Length);
        // </quickstart>
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"// <quickstart>\n(?<code>.*?)\n\s*// </quickstart>", RegexOptions.Singleline)]
    private static partial Regex Region();
}
