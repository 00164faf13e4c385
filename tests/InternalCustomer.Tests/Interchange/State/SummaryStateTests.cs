using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Interchange.State;
using NodaTime;

namespace InternalCustomer.Tests.Interchange.State;

/// <summary>Samples of every summary type with the state formats, as two parts to merge.</summary>
public static class StateGenerators
{
    private static readonly RatingScale[] Scales = [RatingScale.FivePoint, RatingScale.ZeroToTen, RatingScale.Custom(-3, 3)];

    public static Arbitrary<RatingSummary[]> RatingPairs() =>
        (from scale in Gen.Elements(Scales)
         from a in Gen.Choose(scale.Min, scale.Max).ArrayOf()
         from b in Gen.Choose(scale.Min, scale.Max).ArrayOf()
         select new[] { RatingSummary.Of(a, scale), RatingSummary.Of(b, scale) }).ToArbitrary();

    public static Arbitrary<WeightedRatingSummary[]> WeightedPairs() =>
        (from scale in Gen.Elements(Scales)
         from a in Weighted(scale)
         from b in Weighted(scale)
         select new[] { a, b }).ToArbitrary();

    public static Arbitrary<MomentSummary[]> MomentPairs() =>
        (from a in Values().ArrayOf()
         from b in Values().ArrayOf()
         select new[] { MomentSummary.Of(a), MomentSummary.Of(b) }).ToArbitrary();

    public static Arbitrary<NpsCounts[]> NpsPairs() =>
        (from a in Gen.Choose(0, 10).ArrayOf()
         from b in Gen.Choose(0, 10).ArrayOf()
         select new[] { NpsCounts.Of(a), NpsCounts.Of(b) }).ToArbitrary();

    public static Arbitrary<TrendSummary[]> TrendPairs() =>
        (from a in Trend()
         from b in Trend()
         select new[] { a, b }).ToArbitrary();

    public static Arbitrary<CoMomentMatrix[]> CoMomentPairs() =>
        (from k in Gen.Choose(1, 4)
         from a in CoMoments(k)
         from b in CoMoments(k)
         select new[] { a, b }).ToArbitrary();

    public static Arbitrary<SlaTally[]> TallyPairs() =>
        (from a in Tally()
         from b in Tally()
         select new[] { a, b }).ToArbitrary();

    internal static Gen<double> Values() =>
        Gen.OneOf(Gen.Choose(-1000, 1000).Select(i => i / 8.0), ArbMap.Default.ArbFor<NormalFloat>().Generator.Select(f => f.Get));

    private static Gen<WeightedRatingSummary> Weighted(RatingScale scale) =>
        from ratings in Gen.Choose(scale.Min, scale.Max).ArrayOf()
        from weights in Gen.Choose(0, 1000).Select(w => w / 37.0).ArrayOf(ratings.Length)
        select WeightedRatingSummary.Of(ratings, weights, scale);

    private static Gen<TrendSummary> Trend() =>
        from n in Gen.Choose(0, 30)
        from ticks in Gen.Choose(0, 1_000_000).ArrayOf(n)
        from scores in Gen.Choose(1, 5).ArrayOf(n)
        select TrendSummary.From(
            [.. ticks.Select(t => Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromSeconds(t * 31L))],
            [.. scores.Select(s => (double)s)]);

    private static Gen<CoMomentMatrix> CoMoments(int k) =>
        from n in Gen.Choose(0, 12)
        from ratings in Gen.Choose(1, 7).Select(r => (double)r).ArrayOf(n * k)
        from overall in Values().ArrayOf(n)
        select CoMomentMatrix.From(ratings, overall, k);

    private static Gen<SlaTally> Tally() =>
        from states in Gen.Elements(Enum.GetValues<SlaState>()).ArrayOf()
        select states.Aggregate(SlaTally.Empty, (t, s) => t.Add(new ObjectiveEvaluation(ObjectiveKind.Resolution, s, Duration.Zero, Duration.Zero, default, default, 0)));
}

