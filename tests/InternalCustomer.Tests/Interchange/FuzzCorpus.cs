using System.Buffers.Binary;
using System.Collections.Immutable;
using InternalCustomer.Interchange.State;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// The seed corpus of the fuzzing harness (tests/InternalCustomer.Fuzz/corpus/&lt;target&gt;/, copied beside the tests under
/// <c>FuzzCorpus/</c>) and the summary-state readers the state targets call: the mutation tests mutate these seeds, and
/// <see cref="FuzzCorpusTests"/> checks that every seed is a valid document for its target.
/// </summary>
public static class FuzzCorpus
{
    /// <summary>Gets every summary-state reader of the binary form, as (success, problems).</summary>
    public static ImmutableArray<Func<byte[], (bool IsSuccess, ImmutableArray<Problem> Problems)>> BinaryStateReaders { get; } =
    [
        b => Of(SummaryStateBinary.ReadRatingSummary(b)),
        b => Of(SummaryStateBinary.ReadWeightedRatingSummary(b)),
        b => Of(SummaryStateBinary.ReadMomentSummary(b)),
        b => Of(SummaryStateBinary.ReadNpsCounts(b)),
        b => Of(SummaryStateBinary.ReadTrendSummary(b)),
        b => Of(SummaryStateBinary.ReadCoMomentMatrix(b)),
        b => Of(SummaryStateBinary.ReadSlaTally(b)),
        b => Of(SummaryStateBinary.ReadCampaignSummary(b)),
        b => Of(SummaryStateBinary.ReadFeedbackSummary(b)),
        b => Of(SummaryStateBinary.ReadServqualSummary(b)),
        b => Of(SummaryStateBinary.ReadTrendTally(b)),
        b => Of(SummaryStateBinary.ReadScorecardState(b)),
    ];

    /// <summary>Gets every summary-state reader of the JSON form, as (success, problems).</summary>
    public static ImmutableArray<Func<byte[], (bool IsSuccess, ImmutableArray<Problem> Problems)>> JsonStateReaders { get; } =
    [
        b => Of(SummaryStateJson.ReadRatingSummary(b)),
        b => Of(SummaryStateJson.ReadWeightedRatingSummary(b)),
        b => Of(SummaryStateJson.ReadMomentSummary(b)),
        b => Of(SummaryStateJson.ReadNpsCounts(b)),
        b => Of(SummaryStateJson.ReadTrendSummary(b)),
        b => Of(SummaryStateJson.ReadCoMomentMatrix(b)),
        b => Of(SummaryStateJson.ReadSlaTally(b)),
        b => Of(SummaryStateJson.ReadCampaignSummary(b)),
        b => Of(SummaryStateJson.ReadFeedbackSummary(b)),
        b => Of(SummaryStateJson.ReadServqualSummary(b)),
        b => Of(SummaryStateJson.ReadTrendTally(b)),
        b => Of(SummaryStateJson.ReadScorecardState(b)),
    ];

    /// <summary>The seed files of one target, in ordinal order of name.</summary>
    /// <param name="target">The target (the folder's name).</param>
    /// <returns>The paths.</returns>
    public static string[] Files(string target) =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", target)).Order(StringComparer.Ordinal)];

    /// <summary>The seeds of one target.</summary>
    /// <param name="target">The target (the folder's name).</param>
    /// <returns>Their bytes.</returns>
    public static byte[][] Seeds(string target) => [.. Files(target).Select(File.ReadAllBytes)];

    /// <summary>
    /// A copy of a binary state whose payload length (bytes 8–11) and checksum (the last four bytes) are set to what the
    /// rest of it makes right, as the fuzzing harness's <c>state-binary</c> target reads every input a second time.
    /// </summary>
    /// <param name="blob">A blob, maybe mutated.</param>
    /// <returns>The framed copy, or <see langword="null"/> for a blob shorter than a header and a checksum.</returns>
    public static byte[]? Framed(byte[] blob)
    {
        if (blob.Length < 16)
        {
            return null;
        }

        var framed = (byte[])blob.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(framed.AsSpan(8), (uint)(framed.Length - 16));
        BinaryPrimitives.WriteUInt32LittleEndian(framed.AsSpan(framed.Length - 4), Crc32.Compute(framed.AsSpan(0, framed.Length - 4)));
        return framed;
    }

    private static (bool, ImmutableArray<Problem>) Of<T>(Result<T> result)
        where T : class => (result.IsSuccess, result.Problems);

    private static (bool, ImmutableArray<Problem>) Of<T>(ValueResult<T> result)
        where T : struct => (result.IsSuccess, result.Problems);
}
