using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InternalCustomer.Cli.Output;

/// <summary>Renders sections as aligned text tables, Markdown, CSV or JSON.</summary>
internal static class Renderer
{
    internal static readonly string[] Formats = ["table", "json", "markdown", "csv"];

    /// <summary>
    /// Renders the sections. Table and Markdown output is for a terminal or a page, so the control characters of
    /// every title, cell and note are escaped (<see cref="SafeText.Escape"/>); JSON escapes them itself; CSV keeps the
    /// text as it is and neutralises cells a spreadsheet would run as a formula (<see cref="SafeText.CsvCell"/>).
    /// </summary>
    internal static string Render(IReadOnlyList<Section> sections, string format) => format switch
    {
        "json" => Json(sections),
        "markdown" => Markdown(Escaped(sections)),
        "csv" => Csv(sections),
        _ => Table(Escaped(sections)),
    };

    private static Section[] Escaped(IReadOnlyList<Section> sections) =>
    [
        .. sections.Select(s => s with
        {
            Title = SafeText.Escape(s.Title),
            Columns = [.. s.Columns.Select(SafeText.Escape)],
            Rows = [.. s.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(SafeText.Escape)])],
            Notes = [.. s.Notes.Select(SafeText.Escape)],
        }),
    ];

    private static string Table(IReadOnlyList<Section> sections)
    {
        var output = new StringBuilder();
        foreach (var section in sections)
        {
            output.Append(section.Title).Append('\n').Append(new string('=', section.Title.Length)).Append('\n');
            if (section.Columns.Count > 0)
            {
                var widths = section.Columns.Select((c, i) => Math.Max(c.Length, section.Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
                void Line(IReadOnlyList<string> cells) =>
                    output.Append(string.Join("  ", cells.Select((c, i) => IsNumeric(c) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd()).Append('\n');
                Line(section.Columns);
                Line([.. widths.Select(w => new string('-', w))]);
                foreach (var row in section.Rows)
                {
                    Line(row);
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

    private static string Markdown(IReadOnlyList<Section> sections)
    {
        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
        var output = new StringBuilder();
        foreach (var section in sections)
        {
            output.Append("## ").Append(section.Title).Append("\n\n");
            if (section.Columns.Count > 0)
            {
                output.Append("| ").Append(string.Join(" | ", section.Columns.Select(Cell))).Append(" |\n");
                output.Append('|').Append(string.Join("|", section.Columns.Select((_, i) => section.Rows.Count > 0 && IsNumeric(section.Rows[0][i]) ? " ---: " : " --- "))).Append("|\n");
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

    private static string Csv(IReadOnlyList<Section> sections)
    {
        // One CSV table per section, separated by a blank line; the first column names the section.
        static string Quote(string value) => SafeText.CsvCell(value);
        var output = new StringBuilder();
        foreach (var section in sections)
        {
            if (section.Columns.Count == 0)
            {
                output.Append("section,note\r\n");
                foreach (var note in section.Notes)
                {
                    output.Append(section.Key).Append(',').Append(Quote(note)).Append("\r\n");
                }
            }
            else
            {
                output.Append("section,").Append(string.Join(",", section.Columns.Select(Quote))).Append("\r\n");
                foreach (var row in section.Rows)
                {
                    output.Append(section.Key).Append(',').Append(string.Join(",", row.Select(Quote))).Append("\r\n");
                }
            }

            output.Append("\r\n");
        }

        return output.ToString();
    }

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
                writer.WriteStartArray("rows");
                foreach (var row in section.Rows)
                {
                    writer.WriteStartObject();
                    for (var i = 0; i < section.Columns.Count; i++)
                    {
                        writer.WriteString(section.Columns[i], row[i]);
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

    private static bool IsNumeric(string cell)
    {
        var token = cell.Split(' ')[0];
        return double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }
}
