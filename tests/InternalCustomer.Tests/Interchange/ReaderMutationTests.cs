using System.Collections.Immutable;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Feedback;
using InternalCustomer.Fuzz;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Tests.Interchange;

/// <summary>The seed of one mutation (for the FsCheck properties that mutate documents), drawn from the whole non-negative int range (FsCheck's ints stay near 0).</summary>
public sealed record MutationSeed(int Value);

/// <summary>Draws <see cref="MutationSeed"/>s uniformly, without regard to FsCheck's size.</summary>
public static class MutationSeeds
{
    /// <summary>Seeds from 0 to int.MaxValue - 1.</summary>
    public static Arbitrary<MutationSeed> Seeds() => Gen.Choose(0, int.MaxValue - 1).Select(s => new MutationSeed(s)).ToArbitrary();
}

/// <summary>
/// The readers' promise, "reading never throws on bad input", checked on <see cref="MutationRuns.PerReader"/> mutated
/// documents per reader and run (100,000 unless <c>INTERNALCUSTOMER_MUTATIONS</c> says otherwise; byte flips, truncations,
/// duplications, deletions, insertions of JSON punctuation and of the hostile tokens of issue 15, and fields replaced by
/// values at and past NodaTime's range): every result is either a value with no problem or a failure with at least one
/// problem (and at most the cap and its summary).
/// </summary>
/// <remarks>
/// The seeds are small documents using every field, so that each mutation is cheap and most of them land in a
/// value; the request readers get the layouts of issue 11 (status logs, status-change rows) among their seeds, the state
/// readers the seed corpus of the fuzzing harness (one state of every summary type, tests/InternalCustomer.Fuzz/corpus).
/// A failure reports the mutation's seed, from which <see cref="InterchangeGenerators.Mutate"/> rebuilds the same
/// document. The entry point (bytes, text, stream) rotates with the seed.
/// </remarks>
public class ReaderMutationTests
{
    internal const string Organisation = """
        {
          "schemaVersion": 1,
          "departments": [
            { "id": "ops", "name": "Operations" },
            { "id": "line-a", "name": "Line A", "parent": "ops", "description": "Stamping" },
            { "id": "hr", "name": "人力资源部" }
          ],
          "services": [ { "id": "hiring", "name": "Hiring", "provider": "hr", "category": "people" } ],
          "dependencies": [ { "consumer": "line-a", "provider": "hr", "criticality": 4, "volume": 12.5 } ],
          "calendars": [
            { "id": "office", "zone": "Europe/Berlin", "windows": { "monday": ["09:00-17:00"], "tuesday": ["09:00-12:00", "13:00-24:00"] }, "holidays": ["2026-12-25"] }
          ],
          "agreements": [
            {
              "id": "sla-hr", "provider": "hr", "consumer": "line-a", "services": ["hiring"], "calendar": "office",
              "effectiveFrom": "2026-01-01", "effectiveUntil": "2027-01-01", "reviewCadence": "P3M",
              "firstResponse": { "within": "PT4H", "target": 0.9, "warningThresholds": [0.5, 0.75] },
              "resolution": { "within": "PT52H", "target": 0.95 },
              "satisfaction": { "target": 0.8 }
            }
          ]
        }
        """;

    internal const string RequestsJson = """
        {
          "schemaVersion": 1,
          "requests": [
            {
              "id": "R1", "agreement": "sla-hr", "opened": "2026-03-02T09:30:00Z", "firstResponse": "2026-03-02T11:00:00+01:00",
              "resolved": "2026-03-03T09:00:00Z", "pauses": ["2026-03-02T11:00:00Z/2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z/2026-03-02T14:00:00Z"]
            },
            { "id": "R2", "agreement": "sla-hr", "opened": "2026-03-04T09:30:00-05:00" }
          ]
        }
        """;

    internal const string RequestsCsv =
        "id,agreement,opened,firstResponse,resolved,pauses,reopen\r\n"
        + "R1,sla-hr,2026-03-02T09:30:00Z,2026-03-02T11:00:00+01:00,2026-03-03T09:00:00Z,2026-03-02T11:00:00Z/2026-03-02T12:00:00Z;2026-03-02T13:00:00Z/2026-03-02T14:00:00Z,\r\n"
        + "\"R,2\",sla-hr,2026-03-04T09:30:00-05:00,,,,\r\n";

