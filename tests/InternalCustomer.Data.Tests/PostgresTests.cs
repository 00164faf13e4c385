using InternalCustomer.Tests;
using InternalCustomer.Feedback;
using NodaTime;
using Npgsql;

namespace InternalCustomer.Data.Tests;

/// <summary>The readers and writers against the real PostgreSQL server of .ci/postgres (these fail without it).</summary>
public sealed class PostgresTests
{
    [PostgresFact]
    public void The_example_requests_and_responses_come_back_from_PostgreSQL_as_written()
    {
        using var db = new TempPostgres();
        ServiceRequestTable.Write(db.Connection, db.Table, Databases.ExampleRequests);
        FeedbackResponseTable.Write(db.Connection, db.Table + "_2", Databases.ExampleResponses);

        // A table without ORDER BY has no order of its own: the records are compared in one canonical order.
        Assert.Equal(Databases.Canonical(Databases.ExampleRequests), Databases.Canonical(ReadAll(ServiceRequestTable.ReadLocated(db.Connection, db.Table))));
        Assert.Equal(Databases.Canonical(Databases.ExampleResponses), Databases.Canonical(ReadAll(FeedbackResponseTable.ReadLocated(db.Connection, db.Table + "_2"))));
    }

    [PostgresFact]
    public async Task Every_field_comes_back_from_PostgreSQL()
    {
        using var db = new TempPostgres();
        await ServiceRequestTable.WriteAsync(db.Connection, db.Table, ServiceRequestTableTests.FullRequests());
        await FeedbackResponseTable.WriteAsync(db.Connection, db.Table + "_2", FeedbackResponseTableTests.FullResponses(), DimensionSet.Servqual);

        await using (var types = Databases.Query(db.Connection, $"SELECT opened FROM \"{db.Table}\""))
        {
            Assert.Equal("text", types.GetDataTypeName(0));
        }

        await using (var requests = Databases.Query(db.Connection, $"SELECT * FROM \"{db.Table}\""))
        {
            Assert.Equal(Databases.Canonical(ServiceRequestTableTests.FullRequests()), Databases.Canonical(await Records(ServiceRequestTable.ReadRecordsAsync(requests))));
        }

        await using var responses = Databases.Query(db.Connection, $"SELECT * FROM \"{db.Table}_2\"");
        Assert.Equal(Databases.Canonical(FeedbackResponseTableTests.FullResponses()), Databases.Canonical(await Records(FeedbackResponseTable.ReadRecordsAsync(responses))));
    }

    [PostgresFact]
    public void A_value_of_the_wrong_type_or_a_NULL_where_one_is_required_is_a_problem_of_its_row_and_column()
    {
        using var db = new TempPostgres();
        Databases.Execute(db.Connection, $"""
            CREATE TABLE "{db.Table}" (respondent text, subject text, instant timestamp without time zone, "scaleMin" integer, "scaleMax" integer,
                overall text, recommend double precision, effort integer, agreement text, service text, comment text);
            INSERT INTO "{db.Table}" (respondent, subject, instant, overall) VALUES ('a', 'b', '2026-03-02 09:30', '4');
            INSERT INTO "{db.Table}" (respondent, subject, instant, overall) VALUES ('a', 'b', NULL, '4');
            INSERT INTO "{db.Table}" (respondent, subject, instant, overall, recommend) VALUES ('a', NULL, '2026-03-02 09:30', '4', 8.5);
            """);

        using var reader = Databases.Query(db.Connection, $"SELECT * FROM \"{db.Table}\"");
        var read = FeedbackResponseTable.ReadRecords(reader).ToList();

        Assert.All(read, r => Assert.Null(r.Record));
        Assert.Equal(
            [
                (ProblemKind.WrongType, "$.row[1].instant"),
                (ProblemKind.WrongType, "$.row[1].overall"),
                (ProblemKind.MissingValue, "$.row[2].instant"),
                (ProblemKind.WrongType, "$.row[2].overall"),
                (ProblemKind.MissingValue, "$.row[3].subject"),
                (ProblemKind.WrongType, "$.row[3].instant"),
                (ProblemKind.WrongType, "$.row[3].overall"),
                (ProblemKind.WrongType, "$.row[3].recommend"),
            ],
            read.SelectMany(r => r.Problems).Select(p => (p.Kind, p.Location.ToString())));
        Assert.Contains("timestamp without time zone", read[0].Problems[0].Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Timestamp_with_time_zone_columns_are_read_as_instants()
    {
        using var db = new TempPostgres();
        Databases.Execute(db.Connection, $"""
            CREATE TABLE "{db.Table}" (id text, agreement text, opened timestamp with time zone, "firstResponse" timestamp with time zone, resolved text);
            INSERT INTO "{db.Table}" VALUES ('r-1', 'ola-1', '2026-03-02 10:30:00.123456+01', NULL, '2026-03-03T08:00:00Z');
            """);
        var columns = new[] { "pauses", "reopen", "priority", "service", "category" }.Aggregate(ServiceRequestColumns.Default, (c, f) => c.WithColumn(f, null));

        using var reader = Databases.Query(db.Connection, $"SELECT * FROM \"{db.Table}\"");
        var request = Assert.Single(ServiceRequestTable.ReadRecords(reader, columns)).Record!;

        Assert.Equal(Instant.FromUtc(2026, 3, 2, 9, 30) + Duration.FromTicks(1_234_560), request.Opened);
        Assert.Null(request.FirstResponse);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 8, 0), request.Resolved);
    }

