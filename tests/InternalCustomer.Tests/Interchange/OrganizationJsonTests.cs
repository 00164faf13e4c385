using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Interchange;

public class OrganizationJsonTests
{
    private const string Valid = """
        {
          "schemaVersion": 1,
          "departments": [
            { "id": "ops", "name": "Operations" },
            { "id": "line-a", "name": "Line A", "parent": "ops", "description": "Stamping" },
            { "id": "hr", "name": "人力资源部" }
          ],
          "services": [
            { "id": "hiring", "name": "Hiring", "provider": "hr", "category": "people" }
          ],
          "dependencies": [
            { "consumer": "line-a", "provider": "hr", "criticality": 4, "volume": 12.5 }
          ]
        }
        """;

    [Fact]
    public void Reads_a_valid_document()
    {
        var result = OrganizationJson.Read(Valid);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var organization = result.Value!;
        Assert.Equal(["hr", "line-a", "ops"], organization.Departments.Select(d => d.Id.Value));
        Assert.Equal(DepartmentId.Parse("ops"), organization.ParentOf(DepartmentId.Parse("line-a")));
        Assert.Equal("人力资源部", organization.GetDepartment(DepartmentId.Parse("hr")).Name);
        var dependency = Assert.Single(organization.Dependencies);
        Assert.Equal(4, dependency.Criticality.Value);
        Assert.Equal(12.5, dependency.Volume);
    }

    [Fact]
    public void Writes_the_document_it_reads_and_non_ascii_text_unescaped()
    {
        var organization = OrganizationJson.Read(Valid).GetValueOrThrow();
        var written = OrganizationJson.WriteToString(organization);

        Assert.Contains("\"schemaVersion\": 1", written, StringComparison.Ordinal);
        Assert.Contains("人力资源部", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"parent\": null", written, StringComparison.Ordinal);
        Assert.Equal(organization, OrganizationJson.Read(written).Value);
    }

