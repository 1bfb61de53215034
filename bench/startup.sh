#!/usr/bin/env bash
# Start-up: seconds from `java -jar target/newsdesk.jar` to the first 200 on /health/ready, and resident
# memory 3 s later, for the embedded PostgreSQL (first start and restart on the same data) and for an
# external PostgreSQL (NEWSDESK_BENCH_DB_URL, default: a fresh database on 127.0.0.1:5432 if psql reaches it).
#
#   bench/startup.sh [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
port=${BENCH_PORT:-18483}
[ -f target/newsdesk.jar ] || ./mvnw -q -B package -DskipTests

external=${NEWSDESK_BENCH_DB_URL:-}
if [ -z "$external" ] && psql -h 127.0.0.1 -U postgres -qc "SELECT 1" >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS newsdesk_bench_startup" 2>/dev/null
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE newsdesk_bench_startup"
    external="jdbc:postgresql://127.0.0.1:5432/newsdesk_bench_startup?user=postgres"
fi

measure() {  # label data-dir [env…]
    local label=$1 dir=$2
    shift 2
    local start end pid jvm pg
    start=$(date +%s.%N)
    env NEWSDESK_HTTP_PORT=$port NEWSDESK_DATA_DIR="$dir" NEWSDESK_ADMIN_PASSWORD=bench-admin-password "$@" \
        java -jar target/newsdesk.jar > "$dir.log" 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do sleep 0.1; done
    end=$(date +%s.%N)
    sleep 3
    jvm=$(ps -o rss= -p $pid)
    pg=$( (pgrep -f "$dir/postgres" || true) | xargs -r ps -o rss= -p | awk '{s+=$1} END {print s+0}')
    printf "%-24s ready in %5.1f s   JVM RSS %4d MiB   embedded PostgreSQL RSS %3d MiB\n" "$label" \
        "$(echo "$end - $start" | bc)" $((jvm / 1024)) $((pg / 1024))
    kill $pid
    wait $pid 2>/dev/null || true
}

echo "$(nproc) cores; Payara Micro with Hazelcast and phone-home off"
for _ in $(seq 1 "$rounds"); do
    work=$(mktemp -d)
    measure "embedded, first start" "$work/data"
    measure "embedded, restart" "$work/data"
    if [ -n "$external" ]; then
        measure "external PostgreSQL" "$work/external" NEWSDESK_DB_URL="$external"
    fi
    rm -rf "$work"
done
if [ -z "${NEWSDESK_BENCH_DB_URL:-}" ] && [ -n "$external" ]; then
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS newsdesk_bench_startup"
fi
