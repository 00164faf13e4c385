using System.Text.Json;

namespace InternalCustomer.Interchange.Json;

/// <summary>A JSON object as a <see cref="RecordSource"/>: every field is a string (NodaTime values as ISO-8601 text).</summary>
internal sealed class JsonRecordSource : RecordSource
{
    private readonly JsonFields _fields;

    internal JsonRecordSource(JsonFields fields, ProblemCollector problems)
        : base(problems) => _fields = fields;

    internal override string Location => _fields.Path;

    internal override string At(string name) => _fields.At(name);

    internal override string? Text(string name, bool required)
    {
        var text = required ? _fields.RequiredString(name) : _fields.OptionalString(name);
        if (text is { Length: 0 } && required)
        {
            Problem(name, $"The field \"{name}\" is required; got an empty string.");
            return null;
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    internal override IReadOnlyList<string> List(string name)
    {
        var items = new List<string>();
        foreach (var (item, path, _) in _fields.OptionalArray(name))
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Problems.Add(path, $"Expected a string; got {JsonFields.Describe(item)}.");
            }
        }

        return items;
    }
}
