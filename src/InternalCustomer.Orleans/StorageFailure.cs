using System.Data.Common;

namespace InternalCustomer.Orleans;

// A grain storage failure caused by the database (a DbException such as Npgsql's PostgresException, which Orleans cannot
// serialise to a caller on another silo) becomes an InvalidOperationException carrying the database's error in its
// message; the silo's log has the original (Orleans logs every storage error). Other failures pass unchanged (null).
internal static class StorageFailure
{
    internal static InvalidOperationException? Of(Exception exception, string whose) =>
        exception.GetBaseException() is DbException database
            ? new InvalidOperationException($"Expected the state of {whose} written to the grain storage '{ScorecardStorage.ProviderName}'; the database failed: {database.GetType().Name}: {database.Message}")
            : null;
}
