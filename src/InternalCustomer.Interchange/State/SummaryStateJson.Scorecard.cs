using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Interchange.State;

/// <summary>The JSON form of the feedback, SERVQUAL and trend summaries and of a whole scorecard accumulator's state.</summary>
public static partial class SummaryStateJson
{
    /// <summary>Writes the state of a feedback summary: <c>scale</c>, <c>dimensions</c> (when it has a SERVQUAL part),
    /// the <c>overall</c>, <c>recommend</c> and <c>effort</c> histograms and the <c>servqual</c> parts.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(FeedbackSummary summary) => ToArray(StateType.FeedbackSummary, summary, Encode);

    /// <summary>Writes the state of a feedback summary to <paramref name="output"/> (see <see cref="Write(FeedbackSummary)"/>).</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(FeedbackSummary summary, IBufferWriter<byte> output) => Write(StateType.FeedbackSummary, summary, Encode, output);

    /// <summary>Reads the state of a feedback summary.</summary>
    /// <param name="utf8Json">JSON written by <see cref="Write(FeedbackSummary)"/>.</param>
    /// <returns>The summary, or the problem with the JSON.</returns>
    public static Result<FeedbackSummary> ReadFeedbackSummary(ReadOnlySpan<byte> utf8Json) => ReadClass(utf8Json, StateType.FeedbackSummary, DecodeFeedbackSummary);

    /// <summary>Writes the state of a SERVQUAL summary: <c>dimensions</c>, the <c>perceptions</c>, <c>expectations</c>
    /// and <c>gaps</c> histograms per dimension, <c>completeResponses</c>, <c>completeGapSums</c> and <c>completeGapProducts</c>.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(ServqualSummary summary) => ToArray(StateType.ServqualSummary, summary, Encode);

    /// <summary>Writes the state of a SERVQUAL summary to <paramref name="output"/> (see <see cref="Write(ServqualSummary)"/>).</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(ServqualSummary summary, IBufferWriter<byte> output) => Write(StateType.ServqualSummary, summary, Encode, output);

    /// <summary>Reads the state of a SERVQUAL summary.</summary>
    /// <param name="utf8Json">JSON written by <see cref="Write(ServqualSummary)"/>.</param>
    /// <returns>The summary, or the problem with the JSON.</returns>
    public static Result<ServqualSummary> ReadServqualSummary(ReadOnlySpan<byte> utf8Json) => ReadClass(utf8Json, StateType.ServqualSummary, DecodeServqualSummary);

    /// <summary>Writes a trend tally: <c>count</c> and the five sums as decimal strings (they exceed a JSON number's
    /// exact range).</summary>
    /// <param name="tally">The tally.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] Write(TrendTally tally) => ToArray(StateType.TrendTally, tally, Encode);

    /// <summary>Writes a trend tally to <paramref name="output"/> (see <see cref="Write(TrendTally)"/>).</summary>
    /// <param name="tally">The tally.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(TrendTally tally, IBufferWriter<byte> output) => Write(StateType.TrendTally, tally, Encode, output);

    /// <summary>Reads a trend tally.</summary>
    /// <param name="utf8Json">JSON written by <see cref="Write(TrendTally)"/>.</param>
    /// <returns>The tally, or the problem with the JSON.</returns>
    public static ValueResult<TrendTally> ReadTrendTally(ReadOnlySpan<byte> utf8Json) => ReadValue(utf8Json, StateType.TrendTally, DecodeTrendTally);

    /// <summary>Writes the state of a scorecard accumulator (<see cref="ScorecardAccumulator.ToState"/>): <c>basis</c>,
    /// <c>dataBegins</c>, <c>agreements</c>, <c>relationships</c>, <c>setAside</c>, <c>campaign</c> and <c>actions</c>
    /// (docs/scale-out.md shows an example).</summary>
    /// <param name="state">The state.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    public static byte[] Write(ScorecardState state) => ToArray(StateType.ScorecardState, state, Encode);

