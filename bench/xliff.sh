#!/usr/bin/env bash
# XLIFF export and import of one 5,000-word article: median and p99 of GET /api/tasks/{id}/xliff and of
# PUT /api/tasks/{id}/xliff (a translated file), with a plain GET /api/tasks/{id} measured in the same run
# as the floor. Starts its own server on 127.0.0.1 with a throw-away embedded PostgreSQL and stops it.
#
#   bench/xliff.sh [calls=200] [warmup=30] [words=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-200}
warmup=${2:-30}
words=${3:-5000}
port=${BENCH_PORT:-18483}
source bench/server.sh
start_server "$port"
echo "database: ${NEWSDESK_DB_URL:-embedded PostgreSQL (fsync on)}; $(nproc) cores"
java bench/XliffBench.java "http://127.0.0.1:$port" "$password" "$calls" "$warmup" "$words"
