using System.Buffers.Binary;
using System.Text;
using InternalCustomer.Feedback;
using InternalCustomer.Feedback.Statistics;
using InternalCustomer.Improvement;
using InternalCustomer.Interchange;
using InternalCustomer.Interchange.State;
using NodaTime;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// Regression tests for the inputs that made the readers throw (issue 15, "Readers throw"), for the warning
/// thresholds the organisation reader replaced by the defaults ("Accepted silently") and for the cap on the problems
/// one document reports ("Unbounded problem lists"), and for what the coverage-guided fuzzer found in the summary-state
/// readers (docs/robustness.md, "Fuzzing").
/// </summary>
public class HostileInputTests
{
    private const string InstantExpected =
        "Expected an instant such as 2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00 (in UTC from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports)";

    private const string DurationExpected =
        "Expected an ISO-8601 duration of business time such as \"PT4H\", at most 876600 hours (36525 days, 100 years; PT876600H), the longest the library supports";

    private static readonly ProblemLocation Request0 = ProblemLocation.Root.Property("requests").Element(0);
    private static readonly ProblemLocation Response0 = ProblemLocation.Root.Property("responses").Element(0);

    // 9999-12-31T23:00:00-02:00 is 10000-01-01T01:00Z and -9998-01-01T00:00:00+02:00 is -9999-12-31T22:00Z: both past the
    // instants NodaTime holds (the issue's inputs, which threw). 2200-12-31T23:00:00-02:00 is 2201-01-01T01:00Z and
    // 1900-01-01T01:00:00+02:00 is 1899-12-31T23:00Z: both just past the supported range, by their offsets.
    [Theory]
    [InlineData("9999-12-31T23:00:00-02:00")]
    [InlineData("-9998-01-01T00:00:00+02:00")]
    [InlineData("2200-12-31T23:00:00-02:00")]
    [InlineData("1900-01-01T01:00:00+02:00")]
    [InlineData("9999-12-31T23:59:59.999999999Z")]
    [InlineData("2201-01-01T00:00:00Z")]
    public void An_instant_outside_the_supported_range_even_by_its_offset_is_a_problem_in_every_reader(string instant)
    {
        var requestJson = ServiceRequestJson.Read($$"""{ "schemaVersion": 1, "requests": [ { "id": "R", "agreement": "a", "opened": "{{instant}}" } ] }""");
        AssertOne(requestJson, ProblemKind.InvalidValue, Request0.Property("opened"), $"{InstantExpected}; got \"{instant}\".");

        var requestCsv = ServiceRequestCsv.Read($"id,agreement,opened\nR,a,{instant}\n");
        AssertOne(requestCsv, ProblemKind.InvalidValue, ProblemLocation.InText(2, 5).Property("opened"), $"{InstantExpected}; got \"{instant}\".");

        var resolvedCsv = ServiceRequestCsv.Read($"id,agreement,opened,resolved\nR,a,2026-03-02T09:30:00Z,{instant}\n");
        AssertOne(resolvedCsv, ProblemKind.InvalidValue, ProblemLocation.InText(2, 26).Property("resolved"), $"{InstantExpected}; got \"{instant}\".");

        var responseJson = FeedbackResponseJson.Read($$"""{ "schemaVersion": 1, "responses": [ { "respondent": "a", "subject": "b", "instant": "{{instant}}", "overall": 3 } ] }""", null);
        AssertOne(responseJson, ProblemKind.InvalidValue, Response0.Property("instant"), $"{InstantExpected}; got \"{instant}\".");

        var responseCsv = FeedbackResponseCsv.Read($"respondent,subject,instant,overall\na,b,{instant},3\n", null);
        AssertOne(responseCsv, ProblemKind.InvalidValue, ProblemLocation.InText(2, 5).Property("instant"), $"{InstantExpected}; got \"{instant}\".");
    }

