using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Interchange.State;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;
using InternalCustomer.Tests.Scorecards;
using NodaTime;
using Interval = NodaTime.Interval;

namespace InternalCustomer.Tests.Interchange.State;

/// <summary>Feedback, SERVQUAL and trend summaries and whole scorecard states as pairs to merge.</summary>
public static class ScorecardStateGenerators
{
    /// <summary>Three dimensions whose normalised weights (2, 1, 0.5 over 3.5) are not short binary fractions.</summary>
    public static readonly DimensionSet Dimensions = DimensionSet.Create(
        RatingScale.FivePoint,
        [new("speed", 2), new("care", 1), new("clarity", 0.5)]);

    public static Arbitrary<FeedbackSummary[]> FeedbackPairs() =>
        (from withDimensions in ArbMap.Default.GeneratorFor<bool>()
         from a in FeedbackGenerators.Response(RatingScale.FivePoint, Dimensions).ArrayOf()
         from b in FeedbackGenerators.Response(RatingScale.FivePoint, Dimensions).ArrayOf()
         select new[] { Summary(a, withDimensions), Summary(b, withDimensions) }).ToArbitrary();

    public static Arbitrary<ServqualSummary[]> ServqualPairs() =>
        (from a in FeedbackGenerators.Response(RatingScale.FivePoint, Dimensions).ArrayOf()
         from b in FeedbackGenerators.Response(RatingScale.FivePoint, Dimensions).ArrayOf()
         select new[] { ServqualSummary.Of(a, Dimensions), ServqualSummary.Of(b, Dimensions) }).ToArbitrary();

    /// <summary>Two parts of one campaign: counts per relationship over the generator's departments (a relationship
    /// may be in both parts, invited or not, with responses or not).</summary>
    public static Arbitrary<InternalCustomer.Improvement.CampaignSummary[]> CampaignPairs() =>
        (from topBoxes in Gen.Choose(1, 3)
         from a in CampaignCounts()
         from b in CampaignCounts()
         select new[] { Campaign(topBoxes, a), Campaign(topBoxes, b) }).ToArbitrary();

    public static Arbitrary<TrendTally[]> TrendPairs() =>
        (from a in Trend()
         from b in Trend()
         select new[] { a, b }).ToArbitrary();

    /// <summary>Instants across NodaTime's whole range (to the nanosecond) and scores of either sign: the sums reach
    /// the widths the tally keeps (Σt² near 2^130).</summary>
    private static Gen<TrendTally> Trend() =>
        from n in Gen.Choose(0, 20)
        from days in Gen.Choose(-3_000_000, 2_900_000).ArrayOf(n)
        from nanos in Gen.Choose(0, int.MaxValue).ArrayOf(n)
        from scores in Gen.Choose(-1_000_000, 1_000_000).ArrayOf(n)
        select days.Select((d, i) => (Instant: NodaConstants.UnixEpoch + Duration.FromDays(d) + Duration.FromNanoseconds(nanos[i] * 40L), Score: scores[i]))
            .Aggregate(TrendTally.Empty, static (t, p) => t.Add(p.Instant, p.Score));

    private static Gen<(int Provider, int Consumer, int Invited, int Responses, int Satisfied)[]> CampaignCounts() =>
        (from provider in Gen.Choose(0, FeedbackGenerators.Departments.Length - 1)
         from offset in Gen.Choose(1, FeedbackGenerators.Departments.Length - 1)
         from invited in Gen.Choose(0, 40)
         from responses in Gen.Choose(0, 40)
         from satisfied in Gen.Choose(0, responses)
         where invited > 0 || responses > 0
         select (provider, (provider + offset) % FeedbackGenerators.Departments.Length, invited, responses, satisfied)).ArrayOf();

