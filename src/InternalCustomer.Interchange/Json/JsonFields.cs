using System.Globalization;
using System.Text.Json;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange.Json;

/// <summary>
/// Reads the fields of one JSON object, reporting unknown and duplicated properties, missing required
/// ones and values of the wrong type, each at its JSON path. Every accessor returns <see langword="null"/>
/// (and records a problem) when the value cannot be used, so a reader can go on and find every problem.
/// </summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly ProblemCollector _problems;

    private JsonFields(ProblemLocation path, ProblemCollector problems)
    {
        Path = path;
        _problems = problems;
    }

    internal ProblemLocation Path { get; }

    /// <summary>Reads an object's properties, or returns null (with a problem) when the element is not an object.</summary>
    internal static JsonFields? Of(JsonElement element, ProblemLocation path, ProblemCollector problems, params ReadOnlySpan<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(ProblemKind.WrongType, path, $"Expected an object; got {Describe(element)}.");
            return null;
        }

        var fields = new JsonFields(path, problems);
        var knownSet = known.ToArray();
        foreach (var property in element.EnumerateObject())
        {
            if (fields.Admits(property.Name, knownSet))
            {
                fields._values.Add(property.Name, property.Value);
            }
        }

        return fields;
    }

    /// <summary>The fields of an object read one property at a time (the streaming reader's root): none yet.</summary>
    internal static JsonFields Empty(ProblemLocation path, ProblemCollector problems) => new(path, problems);

    /// <summary>Whether a property of the object is to be read: a known one not seen before (it is then marked seen, with
    /// <see cref="Set"/> to give its value); an unknown or repeated one is reported, as <see cref="Of"/> reports it.</summary>
    internal bool Admits(string name, string[] known)
    {
        var at = Path.Property(name);
        if (Array.IndexOf(known, name) < 0)
        {
            _problems.Add(ProblemKind.UnexpectedProperty, at, $"Unknown property \"{Snippet.Of(name)}\"; expected one of: {string.Join(", ", known)}.");
            return false;
        }

        if (_values.ContainsKey(name) || !_seen.Add(name))
        {
            _problems.Add(ProblemKind.UnexpectedProperty, at, $"Property \"{Snippet.Of(name)}\" appears more than once in the same object; a key must be unique.");
            return false;
        }

        return true;
    }

    /// <summary>Gives the value of a property <see cref="Admits"/> let in (the streaming reader: a scalar as read, an
    /// object or array as an empty one of its kind, since only its kind is said of it).</summary>
    internal void Set(string name, JsonElement value) => _values[name] = value;

    /// <summary>A value's stand-in for the streaming reader: the element of a scalar, or an empty object or array.</summary>
    internal static JsonElement KindOnly(JsonValueKind kind) => kind == JsonValueKind.Object ? EmptyObject : EmptyArray;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}"u8.ToArray()).RootElement.Clone();

    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]"u8.ToArray()).RootElement.Clone();

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Snippet.Of(element.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => $"the number {Snippet.Of(element.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };


    internal ProblemLocation At(string name) => Path.Property(name);

    internal bool Has(string name) => _values.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null;

    internal JsonElement? Element(string name) => _values.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    internal string? RequiredString(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            _problems.Add(ProblemKind.MissingValue, At(name), $"Required property \"{name}\" is missing.");
            return null;
        }

        return AsString(value, name);
    }

    internal string? OptionalString(string name) =>
        _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? AsString(value, name) : null;

    /// <summary>The document's required <c>schemaVersion</c>, a problem unless it is the one the reader understands.</summary>
    internal void SchemaVersion(int expected)
    {
        if (RequiredInteger("schemaVersion", 0, int.MaxValue) is { } version && version != expected)
        {
            Problem(
                "schemaVersion",
                ProblemKind.InvalidValue,
                string.Create(CultureInfo.InvariantCulture, $"Expected schemaVersion {expected}, the version this reader understands; got {version}."));
        }
    }

    internal long? RequiredInteger(string name, long min, long max)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            _problems.Add(ProblemKind.MissingValue, At(name), $"Required property \"{name}\" is missing.");
            return null;
        }

        return AsInteger(value, name, min, max);
    }

    internal long? OptionalInteger(string name, long min, long max) =>
        _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? AsInteger(value, name, min, max) : null;

    internal double? OptionalNumber(string name, double min, double max)
    {
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            _problems.Add(ProblemKind.WrongType, At(name), $"Expected a number; got {Describe(value)}.");
            return null;
        }

        if (!value.TryGetDouble(out var d) || !double.IsFinite(d) || d < min || d > max)
        {
            _problems.Add(ProblemKind.InvalidValue, At(name), string.Create(CultureInfo.InvariantCulture, $"Expected a number from {min} to {max}; got {Snippet.Of(value.GetRawText())}."));
            return null;
        }

        return d;
    }

    internal bool? OptionalBoolean(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        _problems.Add(ProblemKind.WrongType, At(name), $"Expected true or false; got {Describe(value)}.");
        return null;
    }

    /// <summary>The items of an optional array property (missing or null means none).</summary>
    internal IEnumerable<(JsonElement Item, ProblemLocation Path, int Index)> OptionalArray(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _problems.Add(ProblemKind.WrongType, At(name), $"Expected an array; got {Describe(value)}.");
            return [];
        }

        var at = At(name);
        return value.EnumerateArray().Select((item, i) => (item, at.Element(i), i));
    }

    /// <summary>Adds a problem at a property of this object.</summary>
    internal void Problem(string name, ProblemKind kind, string message) => _problems.Add(kind, At(name), message);

    private string? AsString(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        _problems.Add(ProblemKind.WrongType, At(name), $"Expected a string; got {Describe(value)}.");
        return null;
    }

    private long? AsInteger(JsonElement value, string name, long min, long max)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            _problems.Add(ProblemKind.WrongType, At(name), $"Expected an integer; got {Describe(value)}.");
            return null;
        }

        if (!value.TryGetInt64(out var n) || n < min || n > max)
        {
            _problems.Add(ProblemKind.InvalidValue, At(name), string.Create(CultureInfo.InvariantCulture, $"Expected an integer from {min} to {max}; got {Snippet.Of(value.GetRawText())}."));
            return null;
        }

        return n;
    }
}
