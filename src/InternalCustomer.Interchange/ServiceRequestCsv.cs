using System.Text;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange.Csv;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>
/// Reads and writes <see cref="ServiceRequest"/>s as CSV (RFC 4180) with the header
/// <c>id,agreement,opened,firstResponse,resolved,pauses,reopen</c>.
/// </summary>
/// <remarks>
/// Columns may come in any order; <c>id</c>, <c>agreement</c> and <c>opened</c> are required, the others
/// may be left out or left empty. Instants are ISO-8601 text with an offset; <c>pauses</c> holds intervals
/// <c>start/end</c> separated by <c>;</c>; <c>reopen</c> one interval. Problems are located by line and
/// column (both from 1; the column is where the field starts) and the column's name, e.g.
/// <c>line 12, column 31 (resolved)</c>. Reading never throws on bad input. Writing uses CRLF line ends,
/// quotes only the fields that need it, and keeps the order given.
/// </remarks>
public static class ServiceRequestCsv
{
    /// <summary>Reads requests from UTF-8 CSV bytes.</summary>
    /// <param name="utf8Csv">The CSV bytes (a leading byte-order mark is allowed).</param>
    /// <returns>The requests in file order, or every problem found with its location.</returns>
    public static Result<IReadOnlyList<ServiceRequest>> Read(ReadOnlySpan<byte> utf8Csv)
    {
        var problems = new ProblemCollector();
        var rows = CsvTable.Rows(utf8Csv, ServiceRequestMapping.Columns, ServiceRequestMapping.Required, problems);
        return ServiceRequestMapping.ReadAll(rows, problems);
    }

    /// <summary>Reads requests from CSV text.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <returns>The requests in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static Result<IReadOnlyList<ServiceRequest>> Read(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Read(Encoding.UTF8.GetBytes(csv));
    }

    /// <summary>Reads requests from a stream of UTF-8 CSV, from its position to its end.</summary>
    /// <remarks>A stream positioned at or beyond its end (a <see cref="MemoryStream"/> allows <c>Position &gt; Length</c>) is read as an empty document (as if it held no bytes), never as an error.</remarks>
    /// <param name="utf8Csv">A readable stream; it is not closed.</param>
    /// <returns>The requests in file order, or every problem found with its location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static Result<IReadOnlyList<ServiceRequest>> Read(Stream utf8Csv)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        return Read(StreamBytes.ReadAll(utf8Csv).Span);
    }

    /// <summary>Writes requests as UTF-8 CSV with a header row.</summary>
    /// <param name="requests">The requests, written in the order given.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="requests"/> holds a null.</exception>
    public static void Write(IEnumerable<ServiceRequest> requests, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = WriteToString(requests);
        output.Write(Encoding.UTF8.GetBytes(text));
        output.Flush();
    }

    /// <summary>Writes requests as CSV text with a header row.</summary>
    /// <param name="requests">The requests, written in the order given.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null or holds a null.</exception>
    public static string WriteToString(IEnumerable<ServiceRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var output = new StringBuilder();
        CsvParser.AppendRecord(output, ServiceRequestMapping.Columns);
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request, nameof(requests));
            CsvParser.AppendRecord(output, ServiceRequestMapping.ToFields(request));
        }

        return output.ToString();
    }
}
