using System.Buffers;
using System.Text.Unicode;
using InternalCustomer.Interchange.Json;

namespace InternalCustomer.Interchange;

/// <summary>
/// The bytes of a stream read so far and not yet used, refilled with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/>
/// only: a leading byte-order mark dropped, every byte checked as UTF-8 as it comes (the first bad byte is reported as
/// the synchronous readers report it, and nothing from it on is given out), and the lines counted so that an offset of the
/// document can be said as its line and column after the bytes before it are gone.
/// </summary>
/// <remarks>The window holds the bytes from the oldest one its reader still needs (the start of the record being read)
/// to the end of what has been read; it grows only when one record is longer than it.</remarks>
internal sealed class Utf8Window
{
    internal const int InitialSize = 16 * 1024;

    /// <summary>The length (bytes or characters) past which a record or token still incomplete waits for as much again before
    /// it is read again from its start.</summary>
    internal const int LongPart = 4096;

    private readonly Stream _stream;
    private byte[] _buffer;
    private char[] _scratch = [];
    private int _start;
    private int _valid;
    private int _end;
    private int _newlines;
    private long _lastNewline = -1;
    private bool _begun;
    private bool _eof;

    internal Utf8Window(Stream stream, int initialSize = InitialSize)
    {
        _stream = stream;
        _buffer = new byte[Math.Max(initialSize, 4)];
    }

    /// <summary>Gets the document offset (bytes after a byte-order mark) of the first byte held.</summary>
    internal long StartOffset { get; private set; }

    /// <summary>Gets the last byte other than white space before the bytes held, or <see langword="null"/>.</summary>
    internal byte? SignificantBefore { get; private set; }

    /// <summary>Gets the checked bytes held: those from <see cref="StartOffset"/> up to the first one not yet known to be UTF-8.</summary>
    internal ReadOnlySpan<byte> Valid => _buffer.AsSpan(_start, _valid - _start);

    /// <summary>Gets the problem of the first byte that is not UTF-8, once found; no byte from it on is given out.</summary>
    internal Problem? Invalid { get; private set; }

    /// <summary>Gets a value indicating whether the stream has ended and every byte read is in <see cref="Valid"/>.</summary>
    internal bool IsFinal => _eof && _valid == _end && Invalid is null;

    /// <summary>Gets a value indicating whether no more bytes will come: the stream ended, or a byte was not UTF-8.</summary>
    internal bool Exhausted => Invalid is not null || _eof;

    /// <summary>Gives up the first <paramref name="count"/> bytes of <see cref="Valid"/>, keeping their lines counted.</summary>
    internal void Discard(int count)
    {
        var gone = _buffer.AsSpan(_start, count);
        var newlines = gone.Count((byte)'\n');
        if (newlines > 0)
        {
            _newlines += newlines;
            _lastNewline = StartOffset + gone.LastIndexOf((byte)'\n');
        }

        var significant = gone.LastIndexOfAnyExcept(" \t\r\n"u8);
        if (significant >= 0)
        {
            SignificantBefore = gone[significant];
        }

        _start += count;
        StartOffset += count;
    }

    /// <summary>The line and column (both from 1; the column in bytes, as the synchronous readers count) of a document
    /// offset from <see cref="StartOffset"/> to the end of <see cref="Valid"/>.</summary>
    internal (int Line, int Column) LineAndColumn(long offset)
    {
        var before = _buffer.AsSpan(_start, (int)(offset - StartOffset));
        var last = before.LastIndexOf((byte)'\n');
        var lastNewline = last >= 0 ? StartOffset + last : _lastNewline;
        return (_newlines + before.Count((byte)'\n') + 1, (int)(offset - lastNewline));
    }

    /// <summary>The document offset of a position given as a line (from 0) and a byte position in it (from 0), as a
    /// <see cref="System.Text.Json.JsonException"/> gives it, for a line that ends after <see cref="StartOffset"/>; at most
    /// the end of <see cref="Valid"/>.</summary>
    internal long OffsetOf(long line, long bytePositionInLine)
    {
        var held = Valid;
        long lineStart = _lastNewline + 1;
        var index = 0;
        for (var l = _newlines; l < line; l++)
        {
            var newline = held[index..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return StartOffset + held.Length;
            }

            index += newline + 1;
            lineStart = StartOffset + index;
        }

        return Math.Min(StartOffset + held.Length, lineStart + bytePositionInLine);
    }

    /// <summary>The last byte other than white space before a document offset from <see cref="StartOffset"/> on.</summary>
    internal byte? PreviousSignificant(long offset)
    {
        var before = _buffer.AsSpan(_start, (int)(offset - StartOffset));
        var last = before.LastIndexOfAnyExcept(" \t\r\n"u8);
        return last >= 0 ? before[last] : SignificantBefore;
    }

    /// <summary>Reads more of the stream (at least one byte, or to its end), growing the window when it is full.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    internal async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (Exhausted)
        {
            return;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _valid -= _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        do
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }
        while (!_begun && !_eof && _end < 3);

        if (!_begun)
        {
            _begun = true;
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = _valid = 3;
            }
        }

        Check();
    }

    private void Check()
    {
        var pending = _buffer.AsSpan(_valid, _end - _valid);
        if (_scratch.Length < pending.Length)
        {
            _scratch = new char[Math.Max(pending.Length, _scratch.Length * 2)];
        }

        var status = Utf8.ToUtf16(pending, _scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: _eof);
        _valid += read;
        if (status == OperationStatus.InvalidData)
        {
            var offset = StartOffset + (_valid - _start);
            var (line, column) = LineAndColumn(offset);
            Invalid = JsonInput.InvalidUtf8(line, column, _buffer[_valid], offset);
        }
    }
}
