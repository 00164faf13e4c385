using System.Globalization;
using System.Text;

namespace InternalCustomer.Cli.Output;

/// <summary>
/// Makes text from the input safe to show: control characters (which a terminal would act on) are written as
/// <c>\uXXXX</c>, and CSV cells that a spreadsheet would run as a formula are neutralised.
/// </summary>
internal static class SafeText
{
    /// <summary>
    /// Writes every control character (U+0000–U+001F, U+007F–U+009F) and every bidirectional override or isolate
    /// (U+202A–U+202E, U+2066–U+2069) as <c>\u</c> and four upper-case hex digits, such as <c>\u001B</c> for ESC;
    /// everything else is left as it is.
    /// </summary>
    internal static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAny(Unsafe))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            if (Unsafe.Contains(ch))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:X4}");
            }
            else
            {
                escaped.Append(ch);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// One RFC 4180 CSV cell. A cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return
    /// (OWASP's CSV-injection rule) gets a single quote in front and is quoted, unless it is wholly a decimal number
    /// such as <c>-422.4</c> or <c>-1e-5</c>, which a spreadsheet reads as a number and never as a formula.
    /// </summary>
    internal static string CsvCell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsDecimalNumber(value))
        {
            return "\"'" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>An optional minus, digits with an optional fraction, and an optional exponent: nothing else.</summary>
    internal static bool IsDecimalNumber(string value)
    {
        var i = value.StartsWith('-') ? 1 : 0;
        var digits = Digits(value, ref i);
        if (i < value.Length && value[i] == '.')
        {
            i++;
            digits += Digits(value, ref i);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < value.Length && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '+' or '-')
            {
                i++;
            }

            if (Digits(value, ref i) == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }

    private static int Digits(string value, ref int i)
    {
        var start = i;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }

        return i - start;
    }

    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);
}
