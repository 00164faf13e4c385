using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace InternalCustomer.Interchange.State;

/// <summary>One JSON object of a state being read: each property taken once by name, every property checked for its
/// JSON type, and any property left over (or given twice) reported, so that nothing in a state is silently ignored.
/// Every problem throws <see cref="StateFormatException"/>, caught by the public reader.</summary>
internal sealed class JsonStateObject
{
    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    internal JsonStateObject(JsonElement element, ProblemLocation at)
    {
        At = at;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(at, "an object", element);
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!_properties.TryAdd(property.Name, property.Value))
            {
                throw new StateFormatException(ProblemKind.UnexpectedProperty, at.Property(property.Name), $"Expected the property '{property.Name}' once; got it twice.");
            }
        }
    }

    internal ProblemLocation At { get; }

    internal JsonElement Element(string name)
    {
        if (!_properties.TryGetValue(name, out var value))
        {
            throw new StateFormatException(ProblemKind.MissingValue, At.Property(name), $"Expected the property '{name}'; it is absent.");
        }

        _taken.Add(name);
        return value;
    }

    internal bool Has(string name) => _properties.ContainsKey(name);

    internal long Long(string name) => Long(Element(name), At.Property(name));

    internal int Int32(string name)
    {
        var value = Long(name);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new StateFormatException(ProblemKind.InvalidValue, At.Property(name), string.Create(CultureInfo.InvariantCulture, $"Expected a 32-bit integer; got {value}."));
    }

    internal double Double(string name) => Double(Element(name), At.Property(name));

    internal string String(string name)
    {
        var element = Element(name);
        return element.ValueKind == JsonValueKind.String ? element.GetString()! : throw WrongType(At.Property(name), "a string", element);
    }

    internal Instant Instant(string name)
    {
        var text = String(name);
        return NodaText.TryParseStateInstant(text, out var instant)
            ? instant
            : throw new StateFormatException(ProblemKind.InvalidValue, At.Property(name), $"Expected {NodaText.StateInstantExpected}; got '{text}'.");
    }

    internal JsonStateObject Object(string name) => new(Element(name), At.Property(name));

    internal (JsonElement Array, ProblemLocation At) Array(string name)
    {
        var element = Element(name);
        return element.ValueKind == JsonValueKind.Array ? (element, At.Property(name)) : throw WrongType(At.Property(name), "an array", element);
    }

    internal long[] Longs(string name)
    {
        var (array, at) = Array(name);
        var values = new long[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i] = Long(item, at.Element(i));
            i++;
        }

        return values;
    }

    internal double[] Doubles(string name)
    {
        var (array, at) = Array(name);
        var values = new double[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i] = Double(item, at.Element(i));
            i++;
        }

        return values;
    }

    /// <summary>Throws for the first property that was not taken.</summary>
    internal void End()
    {
        foreach (var name in _properties.Keys)
        {
            if (!_taken.Contains(name))
            {
                throw new StateFormatException(ProblemKind.UnexpectedProperty, At.Property(name), $"Expected no property '{name}' in this state; got one.");
            }
        }
    }

    internal static long Long(JsonElement element, ProblemLocation at)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw WrongType(at, "a whole number", element);
        }

        return element.TryGetInt64(out var value)
            ? value
            : throw new StateFormatException(ProblemKind.InvalidValue, at, $"Expected a whole number from {long.MinValue} to {long.MaxValue}; got {element.GetRawText()}.");
    }

    internal static double Double(JsonElement element, ProblemLocation at)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw WrongType(at, "a number", element);
        }

        return element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new StateFormatException(ProblemKind.InvalidValue, at, $"Expected a finite number; got {element.GetRawText()}.");
    }

    private static StateFormatException WrongType(ProblemLocation at, string expected, JsonElement got) =>
        new(ProblemKind.WrongType, at, $"Expected {expected}; got {Describe(got.ValueKind)}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
