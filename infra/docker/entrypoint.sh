#!/bin/sh
# Starts `omnigraph serve` from the environment. The silo advertises the container's own IP (other replicas and
# Orleans clients reach it there) and listens on every interface; HTTP binds 0.0.0.0:8080. Extra arguments are passed
# on (e.g. --policy /etc/omnigraph/policy.yaml). Tokens come from OMNIGRAPH_SERVER_BEARER_TOKEN(S_*) (docs/server.md).
set -eu
advertise="${OMNIGRAPH_ADVERTISE:-$(hostname -i | awk '{print $1}')}"
exec dotnet /app/omnigraph.dll serve \
  --store "$OMNIGRAPH_STORE" \
  --bind "0.0.0.0:${OMNIGRAPH_HTTP_PORT:-8080}" \
  --clustering "$OMNIGRAPH_CLUSTERING" \
  --cluster-id "$OMNIGRAPH_CLUSTER_ID" \
  --silo-port "$OMNIGRAPH_SILO_PORT" \
  --gateway-port "$OMNIGRAPH_GATEWAY_PORT" \
  --advertise "$advertise" \
  "$@"
