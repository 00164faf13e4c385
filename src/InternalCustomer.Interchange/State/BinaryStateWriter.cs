using System.Buffers.Binary;
using System.Text;
using NodaTime;

namespace InternalCustomer.Interchange.State;

/// <summary>Builds one binary state blob in a growing array: the header, the payload, then the CRC-32.</summary>
/// <remarks>Integers that cannot be negative are unsigned LEB128 varints; signed ones are zigzag varints; doubles are
/// 8 bytes of IEEE 754 binary64, little-endian; strings are a varint byte count and UTF-8.</remarks>
internal sealed class BinaryStateWriter
{
    private byte[] _buffer;
    private int _length;

    internal BinaryStateWriter(StateType type, int capacity = 64)
    {
        _buffer = new byte[Math.Max(capacity, SummaryStateBinary.HeaderLength + SummaryStateBinary.ChecksumLength)];
        SummaryStateBinary.Magic.CopyTo(_buffer);
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(4), SummaryStateBinary.FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(6), (ushort)type);
        _length = SummaryStateBinary.HeaderLength;
    }

    internal void UInt(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
    }

    internal void Count(long value) => UInt((ulong)value);

    internal void Int(long value) => UInt((ulong)((value << 1) ^ (value >> 63)));

    internal void Double(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    internal void Bool(bool value)
    {
        Ensure(1);
        _buffer[_length++] = value ? (byte)1 : (byte)0;
    }

    internal void String(string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        UInt((ulong)bytes);
        Ensure(bytes);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    /// <summary>An instant as whole days since the Unix epoch (zigzag) and the nanosecond of that day: exact over
    /// NodaTime's whole range.</summary>
    /// <summary>A signed integer of any size: its byte count (varint), then its two's-complement bytes, little-endian.</summary>
    internal void Big(System.Numerics.BigInteger value)
    {
        var count = value.GetByteCount();
        UInt((ulong)count);
        Ensure(count);
        value.TryWriteBytes(_buffer.AsSpan(_length, count), out var written);
        _length += written;
    }

    /// <summary>A 128-bit integer in the form of <see cref="Big"/> (the same bytes a BigInteger of its value gives),
    /// without a BigInteger.</summary>
    internal void Int128(Int128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt128LittleEndian(bytes, value);
        var sign = value < 0 ? (byte)0xFF : (byte)0;
        var count = 16;
        while (count > 1 && bytes[count - 1] == sign && (bytes[count - 2] & 0x80) == (sign & 0x80))
        {
            count--;
        }

        UInt((ulong)count);
        Ensure(count);
        bytes[..count].CopyTo(_buffer.AsSpan(_length));
        _length += count;
    }

    internal void Instant(Instant value)
    {
        var sinceEpoch = value - NodaConstants.UnixEpoch;
        Int(sinceEpoch.Days);
        UInt((ulong)sinceEpoch.NanosecondOfDay);
    }

    /// <summary>Closes the blob: the payload length in the header, the CRC-32 at the end.</summary>
    internal ReadOnlySpan<byte> Finish()
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(8), (uint)(_length - SummaryStateBinary.HeaderLength));
        Ensure(SummaryStateBinary.ChecksumLength);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), Crc32.Compute(_buffer.AsSpan(0, _length)));
        _length += SummaryStateBinary.ChecksumLength;
        return _buffer.AsSpan(0, _length);
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
