namespace InternalCustomer.Tests;

/// <summary>A fact that needs the PostgreSQL server of <c>.ci/postgres</c>. When no server answers and <c>CI</c> is not
/// set (a developer's machine with only the .NET SDK), it is skipped with the reason and how to get a server; in CI
/// (<c>CI</c> set, as <c>.ci/run</c> sets it) it always runs, so a missing server fails it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Initializes the attribute, skipping the test when <see cref="PostgresServer.SkipReason"/> says so.</summary>
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
