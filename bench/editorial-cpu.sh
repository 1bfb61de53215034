#!/usr/bin/env bash
# The server's CPU time per create / save / publish against GET /health/live and GET /api/ping (each kind N times
# in a row, CPU time of the server process from /proc), with each kind's median latency beside it. CPU time per
# call hardly moves with other load on the machine, so old and new builds (BENCH_JAR=…) compare on a busy one.
# Starts its own server like bench/editorial.sh.
#
#   bench/editorial-cpu.sh [calls=1000] [warmup=500] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-1000}
warmup=${2:-500}
rounds=${3:-3}
port=${BENCH_PORT:-18481}
source bench/server.sh
start_server "$port"
echo "server ${BENCH_JAR:-target/newsdesk.jar}; database: ${NEWSDESK_DB_URL:-embedded PostgreSQL (fsync on)}; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/EditorialBench.java cpu "http://127.0.0.1:$port" "$password" "$server" "$calls" "$warmup" "$rounds"
