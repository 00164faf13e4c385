using System.Globalization;
using System.Text;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange.Csv;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>
/// Reads and writes <see cref="FeedbackResponse"/>s as CSV (RFC 4180) with a header row: the columns
/// <c>respondent,subject,instant,scaleMin,scaleMax,overall,recommend,effort,agreement,service,comment</c>
/// followed by <c>perception.&lt;dimension&gt;</c> and <c>expectation.&lt;dimension&gt;</c> columns.
/// </summary>
/// <remarks>
/// The format a survey tool exports: one response per line, columns in any order, <c>respondent</c>,
/// <c>subject</c>, <c>instant</c> and <c>overall</c> required, the others optional or empty
/// (<c>scaleMin</c>/<c>scaleMax</c> default to 1 and 5). Dimension columns name dimensions of the set given
/// to the reader (SERVQUAL's five on 1–7 by default). Problems are located by line, column and field name
/// as for <see cref="ServiceRequestCsv"/>; reading never throws on bad input. Writing uses CRLF line ends,
/// quotes only fields that need it (comments with commas, quotes or line breaks), and keeps the order given.
/// </remarks>
public static class FeedbackResponseCsv
{
    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(ReadOnlySpan<byte> utf8Csv, DimensionSet? dimensions) =>
        Read(utf8Csv, dimensions, ReadOptions.Default);

    /// <summary>Reads responses from UTF-8 CSV bytes.</summary>
    /// <param name="utf8Csv">The CSV bytes (a leading byte-order mark is allowed).</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses in file order, or every problem found with its location.</returns>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(ReadOnlySpan<byte> utf8Csv, DimensionSet? dimensions, ReadOptions? options) => ReadLocated(utf8Csv, dimensions, options).ToResult();

    /// <inheritdoc cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<FeedbackResponse> ReadLocated(ReadOnlySpan<byte> utf8Csv, DimensionSet? dimensions) =>
        ReadLocated(utf8Csv, dimensions, ReadOptions.Default);

    /// <summary>Reads responses from UTF-8 CSV bytes, keeping where each came from and the responses made when some rows have
    /// problems (<see cref="LocatedRecords{T}"/>).</summary>
    /// <remarks>A response's origin locates its fields at their line and column: <c>line 4, column 3 (subject)</c>.</remarks>
    /// <param name="utf8Csv">The CSV bytes (a leading byte-order mark is allowed).</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses without a problem of their own, in file order, with their origins, and every problem found.</returns>
    public static LocatedRecords<FeedbackResponse> ReadLocated(ReadOnlySpan<byte> utf8Csv, DimensionSet? dimensions, ReadOptions? options)
    {
        var problems = new ProblemCollector(ReadOptions.MaxProblemsOf(options));
        var rows = CsvTable.Rows(utf8Csv, FeedbackResponseMapping.Columns, FeedbackResponseMapping.Required, FeedbackResponseMapping.RatingPrefixes, problems);
        return FeedbackResponseMapping.ReadAll(rows, dimensions, problems);
    }

    /// <inheritdoc cref="Read(string, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(string csv, DimensionSet? dimensions) =>
        Read(csv, dimensions, ReadOptions.Default);

