using System.Numerics;

namespace InternalCustomer.Feedback.Statistics;

/// <summary>A signed 192-bit integer held as <c>High·2^128 + Low</c> (<see cref="Low"/> unsigned): wide enough for a
/// sum of up to 2^63 terms of up to 2^127 each (the squared ticks and the tick–score products of <see cref="TrendTally"/>),
/// added without allocating.</summary>
internal readonly record struct Int192(UInt128 Low, long High)
{
    private static readonly BigInteger MinValue = -(BigInteger.One << 191);
    private static readonly BigInteger MaxValue = (BigInteger.One << 191) - 1;

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

    internal BigInteger ToBigInteger() => ((BigInteger)High << 128) + (BigInteger)Low;

    /// <summary>The 192-bit integer of a value, or <see langword="false"/> when it does not fit.</summary>
    internal static bool TryFrom(BigInteger value, out Int192 result)
    {
        if (value < MinValue || value > MaxValue)
        {
            result = default;
            return false;
        }

        var high = value >> 128; // floor division: value = high·2^128 + low with 0 ≤ low < 2^128
        var low = value - (high << 128);
        result = new Int192((UInt128)low, (long)high);
        return true;
    }
}
