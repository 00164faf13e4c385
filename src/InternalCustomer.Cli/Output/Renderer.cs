using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InternalCustomer.Cli.Output;

/// <summary>
/// Renders sections as aligned text tables, Markdown, CSV or JSON. <see cref="Formats"/> also lists <c>html</c>, which the
/// command line renders with <c>Output.Html.HtmlReport</c> (it needs the charts' data, and that namespace builds on this
/// one, so this one does not call it).
/// </summary>
internal static class Renderer
{
    internal static readonly string[] Formats = ["table", "json", "markdown", "csv", "html"];

    /// <summary>
    /// Renders the sections. Table and Markdown output is for a terminal or a page, so the control characters of
    /// every title, cell and note are escaped (<see cref="SafeText.Escape"/>); JSON escapes them itself; CSV keeps the
    /// text as it is and neutralises cells a spreadsheet would run as a formula (<see cref="SafeText.CsvCell"/>).
    /// </summary>
    internal static string Render(IReadOnlyList<Section> sections, string format) => format switch
    {
        "json" => Json(sections),
        "html" => throw new ArgumentException("HTML is rendered by Output.Html.HtmlReport; expected table, json, markdown or csv here.", nameof(format)),
        "markdown" => Markdown(Escaped(sections)),
        "csv" => sections.Count == 1 ? Csv(sections[0]) : throw new ArgumentException($"CSV holds one table; expected one section, got {sections.Count}.", nameof(sections)),
        _ => Table(Escaped(sections)),
    };

