#!/usr/bin/python3
"""Reference values for DependencyGraphTests, computed with networkx (Debian python3-networkx 2.8.8).

Run: /usr/bin/python3 tests/InternalCustomer.Tests/Dependencies/networkx_reference.py
The tests paste the printed values; this script is the provenance, not part of the build.
Edges go consumer -> provider ("depends on"), as in DependencyGraph.
"""
import networkx as nx

NODES = ["archive", "facilities", "finance", "hr", "it", "legal", "marketing", "ops",
         "procurement", "sales", "security"]
# (consumer, provider, criticality, volume or None)
EDGES = [
    ("sales", "marketing", 3, 10.0), ("marketing", "sales", 4, None), ("sales", "finance", 5, 20.0),
    ("marketing", "it", 2, None), ("finance", "it", 5, 5.0), ("finance", "legal", 2, None),
    ("legal", "finance", 2, None), ("hr", "finance", 3, None), ("hr", "it", 4, None),
    ("it", "facilities", 3, None), ("ops", "procurement", 4, 7.0), ("procurement", "finance", 3, None),
    ("procurement", "legal", 1, None), ("security", "it", 5, None), ("ops", "facilities", 2, None),
]

G = nx.DiGraph()
G.add_nodes_from(NODES)
for u, v, c, vol in EDGES:
    G.add_edge(u, v, criticality=c, volume=0.0 if vol is None else vol)

print("networkx", nx.__version__)
print("scc", sorted(sorted(c) for c in nx.strongly_connected_components(G)))
C = nx.condensation(G)
members = {c: sorted(C.nodes[c]["members"]) for c in C}
print("generations (reverse condensation)",
      [sorted(sorted(members[c])[0] for c in gen) for gen in nx.topological_generations(C.reverse())])
TR = nx.transitive_reduction(C)
print("condensation edges", sorted((members[u][0], members[v][0]) for u, v in C.edges()))
print("transitive reduction", sorted((members[u][0], members[v][0]) for u, v in TR.edges()))
U = G.to_undirected()
print("articulation_points", sorted(nx.articulation_points(U)))
print("bridges", sorted(tuple(sorted(b)) for b in nx.bridges(U)))
print("weakly_connected_components", sorted(sorted(c) for c in nx.weakly_connected_components(G)))
print("isolates", sorted(nx.isolates(G)))
print("in_degree", dict(sorted(G.in_degree())))
print("out_degree", dict(sorted(G.out_degree())))
for name, value in sorted(nx.betweenness_centrality(G, normalized=True).items()):
    print(f"betweenness_centrality(G, normalized=True) {name} {value!r}")
for weight in (None, "criticality", "volume"):
    pr = nx.pagerank(G, alpha=0.85, weight=weight, tol=1e-15, max_iter=10000)
    for name, value in sorted(pr.items()):
        print(f"pagerank(G, alpha=0.85, weight={weight!r}, tol=1e-15) {name} {value!r}")


def widest(source, graph):
    """Brute force over simple paths: max over paths of the min criticality, and the shortest length."""
    out = {}
    for target in graph:
        if target == source:
            continue
        paths = list(nx.all_simple_paths(graph, source, target))
        if paths:
            width = max(min(graph[a][b]["criticality"] for a, b in zip(p, p[1:])) for p in paths)
            out[target] = (width, nx.shortest_path_length(graph, source, target))
    return dict(sorted(out.items()))


print("upstream(sales)", widest("sales", G))
print("downstream(it)", widest("it", G.reverse()))
print("upstream(ops)", widest("ops", G))

# A random graph with many equal-length shortest paths (sigma > 1), nodes named d00..d11.
R = nx.gnm_random_graph(12, 40, seed=7, directed=True)
R = nx.relabel_nodes(R, {i: f"d{i:02d}" for i in R})
print("gnm_random_graph(12, 40, seed=7, directed=True) edges", sorted(R.edges()))
print("R betweenness_centrality(R, normalized=True)", [v for _, v in sorted(nx.betweenness_centrality(R, normalized=True).items())])
print("R pagerank(R, alpha=0.85, tol=1e-15)", [v for _, v in sorted(nx.pagerank(R, alpha=0.85, tol=1e-15, max_iter=10000).items())])
print("R scc", sorted(sorted(c) for c in nx.strongly_connected_components(R)))
