using System.Globalization;
using System.Text;
using InternalCustomer.Interchange;
using NodaTime;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// Issue 15, "Caps": the most problems a document reports is configurable (<see cref="ReadOptions.MaxProblems"/>, default
/// 100), on every entry point of every document reader. The law checked for each: with a cap of k, a document whose
/// uncapped reading (a cap above its problem count) has n problems lists exactly its first min(n, k), then, when n &gt; k,
/// one problem at the root saying n − k more were found.
/// </summary>
public class ReadOptionsTests
{
    private static readonly ReadOptions Uncapped = new() { MaxProblems = int.MaxValue };

    // 5,001 empty column names: an unknown column each, then the missing required columns.
    private static readonly string CommaHeader = new string(',', 5000) + "\n";

    // 300 unknown root properties, in the order written.
    private static readonly string UnknownProperties = "{\"schemaVersion\":1," + string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"x{i}\":0")) + "}";

    private static readonly DateInterval Year2026 = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

    // 300 content lines without a colon inside one event.
    private static readonly string BrokenIcs = string.Join(
        "\r\n",
        ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", .. Enumerable.Repeat("no colon here", 300), "END:VEVENT", "END:VCALENDAR"]) + "\r\n";

    /// <summary>Every synchronous entry point, by name, as a function of the options.</summary>
    public static TheoryData<string> Readers => [.. SyncReaders.Keys];

    [Fact]
    public void The_default_lists_100_problems()
    {
        Assert.Equal(100, ReadOptions.DefaultMaxProblems);
        Assert.Equal(100, ReadOptions.Default.MaxProblems);
        Assert.Equal(100, new ReadOptions().MaxProblems);
        Assert.Equal(ReadOptions.Default, new ReadOptions { MaxProblems = 100 });
        Assert.NotEqual(ReadOptions.Default, ReadOptions.Default with { MaxProblems = 99 });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_cap_below_1_is_refused_with_the_range_and_the_value(int value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReadOptions.Default with { MaxProblems = value });

        Assert.Equal("MaxProblems", e.ParamName);
        Assert.Equal(value, e.ActualValue);
        Assert.Contains("at least 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("got " + value.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Every_reader_lists_the_first_k_problems_then_how_many_more(string reader)
    {
        var read = SyncReaders[reader];
        var all = read(Uncapped);
        Assert.True(all.Length > 250, $"{reader}: the hostile document should have more than 250 problems; it has {all.Length}.");

        foreach (var k in new[] { 1, 5, 100, 250 })
        {
            var capped = read(new ReadOptions { MaxProblems = k });

            Assert.Equal(k + 1, capped.Length);
            Assert.Equal(all.Take(k), capped.Take(k));
            var summary = capped[k];
            Assert.Equal(ProblemKind.MalformedInput, summary.Kind);
            Assert.Equal(ProblemLocation.Root, summary.Location);
            var more = all.Length - k;
            Assert.Equal(
                more == 1 ? $"… and 1 more problem; only the first {k} are listed." : $"… and {more} more problems; only the first {k} are listed.",
                summary.Message);
        }

        // No options and null are the default of 100.
        Assert.Equal(read(new ReadOptions { MaxProblems = 100 }), read(null));
    }

    [Fact]
    public void A_cap_at_or_above_the_count_lists_every_problem_and_no_summary()
    {
        var all = OrganizationJson.Read(UnknownProperties, Uncapped).Problems.ToArray();

        Assert.Equal(300, all.Length);
        Assert.Equal(all, OrganizationJson.Read(UnknownProperties, new ReadOptions { MaxProblems = 300 }).Problems.ToArray());
        var one = OrganizationJson.Read(UnknownProperties, new ReadOptions { MaxProblems = 299 }).Problems.ToArray();
        Assert.Equal(all.Take(299), one.Take(299));
        Assert.Equal("… and 1 more problem; only the first 299 are listed.", one[^1].Message);
    }

    [Fact]
    public void The_overloads_without_options_read_as_the_default()
    {
        Assert.Equal(OrganizationJson.Read(UnknownProperties, ReadOptions.Default).Problems.ToArray(), OrganizationJson.Read(UnknownProperties).Problems.ToArray());
        Assert.Equal(ServiceRequestCsv.Read(CommaHeader, ReadOptions.Default).Problems.ToArray(), ServiceRequestCsv.Read(CommaHeader).Problems.ToArray());
        Assert.Equal(FeedbackResponseCsv.ReadLocated(CommaHeader, null, ReadOptions.Default).Problems.ToArray(), FeedbackResponseCsv.ReadLocated(CommaHeader, null).Problems.ToArray());
        Assert.Equal(IcsHolidays.Read(BrokenIcs, Year2026, ReadOptions.Default).Problems.ToArray(), IcsHolidays.Read(BrokenIcs, Year2026).Problems.ToArray());
        Assert.Equal(101, OrganizationJson.Read(UnknownProperties).Problems.ToArray().Length);
    }

    [Fact]
    public async Task The_async_readers_take_the_options()
    {
        var options = new ReadOptions { MaxProblems = 3 };
        var json = Encoding.UTF8.GetBytes(UnknownProperties);
        var csv = Encoding.UTF8.GetBytes(CommaHeader);
        var expectedJson = OrganizationJson.Read(json, options).Problems.ToArray();

        Assert.Equal(expectedJson, (await OrganizationJson.ReadAsync(new MemoryStream(json), options)).Problems.ToArray());
        Assert.Equal(ServiceRequestJson.Read(json, options).Problems.ToArray(), (await ServiceRequestJson.ReadAsync(new MemoryStream(json), options)).Problems.ToArray());
        Assert.Equal(ServiceRequestJson.ReadLocated(json, options).Problems.ToArray(), (await ServiceRequestJson.ReadLocatedAsync(new MemoryStream(json), options)).Problems.ToArray());
        Assert.Equal(ServiceRequestCsv.Read(csv, options).Problems.ToArray(), (await ServiceRequestCsv.ReadAsync(new MemoryStream(csv), options)).Problems.ToArray());
        Assert.Equal(ServiceRequestCsv.ReadLocated(csv, options).Problems.ToArray(), (await ServiceRequestCsv.ReadLocatedAsync(new MemoryStream(csv), options)).Problems.ToArray());
        Assert.Equal(FeedbackResponseJson.Read(json, null, options).Problems.ToArray(), (await FeedbackResponseJson.ReadAsync(new MemoryStream(json), null, options)).Problems.ToArray());
        Assert.Equal(FeedbackResponseJson.ReadLocated(json, null, options).Problems.ToArray(), (await FeedbackResponseJson.ReadLocatedAsync(new MemoryStream(json), null, options)).Problems.ToArray());
        Assert.Equal(FeedbackResponseCsv.Read(csv, null, options).Problems.ToArray(), (await FeedbackResponseCsv.ReadAsync(new MemoryStream(csv), null, options)).Problems.ToArray());
        Assert.Equal(FeedbackResponseCsv.ReadLocated(csv, null, options).Problems.ToArray(), (await FeedbackResponseCsv.ReadLocatedAsync(new MemoryStream(csv), null, options)).Problems.ToArray());
        Assert.Equal(InvitationCsv.Read(csv, options).Problems.ToArray(), (await InvitationCsv.ReadAsync(new MemoryStream(csv), options)).Problems.ToArray());
        Assert.Equal(ImprovementJson.Read(json, ImprovementJsonTests.Organization, options).Problems.ToArray(), (await ImprovementJson.ReadAsync(new MemoryStream(json), ImprovementJsonTests.Organization, options)).Problems.ToArray());
        var ics = Encoding.UTF8.GetBytes(BrokenIcs);
        Assert.Equal(IcsHolidays.Read(ics, Year2026, options).Problems.ToArray(), (await IcsHolidays.ReadAsync(new MemoryStream(ics), Year2026, options)).Problems.ToArray());
        Assert.All(
            [expectedJson, ServiceRequestCsv.Read(csv, options).Problems.ToArray(), IcsHolidays.Read(ics, Year2026, options).Problems.ToArray()],
            problems => Assert.Equal(4, problems.Length));
    }

    [Fact]
    public async Task A_streaming_reader_caps_each_item()
    {
        // Two records of 50 unknown properties each: each item is capped on its own, so each lists 7 problems and a
        // summary, where a document-wide cap would leave the second with none.
        var options = new ReadOptions { MaxProblems = 7 };
        var element = "{" + string.Join(",", Enumerable.Range(0, 50).Select(i => $"\"x{i}\":0")) + "}";
        var json = Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"requests\":[" + element + "," + element + "]}");

        var requestItems = await AsyncStreamingTests.Collect(ServiceRequestJson.ReadRecordsAsync(new MemoryStream(json), options));
        var responseItems = await AsyncStreamingTests.Collect(FeedbackResponseJson.ReadRecordsAsync(new MemoryStream(Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"responses\":[" + element + "," + element + "]}")), null, options));

        foreach (var items in new[] { requestItems.Select(i => i.Problems.ToArray()), responseItems.Select(i => i.Problems.ToArray()) })
        {
            var problems = items.Where(p => p.Length > 0).ToList();
            Assert.Equal(2, problems.Count);
            Assert.All(problems, p =>
            {
                Assert.Equal(8, p.Length);
                Assert.EndsWith("only the first 7 are listed.", p[7].Message, StringComparison.Ordinal);
            });
        }

        // The header is the first item of a streamed CSV; its problems are capped as the whole document's are.
        var header = Encoding.UTF8.GetBytes(CommaHeader);
        Assert.Equal(ServiceRequestCsv.Read(header, options).Problems.ToArray(), Assert.Single(await AsyncStreamingTests.Collect(ServiceRequestCsv.ReadRecordsAsync(new MemoryStream(header), options))).Problems.ToArray());
        Assert.Equal(FeedbackResponseCsv.Read(header, null, options).Problems.ToArray(), Assert.Single(await AsyncStreamingTests.Collect(FeedbackResponseCsv.ReadRecordsAsync(new MemoryStream(header), null, options))).Problems.ToArray());
    }

    private static readonly Dictionary<string, Func<ReadOptions?, Problem[]>> SyncReaders = new()
    {
        ["OrganizationJson.Read(string)"] = o => OrganizationJson.Read(UnknownProperties, o).Problems.ToArray(),
        ["OrganizationJson.Read(span)"] = o => OrganizationJson.Read(Encoding.UTF8.GetBytes(UnknownProperties), o).Problems.ToArray(),
        ["OrganizationJson.Read(stream)"] = o => OrganizationJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(UnknownProperties)), o).Problems.ToArray(),
        ["ServiceRequestJson.Read(string)"] = o => ServiceRequestJson.Read(UnknownProperties, o).Problems.ToArray(),
        ["ServiceRequestJson.ReadLocated(span)"] = o => ServiceRequestJson.ReadLocated(Encoding.UTF8.GetBytes(UnknownProperties), o).Problems.ToArray(),
        ["ServiceRequestJson.ReadLocated(stream)"] = o => ServiceRequestJson.ReadLocated(new MemoryStream(Encoding.UTF8.GetBytes(UnknownProperties)), o).Problems.ToArray(),
        ["ServiceRequestCsv.Read(string)"] = o => ServiceRequestCsv.Read(CommaHeader, o).Problems.ToArray(),
        ["ServiceRequestCsv.Read(stream)"] = o => ServiceRequestCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(CommaHeader)), o).Problems.ToArray(),
        ["ServiceRequestCsv.ReadLocated(string)"] = o => ServiceRequestCsv.ReadLocated(CommaHeader, o).Problems.ToArray(),
        ["FeedbackResponseJson.Read(span)"] = o => FeedbackResponseJson.Read(Encoding.UTF8.GetBytes(UnknownProperties), null, o).Problems.ToArray(),
        ["FeedbackResponseJson.ReadLocated(string)"] = o => FeedbackResponseJson.ReadLocated(UnknownProperties, null, o).Problems.ToArray(),
        ["FeedbackResponseCsv.Read(span)"] = o => FeedbackResponseCsv.Read(Encoding.UTF8.GetBytes(CommaHeader), null, o).Problems.ToArray(),
        ["FeedbackResponseCsv.ReadLocated(stream)"] = o => FeedbackResponseCsv.ReadLocated(new MemoryStream(Encoding.UTF8.GetBytes(CommaHeader)), null, o).Problems.ToArray(),
        ["ImprovementJson.Read(string)"] = o => ImprovementJson.Read(UnknownProperties, ImprovementJsonTests.Organization, o).Problems.ToArray(),
        ["ImprovementJson.Read(span, invitations)"] = o => ImprovementJson.Read(Encoding.UTF8.GetBytes(UnknownProperties), Encoding.UTF8.GetBytes(CommaHeader), ImprovementJsonTests.Organization, o).Problems.ToArray(),
        ["InvitationCsv.Read(string)"] = o => InvitationCsv.Read(CommaHeader, o).Problems.ToArray(),
        ["InvitationCsv.Read(stream)"] = o => InvitationCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(CommaHeader)), o).Problems.ToArray(),
        ["IcsHolidays.Read(string)"] = o => IcsHolidays.Read(BrokenIcs, Year2026, o).Problems.ToArray(),
        ["IcsHolidays.Read(TextReader)"] = o => IcsHolidays.Read(new StringReader(BrokenIcs), Year2026, o).Problems.ToArray(),
        ["ServiceRequestJson.Read(stream)"] = o => ServiceRequestJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(UnknownProperties)), o).Problems.ToArray(),
        ["ServiceRequestJson.ReadLocated(string)"] = o => ServiceRequestJson.ReadLocated(UnknownProperties, o).Problems.ToArray(),
        ["ServiceRequestCsv.Read(span)"] = o => ServiceRequestCsv.Read(Encoding.UTF8.GetBytes(CommaHeader), o).Problems.ToArray(),
        ["ServiceRequestCsv.ReadLocated(span)"] = o => ServiceRequestCsv.ReadLocated(Encoding.UTF8.GetBytes(CommaHeader), o).Problems.ToArray(),
        ["ServiceRequestCsv.ReadLocated(stream)"] = o => ServiceRequestCsv.ReadLocated(new MemoryStream(Encoding.UTF8.GetBytes(CommaHeader)), o).Problems.ToArray(),
        ["FeedbackResponseJson.Read(string)"] = o => FeedbackResponseJson.Read(UnknownProperties, null, o).Problems.ToArray(),
        ["FeedbackResponseJson.Read(stream)"] = o => FeedbackResponseJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(UnknownProperties)), null, o).Problems.ToArray(),
        ["FeedbackResponseJson.ReadLocated(span)"] = o => FeedbackResponseJson.ReadLocated(Encoding.UTF8.GetBytes(UnknownProperties), null, o).Problems.ToArray(),
        ["FeedbackResponseJson.ReadLocated(stream)"] = o => FeedbackResponseJson.ReadLocated(new MemoryStream(Encoding.UTF8.GetBytes(UnknownProperties)), null, o).Problems.ToArray(),
        ["FeedbackResponseCsv.Read(string)"] = o => FeedbackResponseCsv.Read(CommaHeader, null, o).Problems.ToArray(),
        ["FeedbackResponseCsv.Read(stream)"] = o => FeedbackResponseCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(CommaHeader)), null, o).Problems.ToArray(),
        ["FeedbackResponseCsv.ReadLocated(string)"] = o => FeedbackResponseCsv.ReadLocated(CommaHeader, null, o).Problems.ToArray(),
        ["FeedbackResponseCsv.ReadLocated(span)"] = o => FeedbackResponseCsv.ReadLocated(Encoding.UTF8.GetBytes(CommaHeader), null, o).Problems.ToArray(),
        ["ImprovementJson.Read(span)"] = o => ImprovementJson.Read(Encoding.UTF8.GetBytes(UnknownProperties), ImprovementJsonTests.Organization, o).Problems.ToArray(),
        ["ImprovementJson.Read(stream)"] = o => ImprovementJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(UnknownProperties)), ImprovementJsonTests.Organization, o).Problems.ToArray(),
        ["InvitationCsv.Read(span)"] = o => InvitationCsv.Read(Encoding.UTF8.GetBytes(CommaHeader), o).Problems.ToArray(),
        ["IcsHolidays.Read(span)"] = o => IcsHolidays.Read(Encoding.UTF8.GetBytes(BrokenIcs), Year2026, o).Problems.ToArray(),
        ["IcsHolidays.Read(stream)"] = o => IcsHolidays.Read(new MemoryStream(Encoding.UTF8.GetBytes(BrokenIcs)), Year2026, o).Problems.ToArray(),
    };
}
