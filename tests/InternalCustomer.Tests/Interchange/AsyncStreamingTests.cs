using System.Collections.Immutable;
using System.Text;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// The asynchronous readers (<c>ReadAsync</c>, <c>ReadLocatedAsync</c>) and the streaming record readers
/// (<c>ReadRecordsAsync</c>) against the synchronous ones, on documents valid and broken, read from a network-like
/// stream (not seekable, no length, synchronous reads throw, small random chunks, a yield before each).
/// </summary>
public class AsyncStreamingTests
{
    /// <summary>Mutated documents per format and run (each read three ways from a trickling stream).</summary>
    private const int PerFormat = 300;

    private static readonly byte[] RequestsCsv = Encoding.UTF8.GetBytes(ReaderMutationTests.RequestsCsv);
    private static readonly byte[] StatusChangesCsv = Encoding.UTF8.GetBytes(ReaderMutationTests.StatusChangesCsv);
    private static readonly byte[] RequestsJson = Encoding.UTF8.GetBytes(ReaderMutationTests.RequestsJson);
    private static readonly byte[] RequestLogsJson = Encoding.UTF8.GetBytes(ReaderMutationTests.RequestLogsJson);
    private static readonly byte[] ResponsesCsv = Encoding.UTF8.GetBytes(ReaderMutationTests.ResponsesCsv);
    private static readonly byte[] ResponsesJson = Encoding.UTF8.GetBytes(ReaderMutationTests.ResponsesJson);

    [Property(Arbitrary = new[] { typeof(MutationSeeds) }, MaxTest = PerFormat, QuietOnSuccess = true)]
    public async Task Request_csv_async_and_streaming_agree_with_the_synchronous_reader(MutationSeed seed)
    {
        var document = Document(seed.Value % 2 == 0 ? RequestsCsv : StatusChangesCsv, seed.Value);
        var sync = ServiceRequestCsv.ReadLocated(document);
        AssertSame(sync, await ServiceRequestCsv.ReadLocatedAsync(Network(document, seed.Value)), seed.Value);
        AssertSame(sync.ToResult(), await ServiceRequestCsv.ReadAsync(Network(document, seed.Value)), seed.Value);
        AssertStreamAgrees(sync, await Collect(ServiceRequestCsv.ReadRecordsAsync(Network(document, seed.Value))), BrokenCsv(document), seed.Value);
    }

    [Property(Arbitrary = new[] { typeof(MutationSeeds) }, MaxTest = PerFormat, QuietOnSuccess = true)]
    public async Task Request_json_async_and_streaming_agree_with_the_synchronous_reader(MutationSeed seed)
    {
        var document = Document(seed.Value % 2 == 0 ? RequestsJson : RequestLogsJson, seed.Value);
        var sync = ServiceRequestJson.ReadLocated(document);
        AssertSame(sync, await ServiceRequestJson.ReadLocatedAsync(Network(document, seed.Value)), seed.Value);
        AssertSame(sync.ToResult(), await ServiceRequestJson.ReadAsync(Network(document, seed.Value)), seed.Value);
        AssertStreamAgrees(sync, await Collect(ServiceRequestJson.ReadRecordsAsync(Network(document, seed.Value))), BrokenJson(sync), seed.Value, BeforeBadByte(document, b => ServiceRequestJson.ReadLocated(b)));
    }

    [Property(Arbitrary = new[] { typeof(MutationSeeds) }, MaxTest = PerFormat, QuietOnSuccess = true)]
    public async Task Response_csv_async_and_streaming_agree_with_the_synchronous_reader(MutationSeed seed)
    {
        var document = Document(ResponsesCsv, seed.Value);
        var dimensions = (seed.Value & 8) == 0 ? DimensionSet.Servqual : null;
        var sync = FeedbackResponseCsv.ReadLocated(document, dimensions);
        AssertSame(sync, await FeedbackResponseCsv.ReadLocatedAsync(Network(document, seed.Value), dimensions), seed.Value);
        AssertSame(sync.ToResult(), await FeedbackResponseCsv.ReadAsync(Network(document, seed.Value), dimensions), seed.Value);
        AssertStreamAgrees(sync, await Collect(FeedbackResponseCsv.ReadRecordsAsync(Network(document, seed.Value), dimensions)), BrokenCsv(document), seed.Value);
    }

