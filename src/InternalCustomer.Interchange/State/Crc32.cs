namespace InternalCustomer.Interchange.State;

/// <summary>CRC-32 as in zlib, PNG and Ethernet (IEEE 802.3: reflected polynomial 0xEDB88320, initial value and final
/// XOR 0xFFFFFFFF); the check value of the ASCII bytes <c>123456789</c> is 0xCBF43926.</summary>
/// <remarks>Slicing-by-4 over a table of 4 × 256 entries.</remarks>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    internal static uint Compute(ReadOnlySpan<byte> data)
    {
        var table = Table;
        var crc = 0xFFFFFFFFu;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            crc ^= (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            crc = table[(3 * 256) + (crc & 0xFF)]
                ^ table[(2 * 256) + ((crc >> 8) & 0xFF)]
                ^ table[256 + ((crc >> 16) & 0xFF)]
                ^ table[crc >> 24];
        }

        for (; i < data.Length; i++)
        {
            crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[4 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (var n = 0; n < 256; n++)
        {
            for (var s = 1; s < 4; s++)
            {
                var previous = table[((s - 1) * 256) + n];
                table[(s * 256) + n] = table[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return table;
    }
}
