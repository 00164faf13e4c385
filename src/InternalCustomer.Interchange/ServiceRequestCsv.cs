using System.Text;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange.Csv;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>
/// Reads and writes <see cref="ServiceRequest"/>s as CSV (RFC 4180) in one of two layouts, told apart by the header:
/// the request layout, one row per request, with the header
/// <c>id,agreement,opened,firstResponse,resolved,pauses,reopen,priority,service,category</c>; and the status-change
/// layout, one row per status change as ticketing systems export it, with the header
/// <c>id,agreement,at,status,priority,service,category</c>.
/// </summary>
/// <remarks>
/// <para>A header that names a column <c>at</c> or <c>status</c> is read as the status-change layout; any other as the
/// request layout. In either, columns may come in any order and the optional ones may be left out or left empty
/// (empty means none). Instants are ISO-8601 text with an offset.</para>
/// <para>Request layout: <c>id</c>, <c>agreement</c> and <c>opened</c> are required; <c>pauses</c> holds intervals
/// <c>start/end</c> separated by <c>;</c>; <c>reopen</c> one interval; <c>priority</c>, <c>service</c> and
/// <c>category</c> class the request.</para>
/// <para>Status-change layout: <c>id</c>, <c>agreement</c>, <c>at</c> and <c>status</c> are required. Rows are grouped
/// by <c>id</c> (the rows of one request need not be contiguous); each group becomes one request
/// (<see cref="ServiceRequest.FromStatusLog"/>) whose log is its rows in file order, which must be time order (equal
/// instants keep their file order). A row's <c>priority</c> is that entry's priority change; the request's
/// <c>agreement</c>, <c>service</c> and <c>category</c> come from its first row, and a later row may repeat them or leave
/// them empty but not name others. Requests come in the order their first rows do.</para>
/// <para>Problems are located by line and column (both from 1; the column is where the field starts) and the column's
/// name, e.g. <c>line 12, column 31 (resolved)</c>. Reading never throws on bad input. Writing uses CRLF line ends,
/// quotes only the fields that need it, keeps the order given, and writes the <c>priority</c>, <c>service</c> and
/// <c>category</c> columns of the request layout (and <c>service</c>, <c>category</c> of the status-change layout) only
/// when some request carries them, so a file of unclassed requests is the 1.0 file.</para>
/// </remarks>
public static class ServiceRequestCsv
{
    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<ServiceRequest>> Read(ReadOnlySpan<byte> utf8Csv) =>
        Read(utf8Csv, ReadOptions.Default);

    /// <summary>Reads requests from UTF-8 CSV bytes in either layout.</summary>
    /// <param name="utf8Csv">The CSV bytes (a leading byte-order mark is allowed).</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests in file order, or every problem found with its location.</returns>
    public static Result<IReadOnlyList<ServiceRequest>> Read(ReadOnlySpan<byte> utf8Csv, ReadOptions? options) => ReadLocated(utf8Csv, options).ToResult();

    /// <inheritdoc cref="ReadLocated(ReadOnlySpan{byte}, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<ServiceRequest> ReadLocated(ReadOnlySpan<byte> utf8Csv) =>
        ReadLocated(utf8Csv, ReadOptions.Default);

    /// <summary>Reads requests from UTF-8 CSV bytes in either layout, keeping where each came from and the requests made
    /// when some rows have problems (<see cref="LocatedRecords{T}"/>).</summary>
    /// <remarks>A request's origin locates its fields at their line and column: <c>line 4, column 12 (agreement)</c>; in the
    /// status-change layout the request is its first row (its agreement the first row that names one) and the entries of its
    /// status log (<c>statusLog[2].at</c>) are its rows.</remarks>
    /// <param name="utf8Csv">The CSV bytes (a leading byte-order mark is allowed).</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests without a problem of their own, in file order, with their origins, and every problem found.</returns>
    public static LocatedRecords<ServiceRequest> ReadLocated(ReadOnlySpan<byte> utf8Csv, ReadOptions? options)
    {
        var problems = new ProblemCollector(ReadOptions.MaxProblemsOf(options));
        var changes = false;
        var rows = CsvTable.Rows(
            utf8Csv,
            header =>
            {
                changes = header.Contains("at") || header.Contains("status");
                return changes ? ChangeLayout : RequestLayout;
            },
            problems);
        return changes ? ServiceRequestMapping.ReadChanges(rows, problems) : ServiceRequestMapping.ReadAll(rows, json: false, problems);
    }

