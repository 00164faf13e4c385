using System.Buffers.Binary;
using InternalCustomer.Interchange.State;

namespace InternalCustomer.Fuzz;

/// <summary>
/// The binary state's framing: a 12-byte header whose last field is the payload length, and a trailer that is the CRC-32
/// of everything before it. A mutated blob almost never carries a matching length and checksum, so the fuzzer would
/// seldom get past them into the decoders; the <c>state-binary</c> target therefore reads every input a second time
/// with both made right (the length from the input's size, the checksum by the reader's own CRC-32).
/// </summary>
internal static class SummaryStateFraming
{
    /// <summary>The fewest bytes a framed blob has: the header and the trailer around an empty payload.</summary>
    internal const int MinimumLength = SummaryStateBinary.HeaderLength + SummaryStateBinary.ChecksumLength;

    /// <summary>Rewrites the payload length and the trailer of <paramref name="blob"/> so that its framing is right.</summary>
    /// <param name="blob">A blob of at least <see cref="MinimumLength"/> bytes.</param>
    internal static void Frame(Span<byte> blob)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(blob[(SummaryStateBinary.HeaderLength - 4)..], (uint)(blob.Length - MinimumLength));
        var trailer = blob.Length - SummaryStateBinary.ChecksumLength;
        BinaryPrimitives.WriteUInt32LittleEndian(blob[trailer..], Crc32.Compute(blob[..trailer]));
    }
}
