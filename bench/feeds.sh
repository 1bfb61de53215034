#!/usr/bin/env bash
# Feed serving against the server's own ceiling and against nginx, with wrk (Debian: wrk, nginx-light).
# Starts its own server on 127.0.0.1 with a throw-away embedded PostgreSQL, fills it with published stories
# (~2 KB bodies) straight through SQL, then, at 10,000 and 100,000 stories per language (en, uk, ru):
#   requests/s of /feeds/en/atom.xml (200 and 304, plain and with Accept-Encoding: gzip) against two floors of
#   the same server, neither asking the database: /health/live (the issue's floor, Payara's health servlet)
#   and /api/ping (a do-nothing JAX-RS endpoint, the same path the feed takes); bytes per response, and nginx
#   serving the very same feed bytes (and their gzip) as static files on 127.0.0.1;
# and the single-client median latency of the feed, from memory and rendered afresh, at 1,000 vs 100,000.
# Every figure comes from this one run; the ratios are what to read (the machine is shared and noisy).
#
#   bench/feeds.sh [seconds=5] [threads=2] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
load=$(cut -d' ' -f1-3 /proc/loadavg)
seconds=${1:-5}
threads=${2:-2}
connections=${3:-32}
port=${BENCH_PORT:-18482}
nginx_port=${BENCH_NGINX_PORT:-18483}
for tool in wrk nginx psql curl; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: wrk, nginx-light, postgresql-client, curl)"; exit 2; }
done
source bench/server.sh
start_server "$port"
base="http://127.0.0.1:$port"
# start_server gives up waiting after a minute; on a loaded machine the start takes longer.
for _ in $(seq 1 480); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ] && break
    sleep 0.5
done
pgport=$(sed -n 4p "$data/postgres/postmaster.pid" 2>/dev/null || true)
[ -n "$pgport" ] || { echo "the server did not start; see $data/server.log" >&2; exit 1; }
feed="$base/feeds/en/atom.xml"
sql() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -At -c "$1"; }

# nginx: a child of this script (daemon off), killed with the server when the script exits.
static=$(mktemp -d)
mkdir -p "$static/root/feeds/en"
cat > "$static/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $static/nginx.pid;
error_log $static/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    gzip_static on;
    client_body_temp_path $static/tmp;
    proxy_temp_path $static/tmp;
    fastcgi_temp_path $static/tmp;
    uwsgi_temp_path $static/tmp;
    scgi_temp_path $static/tmp;
    types { application/atom+xml xml; }
    server {
        listen 127.0.0.1:$nginx_port;
        root $static/root;
        etag on;
    }
}
EOF
mkdir -p "$static/tmp"
nginx -p "$static" -c "$static/nginx.conf" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null || true; wait $nginx_pid 2>/dev/null || true; rm -rf "$static";
      kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT

# Published stories (source en, translations uk and ru) through SQL up to $1 per language; then the same
# NOTIFY the outbox relay sends, since feeds are served from memory until told of a change.
grow() {
    local target=$1 have
    have=$(sql "SELECT count(*) FROM articles WHERE section = 'bench'")
    [ "$have" -ge "$target" ] && return
    echo "adding $((target - have)) stories in each of en, uk, ru…" >&2
    sql "
    CREATE TEMP TABLE fresh AS SELECT gen_random_uuid() AS id, n, now() - (n || ' minutes')::interval AS at
      FROM generate_series($((have + 1)), $target) AS n;
    INSERT INTO articles (id, source_language, section, tags, byline, state, created_by, created_at, updated_at)
    SELECT id, 'en', 'bench', '{bench}', 'Bench Reporter', 'PUBLISHED',
           (SELECT id FROM accounts WHERE username = 'admin'), at, at FROM fresh;
    INSERT INTO editions (article_id, language, is_source, slug, state, current_revision, published_revision,
                          source_revision, atom_id, first_published_at, updated_at)
    SELECT id, l, l = 'en', 'bench-' || l || '-' || n, 'PUBLISHED', 1, 1, 1, 'urn:uuid:' || gen_random_uuid(), at, at
      FROM fresh, unnest(ARRAY['en', 'uk', 'ru']) AS l;
    INSERT INTO revisions (article_id, language, number, title, summary, body, author_id, created_at)
    SELECT id, l, 1, 'Bench story ' || n || ' (' || l || ')', 'A summary of story ' || n,
           '<p>First paragraph of story ' || n || ' with a <a href=\"https://example.org/' || n || '\">link</a>.</p>'
           || (SELECT string_agg('<p>' || md5(n || l || i) || ' said on day ' || i || ' that the council of '
                                 || left(md5(l || i || n), 9) || ' voted ' || (n * i) % 97 || ' to '
                                 || (n + i) % 89 || '.</p>', '') FROM generate_series(1, 20) AS i),
           (SELECT id FROM accounts WHERE username = 'admin'), at
      FROM fresh, unnest(ARRAY['en', 'uk', 'ru']) AS l;
    UPDATE publication_version SET version = version + 1;
    SELECT pg_notify('newsdesk_readers', '*');" >/dev/null
    # The bulk load's own upkeep now, not during the measurements: autovacuum of a few hundred MB of fresh
    # rows (and the checkpoint after it) otherwise runs beside the timed renders at 100,000.
    sql "VACUUM ANALYZE" >/dev/null
    sql "CHECKPOINT" >/dev/null
    sleep 1
}