/// <summary>The summary state formats: exact round trips, merge after transport, and clean failures on bad input.</summary>
public sealed class SummaryStateTests
{
    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    // Parts of every summary, doubles as their bits: the comparison of "bit for bit" equal summaries.
    private static object[] Parts(RatingSummary s) => [s.Scale.Min, s.Scale.Max, .. s.Histogram.ToArray().Cast<object>(), s.Count, Bits(s.Mean), Bits(s.M2)];

    private static object[] Parts(WeightedRatingSummary s) =>
        [s.Scale.Min, s.Scale.Max, s.Count, Bits(s.SumOfWeights), Bits(s.SumOfSquaredWeights), Bits(s.Mean), Bits(s.M2), .. s.WeightedHistogram.ToArray().Select(Bits).Cast<object>()];

    private static object[] Parts(MomentSummary s) => [s.Count, Bits(s.Mean), Bits(s.M2)];

    private static object[] Parts(NpsCounts s) => [s.Promoters, s.Passives, s.Detractors];

    private static object[] Parts(TrendSummary s) => [s.Count, Bits(s.MeanDays), Bits(s.MeanScore), Bits(s.Ctt), Bits(s.Cty), Bits(s.Cyy)];

    private static object[] Parts(CoMomentMatrix s) =>
        [s.DimensionCount, s.Count, .. s.Means.ToArray().Select(Bits).Cast<object>(), .. s.CoMoments.ToArray().Select(Bits).Cast<object>()];

    private static object[] Parts(SlaTally s) => [s.Decided, s.Breached, s.InFlight, s.AtRisk, s.Unmatched, s.Unmeasured];

