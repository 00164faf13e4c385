// The full scorecard at a multiple of the reference size (issue 16, item 7): 1,000 departments, 10,000 agreements,
// 1,000,000 requests and 1,000,000 responses times the multiplier. One process per size, so that the peak resident
// memory (VmHWM, the kernel's high-water mark) is the whole process's: the inputs, the runtime and the scorecard.
// Prints one tab-separated line: multiplier, departments, agreements, requests, responses, input heap MiB, working set
// after the inputs MiB, first Compute ms (cold: it includes the JIT), median of the later runs ms, the graph's exact
// betweenness ms, its estimate from the default sample ms, peak RSS MiB, peak RSS before the first Compute MiB (the
// generator's own high-water mark), the join alone ms (ToScorecard of an accumulator holding every event), peak RSS
// after the first Compute MiB (a process that computes one scorecard).
using System.Diagnostics;
using System.Globalization;
using InternalCustomer.Dependencies;
using InternalCustomer.Scorecards;
using InternalCustomer.Tests.Generators;

var multiplier = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
if (multiplier < 1 || runs < 2)
{
    Console.Error.WriteLine($"usage: ScaleCurve [multiplier >= 1] [runs >= 2]; got {string.Join(' ', args)}");
    return 2;
}

var scenario = ScorecardScenario.Create(seed: 20261127, departments: 1_000 * multiplier, agreements: 10_000 * multiplier, requests: 1_000_000 * multiplier, responses: 1_000_000 * multiplier);
var options = new ScorecardOptions(ScorecardScenario.AsOf);
GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
GC.WaitForPendingFinalizers();
var inputHeap = GC.GetTotalMemory(forceFullCollection: true);
var inputWorkingSet = Environment.WorkingSet;
using var self = Process.GetCurrentProcess();
var inputPeak = self.PeakWorkingSet64;

var times = new List<double>();
long firstPeak = 0;
long checksum = 0;
for (var i = 0; i < runs; i++)
{
    var watch = Stopwatch.StartNew();
    var card = Scorecard.Compute(scenario.Organization, scenario.Requests, scenario.Responses, options);
    times.Add(watch.Elapsed.TotalMilliseconds);
    checksum += card.Attention.Length + card.Health.BetweennessSources;
    if (i == 0)
    {
        self.Refresh();
        firstPeak = self.PeakWorkingSet64;
    }
}

// The join alone: an accumulator filled with every event, then ToScorecard (the graph, relationships, departments,
// findings: the part Compute does once after merging its slices).
var filled = new ScorecardAccumulator(scenario.Organization, options);
foreach (var request in scenario.Requests)
{
    filled.Add(request);
}

foreach (var response in scenario.Responses)
{
    filled.Add(response);
}

var join = Time(() => filled.ToScorecard().Attention.Length);
var graph = DependencyGraph.FromOrganization(scenario.Organization);
var exact = Time(() => graph.Betweenness().Count);
var estimate = Time(() => graph.EstimateBetweenness(ScorecardOptions.DefaultBetweennessSampleSize).Sources.Length);
self.Refresh();
var later = times.Skip(1).Order().ToList();
var median = later.Count % 2 == 1 ? later[later.Count / 2] : (later[(later.Count / 2) - 1] + later[later.Count / 2]) / 2;
Console.WriteLine(string.Join('\t', new object[]
{
    multiplier,
    scenario.Organization.Departments.Length,
    scenario.Organization.Agreements.Length,
    scenario.Requests.Length,
    scenario.Responses.Length,
    Mib(inputHeap),
    Mib(inputWorkingSet),
    Math.Round(times[0]),
    Math.Round(median),
    Math.Round(exact, 1),
    Math.Round(estimate, 1),
    Mib(self.PeakWorkingSet64),
    Mib(inputPeak),
    Math.Round(join),
    Mib(firstPeak),
}.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture))));
Console.Error.WriteLine($"checksum {checksum}");
return 0;

static double Time(Func<int> work)
{
    work();
    var best = double.MaxValue;
    for (var i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        work();
        best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
    }

    return best;
}

static long Mib(long bytes) => bytes / (1024 * 1024);
