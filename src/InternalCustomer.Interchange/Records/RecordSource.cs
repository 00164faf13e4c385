namespace InternalCustomer.Interchange.Records;

/// <summary>
/// The fields of one record (a JSON object or a CSV row) as text, with the location of each, so that one
/// mapping turns JSON and CSV records into model values and reports problems at the right place.
/// </summary>
internal abstract class RecordSource
{
    protected RecordSource(ProblemCollector problems) => Problems = problems;

    internal ProblemCollector Problems { get; }

    /// <summary>Gets the location of the whole record.</summary>
    internal abstract ProblemLocation Location { get; }

    /// <summary>The location of a field.</summary>
    internal abstract ProblemLocation At(string name);

    /// <summary>Gets a value indicating whether the record's shape is right before any field is read (a CSV row has as many
    /// fields as the header); a record that is not is reported and never made.</summary>
    internal virtual bool WellFormed => true;

    /// <summary>Where each field starts in a text (CSV: line and column by column name), or <see langword="null"/> when the
    /// fields are located by path below <see cref="Location"/> (JSON); for the record's origin.</summary>
    internal virtual System.Collections.Immutable.ImmutableSortedDictionary<string, ProblemLocation>? FieldStarts() => null;

    /// <summary>A field's text, or null when absent or empty (a problem is recorded when it is required).</summary>
    internal abstract string? Text(string name, bool required);

    /// <summary>A list field's items (JSON: an array of strings; CSV: items separated by ';').</summary>
    internal abstract IReadOnlyList<string> List(string name);

    /// <summary>Whether a field is given: present, not null and (for text) not empty.</summary>
    internal abstract bool Has(string name);

    /// <summary>The items of a field holding a list of records (JSON: an array of objects with the <paramref name="known"/>
    /// properties, each item not an object reported and left out), or <see langword="null"/> when the field is absent or
    /// the format has no nested records (CSV).</summary>
    internal virtual IReadOnlyList<RecordSource>? Records(string name, params string[] known) => null;

    /// <summary>An integer field, or null when absent (a problem is recorded when it is required or not an integer).</summary>
    internal abstract long? Integer(string name, bool required);

    /// <summary>The dimension ratings of a kind ("perception" or "expectation"): JSON object <c>perceptions</c>, CSV columns <c>perception.x</c>.</summary>
    internal abstract IReadOnlyList<(string Dimension, ProblemLocation Location, long? Rating)> Ratings(string kind);

    internal void Problem(string name, ProblemKind kind, string message) => Problems.Add(kind, At(name), message);

    /// <summary>Records a problem the model reported (through a <c>TryCreate</c>) at the field it names: the first
    /// segment of its location is the model's parameter, and the fields are named after the parameters; a problem
    /// about anything else goes to <paramref name="fallback"/>.</summary>
    /// <remarks>What the model's location says below the parameter (the pause at <c>[2]</c>) is kept below the field.</remarks>
    internal void Problem(Problem model, IReadOnlyCollection<string> fields, string fallback)
    {
        var segments = model.Location.Segments;
        if (segments is [{ IsIndex: false, Name: { } name }, ..] && fields.Contains(name))
        {
            Problems.Add(model.Kind, Below(At(name), segments.Skip(1)), model.Message);
            return;
        }

        Problem(fallback, model.Kind, model.Message);
    }

    private static ProblemLocation Below(ProblemLocation location, IEnumerable<PathSegment> segments)
    {
        foreach (var segment in segments)
        {
            location = segment.IsIndex ? location.Element(segment.Index!.Value) : location.Property(segment.Name!);
        }

        return location;
    }

    internal string? Required(string name) => Text(name, required: true);

    /// <summary>An identifier field, or null with an <see cref="ProblemKind.InvalidId"/> problem when it is not one (and
    /// a missing-value problem when required and absent): the one identifier rule of every record format.</summary>
    internal TId? Id<TId>(string name, bool required, string what)
        where TId : struct, IParsable<TId>
    {
        var text = Text(name, required);
        if (text is null)
        {
            return null;
        }

        if (TId.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        Problem(name, ProblemKind.InvalidId, $"Expected {what} (1-64 characters, each a letter, a digit, '-', '_' or '.'); got \"{Snippet.Of(text)}\".");
        return null;
    }

    internal string? Optional(string name) => Text(name, required: false);

    internal T? Parse<T>(string name, bool required, TryParse<T> parse, string expected)
        where T : struct
    {
        var text = Text(name, required);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        Problem(name, ProblemKind.InvalidValue, $"Expected {expected}; got \"{Snippet.Of(text)}\".");
        return null;
    }

    internal delegate bool TryParse<T>(string text, out T value);
}
