using System.Text;
using InternalCustomer.Interchange.Csv;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>One read of <see cref="CsvStreamReader.NextAsync"/>: a record (with the syntax problems found in it), the end of
/// the document, the end at a quoted field left open (<see cref="CsvStep.Broken"/>, its problem in <see cref="Problems"/>),
/// or the end at a byte that is not UTF-8 (<see cref="NotUtf8"/>, its problem in <see cref="Problems"/>).</summary>
internal readonly record struct CsvRead(CsvStep Step, List<CsvField>? Fields, ProblemCollector Problems, bool NotUtf8);

/// <summary>
/// Reads the records of a CSV stream one at a time with the synchronous reader's tokenizer
/// (<see cref="CsvParser.ParseRecord"/>): only the record being read is held, as text, and a record is given out only once
/// its end has come, so a stream that fails part way never gives half a record.
/// </summary>
internal sealed class CsvStreamReader
{
    private readonly Utf8Window _bytes;

    // The repeated texts of the whole stream, shared by each record's collector.
    private readonly TextPool _texts = new();
    private char[] _chars = new char[Utf8Window.InitialSize];
    private int _start;
    private int _end;
    private CsvCursor _cursor = CsvCursor.Start;

    // The most problems one record (or the header) reports (ReadOptions.MaxProblems).
    private readonly int _limit;

    internal CsvStreamReader(Stream stream, int limit)
    {
        _bytes = new Utf8Window(stream);
        _limit = limit;
    }

    /// <summary>Reads the next record, skipping blank lines.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    internal async ValueTask<CsvRead> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attempt = new ProblemCollector(_limit, _texts);
            var cursor = _cursor;
            var final = _bytes.IsFinal && _bytes.Valid.IsEmpty;
            var step = CsvParser.ParseRecord(_chars.AsSpan(_start, _end - _start), final, ref cursor, attempt, out var fields);
            if (step == CsvStep.NeedMore)
            {
                if (!_bytes.Valid.IsEmpty)
                {
                    Decode();
                }
                else if (_bytes.Invalid is { } invalid)
                {
                    // The records before the bad byte have been given out; the one it falls in is not.
                    var problems = new ProblemCollector(_limit);
                    problems.Add(invalid);
                    return new CsvRead(CsvStep.End, null, problems, NotUtf8: true);
                }
                else
                {
                    // One more read; but a long record (over LongPart characters so far) waits for as many bytes
                    // again, so that reading it again from its start after each part costs in all a few times its
                    // length, whatever the stream's chunks.
                    var held = _end - _start;
                    do
                    {
                        await _bytes.FillAsync(cancellationToken).ConfigureAwait(false);
                    }
                    while (!_bytes.Exhausted && held > Utf8Window.LongPart && _bytes.Valid.Length < held);
                }

                continue;
            }

            _start += cursor.Index;
            _cursor = cursor with { Index = 0 };
            if (step != CsvStep.Blank)
            {
                return new CsvRead(step, fields, attempt, NotUtf8: false);
            }
        }
    }

    /// <summary>Moves the checked bytes into the text, after the record being read.</summary>
    private void Decode()
    {
        var bytes = _bytes.Valid;
        var needed = Encoding.UTF8.GetCharCount(bytes);
        var held = _end - _start;
        if (_chars.Length - held < needed)
        {
            var grown = new char[Math.Max(_chars.Length * 2, held + needed)];
            _chars.AsSpan(_start, held).CopyTo(grown);
            _chars = grown;
        }
        else if (_start > 0)
        {
            _chars.AsSpan(_start, held).CopyTo(_chars);
        }

        _start = 0;
        _end = held + Encoding.UTF8.GetChars(bytes, _chars.AsSpan(held));
        _bytes.Discard(bytes.Length);
    }
}