    [Theory]
    [InlineData("9999-12-31T23:00:00-02:00/")]
    [InlineData("/-9998-01-01T00:00:00+02:00")]
    [InlineData("2200-12-31T23:00:00-02:00/")]
    [InlineData("2026-03-02T09:30:00Z/2201-01-01T00:00:00Z")]
    public void An_interval_with_an_instant_out_of_range_is_a_problem(string interval)
    {
        var read = ServiceRequestJson.Read($$"""{ "schemaVersion": 1, "requests": [ { "id": "R", "agreement": "a", "opened": "2026-03-02T09:30:00Z", "pauses": ["{{interval}}"] } ] }""");

        AssertOne(
            read,
            ProblemKind.InvalidValue,
            Request0.Property("pauses"),
            $"Expected each pause as start/end, for example 2026-03-02T09:30:00Z/2026-03-02T11:00:00Z (an empty end for one still open); got \"{interval}\".");
    }

    [Theory]
    [InlineData("2200-12-31T21:59:59.999999999-02:00", 2200, 12, 31, 23, 59, 59, 999_999_999)]
    [InlineData("2200-12-31T23:59:59.999999999Z", 2200, 12, 31, 23, 59, 59, 999_999_999)]
    [InlineData("1900-01-01T02:00:00+02:00", 1900, 1, 1, 0, 0, 0, 0)]
    [InlineData("1899-12-31T18:00:00-06:00", 1900, 1, 1, 0, 0, 0, 0)]
    public void An_instant_just_inside_the_supported_range_is_read(string text, int year, int month, int day, int hour, int minute, int second, int nanosecond)
    {
        Assert.True(NodaText.TryParseInstant(text, out var instant));
        Assert.Equal(new LocalDateTime(year, month, day, hour, minute, second).PlusNanoseconds(nanosecond).InUtc().ToInstant(), instant);
    }

    [Theory]
    [InlineData("PT99999999999H")]
    [InlineData("PT153722868M")]
    [InlineData("PT2562048H")]
    [InlineData("PT2562047H47M16.854775808S")]
    [InlineData("PT9223372036854775807S")]
    [InlineData("PT876601H")]
    [InlineData("PT876600H0.000000001S")]
    [InlineData("PT3155760000.000000001S")]
    public void A_duration_longer_than_100_years_is_a_problem(string within)
    {
        var json = $$"""
            {
              "schemaVersion": 1,
              "departments": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
              "services": [ { "id": "s", "name": "S", "provider": "a" } ],
              "calendars": [ { "id": "c", "zone": "Europe/Berlin", "windows": { "monday": ["09:00-17:00"] } } ],
              "agreements": [
                {
                  "id": "sla", "provider": "a", "consumer": "b", "services": ["s"], "calendar": "c", "effectiveFrom": "2026-01-01", "reviewCadence": "P3M",
                  "firstResponse": { "within": "{{within}}", "target": 0.9 }
                }
              ]
            }
            """;

        var read = OrganizationJson.Read(json);

        AssertOne(
            read,
            ProblemKind.InvalidValue,
            ProblemLocation.Root.Property("agreements").Element(0).Property("firstResponse").Property("within"),
            $"{DurationExpected}; got \"{within}\".");
    }

    [Fact]
    public void A_duration_of_106752_days_is_a_problem_that_names_the_longest_allowed()
    {
        // 106,752 days = 9,223,372,800 s, past the 9,223,372,036.854775807 s of 2^63 - 1 ns; as 24-hour business time that is
        // 106,752 × 24 = 2,562,048 hours, 2,562,048 / 8 = 320,256 working days of 8 hours.
        Assert.False(NodaText.TryParseDuration("P106752D", out _));

        var read = OrganizationJson.Read(AgreementDocument("\"firstResponse\": { \"within\": \"P106752D\", \"target\": 0.9 }"));

        AssertOne(
            read,
            ProblemKind.InvalidValue,
            ProblemLocation.Root.Property("agreements").Element(0).Property("firstResponse").Property("within"),
            "\"P106752D\" has a date part; as business time it would mean 2562048 hours of working time (320256 working days of 8 hours), "
                + "not 106752 business days. Write at most \"PT876600H\" of business time (100 years, the longest the library supports) or "
                + "\"withinBusinessDays\": 106752 for 106752 business days.");
    }

