using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// The request formats of issue 11: a request's class (priority, service, category), the status-log form in JSON, and
/// the CSV status-change layout (one row per status change), with hand-written documents and round-trip properties.
/// </summary>
public class ServiceRequestFormsTests
{
    private static readonly AgreementId Desk = AgreementId.Parse("it-desk");
    private static readonly ProblemLocation Request0 = ProblemLocation.Root.Property("requests").Element(0);

    private static Instant At(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);

    [Property(Arbitrary = new[] { typeof(StatusLogDocumentGenerators) }, MaxTest = 200)]
    public void Json_write_then_read_gives_equal_requests_of_both_forms(MixedRequestSet set)
    {
        var read = ServiceRequestJson.Read(ServiceRequestJson.WriteToString(set.Requests));

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(set.Requests, read.Value!);
        Assert.Equal(set.Requests.Select(r => r.IsStatusLog), read.Value!.Select(r => r.IsStatusLog));
    }

    [Property(Arbitrary = new[] { typeof(StatusLogDocumentGenerators) }, MaxTest = 200)]
    public void Status_change_csv_write_then_read_gives_equal_requests(StatusLogSet set)
    {
        using var stream = new MemoryStream();
        ServiceRequestCsv.WriteStatusChanges(set.Requests, stream);
        stream.Position = 0;
        var read = ServiceRequestCsv.Read(stream);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(set.Requests, read.Value!);
    }

    [Property(Arbitrary = new[] { typeof(StatusLogDocumentGenerators) }, MaxTest = 100)]
    public void Status_change_csv_reads_the_same_requests_whatever_the_order_of_their_rows_between_requests(StatusLogSet set)
    {
        // Interleave the requests' rows (each request's own rows keep their order), as an export sorted by time would.
        var csv = ServiceRequestCsv.WriteStatusChangesToString(set.Requests);
        // Records end in CRLF; the generated texts hold line breaks as a lone LF (inside quotes), so CRLF splits records.
        Assert.DoesNotContain(set.Requests, r => r.Id.Contains('\r', StringComparison.Ordinal) || r.StatusLog.Any(c => c.Status.Contains('\r', StringComparison.Ordinal)));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

        var queues = new List<Queue<string>>();
        var row = 1;
        foreach (var request in set.Requests)
        {
            queues.Add(new Queue<string>(lines.Skip(row).Take(request.StatusLog.Length)));
            row += request.StatusLog.Length;
        }

        var random = new Random(set.Seed);
        var shuffled = new List<string> { lines[0] };
        var started = new HashSet<int>();
        while (queues.Exists(q => q.Count > 0))
        {
            var open = Enumerable.Range(0, queues.Count).Where(i => queues[i].Count > 0 && (started.Contains(i) || started.Count == i || random.Next(2) == 0)).ToList();
            var pick = open.Count == 0 ? queues.FindIndex(q => q.Count > 0) : open[random.Next(open.Count)];
            // Requests are listed in the order of their first rows, so start them in list order.
            pick = started.Contains(pick) ? pick : started.Count;
            started.Add(pick);
            shuffled.Add(queues[pick].Dequeue());
        }

        var read = ServiceRequestCsv.Read(string.Join("\n", shuffled) + "\n");

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(set.Requests, read.Value!);
    }

