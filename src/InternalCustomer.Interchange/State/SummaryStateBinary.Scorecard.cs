using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Interchange.State;

/// <summary>The binary form of the feedback, SERVQUAL and trend summaries and of a whole scorecard accumulator's state.</summary>
public static partial class SummaryStateBinary
{
    // The largest sums of a trend tally beyond 128 bits: Σt² and Σt·y are 192-bit (24 bytes, one more for the sign of a
    // two's-complement encoding of a value near the top of the range).
    private const int Int192Bytes = 25;

    /// <summary>Writes the state of a feedback summary: the overall scale, the dimension set if any, the overall,
    /// recommend (0–10) and effort (1–7) histograms and the SERVQUAL parts.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The blob.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(FeedbackSummary summary) => Blob(StateType.FeedbackSummary, summary, Encode).ToArray();

    /// <summary>Writes the state of a feedback summary to <paramref name="output"/> (see <see cref="Write(FeedbackSummary)"/>).</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(FeedbackSummary summary, IBufferWriter<byte> output) => Copy(Blob(StateType.FeedbackSummary, summary, Encode), output);

    /// <summary>Reads the state of a feedback summary.</summary>
    /// <param name="state">A blob written by <see cref="Write(FeedbackSummary)"/>.</param>
    /// <returns>The summary, or the problem with the blob.</returns>
    public static Result<FeedbackSummary> ReadFeedbackSummary(ReadOnlySpan<byte> state) => ReadClass(state, StateType.FeedbackSummary, DecodeFeedbackSummary);

    /// <summary>Writes the state of a SERVQUAL summary: the dimension set, the perception, expectation and gap
    /// histograms per dimension, the complete responses and their exact gap sums and products.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The blob.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(ServqualSummary summary) => Blob(StateType.ServqualSummary, summary, Encode).ToArray();

    /// <summary>Writes the state of a SERVQUAL summary to <paramref name="output"/> (see <see cref="Write(ServqualSummary)"/>).</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(ServqualSummary summary, IBufferWriter<byte> output) => Copy(Blob(StateType.ServqualSummary, summary, Encode), output);

    /// <summary>Reads the state of a SERVQUAL summary.</summary>
    /// <param name="state">A blob written by <see cref="Write(ServqualSummary)"/>.</param>
    /// <returns>The summary, or the problem with the blob.</returns>
    public static Result<ServqualSummary> ReadServqualSummary(ReadOnlySpan<byte> state) => ReadClass(state, StateType.ServqualSummary, DecodeServqualSummary);

    /// <summary>Writes a trend tally: its count and its five exact integer sums.</summary>
    /// <param name="tally">The tally.</param>
    /// <returns>The blob.</returns>
    public static byte[] Write(TrendTally tally) => Blob(StateType.TrendTally, tally, Encode).ToArray();

    /// <summary>Writes a trend tally to <paramref name="output"/> (see <see cref="Write(TrendTally)"/>).</summary>
    /// <param name="tally">The tally.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(TrendTally tally, IBufferWriter<byte> output) => Copy(Blob(StateType.TrendTally, tally, Encode), output);

    /// <summary>Reads a trend tally.</summary>
    /// <param name="state">A blob written by <see cref="Write(TrendTally)"/>.</param>
    /// <returns>The tally, or the problem with the blob.</returns>
    public static ValueResult<TrendTally> ReadTrendTally(ReadOnlySpan<byte> state) => ReadValue(state, StateType.TrendTally, DecodeTrendTally);