    [Fact]
    public void The_longest_supported_durations_are_read_exactly()
    {
        // 100 years of 365.25 days = 36,525 d = 876,600 h = 3,155,760,000 s (SupportedRange.MaxDuration); one nanosecond
        // more is refused, and so is the longest duration NodaTime holds, 2^63 - 1 ns.
        Assert.True(NodaText.TryParseDuration("P36525D", out var days));
        Assert.Equal(Duration.FromDays(36525), days);
        Assert.True(NodaText.TryParseDuration("PT876600H", out var hours));
        Assert.Equal(Duration.FromHours(876600), hours);
        Assert.True(NodaText.TryParseDuration("P5217WT144H", out var weeks)); // 5,217 weeks + 6 days = 36,525 days
        Assert.Equal(Duration.FromDays(36525), weeks);
        Assert.True(NodaText.TryParseDuration("PT3155760000S", out var max));
        Assert.Equal(SupportedRange.MaxDuration, max);
        Assert.True(NodaText.TryParseDuration("PT-3155760000S", out var min));
        Assert.Equal(-SupportedRange.MaxDuration, min);
        Assert.False(NodaText.TryParseDuration("PT3155760000.000000001S", out _));
        Assert.False(NodaText.TryParseDuration("P36526D", out _));
        Assert.False(NodaText.TryParseDuration("PT9223372036.854775807S", out _));
        Assert.True(NodaText.TryParseDuration("P1W2DT3H4M5.006S", out var mixed));
        Assert.Equal(Duration.FromDays(9) + Duration.FromHours(3) + Duration.FromMinutes(4) + Duration.FromMilliseconds(5006), mixed);
    }

    // The inputs of issue 15 ("Accepted silently"): decreasing, a zero, and far above 1. The reader used to catch the
    // builder's ArgumentException and build the objective with the default 0.5 and 0.75 instead.
    public static TheoryData<string, string> BadWarningThresholds => new()
    {
        { "[0.9, 0.1]", "[0.9, 0.1]" },
        { "[0, 0.6]", "[0, 0.6]" },
        { "[1e26]", "[1E+26]" },
    };

    [Theory]
    [MemberData(nameof(BadWarningThresholds))]
    public void Invalid_warning_thresholds_are_a_problem_at_their_path_not_the_defaults(string thresholds, string shown)
    {
        var message = $"Warning thresholds must be fractions in (0, 1], strictly increasing; got {shown}.";
        var agreement0 = ProblemLocation.Root.Property("agreements").Element(0);

        // An objective of business time, one of business days, and one inside an objective set.
        AssertOne(
            OrganizationJson.Read(AgreementDocument($$"""
                "resolution": { "within": "PT8H", "target": 0.9, "warningThresholds": {{thresholds}} }
                """)),
            ProblemKind.InvalidValue,
            agreement0.Property("resolution").Property("warningThresholds"),
            message);
        AssertOne(
            OrganizationJson.Read(AgreementDocument($$"""
                "firstResponse": { "withinBusinessDays": 2, "target": 0.9, "warningThresholds": {{thresholds}} }
                """)),
            ProblemKind.InvalidValue,
            agreement0.Property("firstResponse").Property("warningThresholds"),
            message);
        AssertOne(
            OrganizationJson.Read(AgreementDocument($$"""
                "objectiveSets": [ { "name": "P1", "priorities": ["P1"], "resolution": { "within": "PT4H", "target": 0.9, "warningThresholds": {{thresholds}} } } ]
                """)),
            ProblemKind.InvalidValue,
            agreement0.Property("objectiveSets").Element(0).Property("resolution").Property("warningThresholds"),
            message);
    }

    [Fact]
    public void Valid_warning_thresholds_are_kept_as_written()
    {
        var read = OrganizationJson.Read(AgreementDocument("""
            "resolution": { "within": "PT8H", "target": 0.9, "warningThresholds": [0.1, 0.9, 1] }
            """));

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal([0.1, 0.9, 1.0], read.Value!.Agreements[0].Resolution!.WarningThresholds.ToArray());
    }

