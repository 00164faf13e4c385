using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Data.Tests;

public sealed class ServiceRequestTableTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 30);

    /// <summary>Requests with every field the CSV request layout holds: pauses (one still open), a reopen gap, priority,
    /// service and category.</summary>
    internal static IReadOnlyList<ServiceRequest> FullRequests() =>
    [
        ServiceRequest.TryCreate("r-1", AgreementId.Parse("ola-1"), T0, T0 + Duration.FromMinutes(20), T0 + Duration.FromHours(5),
            [new Interval(T0 + Duration.FromHours(1), T0 + Duration.FromHours(2)), new Interval(T0 + Duration.FromHours(3), T0 + Duration.FromMilliseconds(3 * 3600_000 + 1500))],
            new Interval(T0 + Duration.FromHours(3.5), T0 + Duration.FromHours(4))).GetValueOrThrow()
            .WithClass(PriorityId.Parse("P1"), ServiceId.Parse("laptops"), "Hardware, new"),
        ServiceRequest.TryCreate("r-2", AgreementId.Parse("ola-2"), T0 + Duration.FromDays(1), pauses: [new Interval(T0 + Duration.FromDays(1.5), null)]).GetValueOrThrow(),
        ServiceRequest.TryCreate("r-3", AgreementId.Parse("ola-1"), T0 + Duration.FromDays(2)).GetValueOrThrow(),
    ];

    [Fact]
    public void The_example_requests_come_back_from_SQLite_as_written()
    {
        using var db = new TempSqlite();
        Assert.Equal(Databases.ExampleRequests.Count, ServiceRequestTable.Write(db.Connection, ServiceRequestTable.DefaultName, Databases.ExampleRequests));

        using var reader = Databases.Query(db.Connection, "SELECT * FROM service_requests");
        var read = ServiceRequestTable.ReadRecords(reader).ToList();

        Assert.All(read, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Equal(Databases.ExampleRequests, read.Select(r => r.Record!));
        Assert.Equal(Enumerable.Range(1, read.Count).Select(n => $"$.row[{n}]"), read.Select(r => r.Origin!.ToString()));
    }

    [Fact]
    public async Task Pauses_reopen_and_class_come_back_from_SQLite_asynchronously()
    {
        using var db = new TempSqlite();
        await ServiceRequestTable.WriteAsync(db.Connection, "requests", FullRequests());

        using var reader = Databases.Query(db.Connection, "SELECT * FROM requests");
        var read = new List<ServiceRequest>();
        await foreach (var item in ServiceRequestTable.ReadRecordsAsync(reader))
        {
            Assert.True(item.IsSuccess, item.ToString());
            read.Add(item.Record);
        }

        Assert.Equal(FullRequests(), read);
    }

    [Fact]
    public void A_row_written_by_hand_in_the_CSV_text_forms_reads_as_the_request_they_mean()
    {
        // Not a round trip: the row's text is typed here in the CSV layout's forms (docs/interchange.md), and the
        // expected request is built with the model's constructor, so an encoding bug shared by writer and reader shows.
        using var db = new TempSqlite();
        Databases.Execute(db.Connection, """
            CREATE TABLE requests (id TEXT, agreement TEXT, opened TEXT, firstResponse TEXT, resolved TEXT, pauses TEXT, reopen TEXT, priority TEXT, service TEXT, category TEXT);
            INSERT INTO requests VALUES ('r-1', 'it-finance', '2026-03-02T09:00:00Z', '2026-03-02T09:20:00Z', '2026-03-03T15:00:00+01:00',
                '2026-03-02T10:00:00Z/2026-03-02T10:30:00Z;2026-03-02T12:00:00Z/2026-03-02T13:00:00Z', NULL, NULL, NULL, NULL);
            """);

        using var reader = Databases.Query(db.Connection, "SELECT * FROM requests");
        var read = Assert.Single(ServiceRequestTable.ReadRecords(reader).ToList());

        var at = (int h, int m) => Instant.FromUtc(2026, 3, 2, h, m);
        var expected = new ServiceRequest(
            "r-1",
            AgreementId.Parse("it-finance"),
            at(9, 0),
            at(9, 20),
            Instant.FromUtc(2026, 3, 3, 14, 0),
            [new NodaTime.Interval(at(10, 0), at(10, 30)), new NodaTime.Interval(at(12, 0), at(13, 0))]);
        Assert.True(read.IsSuccess, string.Join("; ", read.Problems));
        Assert.Equal(expected, read.Record);
    }

    [Fact]
    public void A_mapping_reads_and_writes_other_columns_and_locates_at_them()
    {
        using var db = new TempSqlite();
        var columns = ServiceRequestColumns.Default.WithColumn("opened", "opened_at").WithColumn("category", null);
        var requests = FullRequests().Select(r => r.WithClass(r.Priority, r.Service, null)).ToList();
        ServiceRequestTable.Write(db.Connection, "mapped", requests, columns);

        using (var reader = Databases.Query(db.Connection, "SELECT * FROM mapped"))
        {
            Assert.Equal(["id", "agreement", "opened_at", "firstResponse", "resolved", "pauses", "reopen", "priority", "service"], Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
            var read = ServiceRequestTable.ReadRecords(reader, columns).ToList();
            Assert.Equal(requests, read.Select(r => r.Record!));
            Assert.Equal("$.row[2].opened_at", read[1].Origin!.Field("opened").ToString());
            Assert.Equal("$.row[2].agreement", read[1].Origin!.Field("agreement").ToString());
        }

        Databases.Execute(db.Connection, "UPDATE mapped SET opened_at = 'yesterday' WHERE id = 'r-3'");
        using var bad = Databases.Query(db.Connection, "SELECT * FROM mapped");
        var problem = Assert.Single(ServiceRequestTable.ReadRecords(bad, columns).Last().Problems);
        Assert.Equal("$.row[3].opened_at", problem.Location.ToString());
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Contains("\"yesterday\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_or_a_NULL_where_one_is_required_is_a_problem_of_its_row_and_column()
    {
        using var db = new TempSqlite();
        Databases.Execute(db.Connection, """
            CREATE TABLE requests (id TEXT, agreement TEXT, opened, firstResponse, resolved TEXT, pauses TEXT, reopen TEXT, priority TEXT, service TEXT, category TEXT);
            INSERT INTO requests (id, agreement, opened) VALUES ('ok-1', 'ola-1', '2026-03-02T09:30:00Z');
            INSERT INTO requests (id, agreement, opened) VALUES ('int-opened', 'ola-1', 1772443800);
            INSERT INTO requests (id, agreement, opened) VALUES ('no-agreement', NULL, '2026-03-02T09:30:00Z');
            INSERT INTO requests (id, agreement, opened, firstResponse) VALUES ('real-first', 'ola-1', '2026-03-02T09:30:00Z', 2.5);
            INSERT INTO requests (id, agreement, opened) VALUES (NULL, 'ola-1', '2026-03-02T09:30:00Z');
            INSERT INTO requests (id, agreement, opened) VALUES ('ok-6', 'ola-1', '2026-03-02T10:30:00Z');
            """);

        using var reader = Databases.Query(db.Connection, "SELECT * FROM requests");
        var read = ServiceRequestTable.ReadRecords(reader).ToList();

        Assert.Equal(6, read.Count);
        Assert.True(read[0].IsSuccess);
        Assert.True(read[5].IsSuccess);
        Assert.Equal("ok-6", read[5].Record!.Id);
        Assert.All(read.Skip(1).Take(4), r => Assert.Null(r.Record));
        Assert.Equal(
            [
                (2, ProblemKind.WrongType, "$.row[2].opened"),
                (3, ProblemKind.MissingValue, "$.row[3].agreement"),
                (4, ProblemKind.WrongType, "$.row[4].firstResponse"),
                (5, ProblemKind.MissingValue, "$.row[5].id"),
            ],
            read.Select((r, i) => (Row: i + 1, r)).Where(x => x.r.Record is null).Select(x => (x.Row, Assert.Single(x.r.Problems).Kind, x.r.Problems[0].Location.ToString())));
        Assert.Contains("got an integer (1772443800)", read[1].Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("got NULL", read[2].Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapped_column_the_reader_lacks_is_an_argument_exception_before_any_row_is_read()
    {
        using var db = new TempSqlite();
        Databases.Execute(db.Connection, "CREATE TABLE requests (id TEXT, agreement TEXT, opened TEXT); INSERT INTO requests VALUES ('a', 'ola-1', '2026-03-02T09:30:00Z')");
        using var reader = new WrappingReader(Databases.Query(db.Connection, "SELECT * FROM requests"));

        var e = Assert.Throws<ArgumentException>(() => ServiceRequestTable.ReadRecords(reader));

        Assert.Equal("reader", e.ParamName);
        Assert.Contains("\"firstResponse\" (field firstResponse)", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"category\" (field category)", e.Message, StringComparison.Ordinal);
        Assert.Contains("Its columns: id, agreement, opened", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, reader.RowsRead);

        var columns = ServiceRequestColumns.Fields.Skip(3).Aggregate(ServiceRequestColumns.Default, (c, f) => c.WithColumn(f, null));
        Assert.Equal("a", Assert.Single(ServiceRequestTable.ReadRecords(reader, columns)).Record!.Id);
    }

    [Fact]
    public void A_connection_that_drops_mid_stream_is_a_database_read_exception_after_the_rows_before()
    {
        using var db = new TempSqlite();
        ServiceRequestTable.Write(db.Connection, "requests", Databases.ExampleRequests);
        using var reader = new WrappingReader(Databases.Query(db.Connection, "SELECT * FROM requests"), failAfter: 5);

        var seen = new List<ServiceRequest>();
        var e = Assert.Throws<DatabaseReadException>(() =>
        {
            foreach (var item in ServiceRequestTable.ReadRecords(reader))
            {
                seen.Add(item.Record!);
            }
        });

        Assert.Equal(5, e.RowsRead);
        Assert.IsType<IOException>(e.InnerException);
        Assert.Contains("after row 5", e.Message, StringComparison.Ordinal);
        Assert.Equal(Databases.ExampleRequests.Take(5), seen);
    }

    [Fact]
    public void A_provider_that_fails_while_a_row_is_read_is_a_database_read_exception_after_the_rows_before()
    {
        // Npgsql throws InvalidOperationException ("connection is not open") when the connection drops between two values
        // of a row; that is the database failing, not the mapping: rows 1 and 2 came, row 3 did not.
        using var db = new TempSqlite();
        ServiceRequestTable.Write(db.Connection, "requests", Databases.ExampleRequests);
        var dropped = new InvalidOperationException("Connection is not open.");
        using var reader = new WrappingReader(Databases.Query(db.Connection, "SELECT * FROM requests"), failure: () => dropped, valuesFailAt: 3);

        var seen = new List<ServiceRequest>();
        var e = Assert.Throws<DatabaseReadException>(() =>
        {
            foreach (var item in ServiceRequestTable.ReadRecords(reader))
            {
                seen.Add(item.Record!);
            }
        });

        Assert.Equal(2, e.RowsRead);
        Assert.Same(dropped, e.InnerException);
        Assert.Equal(Databases.ExampleRequests.Take(2), seen);
    }

    [Fact]
    public async Task A_provider_whose_read_throws_invalid_operation_is_a_database_read_exception()
    {
        using var db = new TempSqlite();
        ServiceRequestTable.Write(db.Connection, "requests", Databases.ExampleRequests);
        var dropped = new InvalidOperationException("Connection is not open.");
        using var reader = new WrappingReader(Databases.Query(db.Connection, "SELECT * FROM requests"), failAfter: 4, failure: () => dropped);

        var read = 0;
        var e = await Assert.ThrowsAsync<DatabaseReadException>(async () =>
        {
            await foreach (var item in ServiceRequestTable.ReadRecordsAsync(reader))
            {
                read++;
            }
        });

        Assert.Equal(4, read);
        Assert.Equal(4, e.RowsRead);
        Assert.Same(dropped, e.InnerException);
    }

    [Fact]
    public async Task A_cancelled_read_stops_with_operation_canceled()
    {
        using var db = new TempSqlite();
        ServiceRequestTable.Write(db.Connection, "requests", Databases.ExampleRequests);
        using var reader = new WrappingReader(Databases.Query(db.Connection, "SELECT * FROM requests"));
        using var cancel = new CancellationTokenSource();

        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in ServiceRequestTable.ReadRecordsAsync(reader, null, cancel.Token))
            {
                read++;
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(1, read);
        Assert.Equal(1, reader.RowsRead);
    }

    [Fact]
    public void A_request_given_as_a_status_log_is_refused_and_nothing_is_written()
    {
        using var db = new TempSqlite();
        var log = ServiceRequest.FromStatusLog("log-1", AgreementId.Parse("ola-1"), [new StatusChange(T0, "New", null), new StatusChange(T0 + Duration.FromHours(1), "Resolved", null)]);

        var e = Assert.Throws<ArgumentException>(() => ServiceRequestTable.Write(db.Connection, "requests", [.. FullRequests(), log]));

        Assert.Equal("requests", e.ParamName);
        Assert.Contains("\"log-1\"", e.Message, StringComparison.Ordinal);
        using var tables = Databases.Query(db.Connection, "SELECT count(*) FROM sqlite_master WHERE name = 'requests'");
        Assert.True(tables.Read());
        Assert.Equal(0L, tables.GetInt64(0));
    }

    [Fact]
    public void Writing_needs_an_open_connection_and_a_table_name()
    {
        using var db = new TempSqlite();
        Assert.Equal("table", Assert.Throws<ArgumentException>(() => ServiceRequestTable.Write(db.Connection, " ", FullRequests())).ParamName);
        Assert.Equal("table", Assert.Throws<ArgumentException>(() => ServiceRequestTable.Write(db.Connection, new string('t', 64), FullRequests())).ParamName);
        db.Connection.Close();
        var e = Assert.Throws<ArgumentException>(() => ServiceRequestTable.Write(db.Connection, "requests", FullRequests()));
        Assert.Equal("connection", e.ParamName);
        Assert.Contains("Closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_refused_by_the_table_and_nothing_is_written()
    {
        using var db = new TempSqlite();
        var requests = FullRequests();
        Assert.ThrowsAny<System.Data.Common.DbException>(() => ServiceRequestTable.Write(db.Connection, "requests", [.. requests, requests[0]]));
        using var tables = Databases.Query(db.Connection, "SELECT count(*) FROM sqlite_master WHERE name = 'requests'");
        Assert.True(tables.Read());
        Assert.Equal(0L, tables.GetInt64(0));
    }
}
