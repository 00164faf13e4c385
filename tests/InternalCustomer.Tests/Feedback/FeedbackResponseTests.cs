using InternalCustomer.Feedback;
using NodaTime;

namespace InternalCustomer.Tests.Feedback;

public class FeedbackResponseTests
{
    private static readonly DepartmentId It = DepartmentId.Parse("it");
    private static readonly DepartmentId Finance = DepartmentId.Parse("finance");
    private static readonly Instant When = Instant.FromUtc(2026, 5, 4, 10, 30);

    [Fact]
    public void Holds_all_fields()
    {
        var r = new FeedbackResponse(
            Finance, It, When, RatingScale.FivePoint, 4, recommend: 9, effort: 6,
            dimensions: DimensionSet.Servqual,
            perceptions: new Dictionary<string, int> { ["reliability"] = 6 },
            expectations: new Dictionary<string, int> { ["reliability"] = 7, ["tangibles"] = 3 },
            agreement: AgreementId.Parse("it-finance-sla"), service: ServiceId.Parse("laptops"), comment: "Quick fix.");
        Assert.Equal((Finance, It, When, 4, (int?)9, (int?)6), (r.Respondent, r.Subject, r.Instant, r.Overall, r.Recommend, r.Effort));
        Assert.Equal(6, r.Perception("reliability"));
        Assert.Null(r.Perception("empathy"));
        Assert.Equal(3, r.Expectation("tangibles"));
        Assert.Equal("it-finance-sla", r.Agreement!.Value.Value);
        Assert.Equal("laptops", r.Service!.Value.Value);
        Assert.Equal("Quick fix.", r.Comment);
    }

    [Fact]
    public void Respondent_equal_to_subject_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new FeedbackResponse(It, It, When, RatingScale.FivePoint, 4));
        Assert.Equal("subject", e.ParamName);
        Assert.StartsWith("A department cannot give feedback about itself: respondent and subject are both \"it\".", e.Message);
    }

    [Fact]
    public void Default_ids_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new FeedbackResponse(default, It, When, RatingScale.FivePoint, 4));
        Assert.Equal("respondent", e.ParamName);
        Assert.StartsWith("Expected a parsed DepartmentId; got default(DepartmentId).", e.Message);
    }

    [Theory]
    [InlineData(6, null, null, "overall", "Rating 'overall' must be a point of the 1–5 scale; got 6.")]
    [InlineData(0, null, null, "overall", "Rating 'overall' must be a point of the 1–5 scale; got 0.")]
    [InlineData(3, 11, null, "recommend", "Rating 'recommend' must be a point of the 0–10 scale; got 11.")]
    [InlineData(3, -1, null, "recommend", "Rating 'recommend' must be a point of the 0–10 scale; got -1.")]
    [InlineData(3, null, 0, "effort", "Rating 'effort' must be a point of the 1–7 scale; got 0.")]
    [InlineData(3, null, 8, "effort", "Rating 'effort' must be a point of the 1–7 scale; got 8.")]
    public void Rating_outside_its_scale_is_rejected(int overall, int? recommend, int? effort, string field, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedbackResponse(Finance, It, When, RatingScale.FivePoint, overall, recommend, effort));
        Assert.Equal(field, e.ParamName);
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Dimension_rating_outside_the_scale_names_the_dimension()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedbackResponse(
            Finance, It, When, RatingScale.FivePoint, 3, dimensions: DimensionSet.Servqual,
            expectations: new Dictionary<string, int> { ["empathy"] = 9 }));
        Assert.Equal("expectations", e.ParamName);
        Assert.StartsWith("Rating 'expectations[empathy]' must be a point of the 1–7 scale; got 9.", e.Message);
    }

    [Fact]
    public void Unknown_dimension_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new FeedbackResponse(
            Finance, It, When, RatingScale.FivePoint, 3, dimensions: DimensionSet.Servqual,
            perceptions: new Dictionary<string, int> { ["speed"] = 5 }));
        Assert.Equal("perceptions", e.ParamName);
        Assert.StartsWith("Unknown dimension \"speed\"; expected one of: reliability, responsiveness, assurance, empathy, tangibles.", e.Message);

        var r = new FeedbackResponse(Finance, It, When, RatingScale.FivePoint, 3, dimensions: DimensionSet.Servqual);
        e = Assert.Throws<ArgumentException>(() => r.Perception("speed"));
        Assert.Equal("dimension", e.ParamName);
    }

    [Fact]
    public void Dimension_ratings_need_a_dimension_set()
    {
        var e = Assert.Throws<ArgumentException>(() => new FeedbackResponse(
            Finance, It, When, RatingScale.FivePoint, 3, perceptions: new Dictionary<string, int> { ["reliability"] = 5 }));
        Assert.Equal("dimensions", e.ParamName);
        Assert.StartsWith("Dimension ratings need the dimension set they refer to; got ratings without one.", e.Message);
        var r = new FeedbackResponse(Finance, It, When, RatingScale.FivePoint, 3);
        var a = Assert.Throws<ArgumentException>(() => r.Expectation("reliability"));
        Assert.Equal("dimension", a.ParamName);
        Assert.StartsWith("This response has no dimension ratings; got a request for \"reliability\".", a.Message);
    }

    [Fact]
    public void TryCreate_says_what_the_constructor_would_throw_for_at_the_part_at_fault()
    {
        var outside = FeedbackResponse.TryCreate(Finance, It, When, RatingScale.FivePoint, 6);
        var problem = Assert.Single(outside.Problems);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal("$.overall", problem.Location.ToString());
        Assert.Equal("Rating 'overall' must be a point of the 1–5 scale; got 6.", problem.Message);

        var self = FeedbackResponse.TryCreate(It, It, When, RatingScale.FivePoint, 4);
        Assert.Equal(ProblemKind.SelfReference, Assert.Single(self.Problems).Kind);
        Assert.Equal("$.subject", self.Problems[0].Location.ToString());

        var dimension = FeedbackResponse.TryCreate(
            Finance, It, When, RatingScale.FivePoint, 4, dimensions: DimensionSet.Servqual,
            perceptions: new Dictionary<string, int> { ["empathy"] = 9 });
        Assert.Equal("$.perceptions.empathy", Assert.Single(dimension.Problems).Location.ToString());

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedbackResponse(Finance, It, When, RatingScale.FivePoint, 6));
        Assert.Equal("overall", thrown.ParamName);
        Assert.StartsWith(problem.Message, thrown.Message, StringComparison.Ordinal);

        var fine = FeedbackResponse.TryCreate(Finance, It, When, RatingScale.FivePoint, 4, comment: "ok");
        Assert.Equal(new FeedbackResponse(Finance, It, When, RatingScale.FivePoint, 4, comment: "ok"), fine.Value);
    }

    [Fact]
    public void RatingScale_TryCustom_reports_bounds_that_make_no_scale()
    {
        var flat = RatingScale.TryCustom(3, 3);
        Assert.Equal("$.max", Assert.Single(flat.Problems).Location.ToString());
        Assert.Equal("A scale's maximum must be greater than its minimum 3; got 3.", flat.Problems[0].Message);
        Assert.Equal(RatingScale.Custom(0, 10), RatingScale.TryCustom(0, 10).Value);
    }
}
