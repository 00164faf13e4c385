using System.Collections.Immutable;
using System.Data.Common;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange;

namespace InternalCustomer.Data;

/// <summary>
/// Service requests in a database table: read from any ADO.NET <see cref="DbDataReader"/> one row at a time, and
/// written into a new table of SQLite or PostgreSQL.
/// </summary>
/// <remarks>
/// <para><b>Reading.</b> <see cref="ReadRecords"/> and <see cref="ReadRecordsAsync"/> take a reader positioned before its first row
/// (the result of <c>SELECT * FROM service_requests</c>, or of any query with the mapped columns) and yield one
/// <see cref="RecordResult{T}"/> per row, reading the next row only when asked: memory stays constant however many rows
/// there are. A row is read by the CSV request layout's rules (docs/interchange.md): the same fields, checks and messages,
/// pauses as <c>start/end</c> intervals separated by <c>;</c>, the reopen gap as one interval. A row with a problem — a
/// value of the wrong type, NULL in a required column, a value out of range — is a result without a record, its
/// problems at <c>$.row[n].column</c> (n the row's number from 1 in the reader's order, the column as the reader names
/// it); it never throws. Request ids are not checked for duplicates across rows (that would hold every id in memory): a
/// table made by <see cref="Write"/> has <c>id</c> as its primary key. The reader is not closed or disposed.</para>
/// <para><b>Errors.</b> A mapped column the reader lacks is an <see cref="ArgumentException"/> when the method is called,
/// before any row is read. The database failing under the read (a dropped connection, a terminated session) is a
/// <see cref="DatabaseReadException"/> from the enumeration, after the records of the rows before it. A cancelled read
/// throws <see cref="OperationCanceledException"/>.</para>
/// <para><b>Writing.</b> <see cref="Write"/> creates the table and inserts the requests with one parameterised command in
/// one transaction: all or nothing. SQLite columns are TEXT, PostgreSQL columns <c>text</c>; the instants are ISO-8601
/// text as the CSV writes them, nanoseconds included, which PostgreSQL's <c>timestamp with time zone</c> (microseconds)
/// could not hold exactly. The readers take <c>timestamp with time zone</c> columns as well.</para>
/// </remarks>
public static class ServiceRequestTable
{
    /// <summary>The table the command-line tool reads requests from, and the name docs/database.md uses.</summary>
    public const string DefaultName = "service_requests";

    // The CSV request layout's columns: a table row is a CSV record.
    internal static readonly string[] Fields = ServiceRequestMapping.Columns;

    internal static readonly string[] RequiredFields = ServiceRequestMapping.Required;

    private static readonly string[] Instants = ["opened", "firstResponse", "resolved"];

    /// <summary>Reads the requests of the reader's rows, one row at a time.</summary>
    /// <param name="reader">An open reader before its first row.</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="ServiceRequestColumns.Default"/>.</param>
    /// <returns>One result per row, in the reader's order (see the remarks for its problems and failures).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reader"/> is closed, or lacks a mapped column.</exception>
    public static IEnumerable<RecordResult<ServiceRequest>> ReadRecords(DbDataReader reader, ServiceRequestColumns? columns = null) =>
        Rows(reader, columns, nameof(reader)).Read();

    /// <summary>Reads the requests of the reader's rows, one row at a time, asynchronously.</summary>
    /// <param name="reader">An open reader before its first row.</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="ServiceRequestColumns.Default"/>.</param>
    /// <param name="cancellationToken">Stops the read (an <see cref="OperationCanceledException"/> from the enumeration).</param>
    /// <returns>One result per row, in the reader's order (see the remarks for its problems and failures).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reader"/> is closed, or lacks a mapped column.</exception>
    public static IAsyncEnumerable<RecordResult<ServiceRequest>> ReadRecordsAsync(DbDataReader reader, ServiceRequestColumns? columns = null, CancellationToken cancellationToken = default) =>
        Rows(reader, columns, nameof(reader)).ReadAsync(cancellationToken);

    /// <summary>Reads every request of a table into memory: <c>SELECT * FROM table</c>, each row as <see cref="ReadRecords"/>
    /// reads it, the records with their origins and every problem together (at most 100, then a count).</summary>
    /// <param name="connection">An open connection of any provider.</param>
    /// <param name="table">The table's name (quoted as an identifier).</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="ServiceRequestColumns.Default"/>.</param>
    /// <returns>The requests read without a problem, with where they came from, and the problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection is not open, the table's name is blank or too long, or the
    /// table lacks a mapped column.</exception>
    /// <exception cref="DbException">The query failed (no such table).</exception>
    /// <exception cref="DatabaseReadException">The database failed during the read.</exception>
    public static LocatedRecords<ServiceRequest> ReadLocated(DbConnection connection, string table = DefaultName, ServiceRequestColumns? columns = null) =>
        TableReader.ReadLocated(connection, table, reader => ReadRecords(reader, columns));

