using System.Buffers;
using System.Text;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange.Json;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>
/// Reads and writes a set of <see cref="FeedbackResponse"/>s as a JSON document
/// <c>{ "schemaVersion": 1, "responses": [ ... ] }</c> (format: <c>docs/interchange.md</c>).
/// </summary>
/// <remarks>
/// Each response has <c>respondent</c>, <c>subject</c>, <c>instant</c> (ISO-8601 with an offset) and
/// <c>overall</c>, on the scale <c>scaleMin</c>..<c>scaleMax</c> (default 1..5); optional <c>recommend</c>
/// (0–10), <c>effort</c> (1–7), <c>agreement</c>, <c>service</c>, <c>comment</c>, and per-dimension
/// <c>perceptions</c> and <c>expectations</c> objects (dimension name to rating) on the dimension set given to the
/// reader (SERVQUAL's five on 1–7 by default). Reading never throws on bad input and reports every problem at
/// its JSON path, the model's checks included (a rating outside its scale, respondent equal to subject).
/// Writing keeps the order given.
/// </remarks>
public static class FeedbackResponseJson
{
    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(ReadOnlySpan<byte> utf8Json, DimensionSet? dimensions) =>
        Read(utf8Json, dimensions, ReadOptions.Default);

    /// <summary>Reads a response document from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="dimensions">The dimension set that per-dimension ratings refer to; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses in document order, or every problem found with its location.</returns>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(ReadOnlySpan<byte> utf8Json, DimensionSet? dimensions, ReadOptions? options) => ReadLocated(utf8Json, dimensions, options).ToResult();

    /// <inheritdoc cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<FeedbackResponse> ReadLocated(ReadOnlySpan<byte> utf8Json, DimensionSet? dimensions) =>
        ReadLocated(utf8Json, dimensions, ReadOptions.Default);

    /// <summary>Reads a response document from UTF-8 bytes, keeping where each response came from and the responses made when
    /// some have problems (<see cref="LocatedRecords{T}"/>).</summary>
    /// <remarks>A response's origin is its path, <c>$.responses[3]</c>; its fields are below it (<c>$.responses[3].subject</c>).</remarks>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="dimensions">The dimension set that per-dimension ratings refer to; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses without a problem of their own, in document order, with their origins, and every problem found.</returns>
    public static LocatedRecords<FeedbackResponse> ReadLocated(ReadOnlySpan<byte> utf8Json, DimensionSet? dimensions, ReadOptions? options)
    {
        var problems = new ProblemCollector(ReadOptions.MaxProblemsOf(options));
        using var document = JsonInput.Parse(utf8Json, problems);
        if (document is null)
        {
            return new([], [], problems.ToImmutable());
        }

        var root = JsonFields.Of(document.RootElement, ProblemLocation.Root, problems, "$schema", "schemaVersion", "responses");
        if (root is null)
        {
            return new([], [], problems.ToImmutable());
        }

        ServiceRequestJson.CheckVersion(root);
        var records = root.OptionalArray("responses")
            .Select(e => JsonFields.Of(e.Item, e.Path, problems, FeedbackResponseMapping.JsonProperties))
            .Where(f => f is not null)
            .Select(f => (RecordSource)new JsonRecordSource(f!, problems));
        return FeedbackResponseMapping.ReadAll(records, dimensions, problems);
    }

    /// <inheritdoc cref="Read(string, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(string json, DimensionSet? dimensions) =>
        Read(json, dimensions, ReadOptions.Default);

