#!/usr/bin/env bash
# Several instances behind nginx on one PostgreSQL, under a newsroom's mixed load (bench/ClusterLoad.java):
#   1. throughput with 1, 2 and 3 instances behind the proxy (SCALE seconds each);
#   2. the long run: 3 instances for SECONDS, one of them restarted (SIGTERM, start again) in the middle, with
#      the guarantees checked at the end (no double claim, no lost update, no 5xx outside the restart, every
#      publish on every instance's feed within BOUND seconds) and soak samples (RSS, connections, table sizes).
# nginx runs with docs/nginx-newsdesk.conf (the operations guide's configuration), ports moved to 185xx.
# The instances use a fresh database on the machine's PostgreSQL (NEWSDESK_BENCH_PG, default
# "-h 127.0.0.1 -p 5432 -U postgres"), dropped at the end. Needs nginx (Debian nginx-light) and psql.
#
#   bench/cluster.sh [seconds=600] [scale-seconds=60] [bound-seconds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
scale=${2:-60}
bound=${3:-5}
pg=${NEWSDESK_BENCH_PG:--h 127.0.0.1 -p 5432 -U postgres}
password=bench-admin-password
for tool in nginx psql createdb dropdb curl ss; do
    command -v "$tool" >/dev/null || { echo "$tool is missing"; exit 2; }
done
[ -f target/newsdesk.jar ] || ./mvnw -q -B package -DskipTests
source bench/ops.sh

database=newsdesk_cluster_$$
# shellcheck disable=SC2086
createdb $pg "$database"
host=$(echo "$pg" | sed -n 's/.*-h \([^ ]*\).*/\1/p'); port=$(echo "$pg" | sed -n 's/.*-p \([^ ]*\).*/\1/p')
user=$(echo "$pg" | sed -n 's/.*-U \([^ ]*\).*/\1/p')
jdbc="jdbc:postgresql://$host:$port/$database?user=$user"
nginx_pid=""
finish() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    cleanup
    # shellcheck disable=SC2086
    dropdb $pg --if-exists --force "$database" || true
}
trap finish EXIT

instance_env=(NEWSDESK_DB_URL="$jdbc" NEWSDESK_HTTP_TRUSTED_PROXIES=127.0.0.1 NEWSDESK_DB_POOL_SIZE=16
              NEWSDESK_PUBLIC_URL=http://127.0.0.1:18510 NEWSDESK_LOGIN_ADDRESS_MAX_FAILURES=100000)
for i in 1 2 3; do
    start "instance$i" "1851$i" "${instance_env[@]}"
    listening=$(ss -ltnpH | grep "pid=$(cat "$work/instance$i.pid")," | awk '{print $4}' | sort -u | tr '\n' ' ')
    echo "instance $i (pid $(cat "$work/instance$i.pid")) listens on: $listening"
    [ "$(echo "$listening" | wc -w)" = 1 ] || { echo "instance $i listens on more than its HTTP port"; exit 1; }
done
# The restart in the middle of the long run, in a child bash (start/stop are exported by ops.sh).
restart="stop instance2 && start instance2 18512 $(printf '%q ' "${instance_env[@]}")"

# run_nginx N: nginx in front of the first N instances, from the guide's configuration
run_nginx() {
    [ -n "$nginx_pid" ] && { kill "$nginx_pid"; while kill -0 "$nginx_pid" 2>/dev/null; do sleep 0.1; done; }
    mkdir -p "$work/nginx"
    sed -e 's/127.0.0.1:8080/127.0.0.1:18510/' -e 's/127.0.0.1:808\([1-3]\)/127.0.0.1:1851\1/' docs/nginx-newsdesk.conf \
        | awk -v n="$1" '/server 127.0.0.1:1851[1-3]/ { split($2, a, ":"); if (substr(a[2], 5, 1) + 0 > n) next } { print }' \
        > "$work/nginx/newsdesk.conf"
    cat > "$work/nginx/nginx.conf" <<CONF
user $(id -un);
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    include $work/nginx/newsdesk.conf;
}
CONF
    nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
    nginx_pid=$!
    for _ in $(seq 1 50); do curl -sf -o /dev/null http://127.0.0.1:18510/health/live && return 0; sleep 0.1; done
    echo "nginx did not start"; cat "$work/nginx/error.log"; exit 1
}

load() { # load N SECONDS [RESTART]
    local urls pids_files
    urls=$(seq -s, -f 'http://127.0.0.1:1851%g' 1 "$1")
    pids_files=$(seq -s, -f "$work/instance%g.pid" 1 "$1")
    java -cp "$(ls target/lib/postgresql-*.jar)" bench/ClusterLoad.java http://127.0.0.1:18510 "$password" "$jdbc" \
        "$2" "$urls" "$pids_files" "$bound" ${3:+"$3"}
}

echo
echo "== throughput per instance count, $scale s each =="
for n in 1 2 3; do
    run_nginx "$n"
    load "$n" "$scale" > "$work/scale$n.txt" || true
    echo "$n instance(s): $(grep '^operations' "$work/scale$n.txt"); $(grep '^RESULT' "$work/scale$n.txt")"
done

echo
echo "== $seconds s on 3 instances, one restarted in the middle =="
run_nginx 3
load 3 "$seconds" "$restart"
