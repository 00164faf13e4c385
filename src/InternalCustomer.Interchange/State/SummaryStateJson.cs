using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange.Json;

namespace InternalCustomer.Interchange.State;

/// <summary>
/// The compact JSON form of summary state: every mergeable summary written as one UTF-8 JSON object and read back
/// exactly (doubles bit for bit: written in their shortest round-trip form, read with correct rounding).
/// </summary>
/// <remarks>
/// <para>Every state is an object that starts with <c>"format": "internal-customer-summary-state"</c>,
/// <c>"version"</c> (<see cref="FormatVersion"/>) and <c>"type"</c> (for example <c>"rating-summary"</c>), followed by
/// the summary's parts; docs/scale-out.md gives every type's properties with an example.</para>
/// <para>The readers never throw for bad input: text that is not JSON, a state of a newer format version, of another
/// summary type, with a property missing, unexpected, repeated or of the wrong JSON type, or whose parts cannot be a
/// summary gives a failed result whose <see cref="Problem"/> says what was expected and what came, located at the
/// property — never a wrong summary.</para>
/// </remarks>
public static partial class SummaryStateJson
{
    /// <summary>The format version this library writes, and the newest it reads (the same number as the binary form's).</summary>
    public const int FormatVersion = SummaryStateBinary.FormatVersion;

    /// <summary>The value of every state's <c>format</c> property.</summary>
    public const string FormatName = "internal-customer-summary-state";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the state of a rating summary: its scale and histogram.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(RatingSummary summary) => ToArray(StateType.RatingSummary, summary, Encode);

    /// <summary>Writes the state of a rating summary to <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(RatingSummary summary, IBufferWriter<byte> output) => Write(StateType.RatingSummary, summary, Encode, output);

    /// <summary>Reads the state of a rating summary.</summary>
    /// <param name="utf8Json">UTF-8 JSON written by <see cref="Write(RatingSummary)"/>.</param>
    /// <returns>The summary, or the problem with the JSON.</returns>
    public static Result<RatingSummary> ReadRatingSummary(ReadOnlySpan<byte> utf8Json) => ReadClass(utf8Json, StateType.RatingSummary, DecodeRatingSummary);

    /// <summary>Writes the state of a weighted rating summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(WeightedRatingSummary summary) => ToArray(StateType.WeightedRatingSummary, summary, Encode);

    /// <summary>Writes the state of a weighted rating summary to <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(WeightedRatingSummary summary, IBufferWriter<byte> output) => Write(StateType.WeightedRatingSummary, summary, Encode, output);

    /// <summary>Reads the state of a weighted rating summary.</summary>
    /// <param name="utf8Json">UTF-8 JSON written by <see cref="Write(WeightedRatingSummary)"/>.</param>
    /// <returns>The summary, or the problem with the JSON.</returns>
    public static Result<WeightedRatingSummary> ReadWeightedRatingSummary(ReadOnlySpan<byte> utf8Json) =>
        ReadClass(utf8Json, StateType.WeightedRatingSummary, DecodeWeightedRatingSummary);

    /// <summary>Writes the state of a moment summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] Write(MomentSummary summary) => ToArray(StateType.MomentSummary, summary, Encode);

    /// <summary>Writes the state of a moment summary to <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(MomentSummary summary, IBufferWriter<byte> output) => Write(StateType.MomentSummary, summary, Encode, output);

    /// <summary>Reads the state of a moment summary.</summary>
    /// <param name="utf8Json">UTF-8 JSON written by <see cref="Write(MomentSummary)"/>.</param>
    /// <returns>The summary, or the problem with the JSON.</returns>
    public static ValueResult<MomentSummary> ReadMomentSummary(ReadOnlySpan<byte> utf8Json) => ReadValue(utf8Json, StateType.MomentSummary, DecodeMomentSummary);

    /// <summary>Writes Net Promoter counts.</summary>
    /// <param name="counts">The counts.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] Write(NpsCounts counts) => ToArray(StateType.NpsCounts, counts, Encode);

