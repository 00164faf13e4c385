using BenchmarkDotNet.Attributes;
using InternalCustomer.Feedback;
using MathNet.Numerics.Statistics;

namespace InternalCustomer.Benchmarks;

/// <summary>Summarising 10,000,000 ratings from a span: the plain summing loop is the physical floor.</summary>
[MemoryDiagnoser]
public class FeedbackSummaryBenchmarks
{
    private const int N = 10_000_000;
    private int[] _ratings = [];
    private double[] _ratingsAsDouble = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261127);
        _ratings = new int[N];
        _ratingsAsDouble = new double[N];
        for (var i = 0; i < N; i++)
        {
            _ratings[i] = random.Next(1, 6);
            _ratingsAsDouble[i] = _ratings[i];
        }
    }

    [Benchmark(Baseline = true, Description = "plain summing loop (floor)")]
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
    public RatingSummary SummaryOfInts() => RatingSummary.Of(_ratings.AsSpan(), RatingScale.FivePoint);

    [Benchmark(Description = "MathNet RunningStatistics")]
    public RunningStatistics MathNetRunningStatistics() => new(_ratingsAsDouble);
}
