#!/usr/bin/env bash
# The README's "main job": build the precompiled CLI once (scripts/build-cli.sh), create a fresh graph from
# samples/social on the embedded default (a local directory, .omnigraph-demo/social), load the sample data as one
# commit, show it, run a query, add a new person with a mutation and read them back, list the commits and export a
# type; then serve the graph over HTTP on a free loopback port, query it with curl and with the CLI's --server, and
# stop the server (SIGTERM) at the end.
# Rerunnable: each run starts from an empty directory. Prerequisites: the .NET 10 SDK and curl.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sample="$root/samples/social"
graph="$root/.omnigraph-demo/social"

echo "== building the CLI (Release, precompiled: scripts/build-cli.sh)"
cli="$("$root/scripts/build-cli.sh")"
omnigraph() { dotnet "$cli" "$@"; }

rm -rf "$graph"
mkdir -p "$(dirname "$graph")"

echo
echo "== omnigraph init --schema samples/social/schema.pg $graph"
omnigraph init --schema "$sample/schema.pg" "$graph"

echo
echo "== omnigraph load $graph --data samples/social/data.jsonl --mode overwrite"
omnigraph load "$graph" --data "$sample/data.jsonl" --mode overwrite

echo
echo "== omnigraph snapshot $graph"
omnigraph snapshot "$graph"

echo
echo "== omnigraph query friends_of --query samples/social/queries.gq --params '{\"name\":\"Ada\"}' --store $graph"
omnigraph query friends_of --query "$sample/queries.gq" --params '{"name":"Ada"}' --store "$graph"

echo
echo "== omnigraph mutate add_person --query samples/social/queries.gq --params '{\"name\":\"Yara\",...}' --store $graph"
omnigraph mutate add_person --query "$sample/queries.gq" --params '{"name":"Yara","age":29,"joined":"2024-05-01"}' --store "$graph"

echo
echo "== omnigraph query person --query samples/social/queries.gq --params '{\"name\":\"Yara\"}' --store $graph"
omnigraph query person --query "$sample/queries.gq" --params '{"name":"Yara"}' --store "$graph"

echo
echo "== omnigraph commit list $graph"
omnigraph commit list "$graph"

echo
echo "== omnigraph export $graph --type Company"
omnigraph export "$graph" --type Company

echo
echo "== omnigraph serve --store $(dirname "$graph") --bind 127.0.0.1:0 --unauthenticated"
out="$(mktemp)"
# Started as dotnet itself, not through the shell function: $! must be the server's own process, which the signal stops.
dotnet "$cli" serve --store "$(dirname "$graph")" --bind 127.0.0.1:0 --unauthenticated >"$out" 2>"$out.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$out" "$out.log"' EXIT
until grep -q OMNIGRAPH_LISTEN_ADDR "$out"; do
    kill -0 $server 2>/dev/null || { cat "$out.log"; exit 1; }
    sleep 0.2
done
url="http://$(sed -n 's/^OMNIGRAPH_LISTEN_ADDR=//p' "$out")"
echo "serving the graph 'social' at $url (API reference: $url/docs)"

echo
echo "== curl -X POST $url/graphs/social/query (person Yara)"
curl -s -X POST "$url/graphs/social/query" -H 'Content-Type: application/json' \
    -d '{"query": "query person($name: String) { match { $p: Person { name: $name } } return { $p.name, $p.age } }", "params": {"name": "Yara"}}'
echo

echo
echo "== omnigraph query friends_of --query samples/social/queries.gq --params '{\"name\":\"Ada\"}' --server $url --graph social"
omnigraph query friends_of --query "$sample/queries.gq" --params '{"name":"Ada"}' --server "$url" --graph social

echo
echo "== stopping the server (SIGTERM: requests in flight finish, then it exits with code 0)"
kill -TERM $server
status=0
wait $server || status=$?
trap - EXIT
rm -f "$out" "$out.log"
echo "server exited with code $status"
[ "$status" -eq 0 ]

echo
echo "Done. To serve the graph again: omnigraph serve --store $(dirname "$graph") --unauthenticated"
