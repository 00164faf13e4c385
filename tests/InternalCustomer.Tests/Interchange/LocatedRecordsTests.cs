using FsCheck.Xunit;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// The readers' <c>ReadLocated</c>: every record made with where it came from (line and column of each CSV field, the
/// JSON path), the good records kept when others have problems, <c>ToResult</c> equal to <c>Read</c>; and the CSV hint
/// for a semicolon-separated file.
/// </summary>
public class LocatedRecordsTests
{
    private static ProblemLocation Path(string name) => ProblemLocation.Root.Property(name);

    [Fact]
    public void A_csv_request_is_located_at_the_line_and_column_of_each_field()
    {
        // Columns: id at 1, agreement at 4 ("R1," is 3 characters), opened at 11 ("R1,sla-hr," is 10).
        var read = ServiceRequestCsv.ReadLocated("id,agreement,opened,priority\r\nR1,sla-hr,2026-03-02T09:30:00Z,P1\r\n\r\nR2,other,2026-03-02T10:00:00Z,\r\n");

        Assert.True(read.IsSuccess);
        Assert.Equal(["R1", "R2"], read.Records.Select(r => r.Id));
        Assert.Equal(ProblemLocation.InText(2), read.Origins[0].Location);
        Assert.Equal(ProblemLocation.InText(2, 4).Property("agreement"), read.Origins[0].Field("agreement"));
        Assert.Equal(ProblemLocation.InText(2, 32).Property("priority"), read.Origins[0].Field("priority"));

        // The blank line is skipped, so R2 is on line 4; a column the header lacks is said at the record's line.
        Assert.Equal(ProblemLocation.InText(4, 4).Property("agreement"), read.Origins[1].Field("agreement"));
        Assert.Equal(ProblemLocation.InText(4).Property("service"), read.Origins[1].Field("service"));
        Assert.Equal("line 4, column 4 (agreement)", read.Origins[1].Field("agreement").ToString());
        Assert.Equal(ProblemLocation.InText(4), read.Origins[1].Locate(ProblemLocation.Root));
    }

    [Fact]
    public void A_json_request_is_located_at_its_path()
    {
        var read = ServiceRequestJson.ReadLocated(ReaderMutationTests.RequestsJson);

        Assert.True(read.IsSuccess);
        Assert.Equal("$.requests[1]", read.Origins[1].ToString());
        Assert.Equal("$.requests[1].agreement", read.Origins[1].Field("agreement").ToString());
        Assert.Equal("$.requests[0].pauses[1]", read.Origins[0].Locate(Path("pauses").Element(1)).ToString());
    }

    [Fact]
    public void A_status_change_request_is_its_first_row_and_its_log_entries_are_its_rows()
    {
        // R1's rows are lines 2 and 4; line 3 is R2's.
        const string csv = "id,agreement,at,status,priority\r\n"
            + "R1,sla-hr,2026-03-02T09:00:00Z,New,P2\r\n"
            + "R2,sla-hr,2026-03-02T09:30:00Z,New,\r\n"
            + "R1,sla-hr,2026-03-02T10:00:00Z,Resolved,\r\n";

        var read = ServiceRequestCsv.ReadLocated(csv);

        Assert.True(read.IsSuccess, string.Join("; ", read.Problems));
        var r1 = read.Origins[0];
        Assert.Equal(ProblemLocation.InText(2), r1.Location);
        Assert.Equal(ProblemLocation.InText(2, 4).Property("agreement"), r1.Field("agreement"));
        Assert.Equal(ProblemLocation.InText(4, 11).Property("at"), r1.Locate(Path("statusLog").Element(1).Property("at")));

        // The request's priority is its first entry's, on line 2 (column 36: "R1,sla-hr,2026-03-02T09:00:00Z,New," is 35 characters).
        Assert.Equal(ProblemLocation.InText(2, 36).Property("priority"), r1.Field("priority"));
        Assert.Equal(r1.Field("priority"), r1.Locate(Path("statusLog").Element(0).Property("priority")));
    }

    [Fact]
    public void A_json_status_log_without_a_priority_of_its_own_has_its_priority_at_its_first_entry()
    {
        const string json = """
            { "schemaVersion": 1, "requests": [
              { "id": "R1", "agreement": "sla-hr", "statusLog": [ { "at": "2026-03-02T09:00:00Z", "status": "New", "priority": "P2" } ] },
              { "id": "R2", "agreement": "sla-hr", "priority": "P1", "opened": "2026-03-02T09:00:00Z" } ] }
            """;

        var read = ServiceRequestJson.ReadLocated(json);

        Assert.Equal("$.requests[0].statusLog[0].priority", read.Origins[0].Field("priority").ToString());
        Assert.Equal("$.requests[1].priority", read.Origins[1].Field("priority").ToString());
    }

    [Fact]
    public void Records_with_problems_of_their_own_are_left_out_and_the_others_kept()
    {
        // Line 3: a bad instant; line 4: a field too many; line 5: the repeated id R1.
        const string csv = "id,agreement,opened\r\nR1,sla-hr,2026-03-02T09:30:00Z\r\nR2,sla-hr,yesterday\r\nR3,sla-hr,2026-03-02T09:30:00Z,x\r\nR1,sla-hr,2026-03-02T09:30:00Z\r\nR4,sla-hr,2026-03-02T09:30:00Z\r\n";

        var read = ServiceRequestCsv.ReadLocated(csv);

        Assert.False(read.IsSuccess);
        Assert.Equal(["R1", "R4"], read.Records.Select(r => r.Id));
        Assert.Equal([ProblemLocation.InText(2), ProblemLocation.InText(6)], read.Origins.Select(o => o.Location));
        Assert.Equal(
            [ProblemLocation.InText(3, 11).Property("opened"), ProblemLocation.InText(4), ProblemLocation.InText(5, 1).Property("id")],
            read.Problems.Select(p => p.Location));
        var result = read.ToResult();
        Assert.Null(result.Value);
        Assert.Equal<Problem>(read.Problems, result.Problems);
        Assert.Equal<Problem>(ServiceRequestCsv.Read(csv).Problems, result.Problems);
    }

