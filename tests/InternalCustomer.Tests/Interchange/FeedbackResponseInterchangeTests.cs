using System.Text;
using FsCheck.Xunit;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Interchange;

public class FeedbackResponseInterchangeTests
{
    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 150)]
    public void Json_write_then_read_gives_equal_responses(ResponseSet set)
    {
        var read = FeedbackResponseJson.Read(FeedbackResponseJson.WriteToString(set.Responses), DimensionSet.Servqual);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        AssertSame(set.Responses, read.Value!);
    }

    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 150)]
    public void Csv_write_then_read_gives_equal_responses(ResponseSet set)
    {
        var read = FeedbackResponseCsv.Read(Encoding.UTF8.GetBytes(FeedbackResponseCsv.WriteToString(set.Responses)), null);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        AssertSame(set.Responses, read.Value!);
    }

    [Fact]
    public void Survey_csv_with_defaults_and_servqual_columns()
    {
        const string csv =
            "respondent,subject,instant,overall,recommend,perception.reliability,expectation.reliability,comment\r\n"
            + "line-a,it,2026-02-03T10:00:00+01:00,4,9,5,6,\"Quick, mostly\"\r\n";

        var response = Assert.Single(FeedbackResponseCsv.Read(csv, null).GetValueOrThrow());

        Assert.Equal(RatingScale.FivePoint, response.OverallScale);
        Assert.Equal(4, response.Overall);
        Assert.Equal(9, response.Recommend);
        Assert.Equal(5, response.Perception("reliability"));
        Assert.Equal(6, response.Expectation("reliability"));
        Assert.Null(response.Perception("empathy"));
        Assert.Equal("Quick, mostly", response.Comment);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 2, 3, 9, 0), response.Instant);
    }

    [Fact]
    public void Csv_problems_name_line_column_and_field()
    {
        const string csv =
            "respondent,subject,instant,overall,effort,perception.speed,perception.empathy\n"
            + "it,it,2026-02-03T10:00:00Z,4,,,\n"
            + "line-a,it,2026-02-03T10:00:00Z,6,9,,8\n"
            + "line-a,it,2026-02-03T10:00:00Z,five,,3,\n"
            + "line-a,it,2026-02-03T10:00:00Z,6,,,\n";

        var problems = FeedbackResponseCsv.Read(csv, null).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "line 2, column 4 (subject): A department cannot give feedback about itself: respondent and subject are both \"it\".",
                "line 3, column 37 (perception.empathy): Expected a perception rating from 1 to 7; got 8.",
                "line 4, column 32 (overall): Expected an integer; got \"five\".",
                "line 4, column 38 (perception.speed): Unknown dimension \"speed\"; expected one of: reliability, responsiveness, assurance, empathy, tangibles.",
                "line 5, column 32 (overall): Rating 'overall' must be a point of the 1–5 scale; got 6.",
            ],
            problems);
    }

    [Fact]
    public void Json_problems_are_at_json_paths()
    {
        const string json = """
            { "schemaVersion": 1, "responses": [
              { "respondent": "a", "subject": "b", "instant": "2026-02-03T10:00:00Z", "overall": 3, "scaleMin": 1, "scaleMax": 1 },
              { "respondent": "a", "subject": "b", "instant": "2026-02-03T10:00:00Z", "overall": 1e400 },
              { "respondent": "a", "subject": "b", "instant": "2026-02-03T10:00:00Z", "overall": 3, "perceptions": { "empathy": "high" } }
            ] }
            """;

        var problems = FeedbackResponseJson.Read(json, null).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "$.responses[0].scaleMax: A scale's maximum must be greater than its minimum 1; got 1.",
                "$.responses[1].overall: Expected an integer from -9223372036854775808 to 9223372036854775807; got 1e400.",
                "$.responses[2].perceptions.empathy: Expected an integer rating; got the string \"high\".",
            ],
            problems);
    }

    [Property(Arbitrary = new[] { typeof(InterchangeGenerators) }, MaxTest = 1000)]
    public void Mutated_response_documents_never_throw(ResponseSet set)
    {
        var random = new Random(set.Seed);
        var json = InterchangeGenerators.Mutate(Encoding.UTF8.GetBytes(FeedbackResponseJson.WriteToString(set.Responses)), random, set.Seed);
        var csv = InterchangeGenerators.Mutate(Encoding.UTF8.GetBytes(FeedbackResponseCsv.WriteToString(set.Responses)), random, set.Seed);

        var a = FeedbackResponseJson.Read(json.Bytes, null);
        var b = FeedbackResponseCsv.Read(csv.Bytes, null);

        Assert.True(a.IsSuccess != (a.Problems.Length > 0), json.ToString());
        Assert.True(b.IsSuccess != (b.Problems.Length > 0), csv.ToString());
    }

    private static void AssertSame(IReadOnlyList<FeedbackResponse> expected, IReadOnlyList<FeedbackResponse> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(
                (e.Respondent, e.Subject, e.Instant, e.OverallScale, e.Overall, e.Recommend, e.Effort, e.Agreement, e.Service, e.Comment),
                (a.Respondent, a.Subject, a.Instant, a.OverallScale, a.Overall, a.Recommend, a.Effort, a.Agreement, a.Service, a.Comment));
            foreach (var name in DimensionSet.Servqual.Names)
            {
                Assert.Equal(e.Dimensions is null ? null : e.Perception(name), a.Dimensions is null ? null : a.Perception(name));
                Assert.Equal(e.Dimensions is null ? null : e.Expectation(name), a.Dimensions is null ? null : a.Expectation(name));
            }
        }
    }
}
