using System.Text;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Interchange;

public class ServiceRequestInterchangeTests
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 2, 9, 30);

    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 200)]
    public void Json_write_then_read_gives_equal_requests(RequestSet set)
    {
        var read = ServiceRequestJson.Read(ServiceRequestJson.WriteToString(set.Requests));

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(set.Requests, read.Value!);
    }

    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 200)]
    public void Csv_write_then_read_gives_equal_requests(RequestSet set)
    {
        using var stream = new MemoryStream();
        ServiceRequestCsv.Write(set.Requests, stream);
        stream.Position = 0;
        var read = ServiceRequestCsv.Read(stream);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(set.Requests, read.Value!);
    }

    [Fact]
    public void Csv_is_written_with_a_header_crlf_and_quotes_only_where_needed()
    {
        var request = new ServiceRequest(
            "a,\"b\"",
            AgreementId.Parse("sla-1"),
            Opened,
            resolved: Opened + Duration.FromHours(2),
            pauses: [new Interval(Opened + Duration.FromMinutes(30), Opened + Duration.FromMinutes(45))]);

        var csv = ServiceRequestCsv.WriteToString([request]);

        Assert.Equal(
            "id,agreement,opened,firstResponse,resolved,pauses,reopen\r\n"
            + "\"a,\"\"b\"\"\",sla-1,2026-03-02T09:30:00Z,,2026-03-02T11:30:00Z,2026-03-02T10:00:00Z/2026-03-02T10:15:00Z,\r\n",
            csv);
    }

    [Fact]
    public void Csv_accepts_any_column_order_offsets_lf_and_missing_optional_columns()
    {
        const string csv = "opened,id,agreement\n2026-03-02T10:30:00+01:00,REQ-1,sla-1\n\n2026-03-02T09:30:00.5Z,\"REQ\n2\",sla-2\n";

        var read = ServiceRequestCsv.Read(csv);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal([Opened, Opened + Duration.FromMilliseconds(500)], read.Value!.Select(r => r.Opened));
        Assert.Equal("REQ\n2", read.Value![1].Id);
    }

    [Fact]
    public void Csv_problems_carry_line_column_and_field_name()
    {
        const string csv =
            "id,agreement,opened,resolved,colour\n"
            + "R1,sla-1,2026-03-02T09:30:00Z,2026-03-02T08:00:00Z,red\n"
            + "R2,bad id,yesterday,,\n"
            + "R1,sla-1,2026-03-02T09:30:00Z,,\n"
            + "R3,sla-1\n"
            + "R4,sla-1,2026-03-02T09:30:00Z,x\"y,\n"
            + "\"R5\"z,sla-1,2026-03-02T09:30:00Z,,\n"
            + "R6,,\"2026";

        var read = ServiceRequestCsv.Read(csv).Problems;
        var problems = read.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                (ProblemKind.MalformedInput, ProblemLocation.InText(6, 32)),
                (ProblemKind.MalformedInput, ProblemLocation.InText(7, 5)),
                (ProblemKind.MalformedInput, ProblemLocation.InText(8, 5)),
                (ProblemKind.UnexpectedProperty, ProblemLocation.InText(1, 30)),
                (ProblemKind.InvalidValue, ProblemLocation.InText(2, 31).Property("resolved")),
                (ProblemKind.InvalidId, ProblemLocation.InText(3, 4).Property("agreement")),
                (ProblemKind.InvalidValue, ProblemLocation.InText(3, 11).Property("opened")),
                (ProblemKind.DuplicateId, ProblemLocation.InText(4, 1).Property("id")),
                (ProblemKind.MalformedInput, ProblemLocation.InText(5)),
                (ProblemKind.MissingValue, ProblemLocation.InText(5).Property("opened")),
                (ProblemKind.InvalidValue, ProblemLocation.InText(6, 31).Property("resolved")),
            ],
            read.Select(p => (p.Kind, p.Location)));
        Assert.Equal(
            [
                "line 6, column 32: A double quote may appear only inside a field enclosed in double quotes (written twice).",
                "line 7, column 5: Expected a comma or the end of the line after a closing quote; got 'z'.",
                "line 8, column 5: A quoted field is not closed: the input ends before its closing quote.",
                "line 1, column 30: Unknown column \"colour\"; expected columns: id,agreement,opened,firstResponse,resolved,pauses,reopen,priority,service,category.",
                "line 2, column 31 (resolved): Resolution must be at or after the opening (2026-03-02T09:30:00Z); got 2026-03-02T08:00:00Z.",
                "line 3, column 4 (agreement): Expected an agreement id (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"bad id\".",
                "line 3, column 11 (opened): Expected an instant such as 2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00 (in UTC from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports); got \"yesterday\".",
                "line 4, column 1 (id): Request id \"R1\" is already used at line 2.",
                "line 5: Expected 5 fields, as in the header; got 2.",
                "line 5 (opened): The field \"opened\" is required; got an empty field.",
                "line 6, column 31 (resolved): Expected an instant such as 2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00 (in UTC from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports); got \"x\"y\".",
            ],
            problems);
    }

    [Theory]
    [InlineData("", ProblemKind.MissingValue, 1, 1, "line 1, column 1", "Expected a header row naming the columns id,agreement,opened,firstResponse,resolved,pauses,reopen,priority,service,category (or, one row per status change, id,agreement,at,status,priority,service,category); got an empty document.")]
    [InlineData("id,opened\n", ProblemKind.MissingValue, 1, 0, "line 1", "The header lacks the required column \"agreement\".")]
    [InlineData("id,id,agreement,opened\n", ProblemKind.UnexpectedProperty, 1, 4, "line 1, column 4", "Column \"id\" appears more than once in the header.")]
    public void Csv_header_problems(string csv, ProblemKind kind, int line, int column, string rendered, string message)
    {
        var problem = Assert.Single(ServiceRequestCsv.Read(csv).Problems);

        Assert.Equal(kind, problem.Kind);
        Assert.Equal(ProblemLocation.InText(line, column == 0 ? null : column), problem.Location);
        Assert.Equal(rendered, problem.Location.ToString());
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Csv_non_utf8_is_a_located_problem()
    {
        byte[] bytes = [.. "id,agreement,opened\nR"u8, 0xC3, 0x28];

        var problem = Assert.Single(ServiceRequestCsv.Read(bytes).Problems);

        Assert.Equal(ProblemKind.MalformedInput, problem.Kind);
        Assert.Equal(ProblemLocation.InText(2, 2), problem.Location);
    }

    [Fact]
    public void A_model_problem_about_one_pause_stays_at_that_pause()
    {
        // Pause 1 starts (10:30) before pause 0 ends (11:00): the model locates it at pauses[1], and so does the reader.
        const string json = """
            {
              "schemaVersion": 1,
              "requests": [
                { "id": "R1", "agreement": "sla-1", "opened": "2026-03-02T09:30:00Z",
                  "pauses": ["2026-03-02T10:00:00Z/2026-03-02T11:00:00Z", "2026-03-02T10:30:00Z/2026-03-02T12:00:00Z"] }
              ]
            }
            """;

        var problem = Assert.Single(ServiceRequestJson.Read(json).Problems);

        Assert.Equal(ProblemLocation.Root.Property("requests").Element(0).Property("pauses").Element(1), problem.Location);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.StartsWith("Pauses must be sorted and disjoint; pause 1 ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_problems_are_at_json_paths_including_the_models()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "requests": [
                { "id": "R1", "agreement": "sla-1", "opened": "2026-03-02T09:30:00Z", "firstResponse": "2026-03-02T09:00:00Z" },
                { "id": "R2", "agreement": "sla-1", "opened": "2026-03-02T09:30:00Z", "pauses": ["2026-03-02T10:00:00Z/2026-03-02T09:00:00Z", 5] },
                { "id": "R3", "agreement": "sla-1", "opened": 20260302 },
                { "id": "", "agreement": "sla-1", "opened": "2026-03-02T09:30:00Z", "reopen": "2026-03-02T10:00:00Z/" }
              ]
            }
            """;

        var problems = ServiceRequestJson.Read(json).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "$.requests[0].firstResponse: First response must be at or after the opening (2026-03-02T09:30:00Z); got 2026-03-02T09:00:00Z.",
                "$.requests[1].pauses[1]: Expected a string; got the number 5.",
                "$.requests[1].pauses: Expected each pause as start/end, for example 2026-03-02T09:30:00Z/2026-03-02T11:00:00Z (an empty end for one still open); got \"2026-03-02T10:00:00Z/2026-03-02T09:00:00Z\".",
                "$.requests[2].opened: Expected a string; got the number 20260302.",
                "$.requests[3].id: The field \"id\" is required; got an empty string.",
            ],
            problems);
    }

    [Fact]
    public void A_reopen_gap_open_at_its_end_is_a_model_problem_at_reopen()
    {
        const string json = """{ "schemaVersion": 1, "requests": [ { "id": "R", "agreement": "a", "opened": "2026-03-02T09:30:00Z", "reopen": "2026-03-02T10:00:00Z/" } ] }""";

        var problem = Assert.Single(ServiceRequestJson.Read(json).Problems);

        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.Root.Property("requests").Element(0).Property("reopen"), problem.Location);
        Assert.StartsWith("The reopen gap must run from the first resolution to the reopening", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutated_request_documents_never_throw()
    {
        for (var seed = 0; seed < 1000; seed++)
        {
            var random = new Random(seed);
            var set = InterchangeGenerators.RequestSetFor(seed);
            var json = InterchangeGenerators.Mutate(Encoding.UTF8.GetBytes(ServiceRequestJson.WriteToString(set.Requests)), random, seed);
            var csv = InterchangeGenerators.Mutate(Encoding.UTF8.GetBytes(ServiceRequestCsv.WriteToString(set.Requests)), random, seed);

            var a = ServiceRequestJson.Read(json.Bytes);
            var b = ServiceRequestCsv.Read(csv.Bytes);

            Assert.True(a.IsSuccess != (a.Problems.Length > 0), json.ToString());
            Assert.True(b.IsSuccess != (b.Problems.Length > 0), csv.ToString());
        }

        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var logs = StatusLogDocumentGenerators.LogSetFor(seed, requestPriority: false);
            var json = InterchangeGenerators.Mutate(Encoding.UTF8.GetBytes(ServiceRequestJson.WriteToString(StatusLogDocumentGenerators.MixedSetFor(seed))), random, seed);
            var csv = InterchangeGenerators.Mutate(Encoding.UTF8.GetBytes(ServiceRequestCsv.WriteStatusChangesToString(logs)), random, seed);

            var a = ServiceRequestJson.Read(json.Bytes);
            var b = ServiceRequestCsv.Read(csv.Bytes);

            Assert.True(a.IsSuccess != (a.Problems.Length > 0), json.ToString());
            Assert.True(b.IsSuccess != (b.Problems.Length > 0), csv.ToString());
        }
    }
}
