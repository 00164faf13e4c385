using System.Buffers;
using System.Globalization;
using System.Text;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange.Json;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>
/// Reads and writes a set of <see cref="ServiceRequest"/>s as a JSON document
/// <c>{ "schemaVersion": 1, "requests": [ ... ] }</c> (format: <c>docs/interchange.md</c>).
/// </summary>
/// <remarks>
/// Instants are ISO-8601 text with an offset (written in UTC: <c>2026-03-02T09:30:00Z</c>); pauses are a list
/// of intervals <c>start/end</c>; the reopen gap is one interval. A request may carry its class (<c>priority</c>,
/// <c>service</c>, <c>category</c>) and is given in one of two forms: the shorthand (<c>opened</c> with
/// <c>firstResponse</c>, <c>resolved</c>, <c>pauses</c>, <c>reopen</c>) or a <c>statusLog</c> of entries
/// <c>{ "at": ..., "status": ..., "priority": ... }</c> (<see cref="ServiceRequest.FromStatusLog"/>); both or
/// neither is a problem. Reading never throws on bad input and reports every problem at its JSON path, the
/// model's checks included (a resolution before the opening is reported at <c>$.requests[4].resolved</c>, an entry
/// out of time order at <c>$.requests[4].statusLog[2].at</c>); request ids must be unique within the document.
/// Writing keeps the order given and writes each request in its own form, leaving out the fields it does not carry.
/// </remarks>
public static class ServiceRequestJson
{
    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<ServiceRequest>> Read(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, ReadOptions.Default);

    /// <summary>Reads a request document from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests in document order, or every problem found with its location.</returns>
    public static Result<IReadOnlyList<ServiceRequest>> Read(ReadOnlySpan<byte> utf8Json, ReadOptions? options) => ReadLocated(utf8Json, options).ToResult();

    /// <inheritdoc cref="ReadLocated(ReadOnlySpan{byte}, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<ServiceRequest> ReadLocated(ReadOnlySpan<byte> utf8Json) =>
        ReadLocated(utf8Json, ReadOptions.Default);

    /// <summary>Reads a request document from UTF-8 bytes, keeping where each request came from and the requests made when
    /// some have problems (<see cref="LocatedRecords{T}"/>).</summary>
    /// <remarks>A request's origin is its path, <c>$.requests[3]</c>; its fields are below it (<c>$.requests[3].agreement</c>).</remarks>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests without a problem of their own, in document order, with their origins, and every problem found.</returns>
    public static LocatedRecords<ServiceRequest> ReadLocated(ReadOnlySpan<byte> utf8Json, ReadOptions? options)
    {
        var problems = new ProblemCollector(ReadOptions.MaxProblemsOf(options));
        using var document = JsonInput.Parse(utf8Json, problems);
        if (document is null)
        {
            return new([], [], problems.ToImmutable());
        }

        var root = JsonFields.Of(document.RootElement, ProblemLocation.Root, problems, "$schema", "schemaVersion", "requests");
        if (root is null)
        {
            return new([], [], problems.ToImmutable());
        }

        CheckVersion(root);
        var records = root.OptionalArray("requests")
            .Select(e => JsonFields.Of(e.Item, e.Path, problems, ServiceRequestMapping.JsonProperties))
            .Where(f => f is not null)
            .Select(f => (RecordSource)new JsonRecordSource(f!, problems));
        return ServiceRequestMapping.ReadAll(records, json: true, problems);
    }

    /// <inheritdoc cref="Read(string, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<ServiceRequest>> Read(string json) =>
        Read(json, ReadOptions.Default);

