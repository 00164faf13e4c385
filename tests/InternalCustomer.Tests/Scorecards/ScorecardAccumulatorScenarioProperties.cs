using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>The accumulator over the whole of a scorecard's inputs: SERVQUAL dimensions, responses on other scales set
/// aside, the latest feedback campaign's counts and the windows of measured improvement actions. Any partition of the
/// events, in any order, each part optionally sent through its state, merged in any order, is Scorecard.Compute bit for
/// bit, and a state round-trips exactly.</summary>
public class ScorecardAccumulatorScenarioProperties
{
    private static readonly DimensionSet Weighted = DimensionSet.Create(
        RatingScale.FivePoint,
        [KeyValuePair.Create("speed", 3.0), KeyValuePair.Create("accuracy", 2.0), KeyValuePair.Create("courtesy", 1.0)]);

    [Property(MaxTest = 20)]
    public Property Any_partition_with_dimensions_set_aside_campaign_and_measured_actions_equals_Compute_bit_for_bit(int seed, byte parts, bool travel)
    {
        var dimensions = (seed & 1) == 0 ? DimensionSet.Servqual : Weighted;
        var scenario = ScorecardScenario.Create(seed, departments: 10, agreements: 18, requests: 160, responses: 260, dimensions, otherScalePercent: 15, improvement: true);
        var options = scenario.Options() with
        {
            CsatTopBoxes = 1 + ((seed >> 1) & 1),
            ComplianceWindow = (seed & 4) == 0 ? null : new NodaTime.Interval(ScorecardScenario.AsOf - Duration.FromDays(120), ScorecardScenario.AsOf),
        };

        // A request and a response after the as-of instant: in no figure, but they move nothing else either.
        var late = ScorecardScenario.AsOf + Duration.FromHours(1 + (seed & 7));
        var first = scenario.Responses[0];
        ServiceRequest[] requests = [.. scenario.Requests, new ServiceRequest("req-late", scenario.Requests[0].Agreement, late)];
        FeedbackResponse[] responses = [.. scenario.Responses, new FeedbackResponse(first.Respondent, first.Subject, late, RatingScale.FivePoint, 1)];
        var expected = Scorecard.Compute(scenario.Organization, requests, responses, options);

        var random = new Random(seed);
        var k = 1 + (parts % 6);
        var accumulators = Enumerable.Range(0, k).Select(_ => new ScorecardAccumulator(scenario.Organization, options)).ToArray();
        foreach (var request in requests.OrderBy(_ => random.Next()))
        {
            accumulators[random.Next(k)].Add(request);
        }

        foreach (var response in responses.OrderBy(_ => random.Next()))
        {
            accumulators[random.Next(k)].Add(response);
        }

        // A part that travels is rebuilt from its state before it is merged (as a partial scorecard sent to another process).
        var order = accumulators
            .Select(a => travel && random.Next(2) == 0 ? ScorecardAccumulator.FromState(scenario.Organization, options, a.ToState()) : a)
            .OrderBy(_ => random.Next())
            .ToArray();
        var total = order[0];
        foreach (var other in order.Skip(1))
        {
            total.Merge(other);
        }

        var difference = ScorecardComparer.FirstDifference(expected, total.ToScorecard());

        var state = total.ToState();
        var rebuilt = ScorecardAccumulator.FromState(scenario.Organization, options, state);
        var stateDifference = rebuilt.ToState().Equals(state) ? null : "state round trip";
        var rebuiltDifference = ScorecardComparer.FirstDifference(expected, rebuilt.ToScorecard());

        // The state is canonical: one accumulator fed every event in the given order has the same state.
        var single = new ScorecardAccumulator(scenario.Organization, options);
        Array.ForEach(requests, single.Add);
        Array.ForEach(responses, single.Add);
        var canonical = single.ToState().Equals(state) ? null : "state of one accumulator of all events";

        // The scenario must exercise every part, or the property proves less than it says.
        var coverage =
            expected.SetAside.IsEmpty ? "no responses set aside"
            : expected.Health.Campaign?.ToString() != "c-2026-q2" ? "not the second quarter's campaign"
            : state.Actions.IsEmpty ? "no measured action"
            : !expected.Relationships.SelectMany(r => r.Effects).Any() ? "no effect on the scorecard"
            : !state.Relationships.Any(r => r.Feedback.Servqual is { } s && s.Dimensions.Equals(dimensions)) ? "no SERVQUAL summary"
            : null;

        var failure = coverage ?? difference ?? stateDifference ?? rebuiltDifference ?? canonical;
        return (failure is null).Label($"{scenario}, {k} parts, travel {travel}, top boxes {options.CsatTopBoxes}, window {options.ComplianceWindow?.ToString() ?? "none"}: {failure}");
    }

    [Fact]
    public void Without_the_options_the_scenario_is_the_one_of_before_seed_for_seed()
    {
        // The optional parts draw from their own random sequence: the organisation, requests and five-point ratings are
        // those of the plain scenario.
        var plain = ScorecardScenario.Create(5, departments: 8, agreements: 10, requests: 40, responses: 60);
        var rich = ScorecardScenario.Create(5, departments: 8, agreements: 10, requests: 40, responses: 60, DimensionSet.Servqual, otherScalePercent: 0, improvement: true);
        Assert.Equal(plain.Organization, rich.Organization);
        Assert.Equal(plain.Requests, rich.Requests);
        Assert.Equal(plain.Responses.Select(r => (r.Subject, r.Respondent, r.Instant, r.Overall, r.Recommend, r.Effort)), rich.Responses.Select(r => (r.Subject, r.Respondent, r.Instant, r.Overall, r.Recommend, r.Effort)));
        Assert.Null(plain.Improvement);
        Assert.Null(plain.Dimensions);
        Assert.Equal(new ScorecardOptions(ScorecardScenario.AsOf), plain.Options());
        Assert.Contains(rich.Responses, r => r.Dimensions is not null);
    }
}