    internal const string RequestLogsJson = """
        {
          "schemaVersion": 1,
          "requests": [
            {
              "id": "INC-1", "agreement": "sla-hr", "priority": "P3", "service": "hiring", "category": "Access, VPN",
              "statusLog": [
                { "at": "2026-03-02T09:00:00Z", "status": "New", "priority": "P3" },
                { "at": "2026-03-02T10:00:00+01:00", "status": "Waiting for customer" },
                { "at": "2026-03-02T11:00:00Z", "status": "In Progress", "priority": "P1" }
              ]
            },
            { "id": "INC-2", "agreement": "sla-hr", "priority": "P2", "opened": "2026-03-04T09:30:00-05:00", "resolved": "2026-03-05T09:30:00Z" }
          ]
        }
        """;

    internal const string StatusChangesCsv =
        "id,agreement,at,status,priority,service,category\r\n"
        + "INC-1,sla-hr,2026-03-02T09:00:00Z,New,P3,hiring,\"Access, VPN\"\r\n"
        + "INC-2,sla-hr,2026-03-02T09:05:00Z,New,,,\r\n"
        + "INC-1,sla-hr,2026-03-02T10:00:00+01:00,\"Waiting, customer\",,,\r\n"
        + "INC-1,sla-hr,2026-03-02T11:00:00Z,In Progress,P1,hiring,\r\n";

    internal const string ResponsesJson = """
        {
          "schemaVersion": 1,
          "responses": [
            {
              "respondent": "line-a", "subject": "hr", "instant": "2026-02-03T10:00:00Z", "scaleMin": 1, "scaleMax": 7, "overall": 6,
              "recommend": 9, "effort": 5, "agreement": "sla-hr", "service": "hiring", "comment": "Quick \"fix\" \u00e9",
              "perceptions": { "empathy": 6, "reliability": 5 }, "expectations": { "empathy": 7, "reliability": 7 }
            },
            { "respondent": "ops", "subject": "hr", "instant": "2026-02-04T10:00:00+02:00", "overall": 3 }
          ]
        }
        """;

    internal const string ResponsesCsv =
        "respondent,subject,instant,scaleMin,scaleMax,overall,recommend,effort,agreement,service,comment,perception.empathy,expectation.empathy\n"
        + "line-a,hr,2026-02-03T10:00:00Z,1,7,6,9,5,sla-hr,hiring,\"Quick, \"\"fix\"\"\",6,7\n"
        + "ops,hr,2026-02-04T10:00:00+02:00,,,3,,,,,,,\n";

    private static readonly byte[] OrganisationBytes = Encoding.UTF8.GetBytes(Organisation);
    private static readonly byte[] RequestsJsonBytes = Encoding.UTF8.GetBytes(RequestsJson);
    private static readonly byte[] RequestsCsvBytes = Encoding.UTF8.GetBytes(RequestsCsv);
    private static readonly byte[] RequestLogsJsonBytes = Encoding.UTF8.GetBytes(RequestLogsJson);
    private static readonly byte[] StatusChangesCsvBytes = Encoding.UTF8.GetBytes(StatusChangesCsv);
    private static readonly byte[] ResponsesJsonBytes = Encoding.UTF8.GetBytes(ResponsesJson);
    private static readonly byte[] ResponsesCsvBytes = Encoding.UTF8.GetBytes(ResponsesCsv);

    [Fact]
    public void The_seeds_are_valid_documents()
    {
        AssertSuccess(OrganizationJson.Read(Organisation));
        AssertSuccess(ServiceRequestJson.Read(RequestsJson));
        AssertSuccess(ServiceRequestCsv.Read(RequestsCsv));
        AssertSuccess(ServiceRequestJson.Read(RequestLogsJson));
        AssertSuccess(ServiceRequestCsv.Read(StatusChangesCsv));
        Assert.True(ServiceRequestJson.Read(RequestLogsJson).Value![0].IsStatusLog);
        Assert.Equal(2, ServiceRequestCsv.Read(StatusChangesCsv).Value!.Count);
        AssertSuccess(FeedbackResponseJson.Read(ResponsesJson, DimensionSet.Servqual));
        AssertSuccess(FeedbackResponseCsv.Read(ResponsesCsv, DimensionSet.Servqual));
    }