    /// <summary>Reads a response document from text.</summary>
    /// <param name="json">The document's text.</param>
    /// <param name="dimensions">The dimension set that per-dimension ratings refer to; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses in document order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(string json, DimensionSet? dimensions, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), dimensions, options);
    }

    /// <inheritdoc cref="ReadLocated(string, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<FeedbackResponse> ReadLocated(string json, DimensionSet? dimensions) =>
        ReadLocated(json, dimensions, ReadOptions.Default);

    /// <summary>Reads a response document from text, keeping where each response came from (see <see cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?)"/>).</summary>
    /// <param name="json">The document's text.</param>
    /// <param name="dimensions">The dimension set that per-dimension ratings refer to; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses without a problem of their own, in document order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static LocatedRecords<FeedbackResponse> ReadLocated(string json, DimensionSet? dimensions, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReadLocated(Encoding.UTF8.GetBytes(json), dimensions, options);
    }

    /// <inheritdoc cref="ReadLocated(Stream, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<FeedbackResponse> ReadLocated(Stream utf8Json, DimensionSet? dimensions) =>
        ReadLocated(utf8Json, dimensions, ReadOptions.Default);

    /// <summary>Reads a response document from a stream, from its position to its end, keeping where each response came from
    /// (see <see cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?)"/>).</summary>
    /// <param name="utf8Json">A readable stream of UTF-8 bytes; it is not closed.</param>
    /// <param name="dimensions">The dimension set that per-dimension ratings refer to; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses without a problem of their own, in document order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static LocatedRecords<FeedbackResponse> ReadLocated(Stream utf8Json, DimensionSet? dimensions, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadLocated(StreamBytes.ReadAll(utf8Json).Span, dimensions, options);
    }

    /// <inheritdoc cref="Read(Stream, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(Stream utf8Json, DimensionSet? dimensions) =>
        Read(utf8Json, dimensions, ReadOptions.Default);

    /// <summary>Reads a response document from a stream, from its position to its end.</summary>
    /// <remarks>A stream positioned at or beyond its end (a <see cref="MemoryStream"/> allows <c>Position &gt; Length</c>) is read as an empty document (as if it held no bytes), never as an error.</remarks>
    /// <param name="utf8Json">A readable stream of UTF-8 bytes; it is not closed.</param>
    /// <param name="dimensions">The dimension set that per-dimension ratings refer to; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses in document order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(Stream utf8Json, DimensionSet? dimensions, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(StreamBytes.ReadAll(utf8Json).Span, dimensions, options);
    }

    /// <summary>Reads responses from a stream of UTF-8 JSON, from its position to its end, asynchronously.</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="Read(Stream, DimensionSet?, ReadOptions?)"/>; to handle one response at a time without holding
    /// the document, use <see cref="ReadRecordsAsync"/>.</remarks>
    /// <param name="utf8Json">A readable stream; it is not closed.</param>
    /// <param name="dimensions">The dimension set that per-dimension ratings refer to; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The responses in document order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<Result<IReadOnlyList<FeedbackResponse>>> ReadAsync(Stream utf8Json, DimensionSet? dimensions, ReadOptions? options = null, CancellationToken cancellationToken = default) =>
        (await ReadLocatedAsync(utf8Json, dimensions, options, cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>Reads responses from a stream of UTF-8 JSON, from its position to its end, asynchronously, keeping where each
    /// came from (see <see cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?)"/>).</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="ReadLocated(Stream, DimensionSet?, ReadOptions?)"/>.</remarks>
    /// <param name="utf8Json">A readable stream; it is not closed.</param>
    /// <param name="dimensions">The dimension set that per-dimension ratings refer to; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The responses without a problem of their own, in document order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<LocatedRecords<FeedbackResponse>> ReadLocatedAsync(Stream utf8Json, DimensionSet? dimensions, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = await StreamBytes.ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return ReadLocated(bytes.Span, dimensions, options);
    }

    /// <summary>Reads a response document from a stream one response at a time, as they come, with asynchronous reads only.</summary>
    /// <remarks>
    /// <para>Each item is a response with its origin, or the problems of an element of <c>responses</c> (the response left
    /// out), or the document's own problems; the responses and origins are <see cref="ReadLocated(Stream, DimensionSet?, ReadOptions?)"/>'s,
    /// in the same order, and every problem is said at the same JSON path (docs/interchange.md, "Async and streaming"). One
    /// element at a time is held, and nothing is kept across elements: memory stays the same however long the stream.</para>
    /// <para>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, as the items are
    /// asked for. A stream that fails part way throws from the enumerator after the items of the elements read whole
    /// before the fault; no item is made from part of an element. A document that is not well-formed JSON (or not UTF-8)
    /// ends with an item holding its one syntax problem, said as <see cref="ReadLocated(Stream, DimensionSet?)"/> says it, after the items of
    /// the elements before it (the synchronous reader, which sees the whole document first, gives that problem only).</para>
    /// <para>Checks of the document's root are said as they come, each in an item of its own (an unknown property, a
    /// <c>schemaVersion</c> other than 1), and a missing <c>schemaVersion</c> or a root that is not an object at the end.</para>
    /// </remarks>
    /// <param name="utf8Json">A readable stream of UTF-8 bytes; it is not closed.</param>
    /// <param name="dimensions">The dimension set that per-dimension ratings refer to; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the stream: the most problems each item lists (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading (also <see cref="TaskAsyncEnumerableExtensions.WithCancellation{T}(IAsyncEnumerable{T}, CancellationToken)"/>).</param>
    /// <returns>The items, in document order, read as they are enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null (thrown at once, not on enumeration).</exception>
    /// <exception cref="IOException">(on enumeration) Reading the stream failed: the exception the stream threw, unchanged.</exception>
    /// <exception cref="OperationCanceledException">(on enumeration) The token was cancelled.</exception>
    public static IAsyncEnumerable<RecordResult<FeedbackResponse>> ReadRecordsAsync(Stream utf8Json, DimensionSet? dimensions, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return JsonRecords.Read(
            utf8Json,
            new JsonStreamFormat<FeedbackResponse>("responses", FeedbackResponseMapping.JsonProperties, () => element => FeedbackResponseMapping.ReadOne(element, dimensions)),
            options,
            cancellationToken);
    }

    /// <summary>Writes responses as an indented UTF-8 JSON document.</summary>
    /// <param name="responses">The responses, written in the order given.</param>
    /// <param name="output">The writer receiving the bytes.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="responses"/> holds a null.</exception>
    /// <exception cref="ArgumentException">Responses rate dimensions of different dimension sets.</exception>
    public static void Write(IEnumerable<FeedbackResponse> responses, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(ToDocument(responses), InterchangeJsonContext.Default.ResponsesDocument, output);
    }

    /// <summary>Writes responses as an indented UTF-8 JSON document.</summary>
    /// <param name="responses">The responses, written in the order given.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="responses"/> holds a null.</exception>
    /// <exception cref="ArgumentException">Responses rate dimensions of different dimension sets.</exception>
    public static void Write(IEnumerable<FeedbackResponse> responses, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(ToDocument(responses), InterchangeJsonContext.Default.ResponsesDocument, output);
    }

    /// <summary>Writes responses as indented JSON text.</summary>
    /// <param name="responses">The responses, written in the order given.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null or holds a null.</exception>
    /// <exception cref="ArgumentException">Responses rate dimensions of different dimension sets.</exception>
    public static string WriteToString(IEnumerable<FeedbackResponse> responses) =>
        JsonOutput.WriteToString(ToDocument(responses), InterchangeJsonContext.Default.ResponsesDocument);

    private static ResponsesDocument ToDocument(IEnumerable<FeedbackResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var list = responses.ToList();
        FeedbackResponseMapping.SharedDimensions(list, nameof(responses));
        return new ResponsesDocument(OrganizationJson.SchemaVersion, [.. list.Select(FeedbackResponseMapping.ToEntry)]);
    }
}
