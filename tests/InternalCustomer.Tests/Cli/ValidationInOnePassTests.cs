using InternalCustomer.Cli;
using InternalCustomer.Tests.Interchange;
using NodaTime;

namespace InternalCustomer.Tests.Cli;

/// <summary>
/// Issue 13, item 6 and "Bad input": one run reports every file's format problems and the cross-reference problems,
/// located alike, with "did you mean"; no follow-on problems; no silent fall-back to the built-in example; the
/// semicolon hint; exit 1 for what the user fixes, exit 2 and one line for a bug.
/// </summary>
public sealed class ValidationInOnePassTests : IDisposable
{
    private const string Header = "id,agreement,opened\r\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("internal-customer-validation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Csv_cross_references_are_located_by_line_and_column_in_the_same_run_as_another_files_format_problem()
    {
        var organization = Write("organization.json", ReaderMutationTests.Organisation);

        // Line 3, column 4 is the agreement "sla-hx" (a near miss of sla-hr); line 4 names no agreement of the organisation.
        var requests = Write("requests.csv", Header + "R1,sla-hr,2026-03-02T09:30:00Z\r\nR2,sla-hx,2026-03-02T09:30:00Z\r\nR3,nothing-like-it,2026-03-02T09:30:00Z\r\n");
        var responses = Write("responses.csv", "respondent,subject,instant,overall\r\nline-a,hr,2026-03-02T09:30:00Z,four\r\n");

        var (code, output, error) = Run("report", organization, "--requests", requests, "--responses", responses);

        Assert.Equal(CliApp.Invalid, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            [
                $"{responses}: line 2, column 32 (overall): Expected an integer; got \"four\".",
                $"{requests}: line 3, column 4 (agreement): Request 'R2' at requests[1] names agreement 'sla-hx', which is not an agreement of this organization; did you mean \"sla-hr\"?",
                $"{requests}: line 4, column 4 (agreement): Request 'R3' at requests[2] names agreement 'nothing-like-it', which is not an agreement of this organization.",
            ],
            Lines(error));
    }

    [Fact]
    public void Json_cross_references_are_located_by_path_in_the_same_run_as_another_files_format_problem()
    {
        var organization = Write("organization.json", ReaderMutationTests.Organisation);
        var requests = Write("requests.csv", Header + "R1,sla-hr,not-an-instant\r\n");
        var responses = Write("responses.json", """
            { "schemaVersion": 1, "responses": [
              { "respondent": "line-a", "subject": "hr", "instant": "2026-03-02T09:30:00Z", "overall": 4 },
              { "respondent": "line-a", "subject": "HR", "instant": "2026-03-02T09:30:00Z", "overall": 4 },
              { "respondent": "visitor", "subject": "hr", "instant": "2026-03-02T09:30:00Z", "overall": 4 } ] }
            """);

        var (code, _, error) = Run("validate", organization, "--requests", requests, "--responses", responses);

        Assert.Equal(1, code);
        Assert.Equal(
            [
                $"{requests}: line 2, column 11 (opened): Expected an instant such as 2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00 (in UTC from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports); got \"not-an-instant\".",
                $"{responses}: $.responses[1].subject: Response at responses[1] names department 'HR', which is not a department of this organization; did you mean \"hr\"?",
                $"{responses}: $.responses[2].respondent: Response at responses[2] names department 'visitor', which is not a department of this organization.",
            ],
            Lines(error));
    }

    [Fact]
    public void A_near_miss_priority_and_service_of_a_request_get_did_you_mean_located_at_their_columns()
    {
        var organization = Write("organization.json", ReaderMutationTests.Organisation.Replace("\"agreements\": [", "\"priorities\": [\"P1\", \"urgent\"],\n  \"agreements\": [", StringComparison.Ordinal));

        // Columns: priority at 32 ("R1,sla-hr,2026-03-02T09:30:00Z," is 31 characters), service at 39.
        var requests = Write("requests.csv", "id,agreement,opened,priority,service\r\nR1,sla-hr,2026-03-02T09:30:00Z,urgnet,hirinng\r\n");

        var (code, _, error) = Run("sla", organization, "--requests", requests);

        Assert.Equal(1, code);
        Assert.Equal(
            [
                $"{requests}: line 2, column 32 (priority): Request 'R1' at requests[0] has priority 'urgnet', which the organization does not declare; it declares P1, urgent; did you mean \"urgent\"?",
                $"{requests}: line 2, column 39 (service): Request 'R1' at requests[0] is for service 'hirinng', which agreement 'sla-hr' does not cover; it covers hiring; did you mean \"hiring\"?",
            ],
            Lines(error));
    }

