using BenchmarkDotNet.Attributes;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// The full scorecard of an organisation with 1,000 departments, 10,000 agreements, 1,000,000
/// requests and 1,000,000 responses (target ≤ 2 s, peak memory &lt; 512 MiB). The baseline is the
/// floor under it: the two raw passes the scorecard cannot avoid — every request evaluated against
/// both objectives and every response summarised — without any joining. The last case adds an improvement record of
/// 1,000 completed actions (on every tenth agreement's relationship) and 1,000 review meetings: each action's effect is
/// measured over its provider's requests and responses only, so the cost stays linear in the data.
/// </summary>
[MemoryDiagnoser]
public class ScorecardBenchmarks
{
    private ScorecardScenario _scenario = null!;
    private ScorecardOptions _options = null!;
    private ScorecardOptions _withImprovement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScorecardScenario.Create(seed: 20261127, departments: 1_000, agreements: BenchmarkScale.Of(10_000), requests: BenchmarkScale.Of(1_000_000), responses: BenchmarkScale.Of(1_000_000));
        _options = new ScorecardOptions(ScorecardScenario.AsOf);

        // Actions started two to five months before the as-of date and completed within a month, so that every after
        // window has begun; a meeting per action's relationship a month before the as-of date.
        var organization = _scenario.Organization;
        var random = new Random(20261202);
        var asOfDate = ScorecardScenario.AsOf.InUtc().Date;
        var pairs = organization.Agreements.Where((_, i) => i % 10 == 0).Select(a => new Relationship(a.Provider, a.Consumer)).Distinct().Take(1_000).ToList();
        var actions = pairs.Select((pair, i) =>
        {
            var started = asOfDate.PlusDays(-random.Next(60, 150));
            return new ImprovementAction(ActionId.Parse($"act-{i:D4}"), pair, pair.Provider, "Benchmark action", started, ImprovementStatus.Completed, started.PlusDays(random.Next(0, 30)));
        });
        var meetings = pairs.Select((pair, i) => new ReviewMeeting(MeetingId.Parse($"m-{i:D4}"), pair, asOfDate.PlusDays(-30), [pair.Provider, pair.Consumer]));
        var record = ImprovementRecord.Create(organization, [], meetings, actions);
        _withImprovement = _options with { Improvement = record };
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

    [Benchmark(Description = "full scorecard, one thread (MaxDegreeOfParallelism = 1)")]
    public int FullScorecardOneThread() =>
        Scorecard.Compute(_scenario.Organization, _scenario.Requests, _scenario.Responses, _options with { MaxDegreeOfParallelism = 1 }).Attention.Length;

    [Benchmark(Description = "full scorecard with 1k measured actions and 1k meetings")]
    public int FullScorecardWithImprovement() =>
        Scorecard.Compute(_scenario.Organization, _scenario.Requests, _scenario.Responses, _withImprovement).Attention.Length;
}
