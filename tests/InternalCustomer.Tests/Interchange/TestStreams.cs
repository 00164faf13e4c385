namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// A stream as a web host's request body or a socket gives it: not seekable (<see cref="Length"/> and
/// <see cref="Position"/> throw), synchronous reads forbidden (they throw, as ASP.NET Core's do by default), and each
/// asynchronous read yields first and returns a small random number of bytes; optionally it fails with an
/// <see cref="IOException"/> once <c>failAfter</c> bytes have been given, as a dropped connection does.
/// </summary>
internal sealed class NetworkLikeStream : Stream
{
    private readonly Func<int, byte[]?> _next;
    private readonly Random _random;
    private readonly int _maxChunk;
    private readonly long? _failAfter;
    private byte[] _pending = [];
    private int _offset;

    internal NetworkLikeStream(byte[] data, int seed, int maxChunk = 7, long? failAfter = null)
        : this(i => i == 0 ? data : null, seed, maxChunk, failAfter)
    {
    }

    /// <summary>A stream of the blocks <paramref name="next"/> makes one after the other (block i, until it gives null).</summary>
    internal NetworkLikeStream(Func<int, byte[]?> next, int seed, int maxChunk, long? failAfter = null)
    {
        _next = next;
        _random = new Random(seed);
        _maxChunk = maxChunk;
        _failAfter = failAfter;
    }

    /// <summary>Gets the bytes given out so far.</summary>
    internal long Given { get; private set; }

    /// <summary>Gets the exception thrown when the connection dropped, if it did.</summary>
    internal IOException? Dropped { get; private set; }

    /// <summary>Gets the blocks made so far.</summary>
    internal int Blocks { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A network stream has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("A network stream has no position.");
        set => throw new NotSupportedException("A network stream has no position.");
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override int Read(Span<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override int ReadByte() => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        if (_failAfter is { } limit && Given >= limit)
        {
            Dropped = new IOException("The connection was reset by the peer.");
            throw Dropped;
        }

        while (_offset == _pending.Length)
        {
            if (_next(Blocks) is not { } block)
            {
                return 0;
            }

            Blocks++;
            _pending = block;
            _offset = 0;
        }

        var count = Math.Min(Math.Min(buffer.Length, _random.Next(1, _maxChunk + 1)), _pending.Length - _offset);
        if (_failAfter is { } cut)
        {
            count = (int)Math.Max(1, Math.Min(count, cut - Given));
        }

        _pending.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        Given += count;
        return count;
    }

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