    private static InternalCustomer.Improvement.CampaignSummary Campaign(int topBoxes, (int Provider, int Consumer, int Invited, int Responses, int Satisfied)[] counts) =>
        InternalCustomer.Improvement.CampaignSummary.FromParts(
            CampaignId.Parse("q3-pulse"),
            new Interval(Instant.FromUtc(2026, 7, 1, 0, 0), Instant.FromUtc(2026, 9, 30, 0, 0) + Duration.FromNanoseconds(1)),
            topBoxes,
            counts.GroupBy(c => (c.Provider, c.Consumer))
                .Select(g => InternalCustomer.Improvement.RelationshipResponses.Create(
                    new Relationship(FeedbackGenerators.Departments[g.Key.Provider], FeedbackGenerators.Departments[g.Key.Consumer]),
                    g.Sum(c => (long)c.Invited),
                    g.Sum(c => (long)c.Responses),
                    g.Sum(c => (long)c.Satisfied)))
                .OrderBy(r => r.Relationship));

    private static FeedbackSummary Summary(FeedbackResponse[] responses, bool withDimensions) =>
        withDimensions ? FeedbackSummary.Of(responses, RatingScale.FivePoint, Dimensions) : FeedbackSummary.Of(StripDimensions(responses), RatingScale.FivePoint);

    private static FeedbackResponse[] StripDimensions(FeedbackResponse[] responses) =>
        [.. responses.Select(r => new FeedbackResponse(r.Respondent, r.Subject, r.Instant, r.OverallScale, r.Overall, r.Recommend, r.Effort))];
}

/// <summary>The state formats of the feedback, SERVQUAL and trend summaries and of a whole scorecard accumulator:
/// exact round trips, merge after transport equal to merge, clean failures on bad input.</summary>
public sealed class ScorecardStateFormatTests
{
    private static readonly DepartmentId Finance = DepartmentId.Parse("finance");
    private static readonly DepartmentId It = DepartmentId.Parse("it");
    private static readonly DepartmentId People = DepartmentId.Parse("people");

    [Property(Arbitrary = new[] { typeof(ScorecardStateGenerators) })]
    public void Feedback_summary_round_trips_and_merges_after_transport(FeedbackSummary[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<FeedbackSummary>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadFeedbackSummary(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadFeedbackSummary(s).GetValueOrThrow()))
        {
            Assert.Null(ScorecardComparer.FirstDifference(a, read(write(a))));
            Assert.Null(ScorecardComparer.FirstDifference(a.Merge(b), read(write(a)).Merge(read(write(b)))));
            Assert.Null(ScorecardComparer.FirstDifference(a.Merge(b), read(write(a.Merge(b)))));
        }
    }

