using System.Data.Common;
using Npgsql;

namespace InternalCustomer.Orleans.Tests;

/// <summary>
/// A fresh PostgreSQL schema for one test run, holding the grain storage tables (Storage/orleans-grain-storage.postgresql.sql):
/// created on the server of <c>INTERNALCUSTOMER_POSTGRES</c> (or the CI default), dropped on dispose. Without a server
/// the tests that need one fail in CI and are skipped, saying why, elsewhere (<c>PostgresFactAttribute</c>).
/// </summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    static PostgresSchema()
    {
        // Orleans' ADO.NET layer finds the provider by its invariant name.
        DbProviderFactories.RegisterFactory("Npgsql", NpgsqlFactory.Instance);
    }

    private PostgresSchema(string name, string serverConnectionString)
    {
        Name = name;
        ServerConnectionString = serverConnectionString;
        // A small pool per schema: PostgreSQL serves 100 connections to every helper and test on the machine.
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { SearchPath = name, MaxPoolSize = 8 }.ConnectionString;
    }

    /// <summary>Gets the schema's name.</summary>
    public string Name { get; }

    /// <summary>Gets the connection string whose search path is the schema.</summary>
    public string ConnectionString { get; }

    private string ServerConnectionString { get; }

    /// <summary>Creates a schema with a unique name and the grain storage tables in it.</summary>
    /// <returns>The schema.</returns>
    public static async Task<PostgresSchema> CreateAsync()
    {
        var server = InternalCustomer.Tests.PostgresServer.ConnectionString;
        var schema = new PostgresSchema("orleans_" + Guid.NewGuid().ToString("N")[..16], server);
        string script;
        await using (var resource = typeof(PostgresSchema).Assembly.GetManifestResourceStream("orleans-grain-storage.postgresql.sql")
            ?? throw new InvalidOperationException("The assembly lacks the grain storage script orleans-grain-storage.postgresql.sql."))
        using (var reader = new StreamReader(resource))
        {
            script = await reader.ReadToEndAsync();
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE SCHEMA {schema.Name}; SET search_path TO {schema.Name};", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var tables = new NpgsqlCommand(script, connection))
        {
            await tables.ExecuteNonQueryAsync();
        }

        return schema;
    }

    /// <summary>Counts the grain states stored in the schema.</summary>
    /// <returns>The number of rows.</returns>
    public async Task<long> CountStatesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM OrleansGrainState WHERE PayloadBinary IS NOT NULL", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Close the schema's idle pooled connections, which would otherwise hold server slots for minutes.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