    [Fact]
    public void A_status_change_requests_cross_references_are_located_at_the_rows_they_came_from()
    {
        // Clock conditions, so that the agreement's objectives can read status logs.
        const string clock = "\"clock\": { \"statuses\": { \"New\": \"start\", \"In Progress\": \"run\", \"Resolved\": \"stop\" } }";
        var document = ReaderMutationTests.Organisation
            .Replace("\"agreements\": [", "\"priorities\": [\"P1\", \"P2\"],\n  \"agreements\": [", StringComparison.Ordinal)
            .Replace("\"warningThresholds\": [0.5, 0.75] }", "\"warningThresholds\": [0.5, 0.75], " + clock + " }", StringComparison.Ordinal)
            .Replace("\"target\": 0.95 }", "\"target\": 0.95, " + clock + " }", StringComparison.Ordinal);
        Assert.Equal(2, document.Split("\"clock\"").Length - 1);
        var organization = Write("organization.json", document);

        // R1's second row (line 4) changes the priority to P7, which is not declared; column 44 ("R1,sla-hr,2026-03-02T10:00:00Z,In Progress," is 43).
        var requests = Write("changes.csv", "id,agreement,at,status,priority\r\nR1,sla-hr,2026-03-02T09:00:00Z,New,P1\r\nR2,sla-hr,2026-03-02T09:30:00Z,New,\r\nR1,sla-hr,2026-03-02T10:00:00Z,In Progress,P7\r\n");

        var (code, _, error) = Run("sla", organization, "--requests", requests);

        Assert.Equal(1, code);
        Assert.Equal(
            [$"{requests}: line 4, column 44 (priority): Request 'R1' at requests[0] has priority 'P7', which the organization does not declare; it declares P1, P2."],
            Lines(error));
    }

