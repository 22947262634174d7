#!/usr/bin/env bash
# Runs the shared benchmark workload on OmniGraph and its two peers, Kuzu (embedded graph database) and DuckDB
# (embedded analytical SQL database), in one go on the same data set, and prints a three-way table: each system's
# figure, ours ÷ Kuzu and ours ÷ DuckDB, and each process's peak resident set. Exits 1 when any answer differs.
#
#   python3 ../shared/bench/gen.py /tmp/og-M --persons 100000      # once
#   tests/OmniGraph.Benchmarks/workload/compare.sh /tmp/og-M [--reps N] [--only kuzu|duckdb]
#   tests/OmniGraph.Benchmarks/workload/compare.sh /tmp/og-M --server [--duration SECONDS]
#
# With --server: Kuzu's embedded workload and `omnigraph bench --server` (the workload through a real omnigraph serve
# over HTTP, docs/benchmarks.md "Server") in one go; prints the server's JSON line and HTTP lookup p50 ÷ Kuzu's
# embedded lookup p50 against the target (≤ 0.5).
#
# The shared bench directory is ../shared/bench next to the repository (OMNIGRAPH_BENCH_DIR overrides). Each peer is
# installed (npm) into a private copy under ${XDG_CACHE_HOME:-~/.cache}/omnigraph-bench/<peer>, once (again when its
# package.json changes), never into the shared directory. Prerequisites: .NET 10 SDK, Node.js 18+ with npm, python3.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 DATA_DIR [--reps N] [--only kuzu|duckdb]" >&2
  exit 2
fi
data="$(cd "$1" && pwd)"
shift
reps=5
peers=(kuzu duckdb)
server=""
duration=30
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    --only) peers=("$2"); shift 2 ;;
    --server) server=1; peers=(kuzu); shift ;;
    --duration) duration="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
bench="${OMNIGRAPH_BENCH_DIR:-$root/../shared/bench}"
for peer in "${peers[@]}"; do
  if [[ ! -f "$bench/$peer/run.js" ]]; then
    echo "no $peer runner at $bench/$peer (set OMNIGRAPH_BENCH_DIR)" >&2
    exit 2
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cache="${XDG_CACHE_HOME:-$HOME/.cache}/omnigraph-bench"

# A peer: a private copy of its directory, installed once (again when its package.json changes); run.js is refreshed.
install_peer() {
  local name="$1" copy="$cache/$1"
  if ! cmp -s "$bench/$name/package.json" "$copy/package.json" || [[ ! -d "$copy/node_modules" ]]; then
    rm -rf "$copy"
    mkdir -p "$copy"
    cp -r "$bench/$name/." "$copy/"
    bash "$copy/setup.sh" >&2
  else
    cp "$bench/$name/run.js" "$copy/run.js"
  fi
}

# Runs a command, its JSON line to $2, its peak resident set (KB, from wait4's rusage) to $2.rss.
measured() {
  local out="$1"
  shift
  python3 - "$out" "$@" <<'PY'
import resource, subprocess, sys
out = sys.argv[1]
with open(out, "w") as stdout:
    code = subprocess.run(sys.argv[2:], stdout=stdout).returncode
with open(out + ".rss", "w") as rss:
    rss.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
PY
}

for peer in "${peers[@]}"; do
  install_peer "$peer"
done

echo "== building omnigraph (Release, precompiled: scripts/build-cli.sh)" >&2
cli="$("$root/scripts/build-cli.sh")"

for peer in "${peers[@]}"; do
  echo "== $peer" >&2
  measured "$work/$peer.json" node "$cache/$peer/run.js" "$data" --reps "$reps"
done

if [[ -n "$server" ]]; then
  echo "== omnigraph bench --server (uptime: $(uptime))" >&2
  dotnet "$cli" bench "$data" --server --duration "$duration" > "$work/server.json"
  python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
server = json.loads(open(os.path.join(work, "server.json")).read().strip().splitlines()[-1])
kuzu = json.loads(open(os.path.join(work, "kuzu.json")).read().strip().splitlines()[-1])
print(json.dumps(server))
ratio = server["http_lookup_c1_p50_ms"] / kuzu["lookup_p50_ms"]
print(f"http lookup p50 (1 client) {server['http_lookup_c1_p50_ms']:.3f} ms; kuzu embedded lookup p50 {kuzu['lookup_p50_ms']:.3f} ms; "
      f"ratio {ratio:.2f} (target <= 0.5: {'met' if ratio <= 0.5 else 'NOT met'}); unexpected errors {server['http_unexpected_errors']}")
sys.exit(1 if server["http_unexpected_errors"] else 0)
PY
  exit $?
fi
echo "== omnigraph" >&2
measured "$work/omnigraph.json" dotnet "$cli" bench "$data" --reps "$reps"

python3 - "$work" "${peers[@]}" <<'PY'
import json, os, sys

work, peers = sys.argv[1], sys.argv[2:]
def result(name):
    doc = json.loads(open(os.path.join(work, name + ".json")).read().strip().splitlines()[-1])
    doc["process_peak_rss_mb"] = int(open(os.path.join(work, name + ".json.rss")).read()) / 1024.0
    return doc

ours = result("omnigraph")
others = {p: result(p) for p in peers}
answers = ["entities", "filter_count", "hop1_rows", "hop2_paths", "reach2_total", "agg_top_city", "anti_count"]
order = ["entities", "load_ms", "load_entities_per_s", "lookup_p50_ms", "filter_ms", "filter_count", "hop1_p50_ms", "hop1_rows",
         "hop2_p50_ms", "hop2_paths", "reach2_p50_ms", "reach2_total", "agg_ms", "agg_top_city", "anti_ms", "anti_count",
         "upsert32_p50_ms", "process_peak_rss_mb"]
keys = order + [k for k in ours if k not in order and k != "system"]

# Our operations the peers' workload lacks, compared with the peer operation that costs the same kind of work: one
# small durable commit (the peers' upsert32 is one statement, one commit).
reference = {"insert1_p50_ms": "upsert32_p50_ms", "update1_p50_ms": "upsert32_p50_ms"}

def show(v):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.3f}" if v < 100 else f"{v:,.0f}"
    return f"{v:,}" if isinstance(v, int) else str(v)

def ratio(k, a, b):
    if not (isinstance(a, (int, float)) and isinstance(b, (int, float)) and a):
        return ""
    if k.endswith("_per_s"):
        return f"{b / a:.2f}x thr"
    if k.endswith("_ms") or k.endswith("_mb"):
        return f"{b / a:.2f}x"
    return ""

header = f"{'key':<24} {ours.get('system', 'omnigraph'):>26}"
for p in peers:
    header += f" {others[p].get('system', p):>16} {'ours/' + p:>12}"
print(header)
mismatches = []
for k in keys:
    b = ours.get(k)
    line = f"{k:<24} {show(b):>26}"
    for p in peers:
        a = others[p].get(k)
        shown = a
        if k in answers:
            r = "-" if a is None or b is None else ("agree" if a == b else "DIFFER")
            if r == "DIFFER":
                mismatches.append(f"{k} ({p}: {a}, ours: {b})")
        elif a is None and k in reference:
            shown = others[p].get(reference[k])
            r = ratio(k, shown, b) + ("*" if shown is not None else "")
        else:
            r = ratio(k, a, b)
        line += f" {show(shown):>16} {r:>12}"
    print(line)
print("* against the peer's upsert32 (one small durable commit; the peers' workload has no single-row mutation)")
if mismatches:
    print(f"answers differ: {'; '.join(mismatches)}", file=sys.stderr)
    sys.exit(1)
PY