    /// <summary>Writes the state of a scorecard accumulator (<see cref="ScorecardAccumulator.ToState"/>): its basis, the
    /// SLA tallies per agreement, the feedback and trend per relationship, the set-aside counts, the campaign counts and
    /// the improvement windows — everything <see cref="ScorecardAccumulator.FromState"/> needs to go on exactly.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The blob.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    public static byte[] Write(ScorecardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Blob(StateType.ScorecardState, state, Encode, EstimateLength(state)).ToArray();
    }

    /// <summary>Writes the state of a scorecard accumulator to <paramref name="output"/> (see <see cref="Write(ScorecardState)"/>).</summary>
    /// <param name="state">The state.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(ScorecardState state, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(state);
        Copy(Blob(StateType.ScorecardState, state, Encode, EstimateLength(state)), output);
    }

    /// <summary>Reads the state of a scorecard accumulator. The state names agreements, relationships and actions by
    /// id; <see cref="ScorecardAccumulator.FromState"/> checks them against the organisation.</summary>
    /// <param name="state">A blob written by <see cref="Write(ScorecardState)"/>.</param>
    /// <returns>The state, or the problem with the blob.</returns>
    public static Result<ScorecardState> ReadScorecardState(ReadOnlySpan<byte> state) => ReadClass(state, StateType.ScorecardState, DecodeScorecardState);

    /// <summary>A first guess of the blob's size, so that a large state is not copied while it grows.</summary>
    private static int EstimateLength(ScorecardState state)
    {
        var points = state.Basis.OverallScale.Points + 11 + 7;
        if (state.Basis.Dimensions is { } d)
        {
            points += d.Count * (2 * d.Scale.Points + (2 * d.Scale.Points) - 1 + d.Count + 1);
        }

        var estimate = 256L + (state.Agreements.Length * 64L) + (state.Relationships.Length * (points + 120L)) + (state.SetAside.Length * 24L) + (state.Actions.Length * 4L * points);
        return (int)Math.Min(estimate, 1 << 26);
    }

    internal static ReadOnlySpan<byte> Blob<T>(StateType type, T summary, Action<BinaryStateWriter, T> encode, int capacity)
    {
        var writer = new BinaryStateWriter(type, capacity);
        encode(writer, summary);
        return writer.Finish();
    }

    internal static void Encode(BinaryStateWriter w, DimensionSet dimensions)
    {
        Encode(w, dimensions.Scale);
        w.Count(dimensions.Count);
        for (var i = 0; i < dimensions.Count; i++)
        {
            w.String(dimensions.Names[i]);
            w.Double(dimensions.Weights[i]);
        }
    }

    internal static void Encode(BinaryStateWriter w, FeedbackSummary summary)
    {
        Encode(w, summary.Overall.Scale);
        w.Bool(summary.Servqual is not null);
        if (summary.Servqual is { } servqual)
        {
            Encode(w, servqual.Dimensions);
        }

        EncodeFeedbackBody(w, summary);
    }

    /// <summary>A feedback summary without its scale and dimension set (the scorecard state's basis holds them).</summary>
    internal static void EncodeFeedbackBody(BinaryStateWriter w, FeedbackSummary summary)
    {
        EncodeHistogram(w, summary.Overall);
        EncodeHistogram(w, summary.Recommend);
        EncodeHistogram(w, summary.Effort);
        if (summary.Servqual is { } servqual)
        {
            EncodeServqualBody(w, servqual);
        }
    }

    internal static void Encode(BinaryStateWriter w, ServqualSummary summary)
    {
        Encode(w, summary.Dimensions);
        EncodeServqualBody(w, summary);
    }

    /// <summary>A SERVQUAL summary without its dimension set: per dimension the three histograms, then the complete
    /// responses, the gap sums and the gap products (zig-zag varints).</summary>
    internal static void EncodeServqualBody(BinaryStateWriter w, ServqualSummary summary)
    {
        for (var d = 0; d < summary.Dimensions.Count; d++)
        {
            EncodeHistogram(w, summary.Perceptions[d]);
            EncodeHistogram(w, summary.Expectations[d]);
            EncodeHistogram(w, summary.Gaps[d]);
        }

        w.Count(summary.CompleteResponses);
        foreach (var sum in summary.CompleteGapSums)
        {
            w.Int(sum);
        }

        foreach (var product in summary.CompleteGapProducts)
        {
            w.Int(product);
        }
    }

    internal static void Encode(BinaryStateWriter w, TrendTally tally)
    {
        w.Count(tally.Count);
        w.Int128(tally.SumTicks);
        w.Big(tally.SumSquaredTicks);
        w.Int128(tally.SumScores);
        w.Int128(tally.SumSquaredScores);
        w.Big(tally.SumTickScoreProducts);
    }

    internal static void Encode(BinaryStateWriter w, ScorecardState state)
    {
        var basis = state.Basis;
        w.Instant(basis.AsOf);
        w.Bool(basis.ComplianceWindow is not null);
        if (basis.ComplianceWindow is { } window)
        {
            OptionalInstant(w, window.HasStart ? window.Start : null);
            OptionalInstant(w, window.HasEnd ? window.End : null);
        }

        Encode(w, basis.OverallScale);
        w.Count((long)basis.OtherScales);
        w.Bool(basis.Dimensions is not null);
        if (basis.Dimensions is { } dimensions)
        {
            Encode(w, dimensions);
        }

        w.Count(basis.CsatTopBoxes);
        OptionalInstant(w, state.DataBegins);

        w.Count(state.Agreements.Length);
        foreach (var a in state.Agreements)
        {
            w.String(a.Agreement.Value);
            Encode(w, a.FirstResponse);
            Encode(w, a.Resolution);
            EncodeTallies(w, a.FirstResponseBySet);
            EncodeTallies(w, a.ResolutionBySet);
        }

        w.Count(state.Relationships.Length);
        foreach (var r in state.Relationships)
        {
            Encode(w, r.Relationship);
            EncodeFeedbackBody(w, r.Feedback);
            Encode(w, r.Trend);
            w.Instant(r.LastResponse);
        }

        w.Count(state.SetAside.Length);
        foreach (var s in state.SetAside)
        {
            Encode(w, s.Scale);
            Encode(w, s.Relationship);
            w.Count(s.Count);
        }

        w.Bool(state.Campaign is not null);
        if (state.Campaign is { } campaign)
        {
            w.String(campaign.Campaign.Value);
            w.Instant(campaign.Window.Start);
            w.Instant(campaign.Window.End);
            w.Count(campaign.Relationships.Length);
            foreach (var c in campaign.Relationships)
            {
                Encode(w, c.Relationship);
                w.Count(c.Responses);
                w.Count(c.Satisfied);
            }
        }

        w.Count(state.Actions.Length);
        foreach (var a in state.Actions)
        {
            w.String(a.Action.Value);
            Encode(w, a.TreatedBefore.Scale);
            EncodeHistogram(w, a.TreatedBefore);
            EncodeHistogram(w, a.TreatedAfter);
            EncodeHistogram(w, a.ControlBefore);
            EncodeHistogram(w, a.ControlAfter);
            foreach (var counts in new[] { a.TreatedOnTimeBefore, a.TreatedOnTimeAfter, a.ControlOnTimeBefore, a.ControlOnTimeAfter })
            {
                w.Count(counts.Successes);
                w.Count(counts.Trials);
            }
        }
    }

    private static void Encode(BinaryStateWriter w, Relationship relationship)
    {
        w.String(relationship.Provider.Value);
        w.String(relationship.Consumer.Value);
    }

    private static void EncodeTallies(BinaryStateWriter w, ImmutableArray<SlaTally> tallies)
    {
        w.Count(tallies.Length);
        foreach (var tally in tallies)
        {
            Encode(w, tally);
        }
    }

    private static void OptionalInstant(BinaryStateWriter w, Instant? instant)
    {
        w.Bool(instant is not null);
        if (instant is { } value)
        {
            w.Instant(value);
        }
    }

    internal static DimensionSet DecodeDimensionSet(ref BinaryStateReader r, StatePlace at)
    {
        var scale = DecodeScale(ref r, at.Property("scale"));

        // Each dimension takes at least 9 bytes: a name length and a weight.
        var place = at.Property("dimensions");
        var n = r.Length(place, r.Remaining / 9);
        var names = ImmutableArray.CreateBuilder<string>(n);
        var weights = ImmutableArray.CreateBuilder<double>(n);
        for (var i = 0; i < n; i++)
        {
            names.Add(r.String(place.Element(i).Property("name")));
            weights.Add(r.Double(place.Element(i).Property("weight")));
        }

        return StateParts.Build(at, () => DimensionSet.FromParts(scale, names.MoveToImmutable(), weights.MoveToImmutable()));
    }

    internal static FeedbackSummary DecodeFeedbackSummary(ref BinaryStateReader r, StatePlace at)
    {
        var scale = DecodeScale(ref r, at.Property("scale"));
        var dimensions = r.Bool(at.Property("dimensions")) ? DecodeDimensionSet(ref r, at.Property("dimensions")) : null;
        return DecodeFeedbackBody(ref r, at, scale, dimensions);
    }

    internal static FeedbackSummary DecodeFeedbackBody(ref BinaryStateReader r, StatePlace at, RatingScale scale, DimensionSet? dimensions)
    {
        var overall = DecodeHistogram(ref r, at.Property("overall"), scale);
        var recommend = DecodeHistogram(ref r, at.Property("recommend"), RatingScale.ZeroToTen);
        var effort = DecodeHistogram(ref r, at.Property("effort"), RatingScale.SevenPoint);
        var servqual = dimensions is null ? null : DecodeServqualBody(ref r, at.Property("servqual"), dimensions);
        return StateParts.Build(at, (overall, recommend, effort, servqual), static p => FeedbackSummary.FromParts(p.overall, p.recommend, p.effort, p.servqual));
    }

    internal static ServqualSummary DecodeServqualSummary(ref BinaryStateReader r, StatePlace at) =>
        DecodeServqualBody(ref r, at, DecodeDimensionSet(ref r, at.Property("dimensions")));

    internal static ServqualSummary DecodeServqualBody(ref BinaryStateReader r, StatePlace at, DimensionSet dimensions)
    {
        var k = dimensions.Count;
        var gapScale = StateParts.Build(at.Property("dimensions"), () => GapScale(dimensions.Scale));
        var perceptions = ImmutableArray.CreateBuilder<RatingSummary>(k);
        var expectations = ImmutableArray.CreateBuilder<RatingSummary>(k);
        var gaps = ImmutableArray.CreateBuilder<RatingSummary>(k);
        for (var d = 0; d < k; d++)
        {
            perceptions.Add(DecodeHistogram(ref r, at.Property("perceptions").Element(d), dimensions.Scale));
            expectations.Add(DecodeHistogram(ref r, at.Property("expectations").Element(d), dimensions.Scale));
            gaps.Add(DecodeHistogram(ref r, at.Property("gaps").Element(d), gapScale));
        }

        var complete = r.Count(at.Property("completeResponses"));
        var sums = ImmutableArray.CreateBuilder<long>(k);
        for (var d = 0; d < k; d++)
        {
            sums.Add(r.Int(at.Property("completeGapSums").Element(d)));
        }

        var productCount = k * (k + 1) / 2;
        var products = ImmutableArray.CreateBuilder<long>(productCount);
        for (var i = 0; i < productCount; i++)
        {
            products.Add(r.Int(at.Property("completeGapProducts").Element(i)));
        }

        return StateParts.Build(
            at,
            () => ServqualSummary.FromParts(dimensions, perceptions.MoveToImmutable(), expectations.MoveToImmutable(), gaps.MoveToImmutable(), complete, sums.MoveToImmutable(), products.MoveToImmutable()));
    }

    /// <summary>The scale of paired gaps on <paramref name="scale"/>: <c>[−(max − min), max − min]</c>.</summary>
    internal static RatingScale GapScale(RatingScale scale) => RatingScale.Custom(-(scale.Max - scale.Min), scale.Max - scale.Min);

    internal static TrendTally DecodeTrendTally(ref BinaryStateReader r, StatePlace at)
    {
        var count = r.Count(at.Property("count"));
        var sumTicks = r.Int128(at.Property("sumTicks"));
        var sumSquaredTicks = r.Big(at.Property("sumSquaredTicks"), Int192Bytes);
        var sumScores = r.Int128(at.Property("sumScores"));
        var sumSquaredScores = r.Int128(at.Property("sumSquaredScores"));
        var sumTickScoreProducts = r.Big(at.Property("sumTickScoreProducts"), Int192Bytes);
        return StateParts.Build(at, (count, sumTicks, sumSquaredTicks, sumScores, sumSquaredScores, sumTickScoreProducts), static p => TrendTally.FromParts(p.count, p.sumTicks, p.sumSquaredTicks, p.sumScores, p.sumSquaredScores, p.sumTickScoreProducts));
    }

    internal static Int128 ToInt128(BigInteger value, StatePlace at) =>
        value >= (BigInteger)Int128.MinValue && value <= (BigInteger)Int128.MaxValue
            ? (Int128)value
            : throw new StateFormatException(ProblemKind.InvalidValue, at, string.Create(CultureInfo.InvariantCulture, $"Expected a 128-bit integer; got {value}."));

    internal static ScorecardState DecodeScorecardState(ref BinaryStateReader r, StatePlace at)
    {
        var basisAt = at.Property("basis");
        var asOf = r.Instant(basisAt.Property("asOf"));
        Interval? complianceWindow = null;
        if (r.Bool(basisAt.Property("complianceWindow")))
        {
            var windowAt = basisAt.Property("complianceWindow");
            var start = ReadOptionalInstant(ref r, windowAt.Property("start"));
            var end = ReadOptionalInstant(ref r, windowAt.Property("end"));
            complianceWindow = StateParts.Window(start, end, windowAt);
        }

        var overallScale = DecodeScale(ref r, basisAt.Property("overallScale"));
        var otherScales = r.Count(basisAt.Property("otherScales")) switch
        {
            0 => OtherScaleRule.Reject,
            1 => OtherScaleRule.SetAside,
            var other => throw new StateFormatException(ProblemKind.InvalidValue, basisAt.Property("otherScales"), string.Create(CultureInfo.InvariantCulture, $"Expected the rule 0 (reject) or 1 (set aside); got {other}.")),
        };
        var dimensions = r.Bool(basisAt.Property("dimensions")) ? DecodeDimensionSet(ref r, basisAt.Property("dimensions")) : null;
        var topBoxes = r.Length(basisAt.Property("csatTopBoxes"), int.MaxValue);
        var basis = StateParts.Build(basisAt, () => new ScorecardBasis(asOf, complianceWindow, overallScale, otherScales, dimensions, topBoxes));
        var dataBegins = ReadOptionalInstant(ref r, at.Property("dataBegins"));

        // Each agreement takes at least 15 bytes (an id length, two tallies of six counts, two list lengths).
        var place = at.Property("agreements");
        var agreements = new AgreementTallyState[r.Length(place, r.Remaining / 15)];
        for (var i = 0; i < agreements.Length; i++)
        {
            var item = place.Element(i);
            var id = StateParts.Id<AgreementId>(r.String(item.Property("agreement")), item.Property("agreement"));
            var firstResponse = DecodeSlaTally(ref r, item.Property("firstResponse"));
            var resolution = DecodeSlaTally(ref r, item.Property("resolution"));
            var firstResponseBySet = DecodeTallies(ref r, item.Property("firstResponseBySet"));
            var resolutionBySet = DecodeTallies(ref r, item.Property("resolutionBySet"));
            agreements[i] = StateParts.Build(item, (id, firstResponse, resolution, firstResponseBySet, resolutionBySet), static p => new AgreementTallyState(p.id, p.firstResponse, p.resolution, p.firstResponseBySet, p.resolutionBySet));
        }

        // Each relationship takes at least 2 + 19 + 6 + 2 bytes: two ids, three histograms, a trend tally, an instant.
        place = at.Property("relationships");
        var relationships = new RelationshipFeedbackState[r.Length(place, r.Remaining / 29)];
        for (var i = 0; i < relationships.Length; i++)
        {
            var item = place.Element(i);
            var relationship = DecodeRelationship(ref r, item);
            var feedback = DecodeFeedbackBody(ref r, item.Property("feedback"), overallScale, dimensions);
            var trend = DecodeTrendTally(ref r, item.Property("trend"));
            var last = r.Instant(item.Property("lastResponse"));
            relationships[i] = StateParts.Build(item, (relationship, feedback, trend, last), static p => new RelationshipFeedbackState(p.relationship, p.feedback, p.trend, p.last));
        }

        // Each set-aside count takes at least 5 bytes: a scale, two ids and a count.
        place = at.Property("setAside");
        var setAside = new SetAsideCount[r.Length(place, r.Remaining / 5)];
        for (var i = 0; i < setAside.Length; i++)
        {
            var item = place.Element(i);
            var scale = DecodeScale(ref r, item.Property("scale"));
            var relationship = DecodeRelationship(ref r, item);
            var count = r.Count(item.Property("count"));
            setAside[i] = new SetAsideCount(scale, relationship, count);
        }

        CampaignCountsState? campaign = null;
        if (r.Bool(at.Property("campaign")))
        {
            var campaignAt = at.Property("campaign");
            var id = StateParts.Id<CampaignId>(r.String(campaignAt.Property("campaign")), campaignAt.Property("campaign"));
            var start = r.Instant(campaignAt.Property("window").Property("start"));
            var window = StateParts.Window(start, r.Instant(campaignAt.Property("window").Property("end")), campaignAt.Property("window"));

            // Each relationship takes at least 4 bytes: two ids and two counts.
            place = campaignAt.Property("relationships");
            var counts = new CampaignResponseCount[r.Length(place, r.Remaining / 4)];
            for (var i = 0; i < counts.Length; i++)
            {
                var item = place.Element(i);
                var relationship = DecodeRelationship(ref r, item);
                var responses = r.Count(item.Property("responses"));
                var satisfied = r.Count(item.Property("satisfied"));
                counts[i] = new CampaignResponseCount(relationship, responses, satisfied);
            }

            campaign = StateParts.Build(campaignAt, () => new CampaignCountsState(id, window, counts));
        }

        // Each action takes at least 15 bytes: an id, a scale, four histograms and eight counts.
        place = at.Property("actions");
        var actions = new ActionWindowState[r.Length(place, r.Remaining / 15)];
        for (var i = 0; i < actions.Length; i++)
        {
            var item = place.Element(i);
            var id = StateParts.Id<ActionId>(r.String(item.Property("action")), item.Property("action"));
            var scale = DecodeScale(ref r, item.Property("scale"));
            var treatedBefore = DecodeHistogram(ref r, item.Property("treatedBefore"), scale);
            var treatedAfter = DecodeHistogram(ref r, item.Property("treatedAfter"), scale);
            var controlBefore = DecodeHistogram(ref r, item.Property("controlBefore"), scale);
            var controlAfter = DecodeHistogram(ref r, item.Property("controlAfter"), scale);
            var onTime = new OutcomeCounts[4];
            for (var j = 0; j < onTime.Length; j++)
            {
                var successes = r.Count(item.Property(StateParts.OnTimeParts[j]).Property("successes"));
                var trials = r.Count(item.Property(StateParts.OnTimeParts[j]).Property("trials"));
                onTime[j] = new OutcomeCounts(successes, trials);
            }

            actions[i] = StateParts.Build(item, () => new ActionWindowState(id, treatedBefore, treatedAfter, controlBefore, controlAfter, onTime[0], onTime[1], onTime[2], onTime[3]));
        }

        return StateParts.Build(at, () => new ScorecardState(basis, dataBegins, agreements, relationships, setAside, campaign, actions));
    }

    private static Relationship DecodeRelationship(ref BinaryStateReader r, StatePlace at)
    {
        var provider = StateParts.Id<DepartmentId>(r.String(at.Property("provider")), at.Property("provider"));
        var consumer = StateParts.Id<DepartmentId>(r.String(at.Property("consumer")), at.Property("consumer"));
        return new Relationship(provider, consumer);
    }

    private static ImmutableArray<SlaTally> DecodeTallies(ref BinaryStateReader r, StatePlace at)
    {
        // Each tally takes at least 6 bytes.
        var tallies = new SlaTally[r.Length(at, r.Remaining / 6)];
        for (var i = 0; i < tallies.Length; i++)
        {
            tallies[i] = DecodeSlaTally(ref r, at.Element(i));
        }

        return [.. tallies];
    }

    private static Instant? ReadOptionalInstant(ref BinaryStateReader r, StatePlace at) => r.Bool(at) ? r.Instant(at) : null;
}
