using BenchmarkDotNet.Attributes;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// The full scorecard of an organisation with 1,000 departments, 10,000 agreements, 1,000,000
/// requests and 1,000,000 responses (target ≤ 2 s, peak memory &lt; 512 MiB). The baseline is the
/// floor under it: the two raw passes the scorecard cannot avoid — every request evaluated against
/// both objectives and every response summarised — without any joining.
/// </summary>
[MemoryDiagnoser]
public class ScorecardBenchmarks
{
    private ScorecardScenario _scenario = null!;
    private ScorecardOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScorecardScenario.Create(seed: 20261127, departments: 1_000, agreements: 10_000, requests: 1_000_000, responses: 1_000_000);
        _options = new ScorecardOptions(ScorecardScenario.AsOf);
    }

    [Benchmark(Baseline = true, Description = "raw passes: evaluate 1M requests ×2 objectives + summarise 1M responses")]
    public long RawPasses()
    {
        var organization = _scenario.Organization;
        var asOf = ScorecardScenario.AsOf;
        long decided = 0;
        var timers = new Dictionary<InternalCustomer.AgreementId, SlaTimer>();
        foreach (var request in _scenario.Requests)
        {
            if (!timers.TryGetValue(request.Agreement, out var timer))
            {
                timers[request.Agreement] = timer = organization.TimerFor(request.Agreement);
            }

            decided += timer.Evaluate(request, ObjectiveKind.FirstResponse, asOf).IsDecided ? 1 : 0;
            decided += timer.Evaluate(request, ObjectiveKind.Resolution, asOf).IsDecided ? 1 : 0;
        }

        return decided + FeedbackSummary.Of(_scenario.Responses, RatingScale.FivePoint).Count;
    }

    [Benchmark(Description = "full scorecard")]
    public int FullScorecard() =>
        Scorecard.Compute(_scenario.Organization, _scenario.Requests, _scenario.Responses, _options).Attention.Length;
}
