using System.Data.Common;
using System.Globalization;
using InternalCustomer.Interchange;
using InternalCustomer.Interchange.Records;
using NodaTime;

namespace InternalCustomer.Data;

/// <summary>
/// One row of a <see cref="DbDataReader"/> as a record of the interchange package's mappings, so a row is read by the
/// same rules as a CSV row: each field's value as text (an instant of a timestamp column in ISO-8601), integers as
/// integers, and every problem at <c>$.row[n].column</c> (n the row's number from 1, the column as the reader names it).
/// </summary>
/// <remarks>What a column may hold is in docs/database.md: text for text fields (an integer is taken as its digits);
/// for an instant, ISO-8601 text or a timestamp with time zone (a <see cref="DateTime"/> of kind UTC, a
/// <see cref="DateTimeOffset"/>); for an integer, an integer type (or a decimal without fraction). Any other type is a
/// <see cref="ProblemKind.WrongType"/> problem; NULL or empty text is a field not given (a
/// <see cref="ProblemKind.MissingValue"/> problem where the field is required).</remarks>
internal sealed class DbRecordSource : RecordSource
{
    private readonly DbDataReader _reader;
    private readonly RowShape _shape;

    internal DbRecordSource(DbDataReader reader, RowShape shape, long row, ProblemCollector problems)
        : base(problems)
    {
        _reader = reader;
        _shape = shape;
        Location = RowLocation(row);
    }

    internal override ProblemLocation Location { get; }

    /// <summary>The location of row <paramref name="row"/> (from 1): <c>$.row[n]</c>.</summary>
    internal static ProblemLocation RowLocation(long row) =>
        ProblemLocation.Root.Property("row").Element(row <= int.MaxValue ? (int)row : int.MaxValue);

    internal override ProblemLocation At(string name) =>
        Location.Property(_shape.Fields.TryGetValue(name, out var field) ? field.Column : name);

    /// <remarks>Reads the value without recording a problem: the reading that follows (<see cref="Text"/>,
    /// <see cref="Integer"/>, …) records it once.</remarks>
    internal override bool Has(string name)
    {
        if (!_shape.Fields.TryGetValue(name, out var field))
        {
            return false;
        }

        try
        {
            return !_reader.IsDBNull(field.Ordinal) && _reader.GetValue(field.Ordinal) is not "";
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
        {
            return true;
        }
        catch (InvalidOperationException e)
        {
            throw new ProviderCallException(e);
        }
    }

    internal override string? Text(string name, bool required)
    {
        switch (Given(name, required))
        {
            case null:
                return null;
            case string s:
                return s;
            case DateTime { Kind: DateTimeKind.Utc } utc when _shape.Instants.Contains(name):
                return NodaText.Format(Instant.FromDateTimeUtc(utc));
            case DateTimeOffset offset when _shape.Instants.Contains(name):
                return NodaText.Format(Instant.FromDateTimeOffset(offset));
            case Instant instant when _shape.Instants.Contains(name):
                return NodaText.Format(instant);
            case DateTime local when _shape.Instants.Contains(name):
                Problem(name, ProblemKind.WrongType, $"Expected an instant: a timestamp with time zone, or ISO-8601 text such as 2026-03-02T09:30:00Z; got a timestamp without time zone ({local.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)}), which names no instant.");
                return null;
            case IConvertible number when number is long or int or short or byte or sbyte or ushort or uint or ulong && !_shape.Instants.Contains(name):
                return number.ToString(CultureInfo.InvariantCulture);
            case { } other:
                Problem(name, ProblemKind.WrongType, _shape.Instants.Contains(name)
                    ? $"Expected an instant: a timestamp with time zone, or ISO-8601 text such as 2026-03-02T09:30:00Z; got {Describe(other)}."
                    : $"Expected text; got {Describe(other)}.");
                return null;
        }
    }

    internal override IReadOnlyList<string> List(string name) =>
        Text(name, required: false) is { } text ? text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];

