using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using InternalCustomer;
using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;

// The library's side of the cross-language graph peers (benchmarks/peers/run.sh): the edge lists written by
// graphs.py, the same tasks as its igraph and networkx timings, one JSON line per task with the timed calls.
//   GraphPeer DIR REPEATS [TOOL [TASK...]]    TOOL names the rows (default "ours"); no TASK runs them all
// run.sh runs it pinned to one core (taskset) for the one-thread rows and unpinned for "betweenness" on two.
if (args.Length < 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var repeats) || repeats < 1)
{
    await Console.Error.WriteLineAsync("usage: GraphPeer DIR REPEATS [TOOL [TASK...]]   (REPEATS at least 1)");
    return 2;
}

var directory = args[0];
var tool = args.Length > 2 ? args[2] : "ours";
var only = args.Skip(3).ToHashSet(StringComparer.Ordinal);
var random = Load(directory, "random");
var dag = Load(directory, "dag");
var small = Load(directory, "small");
var randomGraph = DependencyGraph.Create(random.Departments, random.Edges);
var dagGraph = DependencyGraph.Create(dag.Departments, dag.Edges);
var smallGraph = DependencyGraph.Create(small.Departments, small.Edges);
var probe = random.Departments[0].Id;

Timed("construction", repeats, () => DependencyGraph.Create(random.Departments, random.Edges).EdgeCount);
Timed("scc", repeats, () => randomGraph.StronglyConnectedComponents().Length);
Timed("pagerank", repeats, () => randomGraph.PageRank().Count);
Timed("articulation-bridges", repeats, () =>
{
    var failure = randomGraph.FindSinglePointsOfFailure();
    return failure.ArticulationPoints.Length + failure.Bridges.Length;
});
Timed("topological", repeats, () => dagGraph.TopologicalOrder().Length);
Timed("betweenness", Math.Max(1, repeats / 3), () => smallGraph.Betweenness().Count);
Timed("all-analyses-dag", repeats, () => AllAnalyses(dagGraph, probe));
return 0;

void Timed(string task, int count, Func<int> call)
{
    if (only.Count > 0 && !only.Contains(task))
    {
        return;
    }

    // Two warm-up calls, so that tiered compilation has the hot loops optimised before the timed calls.
    var sink = call();
    sink += call();
    var seconds = new double[count];
    for (var i = 0; i < count; i++)
    {
        var start = Stopwatch.GetTimestamp();
        sink += call();
        seconds[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    GC.KeepAlive(sink);
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["tool"] = tool, ["task"] = task, ["seconds"] = seconds }));
}

static int AllAnalyses(DependencyGraph graph, DepartmentId probe)
{
    // The analyses of GraphBenchmarks.AllAnalysesDag: everything the scorecard's graph step asks but betweenness.
    var condensation = graph.Condense();
    return condensation.Components.Length
        + condensation.TransitiveReduction().Length
        + graph.FindMutualDependencies().Length
        + graph.Tiers().Length
        + graph.Upstream(probe).Length
        + graph.Downstream(probe).Length
        + graph.FindSinglePointsOfFailure().ArticulationPoints.Length
        + graph.InDegrees().Count
        + graph.OutDegrees().Count
        + graph.PageRank().Count
        + graph.FindSilos().Components.Length
        + graph.TopologicalOrder().Length;
}

static (Department[] Departments, DependencyEdge[] Edges) Load(string directory, string name)
{
    using var reader = new StreamReader(Path.Combine(directory, name + ".txt"));
    var header = reader.ReadLine()?.Split(' ') ?? throw new InvalidDataException($"{name}.txt is empty; expected a line 'n m'.");
    var n = int.Parse(header[0], CultureInfo.InvariantCulture);
    var departments = new Department[n];
    for (var i = 0; i < n; i++)
    {
        departments[i] = new Department(DepartmentId.Parse("d" + i.ToString("D5", CultureInfo.InvariantCulture)), "Department " + i.ToString(CultureInfo.InvariantCulture));
    }

    var edges = new List<DependencyEdge>(int.Parse(header[1], CultureInfo.InvariantCulture));
    while (reader.ReadLine() is { } line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var consumer = int.Parse(line.AsSpan(0, space), CultureInfo.InvariantCulture);
        var provider = int.Parse(line.AsSpan(space + 1), CultureInfo.InvariantCulture);
        edges.Add(new DependencyEdge(departments[provider].Id, departments[consumer].Id, Criticality.From(1 + (consumer % 5))));
    }

    return (departments, [.. edges]);
}
