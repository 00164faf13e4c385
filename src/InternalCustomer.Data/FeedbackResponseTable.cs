using System.Collections.Immutable;
using System.Data.Common;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;

namespace InternalCustomer.Data;

/// <summary>
/// Feedback responses in a database table: read from any ADO.NET <see cref="DbDataReader"/> one row at a time, and
/// written into a new table of SQLite or PostgreSQL.
/// </summary>
/// <remarks>
/// <para>As <see cref="ServiceRequestTable"/> reads and writes requests (its remarks say how rows, problems, failures
/// and cancellation behave), with the CSV response layout's rules (docs/interchange.md): the same fields, checks and
/// messages; the scale is scaleMin..scaleMax (1–5 when the columns are unmapped or NULL); dimension ratings are the columns
/// named <see cref="FeedbackResponseColumns.PerceptionPrefix"/> or <see cref="FeedbackResponseColumns.ExpectationPrefix"/>
/// and a dimension (NULL for a dimension not rated), on the dimension set given (SERVQUAL's when none is).</para>
/// <para><b>Writing.</b> SQLite columns are TEXT and INTEGER, PostgreSQL columns <c>text</c> and <c>integer</c>; the
/// instant is ISO-8601 text, as for requests (<see cref="ServiceRequestTable"/>'s remarks say why). The rating columns are
/// those of the dimension set given, one perception and one expectation column per dimension.</para>
/// </remarks>
public static class FeedbackResponseTable
{
    /// <summary>The table the command-line tool reads responses from, and the name docs/database.md uses.</summary>
    public const string DefaultName = "feedback_responses";

    // The CSV response layout's columns: a table row is a CSV record.
    internal static readonly string[] Fields = FeedbackResponseMapping.Columns;

    internal static readonly string[] RequiredFields = FeedbackResponseMapping.Required;

    private static readonly string[] Instants = ["instant"];

    private static readonly string[] Integers = ["scaleMin", "scaleMax", "overall", "recommend", "effort"];

    /// <summary>Reads the responses of the reader's rows, one row at a time.</summary>
    /// <param name="reader">An open reader before its first row.</param>
    /// <param name="dimensions">The dimension set of the rating columns; <see langword="null"/> for SERVQUAL's.</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="FeedbackResponseColumns.Default"/>.</param>
    /// <returns>One result per row, in the reader's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reader"/> is closed, or lacks a mapped column.</exception>
    public static IEnumerable<RecordResult<FeedbackResponse>> ReadRecords(DbDataReader reader, DimensionSet? dimensions = null, FeedbackResponseColumns? columns = null) =>
        Rows(reader, dimensions, columns, nameof(reader)).Read();

    /// <summary>Reads the responses of the reader's rows, one row at a time, asynchronously.</summary>
    /// <param name="reader">An open reader before its first row.</param>
    /// <param name="dimensions">The dimension set of the rating columns; <see langword="null"/> for SERVQUAL's.</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="FeedbackResponseColumns.Default"/>.</param>
    /// <param name="cancellationToken">Stops the read (an <see cref="OperationCanceledException"/> from the enumeration).</param>
    /// <returns>One result per row, in the reader's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reader"/> is closed, or lacks a mapped column.</exception>
    public static IAsyncEnumerable<RecordResult<FeedbackResponse>> ReadRecordsAsync(DbDataReader reader, DimensionSet? dimensions = null, FeedbackResponseColumns? columns = null, CancellationToken cancellationToken = default) =>
        Rows(reader, dimensions, columns, nameof(reader)).ReadAsync(cancellationToken);

    /// <summary>Reads every response of a table into memory, as <see cref="ServiceRequestTable.ReadLocated"/> reads requests.</summary>
    /// <param name="connection">An open connection of any provider.</param>
    /// <param name="table">The table's name (quoted as an identifier).</param>
    /// <param name="dimensions">The dimension set of the rating columns; <see langword="null"/> for SERVQUAL's.</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="FeedbackResponseColumns.Default"/>.</param>
    /// <returns>The responses read without a problem, with where they came from, and the problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection is not open, the table's name is blank or too long, or the
    /// table lacks a mapped column.</exception>
    /// <exception cref="DbException">The query failed (no such table).</exception>
    /// <exception cref="DatabaseReadException">The database failed during the read.</exception>
    public static LocatedRecords<FeedbackResponse> ReadLocated(DbConnection connection, string table = DefaultName, DimensionSet? dimensions = null, FeedbackResponseColumns? columns = null) =>
        TableReader.ReadLocated(connection, table, reader => ReadRecords(reader, dimensions, columns));

    /// <summary>Streams the reader's responses into one feedback summary per provider × consumer relationship: the
    /// complete summaries, or (when a row has a problem) every problem and no summary.</summary>
    /// <param name="reader">An open reader before its first row.</param>
    /// <param name="dimensions">The dimension set of the rating columns; <see langword="null"/> for SERVQUAL's.</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="FeedbackResponseColumns.Default"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>As <see cref="FeedbackStreams.SummariseByRelationshipAsync"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reader"/> is closed, or lacks a mapped column.</exception>
    /// <exception cref="DatabaseReadException">The database failed during the read; no summary is returned.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled; no summary is returned.</exception>
    public static Task<Result<ImmutableSortedDictionary<Relationship, FeedbackSummary>>> SummariseByRelationshipAsync(
        DbDataReader reader, DimensionSet? dimensions = null, FeedbackResponseColumns? columns = null, CancellationToken cancellationToken = default) =>
        FeedbackStreams.SummariseByRelationshipAsync(ReadRecordsAsync(reader, dimensions, columns, cancellationToken), cancellationToken);

