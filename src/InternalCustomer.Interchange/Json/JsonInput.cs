using System.Globalization;
using System.Text;
using System.Text.Json;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange.Json;

/// <summary>Turns raw bytes into a <see cref="JsonDocument"/>, or into one problem saying where the input breaks.</summary>
internal static class JsonInput
{
    /// <summary>Maximum nesting depth accepted; the documents need 4, so 64 leaves room without inviting abuse.</summary>
    internal const int MaxDepth = 64;

    /// <summary>The token reader's options, of the syntax check and of the streaming reader.</summary>
    internal static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    internal static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    internal static JsonDocument? Parse(ReadOnlySpan<byte> utf8, ProblemCollector problems)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (InvalidUtf8(utf8) is { } invalid)
        {
            problems.Add(invalid);
            return null;
        }

        if (FirstSyntaxError(utf8) is { } error)
        {
            var (line, column) = LineAndColumn(utf8, error.Offset);
            problems.Add(SyntaxProblem(line, column, error.Message));
            return null;
        }

        try
        {
            return JsonDocument.Parse(utf8.ToArray(), Options);
        }
        catch (JsonException e)
        {
            // Not expected after the token scan above accepted the input; located by the exception's position properties.
            var offset = OffsetOf(utf8, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            var (line, column) = LineAndColumn(utf8, offset);
            var rest = System.Text.Encoding.UTF8.GetString(utf8[Math.Min(offset, utf8.Length)..][..Math.Min(24, Math.Max(0, utf8.Length - offset))]);
            problems.Add(
                ProblemKind.MalformedInput,
                ProblemLocation.InText(line, column),
                $"Not well-formed JSON: expected a JSON value or punctuation the JSON grammar allows here; got \"{Snippet.Of(rest.ReplaceLineEndings(" "))}\".");
            return null;
        }
    }

    /// <summary>The problem of the first byte of <paramref name="utf8"/> that does not start or continue a UTF-8 sequence
    /// (see <see cref="InvalidUtf8(int, int, byte, long)"/>), or <see langword="null"/> when all of it is UTF-8. System.Text.Json
    /// checks the UTF-8 of a string only when the string is read, and then throws <see cref="InvalidOperationException"/>:
    /// every reader checks the whole input before it parses.</summary>
    internal static Problem? InvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        if (FirstInvalidUtf8(utf8) is not { } bad)
        {
            return null;
        }

