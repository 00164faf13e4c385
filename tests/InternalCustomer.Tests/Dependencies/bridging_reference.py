#!/usr/bin/env python3
"""Reference values for BridgingAndSoleSupplierTests (python3 with networkx; run from the repository root).

Bridging departments: networkx articulation_points of the undirected view, and for each the connected_components of
its group without it (size, and the members linked to it). Sole suppliers: a plain count, since every service has
exactly one provider: dependants = in-neighbours in the consumer -> provider graph, reached = nx.ancestors.
Prints the small hand-made graph of the tests, then the built-in example (docs/examples/organization.json).
"""
import json
import networkx as nx


def report(G):
    U = G.to_undirected()
    for v in sorted(nx.articulation_points(U)):
        H = U.subgraph(nx.node_connected_component(U, v) - {v})
        parts = sorted(((len(c), sorted(set(U[v]) & c)) for c in nx.connected_components(H)), key=lambda p: (-p[0], p[1][0]))
        print("bridging", v, parts)
    rows = [(v, sorted(G.predecessors(v)), len(nx.ancestors(G, v))) for v in G.nodes if G.in_degree(v) > 0]
    for v, deps, reached in sorted(rows, key=lambda r: (-len(r[1]), -r[2], r[0])):
        print("sole_supplier", v, len(deps), reached, deps)


print("networkx", nx.__version__)
small = nx.DiGraph()
small.add_edges_from([("x", "desk"), ("y", "desk"), ("z", "desk"), ("x", "y"), ("y", "z"), ("m", "ctl"), ("s", "ctl"), ("p", "m")])
report(small)
d = json.load(open("docs/examples/organization.json"))
G = nx.DiGraph()
G.add_nodes_from(x["id"] for x in d["departments"])
G.add_edges_from((x["consumer"], x["provider"]) for x in d.get("dependencies", []))
G.add_edges_from((a["consumer"], a["provider"]) for a in d["agreements"])
report(G)
