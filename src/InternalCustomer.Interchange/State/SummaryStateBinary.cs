using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;

namespace InternalCustomer.Interchange.State;

/// <summary>
/// The compact binary form of summary state: every mergeable summary written as a small blob and read back exactly
/// (doubles bit for bit), so that it can be stored between runs or sent to another process and merged there.
/// </summary>
/// <remarks>
/// <para>A blob is a 12-byte header — the magic bytes <c>ICSS</c>, the format version (<see cref="FormatVersion"/>,
/// 16-bit little-endian), the type tag (16-bit) and the payload length (32-bit) — then the payload, then the CRC-32
/// (IEEE, as zlib) of everything before it, 32-bit little-endian. docs/scale-out.md gives the payload of every type.</para>
/// <para>The readers never throw for bad bytes: a blob that is truncated, of a newer format version, of another summary
/// type, corrupted (the checksum does not match) or whose parts cannot be a summary gives a failed result whose
/// <see cref="Problem"/> says what was expected and what came (<see cref="ProblemKind.MalformedInput"/>,
/// <see cref="ProblemKind.UnsupportedVersion"/>, <see cref="ProblemKind.WrongType"/>, <see cref="ProblemKind.InvalidValue"/>
/// or <see cref="ProblemKind.InvalidId"/>) — never a wrong summary.</para>
/// </remarks>
public static partial class SummaryStateBinary
{
    /// <summary>The format version this library writes, and the newest it reads.</summary>
    public const ushort FormatVersion = 1;

    internal const int HeaderLength = 12;

    internal const int ChecksumLength = 4;

    /// <summary>Gets the magic bytes every blob starts with: ASCII <c>ICSS</c>.</summary>
    internal static ReadOnlySpan<byte> Magic => "ICSS"u8;

    /// <summary>Writes the state of a rating summary: its scale and histogram (the moments follow from them).</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The blob.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(RatingSummary summary) => Blob(StateType.RatingSummary, summary, Encode).ToArray();

    /// <summary>Writes the state of a rating summary to <paramref name="output"/> (see <see cref="Write(RatingSummary)"/>).</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(RatingSummary summary, IBufferWriter<byte> output) => Copy(Blob(StateType.RatingSummary, summary, Encode), output);

    /// <summary>Reads the state of a rating summary.</summary>
    /// <param name="state">A blob written by <see cref="Write(RatingSummary)"/>.</param>
    /// <returns>The summary, or the problem with the blob.</returns>
    public static Result<RatingSummary> ReadRatingSummary(ReadOnlySpan<byte> state) => ReadClass(state, StateType.RatingSummary, DecodeRatingSummary);

    /// <summary>Writes the state of a weighted rating summary: scale, count, Σw, Σw², mean, M2 and weighted histogram.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The blob.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(WeightedRatingSummary summary) => Blob(StateType.WeightedRatingSummary, summary, Encode).ToArray();

    /// <summary>Writes the state of a weighted rating summary to <paramref name="output"/>.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(WeightedRatingSummary summary, IBufferWriter<byte> output) => Copy(Blob(StateType.WeightedRatingSummary, summary, Encode), output);

    /// <summary>Reads the state of a weighted rating summary.</summary>
    /// <param name="state">A blob written by <see cref="Write(WeightedRatingSummary)"/>.</param>
    /// <returns>The summary, or the problem with the blob.</returns>
    public static Result<WeightedRatingSummary> ReadWeightedRatingSummary(ReadOnlySpan<byte> state) =>
        ReadClass(state, StateType.WeightedRatingSummary, DecodeWeightedRatingSummary);

    /// <summary>Writes the state of a moment summary: count, mean and M2.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The blob.</returns>
    public static byte[] Write(MomentSummary summary) => Blob(StateType.MomentSummary, summary, Encode).ToArray();

    /// <summary>Writes the state of a moment summary to <paramref name="output"/>.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(MomentSummary summary, IBufferWriter<byte> output) => Copy(Blob(StateType.MomentSummary, summary, Encode), output);

