using System.Text.Json.Serialization;

namespace InternalCustomer.Interchange.Json;

/// <summary>
/// Source-generated serialisation metadata for every document this package writes: no reflection, so
/// writing is trimming- and AOT-safe.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(OrganizationDocument))]
[JsonSerializable(typeof(RequestsDocument))]
[JsonSerializable(typeof(ResponsesDocument))]
[JsonSerializable(typeof(ImprovementDocument))]
internal sealed partial class InterchangeJsonContext : JsonSerializerContext;
