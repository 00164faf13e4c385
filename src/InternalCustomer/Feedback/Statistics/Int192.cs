using System.Numerics;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>A signed 192-bit integer held as <c>High·2^128 + Low</c> (<see cref="Low"/> unsigned): wide enough for a
/// sum of up to 2^63 terms of up to 2^127 each (the squared ticks and the tick–score products of <see cref="TrendTally"/>),
/// added without allocating.</summary>
internal readonly record struct Int192(UInt128 Low, long High)
{
    /// <summary>The sum with a signed 128-bit term (sign-extended to 192 bits).</summary>
    internal Int192 Add(Int128 term)
    {
        var low = Low + (UInt128)term;
        var carry = low < Low ? 1L : 0L;
        return new Int192(low, High + carry + (Int128.IsNegative(term) ? -1L : 0L));
    }

    /// <summary>The sum of two 192-bit integers (no overflow within the range the tally can reach).</summary>
    internal Int192 Add(Int192 other)
    {
        var low = Low + other.Low;
        var carry = low < Low ? 1L : 0L;
        return new Int192(low, High + other.High + carry);
    }

    internal BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[24];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bytes, Low);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes[16..], High);
        return new BigInteger(bytes);
    }

    /// <summary>The 192-bit integer of a value, or <see langword="false"/> when it does not fit. Without allocating:
    /// the value's two's-complement bytes, sign-extended to 24.</summary>
    internal static bool TryFrom(BigInteger value, out Int192 result)
    {
        Span<byte> bytes = stackalloc byte[24];
        if (value.GetByteCount() > 24 || !value.TryWriteBytes(bytes, out var written))
        {
            result = default;
            return false;
        }

        bytes[written..].Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        result = new Int192(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]));
        return true;
    }
}