    [Property(Arbitrary = new[] { typeof(MutationSeeds) }, MaxTest = PerFormat, QuietOnSuccess = true)]
    public async Task Response_json_async_and_streaming_agree_with_the_synchronous_reader(MutationSeed seed)
    {
        var document = Document(ResponsesJson, seed.Value);
        var dimensions = (seed.Value & 8) == 0 ? DimensionSet.Servqual : null;
        var sync = FeedbackResponseJson.ReadLocated(document, dimensions);
        AssertSame(sync, await FeedbackResponseJson.ReadLocatedAsync(Network(document, seed.Value), dimensions), seed.Value);
        AssertSame(sync.ToResult(), await FeedbackResponseJson.ReadAsync(Network(document, seed.Value), dimensions), seed.Value);
        AssertStreamAgrees(sync, await Collect(FeedbackResponseJson.ReadRecordsAsync(Network(document, seed.Value), dimensions)), BrokenJson(sync), seed.Value, BeforeBadByte(document, b => FeedbackResponseJson.ReadLocated(b, dimensions)));
    }

    [Property(Arbitrary = new[] { typeof(MutationSeeds) }, MaxTest = PerFormat, QuietOnSuccess = true)]
    public async Task Organisation_json_read_asynchronously_is_the_synchronous_result(MutationSeed seed)
    {
        var document = Document(Encoding.UTF8.GetBytes(ReaderMutationTests.Organisation), seed.Value);
        AssertSame(OrganizationJson.Read(document), await OrganizationJson.ReadAsync(Network(document, seed.Value)), seed.Value);
    }

    [Fact]
    public async Task Every_other_stream_reader_reads_asynchronously_what_it_reads_synchronously()
    {
        var organisation = OrganizationJson.Read(ReaderMutationTests.Organisation).Value!;
        var improvement = """{ "schemaVersion": 1, "actions": [], "campaigns": [] }"""u8.ToArray();
        AssertSame(ImprovementJson.Read(improvement, organisation), await ImprovementJson.ReadAsync(Network(improvement, 1), organisation), 1);
        var invitations = "campaign,consumer,provider,at\r\nbogus\r\n"u8.ToArray();
        AssertSame(InvitationCsv.Read(invitations), await InvitationCsv.ReadAsync(Network(invitations, 2)), 2);
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"u8.ToArray();
        var range = new NodaTime.DateInterval(new NodaTime.LocalDate(2026, 1, 1), new NodaTime.LocalDate(2026, 12, 31));
        var holidays = await IcsHolidays.ReadAsync(Network(ics, 3), range);
        Assert.Equal([new NodaTime.LocalDate(2026, 12, 25)], holidays.Value!);
        AssertSame(IcsHolidays.Read(ics, range), holidays, 3);
    }

    [Fact]
    public async Task A_broken_row_is_an_item_with_its_problems_at_their_line_and_column_between_the_good_rows()
    {
        var csv = "id,agreement,opened\r\nR1,sla-hr,2026-03-02T09:30:00Z\r\nR2,sla-hr,yesterday\r\nR1,sla-hr,2026-03-03T09:30:00Z\r\nR3,sla-hr,2026-03-04T09:30:00Z\r\n";
        var items = await Collect(ServiceRequestCsv.ReadRecordsAsync(Network(Encoding.UTF8.GetBytes(csv), 5)));
        Assert.Equal(4, items.Count);
        Assert.True(items[0].IsSuccess);
        Assert.Equal("R1", items[0].Record!.Id);
        Assert.Equal(ProblemLocation.InText(2, 4).Property("agreement"), items[0].Origin!.Field("agreement"));

        // "yesterday" starts at column 11 of line 3; the second R1 is a duplicate of line 2's.
        Assert.Null(items[1].Record);
        var bad = Assert.Single(items[1].Problems);
        Assert.Equal(ProblemKind.InvalidValue, bad.Kind);
        Assert.Equal(ProblemLocation.InText(3, 11).Property("opened"), bad.Location);
        var duplicate = Assert.Single(items[2].Problems);
        Assert.Equal(ProblemKind.DuplicateId, duplicate.Kind);
        Assert.Equal(ProblemLocation.InText(4, 1).Property("id"), duplicate.Location);
        Assert.Equal("Request id \"R1\" is already used at line 2.", duplicate.Message);
        Assert.Equal("R3", items[3].Record!.Id);
    }

    [Fact]
    public async Task A_json_element_with_an_unknown_property_is_kept_with_its_problem_at_its_path()
    {
        var json = """{"schemaVersion":1,"requests":[{"id":"R1","agreement":"a","opened":"2026-03-02T09:30:00Z","colour":"red"},{"id":"R2","agreement":"a"}]}""";
        var items = await Collect(ServiceRequestJson.ReadRecordsAsync(Network(Encoding.UTF8.GetBytes(json), 6)));
        Assert.Equal(2, items.Count);
        Assert.Equal("R1", items[0].Record!.Id);
        Assert.False(items[0].IsSuccess);
        var unknown = Assert.Single(items[0].Problems);
        Assert.Equal(ProblemLocation.Root.Property("requests").Element(0).Property("colour"), unknown.Location);
        Assert.Null(items[1].Record);
        Assert.Equal(ProblemLocation.Root.Property("requests").Element(1).Property("opened"), Assert.Single(items[1].Problems).Location);
    }