    /// <summary>Writes the state of a scorecard accumulator to <paramref name="output"/> (see <see cref="Write(ScorecardState)"/>).</summary>
    /// <param name="state">The state.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(ScorecardState state, IBufferWriter<byte> output) => Write(StateType.ScorecardState, state, Encode, output);

    /// <summary>Reads the state of a scorecard accumulator. The state names agreements, relationships and actions by
    /// id; <see cref="ScorecardAccumulator.FromState"/> checks them against the organisation.</summary>
    /// <param name="utf8Json">JSON written by <see cref="Write(ScorecardState)"/>.</param>
    /// <returns>The state, or the problem with the JSON.</returns>
    public static Result<ScorecardState> ReadScorecardState(ReadOnlySpan<byte> utf8Json) => ReadClass(utf8Json, StateType.ScorecardState, DecodeScorecardState);

    internal static void Encode(Utf8JsonWriter w, string name, DimensionSet dimensions)
    {
        w.WriteStartObject(name);
        Encode(w, "scale", dimensions.Scale);
        w.WriteStartArray("names");
        foreach (var n in dimensions.Names)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
        WriteDoubles(w, "weights", dimensions.Weights.AsSpan());
        w.WriteEndObject();
    }

    internal static void Encode(Utf8JsonWriter w, FeedbackSummary summary)
    {
        Encode(w, "scale", summary.Overall.Scale);
        if (summary.Servqual is { } servqual)
        {
            Encode(w, "dimensions", servqual.Dimensions);
        }

        EncodeFeedbackBody(w, summary);
    }

    /// <summary>A feedback summary's properties without its scale and dimension set.</summary>
    internal static void EncodeFeedbackBody(Utf8JsonWriter w, FeedbackSummary summary)
    {
        WriteHistogram(w, "overall", summary.Overall);
        WriteHistogram(w, "recommend", summary.Recommend);
        WriteHistogram(w, "effort", summary.Effort);
        if (summary.Servqual is { } servqual)
        {
            w.WriteStartObject("servqual");
            EncodeServqualBody(w, servqual);
            w.WriteEndObject();
        }
    }

    internal static void Encode(Utf8JsonWriter w, ServqualSummary summary)
    {
        Encode(w, "dimensions", summary.Dimensions);
        EncodeServqualBody(w, summary);
    }

    internal static void EncodeServqualBody(Utf8JsonWriter w, ServqualSummary summary)
    {
        WriteHistograms(w, "perceptions", summary.Perceptions);
        WriteHistograms(w, "expectations", summary.Expectations);
        WriteHistograms(w, "gaps", summary.Gaps);
        w.WriteNumber("completeResponses", summary.CompleteResponses);
        WriteLongs(w, "completeGapSums", summary.CompleteGapSums.AsSpan());
        WriteLongs(w, "completeGapProducts", summary.CompleteGapProducts.AsSpan());
    }

    internal static void Encode(Utf8JsonWriter w, TrendTally tally)
    {
        w.WriteNumber("count", tally.Count);
        w.WriteString("sumTicks", tally.SumTicks.ToString(CultureInfo.InvariantCulture));
        w.WriteString("sumSquaredTicks", tally.SumSquaredTicks.ToString(CultureInfo.InvariantCulture));
        w.WriteString("sumScores", tally.SumScores.ToString(CultureInfo.InvariantCulture));
        w.WriteString("sumSquaredScores", tally.SumSquaredScores.ToString(CultureInfo.InvariantCulture));
        w.WriteString("sumTickScoreProducts", tally.SumTickScoreProducts.ToString(CultureInfo.InvariantCulture));
    }

