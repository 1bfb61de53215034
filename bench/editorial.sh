#!/usr/bin/env bash
# Editorial call latency: create / save / publish, median and p99 over N calls from one client, with GET
# /health/live and GET /api/ping (neither asks the database) measured in the same run as the floors; then
# publish throughput from 4 concurrent editors. Starts its own server on 127.0.0.1 with a throw-away embedded
# PostgreSQL (or the database in NEWSDESK_DB_URL) and stops it afterwards.
#
#   bench/editorial.sh [calls=1000] [warmup=200]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-1000}
warmup=${2:-200}
port=${BENCH_PORT:-18480}
source bench/server.sh
start_server "$port"
echo "database: ${NEWSDESK_DB_URL:-embedded PostgreSQL (fsync on)}; $(nproc) cores"
java bench/EditorialBench.java "http://127.0.0.1:$port" "$password" "$calls" "$warmup"