    [Property(Arbitrary = new[] { typeof(ScorecardStateGenerators) })]
    public void Servqual_summary_round_trips_and_merges_after_transport(ServqualSummary[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<ServqualSummary>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadServqualSummary(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadServqualSummary(s).GetValueOrThrow()))
        {
            Assert.Null(ScorecardComparer.FirstDifference(a, read(write(a))));
            Assert.Null(ScorecardComparer.FirstDifference(a.Merge(b), read(write(a)).Merge(read(write(b)))));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.Merge(b).WeightedGap.Mean), BitConverter.DoubleToInt64Bits(read(write(a)).Merge(read(write(b))).WeightedGap.Mean));
        }
    }

    [Property(Arbitrary = new[] { typeof(ScorecardStateGenerators) })]
    public void Trend_tally_round_trips_and_merges_after_transport(TrendTally[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<TrendTally>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadTrendTally(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadTrendTally(s).GetValueOrThrow()))
        {
            Assert.Equal(a, read(write(a)));
            Assert.Equal(a.Merge(b), read(write(a)).Merge(read(write(b))));
        }
    }

    [Property(Arbitrary = new[] { typeof(ScorecardStateGenerators) })]
    public void Campaign_summary_round_trips_and_merges_after_transport(InternalCustomer.Improvement.CampaignSummary[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<InternalCustomer.Improvement.CampaignSummary>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadCampaignSummary(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadCampaignSummary(s).GetValueOrThrow()))
        {
            Assert.Equal(a, read(write(a)));
            Assert.Equal(a.Merge(b), read(write(a)).Merge(read(write(b))));
            Assert.Null(ScorecardComparer.FirstDifference(a.Merge(b), read(write(a.Merge(b)))));
        }
    }

    [Property(MaxTest = 20)]
    public Property Scorecard_state_merged_after_transport_equals_merged_and_Compute(int seed, byte parts)
    {
        var (organization, requests, responses, options) = Scenario(seed);
        var expected = Scorecard.Compute(organization, requests, responses, options);
        var random = new Random(seed);
        var k = 1 + (parts % 4);
        var accumulators = Enumerable.Range(0, k).Select(_ => new ScorecardAccumulator(organization, options)).ToArray();
        foreach (var request in requests)
        {
            accumulators[random.Next(k)].Add(request);
        }

        foreach (var response in responses)
        {
            accumulators[random.Next(k)].Add(response);
        }

        var failures = new List<string>();
        foreach (var (name, write, read) in new (string, Func<ScorecardState, byte[]>, Func<byte[], Result<ScorecardState>>)[]
                 {
                     ("binary", SummaryStateBinary.Write, s => SummaryStateBinary.ReadScorecardState(s)),
                     ("json", SummaryStateJson.Write, s => SummaryStateJson.ReadScorecardState(s)),
                 })
        {
            var transported = accumulators.Select(a => ScorecardAccumulator.FromState(organization, options, read(write(a.ToState())).GetValueOrThrow())).ToArray();
            var total = transported[0];
            foreach (var other in transported.Skip(1))
            {
                total.Merge(other);
            }

            var whole = accumulators.Aggregate(new ScorecardAccumulator(organization, options), (t, a) =>
            {
                t.Merge(a);
                return t;
            });
            if (!total.ToState().Equals(whole.ToState()))
            {
                failures.Add(name + ": state after transport differs");
            }

            if (!read(write(whole.ToState())).GetValueOrThrow().Equals(whole.ToState()))
            {
                failures.Add(name + ": round trip of the whole state differs");
            }

            if (ScorecardComparer.FirstDifference(expected, total.ToScorecard()) is { } difference)
            {
                failures.Add(name + ": " + difference);
            }
        }

        return (failures.Count == 0).Label($"seed {seed}, {k} parts: {string.Join("; ", failures)}");
    }

    [Fact]
    public void A_state_with_every_part_round_trips_in_both_forms()
    {
        var state = EveryPart();
        Assert.Equal(state, SummaryStateBinary.ReadScorecardState(SummaryStateBinary.Write(state)).GetValueOrThrow());
        Assert.Equal(state, SummaryStateJson.ReadScorecardState(SummaryStateJson.Write(state)).GetValueOrThrow());
        var buffer = new ArrayBufferWriter<byte>();
        SummaryStateBinary.Write(state, buffer);
        Assert.Equal(SummaryStateBinary.Write(state), buffer.WrittenSpan.ToArray());
        var json = new ArrayBufferWriter<byte>();
        SummaryStateJson.Write(state, json);
        Assert.Equal(SummaryStateJson.Write(state), json.WrittenSpan.ToArray());
    }

    [Fact]
    public void Every_truncation_of_a_scorecard_state_fails_cleanly()
    {
        var blob = SummaryStateBinary.Write(EveryPart());
        for (var length = 0; length < blob.Length; length++)
        {
            var result = SummaryStateBinary.ReadScorecardState(blob.AsSpan(0, length));
            Assert.False(result.IsSuccess, $"truncated to {length} of {blob.Length} bytes");
            Assert.Equal(ProblemKind.MalformedInput, result.Problems[0].Kind);
        }

        var json = SummaryStateJson.Write(EveryPart());
        for (var length = 0; length < json.Length; length += 7)
        {
            Assert.False(SummaryStateJson.ReadScorecardState(json.AsSpan(0, length)).IsSuccess, $"JSON truncated to {length} of {json.Length} bytes");
        }
    }

    [Fact]
    public void Every_flipped_bit_of_a_scorecard_state_fails_cleanly()
    {
        var blob = SummaryStateBinary.Write(EveryPart());
        for (var bit = 0; bit < blob.Length * 8; bit++)
        {
            var flipped = (byte[])blob.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var result = SummaryStateBinary.ReadScorecardState(flipped);
            Assert.False(result.IsSuccess, $"bit {bit} flipped");
        }
    }

    [Fact]
    public void A_scorecard_state_is_not_read_as_another_type()
    {
        var blob = SummaryStateBinary.Write(EveryPart());
        var problem = Assert.Single(SummaryStateBinary.ReadFeedbackSummary(blob).Problems);
        Assert.Equal(ProblemKind.WrongType, problem.Kind);
        Assert.Equal("Expected the state of a FeedbackSummary; got the state of a ScorecardState.", problem.Message);
        var fromJson = Assert.Single(SummaryStateJson.ReadTrendTally(SummaryStateJson.Write(EveryPart())).Problems);
        Assert.Equal("Expected the state of a TrendTally ('trend-tally'); got the state of a ScorecardState ('scorecard-state').", fromJson.Message);
    }

    [Fact]
    public void An_unknown_property_deep_in_the_json_is_refused_where_it_is()
    {
        var node = JsonNode.Parse(SummaryStateJson.Write(EveryPart()))!;
        node["relationships"]![0]!["trend"]!["sumOfCubes"] = "1";
        var problem = Assert.Single(SummaryStateJson.ReadScorecardState(Encoding.UTF8.GetBytes(node.ToJsonString())).Problems);
        Assert.Equal(ProblemKind.UnexpectedProperty, problem.Kind);
        Assert.Equal(ProblemLocation.Root.Property("relationships").Element(0).Property("trend").Property("sumOfCubes"), problem.Location);
    }

    [Fact]
    public void Parts_that_contradict_each_other_are_refused_at_the_part()
    {
        // Σy = 10 from 2 pairs but Σy² = 1: no two integers do that (count·Σy² ≥ (Σy)² fails).
        var node = JsonNode.Parse(SummaryStateJson.Write(EveryPart()))!;
        var trend = node["relationships"]![0]!["trend"]!;
        trend["count"] = 2;
        trend["sumScores"] = "10";
        trend["sumSquaredScores"] = "1";
        var problem = Assert.Single(SummaryStateJson.ReadScorecardState(Encoding.UTF8.GetBytes(node.ToJsonString())).Problems);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal("relationships", problem.Location.Segments[0].Name);
        Assert.Contains("trend", problem.Location.Segments.Select(s => s.Name));

        // A sum that is not a number at all.
        node = JsonNode.Parse(SummaryStateJson.Write(EveryPart()))!;
        node["relationships"]![0]!["trend"]!["sumTicks"] = "12e3";
        problem = Assert.Single(SummaryStateJson.ReadScorecardState(Encoding.UTF8.GetBytes(node.ToJsonString())).Problems);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.Root.Property("relationships").Element(0).Property("trend").Property("sumTicks"), problem.Location);
        Assert.StartsWith("Expected a whole number in decimal digits", problem.Message, StringComparison.Ordinal);

        // A relationship listed twice.
        node = JsonNode.Parse(SummaryStateJson.Write(EveryPart()))!;
        var relationships = node["relationships"]!.AsArray();
        relationships.Add(relationships[0]!.DeepClone());
        problem = Assert.Single(SummaryStateJson.ReadScorecardState(Encoding.UTF8.GetBytes(node.ToJsonString())).Problems);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.Root.Property("relationships"), problem.Location);
    }

    [Fact]
    public void A_json_state_of_a_newer_version_is_refused()
    {
        var node = JsonNode.Parse(SummaryStateJson.Write(EveryPart()))!;
        node["version"] = 2;
        var problem = Assert.Single(SummaryStateJson.ReadScorecardState(Encoding.UTF8.GetBytes(node.ToJsonString())).Problems);
        Assert.Equal(ProblemKind.UnsupportedVersion, problem.Kind);
    }

    [Fact]
    public void Dimension_set_from_parts_keeps_the_weights_bit_for_bit_and_checks_them()
    {
        var set = ScorecardStateGenerators.Dimensions;
        var rebuilt = DimensionSet.FromParts(set.Scale, set.Names, set.Weights);
        Assert.Equal(set, rebuilt);
        Assert.Equal(set.Weights.Select(BitConverter.DoubleToInt64Bits), rebuilt.Weights.Select(BitConverter.DoubleToInt64Bits));

        var notNormalised = Assert.Throws<ArgumentException>(() => DimensionSet.FromParts(RatingScale.FivePoint, ["a", "b"], [1.0, 1.0]));
        Assert.Equal("weights", notNormalised.ParamName);
        Assert.StartsWith("Expected normalised weights that sum to 1; got a sum of 2.", notNormalised.Message, StringComparison.Ordinal);
        var mismatched = Assert.Throws<ArgumentException>(() => DimensionSet.FromParts(RatingScale.FivePoint, ["a", "b"], [1.0]));
        Assert.StartsWith("Expected one weight per dimension name; got 2 names and 1 weights.", mismatched.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DimensionSet.FromParts(RatingScale.FivePoint, ["a", "a"], [0.5, 0.5]));
    }

    [Fact]
    public void A_trend_tally_near_the_top_of_its_range_round_trips()
    {
        // 2^62 pairs, all at NodaTime's last instant with the largest score: Σt² (≈ 2^178) and Σt·y (≈ 2^151) need
        // the tally's 192-bit sums, Σt and Σy² most of its 128 bits.
        var count = 1L << 62;
        var t = (BigInteger)Instant.MaxValue.ToUnixTimeTicks();
        var y = (BigInteger)int.MaxValue;
        var tally = TrendTally.FromParts(count, (Int128)(count * t), count * t * t, (Int128)(count * y), (Int128)(count * y * y), count * t * y);
        Assert.True(tally.SumSquaredTicks > (BigInteger.One << 170));
        Assert.Equal(tally, SummaryStateBinary.ReadTrendTally(SummaryStateBinary.Write(tally)).GetValueOrThrow());
        Assert.Equal(tally, SummaryStateJson.ReadTrendTally(SummaryStateJson.Write(tally)).GetValueOrThrow());
    }

    /// <summary>A small scenario with SERVQUAL ratings on some responses, some on another scale (set aside) and a
    /// compliance window.</summary>
    private static (InternalCustomer.Organizations.Organization Organization, ServiceRequest[] Requests, FeedbackResponse[] Responses, ScorecardOptions Options) Scenario(int seed)
    {
        var scenario = ScorecardScenario.Create(seed, departments: 8, agreements: 12, requests: 80, responses: 120);
        var responses = scenario.Responses.Select((r, i) => (i % 5) switch
        {
            0 => new FeedbackResponse(r.Respondent, r.Subject, r.Instant, r.OverallScale, r.Overall, r.Recommend, r.Effort, DimensionSet.Servqual,
                new Dictionary<string, int> { ["reliability"] = 1 + (i % 7), ["empathy"] = 7 - (i % 3) },
                new Dictionary<string, int> { ["reliability"] = 5, ["empathy"] = 6 - (i % 2) }),
            3 => new FeedbackResponse(r.Respondent, r.Subject, r.Instant, RatingScale.SevenPoint, 1 + (i % 7)),
            _ => r,
        }).ToArray();
        var options = new ScorecardOptions(ScorecardScenario.AsOf)
        {
            Dimensions = DimensionSet.Servqual,
            OtherScales = OtherScaleRule.SetAside,
            ComplianceWindow = new Interval(ScorecardScenario.AsOf - Duration.FromDays(120), ScorecardScenario.AsOf),
        };
        return (scenario.Organization, scenario.Requests, responses, options);
    }

    /// <summary>A state built by hand with every optional part present: an open-ended compliance window, dimensions,
    /// agreements with objective sets, SERVQUAL feedback, set-aside counts, a campaign and an improvement window.</summary>
    private static ScorecardState EveryPart()
    {
        var asOf = Instant.FromUtc(2026, 7, 1, 0, 0);
        var dimensions = ScorecardStateGenerators.Dimensions;
        var basis = new ScorecardBasis(asOf, new Interval(null, asOf), RatingScale.FivePoint, OtherScaleRule.SetAside, dimensions, 2);
        var at = Instant.FromUtc(2026, 5, 3, 10, 15) + Duration.FromNanoseconds(123);
        FeedbackResponse Rated(DepartmentId respondent, DepartmentId subject, int hours, int overall, int speed, int care) =>
            new(respondent, subject, at + Duration.FromHours(hours), RatingScale.FivePoint, overall, overall * 2, 8 - overall, dimensions,
                new Dictionary<string, int> { ["speed"] = speed, ["care"] = care, ["clarity"] = 3 },
                new Dictionary<string, int> { ["speed"] = 5, ["care"] = 4, ["clarity"] = 4 });
        var itForFinance = new[] { Rated(Finance, It, 0, 4, 3, 5), Rated(Finance, It, 30, 2, 1, 4), Rated(Finance, It, 61, 5, 5, 5) };
        var peopleForIt = new[] { Rated(It, People, 5, 3, 2, 2) };
        var trend = itForFinance.Aggregate(TrendTally.Empty, (t, r) => t.Add(r.Instant, r.Overall));
        var tally = SlaTally.FromParts(7, 2, 1, 1, 0, 3);
        return new ScorecardState(
            basis,
            at - Duration.FromDays(40),
            [
                new AgreementTallyState(AgreementId.Parse("it-finance"), tally, SlaTally.FromParts(6, 1, 2, 0, 1, 2), [tally, SlaTally.Empty], [SlaTally.FromParts(1, 1, 0, 0, 0, 0), SlaTally.Empty]),
                new AgreementTallyState(AgreementId.Parse("people-it"), SlaTally.Empty, SlaTally.Empty, [], []),
            ],
            [
                new RelationshipFeedbackState(new Relationship(It, Finance), FeedbackSummary.Of(itForFinance, RatingScale.FivePoint, dimensions), trend, itForFinance[^1].Instant),
                new RelationshipFeedbackState(new Relationship(People, It), FeedbackSummary.Of(peopleForIt, RatingScale.FivePoint, dimensions), TrendTally.Empty.Add(peopleForIt[0].Instant, 3), peopleForIt[0].Instant),
            ],
            [new SetAsideCount(RatingScale.SevenPoint, new Relationship(It, Finance), 4), new SetAsideCount(RatingScale.ZeroToTen, new Relationship(People, It), 1)],
            new CampaignCountsState(CampaignId.Parse("q2-pulse"), new Interval(at - Duration.FromDays(10), asOf), [new CampaignResponseCount(new Relationship(It, Finance), 3, 2)]),
            [
                new ActionWindowState(
                    ActionId.Parse("faster-laptops"),
                    RatingSummary.Of([2, 3], RatingScale.FivePoint),
                    RatingSummary.Of([4, 5, 5], RatingScale.FivePoint),
                    RatingSummary.Of([3], RatingScale.FivePoint),
                    RatingSummary.Of([3, 4], RatingScale.FivePoint),
                    new OutcomeCounts(3, 5),
                    new OutcomeCounts(4, 4),
                    new OutcomeCounts(0, 0),
                    new OutcomeCounts(1, 2)),
            ]);
    }

    private static (Func<T, byte[]> Write, Func<byte[], T> Read)[] Codecs<T>(Func<T, byte[]> binaryWrite, Func<byte[], T> binaryRead, Func<T, byte[]> jsonWrite, Func<byte[], T> jsonRead) =>
        [(binaryWrite, binaryRead), (jsonWrite, jsonRead)];
}

