using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace InternalCustomer.Orleans.Tests;

/// <summary>
/// An in-process Orleans cluster of <c>n</c> silos (Orleans' testing host) hosting the roll-up for the built-in example,
/// with Orleans' ADO.NET grain storage on a fresh PostgreSQL schema; the schema is dropped on dispose. Failure detection
/// and message timeouts are shortened so that a killed silo is declared dead within seconds.
/// </summary>
public sealed class ScorecardTestCluster : IAsyncDisposable
{
    private ScorecardTestCluster(InProcessTestCluster cluster, PostgresSchema schema)
    {
        Cluster = cluster;
        Schema = schema;
    }

    /// <summary>Gets the cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>Gets the schema holding the grain states.</summary>
    public PostgresSchema Schema { get; }

    /// <summary>Starts a cluster.</summary>
    /// <param name="silos">The number of silos.</param>
    /// <param name="model">The organisation and options the silos are configured with.</param>
    /// <returns>The started cluster.</returns>
    public static async Task<ScorecardTestCluster> StartAsync(short silos, ScorecardModel model)
    {
        var schema = await PostgresSchema.CreateAsync();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAdoNetGrainStorage(ScorecardStorage.ProviderName, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = schema.ConnectionString;
            });
            silo.AddScorecardRollup(model.Organization, model.Options);
            silo.Services.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 1;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1);
            });
            silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        builder.ConfigureClient(client => client.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            await schema.DisposeAsync();
            throw;
        }

        return new ScorecardTestCluster(cluster, schema);
    }

    /// <summary>Gets a roll-up client through the external cluster client.</summary>
    /// <param name="model">The organisation and options.</param>
    /// <returns>The client.</returns>
    public ScorecardCluster ViaClient(ScorecardModel model) => new(Cluster.Client, model);

    /// <summary>Gets a roll-up client through a silo's own grain factory (calls that start on that silo).</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="model">The organisation and options.</param>
    /// <returns>The client.</returns>
    public static ScorecardCluster ViaSilo(InProcessSiloHandle silo, ScorecardModel model) => new(silo.ServiceProvider.GetRequiredService<IGrainFactory>(), model);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
            await Schema.DisposeAsync();
        }
    }
}