    /// <summary>Writes Net Promoter counts to <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="counts">The counts.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(NpsCounts counts, IBufferWriter<byte> output) => Write(StateType.NpsCounts, counts, Encode, output);

    /// <summary>Reads Net Promoter counts.</summary>
    /// <param name="utf8Json">UTF-8 JSON written by <see cref="Write(NpsCounts)"/>.</param>
    /// <returns>The counts, or the problem with the JSON.</returns>
    public static ValueResult<NpsCounts> ReadNpsCounts(ReadOnlySpan<byte> utf8Json) => ReadValue(utf8Json, StateType.NpsCounts, DecodeNpsCounts);

    /// <summary>Writes the state of a trend summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] Write(TrendSummary summary) => ToArray(StateType.TrendSummary, summary, Encode);

    /// <summary>Writes the state of a trend summary to <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(TrendSummary summary, IBufferWriter<byte> output) => Write(StateType.TrendSummary, summary, Encode, output);

    /// <summary>Reads the state of a trend summary.</summary>
    /// <param name="utf8Json">UTF-8 JSON written by <see cref="Write(TrendSummary)"/>.</param>
    /// <returns>The summary, or the problem with the JSON.</returns>
    public static ValueResult<TrendSummary> ReadTrendSummary(ReadOnlySpan<byte> utf8Json) => ReadValue(utf8Json, StateType.TrendSummary, DecodeTrendSummary);

    /// <summary>Writes the state of a co-moment matrix.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(CoMomentMatrix summary) => ToArray(StateType.CoMomentMatrix, summary, Encode);

    /// <summary>Writes the state of a co-moment matrix to <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(CoMomentMatrix summary, IBufferWriter<byte> output) => Write(StateType.CoMomentMatrix, summary, Encode, output);

    /// <summary>Reads the state of a co-moment matrix.</summary>
    /// <param name="utf8Json">UTF-8 JSON written by <see cref="Write(CoMomentMatrix)"/>.</param>
    /// <returns>The summary, or the problem with the JSON.</returns>
    public static Result<CoMomentMatrix> ReadCoMomentMatrix(ReadOnlySpan<byte> utf8Json) => ReadClass(utf8Json, StateType.CoMomentMatrix, DecodeCoMomentMatrix);

    /// <summary>Writes an SLA tally.</summary>
    /// <param name="tally">The tally.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] Write(SlaTally tally) => ToArray(StateType.SlaTally, tally, Encode);

    /// <summary>Writes an SLA tally to <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="tally">The tally.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(SlaTally tally, IBufferWriter<byte> output) => Write(StateType.SlaTally, tally, Encode, output);

    /// <summary>Reads an SLA tally.</summary>
    /// <param name="utf8Json">UTF-8 JSON written by <see cref="Write(SlaTally)"/>.</param>
    /// <returns>The tally, or the problem with the JSON.</returns>
    public static ValueResult<SlaTally> ReadSlaTally(ReadOnlySpan<byte> utf8Json) => ReadValue(utf8Json, StateType.SlaTally, DecodeSlaTally);

    /// <summary>Writes the state of a campaign summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(CampaignSummary summary) => ToArray(StateType.CampaignSummary, summary, Encode);

    /// <summary>Writes the state of a campaign summary to <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(CampaignSummary summary, IBufferWriter<byte> output) => Write(StateType.CampaignSummary, summary, Encode, output);

    /// <summary>Reads the state of a campaign summary.</summary>
    /// <param name="utf8Json">UTF-8 JSON written by <see cref="Write(CampaignSummary)"/>.</param>
    /// <returns>The summary, or the problem with the JSON.</returns>
    public static Result<CampaignSummary> ReadCampaignSummary(ReadOnlySpan<byte> utf8Json) => ReadClass(utf8Json, StateType.CampaignSummary, DecodeCampaignSummary);

