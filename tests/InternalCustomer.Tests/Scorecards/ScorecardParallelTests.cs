using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>
/// Scorecard.Compute in parts on several threads (ScorecardOptions.MaxDegreeOfParallelism): the same scorecard bit for
/// bit as a single thread, and the same first problem for bad input. The scenarios are large enough for the parts to be
/// used (at least 32,768 events per part).
/// </summary>
public sealed class ScorecardParallelTests
{
    private static readonly ScorecardScenario Large =
        ScorecardScenario.Create(seed: 11, departments: 60, agreements: 240, requests: 60_000, responses: 45_000, DimensionSet.Servqual, otherScalePercent: 10, improvement: true);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(64)]
    public void Parts_on_several_threads_give_the_single_thread_scorecard_bit_for_bit(int degree)
    {
        var single = Large.Options() with { MaxDegreeOfParallelism = 1 };
        var expected = Scorecard.Compute(Large.Organization, Large.Requests, Large.Responses, single);
        var actual = Scorecard.Compute(Large.Organization, Large.Requests, Large.Responses, single with { MaxDegreeOfParallelism = degree });
        Assert.Null(ScorecardComparer.FirstDifference(expected, actual));
        Assert.True(expected.ScoredResponseCount > 0);
        Assert.Equal(degree, actual.Options.MaxDegreeOfParallelism);
    }

    [Fact]
    public void The_join_in_parts_gives_the_single_thread_scorecard_bit_for_bit()
    {
        // 600 departments and over a thousand relationships: the relationships and departments of the join are computed in
        // parts too (at least 256 per part), each part with its own memo of t quantiles.
        var wide = ScorecardScenario.Create(seed: 5, departments: 600, agreements: 1_500, requests: 70_000, responses: 30_000, DimensionSet.Servqual, improvement: true);
        var single = wide.Options() with { MaxDegreeOfParallelism = 1 };
        var expected = Scorecard.Compute(wide.Organization, wide.Requests, wide.Responses, single);
        Assert.True(expected.Relationships.Length >= 1_024, $"{expected.Relationships.Length} relationships");
        Assert.Null(ScorecardComparer.FirstDifference(expected, Scorecard.Compute(wide.Organization, wide.Requests, wide.Responses, single with { MaxDegreeOfParallelism = 4 })));

        var accumulator = new ScorecardAccumulator(wide.Organization, single with { MaxDegreeOfParallelism = 3 });
        Array.ForEach(wide.Requests, accumulator.Add);
        Array.ForEach(wide.Responses, accumulator.Add);
        Assert.Null(ScorecardComparer.FirstDifference(expected, accumulator.ToScorecard()));
    }

    [Fact]
    public void A_bad_request_in_a_later_part_and_a_bad_response_in_the_first_give_the_single_thread_problem()
    {
        // A single pass reports the requests before the responses: the request at index 59,000 (in the last part) comes
        // first although a part that holds a bad response finishes before it.
        var requests = (ServiceRequest[])Large.Requests.Clone();
        var responses = (FeedbackResponse[])Large.Responses.Clone();
        requests[59_000] = new ServiceRequest("stray", AgreementId.Parse("no-such-agreement"), requests[59_000].Opened);
        responses[10] = new FeedbackResponse(DepartmentId.Parse("visitor"), responses[10].Subject, responses[10].Instant, RatingScale.FivePoint, 3);
        var options = Large.Options();
        var single = Assert.Throws<ArgumentException>(() => Scorecard.Compute(Large.Organization, requests, responses, options with { MaxDegreeOfParallelism = 1 }));
        var parts = Assert.Throws<ArgumentException>(() => Scorecard.Compute(Large.Organization, requests, responses, options with { MaxDegreeOfParallelism = 3 }));
        Assert.Equal("requests", parts.ParamName);
        Assert.Equal(single.Message, parts.Message);
        Assert.Contains("Request 'stray' at requests[59000] names agreement 'no-such-agreement'", parts.Message, StringComparison.Ordinal);

        // A null element in the middle: the same ArgumentNullException either way.
        requests = (ServiceRequest[])Large.Requests.Clone();
        requests[30_001] = null!;
        var nullSingle = Assert.Throws<ArgumentNullException>(() => Scorecard.Compute(Large.Organization, requests, responses, options with { MaxDegreeOfParallelism = 1 }));
        var nullParts = Assert.Throws<ArgumentNullException>(() => Scorecard.Compute(Large.Organization, requests, responses, options with { MaxDegreeOfParallelism = 2 }));
        Assert.Equal(nullSingle.Message, nullParts.Message);
        Assert.Contains("requests[30001]", nullParts.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_as_of_instant_before_the_data_is_rejected_as_by_a_single_thread()
    {
        var options = Large.Options() with { AsOf = Large.Requests.Min(r => r.Opened) - NodaTime.Duration.FromHours(1), MaxDegreeOfParallelism = 2 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Scorecard.Compute(Large.Organization, Large.Requests, Large.Responses, options));
        Assert.Contains("AsOf must not be before the organization's data begins", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void A_degree_of_parallelism_other_than_minus_one_or_positive_is_rejected(int degree)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("options", () => Scorecard.Compute(Large.Organization, [], [], new ScorecardOptions(ScorecardScenario.AsOf) { MaxDegreeOfParallelism = degree }));
        Assert.Contains($"MaxDegreeOfParallelism must be -1 (every core) or at least 1; got {degree}.", e.Message, StringComparison.Ordinal);
    }
}
