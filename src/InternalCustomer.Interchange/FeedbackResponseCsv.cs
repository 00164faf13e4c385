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
    /// <summary>Reads responses from UTF-8 CSV bytes.</summary>
    /// <param name="utf8Csv">The CSV bytes (a leading byte-order mark is allowed).</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <returns>The responses in file order, or every problem found with its location.</returns>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(ReadOnlySpan<byte> utf8Csv, DimensionSet? dimensions) => ReadLocated(utf8Csv, dimensions).ToResult();

    /// <summary>Reads responses from UTF-8 CSV bytes, keeping where each came from and the responses made when some rows have
    /// problems (<see cref="LocatedRecords{T}"/>).</summary>
    /// <remarks>A response's origin locates its fields at their line and column: <c>line 4, column 3 (subject)</c>.</remarks>
    /// <param name="utf8Csv">The CSV bytes (a leading byte-order mark is allowed).</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <returns>The responses without a problem of their own, in file order, with their origins, and every problem found.</returns>
    public static LocatedRecords<FeedbackResponse> ReadLocated(ReadOnlySpan<byte> utf8Csv, DimensionSet? dimensions)
    {
        var problems = new ProblemCollector();
        var rows = CsvTable.Rows(utf8Csv, FeedbackResponseMapping.Columns, FeedbackResponseMapping.Required, FeedbackResponseMapping.RatingPrefixes, problems);
        return FeedbackResponseMapping.ReadAll(rows, dimensions, problems);
    }

    /// <summary>Reads responses from CSV text.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <returns>The responses in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(string csv, DimensionSet? dimensions)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Read(Encoding.UTF8.GetBytes(csv), dimensions);
    }

    /// <summary>Reads responses from CSV text, keeping where each came from (see <see cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?)"/>).</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <returns>The responses without a problem of their own, in file order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static LocatedRecords<FeedbackResponse> ReadLocated(string csv, DimensionSet? dimensions)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return ReadLocated(Encoding.UTF8.GetBytes(csv), dimensions);
    }

    /// <summary>Reads responses from a stream of UTF-8 CSV, from its position to its end, keeping where each came from
    /// (see <see cref="ReadLocated(ReadOnlySpan{byte}, DimensionSet?)"/>).</summary>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <returns>The responses without a problem of their own, in file order, with their origins, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static LocatedRecords<FeedbackResponse> ReadLocated(Stream utf8Csv, DimensionSet? dimensions)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return ReadLocated(StreamBytes.ReadAll(utf8Csv).Span, dimensions);
    }

    /// <summary>Reads responses from a stream of UTF-8 CSV, from its position to its end.</summary>
    /// <remarks>A stream positioned at or beyond its end (a <see cref="MemoryStream"/> allows <c>Position &gt; Length</c>) is read as an empty document (as if it held no bytes), never as an error.</remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <param name="dimensions">The dimension set of the dimension columns; <see langword="null"/> for <see cref="DimensionSet.Servqual"/>.</param>
    /// <returns>The responses in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static Result<IReadOnlyList<FeedbackResponse>> Read(Stream utf8Csv, DimensionSet? dimensions)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return Read(StreamBytes.ReadAll(utf8Csv).Span, dimensions);
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

    private static string? Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
