using InternalCustomer.Tests;
using InternalCustomer.Cli;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace InternalCustomer.Data.Tests;

/// <summary><c>report --database</c>, run in-process as the tool's own tests run it.</summary>
public sealed class CliDatabaseTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 7, 1, 0, 0));

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public void The_report_from_SQLite_equals_the_built_in_one(string format)
    {
        using var db = new TempSqlite();
        LoadExample(db.Connection);

        var (code, output, error) = Run("report", "--database", "sqlite:" + db.File, "--format", format);
        var builtIn = Run("report", "--format", format);

        Assert.Equal(0, builtIn.Code);
        Assert.Equal((0, string.Empty), (code, error));
        Assert.Equal(builtIn.Output, output);

        // The report is the database's: with fewer responses in it, it is another.
        Databases.Execute(db.Connection, "DELETE FROM feedback_responses WHERE rowid % 2 = 0");
        var fewer = Run("report", "--database", "sqlite:" + db.File, "--format", format);
        Assert.Equal(0, fewer.Code);
        Assert.NotEqual(builtIn.Output, fewer.Output);
    }

    [PostgresFact]
    public void The_report_from_PostgreSQL_equals_the_built_in_one()
    {
        // The tool reads the default table names: they go into a schema of this test's own, found through the search path.
        var schema = Databases.Unique("s");
        using var admin = Databases.OpenPostgres();
        Databases.Execute(admin, $"CREATE SCHEMA \"{schema}\"");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(Databases.PostgresConnectionString) { SearchPath = schema, Pooling = false }.ConnectionString;
            using (var connection = Databases.OpenPostgres(connectionString))
            {
                LoadExample(connection);
            }

            var (code, output, error) = Run("report", "--database", connectionString);

            Assert.Equal((0, string.Empty), (code, error));
            Assert.Equal(Run("report").Output, output);
        }
        finally
        {
            Databases.Execute(admin, $"DROP SCHEMA \"{schema}\" CASCADE");
        }
    }

    [Fact]
    public void A_bad_row_is_reported_with_its_table_row_and_column()
    {
        using var db = new TempSqlite();
        LoadExample(db.Connection);
        Databases.Execute(db.Connection, "UPDATE feedback_responses SET overall = 'five' WHERE rowid = 3; UPDATE service_requests SET agreement = 'no-such-ola' WHERE rowid = 2");

        var (code, output, error) = Run("report", "--database", "sqlite:" + db.File);

        Assert.Equal(1, code);
        Assert.Empty(output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"sqlite:{db.File}/feedback_responses: $.row[3].overall: Expected an integer; got text \"five\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"sqlite:{db.File}/service_requests: $.row[2].agreement: ", StringComparison.Ordinal) && l.Contains("no-such-ola", StringComparison.Ordinal));
    }

    [Fact]
    public void Database_with_a_request_or_response_file_is_a_usage_error()
    {
        var (code, output, error) = Run("report", "--database", "sqlite:x.db", "--requests", "requests.csv");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith("error: --database sqlite:x.db and --requests requests.csv: ", error, StringComparison.Ordinal);

        var secret = Run("report", "--database", "Host=h;Password=hunter2", "--responses", "r.csv");
        Assert.Equal(1, secret.Code);
        Assert.Contains("--database <PostgreSQL connection string> and --responses r.csv", secret.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", secret.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_a_missing_table_and_a_bad_connection_string_are_clear_errors()
    {
        using var db = new TempSqlite();
        var missing = Path.Combine(Path.GetDirectoryName(db.File)!, "none.db");
        Assert.Equal((1, $"error: --database sqlite:{missing}: no such file (expected a SQLite database).\n"), Codes(Run("report", "--database", "sqlite:" + missing)));

        Databases.Execute(db.Connection, "CREATE TABLE unrelated (x INTEGER)");
        var noTable = Run("report", "--database", "sqlite:" + db.File);
        Assert.Equal(1, noTable.Code);
        Assert.StartsWith($"sqlite:{db.File}/service_requests: cannot be read: ", noTable.Error, StringComparison.Ordinal);
        Assert.Contains("no such table", noTable.Error, StringComparison.Ordinal);

        var garbage = Run("report", "--database", "not a connection string");
        Assert.Equal(1, garbage.Code);
        Assert.StartsWith("error: --database: expected sqlite:FILE or a PostgreSQL connection string", garbage.Error, StringComparison.Ordinal);

        var unreachable = Run("report", "--database", "Host=127.0.0.1;Port=1;Username=u;Password=secret-pw;Timeout=2");
        Assert.Equal(1, unreachable.Code);
        Assert.StartsWith("postgresql://127.0.0.1:1/u: cannot connect: ", unreachable.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", unreachable.Error, StringComparison.Ordinal);
    }

    private static void LoadExample(System.Data.Common.DbConnection connection)
    {
        ServiceRequestTable.Write(connection, ServiceRequestTable.DefaultName, Databases.ExampleRequests);
        FeedbackResponseTable.Write(connection, FeedbackResponseTable.DefaultName, Databases.ExampleResponses);
    }

    private static (int Code, string Error) Codes((int Code, string Output, string Error) run) => (run.Code, run.Error);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, output, error, stderrIsTerminal: false, Clock);
        return (code, output.ToString(), error.ToString());
    }
}