    /// <summary>A section as a person reads it: escaped title, headers, cells and notes, and which columns are numbers.</summary>
    private sealed record TextTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric, IReadOnlyList<string> Notes);

    private static TextTable[] Escaped(IReadOnlyList<Section> sections) =>
    [
        .. sections.Select(s => new TextTable(
            SafeText.Escape(s.Title),
            [.. s.Headers.Select(SafeText.Escape)],
            [.. s.TextRows.Select(r => (IReadOnlyList<string>)[.. r.Select(SafeText.Escape)])],
            // A column is numeric (right-aligned) when every cell with a value is a number.
            [.. s.Visible.Select(i => s.Rows.Count > 0 && s.Rows.All(r => r[i].IsNumeric || r[i].Text is "n/a" or "-" or "–" or ""))],
            [.. s.Notes.Select(SafeText.Escape)])),
    ];

    private static string Table(IReadOnlyList<TextTable> sections)
    {
        var output = new StringBuilder();
        foreach (var section in sections)
        {
            output.Append(section.Title).Append('\n').Append(new string('=', section.Title.Length)).Append('\n');
            if (section.Headers.Count > 0)
            {
                var widths = section.Headers.Select((c, i) => Math.Max(c.Length, section.Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
                void Line(IReadOnlyList<string> cells, bool header) =>
                    output.Append(string.Join("  ", cells.Select((c, i) => section.Numeric[i] && !header ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd()).Append('\n');
                Line(section.Headers, header: true);
                Line([.. widths.Select(w => new string('-', w))], header: true);
                foreach (var row in section.Rows)
                {
                    Line(row, header: false);
                }

                if (section.Rows.Count == 0)
                {
                    output.Append("(none)\n");
                }
            }

            foreach (var note in section.Notes)
            {
                output.Append("* ").Append(note).Append('\n');
            }

            output.Append('\n');
        }

        return output.ToString();
    }

    private static string Markdown(IReadOnlyList<TextTable> sections)
    {
        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
        var output = new StringBuilder();
        foreach (var section in sections)
        {
            output.Append("## ").Append(section.Title).Append("\n\n");
            if (section.Headers.Count > 0)
            {
                output.Append("| ").Append(string.Join(" | ", section.Headers.Select(Cell))).Append(" |\n");
                output.Append('|').Append(string.Join("|", section.Headers.Select((_, i) => section.Numeric[i] ? " ---: " : " --- "))).Append("|\n");
                foreach (var row in section.Rows)
                {
                    output.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                }

                output.Append('\n');
            }

            foreach (var note in section.Notes)
            {
                output.Append("- ").Append(Cell(note)).Append('\n');
            }

            if (section.Notes.Count > 0)
            {
                output.Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// One section as one RFC 4180 table: a header row of the columns' keys, one row per table row (numbers unrounded, an
    /// interval as three columns <c>keyEstimate</c>, <c>keyLower</c>, <c>keyUpper</c>), or for a section of notes only, a
    /// <c>note</c> column. The notes of a table are not in its CSV (they are in every
    /// other format).
    /// </summary>
    private static string Csv(Section section)
    {
        var output = new StringBuilder();
        if (section.Columns.Count == 0)
        {
            output.Append("note\r\n");
            foreach (var note in section.Notes)
            {
                output.Append(SafeText.CsvCell(note)).Append("\r\n");
            }

            return output.ToString();
        }

        // A column of intervals becomes three: <key>Estimate, <key>Lower, <key>Upper, numbers a spreadsheet can use.
        var intervals = section.Columns.Select((_, i) => section.Rows.Any(r => r[i] is IntervalCell)).ToArray();
        output.Append(string.Join(",", section.Columns.SelectMany((c, i) => intervals[i] ? [c.Key + "Estimate", c.Key + "Lower", c.Key + "Upper"] : new[] { c.Key }).Select(SafeText.CsvCell))).Append("\r\n");
        foreach (var row in section.Rows)
        {
            output.Append(string.Join(",", row.SelectMany((c, i) => intervals[i] ? IntervalTexts(c) : [CsvText(c)]).Select(SafeText.CsvCell))).Append("\r\n");
        }

        return output.ToString();
    }

    private static string[] IntervalTexts(Cell cell) => cell is IntervalCell i ? [Round(i.Estimate), Round(i.Lower), Round(i.Upper)] : [string.Empty, string.Empty, string.Empty];

    private static string Round(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    // Numbers at full precision (round-trip), nothing as an empty cell.
    private static string CsvText(Cell cell) => cell switch
    {
        NumberCell { Value: { } v } => v.ToString("R", CultureInfo.InvariantCulture),
        NumberCell => string.Empty,
        DateCell { Value: null } => string.Empty,
        _ => cell.Text,
    };

    private static string Json(IReadOnlyList<Section> sections)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var section in sections)
            {
                writer.WriteStartObject(section.Key);
                writer.WriteString("title", section.Title);
                writer.WriteStartArray("columns");
                foreach (var column in section.Columns)
                {
                    writer.WriteStartObject();
                    writer.WriteString("key", column.Key);
                    writer.WriteString("header", column.Header);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("rows");
                foreach (var row in section.Rows)
                {
                    writer.WriteStartObject();
                    for (var i = 0; i < section.Columns.Count; i++)
                    {
                        writer.WritePropertyName(section.Columns[i].Key);
                        Write(writer, row[i]);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("notes");
                foreach (var note in section.Notes)
                {
                    writer.WriteStringValue(note);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, Cell cell)
    {
        switch (cell)
        {
            case CountCell c:
                writer.WriteNumberValue(c.Value);
                break;
            case NumberCell { Value: { } v } when double.IsFinite(v):
                writer.WriteNumberValue(v);
                break;
            case NumberCell:
                writer.WriteNullValue();
                break;
            case IntervalCell { Estimate: { } estimate } i when double.IsFinite(estimate):
                writer.WriteStartObject();
                writer.WriteNumber("estimate", estimate);
                Nullable(writer, "lower", i.Lower);
                Nullable(writer, "upper", i.Upper);
                writer.WriteNumber("level", i.Level);
                writer.WriteEndObject();
                break;
            case IntervalCell:
                writer.WriteNullValue();
                break;
            case DateCell { Value: null }:
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(cell.Text);
                break;
        }
    }

    private static void Nullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