    /// <summary>Creates the table and writes the responses into it, in one transaction.</summary>
    /// <param name="connection">An open SQLite or PostgreSQL connection.</param>
    /// <param name="table">The new table's name; a table of that name must not exist.</param>
    /// <param name="responses">The responses.</param>
    /// <param name="dimensions">The dimension set whose rating columns the table gets; <see langword="null"/> for none.
    /// A response with dimension ratings must rate on this set.</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="FeedbackResponseColumns.Default"/>. An unmapped field is not written.</param>
    /// <returns>How many responses were written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/>, <paramref name="table"/>, <paramref name="responses"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection is not open or of another provider; the table's name is blank or
    /// too long; or a response has dimension ratings on another dimension set than <paramref name="dimensions"/>. Nothing is
    /// written then.</exception>
    /// <exception cref="DbException">The database refused (the table exists); nothing is written.</exception>
    public static long Write(DbConnection connection, string table, IEnumerable<FeedbackResponse> responses, DimensionSet? dimensions = null, FeedbackResponseColumns? columns = null) =>
        WriteCoreAsync(connection, table, responses, dimensions, columns, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Creates the table and writes the responses into it, in one transaction, asynchronously.</summary>
    /// <param name="connection">An open SQLite or PostgreSQL connection.</param>
    /// <param name="table">The new table's name; a table of that name must not exist.</param>
    /// <param name="responses">The responses.</param>
    /// <param name="dimensions">The dimension set whose rating columns the table gets; <see langword="null"/> for none.</param>
    /// <param name="columns">The column of each field; <see langword="null"/> for <see cref="FeedbackResponseColumns.Default"/>.</param>
    /// <param name="cancellationToken">Stops the write (nothing is written).</param>
    /// <returns>How many responses were written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/>, <paramref name="table"/>, <paramref name="responses"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Write"/>.</exception>
    /// <exception cref="DbException">The database refused (the table exists); nothing is written.</exception>
    public static Task<long> WriteAsync(DbConnection connection, string table, IEnumerable<FeedbackResponse> responses, DimensionSet? dimensions = null, FeedbackResponseColumns? columns = null, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(connection, table, responses, dimensions, columns, sync: false, cancellationToken);

    private static RowReader<FeedbackResponse> Rows(DbDataReader reader, DimensionSet? dimensions, FeedbackResponseColumns? columns, string parameterName)
    {
        var mapping = columns ?? FeedbackResponseColumns.Default;
        var shape = RowShape.Of(reader, mapping.Map, Instants, mapping, parameterName);
        return new RowReader<FeedbackResponse>(
            "feedback response",
            reader,
            shape,
            source => FeedbackResponseMapping.ReadOne(source, dimensions).Response,
            TableReader.Aliases(mapping.Map, ("overallScale", "scaleMax")));
    }

    private static Task<long> WriteCoreAsync(
        DbConnection connection, string table, IEnumerable<FeedbackResponse> responses, DimensionSet? dimensions, FeedbackResponseColumns? columns, bool sync, CancellationToken cancellationToken)
    {
        var mapping = columns ?? FeedbackResponseColumns.Default;
        var mapped = mapping.Map.Mapped().ToArray();
        var names = dimensions?.Names ?? [];
        ColumnSpec[] specs =
        [
            .. mapped.Select(m => new ColumnSpec(
                m.Column,
                Instants.Contains(m.Field) ? ColumnKind.Instant : Integers.Contains(m.Field) ? ColumnKind.Integer : ColumnKind.Text,
                RequiredFields.Contains(m.Field))),
            .. names.Select(n => new ColumnSpec(mapping.PerceptionPrefix + n, ColumnKind.Integer, false)),
            .. names.Select(n => new ColumnSpec(mapping.ExpectationPrefix + n, ColumnKind.Integer, false)),
        ];
        string[] fields = [.. mapped.Select(m => m.Field)];
        return TableWriter.WriteAsync(connection, table, specs, responses, r => Values(r, fields, dimensions, nameof(responses)), sync, cancellationToken);
    }

    private static object?[] Values(FeedbackResponse response, string[] fields, DimensionSet? dimensions, string parameterName)
    {
        if (response.Dimensions is { } rated && !rated.Equals(dimensions) && HasRatings(response, rated))
        {
            throw new ArgumentException(
                dimensions is null
                    ? $"Expected responses without dimension ratings, as no dimension set was given for the table's rating columns; the response of {response.Respondent} about {response.Subject} at {response.Instant} rates [{string.Join(", ", rated.Names)}]."
                    : $"Expected responses rated on the dimensions [{string.Join(", ", dimensions.Names)}]; the response of {response.Respondent} about {response.Subject} at {response.Instant} rates [{string.Join(", ", rated.Names)}].",
                parameterName);
        }

        var names = dimensions?.Names ?? [];
        var values = new object?[fields.Length + (2 * names.Length)];
        for (var i = 0; i < fields.Length; i++)
        {
            values[i] = fields[i] switch
            {
                "respondent" => response.Respondent.Value,
                "subject" => response.Subject.Value,
                "instant" => response.Instant,
                "scaleMin" => response.OverallScale.Min,
                "scaleMax" => response.OverallScale.Max,
                "overall" => response.Overall,
                "recommend" => response.Recommend,
                "effort" => response.Effort,
                "agreement" => response.Agreement?.Value,
                "service" => response.Service?.Value,
                _ => response.Comment,
            };
        }

        var rates = response.Dimensions is not null;
        for (var d = 0; d < names.Length; d++)
        {
            values[fields.Length + d] = rates ? response.Perception(names[d]) : null;
            values[fields.Length + names.Length + d] = rates ? response.Expectation(names[d]) : null;
        }

        return values;
    }

    private static bool HasRatings(FeedbackResponse response, DimensionSet rated) =>
        rated.Names.Any(n => response.Perception(n) is not null || response.Expectation(n) is not null);
}