    [Fact]
    public void An_invalid_calendar_is_reported_once_and_the_other_files_wait_for_the_organisation()
    {
        var organization = Write("organization.json", ReaderMutationTests.Organisation.Replace("\"zone\": \"Europe/Berlin\"", "\"zone\": \"Europe/Nowhere\"", StringComparison.Ordinal));
        var requests = Write("requests.csv", Header + "R1,no-such,2026-03-02T09:30:00Z\r\nR2,sla-hr,never\r\n");

        var (code, _, error) = Run("report", organization, "--requests", requests);

        // The calendar's zone, not also "Calendar 'office' is not a calendar" at the agreement; the requests' own format
        // problem, and a line saying their cross-references are checked once the organisation reads.
        Assert.Equal(1, code);
        var lines = Lines(error);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{organization}: $.calendars[0].zone: Expected a tzdb time zone id such as \"Europe/London\"; got \"Europe/Nowhere\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{requests}: line 3, column 11 (opened): Expected an instant", lines[1], StringComparison.Ordinal);
        Assert.Equal($"{requests}: not checked against the organisation, which has problems: its agreements, departments and services are checked once {organization} reads.", lines[2]);
        Assert.DoesNotContain("not a calendar", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_with_a_malformed_field_is_not_also_reported_for_its_references()
    {
        var organization = Write("organization.json", ReaderMutationTests.Organisation);

        // R1's agreement is not an id at all, R2's instant is malformed (its unknown agreement is not checked): one
        // problem each; R3 is well-formed and names an unknown agreement. The library's message counts the records it
        // was given (R3 is the first read without a problem: requests[0]); the location is the file's.
        var requests = Write("requests.csv", Header + "R1,not an id,2026-03-02T09:30:00Z\r\nR2,unknown,yesterday\r\nR3,unknown,2026-03-02T09:30:00Z\r\n");

        var (code, _, error) = Run("validate", organization, "--requests", requests);

        Assert.Equal(1, code);
        Assert.Equal(
            [
                $"{requests}: line 2, column 4 (agreement): Expected an agreement id (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"not an id\".",
                $"{requests}: line 3, column 12 (opened): Expected an instant such as 2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00 (in UTC from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports); got \"yesterday\".",
                $"{requests}: line 4, column 4 (agreement): Request 'R3' at requests[0] names agreement 'unknown', which is not an agreement of this organization.",
            ],
            Lines(error));
    }

    [Fact]
    public void Validate_and_report_give_the_same_problems_for_the_same_files()
    {
        var organization = Write("organization.json", ReaderMutationTests.Organisation);
        var requests = Write("requests.csv", Header + "R1,sla-hx,2026-03-02T09:30:00Z\r\nR2,sla-hr,x\r\n");
        var responses = Write("responses.csv", "respondent,subject,instant,overall\r\nline-a,hx,2026-03-02T09:30:00Z,4\r\n");
        var improvement = Write("improvement.json", ImprovementJsonTests.Document.Replace("\"date\": \"2026-02-03\"", "\"date\": \"2025-12-01\"", StringComparison.Ordinal));
        string[] files = [organization, "--requests", requests, "--responses", responses, "--improvement", improvement];

        var validate = Run(["validate", .. files]);
        var report = Run(["report", .. files]);
        var improvements = Run(["improvements", .. files]);

        Assert.Equal(1, validate.Code);
        Assert.Equal(4, Lines(validate.Error).Length);
        Assert.Equal(validate, report);
        Assert.Equal(validate, improvements);
    }

    [Theory]
    [InlineData("validate", "--requests", "x.csv")]
    [InlineData("report", "--requests", "x.csv")]
    [InlineData("sla", "--requests", "x.csv")]
    [InlineData("feedback", "--responses", "y.json")]
    [InlineData("improvements", "--improvement", "z.json")]
    [InlineData("report", "--responses", "y.json")]
    public void A_file_without_an_organisation_file_is_an_error_not_the_example(string command, string option, string file)
    {
        var path = Write(file, "whatever is in it");

        var (code, output, error) = Run(command, option, path);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            [$"error: {option} {path}: an organisation file is needed to read {path} (internal-customer {command} my-org.json {option} {path}); the built-in example's own requests, responses and improvement record are used only when no file at all is given."],
            Lines(error));
    }

    [Fact]
    public void A_semicolon_separated_file_gets_the_hint_at_line_1()
    {
        var organization = Write("organization.json", ReaderMutationTests.Organisation);
        var requests = Write("requests.csv", "id;agreement;opened\r\nR1;sla-hr;2026-03-02T09:30:00Z\r\n");

        var (code, _, error) = Run("sla", organization, "--requests", requests);

        Assert.Equal(1, code);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"{requests}: line 1, column 1: The file looks semicolon-separated: the header \"id;agreement;opened\" separates column names with ';'; expected commas (RFC 4180), as in id,agreement,opened,", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bug_exits_2_with_one_line_asking_to_report_it()
    {
        // An output writer that fails in a way no write error does (not an IOException) stands for a bug of the tool.
        var error = new StringWriter();

        var code = CliApp.Run(["sla"], new FailingWriter(), error, stderrIsTerminal: false, Tool.Clock);

        Assert.Equal(CliApp.Bug, code);
        Assert.Equal(2, code);
        Assert.Equal(
            ["internal-customer: internal error (System.InvalidOperationException: the writer broke\\u000Aon two lines); this is a bug, please report it at https://github.com/internal-customer/internal-customer/issues with the command line you ran."],
            Lines(error.ToString()));
    }

    [Fact]
    public void A_bug_inside_a_command_exits_2_with_one_line_and_nothing_on_stdout()
    {
        // With an organisation file and no records the as-of instant is the clock's: a failing clock is a bug in the command.
        var organization = Write("organization.json", ReaderMutationTests.Organisation);
        var output = new StringWriter();
        var error = new StringWriter();

        var code = CliApp.Run(["report", organization], output, error, stderrIsTerminal: false, new FailingClock());

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output.ToString());
        var line = Assert.Single(Lines(error.ToString()));
        Assert.Equal("internal-customer: internal error (System.NotSupportedException: no clock here); this is a bug, please report it at https://github.com/internal-customer/internal-customer/issues with the command line you ran.", line);
    }