    /// <summary>Reads a request document from text.</summary>
    /// <param name="json">The document's text.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests in document order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static Result<IReadOnlyList<ServiceRequest>> Read(string json, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), options);
    }

    /// <inheritdoc cref="ReadLocated(string, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<ServiceRequest> ReadLocated(string json) =>
        ReadLocated(json, ReadOptions.Default);

    /// <summary>Reads a request document from text, keeping where each request came from (see <see cref="ReadLocated(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="json">The document's text.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests without a problem of their own, in document order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static LocatedRecords<ServiceRequest> ReadLocated(string json, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReadLocated(Encoding.UTF8.GetBytes(json), options);
    }

    /// <inheritdoc cref="ReadLocated(Stream, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<ServiceRequest> ReadLocated(Stream utf8Json) =>
        ReadLocated(utf8Json, ReadOptions.Default);

    /// <summary>Reads a request document from a stream, from its position to its end, keeping where each request came from
    /// (see <see cref="ReadLocated(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="utf8Json">A readable stream of UTF-8 bytes; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests without a problem of their own, in document order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static LocatedRecords<ServiceRequest> ReadLocated(Stream utf8Json, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadLocated(StreamBytes.ReadAll(utf8Json).Span, options);
    }

    /// <inheritdoc cref="Read(Stream, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<ServiceRequest>> Read(Stream utf8Json) =>
        Read(utf8Json, ReadOptions.Default);

    /// <summary>Reads a request document from a stream, from its position to its end.</summary>
    /// <remarks>A stream positioned at or beyond its end (a <see cref="MemoryStream"/> allows <c>Position &gt; Length</c>) is read as an empty document (as if it held no bytes), never as an error.</remarks>
    /// <param name="utf8Json">A readable stream of UTF-8 bytes; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The requests in document order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static Result<IReadOnlyList<ServiceRequest>> Read(Stream utf8Json, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(StreamBytes.ReadAll(utf8Json).Span, options);
    }

    /// <summary>Reads requests from a stream of UTF-8 JSON, from its position to its end, asynchronously.</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="Read(Stream, ReadOptions?)"/>; to handle one request at a time without holding the document, use
    /// <see cref="ReadRecordsAsync"/>.</remarks>
    /// <param name="utf8Json">A readable stream; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The requests in document order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<Result<IReadOnlyList<ServiceRequest>>> ReadAsync(Stream utf8Json, ReadOptions? options = null, CancellationToken cancellationToken = default) =>
        (await ReadLocatedAsync(utf8Json, options, cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>Reads requests from a stream of UTF-8 JSON, from its position to its end, asynchronously, keeping
    /// where each came from (see <see cref="ReadLocated(ReadOnlySpan{byte})"/>).</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="ReadLocated(Stream, ReadOptions?)"/>.</remarks>
    /// <param name="utf8Json">A readable stream; it is not closed.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The requests without a problem of their own, in document order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<LocatedRecords<ServiceRequest>> ReadLocatedAsync(Stream utf8Json, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = await StreamBytes.ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return ReadLocated(bytes.Span, options);
    }

    /// <summary>Reads a request document from a stream one request at a time, as they come, with asynchronous reads only.</summary>
    /// <remarks>
    /// <para>Each item is a request with its origin, or the problems of an element of <c>requests</c> (the request left
    /// out), or the document's own problems; the requests and origins are <see cref="ReadLocated(Stream, ReadOptions?)"/>'s, in the same
    /// order, and every problem is said at the same JSON path (docs/interchange.md, "Async and streaming"). One element at a
    /// time is held; what is kept across elements is each request id with the path it was first read at, for the
    /// duplicate-id check.</para>
    /// <para>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, as the items are
    /// asked for. A stream that fails part way throws from the enumerator after the items of the elements read whole
    /// before the fault; no item is made from part of an element. A document that is not well-formed JSON (or not UTF-8)
    /// ends with an item holding its one syntax problem, said as <see cref="ReadLocated(Stream)"/> says it, after the items of
    /// the elements before it (the synchronous reader, which sees the whole document first, gives that problem only).</para>
    /// <para>Checks of the document's root are said as they come, each in an item of its own (an unknown property, a
    /// <c>schemaVersion</c> other than 1), and a missing <c>schemaVersion</c> or a root that is not an object at the end.</para>
    /// </remarks>
    /// <param name="utf8Json">A readable stream of UTF-8 bytes; it is not closed.</param>
    /// <param name="options">How to read the stream: the most problems each item lists (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading (also <see cref="TaskAsyncEnumerableExtensions.WithCancellation{T}(IAsyncEnumerable{T}, CancellationToken)"/>).</param>
    /// <returns>The items, in document order, read as they are enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null (thrown at once, not on enumeration).</exception>
    /// <exception cref="IOException">(on enumeration) Reading the stream failed: the exception the stream threw, unchanged.</exception>
    /// <exception cref="OperationCanceledException">(on enumeration) The token was cancelled.</exception>
    public static IAsyncEnumerable<RecordResult<ServiceRequest>> ReadRecordsAsync(Stream utf8Json, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return JsonRecords.Read(utf8Json, StreamFormat, options, cancellationToken);
    }

    private static readonly JsonStreamFormat<ServiceRequest> StreamFormat = new(
        "requests",
        ServiceRequestMapping.JsonProperties,
        () =>
        {
            var seen = new Dictionary<string, ProblemLocation>(StringComparer.Ordinal);
            return element => ServiceRequestMapping.ReadOne(element, json: true, seen);
        });

    /// <summary>Writes requests as an indented UTF-8 JSON document.</summary>
    /// <param name="requests">The requests, written in the order given.</param>
    /// <param name="output">The writer receiving the bytes.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="requests"/> holds a null.</exception>
    public static void Write(IEnumerable<ServiceRequest> requests, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(ToDocument(requests), InterchangeJsonContext.Default.RequestsDocument, output);
    }

    /// <summary>Writes requests as an indented UTF-8 JSON document.</summary>
    /// <param name="requests">The requests, written in the order given.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="requests"/> holds a null.</exception>
    public static void Write(IEnumerable<ServiceRequest> requests, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(ToDocument(requests), InterchangeJsonContext.Default.RequestsDocument, output);
    }

    /// <summary>Writes requests as indented JSON text.</summary>
    /// <param name="requests">The requests, written in the order given.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null or holds a null.</exception>
    public static string WriteToString(IEnumerable<ServiceRequest> requests) =>
        JsonOutput.WriteToString(ToDocument(requests), InterchangeJsonContext.Default.RequestsDocument);

    internal static void CheckVersion(JsonFields root)
    {
        root.OptionalString("$schema");
        CheckSchemaVersion(root);
    }

    /// <summary>The document's required <c>schemaVersion</c>: an integer, the one this reader understands.</summary>
    internal static void CheckSchemaVersion(JsonFields root)
    {
        if (root.RequiredInteger("schemaVersion", 0, int.MaxValue) is { } version && version != OrganizationJson.SchemaVersion)
        {
            root.Problem(
                "schemaVersion",
                ProblemKind.InvalidValue,
                string.Create(CultureInfo.InvariantCulture, $"Expected schemaVersion {OrganizationJson.SchemaVersion}, the version this reader understands; got {version}."));
        }
    }

    private static RequestsDocument ToDocument(IEnumerable<ServiceRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return new RequestsDocument(OrganizationJson.SchemaVersion, [.. requests.Select(r => ServiceRequestMapping.ToEntry(r ?? throw new ArgumentNullException(nameof(requests), "Expected requests; got a null entry.")))]);
    }
}
