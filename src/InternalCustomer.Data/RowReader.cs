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
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (Exception e) when (IsProviderFailure(e))
            {
                throw new DatabaseReadException(what, row, e);
            }

            if (!more)
            {
                yield break;
            }

            yield return Row(++row);
        }
    }

    internal async IAsyncEnumerable<RecordResult<T>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long row = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsProviderFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                throw new DatabaseReadException(what, row, e);
            }

            if (!more)
            {
                yield break;
            }

            yield return Row(++row, cancellationToken);
        }
    }

    /// <summary>Tells whether an exception from the provider's own call (<c>Read</c>, <c>ReadAsync</c>) means the database
    /// stopped answering (as opposed to a cancellation): a provider, I/O, socket or timeout exception, or an
    /// <see cref="InvalidOperationException"/> (Npgsql's "connection is not open"), which only the provider can have thrown here.</summary>
    private static bool IsProviderFailure(Exception e) =>
        e is DbException or IOException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException;

    /// <summary>One row made into a record; a failure of the provider while its values were read (a provider, I/O, socket
    /// or timeout exception, or an <see cref="InvalidOperationException"/> the record source marked as the provider's) is a
    /// <see cref="DatabaseReadException"/>, unless the read was cancelled (then the provider's failure is the cancellation's
    /// doing: an <see cref="OperationCanceledException"/> for the marked one, the provider's own exception otherwise, as
    /// for <c>ReadAsync</c>). An exception of the mapping itself is not caught: it is a bug, not a dropped connection.</summary>
    private RecordResult<T> Row(long row, CancellationToken cancellationToken = default)
    {
        try
        {
            return One(row);
        }
        catch (ProviderCallException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The read was cancelled while a row's values were read.", e.Provider, cancellationToken);
        }
        catch (ProviderCallException e)
        {
            throw new DatabaseReadException(what, row - 1, e.Provider);
        }
        catch (Exception e) when ((e is DbException or IOException or TimeoutException or System.Net.Sockets.SocketException) && !cancellationToken.IsCancellationRequested)
        {
            throw new DatabaseReadException(what, row - 1, e);
        }
    }

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
