using System.Text;
using System.Text.Json.Nodes;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// The improvement document's reader on hand-made documents against a small organisation (departments ops, line-a, hr;
/// HR's agreement sla-hr with line A from 2026-01-01): every bad input named in issue 12 comes back as a problem at the
/// document's path (positions in the document's lists, not in the record's sorted ones), naming the record at fault.
/// </summary>
public class ImprovementJsonTests
{
    internal const string Document = """
        {
          "schemaVersion": 1,
          "campaigns": [
            {
              "id": "2026-q1", "cycle": { "start": "2026-01-01", "end": "2026-03-31" }, "zone": "Europe/Berlin",
              "invitations": [ { "provider": "hr", "consumer": "line-a", "invited": 3 }, { "provider": "hr", "consumer": "ops" } ]
            }
          ],
          "meetings": [
            {
              "id": "m1", "provider": "hr", "consumer": "line-a", "date": "2026-02-03", "present": ["line-a", "hr", "ops"],
              "notes": "Quarterly \"review\" é", "actionsAgreed": ["a2", "a1"], "agreements": ["sla-hr"]
            }
          ],
          "actions": [
            {
              "id": "a1", "provider": "hr", "consumer": "line-a", "owner": "hr", "title": "Standby pool", "status": "completed",
              "started": "2026-02-04", "completed": "2026-03-01", "objective": "satisfaction", "dimension": "responsiveness"
            },
            { "id": "a2", "provider": "hr", "consumer": "line-a", "owner": "ops", "title": "Shift plan", "status": "inProgress", "started": "2026-03-02" }
          ]
        }
        """;

    internal static readonly Organization Organization = OrganizationJson.Read(ReaderMutationTests.Organisation).GetValueOrThrow();

    [Fact]
    public void The_hand_made_document_reads_as_written()
    {
        var record = Read(Document).GetValueOrThrow();

        var campaign = Assert.Single(record.Campaigns);
        Assert.Equal("2026-q1", campaign.Id.Value);
        Assert.Equal(new NodaTime.DateInterval(new(2026, 1, 1), new(2026, 3, 31)), campaign.Cycle);
        Assert.Equal("Europe/Berlin", campaign.Zone.Id);
        Assert.Equal([3, 1], campaign.Invitations.Select(i => i.Invited));
        var meeting = Assert.Single(record.Meetings);
        Assert.Equal(["a1", "a2"], meeting.ActionsAgreed.Select(a => a.Value));
        Assert.Equal(["hr", "line-a", "ops"], meeting.Present.Select(d => d.Value));
        Assert.Equal("Quarterly \"review\" é", meeting.Notes);
        Assert.Equal(new NodaTime.LocalDate(2026, 2, 3), record.LastReview(AgreementId.Parse("sla-hr")));
        var a1 = record.GetAction(ActionId.Parse("a1"));
        Assert.Equal((ImprovementStatus.Completed, new NodaTime.LocalDate(2026, 3, 1), InternalCustomer.Agreements.ObjectiveKind.Satisfaction, "responsiveness"), (a1.Status, a1.Completed, a1.Objective, a1.Dimension));
        Assert.Equal(ImprovementStatus.InProgress, record.GetAction(ActionId.Parse("a2")).Status);
    }

    [Fact]
    public void An_action_on_a_relationship_that_does_not_exist_is_located_at_the_action()
    {
        // ops → line-a: both departments exist, but there is neither an agreement nor a declared dependency between them.
        var result = Read(Document.Replace("\"id\": \"a2\", \"provider\": \"hr\"", "\"id\": \"a2\", \"provider\": \"ops\"", StringComparison.Ordinal));

        // The meeting of hr and line-a that agreed a2 now agrees an action on another relationship: a second problem.
        Assert.Equal(2, result.Problems.Length);
        var problem = result.Problems[0];
        Assert.Equal(ProblemKind.UnknownReference, problem.Kind);
        Assert.Equal("$.actions[1]", problem.Location.ToString());
        Assert.Contains("Action 'a2'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", problem.Message, StringComparison.Ordinal);
        Assert.Equal((ProblemKind.InvalidValue, "$.meetings[0].actionsAgreed[0]"), (result.Problems[1].Kind, result.Problems[1].Location.ToString()));
    }

