#!/usr/bin/env bash
# dotnet-trace's sampled thread time (about one sample per thread every 1 ms) on the plain
# comparison workloads: median elapsed work time traced vs not, alternating runs.
# Usage: benchmarks/dotnet-trace-overhead.sh [rounds=3] [workloads...]
# Needs: dotnet tool install -g dotnet-trace; dotnet build -c Release benchmarks/Workloads.Plain
set -euo pipefail
rounds=${1:-3}; shift || true
workloads=${*:-pipeline parser fanout}
root=$(cd "$(dirname "$0")/.." && pwd)
plain="$root/benchmarks/Workloads.Plain/bin/Release/net10.0/Workloads.Plain.dll"
trace=${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}
out=$(mktemp -d)
elapsed() { grep -o 'elapsed_ms=[0-9.]*' | cut -d= -f2; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for w in $workloads; do
  : > "$out/plain"; : > "$out/traced"
  for r in $(seq "$rounds"); do
    dotnet "$plain" "$w" | elapsed >> "$out/plain"
    "$trace" collect --profile dotnet-sampled-thread-time --show-child-io -o "$out/$w-$r.nettrace" -- dotnet "$plain" "$w" 2>/dev/null | elapsed >> "$out/traced"
  done
  p=$(median < "$out/plain"); t=$(median < "$out/traced")
  echo "$w: plain $p ms, dotnet-trace $t ms, x$(awk -v a="$t" -v b="$p" 'BEGIN {printf "%.3f", a/b}')  (plain: $(paste -sd' ' "$out/plain"); traced: $(paste -sd' ' "$out/traced"))"
done
rm -rf "$out"