    public static TheoryData<string, string, string, int> LoneSurrogates => new()
    {
        // document, what holds the escape, the lone escape, the column of its backslash
        { """{"schemaVersion":1,"departments":[{"id":"a","name":"\ud800"}]}""", "a string", "\\ud800", 53 },
        { """{"schemaVersion":1,"departments":[{"id":"a","name":"x\udc00y"}]}""", "a string", "\\udc00", 54 },
        { """{"schemaVersion":1,"departments":[{"id":"a","\ud800":"A"}]}""", "a property name", "\\ud800", 46 },
        { """{"schemaVersion":1,"departments":[{"id":"a","name":"\ud800\u0041"}]}""", "a string", "\\ud800", 53 },
        { """{"schemaVersion":1,"departments":[{"id":"a","name":"\ud800\ud800"}]}""", "a string", "\\ud800", 53 },
        { """{"schemaVersion":1,"departments":[{"id":"a","name":"\ud83d\ude00\ude00"}]}""", "a string", "\\ude00", 65 },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void A_lone_surrogate_escape_in_an_organisation_document_is_malformed_input(string json, string what, string escape, int column)
    {
        AssertOne(OrganizationJson.Read(json), ProblemKind.MalformedInput, ProblemLocation.InText(1, column), LoneSurrogateMessage(what, escape));
    }

    [Fact]
    public void A_lone_surrogate_escape_in_request_and_response_documents_is_malformed_input()
    {
        // Columns: the backslash of \ud800 (the 1st character is column 1).
        AssertOne(
            ServiceRequestJson.Read("""{"schemaVersion":1,"requests":[{"id":"\ud800","agreement":"a","opened":"2026-03-02T09:30:00Z"}]}"""),
            ProblemKind.MalformedInput,
            ProblemLocation.InText(1, 39),
            LoneSurrogateMessage("a string", "\\ud800"));
        AssertOne(
            ServiceRequestJson.Read("""{"schemaVersion":1,"requests":[{"\udfff":1}]}"""),
            ProblemKind.MalformedInput,
            ProblemLocation.InText(1, 34),
            LoneSurrogateMessage("a property name", "\\udfff"));
        AssertOne(
            FeedbackResponseJson.Read("""{"schemaVersion":1,"responses":[{"respondent":"a","subject":"b","instant":"2026-03-02T09:30:00Z","overall":3,"comment":"\ud800"}]}""", null),
            ProblemKind.MalformedInput,
            ProblemLocation.InText(1, 121),
            LoneSurrogateMessage("a string", "\\ud800"));
        AssertOne(
            FeedbackResponseJson.Read("""{"schemaVersion":1,"responses":[{"respondent":"a","subject":"b","instant":"2026-03-02T09:30:00Z","overall":3,"perceptions":{"\ud800":3}}]}""", DimensionSet.Servqual),
            ProblemKind.MalformedInput,
            ProblemLocation.InText(1, 126),
            LoneSurrogateMessage("a property name", "\\ud800"));
    }

    [Fact]
    public void A_surrogate_pair_escape_is_read_as_its_character()
    {
        var read = OrganizationJson.Read("""{"schemaVersion":1,"departments":[{"id":"a","name":"\ud83d\ude00 \\ud800"}]}""");

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal("\U0001F600 \\ud800", read.Value!.Departments[0].Name);
    }

    [Fact]
    public void A_lone_surrogate_in_csv_text_never_throws()
    {
        // A string holding a lone UTF-16 surrogate becomes U+FFFD when encoded as UTF-8, as Encoding.UTF8 does.
        var read = ServiceRequestCsv.Read("id,agreement,opened\n\ud800,a,2026-03-02T09:30:00Z\n");

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal("\uFFFD", read.Value![0].Id);
    }

    [Fact]
    public void A_header_of_5000_commas_gives_the_first_100_problems_and_how_many_more()
    {
        // 5,001 empty column names: each an unknown column (5,001 problems), then the 3 required columns are missing.
        var csv = new string(',', 5000) + "\n";

        var problems = ServiceRequestCsv.Read(csv).Problems;

        Assert.Equal(101, problems.Length);
        Assert.All(problems.Take(100), p => Assert.Equal(ProblemKind.UnexpectedProperty, p.Kind));
        Assert.Equal(ProblemLocation.InText(1, 1), problems[0].Location);
        Assert.Equal(ProblemLocation.InText(1, 100), problems[99].Location);
        var last = problems[100];
        Assert.Equal(ProblemKind.MalformedInput, last.Kind);
        Assert.Equal(ProblemLocation.Root, last.Location);
        Assert.Equal("… and 4904 more problems; only the first 100 are listed.", last.Message);
    }

    [Fact]
    public void The_cap_applies_to_every_reader()
    {
        var header = new string(',', 5000) + "\n";
        var json = "{\"schemaVersion\":1," + string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"x{i}\":0")) + "}";