    [Fact]
    public void An_invitation_to_a_department_not_in_the_organisation_is_located_at_its_place_in_the_document()
    {
        // "zeta" sorts after "line-a", so it is the campaign's second invitation but the document's first.
        var result = Read(Document.Replace("{ \"provider\": \"hr\", \"consumer\": \"line-a\", \"invited\": 3 }, { \"provider\": \"hr\", \"consumer\": \"ops\" }", "{ \"provider\": \"hr\", \"consumer\": \"zeta\" }, { \"provider\": \"hr\", \"consumer\": \"line-a\" }", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.UnknownReference, problem.Kind);
        Assert.Equal("$.campaigns[0].invitations[0].consumer", problem.Location.ToString());
        Assert.Contains("Campaign '2026-q1'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'zeta'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"agreements\": [\"sla-hr\"]")]
    [InlineData("\"agreements\": []")]
    public void A_meeting_dated_before_the_agreement_it_reviews_is_located_at_its_date(string agreements)
    {
        var result = Read(Document
            .Replace("\"date\": \"2026-02-03\"", "\"date\": \"2025-12-01\"", StringComparison.Ordinal)
            .Replace("\"agreements\": [\"sla-hr\"]", agreements, StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal("$.meetings[0].date", problem.Location.ToString());
        Assert.Contains("Meeting 'm1'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("2025-12-01", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_departments_present_and_unknown_agreed_actions_are_located_at_their_places_in_the_document()
    {
        // Sorted, "nobody" comes first and "a9" last; in the document they are at [3] and [0].
        var result = Read(Document
            .Replace("\"present\": [\"line-a\", \"hr\", \"ops\"]", "\"present\": [\"line-a\", \"hr\", \"ops\", \"nobody\"]", StringComparison.Ordinal)
            .Replace("\"actionsAgreed\": [\"a2\", \"a1\"]", "\"actionsAgreed\": [\"a9\", \"a2\", \"a1\"]", StringComparison.Ordinal)
            .Replace("\"agreements\": [\"sla-hr\"]", "\"agreements\": [\"sla-hr\", \"sla-x\"]", StringComparison.Ordinal));

        Assert.Equal(
            ["$.meetings[0].present[3]", "$.meetings[0].actionsAgreed[0]", "$.meetings[0].agreements[1]"],
            result.Problems.Select(p => p.Location.ToString()));
        Assert.All(result.Problems, p => Assert.Equal(ProblemKind.UnknownReference, p.Kind));
        Assert.All(result.Problems, p => Assert.Contains("Meeting 'm1'", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_owner_is_located_at_the_owner()
    {
        var result = Read(Document.Replace("\"owner\": \"ops\"", "\"owner\": \"nobody\"", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.actions[1].owner", problem.Location.ToString());
        Assert.Contains("'nobody'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"status\": \"completed\",\n      \"started\": \"2026-02-04\", \"completed\": \"2026-03-01\"", "\"status\": \"completed\",\n      \"started\": \"2026-02-04\"", "$.actions[0].completed", ProblemKind.MissingValue)]
    [InlineData("\"status\": \"inProgress\", \"started\": \"2026-03-02\"", "\"status\": \"inProgress\", \"started\": \"2026-03-02\", \"completed\": \"2026-03-03\"", "$.actions[1].completed", ProblemKind.InvalidValue)]
    [InlineData("\"completed\": \"2026-03-01\"", "\"completed\": \"2026-02-01\"", "$.actions[0].completed", ProblemKind.InvalidValue)]
    [InlineData("\"status\": \"inProgress\"", "\"status\": \"InProgress\"", "$.actions[1].status", ProblemKind.InvalidValue)]
    [InlineData("\"title\": \"Shift plan\"", "\"title\": \"  \"", "$.actions[1].title", ProblemKind.InvalidValue)]
    [InlineData("\"objective\": \"satisfaction\"", "\"objective\": \"speed\"", "$.actions[0].objective", ProblemKind.InvalidValue)]
    [InlineData("\"zone\": \"Europe/Berlin\"", "\"zone\": \"Europe/Atlantis\"", "$.campaigns[0].zone", ProblemKind.InvalidValue)]
    [InlineData("\"end\": \"2026-03-31\"", "\"end\": \"2025-12-31\"", "$.campaigns[0].cycle.end", ProblemKind.InvalidValue)]
    [InlineData("\"end\": \"2026-03-31\"", "\"end\": \"9999-12-31\"", "$.campaigns[0].cycle.end", ProblemKind.InvalidValue)]
    [InlineData("\"invited\": 3", "\"invited\": 0", "$.campaigns[0].invitations[0].invited", ProblemKind.InvalidValue)]
    [InlineData("\"consumer\": \"ops\" }", "\"consumer\": \"hr\" }", "$.campaigns[0].invitations[1].consumer", ProblemKind.InvalidValue)]
    [InlineData("[\"line-a\", \"hr\", \"ops\"]", "[\"line-a\", \"hr\", \"line-a\"]", "$.meetings[0].present[2]", ProblemKind.DuplicateId)]
    [InlineData("[\"line-a\", \"hr\", \"ops\"]", "[]", "$.meetings[0].present", ProblemKind.MissingValue)]
    [InlineData("\"date\": \"2026-02-03\"", "\"date\": \"2026-02-30\"", "$.meetings[0].date", ProblemKind.InvalidValue)]
    [InlineData("\"present\": [\"line-a\", \"hr\", \"ops\"]", "\"present\": null", "$.meetings[0].present", ProblemKind.MissingValue)]
    [InlineData("\"cycle\": { \"start\": \"2026-01-01\", \"end\": \"2026-03-31\" }", "\"cycle\": null", "$.campaigns[0].cycle", ProblemKind.MissingValue)]
    [InlineData("\"cycle\": { \"start\": \"2026-01-01\", \"end\": \"2026-03-31\" }", "\"cycle\": \"2026-01-01/2026-03-31\"", "$.campaigns[0].cycle", ProblemKind.WrongType)]
    [InlineData("\"notes\": \"Quarterly \\\"review\\\" é\"", "\"notes\": \"\"", "$.meetings[0].notes", ProblemKind.InvalidValue)]
    [InlineData("\"id\": \"m1\"", "\"id\": \"m 1\"", "$.meetings[0].id", ProblemKind.InvalidId)]
    [InlineData("\"id\": \"m1\"", "\"id\": \"m1\", \"room\": 4", "$.meetings[0].room", ProblemKind.UnexpectedProperty)]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 2", "$.schemaVersion", ProblemKind.InvalidValue)]
    public void A_structural_problem_is_located_at_its_path(string from, string to, string location, ProblemKind kind)
    {
        var edited = Document.ReplaceLineEndings("\n");
        Assert.Contains(from, edited, StringComparison.Ordinal);

        var result = Read(edited.Replace(from, to, StringComparison.Ordinal));

        Assert.False(result.IsSuccess);
        var problem = result.Problems[0];
        Assert.True(problem.Location.ToString() == location, $"{problem.Location}: {problem.Message}");
        Assert.Equal(kind, problem.Kind);
    }

    [Fact]
    public void A_repeated_invitation_is_reported_at_the_later_one_with_the_earlier_one_named()
    {
        var result = Read(Document.Replace("{ \"provider\": \"hr\", \"consumer\": \"ops\" }", "{ \"provider\": \"hr\", \"consumer\": \"line-a\" }", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.DuplicateId, problem.Kind);
        Assert.Equal("$.campaigns[0].invitations[1]", problem.Location.ToString());
        Assert.Contains("$.campaigns[0].invitations[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agreed_action_the_reader_could_not_read_is_not_reported_again_as_unknown()
    {
        var result = Read(Document.Replace("\"status\": \"inProgress\"", "\"status\": \"doing\"", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.actions[1].status", problem.Location.ToString());
    }

    [Fact]
    public void Without_an_invitations_csv_a_campaign_must_list_its_invitations()
    {
        var result = Read(WithoutInvitations());

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.MissingValue, problem.Kind);
        Assert.Equal("$.campaigns[0].invitations", problem.Location.ToString());
    }

    [Fact]
    public void A_campaign_without_invitations_takes_the_csv_rows_naming_it()
    {
        var csv = "campaign,provider,consumer,invited\r\n2026-q1,hr,line-a,3\r\n2026-q1,hr,ops,\r\n";

        var joined = ImprovementJson.Read(Bytes(WithoutInvitations()), Bytes(csv), Organization).GetValueOrThrow();

        Assert.Equal(Read(Document).GetValueOrThrow(), joined);
    }

    [Fact]
    public void An_invitation_of_the_csv_to_a_department_not_in_the_organisation_is_located_at_its_row_and_field()
    {
        var csv = "campaign,provider,consumer,invited\r\n2026-q1,hr,line-a,3\r\n2026-q1,hr,zeta,1\r\n";

        var result = ImprovementJson.Read(Bytes(WithoutInvitations()), Bytes(csv), Organization);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.UnknownReference, problem.Kind);
        Assert.Equal((3, 12), (problem.Location.Line, problem.Location.Column));
        Assert.Equal("consumer", problem.Location.Segments.Single().Name);
        Assert.Contains("'zeta'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_row_naming_no_campaign_of_the_document_or_one_that_lists_its_own_is_a_problem_at_its_campaign_field()
    {
        var csv = "campaign,provider,consumer\r\n2026-q9,hr,line-a\r\n";
        var unknown = ImprovementJson.Read(Bytes(WithoutInvitations()), Bytes(csv), Organization);
        var twice = ImprovementJson.Read(Bytes(Document), Bytes(csv.Replace("2026-q9", "2026-q1", StringComparison.Ordinal)), Organization);

        var problem = Assert.Single(unknown.Problems);
        Assert.Equal((ProblemKind.UnknownReference, 2, 1), (problem.Kind, problem.Location.Line, problem.Location.Column));
        Assert.Contains("'2026-q9'", problem.Message, StringComparison.Ordinal);
        var second = Assert.Single(twice.Problems);
        Assert.Equal((ProblemKind.InvalidValue, 2, 1), (second.Kind, second.Location.Line, second.Location.Column));
        Assert.Contains("lists its own invitations", second.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("campaign,provider,consumer\r\n2026-q1,hr,hr\r\n", 2, ProblemKind.InvalidValue)]
    [InlineData("campaign,provider,consumer,invited\r\n2026-q1,hr,ops,-1\r\n", 2, ProblemKind.InvalidValue)]
    [InlineData("campaign,provider,consumer,invited\r\n2026-q1,hr,ops,many\r\n", 2, ProblemKind.WrongType)]
    [InlineData("campaign,provider\r\n2026-q1,hr\r\n", 1, ProblemKind.MissingValue)]
    [InlineData("campaign,provider,consumer\r\n2026-q1,hr,ops\r\n2026-q1,hr,ops\r\n", 3, ProblemKind.DuplicateId)]
    public void The_invitations_csv_reports_bad_rows_with_their_line(string csv, int line, ProblemKind kind)
    {
        var result = InvitationCsv.Read(csv);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((kind, line), (problem.Kind, problem.Location.Line));
    }

    [Fact]
    public void Reading_needs_an_organisation()
    {
        var e = Assert.Throws<ArgumentNullException>(() => ImprovementJson.Read(Document, null!));
        Assert.Equal("organization", e.ParamName);
    }

    [Fact]
    public void The_schema_declares_exactly_the_properties_the_writer_writes_and_the_reader_knows()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "schema", "improvement.schema.json")))!.AsObject();
        var written = JsonNode.Parse(ImprovementJson.WriteToString(Read(Document).GetValueOrThrow()))!.AsObject();
        IEnumerable<string> Declared(string definition) => schema["$defs"]![definition]!["properties"]!.AsObject().Select(p => p.Key);
        static IEnumerable<string> Keys(JsonNode node) => node.AsObject().Select(p => p.Key);

        Assert.Equal(["$schema", .. Keys(written)], schema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(Keys(written["campaigns"]![0]!), Declared("campaign"));
        Assert.Equal(Keys(written["campaigns"]![0]!["invitations"]![0]!), Declared("invitation"));
        Assert.Equal(Keys(written["meetings"]![0]!), Declared("meeting"));
        Assert.Equal(Keys(written["actions"]![0]!), Declared("action"));
        Assert.Equal(["planned", "inProgress", "completed", "abandoned"], schema["$defs"]!["action"]!["properties"]!["status"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    private static string WithoutInvitations() => Document.Replace(
        ",\n      \"invitations\": [ { \"provider\": \"hr\", \"consumer\": \"line-a\", \"invited\": 3 }, { \"provider\": \"hr\", \"consumer\": \"ops\" } ]",
        string.Empty,
        StringComparison.Ordinal);

    private static Result<ImprovementRecord> Read(string json) => ImprovementJson.Read(json.ReplaceLineEndings("\n"), Organization);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
}