    [Fact]
    public void A_response_is_located_and_its_overall_scale_is_its_scale_max_field()
    {
        const string csv = "respondent,subject,instant,overall,scaleMin,scaleMax\r\nline-a,hr,2026-03-02T09:30:00Z,8,0,10\r\n";
        var read = FeedbackResponseCsv.ReadLocated(csv, null);

        Assert.True(read.IsSuccess);
        Assert.Equal(ProblemLocation.InText(2, 8).Property("subject"), read.Origins[0].Field("subject"));
        Assert.Equal(ProblemLocation.InText(2, 36).Property("scaleMax"), read.Origins[0].Field("overallScale"));

        var json = FeedbackResponseJson.ReadLocated(FeedbackResponseJson.WriteToString(read.Records), null);
        Assert.Equal("$.responses[0].respondent", json.Origins[0].Field("respondent").ToString());
        Assert.Equal("$.responses[0].scaleMax", json.Origins[0].Field("overallScale").ToString());
    }

    [Fact]
    public void Origins_are_values_and_locate_only_paths()
    {
        var csv = "id,agreement,opened\r\nR1,sla-hr,2026-03-02T09:30:00Z\r\n";
        var first = ServiceRequestCsv.ReadLocated(csv).Origins[0];
        var second = ServiceRequestCsv.ReadLocated(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv))).Origins[0];
        var other = ServiceRequestCsv.ReadLocated("id,opened,agreement\r\nR1,2026-03-02T09:30:00Z,sla-hr\r\n").Origins[0];

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.NotEqual(first, other);
        Assert.True(first != other);
        var e = Assert.Throws<ArgumentException>(() => first.Locate(ProblemLocation.InText(3)));
        Assert.Equal("path", e.ParamName);
        Assert.Equal("Expected a path below the record, such as $.agreement; got the text position line 3. (Parameter 'path')", e.Message);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => first.Locate(null!)).ParamName);
    }

    [Theory]
    [InlineData("id;agreement;opened\r\nR1;sla-hr;2026-03-02T09:30:00Z\r\n", "id;agreement;opened", "id,agreement,opened,firstResponse,resolved,pauses,reopen,priority,service,category (or, one row per status change, id,agreement,at,status,priority,service,category)")]
    [InlineData("id;agreement;at;status\r\nR1;sla-hr;2026-03-02T09:30:00Z;New\r\n", "id;agreement;at;status", "id,agreement,at,status,priority,service,category")]
    public void A_semicolon_separated_request_file_gets_one_hint_at_line_1(string csv, string header, string described)
    {
        var problem = Assert.Single(ServiceRequestCsv.Read(csv).Problems);

        Assert.Equal(ProblemKind.MalformedInput, problem.Kind);
        Assert.Equal(ProblemLocation.InText(1, 1), problem.Location);
        Assert.Equal($"The file looks semicolon-separated: the header \"{header}\" separates column names with ';'; expected commas (RFC 4180), as in {described}.", problem.Message);
    }

    [Fact]
    public void A_semicolon_separated_response_file_gets_the_hint_and_a_semicolon_in_a_comma_header_does_not()
    {
        var problem = Assert.Single(FeedbackResponseCsv.Read("respondent;subject;instant;overall;perception.tangibles\r\nline-a;hr;2026-03-02T09:30:00Z;4;5\r\n", null).Problems);
        Assert.StartsWith("The file looks semicolon-separated: the header \"respondent;subject;instant;overall;perception.tangibles\"", problem.Message, StringComparison.Ordinal);

        // One unknown column holding a semicolon among comma-separated ones is an unknown column, not a separator mix-up.
        var unknown = Assert.Single(ServiceRequestCsv.Read("id,agreement,opened,a;b\r\nR1,sla-hr,2026-03-02T09:30:00Z,x\r\n").Problems);
        Assert.Equal(ProblemKind.UnexpectedProperty, unknown.Kind);
    }

    [Property(MaxTest = 200)]
    public bool ToResult_is_what_Read_returns_for_any_mutated_document(int seed)
    {
        var csv = InterchangeGenerators.Mutate(System.Text.Encoding.UTF8.GetBytes(ReaderMutationTests.RequestsCsv), new Random(seed), seed).Bytes;
        var json = InterchangeGenerators.Mutate(System.Text.Encoding.UTF8.GetBytes(ReaderMutationTests.RequestsJson), new Random(seed), seed).Bytes;
        return Same(ServiceRequestCsv.ReadLocated(csv), ServiceRequestCsv.Read(csv))
            && Same(ServiceRequestJson.ReadLocated(json), ServiceRequestJson.Read(json))
            && Same(FeedbackResponseCsv.ReadLocated(csv, null), FeedbackResponseCsv.Read(csv, null));
    }

    private static bool Same<T>(LocatedRecords<T> located, Result<IReadOnlyList<T>> read)
        where T : class =>
        located.Records.Length == located.Origins.Length
        && located.ToResult().Problems.SequenceEqual(read.Problems)
        && (read.Value is null ? !located.IsSuccess : located.IsSuccess && read.Value.Count == located.Records.Length);
}
