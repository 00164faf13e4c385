using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using InternalCustomer.Data;
using InternalCustomer.Feedback;
using InternalCustomer.Interchange;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// Streaming 1,000,000 feedback responses into one feedback summary per relationship (10 relationships), from a SQLite
/// table (<see cref="FeedbackResponseTable.SummariseByRelationshipAsync"/>) and, the baseline, from the same rows as a
/// CSV file (<c>FeedbackResponseCsv.ReadRecordsAsync</c> into the same <see cref="FeedbackStreams.SummariseByRelationshipAsync"/>).
/// Issue 14's target: SQLite within 3× of the CSV. Both files are made once in a temporary directory by the global setup.
/// </summary>
[MemoryDiagnoser]
public class DatabaseBenchmarks
{
    private static readonly int Rows = BenchmarkScale.Of(1_000_000);
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 1, 0, 0);

    private string _directory = null!;
    private string _csv = null!;
    private SqliteConnection _sqlite = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("internalcustomer-bench-").FullName;
        _csv = Path.Combine(_directory, "responses.csv");
        using (var file = File.Create(_csv))
        {
            FeedbackResponseCsv.Write(Generated(), file);
        }

        _sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "responses.db"), Pooling = false }.ConnectionString);
        _sqlite.Open();
        FeedbackResponseTable.Write(_sqlite, FeedbackResponseTable.DefaultName, Generated());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "CSV file → summaries (1M responses)")]
    public async Task<int> Csv()
    {
        await using var file = new FileStream(_csv, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Count(await FeedbackStreams.SummariseByRelationshipAsync(FeedbackResponseCsv.ReadRecordsAsync(file, null)));
    }

    [Benchmark(Description = "SQLite table → summaries (1M responses)")]
    public async Task<int> Sqlite()
    {
        await using var command = _sqlite.CreateCommand();
        command.CommandText = "SELECT * FROM " + FeedbackResponseTable.DefaultName;
        await using var reader = await command.ExecuteReaderAsync();
        return Count(await FeedbackResponseTable.SummariseByRelationshipAsync(reader));
    }

    private static int Count(Result<ImmutableSortedDictionary<Relationship, FeedbackSummary>> summaries)
    {
        var value = summaries.GetValueOrThrow();
        var total = value.Values.Sum(s => s.Count);
        return total == Rows ? value.Count : throw new InvalidOperationException($"Expected {Rows} responses summarised; got {total}.");
    }

    private static IEnumerable<FeedbackResponse> Generated()
    {
        var respondents = Enumerable.Range(0, 10).Select(i => DepartmentId.Parse("consumer-" + i)).ToArray();
        var subjects = Enumerable.Range(0, 5).Select(i => DepartmentId.Parse("provider-" + i)).ToArray();
        for (var i = 0; i < Rows; i++)
        {
            yield return FeedbackResponse.TryCreate(
                respondents[i % 10], subjects[i % 5], T0 + Duration.FromSeconds(i), RatingScale.FivePoint,
                1 + (i * 7 % 5), i % 3 == 0 ? null : i % 11, i % 4 == 0 ? null : 1 + (i % 7)).GetValueOrThrow();
        }
    }
}
