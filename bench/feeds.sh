#!/usr/bin/env bash
# Feed serving throughput and latency growth (see FeedBench.java). Starts its own server on 127.0.0.1
# with a throw-away embedded PostgreSQL, fills it with published stories straight through SQL, and
# measures over HTTP.
#
#   bench/feeds.sh [clients=32] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-32}
seconds=${2:-10}
port=${BENCH_PORT:-18482}
data=$(mktemp -d)
[ -f target/newsdesk.jar ] || ./mvnw -q -B package -DskipTests

NEWSDESK_HTTP_PORT=$port NEWSDESK_DATA_DIR=$data NEWSDESK_ADMIN_PASSWORD=bench-admin-password \
    java -jar target/newsdesk.jar > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ] && break
    sleep 0.5
done
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
java -cp "$(ls target/lib/postgresql-*.jar)" bench/FeedBench.java "http://127.0.0.1:$port" \
    "jdbc:postgresql://127.0.0.1:$pgport/postgres?user=postgres" "$clients" "$seconds"