        var (line, column) = LineAndColumn(utf8, bad);
        return InvalidUtf8(line, column, utf8[bad], bad);
    }

    /// <summary>The problem of a document that is not UTF-8: the first bad byte, its offset (after a byte-order mark) and its
    /// line and column (bytes, from 1); the streaming readers say it as the synchronous ones do.</summary>
    internal static Problem InvalidUtf8(int line, int column, byte value, long offset) => new(
        ProblemKind.MalformedInput,
        ProblemLocation.InText(line, column),
        string.Create(CultureInfo.InvariantCulture, $"The input is not valid UTF-8: byte 0x{value:X2} at offset {offset} does not start or continue a UTF-8 sequence."));

    /// <summary>
    /// Finds the first syntax error by reading the tokens, and says what was expected there and what came,
    /// from the reader's position and the tokens read so far (never from the reader's exception text).
    /// </summary>
    private static (int Offset, string Message)? FirstSyntaxError(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var containers = new Stack<JsonTokenType>();
        var last = JsonTokenType.None;
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    return containers.Count == 0 && last != JsonTokenType.None
                        ? null
                        : (utf8.Length, ErrorAt([], PreviousSignificant(utf8, utf8.Length), last, containers));
                }
            }
            catch (JsonException e)
            {
                var offset = OffsetOf(utf8, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
                return (offset, ErrorAt(utf8[Math.Min(offset, utf8.Length)..], PreviousSignificant(utf8, offset), last, containers));
            }

            last = reader.TokenType;
            if (LoneSurrogateAt(ref reader) is { } lone)
            {
                // The grammar allows "\ud800", but it is no character: every string and name read later must be text.
                return lone;
            }

            if (last is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push(last);
            }
            else if (last is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
            }
        }
    }

    /// <summary>
    /// The first string or property name whose <c>\u</c> escapes leave half of a surrogate pair, as a syntax problem at the
    /// escape's line and column (bytes, from 1), or <see langword="null"/> when there is none. For readers that parse with
    /// <see cref="JsonDocument"/> on their own: call it on input <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
    /// accepted with default options, before any <see cref="JsonElement.GetString"/> or <see cref="JsonProperty.Name"/>, which
    /// throw <see cref="InvalidOperationException"/> on a lone surrogate.
    /// </summary>
    internal static Problem? FirstLoneSurrogate(ReadOnlySpan<byte> wellFormed)
    {
        if (wellFormed.StartsWith("\uFEFF"u8))
        {
            wellFormed = wellFormed[3..];
        }

        var reader = new Utf8JsonReader(wellFormed);
        while (reader.Read())
        {
            if (LoneSurrogateAt(ref reader) is { } lone)
            {
                var (line, column) = LineAndColumn(wellFormed, lone.Offset);
                return SyntaxProblem(line, column, lone.Message);
            }
        }

        return null;
    }

    /// <summary>The offset of the lone surrogate escape in the reader's current string or property name, and what is said
    /// of it; <see langword="null"/> for any other token.</summary>
    private static (int Offset, string Message)? LoneSurrogateAt(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && LoneSurrogate(reader.ValueSpan) is { } lone
            ? ((int)reader.TokenStartIndex + 1 + lone.Offset, LoneSurrogateMessage(reader.TokenType, lone.Escape))
            : null;

    /// <summary>What is said of a syntax error at a place: what was expected there, from the significant byte before it,
    /// the last token read and the containers open, and what came (<paramref name="rest"/> is the input from the place on,
    /// empty at its end); shared with the streaming reader, which has the same facts at hand.</summary>
    internal static string ErrorAt(ReadOnlySpan<byte> rest, byte? previousSignificant, JsonTokenType last, Stack<JsonTokenType> containers)
    {
        if (containers.Count >= MaxDepth && !rest.IsEmpty && rest[0] is (byte)'{' or (byte)'[')
        {
            return string.Create(CultureInfo.InvariantCulture, $"expected objects and arrays nested at most {MaxDepth} deep; got deeper nesting.");
        }

        var came = rest.IsEmpty ? "the end of the input" : $"'{Shown(rest, 0)}'";
        return $"expected {Expected(previousSignificant, last, containers)}; got {came}.";
    }

    /// <summary>What is said of a string or property name holding half of a surrogate pair.</summary>
    internal static string LoneSurrogateMessage(JsonTokenType last, string escape)
    {
        var what = last == JsonTokenType.String ? "a string" : "a property name";
        return $"expected {what} whose \\u escapes form whole characters (a \\uD800-\\uDBFF escape followed by a \\uDC00-\\uDFFF one); got the lone surrogate \"{escape}\".";
    }

    /// <summary>The problem of a syntax error at a line and column.</summary>
    internal static Problem SyntaxProblem(int line, int column, string message) =>
        new(ProblemKind.MalformedInput, ProblemLocation.InText(line, column), "Not well-formed JSON: " + message);

    private static string Expected(byte? previousSignificant, JsonTokenType last, Stack<JsonTokenType> containers)
    {
        var inObject = containers.TryPeek(out var top) && top == JsonTokenType.StartObject;
        if (previousSignificant == (byte)',')
        {
            return inObject ? "a property name in double quotes" : "a value";
        }

        return last switch
        {
            JsonTokenType.None => "a JSON value (an object, an array, a string, a number, true, false or null)",
            JsonTokenType.StartObject => "a property name in double quotes or '}'",
            JsonTokenType.StartArray => "a value or ']'",
            JsonTokenType.PropertyName => "a value",
            _ when containers.Count == 0 => "the end of the input after the document's value",
            _ => inObject ? "',' or '}'" : "',' or ']'",
        };
    }

    /// <summary>The byte offset of a position given as a line (from 0) and a byte position in it (from 0), as a <see cref="JsonException"/> gives it.</summary>
    private static int OffsetOf(ReadOnlySpan<byte> utf8, long line, long bytePositionInLine)
    {
        var offset = 0;
        for (long l = 0; l < line; l++)
        {
            var newLine = utf8[offset..].IndexOf((byte)'\n');
            if (newLine < 0)
            {
                return utf8.Length;
            }

            offset += newLine + 1;
        }

        return (int)Math.Min(utf8.Length, offset + bytePositionInLine);
    }

    /// <summary>The first \u escape in a raw (still escaped) string that is half of a surrogate pair without its other half.</summary>
    internal static (int Offset, string Escape)? LoneSurrogate(ReadOnlySpan<byte> raw)
    {
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] != (byte)'\\')
            {
                i++;
                continue;
            }

            if (raw[i + 1] != (byte)'u')
            {
                i += 2;
                continue;
            }

            // The reader accepted the token, so every \\u has four hex digits.
            var unit = HexUnit(raw.Slice(i + 2, 4));
            if (char.IsHighSurrogate((char)unit))
            {
                if (i + 12 <= raw.Length && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u' && char.IsLowSurrogate((char)HexUnit(raw.Slice(i + 8, 4))))
                {
                    i += 12;
                    continue;
                }

                return (i, Encoding.ASCII.GetString(raw.Slice(i, 6)));
            }

            if (char.IsLowSurrogate((char)unit))
            {
                return (i, Encoding.ASCII.GetString(raw.Slice(i, 6)));
            }

            i += 6;
        }

        return null;
    }

    private static int HexUnit(ReadOnlySpan<byte> hex) =>
        int.Parse(Encoding.ASCII.GetString(hex), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static byte? PreviousSignificant(ReadOnlySpan<byte> utf8, int offset)
    {
        for (var i = Math.Min(offset, utf8.Length) - 1; i >= 0; i--)
        {
            if (utf8[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return utf8[i];
            }
        }

        return null;
    }

    private static string Shown(ReadOnlySpan<byte> utf8, int offset)
    {
        Rune.DecodeFromUtf8(utf8[offset..], out var rune, out _);
        return Rune.IsControl(rune) ? string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}") : rune.ToString();
    }

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }

    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lastNewLine = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewLine);
    }
}
