#!/usr/bin/env bash
# Cross-language graph peers (issue 16, item 1): one seeded set of edge lists (graphs.py write), then in each round
# the library (GraphPeer, pinned to one core with taskset; betweenness again on both cores), python-igraph and
# networkx (Debian's python3-igraph and python3-networkx, pinned to the same core), alternating; the table of the
# medians of every timed call, with the load average before and after, is printed as Markdown for docs/benchmarks.md.
# Usage: benchmarks/peers/run.sh [rounds] [repeats]     (from anywhere; defaults 5 rounds of 5 timed calls each;
#        networkx runs in the first two rounds only, one timed call per task: its betweenness takes seconds)
set -euo pipefail
rounds=${1:-5}
repeats=${2:-5}
[[ $rounds =~ ^[1-9][0-9]*$ && $repeats =~ ^[1-9][0-9]*$ ]] || { echo "usage: run.sh [rounds] [repeats], both integers of at least 1; got '$rounds' '$repeats'" >&2; exit 2; }
cd "$(dirname "$0")/../.."
python=/usr/bin/python3 # Debian's: the apt packages are installed for it, not for another python3 on PATH
"$python" -c 'import igraph, networkx' || { echo "needs Debian's python3-igraph and python3-networkx (apt-get install python3-igraph python3-networkx)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" benchmarks/peers/graphs.py write "$work"
dotnet build benchmarks/peers/GraphPeer -c Release >/dev/null
peer=(dotnet benchmarks/peers/GraphPeer/bin/Release/net10.0/GraphPeer.dll "$work" "$repeats")
before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$rounds"); do
  echo "round $round of $rounds" >&2
  taskset -c 0 "${peer[@]}" ours >>"$work/results.jsonl"
  "${peer[@]}" ours-2-cores betweenness >>"$work/results.jsonl"
  taskset -c 0 "$python" benchmarks/peers/graphs.py time igraph "$work" "$repeats" >>"$work/results.jsonl"
  if [ "$round" -le 2 ]; then
    taskset -c 0 "$python" benchmarks/peers/graphs.py time networkx "$work" 1 >>"$work/results.jsonl"
  fi
done
after=$(cut -d' ' -f1-3 /proc/loadavg)
"$python" benchmarks/peers/graphs.py table "$work/results.jsonl" "load average $before before, $after after; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
