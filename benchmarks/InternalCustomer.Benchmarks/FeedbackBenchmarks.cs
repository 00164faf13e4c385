using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using InternalCustomer.Feedback;
using MathNet.Numerics.Statistics;
using NodaTime;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// Feedback scoring hot paths, one baseline per category:
/// <list type="bullet">
/// <item>Summary: 10,000,000 ratings on 1–5 from a span. Baseline: a plain summing loop over the same span
/// (the physical floor); peer: MathNet <c>RunningStatistics</c>. Targets: ≤ 1.5× the floor, ≥ 10× faster than
/// MathNet, 0 bytes per rating.</item>
/// <item>Grouping: 1,000,000 responses (1,000 departments, 10,000 provider × consumer relationships, recommend and
/// effort on most) grouped by relationship and summarised. Baseline: LINQ GroupBy then
/// <see cref="FeedbackSummary.Of"/> per group. Target: ≤ 50 ms.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FeedbackBenchmarks
{
    private static readonly int Ratings = BenchmarkScale.Of(10_000_000);
    private static readonly int Responses = BenchmarkScale.Of(1_000_000);
    private int[] _ratings = [];
    private double[] _ratingsAsDouble = [];
    private FeedbackResponse[] _responses = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261127);
        _ratings = new int[Ratings];
        _ratingsAsDouble = new double[Ratings];
        for (var i = 0; i < Ratings; i++)
        {
            _ratings[i] = random.Next(1, 6);
            _ratingsAsDouble[i] = _ratings[i];
        }

        var departments = Enumerable.Range(0, 1000).Select(i => DepartmentId.Parse($"dept-{i:D4}")).ToArray();
        var pairs = new List<(DepartmentId Provider, DepartmentId Consumer)>();
        var seen = new HashSet<(int, int)>();
        while (pairs.Count < 10_000)
        {
            var (p, c) = (random.Next(1000), random.Next(1000));
            if (p != c && seen.Add((p, c)))
            {
                pairs.Add((departments[p], departments[c]));
            }
        }

        var start = Instant.FromUtc(2025, 1, 1, 0, 0);
        _responses = new FeedbackResponse[Responses];
        for (var i = 0; i < Responses; i++)
        {
            var (provider, consumer) = pairs[random.Next(pairs.Count)];
            _responses[i] = new FeedbackResponse(
                consumer,
                provider,
                start + Duration.FromMinutes(random.Next(525_600)),
                RatingScale.FivePoint,
                random.Next(1, 6),
                random.Next(5) == 0 ? null : random.Next(0, 11),
                random.Next(3) == 0 ? null : random.Next(1, 8));
        }
    }

    [Benchmark(Baseline = true, Description = "plain summing loop (floor)")]
    [BenchmarkCategory("Summary")]
    public long PlainSum()
    {
        long sum = 0;
        foreach (var r in _ratings.AsSpan())
        {
            sum += r;
        }

        return sum;
    }

    [Benchmark(Description = "RatingSummary.Of(ReadOnlySpan<int>)")]
    [BenchmarkCategory("Summary")]
    public RatingSummary SummaryOfInts() => RatingSummary.Of(_ratings.AsSpan(), RatingScale.FivePoint);

    [Benchmark(Description = "RatingSummary.Of(ReadOnlySpan<double>)")]
    [BenchmarkCategory("Summary")]
    public RatingSummary SummaryOfDoubles() => RatingSummary.Of(_ratingsAsDouble.AsSpan(), RatingScale.FivePoint);

    [Benchmark(Description = "MathNet RunningStatistics")]
    [BenchmarkCategory("Summary")]
    public RunningStatistics MathNetRunningStatistics() => new(_ratingsAsDouble);

    [Benchmark(Baseline = true, Description = "LINQ GroupBy + FeedbackSummary.Of")]
    [BenchmarkCategory("Grouping")]
    public int LinqGroupBy() => _responses
        .GroupBy(r => (r.Subject, r.Respondent))
        .Select(g => FeedbackSummary.Of(g.ToArray(), RatingScale.FivePoint))
        .Count();

    [Benchmark(Description = "read the grouped fields only (floor)")]
    [BenchmarkCategory("Grouping")]
    public long ReadFieldsOnly()
    {
        long sum = 0;
        foreach (var r in _responses)
        {
            sum += r.Overall + (r.Recommend ?? 0) + (r.Effort ?? 0) + r.Subject.Value.Length + r.Respondent.Value.Length;
        }

        return sum;
    }

    [Benchmark(Description = "FeedbackGrouping.ByRelationship")]
    [BenchmarkCategory("Grouping")]
    public int ByRelationship() => FeedbackGrouping.ByRelationship(_responses, RatingScale.FivePoint).Count;
}
