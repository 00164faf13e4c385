using Npgsql;

namespace InternalCustomer.Tests;

/// <summary>The PostgreSQL server the tests use, and whether a test that needs it may be skipped.</summary>
public static class PostgresServer
{
    /// <summary>The connection string <c>.ci/postgres</c> sets up.</summary>
    public const string Default = "Host=127.0.0.1;Port=5432;Username=internalcustomer;Password=internalcustomer;Database=internalcustomer";

    private static readonly Lazy<string?> Reason = new(FindSkipReason);

    /// <summary>Gets the connection string: <c>INTERNALCUSTOMER_POSTGRES</c>, else <see cref="Default"/>.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("INTERNALCUSTOMER_POSTGRES") is { Length: > 0 } given ? given : Default;

    /// <summary>Gets why a PostgreSQL test is skipped here, or <see langword="null"/> when it runs (a server answers, or
    /// <c>CI</c> is set).</summary>
    public static string? SkipReason => Reason.Value;

    private static string? FindSkipReason()
    {
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            return null;
        }

        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 3, Pooling = false }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return $"No PostgreSQL server answers ({e.Message}): run .ci/postgres (it installs Debian's postgresql and starts it on 127.0.0.1) or set INTERNALCUSTOMER_POSTGRES. In CI (CI set) this test fails instead.";
        }
    }
}
