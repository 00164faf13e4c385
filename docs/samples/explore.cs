#:project ../../src/InternalCustomer.Interchange/InternalCustomer.Interchange.csproj

// Notebook-style exploration of the built-in example organisation: a file-based app.
// Run from the repository root:  dotnet run docs/samples/explore.cs
// Each block below is a "cell": change one, run again, read the output.

using System.Globalization;
using InternalCustomer.Dependencies;
using InternalCustomer.Interchange;
using InternalCustomer.Scorecards;
using NodaTime;

// Cell 1: load the example documents (docs/examples); a problem would be reported with its location.
var examples = FindExamples();
var organization = OrganizationJson.Read(File.ReadAllText(Path.Combine(examples, "organization.json"))).GetValueOrThrow();
var requests = ServiceRequestCsv.Read(File.ReadAllText(Path.Combine(examples, "requests.csv"))).GetValueOrThrow();
var responses = FeedbackResponseCsv.Read(File.ReadAllText(Path.Combine(examples, "responses.csv")), null).GetValueOrThrow();
Console.WriteLine($"{organization}: {requests.Count} requests, {responses.Count} responses");

// Cell 2: the dependency graph: mutual dependence, silos, single points of failure.
var graph = DependencyGraph.FromOrganization(organization);
foreach (var cluster in graph.FindMutualDependencies())
{
    Console.WriteLine($"mutual dependency: {string.Join(" -> ", cluster.Cycle)}");
}

Console.WriteLine($"isolated: {string.Join(", ", graph.FindSilos().Isolated)}");
Console.WriteLine($"single points of failure: {string.Join(", ", graph.FindSinglePointsOfFailure().ArticulationPoints)}");

// Cell 3: the scorecard as of the day after the last feedback.
var asOf = responses.Max(r => r.Instant).Plus(Duration.FromDays(1));
var card = Scorecard.Compute(organization, [.. requests], [.. responses], new ScorecardOptions(asOf));
var csat = card.Health.Csat;
Console.WriteLine($"overall CSAT {Pct(csat.Value)} (n = {csat.Count}, 95% CI {Pct(csat.Interval?.Lower)} to {Pct(csat.Interval?.Upper)})");
foreach (var item in card.Attention.Take(3))
{
    Console.WriteLine($"{item.Rank}. {FindingText.Describe(item)}");
}

// Cell 4: relationships whose SLA and customer disagree: findings are data, with their evidence.
foreach (var f in card.Findings.OfType<SlaMetButUnhappy>())
{
    Console.WriteLine($"SLA met but unhappy: {f.Provider} serving {f.Consumer}, CSAT {Pct(f.Csat)} of {f.Responses} (interval up to {Pct(f.Interval.Upper)}, target {Pct(f.Target)})");
}

// Cell 5: whose shortfall is partly inherited from suppliers? Every finding in words:
foreach (var f in card.Findings.OfType<InheritedShortfall>())
{
    Console.WriteLine(FindingText.Describe(f));
}

// Cell 6: a division's numbers are its teams' numbers merged.
foreach (var (id, totals) in card.RollUp().Where(kv => organization.ChildrenOf(kv.Key).Length > 0).OrderBy(kv => kv.Key))
{
    Console.WriteLine($"{id}: resolution on time {Pct(totals.Resolution.Compliance)} of {totals.Resolution.Decided}, CSAT {Pct(totals.Csat(card.Options).Value)} of {totals.Feedback.Count}");
}

static string Pct(double? ratio) => ratio is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

static string FindExamples()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        foreach (var candidate in new[] { Path.Combine(dir.FullName, "docs", "examples"), Path.Combine(dir.FullName, "examples") })
        {
            if (File.Exists(Path.Combine(candidate, "organization.json")))
            {
                return candidate;
            }
        }
    }

    throw new DirectoryNotFoundException("Run this inside the repository: docs/examples/organization.json was not found above " + Directory.GetCurrentDirectory());
}