# wrk's Requests/sec of one measurement.
rate() {
    wrk -t"$threads" -c"$connections" -d"${seconds}s" "$@" | awk '/^Requests\/sec/ {printf "%.0f", $2}'
}

# The median of three values.
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

# Median latency in ms of one client (wrk --latency, 50th percentile).
median_ms() {
    wrk -t1 -c1 -d2s "$@" >/dev/null
    wrk -t1 -c1 -d"${seconds}s" --latency "$@" | awk '$1 == "50%" {
        v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v);
        printf "%.3f", (unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : v) }'
}

# Median ms of the feed rendered afresh: each request follows a NOTIFY (as a publication sends); curl
# arguments (say, -H Accept-Encoding:gzip) go with each request.
afresh_ms() {
    local times=()
    for _ in $(seq 1 60); do
        sql "SELECT pg_notify('newsdesk_readers', 'en')" >/dev/null
        sleep 0.05
        times+=("$(curl -s -o /dev/null -w '%{time_total}' "$@" "$feed")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "%.2f", a[int((NR + 1) / 2)] * 1000}'
}

header_of() { curl -s -D - -o /dev/null "$@" | tr -d '\r' | awk 'tolower($1) == "etag:" {print $2}'; }
bytes_of() { curl -s -o /dev/null -w '%{size_download}' "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

grow 1000
# Warm the JIT on every path measured before anything is measured.
for warm in "$base/health/live" "$base/api/ping" "$feed" "-H Accept-Encoding:gzip $feed"; do
    wrk -t"$threads" -c"$connections" -d10s $warm >/dev/null
done
memory_1k=$(median_ms "$feed")
afresh_1k=$(afresh_ms)
afresh_gz_1k=$(afresh_ms -H 'Accept-Encoding: gzip')

report=()
for stories in 10000 100000; do
    grow "$stories"
    curl -s -o "$static/root/feeds/en/atom.xml" "$feed"
    curl -s -H 'Accept-Encoding: gzip' -o "$static/root/feeds/en/atom.xml.gz" "$feed"
    plain_tag=$(header_of "$feed")
    gzip_tag=$(header_of -H 'Accept-Encoding: gzip' "$feed")
    wrk -t"$threads" -c"$connections" -d5s "$feed" >/dev/null
    # Three rounds, each measure once per round, the median kept: load from elsewhere on the machine then
    # falls on every measure alike instead of on whichever ran at that moment.
    declare -A runs=()
    for round in 1 2 3; do
        runs[live]+=" $(rate "$base/health/live")"
        runs[ping]+=" $(rate "$base/api/ping")"
        xacts_before=$(sql "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'")
        runs[r200]+=" $(rate "$feed")"
        if [ "$round" = 1 ]; then
            # Every database transaction in those seconds (the relay, the scheduler, the listener's ping...).
            xacts=$(( $(sql "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'") - xacts_before ))
            served=$(( ${runs[r200]# } * seconds ))
        fi
        runs[r200gz]+=" $(rate -H 'Accept-Encoding: gzip' "$feed")"
        runs[r304]+=" $(rate -H "If-None-Match: $plain_tag" "$feed")"
        runs[r304gz]+=" $(rate -H 'Accept-Encoding: gzip' -H "If-None-Match: $gzip_tag" "$feed")"
        runs[ng]+=" $(rate "http://127.0.0.1:$nginx_port/feeds/en/atom.xml")"
        runs[nggz]+=" $(rate -H 'Accept-Encoding: gzip' "http://127.0.0.1:$nginx_port/feeds/en/atom.xml")"
        [ "$round" = 2 ] && listening=$(ss -ltnpH | grep "pid=$server," | awk '{print $4}' | sort -u | paste -sd' ')
    done
    live=$(median3 ${runs[live]}); ping=$(median3 ${runs[ping]}); r200=$(median3 ${runs[r200]}); r200gz=$(median3 ${runs[r200gz]})
    r304=$(median3 ${runs[r304]}); r304gz=$(median3 ${runs[r304gz]}); ng=$(median3 ${runs[ng]}); nggz=$(median3 ${runs[nggz]})
    unset runs
    plain_bytes=$(bytes_of "$feed")
    gzip_bytes=$(bytes_of -H 'Accept-Encoding: gzip' "$feed")
    same=$(cmp -s <(curl -s "$feed") "$static/root/feeds/en/atom.xml" && echo yes || echo NO)
    report+=("$(printf 'at %s stories in each of en, uk, ru (the feed: %s bytes plain, %s gzip):\n' "$stories" "$plain_bytes" "$gzip_bytes")")
    report+=("$(printf '  /health/live                 %7s req/s\n' "$live")")
    report+=("$(printf '  /api/ping                    %7s req/s\n' "$ping")")
    report+=("$(printf '  feed 200                     %7s req/s  %5s x /health/live  %5s x /api/ping  %5s x nginx\n' "$r200" "$(ratio "$r200" "$live")" "$(ratio "$r200" "$ping")" "$(ratio "$r200" "$ng")")")
    report+=("$(printf '  feed 200, gzip               %7s req/s  %5s x /health/live  %5s x /api/ping  %5s x nginx gzip\n' "$r200gz" "$(ratio "$r200gz" "$live")" "$(ratio "$r200gz" "$ping")" "$(ratio "$r200gz" "$nggz")")")
    report+=("$(printf '  feed 304                     %7s req/s  %5s x /health/live  %5s x /api/ping\n' "$r304" "$(ratio "$r304" "$live")" "$(ratio "$r304" "$ping")")")
    report+=("$(printf '  feed 304, gzip tag           %7s req/s  %5s x /health/live  %5s x /api/ping\n' "$r304gz" "$(ratio "$r304gz" "$live")" "$(ratio "$r304gz" "$ping")")")
    report+=("$(printf '  nginx, same bytes            %7s req/s\n' "$ng")")
    report+=("$(printf '  nginx, same gzip bytes       %7s req/s\n' "$nggz")")
    report+=("$(printf '  nginx file = feed bytes: %s; server JVM listens on: %s\n' "$same" "$listening")")
    report+=("$(printf '  database transactions while ~%s feeds were served (one round of feed 200): %s\n' "$served" "$xacts")")
done
memory_100k=$(median_ms "$feed")
afresh_100k=$(afresh_ms)
afresh_gz_100k=$(afresh_ms -H 'Accept-Encoding: gzip')

echo
echo "wrk -t$threads -c$connections, median of 3 rounds of ${seconds} s per measurement, $(nproc) cores, load average before: $load"
printf '%s\n' "${report[@]}"
echo "median latency of /feeds/en/atom.xml, one client:"
printf '  from memory:      %6s ms at 1,000  %6s ms at 100,000 stories  (growth %s)\n' \
    "$memory_1k" "$memory_100k" "$(ratio "$memory_100k" "$memory_1k")"
printf '  rendered afresh:  %6s ms at 1,000  %6s ms at 100,000 stories  (growth %s)\n' \
    "$afresh_1k" "$afresh_100k" "$(ratio "$afresh_100k" "$afresh_1k")"
printf '  afresh, gzip:     %6s ms at 1,000  %6s ms at 100,000 stories  (growth %s)\n' \
    "$afresh_gz_1k" "$afresh_gz_100k" "$(ratio "$afresh_gz_100k" "$afresh_gz_1k")"
