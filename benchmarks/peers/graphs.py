#!/usr/bin/python3
"""Cross-language graph peers (issue 16, item 1): seeded edge lists, and python-igraph / networkx timed on them.

  graphs.py write DIR                 writes random.txt (10k/100k), dag.txt (10k/100k DAG), small.txt (2k/20k)
  graphs.py time TOOL DIR REPEATS     TOOL is igraph or networkx; prints one JSON line per task:
                                      {"tool", "task", "seconds": [...]} (a warm-up call, none for networkx's betweenness, then REPEATS timed calls)
  graphs.py table RESULTS LOAD        the Markdown table of the medians of every timed call in RESULTS (JSON lines
                                      of this script and of GraphPeer), with LOAD (the load averages) under it

An edge list is a line "n m" and then m lines "u v": department u depends on department v (u is the consumer,
v the provider), so a directed edge u -> v is the direction in which PageRank flows, as in DependencyGraph.
The generator is the one of benchmarks/InternalCustomer.Benchmarks/GraphBenchmarks.cs in spirit (distinct
random pairs, no self-loops; the DAG only has edges to lower-numbered departments) with Python's own seeded
random, so every tool reads the very same file. Run it with Debian's /usr/bin/python3 (python3-igraph,
python3-networkx); the timings are of the call only, after the file is read.
"""
import json
import random
import sys
import time

SIZES = {"random": (10_000, 100_000, False, 42), "dag": (10_000, 100_000, True, 43), "small": (2_000, 20_000, False, 44)}


def write(directory):
    for name, (n, m, acyclic, seed) in SIZES.items():
        rng = random.Random(seed)
        seen = set()
        pairs = []
        while len(pairs) < m:
            u, v = rng.randrange(n), rng.randrange(n)
            if u == v:
                continue
            if acyclic and u < v:
                u, v = v, u
            if (u, v) not in seen:
                seen.add((u, v))
                pairs.append((u, v))
        with open(f"{directory}/{name}.txt", "w", encoding="ascii") as f:
            f.write(f"{n} {m}\n")
            f.writelines(f"{u} {v}\n" for u, v in pairs)


def read(directory, name):
    with open(f"{directory}/{name}.txt", encoding="ascii") as f:
        n, _ = map(int, f.readline().split())
        return n, [tuple(map(int, line.split())) for line in f]


def timed(tool, task, repeats, call, warm_up=True):
    if warm_up:
        call()
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"tool": tool, "task": task, "seconds": seconds}), flush=True)


def time_igraph(directory, repeats):
    import igraph as ig
    graphs = {}
    for name in SIZES:
        n, edges = read(directory, name)
        graphs[name] = (n, edges, ig.Graph(n=n, edges=edges, directed=True))
    n, edges, g = graphs["random"]
    timed("igraph", "construction", repeats, lambda: ig.Graph(n=n, edges=edges, directed=True))
    timed("igraph", "scc", repeats, lambda: g.connected_components(mode="strong"))
    timed("igraph", "pagerank", repeats, lambda: g.pagerank(directed=True, damping=0.85))
    timed("igraph", "articulation-bridges", repeats, lambda: (g.articulation_points(), g.bridges()))
    dag = graphs["dag"][2]
    timed("igraph", "topological", repeats, lambda: dag.topological_sorting(mode="out"))
    small = graphs["small"][2]
    timed("igraph", "betweenness", max(1, repeats // 3), lambda: small.betweenness(directed=True))


def time_networkx(directory, repeats):
    import networkx as nx

    def build(n, edges):
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        return g

    n, edges = read(directory, "random")
    g = build(n, edges)
    undirected = g.to_undirected()
    timed("networkx", "construction", repeats, lambda: build(n, edges))
    timed("networkx", "scc", repeats, lambda: list(nx.strongly_connected_components(g)))
    timed("networkx", "pagerank", repeats, lambda: nx.pagerank(g, alpha=0.85, tol=1e-10 / n))
    timed("networkx", "articulation-bridges", repeats,
          lambda: (list(nx.articulation_points(undirected)), list(nx.bridges(undirected))))
    dag = build(*read(directory, "dag"))
    timed("networkx", "topological", repeats, lambda: list(nx.topological_sort(dag)))
    small = build(*read(directory, "small"))
    # Several seconds a call (pure Python, nothing to warm up): one timed call per round.
    timed("networkx", "betweenness", 1, lambda: nx.betweenness_centrality(small, normalized=True), warm_up=False)


TASKS = [
    ("construction", "construction 10k/100k"),
    ("scc", "strongly connected components 10k/100k"),
    ("pagerank", "PageRank 10k/100k (ours to 1e-10; igraph PRPACK, exact)"),
    ("articulation-bridges", "articulation points + bridges 10k/100k"),
    ("topological", "topological order, DAG 10k/100k"),
    ("betweenness", "betweenness 2k/20k"),
    ("all-analyses-dag", "all analyses but betweenness, DAG 10k/100k"),
]


def table(results, load):
    import statistics
    samples = {}
    for line in open(results, encoding="utf-8"):
        row = json.loads(line)
        samples.setdefault((row["tool"], row["task"]), []).extend(row["seconds"])

    def median(tool, task):
        values = samples.get((tool, task))
        return (statistics.median(values), len(values)) if values else (None, 0)

    def cell(value):
        median_seconds, count = value
        return "—" if median_seconds is None else f"{median_seconds * 1000:,.2f} ms ({count})"

    print("| work | ours, one core | ours, two cores | python-igraph (C core) | networkx | ours ÷ igraph |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for task, label in TASKS:
        ours, igraph = median("ours", task), median("igraph", task)
        ratio = f"{ours[0] / igraph[0]:.2f}×" if ours[0] and igraph[0] else "—"
        print(f"| {label} | {cell(ours)} | {cell(median('ours-2-cores', task))} | {cell(igraph)} | "
              f"{cell(median('networkx', task))} | {ratio} |")
    print()
    print(f"Medians of all timed calls (their number in brackets); {load}.")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "time" and sys.argv[2] in ("igraph", "networkx"):
        (time_igraph if sys.argv[2] == "igraph" else time_networkx)(sys.argv[3], int(sys.argv[4]))
    elif len(sys.argv) == 4 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
