using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange.Csv;

/// <summary>The columns a CSV document may have, those it must have, the prefixes of open-ended column families, how the
/// columns are named in the message about an empty document, and (optionally) a message for an unknown column that would
/// belong to another layout (<see langword="null"/> for the usual message).</summary>
internal sealed record CsvLayout(
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Prefixes,
    string Described,
    Func<string, string?>? Misplaced = null);

/// <summary>A header as read: its number of fields, the index of each known column by name, and the layout its names chose.</summary>
internal sealed record CsvHeader(int Width, Dictionary<string, int> Index, CsvLayout Layout);

/// <summary>A CSV document with a header row: reads the header against the expected columns and yields one source per record.</summary>
internal static class CsvTable
{
    internal static IEnumerable<RecordSource> Rows(ReadOnlySpan<byte> utf8, IReadOnlyList<string> columns, IReadOnlyList<string> required, ProblemCollector problems) =>
        Rows(utf8, columns, required, [], problems);

    internal static IEnumerable<RecordSource> Rows(ReadOnlySpan<byte> utf8, IReadOnlyList<string> columns, IReadOnlyList<string> required, IReadOnlyList<string> prefixes, ProblemCollector problems)
    {
        var layout = new CsvLayout(columns, required, prefixes, string.Join(",", columns));
        return Rows(utf8, _ => layout, problems);
    }