    /// <summary>Reads the state of a moment summary.</summary>
    /// <param name="state">A blob written by <see cref="Write(MomentSummary)"/>.</param>
    /// <returns>The summary, or the problem with the blob.</returns>
    public static ValueResult<MomentSummary> ReadMomentSummary(ReadOnlySpan<byte> state) => ReadValue(state, StateType.MomentSummary, DecodeMomentSummary);

    /// <summary>Writes Net Promoter counts: promoters, passives and detractors.</summary>
    /// <param name="counts">The counts.</param>
    /// <returns>The blob.</returns>
    public static byte[] Write(NpsCounts counts) => Blob(StateType.NpsCounts, counts, Encode).ToArray();

    /// <summary>Writes Net Promoter counts to <paramref name="output"/>.</summary>
    /// <param name="counts">The counts.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(NpsCounts counts, IBufferWriter<byte> output) => Copy(Blob(StateType.NpsCounts, counts, Encode), output);

    /// <summary>Reads Net Promoter counts.</summary>
    /// <param name="state">A blob written by <see cref="Write(NpsCounts)"/>.</param>
    /// <returns>The counts, or the problem with the blob.</returns>
    public static ValueResult<NpsCounts> ReadNpsCounts(ReadOnlySpan<byte> state) => ReadValue(state, StateType.NpsCounts, DecodeNpsCounts);

    /// <summary>Writes the state of a trend summary: count, mean time, mean score and the three co-moments.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The blob.</returns>
    public static byte[] Write(TrendSummary summary) => Blob(StateType.TrendSummary, summary, Encode).ToArray();

    /// <summary>Writes the state of a trend summary to <paramref name="output"/>.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(TrendSummary summary, IBufferWriter<byte> output) => Copy(Blob(StateType.TrendSummary, summary, Encode), output);

    /// <summary>Reads the state of a trend summary.</summary>
    /// <param name="state">A blob written by <see cref="Write(TrendSummary)"/>.</param>
    /// <returns>The summary, or the problem with the blob.</returns>
    public static ValueResult<TrendSummary> ReadTrendSummary(ReadOnlySpan<byte> state) => ReadValue(state, StateType.TrendSummary, DecodeTrendSummary);

    /// <summary>Writes the state of a co-moment matrix: dimension count, count, means and the upper triangle of the
    /// (symmetric) co-moments.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The blob.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(CoMomentMatrix summary) => Blob(StateType.CoMomentMatrix, summary, Encode).ToArray();

    /// <summary>Writes the state of a co-moment matrix to <paramref name="output"/>.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(CoMomentMatrix summary, IBufferWriter<byte> output) => Copy(Blob(StateType.CoMomentMatrix, summary, Encode), output);

    /// <summary>Reads the state of a co-moment matrix.</summary>
    /// <param name="state">A blob written by <see cref="Write(CoMomentMatrix)"/>.</param>
    /// <returns>The summary, or the problem with the blob.</returns>
    public static Result<CoMomentMatrix> ReadCoMomentMatrix(ReadOnlySpan<byte> state) => ReadClass(state, StateType.CoMomentMatrix, DecodeCoMomentMatrix);

    /// <summary>Writes an SLA tally: decided, breached, in flight, at risk, unmatched and unmeasured.</summary>
    /// <param name="tally">The tally.</param>
    /// <returns>The blob.</returns>
    public static byte[] Write(SlaTally tally) => Blob(StateType.SlaTally, tally, Encode).ToArray();

    /// <summary>Writes an SLA tally to <paramref name="output"/>.</summary>
    /// <param name="tally">The tally.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(SlaTally tally, IBufferWriter<byte> output) => Copy(Blob(StateType.SlaTally, tally, Encode), output);

    /// <summary>Reads an SLA tally.</summary>
    /// <param name="state">A blob written by <see cref="Write(SlaTally)"/>.</param>
    /// <returns>The tally, or the problem with the blob.</returns>
    public static ValueResult<SlaTally> ReadSlaTally(ReadOnlySpan<byte> state) => ReadValue(state, StateType.SlaTally, DecodeSlaTally);

