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
source bench/server.sh
start_server "$port"
java -cp "$(ls target/lib/postgresql-*.jar)" bench/FeedBench.java "http://127.0.0.1:$port" \
    "jdbc:postgresql://127.0.0.1:$pgport/postgres?user=postgres" "$clients" "$seconds"
