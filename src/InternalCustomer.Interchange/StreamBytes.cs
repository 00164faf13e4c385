namespace InternalCustomer.Interchange;

/// <summary>Reads a stream to its end into memory.</summary>
/// <remarks>A stream positioned at or after its end gives no bytes (a <see cref="MemoryStream"/> may be positioned
/// beyond its length), so the reader sees an empty document; the position is never moved backwards.</remarks>
internal static class StreamBytes
{
    internal static ReadOnlyMemory<byte> ReadAll(Stream stream)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            // Position may lie beyond Length (MemoryStream allows it); that is the end, so nothing is left to read.
            var start = (int)Math.Min(memory.Position, buffer.Count);
            if (memory.Position < memory.Length)
            {
                memory.Position = memory.Length;
            }

            return buffer.AsMemory(start);
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }
}
