using System.Data.Common;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Commands;
using InternalCustomer.Data;
using InternalCustomer.Feedback;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InternalCustomer.Cli;

/// <summary>
/// The requests and responses of <c>--database</c>: <c>sqlite:FILE</c> (opened read-only) or a PostgreSQL connection
/// string, read from the tables <see cref="ServiceRequestTable.DefaultName"/> and <see cref="FeedbackResponseTable.DefaultName"/>
/// with the default column mapping (docs/database.md).
/// </summary>
/// <remarks>A row's problems are said as a file's are, the source being the database and table
/// (<c>sqlite:x.db/service_requests: $.row[3].opened: …</c>; a PostgreSQL source names host, port and database, never the
/// password). A database that cannot be reached, a missing table or column, and a read that fails are problems (exit 1).</remarks>
internal static class DatabaseInputs
{
    internal const string SqlitePrefix = "sqlite:";

    /// <summary>The requests and responses of the database; the problems of their rows are added to <paramref name="problems"/>.</summary>
    internal static (FileRecords<ServiceRequest> Requests, FileRecords<FeedbackResponse> Responses) Read(string database, List<string> problems)
    {
        var (connection, name) = Open(database);
        using (connection)
        {
            var requestSource = $"{name}/{ServiceRequestTable.DefaultName}";
            var responseSource = $"{name}/{FeedbackResponseTable.DefaultName}";
            try
            {
                var requests = FileRecords.Of(requestSource, Table(requestSource, () => ServiceRequestTable.ReadLocated(connection)), problems);
                var responses = FileRecords.Of(responseSource, Table(responseSource, () => FeedbackResponseTable.ReadLocated(connection)), problems);
                return (requests, responses);
            }
            catch (DatabaseReadException e)
            {
                throw new InvalidInputException([$"{name}: {e.Message}"]);
            }
        }
    }

    /// <summary>Reads one table; a missing table or column is a problem of the table (thrown).</summary>
    private static T Table<T>(string source, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException([$"{source}: {e.Message}"]);
        }
        catch (DbException e)
        {
            throw new InvalidInputException([$"{source}: cannot be read: {e.Message}"]);
        }
    }

    private static (DbConnection Connection, string Name) Open(string database)
    {
        DbConnection connection;
        string name;
        if (database.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var file = database[SqlitePrefix.Length..];
            if (file.Length == 0)
            {
                throw new UsageException("--database sqlite:: expected a file after sqlite: (--database sqlite:feedback.db).");
            }

            if (!File.Exists(file))
            {
                throw new UsageException($"--database {database}: no such file (expected a SQLite database).");
            }

            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            name = SqlitePrefix + file;
        }
        else
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(database);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new UsageException($"--database: expected sqlite:FILE or a PostgreSQL connection string such as \"Host=localhost;Username=me;Password=secret;Database=service_desk\"; got one that does not parse: {e.Message}");
            }

            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new UsageException("--database: expected sqlite:FILE or a PostgreSQL connection string with a Host (\"Host=localhost;Username=me;Database=service_desk\"); got one without a Host.");
            }

            name = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
            connection = new NpgsqlConnection(builder.ConnectionString);
        }

        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            connection.Dispose();
            throw new InvalidInputException([$"{name}: cannot connect: {e.Message}"]);
        }

        return (connection, name);
    }
}
