#!/usr/bin/env bash
# The scorecard's scale curve (issue 16, item 7): the full scorecard at 1x, 2x and 4x the reference size, each in its
# own process, alternating sizes over the rounds; the load average before and after. Prints a markdown table with, per
# size, the round whose median later-Compute time is the median over the rounds (its other columns are that round's).
# Usage: benchmarks/scale/run.sh [rounds] [runs per process]    (from the repository root)
set -euo pipefail
rounds=${1:-3}
runs=${2:-5}
cd "$(dirname "$0")/../.."
dotnet build benchmarks/scale/ScaleCurve -c Release >/dev/null
exe=benchmarks/scale/ScaleCurve/bin/Release/net10.0/ScaleCurve.dll
out=$(mktemp)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  for m in 1 2 4; do
    dotnet "$exe" "$m" "$runs" 2>/dev/null >>"$out"
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| size | departments | agreements | requests | responses | input heap | working set after inputs | first Compute (cold) | Compute (median) | exact betweenness | estimate (256 sources) | peak RSS, whole process | of it before the first Compute | the join alone | peak RSS after one Compute |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for m in 1 2 4; do
  awk -F'\t' -v m="$m" '$1 == m' "$out" | sort -t$'\t' -k9,9n | awk -F'\t' -v n="$rounds" '
    { rows[NR] = $0 }
    END {
      split(rows[int((NR + 1) / 2)], r, "\t")
      printf "| %sx | %s | %s | %s | %s | %s MiB | %s MiB | %s ms | %s ms | %s ms | %s ms | %s MiB | %s MiB | %s ms | %s MiB |\n", r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15]
    }'
done
echo
echo "raw lines (multiplier, departments, agreements, requests, responses, input heap MiB, working set MiB, first ms, median ms, exact betweenness ms, estimate ms, peak RSS MiB, peak RSS before the first Compute MiB, the join alone ms, peak RSS after the first Compute MiB):"
cat "$out"
rm -f "$out"