    /// <summary>Writes the state of a campaign summary: campaign id, window, top boxes and the counts per relationship.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The blob.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public static byte[] Write(CampaignSummary summary) => Blob(StateType.CampaignSummary, summary, Encode).ToArray();

    /// <summary>Writes the state of a campaign summary to <paramref name="output"/>.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where the blob goes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(CampaignSummary summary, IBufferWriter<byte> output) => Copy(Blob(StateType.CampaignSummary, summary, Encode), output);

    /// <summary>Reads the state of a campaign summary.</summary>
    /// <param name="state">A blob written by <see cref="Write(CampaignSummary)"/>.</param>
    /// <returns>The summary, or the problem with the blob.</returns>
    public static Result<CampaignSummary> ReadCampaignSummary(ReadOnlySpan<byte> state) => ReadClass(state, StateType.CampaignSummary, DecodeCampaignSummary);

    internal delegate T Decoder<out T>(ref BinaryStateReader reader, StatePlace at);

    internal static ReadOnlySpan<byte> Blob<T>(StateType type, T summary, Action<BinaryStateWriter, T> encode)
    {
        if (summary is null)
        {
            throw new ArgumentNullException(nameof(summary));
        }

        var writer = new BinaryStateWriter(type);
        encode(writer, summary);
        return writer.Finish();
    }

    internal static void Copy(ReadOnlySpan<byte> blob, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        blob.CopyTo(output.GetSpan(blob.Length));
        output.Advance(blob.Length);
    }

    internal static Result<T> ReadClass<T>(ReadOnlySpan<byte> state, StateType type, Decoder<T> decode)
        where T : class
    {
        try
        {
            return Result.Success(Decode(state, type, decode));
        }
        catch (StateFormatException e)
        {
            return Result.Failure<T>([e.Problem]);
        }
    }

    internal static ValueResult<T> ReadValue<T>(ReadOnlySpan<byte> state, StateType type, Decoder<T> decode)
        where T : struct
    {
        try
        {
            return ValueResult<T>.Success(Decode(state, type, decode));
        }
        catch (StateFormatException e)
        {
            return ValueResult<T>.Failure(e.Problem);
        }
    }

    /// <summary>Checks the header and the checksum, then decodes the payload to its end.</summary>
    /// <remarks>The payload is decoded without places first (see <see cref="StatePlace"/>); only when that fails is it
    /// decoded again with them, to locate the problem.</remarks>
    private static T Decode<T>(ReadOnlySpan<byte> state, StateType type, Decoder<T> decode)
    {
        var payload = Open(state, type);
        try
        {
            return DecodePayload(payload, decode, StatePlace.Unlocated);
        }
        catch (StateFormatException)
        {
            return DecodePayload(payload, decode, ProblemLocation.Root);
        }
    }

    private static T DecodePayload<T>(ReadOnlySpan<byte> payload, Decoder<T> decode, StatePlace root)
    {
        var reader = new BinaryStateReader(payload);
        var value = decode(ref reader, root);
        reader.End(root);
        return value;
    }

