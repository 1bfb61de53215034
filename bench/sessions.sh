#!/usr/bin/env bash
# The desk's session cookie against a bearer token on the same authenticated GET (/api/me): wrk -t2 -c16,
# alternating, after a warm-up of each. Both are recognised from memory after their first use (account/TokenCache),
# so the ratio cookie / bearer should be about 1. Starts its own server like bench/editorial.sh (BENCH_JAR=… runs
# another build).
#
#   bench/sessions.sh [rounds=4] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-4}
seconds=${2:-10}
port=${BENCH_PORT:-18482}
command -v wrk >/dev/null || { echo "needs wrk (Debian package wrk)"; exit 1; }
source bench/server.sh
start_server "$port"
base=http://127.0.0.1:$port
login="{\"username\":\"admin\",\"password\":\"$password\"}"
token=$(curl -s -X POST -H 'Content-Type: application/json' -d "$login" "$base/api/auth/tokens" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/')
cookie=$(curl -s -i -X POST -H 'Content-Type: application/json' -d "$login" "$base/api/desk/session" \
    | tr -d '\r' | sed -nE 's/^[Ss]et-[Cc]ookie: nd_session=([^;]+);.*/\1/p')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: nd_session=$cookie" "$base/api/me")" = 200 ] \
    || { echo "the session cookie was not accepted"; exit 1; }
rate() {  # header: wrk's requests/s on /api/me with it
    wrk -t2 -c16 -d"${seconds}s" -H "$1" "$base/api/me" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}
echo "server ${BENCH_JAR:-target/newsdesk.jar}; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
rate "Authorization: Bearer $token" >/dev/null
rate "Cookie: nd_session=$cookie" >/dev/null
for r in $(seq 1 "$rounds"); do
    bearer=$(rate "Authorization: Bearer $token")
    session=$(rate "Cookie: nd_session=$cookie")
    printf "round %d: bearer %6s req/s, session cookie %6s req/s, cookie / bearer %.2f\n" "$r" "$bearer" "$session" \
        "$(echo "$session / $bearer" | bc -l)"
done