    [Property(Arbitrary = new[] { typeof(StateGenerators) })]
    public void Rating_summary_round_trips_and_merges_after_transport(RatingSummary[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<RatingSummary>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadRatingSummary(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadRatingSummary(s).GetValueOrThrow()))
        {
            Assert.Equal(Parts(a), Parts(read(write(a))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a)).Merge(read(write(b)))));
        }
    }

    [Property(Arbitrary = new[] { typeof(StateGenerators) })]
    public void Weighted_rating_summary_round_trips_and_merges_after_transport(WeightedRatingSummary[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<WeightedRatingSummary>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadWeightedRatingSummary(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadWeightedRatingSummary(s).GetValueOrThrow()))
        {
            Assert.Equal(Parts(a), Parts(read(write(a))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a)).Merge(read(write(b)))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a.Merge(b)))));
        }
    }

    [Property(Arbitrary = new[] { typeof(StateGenerators) })]
    public void Moment_summary_round_trips_and_merges_after_transport(MomentSummary[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<MomentSummary>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadMomentSummary(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadMomentSummary(s).GetValueOrThrow()))
        {
            Assert.Equal(Parts(a), Parts(read(write(a))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a)).Merge(read(write(b)))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a.Merge(b)))));
        }
    }

    [Property(Arbitrary = new[] { typeof(StateGenerators) })]
    public void Nps_counts_round_trip_and_merge_after_transport(NpsCounts[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<NpsCounts>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadNpsCounts(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadNpsCounts(s).GetValueOrThrow()))
        {
            Assert.Equal(Parts(a), Parts(read(write(a))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a)).Merge(read(write(b)))));
        }
    }

    [Property(Arbitrary = new[] { typeof(StateGenerators) })]
    public void Trend_summary_round_trips_and_merges_after_transport(TrendSummary[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<TrendSummary>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadTrendSummary(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadTrendSummary(s).GetValueOrThrow()))
        {
            Assert.Equal(Parts(a), Parts(read(write(a))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a)).Merge(read(write(b)))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a.Merge(b)))));
        }
    }

    [Property(Arbitrary = new[] { typeof(StateGenerators) })]
    public void Co_moment_matrix_round_trips_and_merges_after_transport(CoMomentMatrix[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<CoMomentMatrix>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadCoMomentMatrix(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadCoMomentMatrix(s).GetValueOrThrow()))
        {
            Assert.Equal(Parts(a), Parts(read(write(a))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a)).Merge(read(write(b)))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a.Merge(b)))));
        }
    }

    [Property(Arbitrary = new[] { typeof(StateGenerators) })]
    public void Sla_tally_round_trips_and_merges_after_transport(SlaTally[] pair)
    {
        var (a, b) = (pair[0], pair[1]);
        foreach (var (write, read) in Codecs<SlaTally>(SummaryStateBinary.Write, s => SummaryStateBinary.ReadSlaTally(s).GetValueOrThrow(), SummaryStateJson.Write, s => SummaryStateJson.ReadSlaTally(s).GetValueOrThrow()))
        {
            Assert.Equal(Parts(a), Parts(read(write(a))));
            Assert.Equal(Parts(a.Merge(b)), Parts(read(write(a)).Merge(read(write(b)))));
        }
    }

    [Property(Arbitrary = new[] { typeof(StateGenerators) })]
    public void Every_truncation_and_every_flipped_bit_of_a_binary_state_fails_cleanly(CoMomentMatrix[] pair)
    {
        var blob = SummaryStateBinary.Write(pair[0].Merge(pair[1]));
        for (var length = 0; length < blob.Length; length++)
        {
            var result = SummaryStateBinary.ReadCoMomentMatrix(blob.AsSpan(0, length));
            Assert.False(result.IsSuccess, $"truncated to {length} of {blob.Length} bytes");
            Assert.Contains(result.Problems[0].Kind, new[] { ProblemKind.MalformedInput });
        }

        // The CRC-32 catches every single-bit error, wherever it lands.
        for (var bit = 0; bit < blob.Length * 8; bit++)
        {
            var flipped = (byte[])blob.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var result = SummaryStateBinary.ReadCoMomentMatrix(flipped);
            Assert.False(result.IsSuccess, $"bit {bit} flipped");
            Assert.Contains(result.Problems[0].Kind, new[] { ProblemKind.MalformedInput, ProblemKind.UnsupportedVersion, ProblemKind.WrongType });
        }
    }

    [Property(Arbitrary = new[] { typeof(StateGenerators) })]
    public void Every_truncation_of_a_json_state_fails_cleanly(WeightedRatingSummary[] pair)
    {
        var json = SummaryStateJson.Write(pair[0]);
        for (var length = 0; length < json.Length; length++)
        {
            Assert.False(SummaryStateJson.ReadWeightedRatingSummary(json.AsSpan(0, length)).IsSuccess, $"truncated to {length} of {json.Length} bytes");
        }
    }

    [Fact]
    public void Crc32_has_the_standard_check_value()
    {
        // The check value of CRC-32/ISO-HDLC (zlib, PNG) for "123456789" (Greg Cook's catalogue of CRC parameters).
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void The_binary_layout_is_the_documented_one()
    {
        // NpsCounts 3 promoters, 1 passive, 300 detractors: header ICSS, version 1, type 4, payload length 4, then the
        // varints 03 01 AC 02 (300 = 0b10_0101100), then the CRC-32 of the 16 bytes before it.
        var blob = SummaryStateBinary.Write(new NpsCounts(3, 1, 300));
        Assert.Equal(new byte[] { 0x49, 0x43, 0x53, 0x53, 1, 0, 4, 0, 4, 0, 0, 0, 3, 1, 0xAC, 0x02 }, blob[..16]);
        Assert.Equal(20, blob.Length);
        Assert.Equal(Crc32.Compute(blob.AsSpan(0, 16)), BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(16)));
    }

    [Fact]
    public void The_json_form_is_the_documented_one()
    {
        var json = Encoding.UTF8.GetString(SummaryStateJson.Write(MomentSummary.FromParts(3, 2.5, 0.1)));
        Assert.Equal("""{"format":"internal-customer-summary-state","version":1,"type":"moment-summary","count":3,"mean":2.5,"m2":0.1}""", json);
        var rating = Encoding.UTF8.GetString(SummaryStateJson.Write(RatingSummary.Of([1, 5, 5], RatingScale.FivePoint)));
        Assert.Equal("""{"format":"internal-customer-summary-state","version":1,"type":"rating-summary","scale":{"min":1,"max":5},"histogram":[1,0,0,0,2]}""", rating);
    }

    [Fact]
    public void A_newer_version_is_refused_with_its_number()
    {
        var blob = SummaryStateBinary.Write(new NpsCounts(1, 2, 3));
        BinaryPrimitives.WriteUInt16LittleEndian(blob.AsSpan(4), 2);
        var result = SummaryStateBinary.ReadNpsCounts(blob);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.UnsupportedVersion, problem.Kind);
        Assert.Equal(ProblemLocation.Root.Property("version"), problem.Location);
        Assert.Equal("Expected a summary state of format version 1 or older; got version 2, written by a newer library.", problem.Message);

        var json = Encoding.UTF8.GetBytes("""{"format":"internal-customer-summary-state","version":2,"type":"nps-counts","promoters":1,"passives":2,"detractors":3}""");
        var fromJson = Assert.Single(SummaryStateJson.ReadNpsCounts(json).Problems);
        Assert.Equal(ProblemKind.UnsupportedVersion, fromJson.Kind);
        Assert.Equal(ProblemLocation.Root.Property("version"), fromJson.Location);
    }

    [Fact]
    public void Another_types_state_is_refused_naming_both_types()
    {
        var blob = SummaryStateBinary.Write(RatingSummary.Of([1, 2], RatingScale.FivePoint));
        var problem = Assert.Single(SummaryStateBinary.ReadMomentSummary(blob).Problems);
        Assert.Equal(ProblemKind.WrongType, problem.Kind);
        Assert.Equal(ProblemLocation.Root.Property("type"), problem.Location);
        Assert.Equal("Expected the state of a MomentSummary; got the state of a RatingSummary.", problem.Message);

        var json = SummaryStateJson.Write(SlaTally.Empty);
        var fromJson = Assert.Single(SummaryStateJson.ReadTrendSummary(json).Problems);
        Assert.Equal(ProblemKind.WrongType, fromJson.Kind);
        Assert.Equal("Expected the state of a TrendSummary ('trend-summary'); got the state of a SlaTally ('sla-tally').", fromJson.Message);
    }

    [Fact]
    public void Parts_that_cannot_be_a_summary_are_refused_at_the_part()
    {
        // A valid checksum over impossible parts: 2 breached of 1 decided.
        var json = Encoding.UTF8.GetBytes("""{"format":"internal-customer-summary-state","version":1,"type":"sla-tally","decided":1,"breached":2,"inFlight":0,"atRisk":0,"unmatched":0,"unmeasured":0}""");
        var problem = Assert.Single(SummaryStateJson.ReadSlaTally(json).Problems);
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.Root.Property("breached"), problem.Location);
        Assert.StartsWith("The count 'breached' must be at most the 1 decided; got 2.", problem.Message, StringComparison.Ordinal);

        var extra = Encoding.UTF8.GetBytes("""{"format":"internal-customer-summary-state","version":1,"type":"nps-counts","promoters":1,"passives":2,"detractors":3,"neutral":4}""");
        var unexpected = Assert.Single(SummaryStateJson.ReadNpsCounts(extra).Problems);
        Assert.Equal(ProblemKind.UnexpectedProperty, unexpected.Kind);
        Assert.Equal(ProblemLocation.Root.Property("neutral"), unexpected.Location);
    }

    [Fact]
    public void Campaign_summary_round_trips()
    {
        var finance = DepartmentId.Parse("finance");
        var it = DepartmentId.Parse("it");
        var window = new NodaTime.Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 2, 1, 0, 0) + Duration.FromNanoseconds(7));
        var summary = InternalCustomer.Improvement.CampaignSummary.FromParts(
            CampaignId.Parse("q1"),
            window,
            2,
            [InternalCustomer.Improvement.RelationshipResponses.Create(new Relationship(finance, it), 4, 3, 2), InternalCustomer.Improvement.RelationshipResponses.Create(new Relationship(it, finance), 0, 1, 1)]);
        Assert.Equal(summary, SummaryStateBinary.ReadCampaignSummary(SummaryStateBinary.Write(summary)).GetValueOrThrow());
        Assert.Equal(summary, SummaryStateJson.ReadCampaignSummary(SummaryStateJson.Write(summary)).GetValueOrThrow());
        Assert.Equal(1, summary.Uninvited);
        Assert.Equal(3, summary.Answered);
    }

    [Fact]
    public void Writing_to_a_buffer_writer_gives_the_same_bytes()
    {
        var summary = MomentSummary.Of([1.5, 2.25, -7]);
        var buffer = new ArrayBufferWriter<byte>();
        SummaryStateBinary.Write(summary, buffer);
        Assert.Equal(SummaryStateBinary.Write(summary), buffer.WrittenSpan.ToArray());
        var json = new ArrayBufferWriter<byte>();
        SummaryStateJson.Write(summary, json);
        Assert.Equal(SummaryStateJson.Write(summary), json.WrittenSpan.ToArray());
    }

    // Issue 15, "Readers throw": a lone surrogate escape in a string or property name made JsonElement.GetString() and
    // JsonProperty.Name throw InvalidOperationException out of the state readers, as out of the document readers.
    public static TheoryData<string, string, string, int> LoneSurrogateStates => new()
    {
        // state, what holds the escape, the lone escape, the column of its backslash
        { """{"format":"\ud800","version":1,"type":"nps-counts"}""", "a string", "\\ud800", 12 },
        { """{"\udfff":1,"format":"internal-customer-summary-state"}""", "a property name", "\\udfff", 3 },
        { """{"format":"internal-customer-summary-state","version":1,"type":"x\udc00y"}""", "a string", "\\udc00", 66 },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogateStates))]
    public void A_lone_surrogate_escape_in_a_json_state_is_malformed_input_at_the_escape(string state, string what, string escape, int column)
    {
        var expected = (ProblemKind.MalformedInput, ProblemLocation.InText(1, column),
            $"Not well-formed JSON: expected {what} whose \\u escapes form whole characters (a \\uD800-\\uDBFF escape followed by a \\uDC00-\\uDFFF one); got the lone surrogate \"{escape}\".");
        var utf8 = Encoding.UTF8.GetBytes(state);

        var counts = SummaryStateJson.ReadNpsCounts(utf8);
        var scorecard = SummaryStateJson.ReadScorecardState(utf8);

        Assert.False(counts.IsSuccess);
        Assert.False(scorecard.IsSuccess);
        var a = Assert.Single(counts.Problems);
        var b = Assert.Single(scorecard.Problems);
        Assert.Equal(expected, (a.Kind, a.Location, a.Message));
        Assert.Equal(expected, (b.Kind, b.Location, b.Message));
    }

    [Fact]
    public void A_surrogate_pair_escape_in_a_json_state_is_read_as_its_character()
    {
        // The pair is no problem; the type it spells is simply not one the reader knows.
        var read = SummaryStateJson.ReadNpsCounts(Encoding.UTF8.GetBytes("""{"format":"internal-customer-summary-state","version":1,"type":"\ud83d\ude00"}"""));

        Assert.Equal(ProblemKind.WrongType, Assert.Single(read.Problems).Kind);
    }

    private static (Func<T, byte[]> Write, Func<byte[], T> Read)[] Codecs<T>(Func<T, byte[]> binaryWrite, Func<byte[], T> binaryRead, Func<T, byte[]> jsonWrite, Func<byte[], T> jsonRead) =>
        [(binaryWrite, binaryRead), (jsonWrite, jsonRead)];
}