    private static ReadOnlySpan<byte> Open(ReadOnlySpan<byte> state, StateType expected)
    {
        var at = ProblemLocation.Root;
        var prefix = Math.Min(state.Length, Magic.Length);
        if (!state[..prefix].SequenceEqual(Magic[..prefix]))
        {
            throw new StateFormatException(
                ProblemKind.MalformedInput,
                at.Property("magic"),
                $"Expected a summary state starting with the bytes 'ICSS'; got {Convert.ToHexString(state[..prefix])}.");
        }

        if (state.Length < HeaderLength)
        {
            throw new StateFormatException(
                ProblemKind.MalformedInput,
                at,
                string.Create(CultureInfo.InvariantCulture, $"Expected a summary state of at least {HeaderLength + ChecksumLength} bytes; got {state.Length} (truncated)."));
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(state[4..]);
        if (version > FormatVersion)
        {
            throw new StateFormatException(
                ProblemKind.UnsupportedVersion,
                at.Property("version"),
                string.Create(CultureInfo.InvariantCulture, $"Expected a summary state of format version {FormatVersion} or older; got version {version}, written by a newer library."));
        }

        if (version == 0)
        {
            throw new StateFormatException(ProblemKind.MalformedInput, at.Property("version"), "Expected a format version from 1; got 0.");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(state[6..]);
        if (tag != (ushort)expected)
        {
            throw new StateFormatException(
                ProblemKind.WrongType,
                at.Property("type"),
                StateTypes.IsKnown(tag)
                    ? $"Expected the state of a {StateTypes.Describe(expected)}; got the state of a {StateTypes.Describe((StateType)tag)}."
                    : string.Create(CultureInfo.InvariantCulture, $"Expected the state of a {StateTypes.Describe(expected)} (type {(ushort)expected}); got the unknown type {tag}."));
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(state[8..]);
        var total = (long)HeaderLength + length + ChecksumLength;
        if (state.Length != total)
        {
            throw new StateFormatException(
                ProblemKind.MalformedInput,
                at.Property("length"),
                state.Length < total
                    ? string.Create(CultureInfo.InvariantCulture, $"Expected {total} bytes ({length} of payload); got {state.Length} (truncated).")
                    : string.Create(CultureInfo.InvariantCulture, $"Expected {total} bytes ({length} of payload); got {state.Length} (trailing bytes)."));
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(state[(int)(total - ChecksumLength)..]);
        var computed = Crc32.Compute(state[..(int)(total - ChecksumLength)]);
        if (stored != computed)
        {
            throw new StateFormatException(
                ProblemKind.MalformedInput,
                at.Property("checksum"),
                string.Create(CultureInfo.InvariantCulture, $"Expected the CRC-32 {computed:X8} of the bytes before it; got {stored:X8} (the state is corrupted)."));
        }

        return state.Slice(HeaderLength, (int)length);
    }

    internal static void Encode(BinaryStateWriter w, RatingScale scale)
    {
        w.Int(scale.Min);
        w.Int(scale.Max);
    }

    internal static void Encode(BinaryStateWriter w, RatingSummary summary)
    {
        Encode(w, summary.Scale);
        EncodeHistogram(w, summary);
    }

    /// <summary>The histogram alone, for summaries whose scale is fixed by their place (recommend 0–10, effort 1–7).</summary>
    internal static void EncodeHistogram(BinaryStateWriter w, RatingSummary summary)
    {
        foreach (var count in summary.Histogram)
        {
            w.Count(count);
        }
    }

    internal static void Encode(BinaryStateWriter w, WeightedRatingSummary summary)
    {
        Encode(w, summary.Scale);
        w.Count(summary.Count);
        w.Double(summary.SumOfWeights);
        w.Double(summary.SumOfSquaredWeights);
        w.Double(summary.Mean);
        w.Double(summary.M2);
        foreach (var weight in summary.WeightedHistogram)
        {
            w.Double(weight);
        }
    }

    internal static void Encode(BinaryStateWriter w, MomentSummary summary)
    {
        w.Count(summary.Count);
        w.Double(summary.Mean);
        w.Double(summary.M2);
    }

    internal static void Encode(BinaryStateWriter w, NpsCounts counts)
    {
        w.Count(counts.Promoters);
        w.Count(counts.Passives);
        w.Count(counts.Detractors);
    }

    internal static void Encode(BinaryStateWriter w, TrendSummary summary)
    {
        w.Count(summary.Count);
        w.Double(summary.MeanDays);
        w.Double(summary.MeanScore);
        w.Double(summary.Ctt);
        w.Double(summary.Cty);
        w.Double(summary.Cyy);
    }

    internal static void Encode(BinaryStateWriter w, CoMomentMatrix summary)
    {
        w.Count(summary.DimensionCount);
        w.Count(summary.Count);
        foreach (var mean in summary.Means)
        {
            w.Double(mean);
        }

        var p = summary.DimensionCount + 1;
        var coMoments = summary.CoMoments;
        for (var i = 0; i < p; i++)
        {
            for (var j = i; j < p; j++)
            {
                w.Double(coMoments[(i * p) + j]);
            }
        }
    }

    internal static void Encode(BinaryStateWriter w, SlaTally tally)
    {
        w.Count(tally.Decided);
        w.Count(tally.Breached);
        w.Count(tally.InFlight);
        w.Count(tally.AtRisk);
        w.Count(tally.Unmatched);
        w.Count(tally.Unmeasured);
    }

    internal static void Encode(BinaryStateWriter w, CampaignSummary summary)
    {
        w.String(summary.Campaign.Value);
        w.Instant(summary.Window.Start);
        w.Instant(summary.Window.End);
        w.Count(summary.CsatTopBoxes);
        w.Count(summary.Relationships.Length);
        foreach (var r in summary.Relationships)
        {
            w.String(r.Relationship.Provider.Value);
            w.String(r.Relationship.Consumer.Value);
            w.Count(r.Invited);
            w.Count(r.Responses);
            w.Count(r.Satisfied);
        }
    }

    internal static RatingScale DecodeScale(ref BinaryStateReader r, StatePlace at)
    {
        var min = r.Int32(at.Property("min"));
        var max = r.Int32(at.Property("max"));
        var scale = RatingScale.TryCustom(min, max);
        return scale.Value ?? throw new StateFormatException(ProblemKind.InvalidValue, at, scale.Problems[0].Message);
    }

    internal static RatingSummary DecodeRatingSummary(ref BinaryStateReader r, StatePlace at) =>
        DecodeHistogram(ref r, at, DecodeScale(ref r, at.Property("scale")));

    internal static RatingSummary DecodeHistogram(ref BinaryStateReader r, StatePlace at, RatingScale scale)
    {
        var histogram = new long[scale.Points];
        var place = at.Property("histogram");
        for (var i = 0; i < histogram.Length; i++)
        {
            histogram[i] = r.Count(place.Element(i));
        }

        return StateParts.Build(at, (scale, histogram), static p => RatingSummary.FromHistogram(p.scale, p.histogram));
    }

    internal static WeightedRatingSummary DecodeWeightedRatingSummary(ref BinaryStateReader r, StatePlace at)
    {
        var scale = DecodeScale(ref r, at.Property("scale"));
        var count = r.Count(at.Property("count"));
        var sumOfWeights = r.Double(at.Property("sumOfWeights"));
        var sumOfSquaredWeights = r.Double(at.Property("sumOfSquaredWeights"));
        var mean = r.Double(at.Property("mean"));
        var m2 = r.Double(at.Property("m2"));
        var bins = new double[scale.Points];
        var place = at.Property("weightedHistogram");
        for (var i = 0; i < bins.Length; i++)
        {
            bins[i] = r.Double(place.Element(i));
        }

        return StateParts.Build(at, () => WeightedRatingSummary.FromParts(scale, bins, count, sumOfWeights, sumOfSquaredWeights, mean, m2));
    }

    internal static MomentSummary DecodeMomentSummary(ref BinaryStateReader r, StatePlace at)
    {
        var count = r.Count(at.Property("count"));
        var mean = r.Double(at.Property("mean"));
        var m2 = r.Double(at.Property("m2"));
        return StateParts.Build(at, () => MomentSummary.FromParts(count, mean, m2));
    }

    internal static NpsCounts DecodeNpsCounts(ref BinaryStateReader r, StatePlace at)
    {
        var promoters = r.Count(at.Property("promoters"));
        var passives = r.Count(at.Property("passives"));
        var detractors = r.Count(at.Property("detractors"));
        return StateParts.Build(at, () => new NpsCounts(promoters, passives, detractors));
    }

    internal static TrendSummary DecodeTrendSummary(ref BinaryStateReader r, StatePlace at)
    {
        var count = r.Count(at.Property("count"));
        var meanDays = r.Double(at.Property("meanDays"));
        var meanScore = r.Double(at.Property("meanScore"));
        var ctt = r.Double(at.Property("ctt"));
        var cty = r.Double(at.Property("cty"));
        var cyy = r.Double(at.Property("cyy"));
        return StateParts.Build(at, () => TrendSummary.FromMoments(count, meanDays, meanScore, ctt, cty, cyy));
    }

    internal static CoMomentMatrix DecodeCoMomentMatrix(ref BinaryStateReader r, StatePlace at)
    {
        // Each variable takes at least 8 bytes of means and 8 of co-moments: a larger dimension count cannot fit.
        var dimensionCount = r.Length(at.Property("dimensionCount"), r.Remaining / 16);
        var count = r.Count(at.Property("count"));
        var p = dimensionCount + 1;
        if ((long)p * (p + 3) / 2 * 8 > r.Remaining)
        {
            throw new StateFormatException(
                ProblemKind.MalformedInput,
                at.Property("dimensionCount"),
                string.Create(CultureInfo.InvariantCulture, $"Expected {(long)p * (p + 3) / 2 * 8} bytes of means and co-moments for {dimensionCount} dimensions; got {r.Remaining}."));
        }

        var means = new double[p];
        var place = at.Property("means");
        for (var i = 0; i < p; i++)
        {
            means[i] = r.Double(place.Element(i));
        }

        var coMoments = new double[p * p];
        place = at.Property("coMoments");
        for (var i = 0; i < p; i++)
        {
            for (var j = i; j < p; j++)
            {
                coMoments[(i * p) + j] = coMoments[(j * p) + i] = r.Double(place.Element((i * p) + j));
            }
        }

        return StateParts.Build(at, () => CoMomentMatrix.FromParts(dimensionCount, count, means, coMoments));
    }

    internal static SlaTally DecodeSlaTally(ref BinaryStateReader r, StatePlace at)
    {
        var decided = r.Count(at.Property("decided"));
        var breached = r.Count(at.Property("breached"));
        var inFlight = r.Count(at.Property("inFlight"));
        var atRisk = r.Count(at.Property("atRisk"));
        var unmatched = r.Count(at.Property("unmatched"));
        var unmeasured = r.Count(at.Property("unmeasured"));
        return StateParts.Build(at, (decided, breached, inFlight, atRisk, unmatched, unmeasured), static p => SlaTally.FromParts(p.decided, p.breached, p.inFlight, p.atRisk, p.unmatched, p.unmeasured));
    }

    internal static CampaignSummary DecodeCampaignSummary(ref BinaryStateReader r, StatePlace at)
    {
        var campaign = StateParts.Id<CampaignId>(r.String(at.Property("campaign")), at.Property("campaign"));
        var start = r.Instant(at.Property("window").Property("start"));
        var window = StateParts.Window(start, r.Instant(at.Property("window").Property("end")), at.Property("window"));

        var topBoxes = r.Length(at.Property("csatTopBoxes"), int.MaxValue);

        // Each relationship takes at least 5 bytes (two id lengths and three counts).
        var place = at.Property("relationships");
        var n = r.Length(place, r.Remaining / 5);
        var relationships = new RelationshipResponses[n];
        for (var i = 0; i < n; i++)
        {
            var item = place.Element(i);
            var provider = StateParts.Id<DepartmentId>(r.String(item.Property("provider")), item.Property("provider"));
            var consumer = StateParts.Id<DepartmentId>(r.String(item.Property("consumer")), item.Property("consumer"));
            var invited = r.Count(item.Property("invited"));
            var responses = r.Count(item.Property("responses"));
            var satisfied = r.Count(item.Property("satisfied"));
            relationships[i] = StateParts.Build(item, () => RelationshipResponses.Create(new Relationship(provider, consumer), invited, responses, satisfied));
        }

        return StateParts.Build(at, () => CampaignSummary.FromParts(campaign, window, topBoxes, relationships));
    }
}