    /// <inheritdoc cref="Read(string, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<ServiceRequest>> Read(string csv) =>
        Read(csv, ReadOptions.Default);

    /// <summary>Reads requests from CSV text in either layout.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static Result<IReadOnlyList<ServiceRequest>> Read(string csv, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Read(Encoding.UTF8.GetBytes(csv), options);
    }

    /// <inheritdoc cref="ReadLocated(string, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<ServiceRequest> ReadLocated(string csv) =>
        ReadLocated(csv, ReadOptions.Default);

    /// <summary>Reads requests from CSV text in either layout, keeping where each came from (see <see cref="ReadLocated(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests without a problem of their own, in file order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static LocatedRecords<ServiceRequest> ReadLocated(string csv, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return ReadLocated(Encoding.UTF8.GetBytes(csv), options);
    }

    /// <inheritdoc cref="ReadLocated(Stream, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<ServiceRequest> ReadLocated(Stream utf8Csv) =>
        ReadLocated(utf8Csv, ReadOptions.Default);

    /// <summary>Reads requests from a stream of UTF-8 CSV in either layout, from its position to its end, keeping where each
    /// came from (see <see cref="ReadLocated(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests without a problem of their own, in file order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static LocatedRecords<ServiceRequest> ReadLocated(Stream utf8Csv, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return ReadLocated(StreamBytes.ReadAll(utf8Csv).Span, options);
    }

    /// <inheritdoc cref="Read(Stream, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<ServiceRequest>> Read(Stream utf8Csv) =>
        Read(utf8Csv, ReadOptions.Default);

    /// <summary>Reads requests from a stream of UTF-8 CSV in either layout, from its position to its end.</summary>
    /// <remarks>A stream positioned at or beyond its end (a <see cref="MemoryStream"/> allows <c>Position &gt; Length</c>) is read as an empty document (as if it held no bytes), never as an error.</remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static Result<IReadOnlyList<ServiceRequest>> Read(Stream utf8Csv, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return Read(StreamBytes.ReadAll(utf8Csv).Span, options);
    }

    /// <summary>Reads requests from a stream of UTF-8 CSV in either layout, from its position to its end, asynchronously.</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="Read(Stream, ReadOptions?)"/>; to handle one request at a time without holding the document, use
    /// <see cref="ReadRecordsAsync"/>.</remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The requests in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<Result<IReadOnlyList<ServiceRequest>>> ReadAsync(Stream utf8Csv, ReadOptions? options = null, CancellationToken cancellationToken = default) =>
        (await ReadLocatedAsync(utf8Csv, options, cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>Reads requests from a stream of UTF-8 CSV in either layout, from its position to its end, asynchronously, keeping
    /// where each came from (see <see cref="ReadLocated(ReadOnlySpan{byte})"/>).</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="ReadLocated(Stream, ReadOptions?)"/>.</remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The requests without a problem of their own, in file order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<LocatedRecords<ServiceRequest>> ReadLocatedAsync(Stream utf8Csv, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        var bytes = await StreamBytes.ReadAllAsync(utf8Csv, cancellationToken).ConfigureAwait(false);
        return ReadLocated(bytes.Span, options);
    }

    /// <summary>Reads requests from a stream of UTF-8 CSV in either layout one at a time, as they come, with asynchronous reads only.</summary>
    /// <remarks>
    /// <para>Each item is a request with its origin, or the problems of a row (the request left out), or the document's own
    /// problems (its header); the requests and origins are <see cref="ReadLocated(Stream, ReadOptions?)"/>'s, in the same order, and every
    /// problem is said at the same line and column (docs/interchange.md, "Async and streaming").</para>
    /// <para>Request layout: one row at a time, held only until its item is given out; what is kept across rows is each
    /// request id with the line it was first read on, for the duplicate-id check. Status-change layout: a request's rows
    /// may be anywhere in the file, so no request is complete before its end; the rows are read as they come and the items
    /// are given out at the end: the requests, then one item with every problem, in <see cref="ReadLocated(Stream)"/>'s order.</para>
    /// <para>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, as the items are
    /// asked for. A stream that fails part way throws from the enumerator after the items of the rows read whole before the
    /// fault; no item is made from part of a row. A document that is not well-formed (a quoted field left open, a byte that
    /// is not UTF-8) ends with an item holding that problem, after the items of the rows before it.</para>
    /// </remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="options">How to read the stream: the most problems each item lists (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading (also <see cref="TaskAsyncEnumerableExtensions.WithCancellation{T}(IAsyncEnumerable{T}, CancellationToken)"/>).</param>
    /// <returns>The items, in file order, read as they are enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null (thrown at once, not on enumeration).</exception>
    /// <exception cref="IOException">(on enumeration) Reading the stream failed: the exception the stream threw, unchanged.</exception>
    /// <exception cref="OperationCanceledException">(on enumeration) The token was cancelled.</exception>
    public static IAsyncEnumerable<RecordResult<ServiceRequest>> ReadRecordsAsync(Stream utf8Csv, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return CsvRecords.Read(utf8Csv, StreamFormat, options, cancellationToken);
    }

    /// <summary>Writes requests in the shorthand form as UTF-8 CSV in the request layout, with a header row.</summary>
    /// <param name="requests">The requests, written in the order given.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="requests"/> holds a null.</exception>
    /// <exception cref="ArgumentException">A request is a status log (write those with <see cref="WriteStatusChanges(IEnumerable{ServiceRequest}, Stream)"/>).</exception>
    public static void Write(IEnumerable<ServiceRequest> requests, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = WriteToString(requests);
        output.Write(Encoding.UTF8.GetBytes(text));
        output.Flush();
    }

    /// <summary>Writes requests in the shorthand form as CSV text in the request layout, with a header row.</summary>
    /// <param name="requests">The requests, written in the order given.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null or holds a null.</exception>
    /// <exception cref="ArgumentException">A request is a status log (write those with <see cref="WriteStatusChangesToString"/>).</exception>
    public static string WriteToString(IEnumerable<ServiceRequest> requests)
    {
        var list = Checked(requests, nameof(requests));
        if (list.FirstOrDefault(r => r.IsStatusLog) is { } log)
        {
            throw new ArgumentException(
                $"Expected requests in the shorthand form for the request layout; got request '{log.Id}', a status log ({log.StatusLog.Length} status changes). Write status logs with ServiceRequestCsv.WriteStatusChanges, one row per status change.",
                nameof(requests));
        }

        string[] columns = [.. ServiceRequestMapping.Columns.Where(c => c switch
        {
            "priority" => list.Exists(r => r.Priority is not null),
            "service" => list.Exists(r => r.Service is not null),
            "category" => list.Exists(r => r.Category is not null),
            _ => true,
        })];
        var output = new StringBuilder();
        CsvParser.AppendRecord(output, columns);
        foreach (var request in list)
        {
            CsvParser.AppendRecord(output, ServiceRequestMapping.ToFields(request, columns));
        }

        return output.ToString();
    }

    /// <summary>Writes status-log requests as UTF-8 CSV in the status-change layout, one row per status change, with a header row.</summary>
    /// <param name="requests">The requests, written in the order given, each one's rows together and in log order.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="requests"/> holds a null.</exception>
    /// <exception cref="ArgumentException">A request is in the shorthand form, or two requests share an id.</exception>
    public static void WriteStatusChanges(IEnumerable<ServiceRequest> requests, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = WriteStatusChangesToString(requests);
        output.Write(Encoding.UTF8.GetBytes(text));
        output.Flush();
    }

    /// <summary>Writes status-log requests as CSV text in the status-change layout, one row per status change, with a header row.</summary>
    /// <remarks>A row's <c>priority</c> is its entry's; the first row carries the request's <see cref="ServiceRequest.Priority"/>
    /// when its entry sets none (both mean the priority from the creation on, and read back as the first entry's). The
    /// request's service and category are written on every row.</remarks>
    /// <param name="requests">The requests, written in the order given, each one's rows together and in log order.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null or holds a null.</exception>
    /// <exception cref="ArgumentException">A request is in the shorthand form, or two requests share an id.</exception>
    public static string WriteStatusChangesToString(IEnumerable<ServiceRequest> requests)
    {
        var list = Checked(requests, nameof(requests));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in list)
        {
            if (!request.IsStatusLog)
            {
                throw new ArgumentException(
                    $"Expected status-log requests for the status-change layout; got request '{request.Id}' in the shorthand form (opened {request.Opened}). Write shorthand requests with ServiceRequestCsv.Write, one row per request.",
                    nameof(requests));
            }

            if (!ids.Add(request.Id))
            {
                throw new ArgumentException(
                    $"Expected distinct request ids, as the status-change layout groups rows by id; got request id '{request.Id}' twice.",
                    nameof(requests));
            }
        }

        string[] columns = [.. ServiceRequestMapping.ChangeColumns.Where(c => c switch
        {
            "service" => list.Exists(r => r.Service is not null),
            "category" => list.Exists(r => r.Category is not null),
            _ => true,
        })];
        var output = new StringBuilder();
        CsvParser.AppendRecord(output, columns);
        foreach (var request in list)
        {
            foreach (var row in ServiceRequestMapping.ToChangeRows(request, columns))
            {
                CsvParser.AppendRecord(output, row);
            }
        }

        return output.ToString();
    }

    internal static readonly CsvLayout RequestLayout = new(
        ServiceRequestMapping.Columns,
        ServiceRequestMapping.Required,
        [],
        $"{string.Join(",", ServiceRequestMapping.Columns)} (or, one row per status change, {string.Join(",", ServiceRequestMapping.ChangeColumns)})");

    internal static readonly CsvLayout ChangeLayout = new(
        ServiceRequestMapping.ChangeColumns,
        ServiceRequestMapping.ChangeRequired,
        [],
        string.Join(",", ServiceRequestMapping.ChangeColumns),
        name => ServiceRequestMapping.ShorthandFields.Contains(name)
            ? $"Column \"{name}\" belongs to the request layout (one row per request), but this header names \"at\" or \"status\" and is read as the status-change layout, whose columns are {string.Join(",", ServiceRequestMapping.ChangeColumns)}; a file holds one layout."
            : null);

    private static readonly CsvStreamFormat<ServiceRequest> StreamFormat = new(
        header => header.Contains("at") || header.Contains("status") ? ChangeLayout : RequestLayout,
        header =>
        {
            if (header.Layout == ChangeLayout)
            {
                return null;
            }

            var seen = new Dictionary<string, ProblemLocation>(StringComparer.Ordinal);
            return row => ServiceRequestMapping.ReadOne(row, json: false, seen);
        },
        ServiceRequestMapping.ReadChanges);

    private static List<ServiceRequest> Checked(IEnumerable<ServiceRequest> requests, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(requests, parameterName);
        var list = new List<ServiceRequest>();
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request, parameterName);
            list.Add(request);
        }

        return list;
    }
}