    /// <summary>Reads responses from CSV text.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(string csv, DimensionSet? dimensions, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Read(Encoding.UTF8.GetBytes(csv), dimensions, options);
    }

    /// <inheritdoc cref="ReadLocated(string, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<FeedbackResponse> ReadLocated(string csv, DimensionSet? dimensions) =>
        ReadLocated(csv, dimensions, ReadOptions.Default);

    /// <summary>Reads responses from CSV text, keeping where each came from (see <see cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?)"/>).</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses without a problem of their own, in file order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static LocatedRecords<FeedbackResponse> ReadLocated(string csv, DimensionSet? dimensions, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return ReadLocated(Encoding.UTF8.GetBytes(csv), dimensions, options);
    }

    /// <inheritdoc cref="ReadLocated(Stream, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static LocatedRecords<FeedbackResponse> ReadLocated(Stream utf8Csv, DimensionSet? dimensions) =>
        ReadLocated(utf8Csv, dimensions, ReadOptions.Default);

    /// <summary>Reads responses from a stream of UTF-8 CSV, from its position to its end, keeping where each came from
    /// (see <see cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?)"/>).</summary>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses without a problem of their own, in file order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static LocatedRecords<FeedbackResponse> ReadLocated(Stream utf8Csv, DimensionSet? dimensions, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return ReadLocated(StreamBytes.ReadAll(utf8Csv).Span, dimensions, options);
    }

    /// <inheritdoc cref="Read(Stream, DimensionSet?, ReadOptions?)" path="/node()[not(self::param[@name='options'])]"/>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(Stream utf8Csv, DimensionSet? dimensions) =>
        Read(utf8Csv, dimensions, ReadOptions.Default);

    /// <summary>Reads responses from a stream of UTF-8 CSV, from its position to its end.</summary>
    /// <remarks>A stream positioned at or beyond its end (a <see cref="MemoryStream"/> allows <c>Position &gt; Length</c>) is read as an empty document (as if it held no bytes), never as an error.</remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The responses in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(Stream utf8Csv, DimensionSet? dimensions, ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return Read(StreamBytes.ReadAll(utf8Csv).Span, dimensions, options);
    }

    /// <summary>Reads responses from a stream of UTF-8 CSV, from its position to its end, asynchronously.</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="Read(Stream, DimensionSet?, ReadOptions?)"/>; to handle one response at a time without holding
    /// the document, use <see cref="ReadRecordsAsync"/>.</remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The responses in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<Result<IReadOnlyList<FeedbackResponse>>> ReadAsync(Stream utf8Csv, DimensionSet? dimensions, ReadOptions? options = null, CancellationToken cancellationToken = default) =>
        (await ReadLocatedAsync(utf8Csv, dimensions, options, cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>Reads responses from a stream of UTF-8 CSV, from its position to its end, asynchronously, keeping where each
    /// came from (see <see cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?)"/>).</summary>
    /// <remarks>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, never synchronously (a web host forbids synchronous reads of a request body), to its end; the document is then read from the bytes, so the outcome, problems and their locations included, is the synchronous reader's for the same bytes. The same as <see cref="ReadLocated(Stream, DimensionSet?, ReadOptions?)"/>.</remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the document: the most problems listed (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The responses without a problem of their own, in file order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed (a fault of the stream, not of the document): the connection dropped, the stream threw; what was read is dropped, nothing is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the stream was read to its end.</exception>
    public static async Task<LocatedRecords<FeedbackResponse>> ReadLocatedAsync(Stream utf8Csv, DimensionSet? dimensions, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        var bytes = await StreamBytes.ReadAllAsync(utf8Csv, cancellationToken).ConfigureAwait(false);
        return ReadLocated(bytes.Span, dimensions, options);
    }

    /// <summary>Reads responses from a stream of UTF-8 CSV one at a time, as they come, with asynchronous reads only.</summary>
    /// <remarks>
    /// <para>Each item is a response with its origin, or the problems of a row (the response left out), or the document's own
    /// problems (its header); the responses and origins are <see cref="ReadLocated(Stream, DimensionSet?, ReadOptions?)"/>'s, in the same
    /// order, and every problem is said at the same line and column (docs/interchange.md, "Async and streaming"). One row
    /// at a time is held, and nothing is kept across rows: memory stays the same however long the stream.</para>
    /// <para>The stream is read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only, as the items are
    /// asked for. A stream that fails part way throws from the enumerator after the items of the rows read whole before the
    /// fault; no item is made from part of a row. A document that is not well-formed (a quoted field left open, a byte that
    /// is not UTF-8) ends with an item holding that problem, after the items of the rows before it.</para>
    /// </remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <param name="options">How to read the stream: the most problems each item lists (<see cref="ReadOptions.MaxProblems"/>; past it one more problem says how many more were found). <see langword="null"/> is <see cref="ReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reading (also <see cref="TaskAsyncEnumerableExtensions.WithCancellation{T}(IAsyncEnumerable{T}, CancellationToken)"/>).</param>
    /// <returns>The items, in file order, read as they are enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null (thrown at once, not on enumeration).</exception>
    /// <exception cref="IOException">(on enumeration) Reading the stream failed: the exception the stream threw, unchanged.</exception>
    /// <exception cref="OperationCanceledException">(on enumeration) The token was cancelled.</exception>
    public static IAsyncEnumerable<RecordResult<FeedbackResponse>> ReadRecordsAsync(Stream utf8Csv, DimensionSet? dimensions, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return CsvRecords.Read(
            utf8Csv,
            new CsvStreamFormat<FeedbackResponse>(_ => Layout, _ => row => FeedbackResponseMapping.ReadOne(row, dimensions)),
            options,
            cancellationToken);
    }

    /// <summary>Writes responses as UTF-8 CSV with a header row.</summary>
    /// <param name="responses">The responses, written in the order given.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="responses"/> holds a null.</exception>
    /// <exception cref="ArgumentException">Responses rate dimensions of different dimension sets.</exception>
    public static void Write(IEnumerable<FeedbackResponse> responses, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = WriteToString(responses);
        output.Write(Encoding.UTF8.GetBytes(text));
        output.Flush();
    }

    /// <summary>Writes responses as CSV text with a header row.</summary>
    /// <param name="responses">The responses, written in the order given.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null or holds a null.</exception>
    /// <exception cref="ArgumentException">Responses rate dimensions of different dimension sets.</exception>
    public static string WriteToString(IEnumerable<FeedbackResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var list = responses.ToList();
        var dimensions = FeedbackResponseMapping.SharedDimensions(list, nameof(responses));
        var names = dimensions?.Names ?? [];
        var output = new StringBuilder();
        CsvParser.AppendRecord(
            output,
            FeedbackResponseMapping.Columns.Concat(names.Select(n => "perception." + n)).Concat(names.Select(n => "expectation." + n)));
        foreach (var response in list)
        {
            var e = FeedbackResponseMapping.ToEntry(response);
            string? Rating(Dictionary<string, int>? ratings, string name) =>
                ratings is not null && ratings.TryGetValue(name, out var r) ? r.ToString(CultureInfo.InvariantCulture) : null;
            CsvParser.AppendRecord(
                output,
                [
                    e.Respondent, e.Subject, e.Instant, Invariant(e.ScaleMin), Invariant(e.ScaleMax), Invariant(e.Overall),
                    Invariant(e.Recommend), Invariant(e.Effort), e.Agreement, e.Service, e.Comment,
                    .. names.Select(n => Rating(e.Perceptions, n)),
                    .. names.Select(n => Rating(e.Expectations, n)),
                ]);
        }

        return output.ToString();
    }

    private static readonly CsvLayout Layout = new(
        FeedbackResponseMapping.Columns,
        FeedbackResponseMapping.Required,
        FeedbackResponseMapping.RatingPrefixes,
        string.Join(",", FeedbackResponseMapping.Columns));

    private static string? Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