/// <summary>The binary writer's 128-bit integers are the bytes a BigInteger of the same value gives (the documented
/// big-integer form), written without one.</summary>
public sealed class BinaryIntegerFormTests
{
    [Property]
    public void A_128_bit_integer_is_written_as_its_BigInteger_and_read_back(long high, ulong low, bool negate)
    {
        var value = (Int128)(((BigInteger)high << 64) + low);
        value = negate && value != Int128.MinValue ? -value : value;
        var fast = new BinaryStateWriter(StateType.TrendTally);
        fast.Int128(value);
        var big = new BinaryStateWriter(StateType.TrendTally);
        big.Big(value);
        var written = fast.Finish().ToArray();
        Assert.Equal(big.Finish().ToArray(), written);
        var reader = new BinaryStateReader(written.AsSpan(SummaryStateBinary.HeaderLength, written.Length - SummaryStateBinary.HeaderLength - SummaryStateBinary.ChecksumLength));
        Assert.Equal(value, reader.Int128(ProblemLocation.Root));
        reader.End(ProblemLocation.Root);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(-128)]
    [InlineData(-129)]
    public void Small_values_take_the_fewest_bytes(long value)
    {
        var fast = new BinaryStateWriter(StateType.TrendTally);
        fast.Int128(value);
        Assert.Equal(4 + ((BigInteger)value).GetByteCount() + 1, fast.Finish().Length - SummaryStateBinary.HeaderLength);
    }
}

