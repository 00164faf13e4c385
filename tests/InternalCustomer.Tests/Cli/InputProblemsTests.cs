using InternalCustomer.Cli.Commands;
using InternalCustomer.Interchange;
using static InternalCustomer.Tests.Scorecards.ScorecardTests;

namespace InternalCustomer.Tests.Cli;

/// <summary>The cross-reference problems of the inputs are the library's (<c>Scorecard.Validate</c>), said at the record's
/// place in its file, with the near-miss id as data; on the worked example of <see cref="Scorecards.ScorecardTests"/>.</summary>
public class InputProblemsTests
{
    private static FileRecords<T> Records<T>(string file, LocatedRecords<T> read)
        where T : class
    {
        Assert.True(read.IsSuccess, string.Join("; ", read.Problems));
        return new(file, read.Records, read.Origins);
    }

    [Fact]
    public void Input_problems_are_the_librarys_said_at_the_records_place_in_its_file()
    {
        var requests = Records("requests.csv", ServiceRequestCsv.ReadLocated("id,agreement,opened\r\nR1,nope,2026-05-04T09:00:00Z\r\n"));

        // Line 3: "line-a,it,2026-05-21T09:00:00Z,1," is 33 characters, so scaleMax starts at column 34.
        var responses = Records("responses.csv", FeedbackResponseCsv.ReadLocated(
            "respondent,subject,instant,scaleMin,scaleMax,overall\r\nvisitor,it,2026-05-20T09:00:00Z,1,5,3\r\nline-a,it,2026-05-21T09:00:00Z,1,7,6\r\n",
            null));
        // The tool sets other scales aside (TypedOutputTests); under the library's default rule, Reject, a response on
        // another scale is a problem, and it is located at its scaleMax field like any other.
        var options = new OrganizationAnalysis(Example(), requests.Records, responses.Records, AsOf, "worked example").Options with { OtherScales = InternalCustomer.Scorecards.OtherScaleRule.Reject };

        var (problems, asOf) = InputProblems.CrossReferences(Example(), requests, responses, options, "worked example");

        // Both responses rate on 1–5 and 1–7 once each: the first seen is the scorecard's, so the seven-point one is the odd one out.
        Assert.Null(asOf);
        Assert.Equal(
            [
                "requests.csv: line 2, column 4 (agreement): Request 'R1' at requests[0] names agreement 'nope', which is not an agreement of this organization.",
                "responses.csv: line 2, column 1 (respondent): Response at responses[0] names department 'visitor', which is not a department of this organization.",
                "responses.csv: line 3, column 34 (scaleMax): Response at responses[1] rates on the scale 1–7; expected the options' overall scale 1–5.",
            ],
            problems.Select(p => p.ToString()));
        Assert.All(problems, p => Assert.Null(p.Suggestion));
        Assert.Equal([ProblemKind.UnknownReference, ProblemKind.UnknownReference, ProblemKind.InvalidValue], problems.Select(p => p.Kind));
    }

    [Fact]
    public void A_near_miss_is_suggested_in_the_message_and_as_data()
    {
        // "it-b" is 1 edit from it-a and 2 from a-b and hr-a: it-a is the unique nearest.
        var requests = Records("requests.json", ServiceRequestJson.ReadLocated("""{ "schemaVersion": 1, "requests": [ { "id": "R1", "agreement": "it-b", "opened": "2026-05-04T09:00:00Z" } ] }"""));
        var responses = FileRecords<InternalCustomer.Feedback.FeedbackResponse>.None;
        var options = new OrganizationAnalysis(Example(), requests.Records, [], AsOf, "worked example").Options;

        var problem = Assert.Single(InputProblems.CrossReferences(Example(), requests, responses, options, "worked example").Problems);

        Assert.Equal("it-a", problem.Suggestion);
        Assert.Equal("requests.json", problem.File);
        Assert.Equal("$.requests[0].agreement", problem.Location.ToString());
        Assert.Equal("Request 'R1' at requests[0] names agreement 'it-b', which is not an agreement of this organization; did you mean \"it-a\"?", problem.Message);
    }

    [Fact]
    public void An_as_of_date_before_the_data_is_returned_apart_when_the_data_itself_is_valid()
    {
        var requests = Records("requests.csv", ServiceRequestCsv.ReadLocated(ServiceRequestCsv.WriteToString(Requests())));
        var responses = Records("responses.csv", FeedbackResponseCsv.ReadLocated(FeedbackResponseCsv.WriteToString(Responses()), null));
        var options = new OrganizationAnalysis(Example(), requests.Records, responses.Records, May(1, 0), "worked example").Options;

        var (problems, asOf) = InputProblems.CrossReferences(Example(), requests, responses, options, "worked example");

        Assert.Empty(problems);
        Assert.Equal("AsOf must not be before the organization's data begins (2026-05-04T09:00:00Z); got 2026-05-01T00:00:00Z.", asOf?.Message);
    }
}
