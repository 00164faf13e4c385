using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using InternalCustomer.Tests.Generators;
using static InternalCustomer.Tests.Generators.OrganizationGenerators;

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

        Assert.True(result.IsSuccess, string.Join("\n", result.Problems));
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

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(organization, read.Value);
    }

    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 200)]
    public void Write_then_read_gives_an_equal_organization_with_calendars_and_agreements(Organization organization)
    {
        var read = OrganizationJson.Read(OrganizationJson.WriteToString(organization));

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
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
                  "firstResponse": { "within": "PT4H", "target": 0.9 }, "resolution": { "within": "PT48H", "target": 0.95, "warningThresholds": [0.6, 0.8] },
                  "satisfaction": { "target": 0.8 } },
                { "id": "a2", "provider": "it", "consumer": "it", "services": ["desk", 7], "calendar": "nowhere",
                  "effectiveFrom": "January", "reviewCadence": "quarterly", "firstResponse": { "within": "PT4H", "target": 1.5 } }
              ]
            }
            """;

        var problems = OrganizationJson.Read(json).Problems.Select(p => (p.Kind, p.Location)).ToList();

        Assert.Contains((ProblemKind.InvalidValue, Path("calendars", 1, "zone")), problems);
        Assert.Contains((ProblemKind.UnexpectedProperty, Path("calendars", 2, "windows", "funday")), problems);
        Assert.Contains((ProblemKind.InvalidValue, Path("calendars", 2, "windows", "monday", 0)), problems);
        Assert.Contains((ProblemKind.InvalidValue, Path("calendars", 2, "windows", "monday", 1)), problems);
        Assert.Contains((ProblemKind.WrongType, Path("agreements", 1, "services", 1)), problems);
        Assert.Contains((ProblemKind.InvalidValue, Path("agreements", 1, "effectiveFrom")), problems);
        Assert.Contains((ProblemKind.InvalidValue, Path("agreements", 1, "reviewCadence")), problems);
        Assert.DoesNotContain(problems, p => Path("agreements", 0).Contains(p.Location));
        Assert.DoesNotContain(problems, p => Path("calendars", 0).Contains(p.Location));

        // The calendars the reader could not make are not reported a second time by the builder.
        Assert.DoesNotContain(problems, p => p.Location == Path("calendars", 1) || p.Location == Path("calendars", 2));
        var messages = OrganizationJson.Read(json).Problems.ToDictionary(p => p.Location.ToString(), p => p.Message);
        Assert.StartsWith("Expected a tzdb time zone id such as \"Europe/London\"; got \"Moon/Base\", which tzdb ", messages["$.calendars[1].zone"], StringComparison.Ordinal);
        Assert.Equal(
            "Expected a working window \"HH:mm-HH:mm\" that ends after it starts (an end of 24:00 for midnight), such as \"09:00-17:00\"; got \"17:00-09:00\".",
            messages["$.calendars[2].windows.monday[0]"]);
    }

    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 200)]
    public void Every_planted_problem_comes_back_at_its_json_path(PlantedDocument planted)
    {
        var read = OrganizationJson.Read(planted.Json);

        Assert.False(read.IsSuccess);
        Assert.Equal(
            planted.Expected.OrderBy(p => p.Location.ToString(), StringComparer.Ordinal).ThenBy(p => p.Kind),
            read.Problems.Select(p => (p.Kind, p.Location)).Distinct().OrderBy(p => p.Location.ToString(), StringComparer.Ordinal).ThenBy(p => p.Kind));
    }

    [Theory]
    [InlineData("", 1, 1, "expected a JSON value (an object, an array, a string, a number, true, false or null); got the end of the input.")]
    [InlineData("{\"schemaVersion\": 1, \"departments\": [", 1, 38, "expected a value or ']'; got the end of the input.")]
    [InlineData("{\"schemaVersion\": 1,}", 1, 21, "expected a property name in double quotes; got '}'.")]
    [InlineData("{\n  \"schemaVersion\": 1\n  \"departments\": []\n}", 3, 3, "expected ',' or '}'; got '\"'.")]
    [InlineData("[1, 2", 1, 6, "expected ',' or ']'; got the end of the input.")]
    [InlineData("{\"a\": tru}", 1, 10, "expected a value; got '}'.")]
    public void Malformed_or_truncated_input_gives_one_problem_at_its_line_and_column(string json, int line, int column, string said)
    {
        var result = OrganizationJson.Read(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.MalformedInput, problem.Kind);
        Assert.Equal(ProblemLocation.InText(line, column), problem.Location);
        Assert.Equal("Not well-formed JSON: " + said, problem.Message);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Non_utf8_input_is_located_at_the_first_bad_byte()
    {
        // "{\n  \"x\": \"<0xFF>\"}" : the bad byte is the 9th byte of line 2.
        byte[] bytes = [.. "{\n  \"x\": \""u8, 0xFF, .. "\"}"u8];

        var problem = Assert.Single(OrganizationJson.Read(bytes).Problems);

        Assert.Equal(ProblemLocation.InText(2, 9), problem.Location);
        Assert.Equal("line 2, column 9", problem.Location.ToString());
        Assert.Equal(ProblemKind.MalformedInput, problem.Kind);
        Assert.Equal("The input is not valid UTF-8: byte 0xFF at offset 10 does not start or continue a UTF-8 sequence.", problem.Message);
    }

    [Fact]
    public void Utf16_input_is_reported_not_thrown()
    {
        var result = OrganizationJson.Read(Encoding.Unicode.GetBytes(Valid));

        Assert.False(result.IsSuccess);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)];

        Assert.True(OrganizationJson.Read(bytes).IsSuccess);
    }

    [Fact]
    public void Deep_nesting_is_a_problem_not_a_stack_overflow()
    {
        var json = "{\"schemaVersion\": 1, \"departments\": " + new string('[', 100_000) + new string(']', 100_000) + "}";

        var problem = Assert.Single(OrganizationJson.Read(json).Problems);

        Assert.Equal(ProblemKind.MalformedInput, problem.Kind);
        Assert.Equal("Not well-formed JSON: expected objects and arrays nested at most 64 deep; got deeper nesting.", problem.Message);
        Assert.Equal(ProblemLocation.InText(1, 36 + 64), problem.Location);
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

        var read = OrganizationJson.Read(json).Problems;
        var problems = read.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                (ProblemKind.WrongType, Path("departments", 1, "id")),
                (ProblemKind.UnexpectedProperty, Path("departments", 2, "id")),
                (ProblemKind.WrongType, Path("departments", 3)),
                (ProblemKind.UnexpectedProperty, Path("departments", 4, "colour")),
                (ProblemKind.WrongType, Path("departments", 4, "name")),
                (ProblemKind.WrongType, Path("services")),
                (ProblemKind.InvalidValue, Path("dependencies", 0, "criticality")),
                (ProblemKind.InvalidValue, Path("dependencies", 1, "criticality")),
                (ProblemKind.InvalidValue, Path("dependencies", 2, "volume")),
                (ProblemKind.WrongType, Path("dependencies", 3, "criticality")),
            ],
            read.Select(p => (p.Kind, p.Location)));
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

        var read = OrganizationJson.Read(json).Problems;
        var problems = read.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                (ProblemKind.WrongType, Path("departments", 0)),
                (ProblemKind.DuplicateId, Path("departments", 2, "id")),
                (ProblemKind.UnknownReference, Path("departments", 1, "parent")),
                (ProblemKind.InvalidValue, Path("dependencies", 0, "criticality")),
            ],
            read.Select(p => (p.Kind, p.Location)));
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
    [InlineData("[]", ProblemKind.WrongType, "$", "Expected an object; got an array.")]
    [InlineData("{}", ProblemKind.MissingValue, "$.schemaVersion", "Required property \"schemaVersion\" is missing.")]
    [InlineData("{\"schemaVersion\": 2}", ProblemKind.InvalidValue, "$.schemaVersion", "Expected schemaVersion 1, the version this reader understands; got 2.")]
    [InlineData("{\"schemaVersion\": \"1\"}", ProblemKind.WrongType, "$.schemaVersion", "Expected an integer; got the string \"1\".")]
    [InlineData("{\"schemaVersion\": 1, \"departments\": [{\"name\": \"x\"}]}", ProblemKind.MissingValue, "$.departments[0].id", "Required property \"id\" is missing.")]
    [InlineData("{\"schemaVersion\": 1, \"a b\": 1}", ProblemKind.UnexpectedProperty, "$['a b']", "Unknown property \"a b\"; expected one of: $schema, schemaVersion, departments, services, dependencies, priorities, calendars, agreements.")]
    public void Root_and_entry_problems(string json, ProblemKind kind, string location, string message)
    {
        var problem = Assert.Single(OrganizationJson.Read(json).Problems);

        Assert.Equal(kind, problem.Kind);
        Assert.False(problem.Location.IsInText);
        Assert.Equal(location, problem.Location.ToString());
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Root_problem_locations_are_paths_as_data()
    {
        Assert.Equal(ProblemLocation.Root, Assert.Single(OrganizationJson.Read("[]").Problems).Location);
        Assert.Equal(Path("a b"), Assert.Single(OrganizationJson.Read("{\"schemaVersion\": 1, \"a b\": 1}").Problems).Location);
        Assert.Equal(Path("departments", 0, "id"), Assert.Single(OrganizationJson.Read("{\"schemaVersion\": 1, \"departments\": [{\"name\": \"x\"}]}").Problems).Location);
    }

    [Fact]
    public void Builder_problems_arrive_at_document_paths_without_reading_their_messages()
    {
        // The id text looks like a builder location ("services[1]"); the old reader ran a regex over messages and
        // would have rewritten it. The builder's location is data, so the message comes through as the builder wrote it.
        const string json = """
            {
              "schemaVersion": 1,
              "departments": [ "not an object", { "id": "services[1]", "name": "Brackets" } ],
              "services": [ { "id": "desk", "name": "Desk", "provider": "nobody" } ]
            }
            """;

        var problems = OrganizationJson.Read(json).Problems;

        Assert.Equal(
            [
                (ProblemKind.WrongType, Path("departments", 0)),
                (ProblemKind.InvalidId, Path("departments", 1, "id")),
                (ProblemKind.UnknownReference, Path("services", 0, "provider")),
            ],
            problems.Select(p => (p.Kind, p.Location)));
        Assert.Equal(
            "A department id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'; got \"services[1]\", which has '[' at position 8.",
            problems[1].Message);
        Assert.Equal("Service 'desk' names provider 'nobody', which is not a department of this organization.", problems[2].Message);
    }

    [Fact]
    public void Warning_thresholds_are_checked_by_the_builder_at_their_path()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "departments": [ { "id": "it", "name": "IT" }, { "id": "hr", "name": "HR" } ],
              "services": [ { "id": "desk", "name": "Desk", "provider": "it" } ],
              "calendars": [ { "id": "office", "zone": "Etc/UTC", "windows": { "monday": ["09:00-17:00"] } } ],
              "agreements": [
                { "id": "a", "provider": "it", "consumer": "hr", "services": ["desk"], "calendar": "office", "effectiveFrom": "2026-01-01",
                  "reviewCadence": "P3M", "resolution": { "within": "PT8H", "target": 0.9, "warningThresholds": [0.9, 0.5] } }
              ]
            }
            """;

        var problem = Assert.Single(OrganizationJson.Read(json).Problems);

        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(Path("agreements", 0, "resolution", "warningThresholds"), problem.Location);
        Assert.Equal("Warning thresholds must be fractions in (0, 1], strictly increasing; got [0.9, 0.5].", problem.Message);
    }

    [Fact]
    public void Overlapping_working_windows_are_reported_at_the_second_window()
    {
        const string json = """
            { "schemaVersion": 1, "calendars": [ { "id": "c", "zone": "Etc/UTC", "windows": { "tuesday": ["09:00-12:00", "11:00-13:00"] } } ] }
            """;

        var problem = Assert.Single(OrganizationJson.Read(json).Problems);

        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(Path("calendars", 0, "windows", "tuesday", 1), problem.Location);
        Assert.Equal("Expected working windows on Tuesday that do not overlap; got 09:00-12:00 and 11:00-13:00.", problem.Message);
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
        var e = Assert.Throws<ProblemException>(() => OrganizationJson.Read("{}").GetValueOrThrow());

        Assert.Contains("$.schemaVersion: Required property", e.Message, StringComparison.Ordinal);
        Assert.Equal(Path("schemaVersion"), Assert.Single(e.Problems).Location);
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
        Assert.True(result.IsSuccess != (result.Problems.Length > 0));
        Assert.All(result.Problems, p => Assert.True(Enum.IsDefined(p.Kind) && !string.IsNullOrWhiteSpace(p.Location.ToString())));
    }
}
