using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using InternalCustomer;
using InternalCustomer.Benchmarks;
using InternalCustomer.Dependencies;
using InternalCustomer.Organizations;

// The library's side of the cross-language graph peers (benchmarks/peers/run.sh): the edge lists written by
// graphs.py, the same tasks as its igraph and networkx timings, one JSON line per task with the timed calls.
//   GraphPeer DIR REPEATS [TOOL [TASK...]]    TOOL names the rows (default "ours"); no TASK runs them all
// run.sh runs it pinned to one core (taskset) for the one-thread rows and unpinned for "betweenness" on two.
if (args.Length < 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var repeats) || repeats < 1)
{
    await Console.Error.WriteLineAsync($"usage: GraphPeer DIR REPEATS [TOOL [TASK...]] with REPEATS an integer of at least 1; got '{string.Join(' ', args)}'.");
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
var probe = dag.Departments[0].Id; // Upstream and Downstream of one department, as in GraphBenchmarks

(string Task, int Count, Func<int> Call)[] work =
[
    ("construction", repeats, () => DependencyGraph.Create(random.Departments, random.Edges).EdgeCount),
    ("scc", repeats, () => randomGraph.StronglyConnectedComponents().Length),
    ("pagerank", repeats, () => randomGraph.PageRank().Count),
    ("articulation-bridges", repeats, () =>
    {
        var failure = randomGraph.FindSinglePointsOfFailure();
        return failure.ArticulationPoints.Length + failure.Bridges.Length;
    }),
    ("topological", repeats, () => dagGraph.TopologicalOrder().Length),
    ("betweenness", Math.Max(1, repeats / 3), () => smallGraph.Betweenness().Count),
    ("all-analyses-dag", repeats, () => GraphAnalyses.AllButBetweenness(dagGraph, probe, topological: true)),
];
var tasks = work.Select(w => w.Task).ToArray();
if (only.Except(tasks, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
{
    await Console.Error.WriteLineAsync($"GraphPeer: unknown task '{unknown}'; expected one of {string.Join(", ", tasks)}.");
    return 2;
}

foreach (var (task, count, call) in work.Where(w => only.Count == 0 || only.Contains(w.Task)))
{
    Timed(task, count, call);
}

return 0;

void Timed(string task, int count, Func<int> call)
{
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

static (Department[] Departments, DependencyEdge[] Edges) Load(string directory, string name)
{
    using var reader = new StreamReader(Path.Combine(directory, name + ".txt"));
    var first = reader.ReadLine();
    var header = first?.Split(' ');
    if (header is not [var nText, var mText] || !int.TryParse(nText, CultureInfo.InvariantCulture, out var n) || !int.TryParse(mText, CultureInfo.InvariantCulture, out var m))
    {
        throw new InvalidDataException($"{name}.txt must begin with a line 'n m' (two integers, as graphs.py writes); got '{first}'.");
    }

    var departments = new Department[n];
    for (var i = 0; i < n; i++)
    {
        departments[i] = new Department(DepartmentId.Parse("d" + i.ToString("D5", CultureInfo.InvariantCulture)), "Department " + i.ToString(CultureInfo.InvariantCulture));
    }

    var edges = new List<DependencyEdge>(m);
    while (reader.ReadLine() is { } line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new InvalidDataException($"{name}.txt: expected an edge line 'consumer provider'; got '{line}'.");
        }

        var consumer = int.Parse(line.AsSpan(0, space), CultureInfo.InvariantCulture);
        var provider = int.Parse(line.AsSpan(space + 1), CultureInfo.InvariantCulture);
        edges.Add(new DependencyEdge(departments[provider].Id, departments[consumer].Id, Criticality.From(1 + (consumer % 5))));
    }

    return (departments, [.. edges]);
}
