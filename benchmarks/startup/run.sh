#!/usr/bin/env bash
# Start-up of the command line (issue 16, item 6): wall time and peak memory of `report` on the built-in example for
# the native tool (Native AOT, installed from the packages), the built tool under the JIT, and the README's
# `dotnet run` main job; medians of N runs each, alternating, with the load average. Needs clang (Native AOT) and
# GNU time (/usr/bin/time, Debian's `time` package).
# Usage: benchmarks/startup/run.sh [runs]    (from the repository root)
set -euo pipefail
runs=${1:-11}
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
dotnet build src/InternalCustomer.Cli -c Release >/dev/null
for rid in "" "-r linux-x64" "-r any"; do
  # shellcheck disable=SC2086
  dotnet pack src/InternalCustomer.Cli -c Release $rid -o "$out/pack" >/dev/null
done
dotnet tool install --tool-path "$out/tools" --add-source "$out/pack" InternalCustomer.Cli >/dev/null
native="$out/tools/internal-customer"
jit="dotnet src/InternalCustomer.Cli/bin/Release/net10.0/internal-customer.dll"
run="dotnet run --project src/InternalCustomer.Cli --"
measure() { # label, command...; appends "seconds kib" lines to $out/<label>
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/one" "$@" report >/dev/null 2>&1
  cat "$out/one" >>"$out/$label"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure run $run >/dev/null # a first dotnet run builds nothing more, but warms the build server
: >"$out/run"
for i in $(seq "$runs"); do
  measure native "$native"
  measure jit $jit
  if [ $((i % 3)) -eq 1 ]; then measure run $run; fi
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-44s | %5s | %12s | %9s |\n' "report on the built-in example" "runs" "median wall" "peak RSS"
printf '| %-44s | %5s | %12s | %9s |\n' "---" "---:" "---:" "---:"
for label in native jit run; do
  case $label in
    native) name="native tool (Native AOT, from the packages)" ;;
    jit) name="built tool under the JIT (dotnet x.dll)" ;;
    run) name="README main job (dotnet run --project)" ;;
  esac
  # The median run by wall time, with that run's peak memory.
  sort -n "$out/$label" | awk -v name="$name" '{w[NR]=$1; k[NR]=$2} END {m=int((NR+1)/2); printf "| %-44s | %5d | %10.0f ms | %6.0f MiB |\n", name, NR, w[m]*1000, k[m]/1024}'
done
rm -rf "$out"
