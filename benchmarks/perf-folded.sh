#!/usr/bin/env bash
# Samples a .NET command with Linux perf: CPU time only, from the timer interrupt, wherever the
# thread is (no safepoints), JIT-compiled methods named through the runtime's perf map. Writes the
# stacks as folded lines, the thread first (`dotnet-4242;…;leaf count`), which `hybridprof truth
# --plain-trace` and `hybridprof report` read (docs/benchmarks.md, "Is the profile true?").
# Usage: benchmarks/perf-folded.sh OUT.collapsed -- dotnet App.dll [args...]
# Needs: perf (apt-get install linux-perf), as root or with kernel.perf_event_paranoid <= 1.
set -euo pipefail
out=$1; shift
[ "${1:-}" = "--" ] && shift
data=$(mktemp)
since=$(mktemp)
# The runtime's perf maps (/tmp/perf-PID.map) are needed until perf script has read them, then go.
trap 'find /tmp -maxdepth 1 \( -name "perf-*.map" -o -name "perfinfo-*.map" \) -newer "$since" -delete 2>/dev/null || true; rm -f "$data" "$since"' EXIT
# W^X off: with it on, perf sees JIT-compiled code only through an anonymous double mapping it cannot name.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -q -e cpu-clock -F 999 -g -o "$data" -- "$@"
perf script -i "$data" -F comm,tid,ip,sym 2>/dev/null | awk '
  function emit(   s, i) { s = head; for (i = n - 1; i >= 0; i--) s = s ";" frame[i]; count[s]++; n = 0 }
  /^[^ \t]/ { if (n) emit(); head = $0; sub(/[ \t]+$/, "", head); gsub(/[ \t]+/, "-", head); n = 0; next }
  /^[ \t]*$/ { if (n) emit(); next }
  { sub(/^[ \t]*[0-9a-f]+ /, ""); if ($0 != "") frame[n++] = $0 }
  END { if (n) emit(); for (s in count) print s, count[s] }' > "$out"
echo "$out: $(awk '{ s += $NF } END { print s + 0 }' "$out") samples" >&2
