using System.Globalization;
using System.Text;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange.Csv;

/// <summary>One field of a CSV record and where it starts (line and column count from 1).</summary>
internal sealed record CsvField(string Value, int Line, int Column);

/// <summary>Where the CSV tokenizer stands: the index in the text, and the line and column (both from 1) there.</summary>
internal readonly record struct CsvCursor(int Index, int Line, int Column)
{
    /// <summary>Gets the start of a document.</summary>
    internal static CsvCursor Start => new(0, 1, 1);
}

/// <summary>What <see cref="CsvParser.ParseRecord"/> read.</summary>
internal enum CsvStep
{
    /// <summary>A record.</summary>
    Record,

    /// <summary>A blank line, skipped.</summary>
    Blank,

    /// <summary>The text ends within the record, and more may come.</summary>
    NeedMore,

    /// <summary>The end of the document.</summary>
    End,

    /// <summary>A quoted field the document ends within: reported, and the document ends there.</summary>
    Broken,
}

/// <summary>
/// An RFC 4180 reader and writer: comma-separated fields, records ended by CRLF or LF, fields with commas,
/// quotes or line breaks enclosed in double quotes, a quote inside written twice. Blank lines are skipped.
/// </summary>
internal static class CsvParser
{
    internal static ProblemLocation Location(int line, int column) => ProblemLocation.InText(line, column);

    /// <summary>Splits the text into records; syntax errors are reported and the reader resynchronises where it can.</summary>
    internal static List<List<CsvField>> Parse(string text, ProblemCollector problems)
    {
        var records = new List<List<CsvField>>();
        var cursor = CsvCursor.Start;
        while (true)
        {
            switch (ParseRecord(text, final: true, ref cursor, problems, out var record))
            {
                case CsvStep.Record:
                    records.Add(record!);
                    break;
                case CsvStep.Blank:
                    break;
                default:
                    return records;
            }
        }
    }

    /// <summary>
    /// Reads the record that starts at <paramref name="cursor"/>: the one tokenizer of the synchronous and the streaming
    /// readers. When <paramref name="final"/> is false the text may go on past its end (more is still to come from a
    /// stream), and a record the text does not hold to its end gives <see cref="CsvStep.NeedMore"/>: the cursor is left as
    /// it was, and the problems found meanwhile must be dropped (the caller passes a collector of its own for the attempt).
    /// </summary>
    /// <returns>What was read; on <see cref="CsvStep.Record"/> and <see cref="CsvStep.Blank"/> the cursor is past the record.</returns>
    internal static CsvStep ParseRecord(ReadOnlySpan<char> text, bool final, ref CsvCursor cursor, ProblemCollector problems, out List<CsvField>? record)
    {
        record = null;
        var i = cursor.Index;
        var line = cursor.Line;
        var column = cursor.Column;
        if (i >= text.Length)
        {
            return final ? CsvStep.End : CsvStep.NeedMore;
        }

        var fields = new List<CsvField>();
        var value = new StringBuilder();
        while (true)
        {
            var fieldLine = line;
            var fieldColumn = column;
            value.Clear();
            var quotedField = text[i] == '"';
            if (quotedField)
            {
                i++;
                column++;
                var closed = false;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            column += 2;
                            continue;
                        }

                        if (i + 1 == text.Length && !final)
                        {
                            // A quote at the end of what has come: the next character tells an escaped quote from the closing one.
                            return CsvStep.NeedMore;
                        }

                        i++;
                        column++;
                        closed = true;
                        break;
                    }

                    value.Append(c);
                    i++;
                    if (c == '\n')
                    {
                        line++;
                        column = 1;
                    }
                    else
                    {
                        column++;
                    }
                }

                if (!closed)
                {
                    if (!final)
                    {
                        return CsvStep.NeedMore;
                    }

                    problems.Add(ProblemKind.MalformedInput, Location(fieldLine, fieldColumn), "A quoted field is not closed: the input ends before its closing quote.");
                    return CsvStep.Broken;
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    problems.Add(ProblemKind.MalformedInput, Location(line, column), $"Expected a comma or the end of the line after a closing quote; got '{Shown(text[i])}'.");
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        i++;
                        column++;
                    }
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                    {
                        problems.Add(ProblemKind.MalformedInput, Location(line, column), "A double quote may appear only inside a field enclosed in double quotes (written twice).");
                    }

                    value.Append(text[i]);
                    i++;
                    column++;
                }
            }

            if (i == text.Length && !final)
            {
                // The field may go on in what is still to come.
                return CsvStep.NeedMore;
            }

            fields.Add(new CsvField(value.ToString(), fieldLine, fieldColumn));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                column++;
                if (i == text.Length)
                {
                    if (!final)
                    {
                        return CsvStep.NeedMore;
                    }

                    fields.Add(new CsvField(string.Empty, line, column));
                    cursor = new CsvCursor(i, line, column);
                    record = fields;
                    return CsvStep.Record;
                }

                continue;
            }

            // End of record: CRLF, LF, lone CR, or end of input.
            if (i < text.Length && text[i] == '\r')
            {
                i++;
                if (i == text.Length && !final)
                {
                    // A line feed may follow in what is still to come: CRLF is one line end.
                    return CsvStep.NeedMore;
                }
            }

            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }

            cursor = new CsvCursor(i, line + 1, 1);
            if (fields.Count == 1 && fields[0].Value.Length == 0 && !quotedField)
            {
                return CsvStep.Blank;
            }

            record = fields;
            return CsvStep.Record;
        }
    }

    /// <summary>Quotes a field when it holds a comma, a quote, a line break or leading or trailing white space.</summary>
    internal static string Quote(string value)
    {
        var needs = value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        foreach (var c in value)
        {
            if (c is ',' or '"' or '\r' or '\n')
            {
                needs = true;
                break;
            }
        }

        return needs ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    internal static void AppendRecord(StringBuilder output, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                output.Append(',');
            }

            output.Append(Quote(field ?? string.Empty));
            first = false;
        }

        output.Append("\r\n");
    }

    private static string Shown(char c) => char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}") : c.ToString();
}
