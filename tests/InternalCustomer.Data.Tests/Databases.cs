using System.Data.Common;
using InternalCustomer.Agreements;
using InternalCustomer.Cli;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InternalCustomer.Data.Tests;

/// <summary>The databases the tests use: a SQLite file in a temporary directory, and the PostgreSQL server of
/// .ci/postgres (a test that needs it is a <see cref="InternalCustomer.Tests.PostgresFactAttribute"/>: it fails in CI
/// when the server is absent and is skipped, saying why, elsewhere), with names unique to each test.</summary>
internal static class Databases
{
    /// <summary>Gets the PostgreSQL connection string: INTERNALCUSTOMER_POSTGRES, else the one .ci/postgres sets up.</summary>
    internal static string PostgresConnectionString => InternalCustomer.Tests.PostgresServer.ConnectionString;

    /// <summary>The built-in example's requests, as the CSV reader reads them (the file-based truth).</summary>
    internal static IReadOnlyList<ServiceRequest> ExampleRequests { get; } = ServiceRequestCsv.Read(Inputs.Example("requests.csv")).GetValueOrThrow();

    /// <summary>The built-in example's responses, as the CSV reader reads them.</summary>
    internal static IReadOnlyList<FeedbackResponse> ExampleResponses { get; } = FeedbackResponseCsv.Read(Inputs.Example("responses.csv"), null).GetValueOrThrow();

    /// <summary>The requests in one order (by id), for comparing tables read without ORDER BY.</summary>
    internal static List<ServiceRequest> Canonical(IEnumerable<ServiceRequest> requests) => [.. requests.OrderBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>The responses in one order (by every field but the ratings), for comparing tables read without ORDER BY.</summary>
    internal static List<FeedbackResponse> Canonical(IEnumerable<FeedbackResponse> responses) =>
        [.. responses.OrderBy(r => r.Instant).ThenBy(r => r.Respondent).ThenBy(r => r.Subject).ThenBy(r => r.Overall).ThenBy(r => r.Recommend).ThenBy(r => r.Effort).ThenBy(r => r.Comment, StringComparer.Ordinal)];

    /// <summary>A name no other test (or run) uses: the stem and a random suffix.</summary>
    internal static string Unique(string stem) => $"{stem}_{Guid.NewGuid():N}";

    /// <summary>An open connection to the PostgreSQL server; throws (and so fails the test) when there is none.</summary>
    internal static NpgsqlConnection OpenPostgres(string? connectionString = null)
    {
        var connection = new NpgsqlConnection(connectionString ?? PostgresConnectionString);
        connection.Open();
        return connection;
    }

    internal static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static DbDataReader Query(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteReader();
    }
}

/// <summary>A SQLite database file in a directory of its own, deleted with it.</summary>
internal sealed class TempSqlite : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("internalcustomer-data-").FullName;

    internal TempSqlite()
    {
        File = Path.Combine(_directory, "test.db");
        Connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = File, Pooling = false }.ConnectionString);
        Connection.Open();
    }

    internal string File { get; }

    internal SqliteConnection Connection { get; }

    public void Dispose()
    {
        Connection.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>A table (or schema) of the PostgreSQL server made for one test, dropped with it.</summary>
internal sealed class TempPostgres : IDisposable
{
    internal TempPostgres()
    {
        Connection = Databases.OpenPostgres();
        Table = Databases.Unique("t");
    }

    internal NpgsqlConnection Connection { get; }

    /// <summary>Gets a table name unique to this test; <see cref="Dispose"/> drops the table and <c>{Table}_2</c>.</summary>
    internal string Table { get; }

    public void Dispose()
    {
        // On a connection of its own: a test may have ended the one it used.
        Connection.Dispose();
        using var other = Databases.OpenPostgres();
        Databases.Execute(other, $"DROP TABLE IF EXISTS \"{Table}\"; DROP TABLE IF EXISTS \"{Table}_2\"");
    }
}
