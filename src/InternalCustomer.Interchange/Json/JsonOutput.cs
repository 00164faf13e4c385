using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace InternalCustomer.Interchange.Json;

/// <summary>Writes documents through the source-generated metadata to streams, buffer writers and strings.</summary>
internal static class JsonOutput
{
    // Non-ASCII text (人力资源部) is written as is rather than as \u escapes: the documents are for
    // people as much as for programs, and they are never embedded in HTML by this package.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static void Write<T>(T value, JsonTypeInfo<T> info, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        JsonSerializer.Serialize(writer, value, info);
        writer.Flush();
    }

    internal static void Write<T>(T value, JsonTypeInfo<T> info, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        JsonSerializer.Serialize(writer, value, info);
        writer.Flush();
    }

    internal static string WriteToString<T>(T value, JsonTypeInfo<T> info)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(value, info, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