    [Fact]
    public void A_json_document_with_classes_and_a_status_log_is_read_and_written_back_as_given()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "requests": [
                {
                  "id": "INC-1",
                  "agreement": "it-desk",
                  "priority": "P3",
                  "service": "laptops",
                  "category": "Hardware",
                  "statusLog": [
                    {
                      "at": "2026-03-02T09:00:00Z",
                      "status": "New",
                      "priority": "P3"
                    },
                    {
                      "at": "2026-03-02T09:30:00Z",
                      "status": "In Progress"
                    },
                    {
                      "at": "2026-03-02T10:00:00Z",
                      "status": "Waiting for customer"
                    },
                    {
                      "at": "2026-03-02T10:00:00Z",
                      "status": "In Progress",
                      "priority": "P1"
                    }
                  ]
                },
                {
                  "id": "INC-2",
                  "agreement": "it-desk",
                  "category": "Access",
                  "opened": "2026-03-02T09:05:00Z",
                  "resolved": "2026-03-02T12:00:00Z"
                }
              ]
            }
            """;

        var read = ServiceRequestJson.Read(json);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        var log = read.Value![0];
        Assert.True(log.IsStatusLog);
        Assert.Equal<StatusChange>(
            [
                new StatusChange(At(2, 9), "New", PriorityId.Parse("P3")),
                new StatusChange(At(2, 9, 30), "In Progress"),
                new StatusChange(At(2, 10), "Waiting for customer"),
                new StatusChange(At(2, 10), "In Progress", PriorityId.Parse("P1")),
            ],
            log.StatusLog);
        Assert.Equal((PriorityId.Parse("P3"), ServiceId.Parse("laptops"), "Hardware", At(2, 9)), (log.Priority!.Value, log.Service!.Value, log.Category, log.Opened));
        Assert.Equal(PriorityId.Parse("P1"), log.PriorityAt(At(2, 11)));
        var shorthand = read.Value[1];
        Assert.False(shorthand.IsStatusLog);
        Assert.Equal((null, null, "Access", At(2, 9, 5), At(2, 12)), (shorthand.Priority, shorthand.Service, shorthand.Category, shorthand.Opened, shorthand.Resolved));
        Assert.Equal(json.ReplaceLineEndings("\n"), ServiceRequestJson.WriteToString(read.Value).ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public void The_request_layout_carries_the_class_columns_and_writes_them_only_when_used()
    {
        const string csv =
            "id,agreement,opened,resolved,priority,service,category\n"
            + "INC-1,it-desk,2026-03-02T09:00:00Z,2026-03-02T11:00:00Z,P1,laptops,\"Access, VPN\"\n"
            + "INC-2,it-desk,2026-03-02T09:05:00Z,,,,\n";

        var read = ServiceRequestCsv.Read(csv);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(
            [
                new ServiceRequest("INC-1", Desk, At(2, 9), resolved: At(2, 11)) { Priority = PriorityId.Parse("P1"), Service = ServiceId.Parse("laptops"), Category = "Access, VPN" },
                new ServiceRequest("INC-2", Desk, At(2, 9, 5)),
            ],
            read.Value!);
        Assert.Equal(
            "id,agreement,opened,firstResponse,resolved,pauses,reopen,priority,service,category\r\n"
            + "INC-1,it-desk,2026-03-02T09:00:00Z,,2026-03-02T11:00:00Z,,,P1,laptops,\"Access, VPN\"\r\n"
            + "INC-2,it-desk,2026-03-02T09:05:00Z,,,,,,,\r\n",
            ServiceRequestCsv.WriteToString(read.Value!));
        Assert.Equal(
            "id,agreement,opened,firstResponse,resolved,pauses,reopen,category\r\n"
            + "INC-2,it-desk,2026-03-02T09:05:00Z,,,,,Hardware\r\n",
            ServiceRequestCsv.WriteToString([new ServiceRequest("INC-2", Desk, At(2, 9, 5)) { Category = "Hardware" }]));
    }

    [Fact]
    public void The_status_change_layout_groups_rows_by_id_keeps_equal_instants_in_file_order_and_takes_the_class_from_the_first_row()
    {
        const string csv =
            "id,agreement,at,status,priority,service,category\n"
            + "INC-1,it-desk,2026-03-02T09:00:00Z,New,P3,laptops,Hardware\n"
            + "INC-2,it-desk,2026-03-02T09:05:00Z,New,,,\n"
            + "INC-1,it-desk,2026-03-02T09:30:00Z,In Progress,,,\n"
            + "INC-1,it-desk,2026-03-02T10:00:00Z,Waiting for customer,,laptops,\n"
            + "INC-1,it-desk,2026-03-02T10:00:00Z,In Progress,P1,,Hardware\n"
            + "INC-2,it-desk,2026-03-02T11:00:00+01:00,Resolved,,,\n";

        var read = ServiceRequestCsv.Read(csv);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(
            [
                ServiceRequest.FromStatusLog(
                    "INC-1",
                    Desk,
                    [
                        new StatusChange(At(2, 9), "New", PriorityId.Parse("P3")),
                        new StatusChange(At(2, 9, 30), "In Progress"),
                        new StatusChange(At(2, 10), "Waiting for customer"),
                        new StatusChange(At(2, 10), "In Progress", PriorityId.Parse("P1")),
                    ]).WithClass(null, ServiceId.Parse("laptops"), "Hardware"),
                ServiceRequest.FromStatusLog("INC-2", Desk, [new StatusChange(At(2, 9, 5), "New"), new StatusChange(At(2, 10), "Resolved")]),
            ],
            read.Value!);
        Assert.Equal(
            "id,agreement,at,status,priority,service,category\r\n"
            + "INC-1,it-desk,2026-03-02T09:00:00Z,New,P3,laptops,Hardware\r\n"
            + "INC-1,it-desk,2026-03-02T09:30:00Z,In Progress,,laptops,Hardware\r\n"
            + "INC-1,it-desk,2026-03-02T10:00:00Z,Waiting for customer,,laptops,Hardware\r\n"
            + "INC-1,it-desk,2026-03-02T10:00:00Z,In Progress,P1,laptops,Hardware\r\n"
            + "INC-2,it-desk,2026-03-02T09:05:00Z,New,,,\r\n"
            + "INC-2,it-desk,2026-03-02T10:00:00Z,Resolved,,,\r\n",
            ServiceRequestCsv.WriteStatusChangesToString(read.Value!));
    }

    [Fact]
    public void The_status_change_layout_needs_only_its_four_required_columns_in_any_order()
    {
        var read = ServiceRequestCsv.Read("status,at,id,agreement\r\nNew,2026-03-02T09:00:00Z,R,a\r\n");

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal([ServiceRequest.FromStatusLog("R", AgreementId.Parse("a"), [new StatusChange(At(2, 9), "New")])], read.Value!);
        Assert.Equal("id,agreement,at,status,priority\r\nR,a,2026-03-02T09:00:00Z,New,\r\n", ServiceRequestCsv.WriteStatusChangesToString(read.Value!));
    }

    [Fact]
    public void A_request_level_priority_of_a_status_log_is_written_on_its_first_row_and_read_back_as_the_first_entrys()
    {
        var request = ServiceRequest.FromStatusLog("R", Desk, [new StatusChange(At(2, 9), "New"), new StatusChange(At(2, 10), "Resolved")])
            .WithClass(PriorityId.Parse("P2"), null, null);

        var csv = ServiceRequestCsv.WriteStatusChangesToString([request]);
        var read = ServiceRequestCsv.Read(csv);

        Assert.Equal("id,agreement,at,status,priority\r\nR,it-desk,2026-03-02T09:00:00Z,New,P2\r\nR,it-desk,2026-03-02T10:00:00Z,Resolved,\r\n", csv);
        var back = Assert.Single(read.Value!);
        Assert.Equal<StatusChange>([new StatusChange(At(2, 9), "New", PriorityId.Parse("P2")), new StatusChange(At(2, 10), "Resolved")], back.StatusLog);
        Assert.Equal(PriorityId.Parse("P2"), back.Priority); // a status log's priority at creation is its first entry's
        Assert.Equal(request.PriorityAt(At(2, 9)), back.PriorityAt(At(2, 9)));
        Assert.Equal(request.PriorityAt(At(2, 11)), back.PriorityAt(At(2, 11)));
    }

    [Fact]
    public void The_writers_refuse_the_other_form_shared_ids_and_contradicting_priorities()
    {
        var log = ServiceRequest.FromStatusLog("L-1", Desk, [new StatusChange(At(2, 9), "New", PriorityId.Parse("P1"))]);
        var shorthand = new ServiceRequest("S-1", Desk, At(2, 9));

        var toRequests = Assert.Throws<ArgumentException>(() => ServiceRequestCsv.WriteToString([shorthand, log]));
        var toChanges = Assert.Throws<ArgumentException>(() => ServiceRequestCsv.WriteStatusChangesToString([log, shorthand]));
        var twice = Assert.Throws<ArgumentException>(() => ServiceRequestCsv.WriteStatusChangesToString([log, log]));
        // A request-level priority that contradicts the first entry cannot even be made, so no writer ever meets one.
        var contradiction = Assert.Throws<ArgumentException>("priority", () => log.WithClass(PriorityId.Parse("P4"), null, null));
        var toStream = Assert.Throws<ArgumentException>(() => ServiceRequestCsv.Write([log], new MemoryStream()));

        Assert.All([toRequests, toChanges, twice, toStream], e => Assert.Equal("requests", e.ParamName));
        Assert.StartsWith("Expected requests in the shorthand form for the request layout; got request 'L-1', a status log (1 status changes). Write status logs with ServiceRequestCsv.WriteStatusChanges", toRequests.Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected status-log requests for the status-change layout; got request 'S-1' in the shorthand form (opened 2026-03-02T09:00:00Z). Write shorthand requests with ServiceRequestCsv.Write", toChanges.Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected distinct request ids, as the status-change layout groups rows by id; got request id 'L-1' twice.", twice.Message, StringComparison.Ordinal);
        Assert.StartsWith("The priority at creation of a status-log request is its first entry's ('P1'); got 'P4'.", contradiction.Message, StringComparison.Ordinal);
        Assert.Equal(toRequests.Message, toStream.Message);
        Assert.Throws<ArgumentNullException>(() => ServiceRequestCsv.WriteStatusChangesToString(null!));
        Assert.Throws<ArgumentNullException>(() => ServiceRequestCsv.WriteStatusChangesToString([log, null!]));
        Assert.Throws<ArgumentNullException>(() => ServiceRequestCsv.WriteStatusChanges([log], null!));
    }

    [Fact]
    public void Json_problems_of_the_new_fields_are_located_and_say_what_was_expected()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "requests": [
                { "id": "R0", "agreement": "a", "opened": "2026-03-02T09:00:00Z", "statusLog": [ { "at": "2026-03-02T09:00:00Z", "status": "New" } ] },
                { "id": "R1", "agreement": "a" },
                { "id": "R2", "agreement": "a", "statusLog": [
                  { "at": "2026-03-02T09:00:00Z", "status": "New" },
                  { "at": "2026-03-02T11:00:00Z", "status": "In Progress" },
                  { "at": "2026-03-02T10:00:00Z", "status": "Resolved" } ] },
                { "id": "R3", "agreement": "a", "priority": "P 1", "service": "bad service", "category": "  ", "statusLog": [
                  { "at": "2026-03-02T09:00:00Z", "status": "   ", "priority": "P#" },
                  { "status": "Resolved" },
                  "New",
                  { "at": "2026-03-02T10:00:00Z", "status": "Done", "colour": "red" } ] },
                { "id": "R4", "agreement": "a", "statusLog": [] },
                { "id": "R5", "agreement": "a", "statusLog": { "at": "2026-03-02T09:00:00Z" } }
              ]
            }
            """;

        var problems = ServiceRequestJson.Read(json).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "$.requests[0].statusLog: Request \"R0\" gives both a statusLog and the shorthand's \"opened\"; expected one form: either a statusLog, or opened with firstResponse, resolved, pauses and reopen.",
                "$.requests[1].opened: Request \"R1\" gives neither \"opened\" nor \"statusLog\"; expected one form: either opened (with firstResponse, resolved, pauses and reopen as they apply), or a statusLog.",
                "$.requests[2].statusLog[2].at: The status log of request \"R2\" must be in time order (equal instants keep their order); entry 2 (2026-03-02T10:00:00Z Resolved) lies before entry 1 (2026-03-02T11:00:00Z In Progress).",
                "$.requests[3].priority: Expected a priority id such as P1 (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"P 1\".",
                "$.requests[3].service: Expected a service id such as laptops (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"bad service\".",
                "$.requests[3].category: Expected a category as non-blank text (for example \"Hardware\"), or the field left empty for none; got \"  \".",
                "$.requests[3].statusLog[2]: Expected an object; got the string \"New\".",
                "$.requests[3].statusLog[3].colour: Unknown property \"colour\"; expected one of: at, status, priority.",
                "$.requests[3].statusLog[0].status: Expected a status as non-blank text (for example \"In Progress\"); got \"   \".",
                "$.requests[3].statusLog[0].priority: Expected a priority id such as P1 (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"P#\".",
                "$.requests[3].statusLog[1].at: Required property \"at\" is missing.",
                "$.requests[4].statusLog: Request 'R4' needs at least one status change (its creation); got an empty log.",
                "$.requests[5].statusLog: Expected an array; got an object.",
            ],
            problems);
    }

    [Fact]
    public void A_request_level_priority_that_contradicts_the_first_status_change_is_a_problem_at_the_field()
    {
        // A status log's priority at creation is its first entry's; the request may repeat it (R1) but not contradict it (R0).
        const string json = """
            {
              "schemaVersion": 1,
              "requests": [
                { "id": "R0", "agreement": "a", "priority": "P4", "statusLog": [ { "at": "2026-03-02T09:00:00Z", "status": "New", "priority": "P1" } ] },
                { "id": "R1", "agreement": "a", "priority": "P1", "statusLog": [ { "at": "2026-03-02T09:00:00Z", "status": "New", "priority": "P1" } ] }
              ]
            }
            """;

        var read = ServiceRequestJson.Read(json);

        Assert.Equal(
            ["$.requests[0].priority: Expected the request's priority to be its first status change's ('P1') or left out; got 'P4'."],
            read.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Status_change_csv_problems_are_located_at_their_line_and_field()
    {
        const string csv =
            "id,agreement,at,status,priority,service\n"
            + "R1,sla-1,2026-03-02T10:00:00Z,New,,laptops\n"
            + "R1,sla-1,2026-03-02T09:00:00Z,Assigned,,\n"
            + "R2,sla-1,2026-03-02T09:00:00Z,  ,P 1,\n"
            + "R3,sla-1,,New,,\n"
            + "R1,sla-2,2026-03-02T11:00:00Z,Done,,phones\n"
            + "R4,sla-1,2026-03-02T09:00:00Z,New,,\n";

        var read = ServiceRequestCsv.Read(csv);

        Assert.Equal(
            [
                "line 4, column 31 (status): Expected a status as non-blank text (for example \"In Progress\"); got \"  \".",
                "line 4, column 34 (priority): Expected a priority id such as P1 (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"P 1\".",
                "line 5, column 10 (at): The field \"at\" is required; got an empty field.",
                "line 6, column 4 (agreement): Request \"R1\" is under agreement \"sla-1\" at line 2; line 6 says \"sla-2\". Expected every row of a request to name the same agreement.",
                "line 6, column 37 (service): Request \"R1\" has service \"laptops\" from its first row (line 2); line 6 says \"phones\". A request's service is taken from its first row; expected later rows to repeat it or leave the field empty.",
                "line 3, column 10 (at): The status log of request \"R1\" must be in time order (equal instants keep their order); line 3 (2026-03-02T09:00:00Z Assigned) lies before line 2 (2026-03-02T10:00:00Z New).",
            ],
            read.Problems.Select(p => p.ToString()));
        Assert.Equal(
            [ProblemKind.InvalidValue, ProblemKind.InvalidId, ProblemKind.MissingValue, ProblemKind.InvalidValue, ProblemKind.InvalidValue, ProblemKind.InvalidValue],
            read.Problems.Select(p => p.Kind));
    }

    [Fact]
    public void A_later_row_may_not_give_a_category_the_first_row_left_empty()
    {
        var problem = Assert.Single(ServiceRequestCsv.Read("id,agreement,at,status,category\nR,a,2026-03-02T09:00:00Z,New,\nR,a,2026-03-02T10:00:00Z,Done,Hardware\n").Problems);

        Assert.Equal(ProblemLocation.InText(3, 31).Property("category"), problem.Location);
        Assert.Equal(
            "Request \"R\" has no category on its first row (line 2); line 3 says \"Hardware\". A request's category is taken from its first row; expected later rows to repeat it or leave the field empty.",
            problem.Message);
    }

    [Theory]
    [InlineData("id,agreement,at,status,opened\n", ProblemKind.UnexpectedProperty, "line 1, column 24", "Column \"opened\" belongs to the request layout (one row per request), but this header names \"at\" or \"status\" and is read as the status-change layout, whose columns are id,agreement,at,status,priority,service,category; a file holds one layout.")]
    [InlineData("id,agreement,at\n", ProblemKind.MissingValue, "line 1", "The header lacks the required column \"status\".")]
    [InlineData("id,agreement,status,colour\n", ProblemKind.UnexpectedProperty, "line 1, column 21", "Unknown column \"colour\"; expected columns: id,agreement,at,status,priority,service,category.")]
    public void Status_change_header_problems(string csv, ProblemKind kind, string at, string message)
    {
        var problems = ServiceRequestCsv.Read(csv).Problems;

        var problem = Assert.Single(problems, p => p.Kind == kind);
        Assert.Equal((at, message), (problem.Location.ToString(), problem.Message));
    }

    [Fact]
    public void A_status_change_instant_pushed_out_of_range_by_its_offset_is_a_problem()
    {
        var problem = Assert.Single(ServiceRequestCsv.Read("id,agreement,at,status\nR,a,9999-12-31T23:00:00-02:00,New\n").Problems);

        Assert.Equal(ProblemLocation.InText(2, 5).Property("at"), problem.Location);
        Assert.Equal(
            "Expected an instant such as 2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00 (in UTC from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports); got \"9999-12-31T23:00:00-02:00\".",
            problem.Message);

        var json = Assert.Single(ServiceRequestJson.Read("""{ "schemaVersion": 1, "requests": [ { "id": "R", "agreement": "a", "statusLog": [ { "at": "-9998-01-01T00:00:00+02:00", "status": "New" } ] } ] }""").Problems);
        Assert.Equal(Request0.Property("statusLog").Element(0).Property("at"), json.Location);
    }

    [Fact]
    public void The_problem_cap_holds_for_the_status_change_layout()
    {
        var csv = "id,agreement,at,status\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"R{i},a,yesterday,New\n"));

        var problems = ServiceRequestCsv.Read(csv).Problems;

        Assert.Equal(101, problems.Length);
        Assert.Equal(ProblemLocation.InText(101, 7).Property("at"), problems[99].Location);
        Assert.Equal("… and 200 more problems; only the first 100 are listed.", problems[100].Message);
    }
}
