using System.Globalization;
using System.Text;

namespace InternalCustomer.Cli.Output.Html;

/// <summary>
/// Escaping and number formatting for HTML and inline SVG. Every text that comes from the input (ids, names, comments)
/// goes through <see cref="Text"/>: control characters are shown as <c>\uXXXX</c> (<see cref="SafeText.Escape"/>, as in
/// every other format a person reads), then <c>&amp; &lt; &gt; " '</c> become entities, so the text is the same in
/// element content and in a quoted attribute.
/// </summary>
internal static class Markup
{
    /// <summary>The text, safe in element content and in a double- or single-quoted attribute.</summary>
    internal static string Text(string text)
    {
        var safe = SafeText.Escape(text);
        if (safe.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return safe;
        }

        var escaped = new StringBuilder(safe.Length + 16);
        foreach (var ch in safe)
        {
            escaped.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A coordinate or length for SVG: invariant culture, at most two decimals.</summary>
    internal static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A whole number, invariant culture.</summary>
    internal static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal (<c>82.4%</c>).</summary>
    internal static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>An HTML table of plain-text cells (escaped here), its numeric columns right-aligned.</summary>
    internal static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool> numeric, string? id = null)
    {
        html.Append("<div class=\"table-wrap\"><table").Append(id is null ? string.Empty : $" id=\"{Text(id)}\"").Append("><thead><tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            html.Append(numeric[i] ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">").Append(Text(headers[i])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(numeric[i] ? "<td class=\"num\">" : "<td>").Append(Text(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>\n");
    }
}