    [Fact]
    public void Mutated_organisation_documents_never_throw() =>
        MutationRuns.Feed([OrganisationBytes], 1, MutationRuns.PerReader, d => AssertFailsWithProblems(d, OrganizationJson.Read, OrganizationJson.Read, OrganizationJson.Read));

    [Fact]
    public void Mutated_request_json_never_throws() =>
        MutationRuns.Feed([RequestsJsonBytes, RequestLogsJsonBytes], 2, MutationRuns.PerReader, d => AssertFailsWithProblems(d, ServiceRequestJson.Read, ServiceRequestJson.Read, ServiceRequestJson.Read));

    [Fact]
    public void Mutated_request_csv_never_throws() =>
        MutationRuns.Feed([RequestsCsvBytes, StatusChangesCsvBytes], 3, MutationRuns.PerReader, d => AssertFailsWithProblems(d, ServiceRequestCsv.Read, ServiceRequestCsv.Read, ServiceRequestCsv.Read));

    [Fact]
    public void Mutated_response_json_never_throws() =>
        MutationRuns.Feed([ResponsesJsonBytes], 4, MutationRuns.PerReader, d =>
        {
            var dimensions = (d.Seed & 8) == 0 ? DimensionSet.Servqual : null;
            AssertFailsWithProblems(d, b => FeedbackResponseJson.Read(b, dimensions), s => FeedbackResponseJson.Read(s, dimensions), s => FeedbackResponseJson.Read(s, dimensions));
        });

    [Fact]
    public void Mutated_response_csv_never_throws() =>
        MutationRuns.Feed([ResponsesCsvBytes], 5, MutationRuns.PerReader, d =>
        {
            var dimensions = (d.Seed & 8) == 0 ? DimensionSet.Servqual : null;
            AssertFailsWithProblems(d, b => FeedbackResponseCsv.Read(b, dimensions), s => FeedbackResponseCsv.Read(s, dimensions), s => FeedbackResponseCsv.Read(s, dimensions));
        });

    // Each document is read as mutated and again with its length field and checksum made right (SummaryStateFraming):
    // nearly every mutation breaks the checksum, and only the second reading reaches the payload's decoders.
    [Fact]
    public void Mutated_binary_states_never_throw() =>
        MutationRuns.Feed(FuzzCorpus.Seeds("state-binary"), 6, MutationRuns.PerReader, d =>
        {
            byte[]? framed = null;
            if (d.Bytes.Length >= SummaryStateFraming.MinimumLength)
            {
                framed = (byte[])d.Bytes.Clone();
                SummaryStateFraming.Frame(framed);
            }

            foreach (var (_, read) in StateReaders.Binary)
            {
                AssertValueOrProblems(read(d.Bytes));
                if (framed is not null)
                {
                    AssertValueOrProblems(read(framed));
                }
            }
        });

    [Fact]
    public void Mutated_json_states_never_throw() =>
        MutationRuns.Feed(FuzzCorpus.Seeds("state-json"), 7, MutationRuns.PerReader, d =>
        {
            foreach (var (_, read) in StateReaders.Json)
            {
                AssertValueOrProblems(read(d.Bytes));
            }
        });

    private delegate Result<T> SpanReader<T>(ReadOnlySpan<byte> bytes)
        where T : class;

    private static void AssertFailsWithProblems<T>(MutatedDocument document, SpanReader<T> bytes, Func<string, Result<T>> text, Func<Stream, Result<T>> stream)
        where T : class
    {
        var result = (document.Seed & 3) switch
        {
            0 => text(Encoding.UTF8.GetString(document.Bytes)),
            1 => stream(new MemoryStream(document.Bytes)),
            _ => bytes(document.Bytes),
        };

        AssertValueOrProblems((result.IsSuccess, result.Problems));
    }

    /// <summary>The promise on a result: a value with no problem, or at least one problem and at most the cap and its summary, each worded.</summary>
    internal static void AssertValueOrProblems((bool IsSuccess, ImmutableArray<Problem> Problems) result)
    {
        Assert.True(result.IsSuccess != (result.Problems.Length > 0));
        Assert.True(result.Problems.Length <= 101);
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    private static void AssertSuccess<T>(Result<T> result)
        where T : class =>
        Assert.True(result.IsSuccess, string.Join("\n", result.Problems));
}
