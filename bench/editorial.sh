#!/usr/bin/env bash
# Editorial call latency: create / save / publish, median and p99 over N calls from one client, with GET
# /health/live and GET /api/ping (neither asks the database) measured in the same run as the floors; then
# publish throughput from 4 concurrent editors. Starts its own server on 127.0.0.1 with a throw-away embedded
# PostgreSQL (or the database in NEWSDESK_DB_URL) and stops it afterwards. Then, with pgbench, the same
# database's own floor for a write from one client: a one-row INSERT's commit (the disk's flush) and SELECT 1.
#
#   bench/editorial.sh [calls=1000] [warmup=3000]   (warm-up rounds: the JIT is still compiling the write paths after 500)
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-1000}
warmup=${2:-3000}
port=${BENCH_PORT:-18480}
source bench/server.sh
start_server "$port"
echo "database: ${NEWSDESK_DB_URL:-embedded PostgreSQL (fsync on)}; $(nproc) cores"
java bench/EditorialBench.java "http://127.0.0.1:$port" "$password" "$calls" "$warmup" | tee "$data/calls.txt"

# The database's own floor for a write, in the same run: one client committing a one-row INSERT (the WAL
# flush every create, save and publish waits for, which depends on this machine's disk) and a SELECT 1 (a
# round trip), under pgbench on the same database. Skipped without pgbench (Debian: postgresql-client).
if command -v pgbench >/dev/null; then
    if [ -n "${NEWSDESK_DB_URL:-}" ]; then
        target=$(echo "$NEWSDESK_DB_URL" | sed -E 's|jdbc:postgresql://([^:/]+):?([0-9]*)/([^?]+)\??(user=([^&]+))?.*|-h \1 -p \2 -U \5 \3|')
    else
        target="-h 127.0.0.1 -p $pgport -U postgres postgres"
    fi
    # shellcheck disable=SC2086
    psql -q $target -c "CREATE TABLE IF NOT EXISTS bench_commit_floor (id bigserial PRIMARY KEY, note text)" >/dev/null
    echo "INSERT INTO bench_commit_floor (note) VALUES ('a one-row durable commit');" > "$data/commit.sql"
    echo "SELECT 1;" > "$data/select.sql"
    latency() {  # script: pgbench's average latency in ms, one client, 10 s
        # shellcheck disable=SC2086
        pgbench -n -M prepared -c 1 -T 10 -f "$1" $target 2>/dev/null | awk '/latency average/ {print $4}'
    }
    commit_ms=$(latency "$data/commit.sql")
    select_ms=$(latency "$data/select.sql")
    # shellcheck disable=SC2086
    psql -q $target -c "DROP TABLE bench_commit_floor" >/dev/null
    live_ms=$(awk '$1 == "health/live" {print $2; exit}' "$data/calls.txt")
    echo "the database alone, one client (pgbench -c1 -T10, same database):"
    printf "  commit of a one-row INSERT %6.2f ms (%.2f x health/live)\n" "$commit_ms" "$(echo "$commit_ms / $live_ms" | bc -l)"
    printf "  SELECT 1                   %6.2f ms (%.2f x health/live)\n" "$select_ms" "$(echo "$select_ms / $live_ms" | bc -l)"
    awk -v c="$commit_ms" -v l="$live_ms" 'NF == 5 && ($1 == "create" || $1 == "save" || $1 == "publish") {
        printf "  %-8s beyond that commit %.2f ms (%.2f x health/live)\n", $1, $2 - c, ($2 - c) / l }' "$data/calls.txt"
fi
