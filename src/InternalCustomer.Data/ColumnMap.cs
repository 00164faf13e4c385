using System.Collections.Immutable;
using System.Data.Common;

namespace InternalCustomer.Data;

/// <summary>The column of each field of a record type, shared by <see cref="ServiceRequestColumns"/> and
/// <see cref="FeedbackResponseColumns"/>: every field maps to a column name (by default the field's own, the CSV column
/// name), an optional field may map to none (not read, not written).</summary>
internal sealed class ColumnMap : IEquatable<ColumnMap>
{
    private readonly ImmutableArray<string?> _columns;

    private ColumnMap(string what, ImmutableArray<string> fields, ImmutableHashSet<string> required, ImmutableArray<string?> columns)
    {
        What = what;
        Fields = fields;
        Required = required;
        _columns = columns;
    }

    /// <summary>Gets what the records are, for messages ("service request").</summary>
    internal string What { get; }

    internal ImmutableArray<string> Fields { get; }

    internal ImmutableHashSet<string> Required { get; }

    /// <summary>The map of each field to the column of its own name.</summary>
    internal static ColumnMap Default(string what, IEnumerable<string> fields, IEnumerable<string> required)
    {
        ImmutableArray<string> all = [.. fields];
        return new(what, all, [.. required], [.. all]);
    }

    internal string? ColumnOf(string field, string parameterName) => _columns[IndexOf(field, parameterName)];

    internal ColumnMap With(string field, string? column, string fieldParameter, string columnParameter)
    {
        var index = IndexOf(field, fieldParameter);
        if (column is null)
        {
            if (Required.Contains(field))
            {
                throw new ArgumentException($"Expected a column for the field \"{field}\", which every {What} has; got none (null). Only these fields may be left unmapped: {string.Join(", ", Fields.Where(f => !Required.Contains(f)))}.", columnParameter);
            }
        }
        else if (string.IsNullOrWhiteSpace(column))
        {
            throw new ArgumentException($"Expected a column name for the field \"{field}\" (or null to leave an optional field unread); got \"{column}\".", columnParameter);
        }

        var other = column is null ? -1 : _columns.IndexOf(column, StringComparer.Ordinal);
        if (other >= 0 && other != index)
        {
            throw new ArgumentException($"Expected a column of its own for the field \"{field}\"; got \"{column}\", which is already the column of \"{Fields[other]}\".", columnParameter);
        }

        return new(What, Fields, Required, _columns.SetItem(index, column));
    }

    /// <summary>The mapped fields with their columns, in the fields' order.</summary>
    internal IEnumerable<(string Field, string Column)> Mapped()
    {
        for (var i = 0; i < Fields.Length; i++)
        {
            if (_columns[i] is { } column)
            {
                yield return (Fields[i], column);
            }
        }
    }

    /// <summary>The ordinal of each field's column in the reader (-1 for an unmapped field), in the fields' order; a
    /// mapped column the reader lacks is an <see cref="ArgumentException"/> naming every missing one and the columns the
    /// reader has. A column is matched by its exact name, else by the one column whose name differs only in case.</summary>
    internal int[] Ordinals(DbDataReader reader, string parameterName)
    {
        var names = Names(reader);
        var ordinals = new int[Fields.Length];
        var missing = new List<string>();
        for (var i = 0; i < Fields.Length; i++)
        {
            ordinals[i] = _columns[i] is { } column ? Find(names, column) : -1;
            if (ordinals[i] == -2)
            {
                missing.Add($"\"{_columns[i]}\" (field {Fields[i]})");
            }
        }

        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"Expected the reader to have every mapped column of a {What}; it lacks {string.Join(", ", missing)}. Its columns: {(names.Length == 0 ? "none" : string.Join(", ", names))}. Map a field to another column with WithColumn, or an optional field to null to leave it unread.",
                parameterName);
        }

        return ordinals;
    }

    internal static string[] Names(DbDataReader reader)
    {
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetName(i);
        }

        return names;
    }

    /// <summary>The ordinal of the column: by exact name, else the one that differs only in case; -2 when none (or
    /// several differ only in case).</summary>
    private static int Find(string[] names, string column)
    {
        var exact = Array.IndexOf(names, column);
        if (exact >= 0)
        {
            return exact;
        }

        var found = -2;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], column, StringComparison.OrdinalIgnoreCase))
            {
                if (found >= 0)
                {
                    return -2;
                }

                found = i;
            }
        }

        return found;
    }

    private int IndexOf(string field, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(field, parameterName);
        var index = Fields.IndexOf(field, StringComparer.Ordinal);
        return index >= 0
            ? index
            : throw new ArgumentException($"Expected a field of a {What}, one of {string.Join(", ", Fields)}; got \"{field}\".", parameterName);
    }

    public bool Equals(ColumnMap? other) => other is not null && What == other.What && _columns.SequenceEqual(other._columns, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ColumnMap);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var column in _columns)
        {
            hash.Add(column, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", Fields.Select((f, i) => $"{f}={_columns[i] ?? "(none)"}"));
}
