#!/usr/bin/env bash
# Faults under load, each checked: one server on its embedded PostgreSQL runs the newsroom's mixed load
# (bench/ClusterLoad.java, straight to the server) while a fault strikes in the middle of the run:
#   pg-restart    its PostgreSQL stopped (fast shutdown); the server's watchdog starts it again; /health/ready
#                 must go DOWN while the database is away and UP again, without restarting the server
#   pg-terminate  every one of the server's database connections killed with pg_terminate_backend
#   kill-9        the server killed with SIGKILL mid-load (publishing, claiming, relaying the outbox) and
#                 started again on the same data folder
# After each: no task claimed twice, no lost update, every publish accepted (2xx) is on the feed within the
# bound, 5xx and connection errors only inside the fault's window (counted).
# Then the disk-full fault (needs root for a size-limited tmpfs; 400 MB, as Payara unpacks ~100 MB of runtime into the data folder): the data folder fills up; writes must fail
# with a 503 problem, never a half-written row, /health/ready must say DOWN or the server keeps answering, and
# once space is freed the server takes writes again without a restart.
#
#   bench/faults.sh [seconds-per-fault=60] [bound-seconds=5]
#   FAULTS="kill_9 disk_full" bench/faults.sh …   runs only those (default: pg_restart pg_terminate kill_9 disk_full)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bound=${2:-5}
password=bench-admin-password
http=18521
pgport=18529
[ -f target/newsdesk.jar ] || ./mvnw -q -B package -DskipTests
command -v jq >/dev/null || { echo "jq is missing"; exit 2; }
source bench/ops.sh

