using System.Globalization;
using System.Text;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange.Csv;

/// <summary>One field of a CSV record and where it starts (line and column count from 1).</summary>
internal sealed record CsvField(string Value, int Line, int Column);

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
        var record = new List<CsvField>();
        var i = 0;
        var line = 1;
        var column = 1;
        var value = new StringBuilder();
        while (i < text.Length)
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
                    problems.Add(ProblemKind.MalformedInput, Location(fieldLine, fieldColumn), "A quoted field is not closed: the input ends before its closing quote.");
                    return records;
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

            record.Add(new CsvField(value.ToString(), fieldLine, fieldColumn));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                column++;
                if (i == text.Length)
                {
                    record.Add(new CsvField(string.Empty, line, column));
                }

                continue;
            }

            // End of record: CRLF, LF, lone CR, or end of input.
            if (i < text.Length && text[i] == '\r')
            {
                i++;
            }

            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }

            line++;
            column = 1;
            if (!(record.Count == 1 && record[0].Value.Length == 0 && !quotedField))
            {
                records.Add(record);
            }

            record = [];
        }

        if (record.Count > 0)
        {
            records.Add(record);
        }

        return records;
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