    [Fact]
    public async Task A_syntax_error_ends_the_stream_after_the_elements_before_it_with_the_synchronous_readers_problem()
    {
        // Line 4, column 5: the '}' where a value was expected after the comma.
        var json = "{\"schemaVersion\": 1, \"responses\": [\n{\"respondent\":\"a\",\"subject\":\"b\",\"instant\":\"2026-02-03T10:00:00Z\",\"overall\":4},\n{\"respondent\":\"c\",\"subject\":\"b\",\"instant\":\"2026-02-03T10:00:00Z\",\"overall\":2},\n{\"x\":}\n]}";
        var bytes = Encoding.UTF8.GetBytes(json);
        var items = await Collect(FeedbackResponseJson.ReadRecordsAsync(Network(bytes, 7), null));
        Assert.Equal(3, items.Count);
        Assert.True(items[0].IsSuccess);
        Assert.True(items[1].IsSuccess);
        var syntax = Assert.Single(items[2].Problems);
        Assert.Equal(ProblemLocation.InText(4, 6), syntax.Location);
        Assert.Equal(Assert.Single(FeedbackResponseJson.ReadLocated(bytes, null).Problems), syntax);
    }

    [Fact]
    public async Task Reading_never_reads_synchronously()
    {
        var bytes = RequestsJson;
        var stream = Network(bytes, 8);
        Assert.Throws<InvalidOperationException>(() => stream.ReadByte());
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.True((await ServiceRequestJson.ReadAsync(stream)).IsSuccess);
        Assert.True((await ServiceRequestCsv.ReadAsync(Network(RequestsCsv, 8))).IsSuccess);
        Assert.Equal(2, (await Collect(ServiceRequestCsv.ReadRecordsAsync(Network(RequestsCsv, 8)))).Count(i => i.IsSuccess));
    }

