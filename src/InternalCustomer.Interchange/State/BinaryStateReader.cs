using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using NodaTime;

namespace InternalCustomer.Interchange.State;

/// <summary>Reads the payload of one binary state blob whose header and checksum have been checked; every read checks
/// the bytes left and throws <see cref="StateFormatException"/> (caught by the public reader) at the first problem.</summary>
internal ref struct BinaryStateReader
{
    private readonly ReadOnlySpan<byte> _payload;
    private int _position;

    internal BinaryStateReader(ReadOnlySpan<byte> payload)
    {
        _payload = payload;
        _position = 0;
    }

    internal readonly int Remaining => _payload.Length - _position;

    internal ulong UInt(StatePlace at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (_position >= _payload.Length)
            {
                throw Truncated(at);
            }

            var b = _payload[_position++];
            if (shift == 63 && b > 1)
            {
                throw new StateFormatException(ProblemKind.MalformedInput, at, "Expected a varint of at most 64 bits; got a longer one.");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    /// <summary>A non-negative count (at most <see cref="long.MaxValue"/>).</summary>
    internal long Count(StatePlace at)
    {
        var value = UInt(at);
        return value <= long.MaxValue
            ? (long)value
            : throw new StateFormatException(ProblemKind.InvalidValue, at, string.Create(CultureInfo.InvariantCulture, $"Expected a count of at most {long.MaxValue}; got {value}."));
    }

    /// <summary>A length of something held in memory: at most <paramref name="max"/>.</summary>
    internal int Length(StatePlace at, long max)
    {
        var value = UInt(at);
        return value <= (ulong)Math.Min(max, int.MaxValue)
            ? (int)value
            : throw new StateFormatException(ProblemKind.InvalidValue, at, string.Create(CultureInfo.InvariantCulture, $"Expected a length of at most {Math.Min(max, int.MaxValue)}; got {value}."));
    }

    /// <summary>
    /// The length of the run of bytes that follows it: at most <paramref name="max"/>, and at most the bytes left once the
    /// length itself has been read (a bound taken before reading it counted the length's own bytes, so a run that reached
    /// past the payload's end by up to nine bytes got through to the slice, which threw).
    /// </summary>
    private int ByteLength(StatePlace at, int max)
    {
        var length = Length(at, max);
        return length <= Remaining
            ? length
            : throw new StateFormatException(
                ProblemKind.MalformedInput,
                at,
                string.Create(CultureInfo.InvariantCulture, $"Expected {length} bytes at payload offset {_position}; the payload ends after {_payload.Length} bytes."));
    }

    internal long Int(StatePlace at)
    {
        var value = UInt(at);
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    internal int Int32(StatePlace at)
    {
        var value = Int(at);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new StateFormatException(ProblemKind.InvalidValue, at, string.Create(CultureInfo.InvariantCulture, $"Expected a 32-bit integer; got {value}."));
    }

    internal double Double(StatePlace at)
    {
        if (Remaining < 8)
        {
            throw Truncated(at);
        }

        var value = BinaryPrimitives.ReadDoubleLittleEndian(_payload[_position..]);
        _position += 8;
        return value;
    }

    internal bool Bool(StatePlace at)
    {
        if (Remaining < 1)
        {
            throw Truncated(at);
        }

        return _payload[_position++] switch
        {
            0 => false,
            1 => true,
            var b => throw new StateFormatException(ProblemKind.MalformedInput, at, string.Create(CultureInfo.InvariantCulture, $"Expected a flag byte 0 or 1; got {b}.")),
        };
    }

    internal string String(StatePlace at)
    {
        var length = ByteLength(at, int.MaxValue);
        var bytes = _payload.Slice(_position, length);
        if (!Utf8.IsValid(bytes))
        {
            throw new StateFormatException(ProblemKind.MalformedInput, at, "Expected UTF-8 text; got bytes that are not UTF-8.");
        }

        _position += length;
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A signed integer written by <c>BinaryStateWriter.Big</c>, of at most <paramref name="maxBytes"/> bytes.</summary>
    internal System.Numerics.BigInteger Big(StatePlace at, int maxBytes)
    {
        var length = ByteLength(at, maxBytes);
        var value = new System.Numerics.BigInteger(_payload.Slice(_position, length));
        _position += length;
        return value;
    }

    /// <summary>A signed integer written by <c>BinaryStateWriter.Big</c> that fits 128 bits, read without a BigInteger;
    /// one of more than 16 bytes is an <see cref="ProblemKind.InvalidValue"/>.</summary>
    internal Int128 Int128(StatePlace at)
    {
        var length = ByteLength(at, int.MaxValue);
        if (length > 16)
        {
            // Said by its size: a crafted field of a megabyte must not be turned into a million-digit message.
            throw new StateFormatException(ProblemKind.InvalidValue, at, string.Create(CultureInfo.InvariantCulture, $"Expected a 128-bit integer (at most 16 bytes); got one of {length} bytes."));
        }

        Span<byte> bytes = stackalloc byte[16];
        var source = _payload.Slice(_position, length);
        bytes.Fill(length > 0 && (sbyte)source[^1] < 0 ? (byte)0xFF : (byte)0);
        source.CopyTo(bytes);
        _position += length;
        return BinaryPrimitives.ReadInt128LittleEndian(bytes);
    }

    internal Instant Instant(StatePlace at)
    {
        var days = Int(at);
        var nanosecondOfDay = UInt(at);
        // Days far outside the range are refused before any instant is built from them.
        if (nanosecondOfDay >= (ulong)NodaConstants.NanosecondsPerDay
            || days < (SupportedRange.MinInstant - NodaConstants.UnixEpoch).Days
            || days > (SupportedRange.ComputationLimit - NodaConstants.UnixEpoch).Days
            || !NodaText.IsStateInstant(NodaConstants.UnixEpoch + Duration.FromDays((int)days) + Duration.FromNanoseconds((long)nanosecondOfDay)))
        {
            throw new StateFormatException(
                ProblemKind.InvalidValue,
                at,
                string.Create(CultureInfo.InvariantCulture, $"Expected an instant {NodaText.StateInstantRange}; got day {days}, nanosecond {nanosecondOfDay}."));
        }

        return NodaConstants.UnixEpoch + Duration.FromDays((int)days) + Duration.FromNanoseconds((long)nanosecondOfDay);
    }

    /// <summary>Throws unless the payload has been read to its end.</summary>
    internal readonly void End(StatePlace at)
    {
        if (Remaining != 0)
        {
            throw new StateFormatException(
                ProblemKind.MalformedInput,
                at,
                string.Create(CultureInfo.InvariantCulture, $"Expected the payload to end after {_position} bytes; got {Remaining} more."));
        }
    }

    private readonly StateFormatException Truncated(StatePlace at) =>
        new(ProblemKind.MalformedInput, at, string.Create(CultureInfo.InvariantCulture, $"Expected more bytes at payload offset {_position}; the payload ends after {_payload.Length} bytes."));
}