server_env=(NEWSDESK_EMBEDDED_DB_PORT=$pgport NEWSDESK_PUBLIC_URL=http://127.0.0.1:$http NEWSDESK_LOGIN_ADDRESS_MAX_FAILURES=100000)
# A PostgreSQL started again by the pg_restart fault is no child of the server: stop it at the end too.
trap 'pkill -f -- "-D $work/server/postgres" || true; cleanup' EXIT
start server "$http" "${server_env[@]}"
jdbc="jdbc:postgresql://127.0.0.1:$pgport/postgres?user=postgres"

# Faults run in a child bash: start/stop come from ops.sh; these helpers are exported too.
health_seen() { # health_seen CODE: /health/ready answers CODE within about 30 s
    for _ in $(seq 1 60); do
        [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/health/ready")" = "$1" ] && return 0
        sleep 0.2
    done
    return 1
}
pg_restart() {
    # PostgreSQL stopped under the server (fast shutdown, as an operator or a failover does). The server's
    # watchdog starts the embedded PostgreSQL again on the same data folder and port; nobody restarts the server.
    local pgdata="$work/server/postgres" pid
    pid=$(head -n 1 "$pgdata/postmaster.pid")
    kill -INT "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    echo "fault: PostgreSQL stopped (fast shutdown)"
    # The watchdog may have PostgreSQL back before a readiness check gives up waiting for a connection
    # (newsdesk.db.connect.timeout.seconds): then the outage was too short to show, which is no failure.
    if health_seen 503; then echo "fault: /health/ready DOWN while PostgreSQL is stopped"; else echo "fault: /health/ready never showed DOWN (PostgreSQL back within the readiness check's connection wait)"; fi
    if curl -s -m 5 -o /dev/null "http://127.0.0.1:$http/health/live" && health_seen 200; then
        echo "fault: /health/ready UP again (PostgreSQL pid $(head -n 1 "$pgdata/postmaster.pid")), no restart of the server"
    else
        echo "fault: /health/ready did not come back (FAIL)"
    fi
}
pg_terminate() {
    psql -h 127.0.0.1 -p "$pgport" -U postgres -tAc \
        "SELECT count(pg_terminate_backend(pid)) || ' server connections terminated' FROM pg_stat_activity
          WHERE application_name = 'newsdesk' AND pid <> pg_backend_pid()"
    if health_seen 200; then echo "fault: /health/ready UP"; else echo "fault: /health/ready not UP (FAIL)"; fi
}
kill_9() {
    kill -9 "$(cat "$work/server.pid")"
    rm -f "$work/server.pid"
    echo "fault: server killed with SIGKILL"
    start server "$http" "${server_env[@]}"
    echo "fault: server started again on the same data"
}
export http pgport server_env_string
server_env_string=$(printf '%q ' "${server_env[@]}")
export -f health_seen pg_restart pg_terminate kill_9

results=()
faults=${FAULTS:-pg_restart pg_terminate kill_9 disk_full}
for fault in $faults; do
    [ "$fault" = disk_full ] && continue
    echo
    echo "== $fault, $seconds s of load =="
    command="$fault"
    [ "$fault" = kill_9 ] && command="server_env=($server_env_string); kill_9"
    if java -cp "$(ls target/lib/postgresql-*.jar)" bench/ClusterLoad.java "http://127.0.0.1:$http" "$password" "$jdbc" \
        "$seconds" "http://127.0.0.1:$http" "$work/server.pid" "$bound" "$command" | tee "$work/$fault.txt"; then
        results+=("$fault: held")
    else
        results+=("$fault: FAILED")
    fi
    grep -q '(FAIL)' "$work/$fault.txt" && results[-1]="$fault: FAILED (health)"
done

echo
echo "== disk full =="
if [[ " $faults " != *" disk_full "* ]]; then
    results+=("disk-full: not asked for")
elif [ "$(id -u)" = 0 ] && mkdir -p "$work/small" && mount -t tmpfs -o size=400m tmpfs "$work/small" 2>/dev/null; then
    # The full server is stopped before its folder is unmounted (unmounted first, its PostgreSQL outlived it).
    trap '[ -f "$work/full.pid" ] && stop full; pkill -f -- "-D $work/small/data/postgres" || true; umount -l "$work/small" 2>/dev/null || true; pkill -f -- "-D $work/server/postgres" || true; cleanup' EXIT
    full_http=18522
    full_env=(NEWSDESK_DATA_DIR="$work/small/data" NEWSDESK_EMBEDDED_DB_PORT=18528)
    start full "$full_http" "${full_env[@]}"
    base="http://127.0.0.1:$full_http"
    admin=$(token "$base" admin "$password")
    curl -sf -X POST "$base/api/accounts" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d '{"username":"editor","displayName":"Ірина","password":"editor passphrase 1","roles":["EDITOR"],"languages":["uk"]}' >/dev/null
    editor=$(token "$base" editor "editor passphrase 1")
    before=$(publish_story "$base" "$editor" "Перед тим як диск заповнився")
    dd if=/dev/zero of="$work/small/filler" bs=1M 2>/dev/null || true
    echo "disk: $(df -h "$work/small" | tail -n 1 | awk '{print $4}') free"
    codes=$(for i in $(seq 1 10); do
        # The body goes in a file outside the full disk (400 KB is too long for an argument).
        printf '{"sourceLanguage":"uk","section":"news","byline":"Олена Коваль","title":"Повний диск %s","summary":"Коротко.","body":"<p>%s</p>"}' \
            "$i" "$(head -c 300000 /dev/urandom | base64 -w0)" > "$work/full-story.json"
        curl -s -o "$work/full-answer.json" -w '%{http_code} %{content_type}\n' -X POST "$base/api/articles" \
            -H "Authorization: Bearer $editor" -H 'Content-Type: application/json' --data-binary @"$work/full-story.json"
    done | tee "$work/full-codes.txt" | sort | uniq -c | tr '\n' ';')
    echo "writes while the disk is full: $codes"
    # A valid story each time (a 400 KB body, so PostgreSQL must write WAL): refused with a 503 problem (the
    # server's condition, temporary, with Retry-After), or stored whole.
    check "every write while full is answered with a 503 problem or stored (no 500, no HTML, no stack trace)" \
        sh -c "grep -vqE '^(2[0-9][0-9] application/json|503 application/problem\+json)' '$work/full-codes.txt' && exit 1 || exit 0"
    echo "  last answer: $(head -c 300 "$work/full-answer.json")"
    ready=$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")
    echo "/health/ready while full: $ready"
    rm -f "$work/small/filler"
    sleep 2
    check "the server takes writes again once space is freed, without a restart" \
        sh -c "for i in \$(seq 1 60); do curl -sf -o /dev/null '$base/health/ready' && exit 0; sleep 1; done; exit 1"
    after=$(publish_story "$base" "$editor" "Після того як місце звільнилося" || echo "")
    check "a story published after the disk was freed is in the feed" in_feed "$base" "$after"
    check "the story published before the disk filled is still in the feed" in_feed "$base" "$before"
    check "no half-written article: every article has its source edition" test "$(psql -h 127.0.0.1 -p 18528 -U postgres -tAc \
        'select count(*) from articles a where not exists (select 1 from editions e where e.article_id = a.id)')" = 0
    results+=("disk-full: $([ "$failures" = 0 ] && echo held || echo FAILED)")
    stop full
else
    results+=("disk-full: skipped (needs root to mount a size-limited tmpfs)")
fi

echo
echo "== summary =="
printf '%s\n' "${results[@]}"
printf '%s\n' "${results[@]}" | grep -q FAILED && exit 1 || exit 0
