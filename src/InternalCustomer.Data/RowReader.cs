using System.Collections.Immutable;
using System.Data.Common;
using System.Runtime.CompilerServices;
using InternalCustomer.Interchange;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Data;

/// <summary>The row loop shared by the readers: one row at a time, each made into one <see cref="RecordResult{T}"/> by
/// the interchange package's mapping, with the origin <c>$.row[n]</c> and each field at its column; a failure of the
/// connection becomes a <see cref="DatabaseReadException"/>.</summary>
internal sealed class RowReader<T>(string what, DbDataReader reader, RowShape shape, Func<RecordSource, T?> step, ImmutableSortedDictionary<string, ProblemLocation> aliases)
    where T : class
{
    internal IEnumerable<RecordResult<T>> Read()
    {
        long row = 0;
        while (true)
        {
            RecordResult<T> result;
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }

                result = One(row + 1);
                row++;
            }
            catch (Exception e) when (IsFailure(e))
            {
                throw new DatabaseReadException(what, row, e);
            }

            yield return result;
        }
    }

    internal async IAsyncEnumerable<RecordResult<T>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long row = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RecordResult<T> result;
            try
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }

                result = One(row + 1);
                row++;
            }
            catch (Exception e) when (IsFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                throw new DatabaseReadException(what, row, e);
            }

            yield return result;
        }
    }

    /// <summary>Tells whether an exception means the database stopped answering (as opposed to a cancellation, or a
    /// bug): a provider, I/O, socket or timeout exception, or an <see cref="InvalidOperationException"/> thrown by the
    /// reader's own code (Npgsql's "connection is not open") — not one thrown by the mapping of a row.</summary>
    private bool IsFailure(Exception e) =>
        e is DbException or IOException or TimeoutException or System.Net.Sockets.SocketException
        || (e is InvalidOperationException && e.TargetSite?.DeclaringType?.Assembly == reader.GetType().Assembly);

    private RecordResult<T> One(long row)
    {
        var problems = new ProblemCollector();
        var source = new DbRecordSource(reader, shape, row, problems);
        var record = step(source);
        return record is null
            ? new RecordResult<T>(null, null, problems.ToImmutable())
            : new RecordResult<T>(record, new RecordOrigin(source.Location, aliases: aliases), problems.ToImmutable());
    }
}
