#!/usr/bin/env bash
# Starts Azurite (Azure Storage's emulator: blob, queue and table) on loopback for local development, installed from npm
# into a cache folder on first use (the version and lock file the tests use). Prints the connection string to export;
# Ctrl-C stops it. Data is kept in memory unless AZURITE_DATA names a folder.
#
#   infra/azurite/start-azurite.sh                      # blob 10000, queue 10001, table 10002
#   AZURITE_BLOB_PORT=41000 infra/azurite/start-azurite.sh
#   export AZURE_STORAGE_CONNECTION_STRING=...          # the line it prints, in another shell
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
lock_dir="$repo/tests/OmniGraph.Testing.Azure/Azurite"
cache="${OMNIGRAPH_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/omnigraph-tests}/azurite-dev"
blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"

command -v node >/dev/null || { echo "error: node (18 or later) is needed: Azurite is a Node.js program" >&2; exit 1; }
command -v npm >/dev/null || { echo "error: npm is needed to install Azurite" >&2; exit 1; }

entry="$cache/node_modules/azurite/dist/src/azurite.js"
if [[ ! -f "$entry" ]]; then
  echo "installing Azurite into $cache ..." >&2
  mkdir -p "$cache"
  cp "$lock_dir/package.json" "$lock_dir/package-lock.json" "$cache/"
  (cd "$cache" && npm ci --no-audit --no-fund --ignore-scripts >&2)
fi

persistence=(--inMemoryPersistence)
if [[ -n "${AZURITE_DATA:-}" ]]; then
  mkdir -p "$AZURITE_DATA"
  persistence=(--location "$AZURITE_DATA")
fi

account=devstoreaccount1
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
echo "AZURE_STORAGE_CONNECTION_STRING='DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/$account;QueueEndpoint=http://127.0.0.1:$queue_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;'"

# --skipApiVersionCheck: the Azure SDK may be newer than the emulator; --loose: accept headers Azurite does not model.
exec node "$entry" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" \
  --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" \
  "${persistence[@]}" --skipApiVersionCheck --loose --disableTelemetry