    internal static void Encode(Utf8JsonWriter w, ScorecardState state)
    {
        var basis = state.Basis;
        w.WriteStartObject("basis");
        w.WriteString("asOf", NodaText.Format(basis.AsOf));
        if (basis.ComplianceWindow is { } window)
        {
            w.WriteStartObject("complianceWindow");
            if (window.HasStart)
            {
                w.WriteString("start", NodaText.Format(window.Start));
            }

            if (window.HasEnd)
            {
                w.WriteString("end", NodaText.Format(window.End));
            }

            w.WriteEndObject();
        }

        Encode(w, "overallScale", basis.OverallScale);
        w.WriteString("otherScales", basis.OtherScales == OtherScaleRule.SetAside ? "set-aside" : "reject");
        if (basis.Dimensions is { } dimensions)
        {
            Encode(w, "dimensions", dimensions);
        }

        w.WriteNumber("csatTopBoxes", basis.CsatTopBoxes);
        w.WriteEndObject();
        if (state.DataBegins is { } begins)
        {
            w.WriteString("dataBegins", NodaText.Format(begins));
        }

        w.WriteStartArray("agreements");
        foreach (var a in state.Agreements)
        {
            w.WriteStartObject();
            w.WriteString("agreement", a.Agreement.Value);
            WriteTally(w, "firstResponse", a.FirstResponse);
            WriteTally(w, "resolution", a.Resolution);
            WriteTallies(w, "firstResponseBySet", a.FirstResponseBySet);
            WriteTallies(w, "resolutionBySet", a.ResolutionBySet);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("relationships");
        foreach (var r in state.Relationships)
        {
            w.WriteStartObject();
            WriteRelationship(w, r.Relationship);
            w.WriteStartObject("feedback");
            EncodeFeedbackBody(w, r.Feedback);
            w.WriteEndObject();
            w.WriteStartObject("trend");
            Encode(w, r.Trend);
            w.WriteEndObject();
            w.WriteString("lastResponse", NodaText.Format(r.LastResponse));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("setAside");
        foreach (var s in state.SetAside)
        {
            w.WriteStartObject();
            Encode(w, "scale", s.Scale);
            WriteRelationship(w, s.Relationship);
            w.WriteNumber("count", s.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (state.Campaign is { } campaign)
        {
            w.WriteStartObject("campaign");
            w.WriteString("campaign", campaign.Campaign.Value);
            w.WriteStartObject("window");
            w.WriteString("start", NodaText.Format(campaign.Window.Start));
            w.WriteString("end", NodaText.Format(campaign.Window.End));
            w.WriteEndObject();
            w.WriteStartArray("relationships");
            foreach (var c in campaign.Relationships)
            {
                w.WriteStartObject();
                WriteRelationship(w, c.Relationship);
                w.WriteNumber("responses", c.Responses);
                w.WriteNumber("satisfied", c.Satisfied);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStartArray("actions");
        foreach (var a in state.Actions)
        {
            w.WriteStartObject();
            w.WriteString("action", a.Action.Value);
            Encode(w, "scale", a.TreatedBefore.Scale);
            WriteHistogram(w, "treatedBefore", a.TreatedBefore);
            WriteHistogram(w, "treatedAfter", a.TreatedAfter);
            WriteHistogram(w, "controlBefore", a.ControlBefore);
            WriteHistogram(w, "controlAfter", a.ControlAfter);
            WriteOutcomes(w, "treatedOnTimeBefore", a.TreatedOnTimeBefore);
            WriteOutcomes(w, "treatedOnTimeAfter", a.TreatedOnTimeAfter);
            WriteOutcomes(w, "controlOnTimeBefore", a.ControlOnTimeBefore);
            WriteOutcomes(w, "controlOnTimeAfter", a.ControlOnTimeAfter);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    internal static DimensionSet DecodeDimensionSet(JsonStateObject o)
    {
        var scale = DecodeScale(o.Object("scale"));
        var (array, at) = o.Array("names");
        var names = ImmutableArray.CreateBuilder<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            names.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new StateFormatException(ProblemKind.WrongType, at.Element(names.Count), "Expected a dimension name (a string); got " + item.ValueKind.ToString().ToLowerInvariant() + "."));
        }

        var weights = o.Doubles("weights");
        o.End();
        return StateParts.Build(o.At, () => DimensionSet.FromParts(scale, names.MoveToImmutable(), [.. weights]));
    }

    internal static FeedbackSummary DecodeFeedbackSummary(JsonStateObject o)
    {
        var scale = DecodeScale(o.Object("scale"));
        var dimensions = o.Has("dimensions") ? DecodeDimensionSet(o.Object("dimensions")) : null;
        return DecodeFeedbackBody(o, scale, dimensions);
    }

    /// <summary>Reads the body of a feedback summary from <paramref name="o"/>, and checks <paramref name="o"/> has no
    /// other property (the caller has taken the ones it reads itself).</summary>
    internal static FeedbackSummary DecodeFeedbackBody(JsonStateObject o, RatingScale scale, DimensionSet? dimensions)
    {
        var overall = DecodeHistogramArray(o, "overall", scale);
        var recommend = DecodeHistogramArray(o, "recommend", RatingScale.ZeroToTen);
        var effort = DecodeHistogramArray(o, "effort", RatingScale.SevenPoint);
        ServqualSummary? servqual = null;
        if (dimensions is not null)
        {
            var part = o.Object("servqual");
            servqual = DecodeServqualBody(part, dimensions);
            part.End();
        }

        o.End();
        return StateParts.Build(o.At, () => FeedbackSummary.FromParts(overall, recommend, effort, servqual));
    }

    internal static ServqualSummary DecodeServqualSummary(JsonStateObject o)
    {
        var summary = DecodeServqualBody(o, DecodeDimensionSet(o.Object("dimensions")));
        o.End();
        return summary;
    }

    internal static ServqualSummary DecodeServqualBody(JsonStateObject o, DimensionSet dimensions)
    {
        var gapScale = StateParts.Build(o.At.Property("dimensions"), () => SummaryStateBinary.GapScale(dimensions.Scale));
        var perceptions = DecodeHistograms(o, "perceptions", dimensions.Scale);
        var expectations = DecodeHistograms(o, "expectations", dimensions.Scale);
        var gaps = DecodeHistograms(o, "gaps", gapScale);
        var complete = o.Long("completeResponses");
        var sums = o.Longs("completeGapSums");
        var products = o.Longs("completeGapProducts");
        return StateParts.Build(o.At, () => ServqualSummary.FromParts(dimensions, perceptions, expectations, gaps, complete, [.. sums], [.. products]));
    }

    internal static TrendTally DecodeTrendTally(JsonStateObject o)
    {
        var count = o.Long("count");
        var sumTicks = SummaryStateBinary.ToInt128(BigNumber(o, "sumTicks"), o.At.Property("sumTicks"));
        var sumSquaredTicks = BigNumber(o, "sumSquaredTicks");
        var sumScores = SummaryStateBinary.ToInt128(BigNumber(o, "sumScores"), o.At.Property("sumScores"));
        var sumSquaredScores = SummaryStateBinary.ToInt128(BigNumber(o, "sumSquaredScores"), o.At.Property("sumSquaredScores"));
        var sumTickScoreProducts = BigNumber(o, "sumTickScoreProducts");
        return StateParts.Build(o.At, () => TrendTally.FromParts(count, sumTicks, sumSquaredTicks, sumScores, sumSquaredScores, sumTickScoreProducts));
    }

    internal static ScorecardState DecodeScorecardState(JsonStateObject o)
    {
        var b = o.Object("basis");
        var asOf = b.Instant("asOf");
        Interval? complianceWindow = null;
        if (b.Has("complianceWindow"))
        {
            var window = b.Object("complianceWindow");
            Instant? start = window.Has("start") ? window.Instant("start") : null;
            Instant? end = window.Has("end") ? window.Instant("end") : null;
            window.End();
            complianceWindow = StateParts.Window(start, end, window.At);
        }

        var overallScale = DecodeScale(b.Object("overallScale"));
        var otherScales = b.String("otherScales") switch
        {
            "reject" => OtherScaleRule.Reject,
            "set-aside" => OtherScaleRule.SetAside,
            var other => throw new StateFormatException(ProblemKind.InvalidValue, b.At.Property("otherScales"), $"Expected 'reject' or 'set-aside'; got '{other}'."),
        };
        var dimensions = b.Has("dimensions") ? DecodeDimensionSet(b.Object("dimensions")) : null;
        var topBoxes = b.Int32("csatTopBoxes");
        b.End();
        var basis = StateParts.Build(b.At, () => new ScorecardBasis(asOf, complianceWindow, overallScale, otherScales, dimensions, topBoxes));
        Instant? dataBegins = o.Has("dataBegins") ? o.Instant("dataBegins") : null;

        var agreements = Items(o, "agreements", item =>
        {
            var id = StateParts.Id<AgreementId>(item.String("agreement"), item.At.Property("agreement"));
            var firstResponse = Part(item, "firstResponse", DecodeSlaTally);
            var resolution = Part(item, "resolution", DecodeSlaTally);
            var firstResponseBySet = Items(item, "firstResponseBySet", DecodeSlaTally);
            var resolutionBySet = Items(item, "resolutionBySet", DecodeSlaTally);
            return StateParts.Build(item.At, () => new AgreementTallyState(id, firstResponse, resolution, [.. firstResponseBySet], [.. resolutionBySet]));
        });
        var relationships = Items(o, "relationships", item =>
        {
            var relationship = ReadRelationship(item);
            var feedback = DecodeFeedbackBody(item.Object("feedback"), overallScale, dimensions);
            var trend = Part(item, "trend", DecodeTrendTally);
            var last = item.Instant("lastResponse");
            return StateParts.Build(item.At, () => new RelationshipFeedbackState(relationship, feedback, trend, last));
        });
        var setAside = Items(o, "setAside", item =>
        {
            var scale = DecodeScale(item.Object("scale"));
            var relationship = ReadRelationship(item);
            return new SetAsideCount(scale, relationship, item.Long("count"));
        });
        CampaignCountsState? campaign = null;
        if (o.Has("campaign"))
        {
            var c = o.Object("campaign");
            var id = StateParts.Id<CampaignId>(c.String("campaign"), c.At.Property("campaign"));
            var windowPart = c.Object("window");
            var window = StateParts.Window(windowPart.Instant("start"), windowPart.Instant("end"), windowPart.At);
            windowPart.End();

            var counts = Items(c, "relationships", item => new CampaignResponseCount(ReadRelationship(item), item.Long("responses"), item.Long("satisfied")));
            c.End();
            campaign = StateParts.Build(c.At, () => new CampaignCountsState(id, window, counts));
        }

        var actions = Items(o, "actions", item =>
        {
            var id = StateParts.Id<ActionId>(item.String("action"), item.At.Property("action"));
            var scale = DecodeScale(item.Object("scale"));
            var treatedBefore = DecodeHistogramArray(item, "treatedBefore", scale);
            var treatedAfter = DecodeHistogramArray(item, "treatedAfter", scale);
            var controlBefore = DecodeHistogramArray(item, "controlBefore", scale);
            var controlAfter = DecodeHistogramArray(item, "controlAfter", scale);
            var onTime = StateParts.OnTimeParts
                .Select(name => Part(item, name, static part => new OutcomeCounts(part.Long("successes"), part.Long("trials"))))
                .ToArray();
            return StateParts.Build(item.At, () => new ActionWindowState(id, treatedBefore, treatedAfter, controlBefore, controlAfter, onTime[0], onTime[1], onTime[2], onTime[3]));
        });
        return StateParts.Build(o.At, () => new ScorecardState(basis, dataBegins, agreements, relationships, setAside, campaign, actions));
    }

    /// <summary>Decodes the object property <paramref name="name"/>, checked for unknown properties.</summary>
    private static T Part<T>(JsonStateObject o, string name, Func<JsonStateObject, T> decode)
    {
        var part = o.Object(name);
        var value = decode(part);
        part.End();
        return value;
    }

    /// <summary>Decodes every object of the array property <paramref name="name"/>, each checked for unknown properties.</summary>
    private static List<T> Items<T>(JsonStateObject o, string name, Func<JsonStateObject, T> decode)
    {
        var (array, at) = o.Array(name);
        var items = new List<T>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            var item = new JsonStateObject(element, at.Element(items.Count));
            items.Add(decode(item));
            item.End();
        }

        return items;
    }

    private static Relationship ReadRelationship(JsonStateObject o) =>
        new(StateParts.Id<DepartmentId>(o.String("provider"), o.At.Property("provider")), StateParts.Id<DepartmentId>(o.String("consumer"), o.At.Property("consumer")));

    private static RatingSummary DecodeHistogramArray(JsonStateObject o, string name, RatingScale scale)
    {
        var histogram = o.Longs(name);
        return StateParts.Build(o.At.Property(name), () => RatingSummary.FromHistogram(scale, histogram));
    }

    private static ImmutableArray<RatingSummary> DecodeHistograms(JsonStateObject o, string name, RatingScale scale)
    {
        var (array, at) = o.Array(name);
        var summaries = ImmutableArray.CreateBuilder<RatingSummary>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            var place = at.Element(summaries.Count);
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw new StateFormatException(ProblemKind.WrongType, place, "Expected a histogram (an array of counts); got " + element.ValueKind.ToString().ToLowerInvariant() + ".");
            }

            var histogram = new long[element.GetArrayLength()];
            var i = 0;
            foreach (var count in element.EnumerateArray())
            {
                histogram[i] = JsonStateObject.Long(count, place.Element(i));
                i++;
            }

            summaries.Add(StateParts.Build(place, () => RatingSummary.FromHistogram(scale, histogram)));
        }

        return summaries.MoveToImmutable();
    }

    private static BigInteger BigNumber(JsonStateObject o, string name)
    {
        var text = o.String(name);

        // At most 60 digits: more than any sum a trend tally holds (192 bits is 58 digits), fewer than a slow parse.
        return text.Length is > 0 and <= 60 && BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StateFormatException(ProblemKind.InvalidValue, o.At.Property(name), $"Expected a whole number in decimal digits (at most 60), such as \"-12345\"; got \"{(text.Length > 70 ? text[..70] + "…" : text)}\".");
    }

    private static void WriteRelationship(Utf8JsonWriter w, Relationship relationship)
    {
        w.WriteString("provider", relationship.Provider.Value);
        w.WriteString("consumer", relationship.Consumer.Value);
    }

    private static void WriteTally(Utf8JsonWriter w, string name, SlaTally tally)
    {
        w.WriteStartObject(name);
        Encode(w, tally);
        w.WriteEndObject();
    }

    private static void WriteTallies(Utf8JsonWriter w, string name, ImmutableArray<SlaTally> tallies)
    {
        w.WriteStartArray(name);
        foreach (var tally in tallies)
        {
            w.WriteStartObject();
            Encode(w, tally);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteOutcomes(Utf8JsonWriter w, string name, OutcomeCounts counts)
    {
        w.WriteStartObject(name);
        w.WriteNumber("successes", counts.Successes);
        w.WriteNumber("trials", counts.Trials);
        w.WriteEndObject();
    }

    private static void WriteHistogram(Utf8JsonWriter w, string name, RatingSummary summary) => WriteLongs(w, name, summary.Histogram);

    private static void WriteHistograms(Utf8JsonWriter w, string name, ImmutableArray<RatingSummary> summaries)
    {
        w.WriteStartArray(name);
        foreach (var summary in summaries)
        {
            w.WriteStartArray();
            foreach (var count in summary.Histogram)
            {
                w.WriteNumberValue(count);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static void WriteLongs(Utf8JsonWriter w, string name, ReadOnlySpan<long> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }
}
