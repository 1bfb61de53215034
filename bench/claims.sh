#!/usr/bin/env bash
# Claim throughput: N concurrent claim-next callers emptying a queue of T tasks through the API, and in
# the same run the bare claim statement under pgbench with the same concurrency on the same rows.
# Starts its own server on 127.0.0.1 with a throw-away embedded PostgreSQL, or the database in NEWSDESK_DB_URL
# (jdbc:postgresql://HOST:PORT/DB?user=USER); pgbench connects to the same one.
# The API is loaded by the Java generator (bench/ClaimBench.java, one thread per claimer) and, when wrk is
# installed, by wrk with bench/claim-next.lua (-t2 -c<clients>, round-robin over the claimers' tokens;
# BENCH_WRK=0 skips it). Needs pgbench (Debian: postgresql-client); wrk (Debian: wrk) recommended.
#
#   bench/claims.sh [tasks=2000] [clients=32]       BENCH_ROUNDS=3 wrk and pgbench rounds (the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${1:-2000}
clients=${2:-32}
port=${BENCH_PORT:-18481}
source bench/server.sh
command -v pgbench >/dev/null || { echo "pgbench is missing (apt-get install postgresql-client)"; exit 2; }
start_server "$port" NEWSDESK_DESK_MAX_CLAIMS=1000000 NEWSDESK_DB_POOL_SIZE=32
if [ -n "${NEWSDESK_DB_URL:-}" ]; then
    # An external database: jdbc:postgresql://HOST:PORT/DB?user=USER (trust authentication, as on CI).
    jdbc=$NEWSDESK_DB_URL
    pgbench_target=$(echo "$NEWSDESK_DB_URL" | sed -E 's|jdbc:postgresql://([^:/]+):?([0-9]*)/([^?]+)\??(user=([^&]+))?.*|-h \1 -p \2 -U \5 \3|')
else
    jdbc="jdbc:postgresql://127.0.0.1:$pgport/postgres?user=postgres"
    pgbench_target="-h 127.0.0.1 -p $pgport -U postgres postgres"
fi
echo "database: ${NEWSDESK_DB_URL:-embedded PostgreSQL (fsync on)}; $(nproc) cores"
BENCH_SERVER_PID=$server java -cp "$(ls target/lib/postgresql-*.jar)" bench/ClaimBench.java "http://127.0.0.1:$port" "$password" \
    "$jdbc" "$pgbench_target" "$tasks" "$clients"
