using System.Globalization;
using System.Text;
using System.Text.Json;

namespace InternalCustomer.Interchange.Json;

/// <summary>Turns raw bytes into a <see cref="JsonDocument"/>, or into one problem saying where the input breaks.</summary>
internal static class JsonInput
{
    /// <summary>Maximum nesting depth accepted; the documents need 4, so 64 leaves room without inviting abuse.</summary>
    internal const int MaxDepth = 64;

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

        if (FirstInvalidUtf8(utf8) is { } bad)
        {
            var (line, column) = LineAndColumn(utf8, bad);
            problems.Add(
                Position(line, column),
                string.Create(CultureInfo.InvariantCulture, $"The input is not valid UTF-8: byte 0x{utf8[bad]:X2} at offset {bad} does not start or continue a UTF-8 sequence."));
            return null;
        }

        try
        {
            return JsonDocument.Parse(utf8.ToArray(), Options);
        }
        catch (JsonException e)
        {
            problems.Add(
                Position((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1),
                "Not well-formed JSON: " + Describe(e));
            return null;
        }
    }

    internal static string Position(long line, long column) =>
        string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");

    private static string Describe(JsonException e)
    {
        // The reader appends " LineNumber: n | BytePositionInLine: m." which the location already says.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
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

    private static (long Line, long Column) LineAndColumn(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lastNewLine = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewLine);
    }
}
