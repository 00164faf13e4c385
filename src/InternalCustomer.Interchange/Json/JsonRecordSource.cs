using System.Text.Json;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange.Json;

/// <summary>A JSON object as a <see cref="RecordSource"/>: every field is a string (NodaTime values as ISO-8601 text).</summary>
internal sealed class JsonRecordSource : RecordSource
{
    private readonly JsonFields _fields;

    internal JsonRecordSource(JsonFields fields, ProblemCollector problems)
        : base(problems) => _fields = fields;

    internal override ProblemLocation Location => _fields.Path;

    internal override ProblemLocation At(string name) => _fields.At(name);

    internal override string? Text(string name, bool required)
    {
        var text = required ? _fields.RequiredString(name) : _fields.OptionalString(name);
        if (text is { Length: 0 } && required)
        {
            Problem(name, ProblemKind.MissingValue, $"The field \"{name}\" is required; got an empty string.");
            return null;
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    internal override bool Has(string name) => _fields.Has(name);

    internal override IReadOnlyList<RecordSource>? Records(string name, params string[] known)
    {
        if (!_fields.Has(name))
        {
            return null;
        }

        var records = new List<RecordSource>();
        foreach (var (item, path, _) in _fields.OptionalArray(name))
        {
            if (JsonFields.Of(item, path, Problems, known) is { } fields)
            {
                records.Add(new JsonRecordSource(fields, Problems));
            }
        }

        return records;
    }

    internal override long? Integer(string name, bool required) =>
        required ? _fields.RequiredInteger(name, long.MinValue, long.MaxValue) : _fields.OptionalInteger(name, long.MinValue, long.MaxValue);

    internal override IReadOnlyList<(string Dimension, ProblemLocation Location, long? Rating)> Ratings(string kind)
    {
        var ratings = new List<(string, ProblemLocation, long?)>();
        if (_fields.Element(kind + "s") is not { } element)
        {
            return ratings;
        }

        var at = _fields.At(kind + "s");
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(ProblemKind.WrongType, at, $"Expected an object of ratings by dimension; got {JsonFields.Describe(element)}.");
            return ratings;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var location = at.Property(property.Name);
            if (!seen.Add(property.Name))
            {
                Problems.Add(ProblemKind.UnexpectedProperty, location, $"Property \"{Snippet.Of(property.Name)}\" appears more than once in the same object; a key must be unique.");
                continue;
            }

            long? rating = null;
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var n))
            {
                rating = n;
            }
            else
            {
                Problems.Add(ProblemKind.WrongType, location, $"Expected an integer rating; got {JsonFields.Describe(property.Value)}.");
            }

            ratings.Add((property.Name, location, rating));
        }

        return ratings;
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
                Problems.Add(ProblemKind.WrongType, path, $"Expected a string; got {JsonFields.Describe(item)}.");
            }
        }

        return items;
    }
}