    [PostgresFact]
    public async Task A_connection_terminated_mid_stream_is_a_database_read_exception()
    {
        using var db = new TempPostgres();
        await using var reader = Databases.Query(db.Connection, GeneratedResponses);
        var pid = db.Connection.ProcessID;

        var read = 0;
        var e = await Assert.ThrowsAsync<DatabaseReadException>(async () =>
        {
            await foreach (var item in FeedbackResponseTable.ReadRecordsAsync(reader))
            {
                Assert.True(item.IsSuccess, item.ToString());
                if (++read == 1)
                {
                    Terminate(pid);
                }
            }
        });

        Assert.InRange(e.RowsRead, 1, GeneratedCount - 1);
        Assert.Equal(read, e.RowsRead);
        Assert.IsAssignableFrom<NpgsqlException>(e.InnerException);
    }

    [PostgresFact]
    public async Task A_connection_terminated_mid_summary_gives_no_summaries()
    {
        using var db = new TempPostgres();
        await using var reader = Databases.Query(db.Connection, GeneratedResponses);
        var pid = db.Connection.ProcessID;

        var records = TerminatingAfterFirst(FeedbackResponseTable.ReadRecordsAsync(reader), pid);
        // The summary call throws: no summaries come back, not a part of them.
        await Assert.ThrowsAsync<DatabaseReadException>(() => FeedbackStreams.SummariseByRelationshipAsync(records));
    }

    [PostgresFact]
    public async Task A_cancelled_read_stops_with_operation_canceled()
    {
        using var db = new TempPostgres();
        await using var reader = Databases.Query(db.Connection, GeneratedResponses);
        using var cancel = new CancellationTokenSource();

        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in FeedbackResponseTable.ReadRecordsAsync(reader, cancellationToken: cancel.Token))
            {
                read++;
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(1, read);
    }

    private const int GeneratedCount = 5_000_000;

    /// <summary>Five million responses the server makes as they are read (more than its socket buffers hold, so the
    /// read is still going when the session is ended).</summary>
    private static readonly string GeneratedResponses = $"""
        SELECT 'consumer-' || (g % 10) AS respondent, 'provider-' || (g % 5) AS subject,
               timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second' AS instant, 1 AS "scaleMin", 5 AS "scaleMax",
               1 + g % 5 AS overall, g % 11 AS recommend, NULL::integer AS effort, NULL::text AS agreement, NULL::text AS service, NULL::text AS comment
        FROM generate_series(1, {GeneratedCount}) AS g
        """;

    private static void Terminate(int pid)
    {
        using var other = Databases.OpenPostgres();
        using var command = other.CreateCommand();
        command.CommandText = "SELECT pg_terminate_backend(@pid)";
        command.Parameters.Add(new NpgsqlParameter("pid", pid));
        Assert.Equal(true, command.ExecuteScalar());
    }

    private static async IAsyncEnumerable<Interchange.RecordResult<FeedbackResponse>> TerminatingAfterFirst(IAsyncEnumerable<Interchange.RecordResult<FeedbackResponse>> records, int pid)
    {
        var first = true;
        await foreach (var item in records)
        {
            yield return item;
            if (first)
            {
                Terminate(pid);
                first = false;
            }
        }
    }

    private static List<T> ReadAll<T>(Interchange.LocatedRecords<T> located)
        where T : class
    {
        Assert.Empty(located.Problems);
        return [.. located.Records];
    }

    private static async Task<List<T>> Records<T>(IAsyncEnumerable<Interchange.RecordResult<T>> items)
        where T : class
    {
        var records = new List<T>();
        await foreach (var item in items)
        {
            Assert.True(item.IsSuccess, item.ToString());
            records.Add(item.Record);
        }

        return records;
    }
}