/// <summary><see cref="TrendTally.FromParts"/> checks in doubles first and exactly when that is not sure: parts one
/// unit away from a bound, far below a double's resolution, are still judged exactly.</summary>
public sealed class TrendTallyFromPartsEdgeTests
{
    private static readonly BigInteger T = Instant.FromUtc(2026, 5, 3, 10, 15).ToUnixTimeTicks();

    [Fact]
    public void Sums_that_meet_cauchy_schwarz_with_equality_are_accepted()
    {
        // Two pairs at one instant with scores 3 and 3: n·Σt² = (Σt)² and (Σty)² = Σt²·Σy², exactly.
        var tally = TrendTally.FromParts(2, (Int128)(2 * T), 2 * T * T, 6, 18, 6 * T);
        Assert.Equal(TrendTally.Empty.Add(Instant.FromUnixTimeTicks((long)T), 3).Add(Instant.FromUnixTimeTicks((long)T), 3), tally);
    }

    [Fact]
    public void Sums_one_unit_short_of_cauchy_schwarz_are_refused()
    {
        // Σt² one tick² short: n·Σt² = (Σt)² − 2, a difference of 1 part in 10^35.
        var squares = Assert.Throws<ArgumentException>(() => TrendTally.FromParts(2, (Int128)(2 * T), (2 * T * T) - 1, 6, 18, 6 * T));
        Assert.Equal("sumSquaredTicks", squares.ParamName);
        Assert.StartsWith("Expected count·Σt² ≥ (Σt)² (Cauchy–Schwarz)", squares.Message, StringComparison.Ordinal);

        // Σt·y one unit too large: (Σty)² > Σt²·Σy².
        var products = Assert.Throws<ArgumentException>(() => TrendTally.FromParts(2, (Int128)(2 * T), 2 * T * T, 6, 18, (6 * T) + 1));
        Assert.Equal("sumTickScoreProducts", products.ParamName);
    }

    [Fact]
    public void A_sum_one_above_its_range_is_refused()
    {
        var bound = BigInteger.One << 63;
        var ticks = Assert.Throws<ArgumentException>(() => TrendTally.FromParts(1, (Int128)(bound + 1), (bound + 1) * (bound + 1), 0, 0, 0));
        Assert.Equal("sumTicks", ticks.ParamName);
    }
}
