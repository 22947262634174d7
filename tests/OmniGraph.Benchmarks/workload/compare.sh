#!/usr/bin/env bash
# Runs the shared benchmark workload on Kuzu (the peer) and on OmniGraph in one go, on the same data set, and prints
# a side-by-side table with ratios. Answers must agree where both systems print them (exit code 1 otherwise).
#
#   python3 ../shared/bench/gen.py /tmp/og-M --persons 100000      # once
#   tests/OmniGraph.Benchmarks/workload/compare.sh /tmp/og-M [--reps N]
#
# The shared bench directory is ../shared/bench next to the repository (OMNIGRAPH_BENCH_DIR overrides). The peer is
# installed (npm) into a copy under ${XDG_CACHE_HOME:-~/.cache}/omnigraph-bench/kuzu, never into the shared directory.
# Prerequisites: .NET 10 SDK, Node.js 18+ with npm, python3.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 DATA_DIR [--reps N]" >&2
  exit 2
fi
data="$(cd "$1" && pwd)"
shift
reps=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
bench="${OMNIGRAPH_BENCH_DIR:-$root/../shared/bench}"
if [[ ! -f "$bench/kuzu/run.js" ]]; then
  echo "no shared bench at $bench (set OMNIGRAPH_BENCH_DIR)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The peer: a private copy of kuzu/, installed once (again when its package.json changes).
peer="${XDG_CACHE_HOME:-$HOME/.cache}/omnigraph-bench/kuzu"
if ! cmp -s "$bench/kuzu/package.json" "$peer/package.json" || [[ ! -d "$peer/node_modules/kuzu" ]]; then
  rm -rf "$peer"
  mkdir -p "$peer"
  cp -r "$bench/kuzu/." "$peer/"
  bash "$peer/setup.sh" >&2
else
  cp "$bench/kuzu/run.js" "$peer/run.js"
fi

echo "== building omnigraph (Release)" >&2
dotnet build "$root/src/OmniGraph.Cli/OmniGraph.Cli.csproj" -c Release -nologo -v quiet >&2

echo "== kuzu" >&2
node "$peer/run.js" "$data" --reps "$reps" > "$work/kuzu.json"
echo "== omnigraph" >&2
dotnet "$root/src/OmniGraph.Cli/bin/Release/net10.0/omnigraph.dll" bench "$data" --reps "$reps" > "$work/omnigraph.json"

python3 - "$work/kuzu.json" "$work/omnigraph.json" <<'PY'
import json, sys

peer = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
ours = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
answers = ["entities", "filter_count", "hop1_rows", "hop2_paths", "reach2_total", "agg_top_city", "anti_count"]
order = ["entities", "load_ms", "load_entities_per_s", "lookup_p50_ms", "filter_ms", "filter_count", "hop1_p50_ms", "hop1_rows",
         "hop2_p50_ms", "hop2_paths", "reach2_p50_ms", "reach2_total", "agg_ms", "agg_top_city", "anti_ms", "anti_count",
         "upsert32_p50_ms"]
keys = order + [k for k in ours if k not in order and k != "system"]

def show(v):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.3f}" if v < 100 else f"{v:,.0f}"
    return f"{v:,}" if isinstance(v, int) else str(v)

print(f"{'key':<22} {peer.get('system', 'peer'):>16} {ours.get('system', 'omnigraph'):>26}  ratio")
mismatches = []
for k in keys:
    a, b = peer.get(k), ours.get(k)
    ratio = ""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a and k not in answers:
        if k.endswith("_per_s"):
            ratio = f"{b / a:.2f}x throughput"
        elif k.endswith("_ms"):
            ratio = f"{b / a:.2f}x time"
    if k in answers and a is not None and b is not None:
        ratio = "agree" if a == b else "DIFFER"
        if a != b:
            mismatches.append(k)
    print(f"{k:<22} {show(a):>16} {show(b):>26}  {ratio}")
if mismatches:
    print(f"answers differ: {', '.join(mismatches)}", file=sys.stderr)
    sys.exit(1)
PY
