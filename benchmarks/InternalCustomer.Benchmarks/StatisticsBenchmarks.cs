using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using InternalCustomer.Feedback.Statistics;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using NodaTime;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// Inferential feedback statistics on large inputs: the trend of 1,000,000 (instant, score) pairs and key drivers of
/// 1,000,000 responses × 5 dimensions, each against a naive MathNet-based baseline in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StatisticsBenchmarks
{
    private const int N = 1_000_000;
    private const int K = 5;

    private Instant[] _times = [];
    private double[] _days = [];
    private double[] _scores = [];
    private double[] _ratings = [];
    private double[] _overall = [];
    private double[][] _columns = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260101);
        var origin = Instant.FromUtc(2026, 1, 1, 0, 0);
        _times = new Instant[N];
        _days = new double[N];
        _scores = new double[N];
        for (var i = 0; i < N; i++)
        {
            _times[i] = origin + Duration.FromSeconds(random.Next(0, 365 * 86_400));
            _days[i] = _times[i].ToUnixTimeTicks() / (double)NodaConstants.TicksPerDay;
            _scores[i] = random.Next(1, 6);
        }

        _ratings = new double[N * K];
        _overall = new double[N];
        _columns = new double[K + 1][];
        for (var j = 0; j <= K; j++)
        {
            _columns[j] = new double[N];
        }

        for (var r = 0; r < N; r++)
        {
            var sum = 0.0;
            for (var j = 0; j < K; j++)
            {
                var v = random.Next(1, 6);
                _ratings[(r * K) + j] = v;
                _columns[j][r] = v;
                sum += v * (j + 1);
            }

            _overall[r] = Math.Clamp(Math.Round((sum / 15.0) + random.Next(-1, 2)), 1, 5);
            _columns[K][r] = _overall[r];
        }
    }

    /// <summary>Baseline: MathNet's <c>Fit.Line</c> on instants already converted to days (slope only, no inference).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Trend 1M")]
    public double TrendMathNetFitLine() => Fit.Line(_days, _scores).B * 30.0;

    /// <summary>Ours: two-pass co-moment summary straight from the Instant span, then slope, SE, CI and p-value.</summary>
    [Benchmark]
    [BenchmarkCategory("Trend 1M")]
    public double? TrendSummaryEstimate() => TrendSummary.From(_times, _scores).Estimate().PValue;

    /// <summary>Baseline: MathNet's Pearson correlation matrix on column arrays, then the same small linear algebra
    /// (betas by solving R_xx β = r_xy, Johnson's weights by eigen-decomposition).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Key drivers 1M x 5")]
    public double KeyDriversMathNetPearsonMatrix()
    {
        var r = Correlation.PearsonMatrix(_columns);
        var rxx = r.SubMatrix(0, K, 0, K);
        var rxy = r.Column(K).SubVector(0, K);
        var betas = rxx.Solve(rxy);
        var evd = rxx.Evd(Symmetricity.Symmetric);
        var v = evd.EigenVectors;
        var sqrt = evd.EigenValues.Map(c => Math.Sqrt(c.Real));
        var l = v * Matrix<double>.Build.DiagonalOfDiagonalVector(sqrt) * v.Transpose();
        var betaStar = l.Solve(rxy);
        var weights = l.PointwiseMultiply(l) * betaStar.PointwiseMultiply(betaStar);
        return weights.Sum() + betas.Sum();
    }

    /// <summary>Ours: two-pass co-moment matrix on the row-major span, then correlations with p-values and
    /// intervals, betas, R² and Johnson's relative weights.</summary>
    [Benchmark]
    [BenchmarkCategory("Key drivers 1M x 5")]
    public double? KeyDriverAnalysisAnalyze() => KeyDriverAnalysis.AnalyzeResponses(_ratings, _overall, K).RSquared;
}