    [Fact]
    public async Task A_cancelled_token_stops_every_reader_with_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ServiceRequestCsv.ReadAsync(Network(RequestsCsv, 9), cancellationToken: cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => OrganizationJson.ReadAsync(Network(RequestsJson, 9), cancellationToken: cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FeedbackResponseJson.ReadLocatedAsync(new MemoryStream(ResponsesJson), null, cancellationToken: cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Collect(ServiceRequestJson.ReadRecordsAsync(Network(RequestsJson, 9), cancellationToken: cancelled.Token)));
    }

    [Fact]
    public async Task Cancelling_part_way_through_a_stream_stops_it_at_the_next_item()
    {
        using var source = new CancellationTokenSource();
        var stream = GeneratedResponses(10_000, out _);
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in FeedbackResponseCsv.ReadRecordsAsync(stream, null).WithCancellation(source.Token))
            {
                Assert.True(item.IsSuccess);
                if (++seen == 10)
                {
                    await source.CancelAsync();
                }
            }
        });
        Assert.Equal(10, seen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_connection_that_drops_part_way_throws_its_IOException_after_whole_records_only(int format)
    {
        var (bytes, read) = format switch
        {
            0 => (RequestsCsv, (Func<Stream, IAsyncEnumerable<object>>)(s => Records(ServiceRequestCsv.ReadRecordsAsync(s)))),
            1 => (RequestsJson, s => Records(ServiceRequestJson.ReadRecordsAsync(s))),
            2 => (ResponsesCsv, s => Records(FeedbackResponseCsv.ReadRecordsAsync(s, null))),
            _ => (ResponsesJson, s => Records(FeedbackResponseJson.ReadRecordsAsync(s, null))),
        };
        object[] whole = [.. await CollectAll(read(new MemoryStream(bytes)))];
        Assert.Equal(2, whole.Length);
        for (var cut = 1; cut < bytes.Length; cut += 3)
        {
            var stream = new NetworkLikeStream(bytes, cut, maxChunk: 5, failAfter: cut);
            var got = new List<object>();
            var thrown = await Assert.ThrowsAsync<IOException>(async () =>
            {
                await foreach (var record in read(stream))
                {
                    got.Add(record);
                }
            });
            Assert.Same(stream.Dropped, thrown);

            // What came before the fault is the first records of the whole document, each one whole.
            Assert.Equal(whole.Take(got.Count), got);
        }
    }

    [Fact]
    public async Task The_async_readers_surface_a_dropped_connection_as_the_streams_IOException()
    {
        var stream = new NetworkLikeStream(RequestsCsv, 11, maxChunk: 5, failAfter: 100);
        var thrown = await Assert.ThrowsAsync<IOException>(() => ServiceRequestCsv.ReadLocatedAsync(stream));
        Assert.Same(stream.Dropped, thrown);
    }

    [Fact]
    public async Task The_streaming_reader_reads_200000_rows_incrementally_and_holds_none_it_has_given_out()
    {
        const int rows = 200_000;
        var stream = GeneratedResponses(rows, out var rowBytes);
        var count = 0;
        long givenAtFirst = 0;
        WeakReference? first = null;
        await foreach (var item in FeedbackResponseCsv.ReadRecordsAsync(stream, null))
        {
            Assert.True(item.IsSuccess, item.ToString());
            if (count++ == 0)
            {
                givenAtFirst = stream.Given;
                first = Weak(item.Record);
            }
        }

        Assert.Equal(rows, count);

        // The first record came before the reader had taken more than a window of the 200,000 rows (some 12 MB) ...
        Assert.True(givenAtFirst < 64 * 1024, $"{givenAtFirst} bytes read before the first record");
        Assert.True(stream.Given > (long)rows * rowBytes);

        // ... and once given out it is the caller's alone: nothing in the reader keeps it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(first!.IsAlive);
    }

    [Fact]
    public async Task The_status_change_layout_streams_the_synchronous_result_at_the_end()
    {
        var sync = ServiceRequestCsv.ReadLocated(StatusChangesCsv);
        var items = await Collect(ServiceRequestCsv.ReadRecordsAsync(Network(StatusChangesCsv, 12)));
        Assert.Equal(sync.Records, items.Select(i => i.Record!));
        Assert.Equal(sync.Origins, items.Select(i => i.Origin!));
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void A_null_stream_is_refused_at_once_with_its_parameter_name()
    {
        Assert.Equal("utf8Csv", Assert.Throws<ArgumentNullException>(() => ServiceRequestCsv.ReadRecordsAsync(null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => ServiceRequestJson.ReadRecordsAsync(null!)).ParamName);
        Assert.Equal("utf8Csv", Assert.Throws<ArgumentNullException>(() => FeedbackResponseCsv.ReadRecordsAsync(null!, null)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => FeedbackResponseJson.ReadRecordsAsync(null!, null)).ParamName);
    }

    [Fact]
    public async Task A_null_stream_is_refused_by_the_async_readers_with_its_parameter_name()
    {
        Assert.Equal("utf8Csv", (await Assert.ThrowsAsync<ArgumentNullException>(() => ServiceRequestCsv.ReadAsync(null!))).ParamName);
        Assert.Equal("utf8Json", (await Assert.ThrowsAsync<ArgumentNullException>(() => OrganizationJson.ReadAsync(null!))).ParamName);
    }

    [Fact]
    public void A_default_item_has_no_record_and_no_problems()
    {
        var item = default(RecordResult<ServiceRequest>);
        Assert.Null(item.Record);
        Assert.Null(item.Origin);
        Assert.Empty(item.Problems);
        Assert.False(item.IsSuccess);
        Assert.Equal(default, item);
    }

    private static byte[] Document(byte[] seedDocument, int seed) =>
        seed % 5 == 0 ? seedDocument : InterchangeGenerators.Mutate(seedDocument, new Random(seed), seed).Bytes;

    private static NetworkLikeStream Network(byte[] bytes, int seed) => new(bytes, seed, maxChunk: 1 + (seed % 64));

    private static NetworkLikeStream GeneratedResponses(int rows, out int rowBytes)
    {
        var header = Encoding.UTF8.GetBytes("respondent,subject,instant,overall\n");
        rowBytes = "d-000000,hr,2026-02-03T10:00:00Z,4\n".Length;
        const int perBlock = 500;
        return new NetworkLikeStream(
            block =>
            {
                if (block == 0)
                {
                    return header;
                }

                var firstRow = (block - 1) * perBlock;
                if (firstRow >= rows)
                {
                    return null;
                }

                var text = new StringBuilder();
                for (var r = firstRow; r < Math.Min(rows, firstRow + perBlock); r++)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"d-{r:D6},hr,2026-02-03T10:00:00Z,{1 + (r % 5)}\n");
                }

                return Encoding.UTF8.GetBytes(text.ToString());
            },
            seed: 13,
            maxChunk: 8192);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference Weak(object? target) => new(target);

    internal static async Task<List<RecordResult<T>>> Collect<T>(IAsyncEnumerable<RecordResult<T>> items)
        where T : class
    {
        var list = new List<RecordResult<T>>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<List<object>> CollectAll(IAsyncEnumerable<object> items)
    {
        var list = new List<object>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async IAsyncEnumerable<object> Records<T>(IAsyncEnumerable<RecordResult<T>> items)
        where T : class
    {
        await foreach (var item in items)
        {
            Assert.True(item.IsSuccess, item.ToString());
            yield return item.Record!;
        }
    }

    /// <summary>A CSV document that is not UTF-8: the synchronous reader reports the bad byte only.</summary>
    private static bool BrokenCsv(byte[] document)
    {
        var bytes = document.AsSpan();
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        return !System.Text.Unicode.Utf8.IsValid(bytes);
    }

    /// <summary>A JSON document that is not well-formed: the synchronous reader reports its syntax error only, the one
    /// problem located in the text (every other JSON problem is located by path).</summary>
    private static bool BrokenJson<T>(LocatedRecords<T> sync)
        where T : class => sync.Problems is [{ Location.IsInText: true }];

    private static void AssertSame<T>(LocatedRecords<T> expected, LocatedRecords<T> actual, int seed)
        where T : class
    {
        Assert.True(expected.Records.SequenceEqual(actual.Records), $"seed {seed}: records");
        Assert.True(expected.Origins.SequenceEqual(actual.Origins), $"seed {seed}: origins");
        Assert.True(expected.Problems.SequenceEqual(actual.Problems), $"seed {seed}: problems\n{string.Join("\n", expected.Problems)}\n--\n{string.Join("\n", actual.Problems)}");
    }

    private static void AssertSame<T>(Result<T> expected, Result<T> actual, int seed)
        where T : class
    {
        Assert.Equal(expected.IsSuccess, actual.IsSuccess);
        Assert.True(expected.Problems.SequenceEqual(actual.Problems), $"seed {seed}: problems");
        if (expected.Value is System.Collections.IEnumerable values && actual.Value is System.Collections.IEnumerable others)
        {
            Assert.Equal(values.Cast<object>(), others.Cast<object>());
        }
        else
        {
            Assert.Equal(expected.Value, actual.Value);
        }
    }

    /// <summary>For a JSON document that is not UTF-8, the problem the synchronous reader gives for its bytes before the
    /// first bad one when that part has a syntax error: the streaming reader, which checks bytes as they come, reports
    /// whichever comes first in the document (docs/interchange.md, "Async and streaming").</summary>
    private static Problem? BeforeBadByte<T>(byte[] document, Func<byte[], LocatedRecords<T>> read)
        where T : class
    {
        var start = document.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var status = System.Text.Unicode.Utf8.ToUtf16(document.AsSpan(start), new char[document.Length], out var valid, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.InvalidData && read(document[..(start + valid)]).Problems is [{ Location.IsInText: true } problem]
            ? problem
            : null;
    }

    private static void AssertStreamAgrees<T>(LocatedRecords<T> sync, List<RecordResult<T>> items, bool broken, int seed, Problem? firstBreak = null)
        where T : class
    {
        var streamed = items.SelectMany(i => i.Problems).ToImmutableArray();
        var context = $"seed {seed}\nsync:\n{string.Join("\n", sync.Problems)}\nstreamed:\n{string.Join("\n", items)}";
        Assert.All(items, i => Assert.True(i.Record is not null || !i.Problems.IsEmpty, context));
        Assert.All(items, i => Assert.Equal(i.Record is null, i.Origin is null));
        if (broken)
        {
            // The one problem the synchronous reader reports ends the stream, after the records before it.
            Assert.True(items.Count > 0, context);
            Assert.Null(items[^1].Record);
            var last = Assert.Single(items[^1].Problems);
            Assert.True(last == Assert.Single(sync.Problems) || last == firstBreak, context);
            return;
        }

        Assert.True(sync.Records.SequenceEqual(items.Where(i => i.Record is not null).Select(i => i.Record!)), context);
        Assert.True(sync.Origins.SequenceEqual(items.Where(i => i.Record is not null).Select(i => i.Origin!)), context);
        if (sync.Problems.Length <= ProblemLimit)
        {
            Assert.True(sync.Problems.OrderBy(p => p.ToString(), StringComparer.Ordinal).SequenceEqual(streamed.OrderBy(p => p.ToString(), StringComparer.Ordinal)), context);
        }
        else
        {
            Assert.True(streamed.Length >= ProblemLimit, context);
        }
    }

    private const int ProblemLimit = 100;
}
