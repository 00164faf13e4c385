namespace InternalCustomer.Interchange;

/// <summary>Reads a stream to its end into memory.</summary>
internal static class StreamBytes
{
    internal static ReadOnlyMemory<byte> ReadAll(Stream stream)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var start = (int)memory.Position;
            memory.Position = memory.Length;
            return buffer.AsMemory(start);
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }
}
