using System.Data.Common;
using System.Globalization;
using InternalCustomer.Interchange;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;

namespace InternalCustomer.Data;

/// <summary>What a column holds, which decides its SQL type per provider. An instant is written as ISO-8601 text (as the
/// CSV writes it) for both: PostgreSQL's timestamp with time zone holds microseconds, and the model's instants (the built-in
/// example's among them) have nanoseconds; the readers take timestamp columns too.</summary>
internal enum ColumnKind
{
    Text,
    Instant,
    Integer,
}

/// <summary>One column of a table the writer creates: its name, what it holds, whether it is NOT NULL, whether it is
/// the primary key.</summary>
internal sealed record ColumnSpec(string Column, ColumnKind Kind, bool Required, bool Key = false);

/// <summary>
/// Creates a table and inserts records into it, parameterised and in one transaction (nothing is written when anything
/// fails), for SQLite and PostgreSQL: the one place the SQL types are chosen per provider (docs/database.md, "Writing").
/// </summary>
internal static class TableWriter
{
    /// <summary>The longest table name accepted: PostgreSQL's identifier limit (63 bytes).</summary>
    internal const int MaxNameBytes = 63;

    /// <summary>Creates the table and inserts the records; the values of a record are in the columns' order, an instant
    /// as an <see cref="Instant"/>, an integer as an <see cref="int"/>, text as a <see cref="string"/>, absent as
    /// <see langword="null"/>. Runs synchronously when <paramref name="sync"/> (the task is then complete).</summary>
    internal static async Task<long> WriteAsync<T>(
        DbConnection connection,
        string table,
        IReadOnlyList<ColumnSpec> columns,
        IEnumerable<T> records,
        Func<T, object?[]> values,
        bool sync,
        CancellationToken cancellationToken)
    {
        var dialect = Check(connection, table, nameof(connection), nameof(table));
        ArgumentNullException.ThrowIfNull(records);
        var transaction = sync ? connection.BeginTransaction() : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using (var create = connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = CreateTable(dialect, table, columns);
                await Execute(create, sync, cancellationToken).ConfigureAwait(false);
            }

            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Column)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var parameters = new DbParameter[columns.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = insert.CreateParameter();
                parameters[i].ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                insert.Parameters.Add(parameters[i]);
            }

            long count = 0;
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ArgumentNullException.ThrowIfNull(record, nameof(records));
                var row = values(record);
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i] switch
                    {
                        null => DBNull.Value,
                        Instant instant => NodaText.Format(instant),
                        var other => other,
                    };
                }

                await Execute(insert, sync, cancellationToken).ConfigureAwait(false);
                count++;
            }

            if (sync)
            {
                transaction.Commit();
            }
            else
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return count;
        }
    }

    /// <summary>Quotes an identifier for SQL (both providers use the standard double quotes).</summary>
    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Checks the connection and the table's name for a write; the provider's dialect.</summary>
    internal static Dialect Check(DbConnection connection, string table, string connectionParameter, string tableParameter)
    {
        CheckTable(connection, table, connectionParameter, tableParameter);
        return connection switch
        {
            SqliteConnection => Dialect.Sqlite,
            NpgsqlConnection => Dialect.Postgres,
            _ => throw new ArgumentException($"Expected a SQLite (Microsoft.Data.Sqlite) or PostgreSQL (Npgsql) connection, whose SQL types the writer knows; got a {connection.GetType().FullName}. Any provider's DbDataReader can be read.", connectionParameter),
        };
    }

    /// <summary>Checks that the connection is open and the table's name one both providers take (any provider).</summary>
    internal static void CheckTable(DbConnection connection, string table, string connectionParameter, string tableParameter)
    {
        ArgumentNullException.ThrowIfNull(connection, connectionParameter);
        ArgumentNullException.ThrowIfNull(table, tableParameter);
        if (string.IsNullOrWhiteSpace(table) || System.Text.Encoding.UTF8.GetByteCount(table) > MaxNameBytes || table.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Expected a table name of 1 to {MaxNameBytes} bytes, not blank and without NUL characters; got \"{table}\".", tableParameter);
        }

        if (connection.State != System.Data.ConnectionState.Open)
        {
            throw new ArgumentException($"Expected an open connection; got one in the state {connection.State}. Call Open first.", connectionParameter);
        }
    }

    private static string CreateTable(Dialect dialect, string table, IReadOnlyList<ColumnSpec> columns) =>
        $"CREATE TABLE {Quote(table)} ({string.Join(", ", columns.Select(c => $"{Quote(c.Column)} {TypeOf(dialect, c.Kind)}{(c.Required ? " NOT NULL" : string.Empty)}{(c.Key ? " PRIMARY KEY" : string.Empty)}"))})";

    private static string TypeOf(Dialect dialect, ColumnKind kind) => (dialect, kind) switch
    {
        (Dialect.Postgres, ColumnKind.Integer) => "integer",
        (Dialect.Postgres, _) => "text",
        (_, ColumnKind.Integer) => "INTEGER",
        _ => "TEXT",
    };

    private static Task Execute(DbCommand command, bool sync, CancellationToken cancellationToken)
    {
        if (sync)
        {
            command.ExecuteNonQuery();
            return Task.CompletedTask;
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The SQL dialects the writer knows.</summary>
internal enum Dialect
{
    Sqlite,
    Postgres,
}
