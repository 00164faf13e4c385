namespace InternalCustomer.Interchange;

/// <summary>Reads a stream to its end into memory.</summary>
/// <remarks>A stream positioned at or after its end gives no bytes (a <see cref="MemoryStream"/> may be positioned
/// beyond its length), so the reader sees an empty document; the position is never moved backwards.</remarks>
internal static class StreamBytes
{
    internal static ReadOnlyMemory<byte> ReadAll(Stream stream)
    {
        if (TryMemory(stream, out var bytes))
        {
            return bytes;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

    /// <summary>Reads a stream to its end with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only (a web
    /// host's request body forbids synchronous reads), so the bytes are those <see cref="ReadAll"/> gives.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    internal static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (TryMemory(stream, out var bytes))
        {
            return bytes;
        }

        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

    /// <summary>The rest of a memory stream's buffer without copying (moving the stream to its end).</summary>
    private static bool TryMemory(Stream stream, out ReadOnlyMemory<byte> bytes)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            // Position may lie beyond Length (MemoryStream allows it); that is the end, so nothing is left to read.
            var start = (int)Math.Min(memory.Position, buffer.Count);
            if (memory.Position < memory.Length)
            {
                memory.Position = memory.Length;
            }

            bytes = buffer.AsMemory(start);
            return true;
        }

        bytes = default;
        return false;
    }
}