    internal override long? Integer(string name, bool required) =>
        Given(name, required) is { } value ? IntegerOf(value, name, "an integer") : null;

    /// <summary>The value of a mapped field, or <see langword="null"/> when the shape does not map it or it is not given:
    /// NULL or an empty text, as an empty CSV cell is (reported when <paramref name="required"/>).</summary>
    private object? Given(string name, bool required)
    {
        if (!_shape.Fields.TryGetValue(name, out var field))
        {
            return null;
        }

        switch (Value(field.Ordinal, name))
        {
            case null:
                Missing(name, field.Column, required, "NULL");
                return null;
            case string { Length: 0 }:
                Missing(name, field.Column, required, "an empty text");
                return null;
            case var value:
                return value;
        }
    }

    internal override IReadOnlyList<(string Dimension, ProblemLocation Location, long? Rating)> Ratings(string kind)
    {
        if (!_shape.Ratings.TryGetValue(kind, out var columns))
        {
            return [];
        }

        var ratings = new List<(string, ProblemLocation, long?)>();
        foreach (var (dimension, ordinal, column) in columns)
        {
            if (Value(ordinal, column) is { } value and not "")
            {
                ratings.Add((dimension, Location.Property(column), IntegerOf(value, column, $"an integer {kind} rating")));
            }
        }

        return ratings;
    }

    private long? IntegerOf(object value, string name, string expected)
    {
        switch (value)
        {
            case long l:
                return l;
            case int i:
                return i;
            case short s:
                return s;
            case byte b:
                return b;
            case sbyte sb:
                return sb;
            case ushort us:
                return us;
            case uint ui:
                return ui;
            case ulong ul when ul <= long.MaxValue:
                return (long)ul;
            case decimal d when d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue:
                return (long)d;

            // A whole number in a floating-point column (SQLite's REAL 4.0, PostgreSQL's double precision), as exact
            // as a double is: up to 2^53.
            case double x when Math.Floor(x) == x && Math.Abs(x) <= 9007199254740992.0:
                return (long)x;
            case float x when MathF.Floor(x) == x && Math.Abs(x) <= 16777216f:
                return (long)x;
            default:
                Problems.Add(ProblemKind.WrongType, At(name), $"Expected {expected}; got {Describe(value)}.");
                return null;
        }
    }

    private void Missing(string name, string column, bool required, string got)
    {
        if (required)
        {
            Problem(name, ProblemKind.MissingValue, $"The column \"{column}\" is required; got {got}.");
        }
    }

    /// <summary>The value at the ordinal, <see langword="null"/> for NULL; a value the provider cannot turn into a .NET
    /// value (out of its range) is a <see cref="ProblemKind.WrongType"/> problem and read as NULL.</summary>
    private object? Value(int ordinal, string name)
    {
        try
        {
            return _reader.IsDBNull(ordinal) ? null : _reader.GetValue(ordinal);
        }
        catch (InvalidOperationException e)
        {
            throw new ProviderCallException(e);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
        {
            Problems.Add(ProblemKind.WrongType, At(name), $"Expected a value the database provider can read; got one it cannot ({e.GetType().Name}: {e.Message}).");
            return null;
        }
    }

    private static string Describe(object value) => value switch
    {
        string s => $"text \"{Snippet.Of(s)}\"",
        double or float or decimal => string.Create(CultureInfo.InvariantCulture, $"a number with a fraction or out of range ({value})"),
        long or int or short or byte or sbyte or ushort or uint or ulong => string.Create(CultureInfo.InvariantCulture, $"an integer ({value})"),
        bool b => b ? "a boolean (true)" : "a boolean (false)",
        byte[] bytes => string.Create(CultureInfo.InvariantCulture, $"binary data ({bytes.Length} bytes)"),
        DateTime or DateTimeOffset => string.Create(CultureInfo.InvariantCulture, $"a timestamp ({value})"),
        _ => $"a value of type {value.GetType().Name} ({Snippet.Of(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)})",
    };
}
