using System.Collections.Immutable;
using System.Data.Common;
using InternalCustomer.Interchange;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Data;

/// <summary>What the two tables' readers share: the origin's aliases of a mapping, and reading a whole table.</summary>
internal static class TableReader
{
    /// <summary>Each mapped field whose column has another name, as the alias of its origin, so that
    /// <see cref="RecordOrigin.Field"/> of the model's name says the column's: <c>$.row[3].opened_at</c>.</summary>
    internal static ImmutableSortedDictionary<string, ProblemLocation> Aliases(ColumnMap map, params (string Part, string Field)[] parts)
    {
        var aliases = ImmutableSortedDictionary.CreateBuilder<string, ProblemLocation>(StringComparer.Ordinal);
        foreach (var (field, column) in map.Mapped())
        {
            if (!string.Equals(field, column, StringComparison.Ordinal))
            {
                aliases[field] = ProblemLocation.Root.Property(column);
            }
        }

        foreach (var (part, field) in parts)
        {
            aliases[part] = ProblemLocation.Root.Property(map.ColumnOf(field, nameof(field)) ?? field);
        }

        return aliases.ToImmutable();
    }

    /// <summary><c>SELECT * FROM table</c>, every row read with <paramref name="read"/> into one result.</summary>
    internal static LocatedRecords<T> ReadLocated<T>(DbConnection connection, string table, Func<DbDataReader, IEnumerable<RecordResult<T>>> read)
        where T : class
    {
        TableWriter.CheckTable(connection, table, nameof(connection), nameof(table));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM " + TableWriter.Quote(table);
        using var reader = command.ExecuteReader();
        var records = ImmutableArray.CreateBuilder<T>();
        var origins = ImmutableArray.CreateBuilder<RecordOrigin>();
        var problems = new ProblemCollector();
        foreach (var item in read(reader))
        {
            if (item.Record is not null)
            {
                records.Add(item.Record);
                origins.Add(item.Origin!);
            }

            foreach (var problem in item.Problems)
            {
                problems.Add(problem);
            }
        }

        return new(records.ToImmutable(), origins.ToImmutable(), problems.ToImmutable());
    }
}