    /// <summary>The rows of a document whose layout its header decides: <paramref name="layoutOf"/> gets the header's
    /// column names (trimmed; none for an empty document) and returns the layout to read the document with.</summary>
    internal static IEnumerable<RecordSource> Rows(ReadOnlySpan<byte> utf8, Func<IReadOnlyList<string>, CsvLayout> layoutOf, ProblemCollector problems)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            // Locate the first bad byte through the JSON input's check, which reports line and column.
            Json.JsonInput.Parse(utf8, problems);
            return [];
        }

        var records = CsvParser.Parse(Encoding.UTF8.GetString(utf8), problems);
        if (records.Count == 0)
        {
            AddEmptyDocument(layoutOf, problems);
            return [];
        }

        if (ReadHeader(records[0], layoutOf, problems) is not { } header)
        {
            return [];
        }

        return records.Skip(1).Select(r => Row(r, header, problems));
    }

    /// <summary>Reports a document without a header row.</summary>
    internal static void AddEmptyDocument(Func<IReadOnlyList<string>, CsvLayout> layoutOf, ProblemCollector problems) =>
        problems.Add(ProblemKind.MissingValue, ProblemLocation.InText(1, 1), $"Expected a header row naming the columns {layoutOf([]).Described}; got an empty document.");

    /// <summary>Reads the header row against the layout its column names choose, reporting unknown, repeated and missing
    /// columns; <see langword="null"/> (with one problem) when the header is semicolon-separated and no row can be read.</summary>
    internal static CsvHeader? ReadHeader(List<CsvField> header, Func<IReadOnlyList<string>, CsvLayout> layoutOf, ProblemCollector problems)
    {
        if (SemicolonSeparated(header, layoutOf) is ({ } hint, { } semicolons))
        {
            // Every row would be one field and every column unknown: one problem says what is wrong instead.
            problems.Add(ProblemKind.MalformedInput, CsvParser.Location(semicolons.Line, semicolons.Column), hint);
            return null;
        }

        var layout = layoutOf([.. header.Select(f => f.Value.Trim())]);
        var (columns, required, prefixes, _, misplaced) = layout;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
        {
            var name = header[c].Value.Trim();
            var at = CsvParser.Location(header[c].Line, header[c].Column);
            if (!columns.Contains(name) && !prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal) && name.Length > p.Length))
            {
                var also = prefixes.Count == 0 ? string.Empty : " and " + string.Join(", ", prefixes.Select(p => p + "<dimension>"));
                problems.Add(ProblemKind.UnexpectedProperty, at, misplaced?.Invoke(name) ?? $"Unknown column \"{Snippet.Of(name)}\"; expected columns: {string.Join(",", columns)}{also}.");
            }
            else if (!index.TryAdd(name, c))
            {
                problems.Add(ProblemKind.UnexpectedProperty, at, $"Column \"{Snippet.Of(name)}\" appears more than once in the header.");
            }
        }

        foreach (var name in required)
        {
            if (!index.ContainsKey(name))
            {
                problems.Add(ProblemKind.MissingValue, ProblemLocation.InText(1), $"The header lacks the required column \"{name}\".");
            }
        }

        return new CsvHeader(header.Count, index, layout);
    }

    /// <summary>One row read against the header (a row with another number of fields than the header is reported here).</summary>
    internal static RecordSource Row(List<CsvField> fields, CsvHeader header, ProblemCollector problems) =>
        new CsvRow(fields, header.Width, header.Index, problems);

    /// <summary>The hint for a header whose column names are separated by semicolons (a spreadsheet's export in a locale whose
    /// decimal separator is the comma), or <see langword="null"/>: a header field that is no column name itself but holds
    /// ';' between at least two names of the layout that those names choose.</summary>
    private static (string Hint, CsvField Field)? SemicolonSeparated(List<CsvField> header, Func<IReadOnlyList<string>, CsvLayout> layoutOf)
    {
        foreach (var field in header)
        {
            if (!field.Value.Contains(';', StringComparison.Ordinal))
            {
                continue;
            }

            string[] names = [.. field.Value.Split(';').Select(n => n.Trim())];
            var layout = layoutOf(names);
            if (!layout.Columns.Contains(field.Value.Trim()) && names.Count(n => layout.Columns.Contains(n) || layout.Prefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal) && n.Length > p.Length)) >= 2)
            {
                return ($"The file looks semicolon-separated: the header \"{Snippet.Of(field.Value)}\" separates column names with ';'; expected commas (RFC 4180), as in {layout.Described}.", field);
            }
        }

        return null;
    }

    private sealed class CsvRow : RecordSource
    {
        private readonly List<CsvField> _fields;
        private readonly Dictionary<string, int> _index;

        internal CsvRow(List<CsvField> fields, int width, Dictionary<string, int> index, ProblemCollector problems)
            : base(problems)
        {
            _fields = fields;
            _index = index;
            Location = ProblemLocation.InText(fields[0].Line);
            WellFormed = fields.Count == width;
            if (!WellFormed)
            {
                problems.Add(ProblemKind.MalformedInput, Location, string.Create(CultureInfo.InvariantCulture, $"Expected {width} fields, as in the header; got {fields.Count}."));
            }
        }

        internal override ProblemLocation Location { get; }

        internal override bool WellFormed { get; }

        internal override ImmutableSortedDictionary<string, ProblemLocation> FieldStarts() =>
            _index.Where(c => c.Value < _fields.Count)
                .ToImmutableSortedDictionary(c => c.Key, c => CsvParser.Location(_fields[c.Value].Line, _fields[c.Value].Column), StringComparer.Ordinal);

        internal override ProblemLocation At(string name) =>
            _index.TryGetValue(name, out var c) && c < _fields.Count
                ? CsvParser.Location(_fields[c].Line, _fields[c].Column).Property(name)
                : Location.Property(name);

        internal override string? Text(string name, bool required)
        {
            var value = _index.TryGetValue(name, out var c) && c < _fields.Count ? _fields[c].Value : null;
            if (string.IsNullOrEmpty(value))
            {
                if (required && _index.ContainsKey(name))
                {
                    Problem(name, ProblemKind.MissingValue, $"The field \"{name}\" is required; got an empty field.");
                }

                return null;
            }

            return value;
        }

        internal override bool Has(string name) => _index.TryGetValue(name, out var c) && c < _fields.Count && _fields[c].Value.Length > 0;

        internal override long? Integer(string name, bool required)
        {
            var text = Text(name, required);
            if (text is null)
            {
                return null;
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            Problem(name, ProblemKind.WrongType, $"Expected an integer; got \"{Snippet.Of(text)}\".");
            return null;
        }

        internal override IReadOnlyList<(string Dimension, ProblemLocation Location, long? Rating)> Ratings(string kind)
        {
            var ratings = new List<(string, ProblemLocation, long?)>();
            foreach (var (column, _) in _index.Where(c => c.Key.StartsWith(kind + ".", StringComparison.Ordinal)).OrderBy(c => c.Value))
            {
                var text = Text(column, required: false);
                if (text is null)
                {
                    continue;
                }

                long? rating = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
                if (rating is null)
                {
                    Problem(column, ProblemKind.WrongType, $"Expected an integer rating; got \"{Snippet.Of(text)}\".");
                }

                ratings.Add((column[(kind.Length + 1)..], At(column), rating));
            }

            return ratings;
        }

        internal override IReadOnlyList<string> List(string name) =>
            Text(name, required: false) is { } text ? text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
    }
}
