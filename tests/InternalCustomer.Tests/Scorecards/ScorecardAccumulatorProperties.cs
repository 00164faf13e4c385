using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>The accumulator is the scorecard's one code path: any partition of the events into accumulators, merged in
/// any order, and any permutation of the events, give Scorecard.Compute bit for bit; a state round-trips exactly.</summary>
public class ScorecardAccumulatorProperties
{
    [Property(MaxTest = 25)]
    public Property Any_partition_merged_in_any_order_equals_Compute_bit_for_bit(int seed, byte parts)
    {
        var scenario = ScorecardScenario.Create(seed, departments: 10, agreements: 18, requests: 150, responses: 220);
        var options = new ScorecardOptions(ScorecardScenario.AsOf);
        var expected = Scorecard.Compute(scenario.Organization, scenario.Requests, scenario.Responses, options);
        var random = new Random(seed);
        var k = 1 + (parts % 5);
        var accumulators = Enumerable.Range(0, k).Select(_ => new ScorecardAccumulator(scenario.Organization, options)).ToArray();
        foreach (var request in scenario.Requests.OrderBy(_ => random.Next()))
        {
            accumulators[random.Next(k)].Add(request);
        }

        foreach (var response in scenario.Responses.OrderBy(_ => random.Next()))
        {
            accumulators[random.Next(k)].Add(response);
        }

        var order = accumulators.OrderBy(_ => random.Next()).ToArray();
        var total = order[0];
        foreach (var other in order.Skip(1))
        {
            total.Merge(other);
        }

        var difference = ScorecardComparer.FirstDifference(expected, total.ToScorecard());
        var roundTrip = ScorecardAccumulator.FromState(scenario.Organization, options, total.ToState());
        var stateDifference = roundTrip.ToState().Equals(total.ToState()) ? null : "state round trip";
        var permuted = Scorecard.Compute(scenario.Organization, [.. scenario.Requests.Reverse()], [.. scenario.Responses.Reverse()], options);
        var permutedDifference = ScorecardComparer.FirstDifference(expected, permuted);
        return (difference is null && stateDifference is null && permutedDifference is null).Label($"{scenario}, {k} parts: {difference ?? stateDifference ?? permutedDifference}");
    }

    [Fact]
    public void Merging_accumulators_of_different_options_names_the_setting()
    {
        var scenario = ScorecardScenario.Create(1, departments: 5, agreements: 6, requests: 10, responses: 10);
        var a = new ScorecardAccumulator(scenario.Organization, new ScorecardOptions(ScorecardScenario.AsOf));
        var b = new ScorecardAccumulator(scenario.Organization, new ScorecardOptions(ScorecardScenario.AsOf) { CsatTopBoxes = 1 });
        var thrown = Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Equal("other", thrown.ParamName);
        Assert.StartsWith("Expected an accumulator with equal options; got one whose CsatTopBoxes (2 vs 1) differs.", thrown.Message, StringComparison.Ordinal);
    }
}

public class ScorecardStatePartTests
{
    [Fact]
    public void An_agreement_tally_part_is_held_to_the_rule_of_SlaTally_FromParts()
    {
        var id = AgreementId.Parse("it-to-finance");
        var ok = SlaTally.FromParts(4, 1, 2, 1, 1, 3);
        Assert.Equal(ok, new AgreementTallyState(id, ok, ok, [], []).FirstResponse);

        // Each tally breaks one clause of the rule: more unmatched than unmeasured, more at risk than in flight, more breached than decided.
        foreach (var bad in new[] { ok with { Unmatched = 4 }, ok with { AtRisk = 3 }, ok with { Breached = 5 } })
        {
            var thrown = Assert.Throws<ArgumentException>(() => new AgreementTallyState(id, ok, bad, [], []));
            Assert.Equal("agreement", thrown.ParamName);
            Assert.Contains($"Expected tallies of agreement 'it-to-finance' with non-negative counts, breached at most decided, at risk at most in flight and unmatched at most unmeasured; got {bad}.", thrown.Message, StringComparison.Ordinal);
        }
    }
}
