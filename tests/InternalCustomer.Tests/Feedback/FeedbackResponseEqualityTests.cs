using FsCheck.Xunit;
using InternalCustomer.Feedback;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Feedback;

/// <summary>The value-equality law of <see cref="FeedbackResponse"/>: equal exactly when every component is, with
/// hash codes that agree.</summary>
public class FeedbackResponseEqualityTests
{
    private static readonly DepartmentId It = DepartmentId.Parse("it");
    private static readonly DepartmentId Finance = DepartmentId.Parse("finance");
    private static readonly Instant When = Instant.FromUtc(2026, 5, 4, 10, 30);

    [Fact]
    public void Responses_built_from_the_same_parts_are_equal()
    {
        FeedbackResponse Build(int reliability) => new(
            Finance, It, When, RatingScale.FivePoint, 4, recommend: 9, effort: 6,
            dimensions: DimensionSet.Servqual,
            perceptions: new Dictionary<string, int> { ["reliability"] = reliability, ["empathy"] = 5 },
            expectations: new Dictionary<string, int> { ["tangibles"] = 3 },
            agreement: AgreementId.Parse("it-finance-sla"), service: ServiceId.Parse("laptops"), comment: "Quick fix.");

        var a = Build(6);
        var b = Build(6);
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<FeedbackResponse> { a, b });

        // The per-dimension arrays compare element-wise: one perception differs, so the responses differ.
        Assert.NotEqual(a, Build(7));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object)"a response"));
    }

    [Fact]
    public void Every_component_takes_part()
    {
        var basic = new FeedbackResponse(Finance, It, When, RatingScale.FivePoint, 4);
        FeedbackResponse[] different =
        [
            new(It, Finance, When, RatingScale.FivePoint, 4),
            new(Finance, DepartmentId.Parse("hr"), When, RatingScale.FivePoint, 4),
            new(Finance, It, When + Duration.FromTicks(1), RatingScale.FivePoint, 4),
            new(Finance, It, When, RatingScale.SevenPoint, 4),
            new(Finance, It, When, RatingScale.FivePoint, 5),
            new(Finance, It, When, RatingScale.FivePoint, 4, recommend: 0),
            new(Finance, It, When, RatingScale.FivePoint, 4, effort: 1),
            new(Finance, It, When, RatingScale.FivePoint, 4, dimensions: DimensionSet.Servqual),
            new(Finance, It, When, RatingScale.FivePoint, 4, agreement: AgreementId.Parse("a")),
            new(Finance, It, When, RatingScale.FivePoint, 4, service: ServiceId.Parse("s")),
            new(Finance, It, When, RatingScale.FivePoint, 4, comment: string.Empty),
        ];
        Assert.All(different, d => Assert.NotEqual(basic, d));

        // Comments compare ordinally: case matters.
        Assert.NotEqual(
            new FeedbackResponse(Finance, It, When, RatingScale.FivePoint, 4, comment: "ok"),
            new FeedbackResponse(Finance, It, When, RatingScale.FivePoint, 4, comment: "OK"));
    }

    [Property(Arbitrary = new[] { typeof(FeedbackGenerators) })]
    public void Equality_is_component_wise_symmetric_and_agrees_with_the_hash(ResponsePair pair)
    {
        var (a, b) = (pair.First, pair.Second);
        var same = Components(a).SequenceEqual(Components(b));
        Assert.Equal(same, a.Equals(b));
        Assert.Equal(a.Equals(b), b.Equals(a));
        Assert.Equal(a.Equals(b), Equals(a, b));
        if (same)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }

        Assert.Equal(a, Rebuild(a));
        Assert.Equal(a.GetHashCode(), Rebuild(a).GetHashCode());
    }

    /// <summary>Every public component, the dimension ratings read one by one through the public API.</summary>
    private static object?[] Components(FeedbackResponse r) =>
    [
        r.Respondent, r.Subject, r.Instant, r.OverallScale, r.Overall, r.Recommend, r.Effort, r.Dimensions, r.Agreement, r.Service, r.Comment,
        string.Join(",", r.Dimensions?.Names.Select(n => $"{r.Perception(n)}/{r.Expectation(n)}") ?? []),
    ];

    /// <summary>A new response with the same parts, built through the public constructor.</summary>
    private static FeedbackResponse Rebuild(FeedbackResponse r)
    {
        Dictionary<string, int>? Ratings(Func<string, int?> rating) =>
            r.Dimensions?.Names.Where(n => rating(n) is not null).ToDictionary(n => n, n => rating(n)!.Value);

        return new FeedbackResponse(
            r.Respondent, r.Subject, r.Instant, r.OverallScale, r.Overall, r.Recommend, r.Effort, r.Dimensions,
            Ratings(r.Perception), Ratings(r.Expectation), r.Agreement, r.Service, r.Comment);
    }
}
