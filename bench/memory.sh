#!/usr/bin/env bash
# Translation-memory lookups at scale (see MemoryBench.java): median and p99 of GET /api/tasks/{id} for a
# task whose sentences are looked up in a memory of N generated uk→en segments (fuzzy and exact matches in
# the view), against the same GET for an identical uk→ru task whose memory is empty, in the same run.
# Starts its own server on 127.0.0.1 with a throw-away embedded PostgreSQL and stops it.
#
#   bench/memory.sh [sizes=100000,1000000] [calls=200] [warmup=30]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-100000,1000000}
calls=${2:-200}
warmup=${3:-30}
port=${BENCH_PORT:-18484}
source bench/server.sh
start_server "$port"
echo "database: embedded PostgreSQL 15 (fsync on); $(nproc) cores"
java -cp "$(ls target/lib/postgresql-*.jar)" bench/MemoryBench.java "http://127.0.0.1:$port" \
    "jdbc:postgresql://127.0.0.1:$pgport/postgres?user=postgres" "$password" "$sizes" "$calls" "$warmup"