    internal static byte[] ToArray<T>(StateType type, T summary, Action<Utf8JsonWriter, T> encode)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(type, summary, encode, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    internal static void Write<T>(StateType type, T summary, Action<Utf8JsonWriter, T> encode, IBufferWriter<byte> output)
    {
        if (summary is null)
        {
            throw new ArgumentNullException(nameof(summary));
        }

        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteNumber("version", FormatVersion);
        writer.WriteString("type", StateTypes.JsonName(type));
        encode(writer, summary);
        writer.WriteEndObject();
        writer.Flush();
    }

    internal static Result<T> ReadClass<T>(ReadOnlySpan<byte> utf8Json, StateType type, Func<JsonStateObject, T> decode)
        where T : class
    {
        try
        {
            return Result.Success(Decode(utf8Json, type, decode));
        }
        catch (StateFormatException e)
        {
            return Result.Failure<T>([e.Problem]);
        }
    }

    internal static ValueResult<T> ReadValue<T>(ReadOnlySpan<byte> utf8Json, StateType type, Func<JsonStateObject, T> decode)
        where T : struct
    {
        try
        {
            return ValueResult<T>.Success(Decode(utf8Json, type, decode));
        }
        catch (StateFormatException e)
        {
            return ValueResult<T>.Failure(e.Problem);
        }
    }

    private static T Decode<T>(ReadOnlySpan<byte> utf8Json, StateType type, Func<JsonStateObject, T> decode)
    {
        // Before parsing: JsonDocument accepts bytes that are not UTF-8 inside a string or property name, and the first
        // GetString() or Name on them throws InvalidOperationException.
        if (JsonInput.InvalidUtf8(utf8Json) is { } invalid)
        {
            throw new StateFormatException(invalid);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException e)
        {
            throw new StateFormatException(
                ProblemKind.MalformedInput,
                ProblemLocation.InText((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1),
                "Expected a summary state in UTF-8 JSON; got text that is not well-formed JSON: " + e.Message);
        }

        if (JsonInput.FirstLoneSurrogate(utf8Json) is { } lone)
        {
            document.Dispose();
            throw new StateFormatException(lone);
        }

        using (document)
        {
            var root = new JsonStateObject(document.RootElement, ProblemLocation.Root);
            var format = root.String("format");
            if (format != FormatName)
            {
                throw new StateFormatException(ProblemKind.InvalidValue, root.At.Property("format"), $"Expected the format '{FormatName}'; got '{format}'.");
            }

            var version = root.Long("version");
            if (version > FormatVersion)
            {
                throw new StateFormatException(
                    ProblemKind.UnsupportedVersion,
                    root.At.Property("version"),
                    string.Create(CultureInfo.InvariantCulture, $"Expected a summary state of format version {FormatVersion} or older; got version {version}, written by a newer library."));
            }

            if (version < 1)
            {
                throw new StateFormatException(ProblemKind.InvalidValue, root.At.Property("version"), string.Create(CultureInfo.InvariantCulture, $"Expected a format version from 1; got {version}."));
            }

            var name = root.String("type");
            if (name != StateTypes.JsonName(type))
            {
                throw new StateFormatException(
                    ProblemKind.WrongType,
                    root.At.Property("type"),
                    StateTypes.FromJsonName(name) is { } other
                        ? $"Expected the state of a {StateTypes.Describe(type)} ('{StateTypes.JsonName(type)}'); got the state of a {StateTypes.Describe(other)} ('{name}')."
                        : $"Expected the state of a {StateTypes.Describe(type)} ('{StateTypes.JsonName(type)}'); got the unknown type '{name}'.");
            }

            var value = decode(root);
            root.End();
            return value;
        }
    }

    internal static void Encode(Utf8JsonWriter w, string name, RatingScale scale)
    {
        w.WriteStartObject(name);
        w.WriteNumber("min", scale.Min);
        w.WriteNumber("max", scale.Max);
        w.WriteEndObject();
    }

    internal static void Encode(Utf8JsonWriter w, RatingSummary summary)
    {
        Encode(w, "scale", summary.Scale);
        EncodeHistogram(w, summary);
    }

    internal static void EncodeHistogram(Utf8JsonWriter w, RatingSummary summary)
    {
        w.WriteStartArray("histogram");
        foreach (var count in summary.Histogram)
        {
            w.WriteNumberValue(count);
        }

        w.WriteEndArray();
    }

    internal static void Encode(Utf8JsonWriter w, WeightedRatingSummary summary)
    {
        Encode(w, "scale", summary.Scale);
        w.WriteNumber("count", summary.Count);
        w.WriteNumber("sumOfWeights", summary.SumOfWeights);
        w.WriteNumber("sumOfSquaredWeights", summary.SumOfSquaredWeights);
        w.WriteNumber("mean", summary.Mean);
        w.WriteNumber("m2", summary.M2);
        WriteDoubles(w, "weightedHistogram", summary.WeightedHistogram);
    }

    internal static void Encode(Utf8JsonWriter w, MomentSummary summary)
    {
        w.WriteNumber("count", summary.Count);
        w.WriteNumber("mean", summary.Mean);
        w.WriteNumber("m2", summary.M2);
    }

    internal static void Encode(Utf8JsonWriter w, NpsCounts counts)
    {
        w.WriteNumber("promoters", counts.Promoters);
        w.WriteNumber("passives", counts.Passives);
        w.WriteNumber("detractors", counts.Detractors);
    }

    internal static void Encode(Utf8JsonWriter w, TrendSummary summary)
    {
        w.WriteNumber("count", summary.Count);
        w.WriteNumber("meanDays", summary.MeanDays);
        w.WriteNumber("meanScore", summary.MeanScore);
        w.WriteNumber("ctt", summary.Ctt);
        w.WriteNumber("cty", summary.Cty);
        w.WriteNumber("cyy", summary.Cyy);
    }

    internal static void Encode(Utf8JsonWriter w, CoMomentMatrix summary)
    {
        w.WriteNumber("dimensionCount", summary.DimensionCount);
        w.WriteNumber("count", summary.Count);
        WriteDoubles(w, "means", summary.Means);
        WriteDoubles(w, "coMoments", summary.CoMoments);
    }

    internal static void Encode(Utf8JsonWriter w, SlaTally tally)
    {
        w.WriteNumber("decided", tally.Decided);
        w.WriteNumber("breached", tally.Breached);
        w.WriteNumber("inFlight", tally.InFlight);
        w.WriteNumber("atRisk", tally.AtRisk);
        w.WriteNumber("unmatched", tally.Unmatched);
        w.WriteNumber("unmeasured", tally.Unmeasured);
    }

    internal static void Encode(Utf8JsonWriter w, CampaignSummary summary)
    {
        w.WriteString("campaign", summary.Campaign.Value);
        w.WriteStartObject("window");
        w.WriteString("start", NodaText.Format(summary.Window.Start));
        w.WriteString("end", NodaText.Format(summary.Window.End));
        w.WriteEndObject();
        w.WriteNumber("csatTopBoxes", summary.CsatTopBoxes);
        w.WriteStartArray("relationships");
        foreach (var r in summary.Relationships)
        {
            w.WriteStartObject();
            w.WriteString("provider", r.Relationship.Provider.Value);
            w.WriteString("consumer", r.Relationship.Consumer.Value);
            w.WriteNumber("invited", r.Invited);
            w.WriteNumber("responses", r.Responses);
            w.WriteNumber("satisfied", r.Satisfied);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    internal static RatingScale DecodeScale(JsonStateObject o)
    {
        var min = o.Int32("min");
        var max = o.Int32("max");
        o.End();
        var scale = RatingScale.TryCustom(min, max);
        return scale.Value ?? throw new StateFormatException(ProblemKind.InvalidValue, o.At, scale.Problems[0].Message);
    }

    internal static RatingSummary DecodeRatingSummary(JsonStateObject o) => DecodeHistogram(o, DecodeScale(o.Object("scale")));

    internal static RatingSummary DecodeHistogram(JsonStateObject o, RatingScale scale)
    {
        var histogram = o.Longs("histogram");
        return StateParts.Build(o.At, () => RatingSummary.FromHistogram(scale, histogram));
    }

    internal static WeightedRatingSummary DecodeWeightedRatingSummary(JsonStateObject o)
    {
        var scale = DecodeScale(o.Object("scale"));
        var count = o.Long("count");
        var sumOfWeights = o.Double("sumOfWeights");
        var sumOfSquaredWeights = o.Double("sumOfSquaredWeights");
        var mean = o.Double("mean");
        var m2 = o.Double("m2");
        var bins = o.Doubles("weightedHistogram");
        return StateParts.Build(o.At, () => WeightedRatingSummary.FromParts(scale, bins, count, sumOfWeights, sumOfSquaredWeights, mean, m2));
    }

    internal static MomentSummary DecodeMomentSummary(JsonStateObject o)
    {
        var count = o.Long("count");
        var mean = o.Double("mean");
        var m2 = o.Double("m2");
        return StateParts.Build(o.At, () => MomentSummary.FromParts(count, mean, m2));
    }

    internal static NpsCounts DecodeNpsCounts(JsonStateObject o)
    {
        var promoters = o.Long("promoters");
        var passives = o.Long("passives");
        var detractors = o.Long("detractors");
        return StateParts.Build(o.At, () => new NpsCounts(promoters, passives, detractors));
    }

    internal static TrendSummary DecodeTrendSummary(JsonStateObject o)
    {
        var count = o.Long("count");
        var meanDays = o.Double("meanDays");
        var meanScore = o.Double("meanScore");
        var ctt = o.Double("ctt");
        var cty = o.Double("cty");
        var cyy = o.Double("cyy");
        return StateParts.Build(o.At, () => TrendSummary.FromMoments(count, meanDays, meanScore, ctt, cty, cyy));
    }

    internal static CoMomentMatrix DecodeCoMomentMatrix(JsonStateObject o)
    {
        var dimensionCount = o.Int32("dimensionCount");
        var count = o.Long("count");
        var means = o.Doubles("means");
        var coMoments = o.Doubles("coMoments");
        return StateParts.Build(o.At, () => CoMomentMatrix.FromParts(dimensionCount, count, means, coMoments));
    }

    internal static SlaTally DecodeSlaTally(JsonStateObject o)
    {
        var decided = o.Long("decided");
        var breached = o.Long("breached");
        var inFlight = o.Long("inFlight");
        var atRisk = o.Long("atRisk");
        var unmatched = o.Long("unmatched");
        var unmeasured = o.Long("unmeasured");
        return StateParts.Build(o.At, () => SlaTally.FromParts(decided, breached, inFlight, atRisk, unmatched, unmeasured));
    }

    internal static CampaignSummary DecodeCampaignSummary(JsonStateObject o)
    {
        var campaign = StateParts.Id<CampaignId>(o.String("campaign"), o.At.Property("campaign"));
        var windowPart = o.Object("window");
        var window = StateParts.Window(windowPart.Instant("start"), windowPart.Instant("end"), windowPart.At);
        windowPart.End();

        var topBoxes = o.Int32("csatTopBoxes");
        var (array, at) = o.Array("relationships");
        var relationships = new List<RelationshipResponses>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            var item = new JsonStateObject(element, at.Element(relationships.Count));
            var provider = StateParts.Id<DepartmentId>(item.String("provider"), item.At.Property("provider"));
            var consumer = StateParts.Id<DepartmentId>(item.String("consumer"), item.At.Property("consumer"));
            var invited = item.Long("invited");
            var responses = item.Long("responses");
            var satisfied = item.Long("satisfied");
            item.End();
            relationships.Add(StateParts.Build(item.At, () => RelationshipResponses.Create(new Relationship(provider, consumer), invited, responses, satisfied)));
        }

        return StateParts.Build(o.At, () => CampaignSummary.FromParts(campaign, window, topBoxes, relationships));
    }

    private static void WriteDoubles(Utf8JsonWriter w, string name, ReadOnlySpan<double> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }
}