    [Fact]
    public void Stream_buffer_writer_and_string_writers_agree()
    {
        var organization = OrganizationGenerators.ValidOrganization(7);
        var text = OrganizationJson.WriteToString(organization);
        var buffer = new ArrayBufferWriter<byte>();
        OrganizationJson.Write(organization, buffer);
        using var stream = new MemoryStream();
        OrganizationJson.Write(organization, stream);

        Assert.Equal(text, Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(text, Encoding.UTF8.GetString(stream.ToArray()));
        stream.Position = 0;
        Assert.Equal(organization, OrganizationJson.Read(stream).Value);
    }

    [Property(Arbitrary = new[] { typeof(OrganizationGenerators) }, MaxTest = 200)]
    public void Write_then_read_gives_an_equal_organization(Organization organization)
    {
        var read = OrganizationJson.Read(Encoding.UTF8.GetBytes(OrganizationJson.WriteToString(organization)));

        Assert.True(read.IsValid, string.Join("\n", read.Problems));
        Assert.Equal(organization, read.Value);
    }

    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 200)]
    public void Write_then_read_gives_an_equal_organization_with_calendars_and_agreements(Organization organization)
    {
        var read = OrganizationJson.Read(OrganizationJson.WriteToString(organization));

        Assert.True(read.IsValid, string.Join("\n", read.Problems));
        Assert.Equal(organization, read.Value);
        Assert.True(organization.Agreements.SequenceEqual(read.Value!.Agreements));
        Assert.True(organization.Calendars.SequenceEqual(read.Value!.Calendars));
    }

    [Fact]
    public void Calendars_and_agreements_are_read_with_iso_text_and_checked()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "departments": [ { "id": "it", "name": "IT" }, { "id": "line-a", "name": "Line A" } ],
              "services": [ { "id": "desk", "name": "Service desk", "provider": "it" } ],
              "calendars": [
                { "id": "office", "zone": "Europe/Berlin", "windows": { "monday": ["09:00-17:00"], "saturday": ["22:00-24:00"] }, "holidays": ["2026-12-25"] },
                { "id": "moon", "zone": "Moon/Base", "windows": {} },
                { "id": "bad", "zone": "UTC", "windows": { "funday": [], "monday": ["17:00-09:00", "9-5"] } }
              ],
              "agreements": [
                { "id": "a1", "provider": "it", "consumer": "line-a", "services": ["desk"], "calendar": "office",
                  "effectiveFrom": "2026-01-01", "reviewCadence": "P3M",
                  "firstResponse": { "within": "PT4H", "target": 0.9 }, "resolution": { "within": "P2D", "target": 0.95, "warningThresholds": [0.6, 0.8] },
                  "satisfaction": { "target": 0.8 } },
                { "id": "a2", "provider": "it", "consumer": "it", "services": ["desk", 7], "calendar": "nowhere",
                  "effectiveFrom": "January", "reviewCadence": "quarterly", "firstResponse": { "within": "PT4H", "target": 1.5 } }
              ]
            }
            """;

        var problems = OrganizationJson.Read(json).Problems.Select(p => p.Location).ToList();

        Assert.Contains("$.calendars[1].zone", problems);
        Assert.Contains("$.calendars[2].windows.funday", problems);
        Assert.Contains("$.calendars[2].windows.monday[0]", problems);
        Assert.Contains("$.calendars[2].windows.monday[1]", problems);
        Assert.Contains("$.agreements[1].services[1]", problems);
        Assert.Contains("$.agreements[1].effectiveFrom", problems);
        Assert.Contains("$.agreements[1].reviewCadence", problems);
        Assert.DoesNotContain(problems, p => p.StartsWith("$.agreements[0]", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("$.calendars[0]", StringComparison.Ordinal));
    }

    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 200)]
    public void Every_planted_problem_comes_back_at_its_json_path(PlantedDocument planted)
    {
        var read = OrganizationJson.Read(planted.Json);

        Assert.False(read.IsValid);
        Assert.Equal(
            planted.Expected.OrderBy(p => p, StringComparer.Ordinal),
            read.Problems.Select(p => p.Location).Distinct().OrderBy(p => p, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "line 1, column 1")]
    [InlineData("{\"schemaVersion\": 1, \"departments\": [", "line 1, column 38")]
    [InlineData("{\"schemaVersion\": 1,}", "line 1, column 21")]
    [InlineData("{\n  \"schemaVersion\": 1\n  \"departments\": []\n}", "line 3, column 3")]
    [InlineData("[1, 2", "line 1, column 6")]
    public void Malformed_or_truncated_input_gives_one_problem_at_its_line_and_column(string json, string location)
    {
        var result = OrganizationJson.Read(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(location, problem.Location);
        Assert.StartsWith("Not well-formed JSON: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Non_utf8_input_is_located_at_the_first_bad_byte()
    {
        // "{\n  \"x\": \"<0xFF>\"}" : the bad byte is the 9th byte of line 2.
        byte[] bytes = [.. "{\n  \"x\": \""u8, 0xFF, .. "\"}"u8];

        var problem = Assert.Single(OrganizationJson.Read(bytes).Problems);

        Assert.Equal("line 2, column 9", problem.Location);
        Assert.Equal("The input is not valid UTF-8: byte 0xFF at offset 10 does not start or continue a UTF-8 sequence.", problem.Message);
    }

    [Fact]
    public void Utf16_input_is_reported_not_thrown()
    {
        var result = OrganizationJson.Read(Encoding.Unicode.GetBytes(Valid));

        Assert.False(result.IsValid);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)];

        Assert.True(OrganizationJson.Read(bytes).IsValid);
    }

    [Fact]
    public void Deep_nesting_is_a_problem_not_a_stack_overflow()
    {
        var json = "{\"schemaVersion\": 1, \"departments\": " + new string('[', 100_000) + new string(']', 100_000) + "}";

        var problem = Assert.Single(OrganizationJson.Read(json).Problems);

        Assert.Contains("depth of 64", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_huge_numbers_and_duplicate_keys_are_all_reported_with_paths()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "departments": [
                { "id": "ops", "name": "Operations" },
                { "id": 42, "name": "Numbered" },
                { "id": "qa", "id": "qa2", "name": "Quality" },
                "not an object",
                { "id": "hr", "name": ["HR"], "colour": "blue" },
                { "id": "line-a", "name": "Line A" }
              ],
              "services": { "id": "x" },
              "dependencies": [
                { "consumer": "ops", "provider": "qa", "criticality": 1e400 },
                { "consumer": "qa", "provider": "ops", "criticality": 99999999999999999999 },
                { "consumer": "line-a", "provider": "ops", "volume": 1e400 },
                { "consumer": "line-a", "provider": "qa", "criticality": "high" }
              ]
            }
            """;

        var problems = OrganizationJson.Read(json).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "$.departments[1].id: Expected a string; got the number 42.",
                "$.departments[2].id: Property \"id\" appears more than once in the same object; a key must be unique.",
                "$.departments[3]: Expected an object; got the string \"not an object\".",
                "$.departments[4].colour: Unknown property \"colour\"; expected one of: id, name, parent, description.",
                "$.departments[4].name: Expected a string; got an array.",
                "$.services: Expected an array; got an object.",
                "$.dependencies[0].criticality: Expected an integer from -2147483648 to 2147483647; got 1e400.",
                "$.dependencies[1].criticality: Expected an integer from -2147483648 to 2147483647; got 99999999999999999999.",
                "$.dependencies[2].volume: Expected a number from -1.7976931348623157E+308 to 1.7976931348623157E+308; got 1e400.",
                "$.dependencies[3].criticality: Expected an integer; got the string \"high\".",
            ],
            problems);
    }

    [Fact]
    public void Model_problems_are_mapped_past_entries_that_were_not_objects()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "departments": [
                7,
                { "id": "ops", "name": "Operations", "parent": "nowhere" },
                { "id": "ops", "name": "Again" }
              ],
              "dependencies": [ { "consumer": "ops", "provider": "ops", "criticality": 9 } ]
            }
            """;

        var problems = OrganizationJson.Read(json).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "$.departments[0]: Expected an object; got the number 7.",
                "$.departments[2].id: Department id 'ops' is already used by $.departments[1].",
                "$.departments[1].parent: Department 'ops' names parent 'nowhere', which is not a department of this organization.",
                "$.dependencies[0].criticality: Criticality must be an integer from 1 to 5; got 9.",
            ],
            problems);
    }

    [Theory]
    [InlineData("[]", "$", "Expected an object; got an array.")]
    [InlineData("{}", "$.schemaVersion", "Required property \"schemaVersion\" is missing.")]
    [InlineData("{\"schemaVersion\": 2}", "$.schemaVersion", "Expected schemaVersion 1, the version this reader understands; got 2.")]
    [InlineData("{\"schemaVersion\": \"1\"}", "$.schemaVersion", "Expected an integer; got the string \"1\".")]
    [InlineData("{\"schemaVersion\": 1, \"departments\": [{\"name\": \"x\"}]}", "$.departments[0].id", "Required property \"id\" is missing.")]
    [InlineData("{\"schemaVersion\": 1, \"a b\": 1}", "$['a b']", "Unknown property \"a b\"; expected one of: $schema, schemaVersion, departments, services, dependencies, calendars, agreements.")]
    public void Root_and_entry_problems(string json, string location, string message)
    {
        var problem = Assert.Single(OrganizationJson.Read(json).Problems);

        Assert.Equal(location, problem.Location);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void An_empty_organization_is_valid()
    {
        var result = OrganizationJson.Read("{\"schemaVersion\": 1}");

        Assert.Equal(Organization.Empty, result.Value);
    }

    [Fact]
    public void GetValueOrThrow_lists_every_problem()
    {
        var e = Assert.Throws<InvalidDataException>(() => OrganizationJson.Read("{}").GetValueOrThrow());

        Assert.Contains("$.schemaVersion: Required property", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => OrganizationJson.Read((string)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => OrganizationJson.Read((Stream)null!)).ParamName);
        Assert.Equal("organization", Assert.Throws<ArgumentNullException>(() => OrganizationJson.WriteToString(null!)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => OrganizationJson.Write(Organization.Empty, (Stream)null!)).ParamName);
    }

    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 1500)]
    public void Random_mutations_of_valid_documents_never_throw(MutatedDocument document)
    {
        var result = OrganizationJson.Read(document.Bytes);

        // Either a valid organisation or at least one located problem; never an exception.
        Assert.True(result.IsValid != (result.Problems.Length > 0));
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Location)));
    }
}