        // Unknown properties: 300, in the order written.
        foreach (var problems in new[]
        {
            FeedbackResponseCsv.Read(header, null).Problems,
            OrganizationJson.Read(json).Problems,
            ServiceRequestJson.Read(json).Problems,
            FeedbackResponseJson.Read(json, null).Problems,
        })
        {
            Assert.Equal(101, problems.Length);
            Assert.Equal(ProblemLocation.Root, problems[100].Location);
            Assert.Matches("^… and [0-9]+ more problems; only the first 100 are listed\\.$", problems[100].Message);
        }

        Assert.Equal("… and 200 more problems; only the first 100 are listed.", OrganizationJson.Read(json).Problems[100].Message);
        Assert.Equal(ProblemLocation.Root.Property("x99"), OrganizationJson.Read(json).Problems[99].Location);
    }

    [Theory]
    [InlineData(100, 100, null)]
    [InlineData(101, 101, "… and 1 more problem; only the first 100 are listed.")]
    [InlineData(99, 99, null)]
    public void The_summary_comes_only_past_the_cap(int unknown, int listed, string? summary)
    {
        var json = "{\"schemaVersion\":1,\"requests\":[]," + string.Join(",", Enumerable.Range(0, unknown).Select(i => $"\"x{i}\":0")) + "}";

        var problems = ServiceRequestJson.Read(json).Problems;

        Assert.Equal(listed, problems.Length);
        Assert.All(problems.Take(Math.Min(100, listed)), p => Assert.Equal(ProblemKind.UnexpectedProperty, p.Kind));
        if (summary is null)
        {
            Assert.Equal(ProblemLocation.Root.Property("x" + (listed - 1)), problems[^1].Location);
        }
        else
        {
            Assert.Equal(summary, problems[^1].Message);
        }
    }

    [Fact]
    public void Well_formed_example_documents_are_unaffected_by_the_cap()
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "examples");
        var requests = ServiceRequestCsv.Read(File.ReadAllBytes(Path.Combine(examples, "requests.csv")));
        var responses = FeedbackResponseJson.Read(File.ReadAllBytes(Path.Combine(examples, "responses.json")), null);

        Assert.True(requests.IsSuccess, string.Join("\n", requests.Problems));
        Assert.True(responses.IsSuccess, string.Join("\n", responses.Problems));
        Assert.True(requests.Value!.Count > 100);
        Assert.True(responses.Value!.Count > 100);
    }

    [Fact]
    public void A_million_bad_header_cells_give_the_first_100_problems_and_a_count_of_the_rest()
    {
        // Tests do not time: the cost of a hostile header is the business of benchmarks, not of a wall-clock assertion.
        var csv = Encoding.ASCII.GetBytes(new string(',', 1_000_000) + "\n");

        var problems = ServiceRequestCsv.Read(csv).Problems;

        Assert.Equal(101, problems.Length);
        Assert.Equal("… and 999904 more problems; only the first 100 are listed.", problems[100].Message);
    }

    /// <summary>An organisation of two departments, one service and one agreement whose objectives are <paramref name="objectives"/>.</summary>
    private static string AgreementDocument(string objectives) => $$"""
        {
          "schemaVersion": 1,
          "departments": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
          "services": [ { "id": "s", "name": "S", "provider": "a" } ],
          "priorities": ["P1"],
          "calendars": [ { "id": "c", "zone": "Europe/Berlin", "windows": { "monday": ["09:00-17:00"] } } ],
          "agreements": [
            {
              "id": "sla", "provider": "a", "consumer": "b", "services": ["s"], "calendar": "c", "effectiveFrom": "2026-01-01", "reviewCadence": "P3M",
              {{objectives}}
            }
          ]
        }
        """;

    // Found by the fuzzer (state-binary target): a byte run (a string, a 128-bit or a big integer) whose length varint
    // claims up to nine bytes more than remain after the varint passed the length check, which counted the varint's own
    // bytes, and the slice behind it threw ArgumentOutOfRangeException. Each payload below claims 3 bytes with 2 left.
    public static TheoryData<string, byte[], string> ByteRunsPastTheEnd() => new()
    {
        { "campaign-summary", [3, (byte)'a', (byte)'b'], "campaign" },
        { "trend-tally", [0, 3, 1, 2], "sumTicks" },
        { "trend-tally", [0, 0, 3, 1, 2], "sumSquaredTicks" },
    };

    [Theory]
    [MemberData(nameof(ByteRunsPastTheEnd))]
    public void A_binary_state_whose_byte_run_reaches_past_the_payload_is_malformed_input(string type, byte[] payload, string field)
    {
        var blob = type == "campaign-summary" ? Blob(SummaryStateBinary.Write(Campaign()), payload) : Blob(SummaryStateBinary.Write(TrendTally.Empty), payload);

        var problems = type == "campaign-summary" ? SummaryStateBinary.ReadCampaignSummary(blob).Problems : SummaryStateBinary.ReadTrendTally(blob).Problems;

        var problem = Assert.Single(problems);
        Assert.Equal((ProblemKind.MalformedInput, ProblemLocation.Root.Property(field)), (problem.Kind, problem.Location));
    }

    [Fact]
    public void A_binary_state_whose_byte_run_ends_with_the_payload_is_read_up_to_it()
    {
        // The same string as above with the length it has: read, then the campaign's window is missing (truncated).
        var problem = Assert.Single(SummaryStateBinary.ReadCampaignSummary(Blob(SummaryStateBinary.Write(Campaign()), [2, (byte)'a', (byte)'b'])).Problems);

        Assert.Equal((ProblemKind.MalformedInput, ProblemLocation.Root.Property("window").Property("start")), (problem.Kind, problem.Location));
    }

    // Found by the fuzzer (state-json target): System.Text.Json parses a string or property name holding bytes that are not
    // UTF-8, and the reader's GetString() or Name on it threw InvalidOperationException.
    [Theory]
    [InlineData("\"format\"", 4, 0x80)]
    [InlineData("\"nps-counts\"", 5, 0xFF)]
    [InlineData("\"promoters\"", 10, 0xC3)]
    public void A_json_state_with_bytes_that_are_not_utf8_in_a_string_is_malformed_input_at_the_byte(string token, int into, byte bad)
    {
        var json = SummaryStateJson.Write(NpsCounts.Of([0, 9, 10]));
        Assert.DoesNotContain((byte)'\n', json);
        var at = json.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)) + into;
        byte[] damaged = [.. json[..at], bad, .. json[at..]];

        var problem = Assert.Single(SummaryStateJson.ReadNpsCounts(damaged).Problems);

        Assert.Equal((ProblemKind.MalformedInput, ProblemLocation.InText(1, at + 1)), (problem.Kind, problem.Location));
    }

    /// <summary>A blob with the header (magic, version, type) of <paramref name="written"/>, <paramref name="payload"/>, and its length and checksum.</summary>
    private static byte[] Blob(byte[] written, byte[] payload)
    {
        var blob = new byte[12 + payload.Length + 4];
        written.AsSpan(0, 8).CopyTo(blob);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(8), (uint)payload.Length);
        payload.CopyTo(blob.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(12 + payload.Length), Crc32.Compute(blob.AsSpan(0, 12 + payload.Length)));
        return blob;
    }

    private static CampaignSummary Campaign() =>
        CampaignSummary.FromParts(CampaignId.Parse("q1"), new NodaTime.Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0)), 2, []);

    private static string LoneSurrogateMessage(string what, string escape) =>
        $"Not well-formed JSON: expected {what} whose \\u escapes form whole characters (a \\uD800-\\uDBFF escape followed by a \\uDC00-\\uDFFF one); got the lone surrogate \"{escape}\".";

    private static void AssertOne<T>(Result<T> result, ProblemKind kind, ProblemLocation location, string message)
        where T : class
    {
        Assert.False(result.IsSuccess);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((kind, location, message), (problem.Kind, problem.Location, problem.Message));
    }
}
