namespace InternalCustomer.Orleans;

/// <summary>The names under which the roll-up's grains keep their state.</summary>
/// <remarks>Configure a grain storage provider under <see cref="ProviderName"/> on every silo, for example Orleans' ADO.NET
/// provider on PostgreSQL: <c>siloBuilder.AddAdoNetGrainStorage(ScorecardStorage.ProviderName, o =&gt; { o.Invariant =
/// "Npgsql"; o.ConnectionString = ...; })</c> (see <c>docs/orleans.md</c>).</remarks>
public static class ScorecardStorage
{
    /// <summary>The grain storage provider's name: <c>scorecards</c>.</summary>
    public const string ProviderName = "scorecards";

    /// <summary>The state name of a relationship grain's scorecard state: <c>scorecard</c>.</summary>
    public const string RelationshipStateName = "scorecard";

    /// <summary>The state name of the directory grain's list of relationships: <c>relationships</c>.</summary>
    public const string DirectoryStateName = "relationships";
}