    /// <summary>Creates the table and writes the requests into it, in one transaction.</summary>
    /// <param name="connection">An open SQLite or PostgreSQL connection.</param>
    /// <param name="table">The new table's name; a table of that name must not exist.</param>
    /// <param name="requests">The requests, each with opened, firstResponse, resolved, pauses and reopen (not as a status log).</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="ServiceRequestColumns.Default"/>. An unmapped field is not written.</param>
    /// <returns>How many requests were written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/>, <paramref name="table"/>, <paramref name="requests"/> or a request is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection is not open or of another provider; the table's name is blank
    /// or too long; or a request is given as a status log (which the table layout cannot hold). Nothing is written then.</exception>
    /// <exception cref="DbException">The database refused (the table exists, a duplicate id); nothing is written.</exception>
    public static long Write(DbConnection connection, string table, IEnumerable<ServiceRequest> requests, ServiceRequestColumns? columns = null) =>
        WriteCoreAsync(connection, table, requests, columns, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Creates the table and writes the requests into it, in one transaction, asynchronously.</summary>
    /// <param name="connection">An open SQLite or PostgreSQL connection.</param>
    /// <param name="table">The new table's name; a table of that name must not exist.</param>
    /// <param name="requests">The requests, each with opened, firstResponse, resolved, pauses and reopen (not as a status log).</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="ServiceRequestColumns.Default"/>. An unmapped field is not written.</param>
    /// <param name="cancellationToken">Stops the write (nothing is written).</param>
    /// <returns>How many requests were written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/>, <paramref name="table"/>, <paramref name="requests"/> or a request is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Write"/>.</exception>
    /// <exception cref="DbException">The database refused (the table exists, a duplicate id); nothing is written.</exception>
    public static Task<long> WriteAsync(DbConnection connection, string table, IEnumerable<ServiceRequest> requests, ServiceRequestColumns? columns = null, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(connection, table, requests, columns, sync: false, cancellationToken);

    private static RowReader<ServiceRequest> Rows(DbDataReader reader, ServiceRequestColumns? columns, string parameterName)
    {
        var map = (columns ?? ServiceRequestColumns.Default).Map;
        var shape = RowShape.Of(reader, map, Instants, null, parameterName);
        var seen = new Dictionary<string, ProblemLocation>(StringComparer.Ordinal);
        return new RowReader<ServiceRequest>(
            "service request",
            reader,
            shape,
            source =>
            {
                seen.Clear();
                return ServiceRequestMapping.ReadOne(source, json: false, seen).Request;
            },
            TableReader.Aliases(map));
    }

    private static Task<long> WriteCoreAsync(DbConnection connection, string table, IEnumerable<ServiceRequest> requests, ServiceRequestColumns? columns, bool sync, CancellationToken cancellationToken)
    {
        var mapped = (columns ?? ServiceRequestColumns.Default).Map.Mapped().ToArray();
        ColumnSpec[] specs = [.. mapped.Select(m => new ColumnSpec(
            m.Column,
            Instants.Contains(m.Field) ? ColumnKind.Instant : ColumnKind.Text,
            RequiredFields.Contains(m.Field),
            Key: m.Field == "id"))];
        string[] fields = [.. mapped.Select(m => m.Field)];
        return TableWriter.WriteAsync(connection, table, specs, requests, r => Values(r, fields, nameof(requests)), sync, cancellationToken);
    }

    private static object?[] Values(ServiceRequest request, string[] fields, string parameterName)
    {
        if (request.IsStatusLog)
        {
            throw new ArgumentException(
                $"Expected requests with opened, firstResponse, resolved, pauses and reopen; request \"{request.Id}\" is given as a status log of {request.StatusLog.Length} changes, which the table's columns cannot hold.",
                parameterName);
        }

        var text = ServiceRequestMapping.ToFields(request, fields).ToArray();
        var values = new object?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            values[i] = fields[i] switch
            {
                "opened" => request.Opened,
                "firstResponse" => request.FirstResponse,
                "resolved" => request.Resolved,
                _ => text[i],
            };
        }

        return values;
    }
}