    [Fact]
    public void An_as_of_date_before_the_data_is_a_usage_error_only_when_the_data_itself_is_valid()
    {
        var organization = Write("organization.json", ReaderMutationTests.Organisation);
        var good = Write("good.csv", Header + "R1,sla-hr,2026-03-02T09:30:00Z\r\n");
        var bad = Write("bad.csv", Header + "R1,sla-hx,2026-03-02T09:30:00Z\r\n");

        var usage = Run("sla", organization, "--requests", good, "--as-of", "2026-01-01");
        var invalid = Run("sla", organization, "--requests", bad, "--as-of", "2026-01-01");

        Assert.Equal(1, usage.Code);
        Assert.Equal(["error: --as-of: AsOf must not be before the organization's data begins (2026-03-02T09:30:00Z); got 2026-01-02T00:00:00Z."], Lines(usage.Error));
        Assert.Equal(1, invalid.Code);
        Assert.StartsWith($"{bad}: line 2, column 4 (agreement): Request 'R1' at requests[0] names agreement 'sla-hx'", Assert.Single(Lines(invalid.Error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(250)]
    public void Max_problems_lists_that_many_of_each_file_then_how_many_more(int k)
    {
        // 301 empty column names (an unknown column each), then the three required columns missing: 304 problems.
        var organization = Write("organization.json", ReaderMutationTests.Organisation);
        var requests = Write("requests.csv", new string(',', 300) + "\r\n");

        var (code, output, error) = Run("validate", organization, "--requests", requests, "--max-problems", k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (_, _, uncapped) = Run("validate", organization, "--requests", requests, "--max-problems", "100000");

        Assert.Equal(CliApp.Invalid, code);
        Assert.Equal(string.Empty, output);
        var all = Lines(uncapped);
        Assert.Equal(304, all.Length);
        Assert.Equal([.. all.Take(k), $"{requests}: $: … and {304 - k} more problems; only the first {k} are listed."], Lines(error));
    }

    [Fact]
    public void Max_problems_caps_the_cross_reference_problems_of_a_file_too()
    {
        // 20 well-formed requests, each naming an agreement the organisation lacks: 20 cross-reference problems.
        var organization = Write("organization.json", ReaderMutationTests.Organisation);
        var rows = string.Concat(Enumerable.Range(0, 20).Select(i => $"R{i},nothing-like-it-{i},2026-03-02T09:30:00Z\r\n"));
        var requests = Write("requests.csv", Header + rows);

        var (code, _, error) = Run("validate", organization, "--requests", requests, "--max-problems", "4");
        var (_, _, uncapped) = Run("validate", organization, "--requests", requests, "--max-problems", "1000");

        Assert.Equal(CliApp.Invalid, code);
        var all = Lines(uncapped);
        Assert.Equal(20, all.Length);
        Assert.Equal([.. all.Take(4), $"{requests}: $: … and 16 more cross-reference problems; only the first 4 are listed."], Lines(error));
    }

    [Fact]
    public void Without_max_problems_a_file_lists_100_problems()
    {
        var organization = Write("organization.json", ReaderMutationTests.Organisation);
        var requests = Write("requests.csv", new string(',', 300) + "\r\n");

        var (_, _, error) = Run("validate", organization, "--requests", requests);

        Assert.Equal(101, Lines(error).Length);
        Assert.EndsWith("… and 204 more problems; only the first 100 are listed.", Lines(error)[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void A_max_problems_that_is_not_a_whole_number_of_at_least_1_is_a_usage_error(string value)
    {
        var (code, output, error) = Run("validate", "--max-problems", value);

        Assert.Equal(CliApp.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal([$"error: --max-problems: expected a whole number of at least 1; got '{value}'."], Lines(error));
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => Tool.Run(args);

    private static string[] Lines(string text) => Tool.Lines(text);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(string? value) => throw new InvalidOperationException("the writer broke\non two lines");
    }

    private sealed class FailingClock : IClock
    {
        public Instant GetCurrentInstant() => throw new NotSupportedException("no clock here");
    }
}
