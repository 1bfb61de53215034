#!/usr/bin/env bash
# Start-up and memory against a trivial JAX-RS WAR on plain Payara Micro, side by side in one run.
#
#   bench/startup.sh [rounds=3] [stories=1000]
#
# Builds bench/trivial-war (one GET, javac + jar, not part of the Maven build) and starts it on the same
# Payara Micro jar Newsdesk uses (java -jar payara-micro.jar --nohazelcast --disablephonehome, a fresh root
# folder each start, as plain Payara Micro does). Each round, alternating: the trivial WAR, then
# `java -jar target/newsdesk.jar` restarting on one embedded PostgreSQL data folder (filled once with
# published stories). For each: seconds from process start to the first 200 (Newsdesk: /health/ready,
# which checks the database; trivial: /hello), then one request and `wrk -t2 -c32 -d10s --timeout 10s` (Newsdesk: /feeds/en/atom.xml),
# then the resident memory (RSS) of the JVM. Also the CPU seconds (user + system) the JVM had used when it
# first answered 200 (the embedded PostgreSQL's processes not counted): less disturbed by other work on the
# machine than the wall time. Prints the median ratios. The first, untimed Newsdesk start
# (initdb, migrations) is printed for information. BENCH_JAVA_OPTS adds JVM options to every server.
# A third server each round, "trivial-cdi": the same GET as a CDI bean with one injected bean. The plain trivial
# WAR has no CDI bean, so Payara never boots Weld for it; CDI is one of Newsdesk's fixed choices, so this one is
# the floor of the stack Newsdesk must run on, and Newsdesk's ratios to it are printed too.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
stories=${2:-1000}
port=${BENCH_PORT:-18483}
java_opts=${BENCH_JAVA_OPTS:-}
[ -f target/newsdesk.jar ] || ./mvnw -q -B package -DskipTests
command -v wrk >/dev/null || { echo "needs wrk (Debian package wrk)"; exit 1; }
payara=$(ls target/lib/payara-micro-*.jar)

work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
    if [ -f "$work/data/postgres/postmaster.pid" ]; then kill "$(head -1 "$work/data/postgres/postmaster.pid")" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
bench/trivial-war/build.sh "$work/trivial.war" plain
bench/trivial-war/build.sh "$work/trivial-cdi.war" cdi

now() { date +%s.%N; }
wait_200() {  # url: waits for a 200 (at most 5 minutes), fails if the server died
    for _ in $(seq 1 3000); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
        kill -0 "$server" 2>/dev/null || { cp "$log" "${TMPDIR:-/tmp}/startup-bench-failed.log"; echo "the server died; its log: ${TMPDIR:-/tmp}/startup-bench-failed.log"; exit 1; }
        sleep 0.1
    done
    echo "no 200 from $1"; exit 1
}
cpu_s() {  # pid: CPU seconds (user + system) the process has used so far, all its threads
    awk -v tck="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / tck}' "/proc/$1/stat"
}
rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
load() {  # url: wrk's requests/s, after one request (the first render of a feed, a JIT still at work)
    curl -s -o /dev/null "$1"
    wrk -t2 -c32 -d10s --timeout 10s "$1" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=; }
listening() { ss -ltnpH | grep "pid=$1," | awk '{print $4}' | tr '\n' ' '; }

start_trivial() {  # war name: trivial or trivial-cdi
    rm -rf "$work/trivial-root"
    log=$work/$1.log
    start=$(now)
    # shellcheck disable=SC2086
    java $java_opts -jar "$payara" --nohazelcast --disablephonehome --rootdir "$work/trivial-root" \
        --port "$port" --contextroot / --deploy "$work/$1.war" > "$log" 2>&1 &
    server=$!
    wait_200 "http://127.0.0.1:$port/hello"
    ready=$(echo "$(now) - $start" | bc)
    cpu=$(cpu_s "$server")
}

start_newsdesk() {
    log=$work/newsdesk.log
    start=$(now)
    # shellcheck disable=SC2086
    env NEWSDESK_HTTP_PORT="$port" NEWSDESK_DATA_DIR="$work/data" NEWSDESK_ADMIN_PASSWORD=bench-admin-password \
        java $java_opts -jar target/newsdesk.jar > "$log" 2>&1 &
    server=$!
    wait_200 "http://127.0.0.1:$port/health/ready"
    ready=$(echo "$(now) - $start" | bc)
    cpu=$(cpu_s "$server")
}

fill() {  # published stories in en, uk and ru, straight through SQL (as bench/FeedBench.java does)
    local pgport
    pgport=$(sed -n 4p "$work/data/postgres/postmaster.pid")
    psql -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE fresh AS SELECT gen_random_uuid() AS id, n, now() - (n || ' minutes')::interval AS at
  FROM generate_series(1, $stories) AS n;
INSERT INTO articles (id, source_language, section, tags, byline, state, created_by, created_at, updated_at)
  SELECT id, 'en', 'bench', '{bench}', 'Bench Reporter', 'PUBLISHED',
         (SELECT id FROM accounts WHERE username = 'admin'), at, at FROM fresh;
INSERT INTO editions (article_id, language, is_source, slug, state, current_revision, published_revision,
                      source_revision, atom_id, first_published_at, updated_at)
  SELECT id, l, l = 'en', 'bench-' || l || '-' || n, 'PUBLISHED', 1, 1, 1, 'urn:uuid:' || gen_random_uuid(), at, at
  FROM fresh, unnest(ARRAY['en', 'uk', 'ru']) AS l;
INSERT INTO revisions (article_id, language, number, title, summary, body, author_id, created_at)
  SELECT id, l, 1, 'Bench story ' || n || ' (' || l || ')', 'A summary of story ' || n,
         repeat('<p>A paragraph of story ' || n || ' with a <a href="https://example.org/' || n || '">link</a>.</p>', 20),
         (SELECT id FROM accounts WHERE username = 'admin'), at
  FROM fresh, unnest(ARRAY['en', 'uk', 'ru']) AS l;
UPDATE publication_version SET version = version + 1;
ANALYZE;
SQL
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(basename "$payara"); JVM options: ${java_opts:-none}"
start_newsdesk
fill
feed=$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' "http://127.0.0.1:$port/feeds/en/atom.xml")
printf "Newsdesk first start (initdb, migrations; untimed round): ready in %.1f s; /feeds/en/atom.xml: %s\n" "$ready" "$feed"
stop

printf "%-6s %-11s %9s %9s %10s %9s\n" round server "ready s" "CPU s" "wrk req/s" "RSS MiB"
: > "$work/ratios"
for r in $(seq 1 "$rounds"); do
    start_trivial trivial
    t_ready=$ready
    t_cpu=$cpu
    [ "$r" = 1 ] && t_ports=$(listening "$server")
    t_rate=$(load "http://127.0.0.1:$port/hello")
    t_rss=$(rss_mib "$server")
    stop
    printf "%-6s %-11s %9.1f %9s %10s %9s\n" "$r" trivial "$t_ready" "$t_cpu" "$t_rate" "$t_rss"

    start_trivial trivial-cdi
    c_ready=$ready
    c_cpu=$cpu
    c_rate=$(load "http://127.0.0.1:$port/hello")
    c_rss=$(rss_mib "$server")
    stop
    printf "%-6s %-11s %9.1f %9s %10s %9s\n" "$r" trivial-cdi "$c_ready" "$c_cpu" "$c_rate" "$c_rss"

    start_newsdesk
    n_ready=$ready
    n_cpu=$cpu
    [ "$r" = 1 ] && n_ports=$(listening "$server")
    n_rate=$(load "http://127.0.0.1:$port/feeds/en/atom.xml")
    n_rss=$(rss_mib "$server")
    stop
    printf "%-6s %-11s %9.1f %9s %10s %9s\n" "$r" newsdesk "$n_ready" "$n_cpu" "$n_rate" "$n_rss"
    echo "$(echo "scale=3; $n_ready / $t_ready" | bc) $(echo "scale=3; $n_rss / $t_rss" | bc) $(echo "scale=3; $n_cpu / $t_cpu" | bc) $(echo "scale=3; $n_ready / $c_ready" | bc) $(echo "scale=3; $n_rss / $c_rss" | bc) $(echo "scale=3; $n_cpu / $c_cpu" | bc)" >> "$work/ratios"
done
echo "listening TCP (round 1): trivial ${t_ports}; newsdesk JVM ${n_ports}"
printf "median ratio newsdesk / trivial: start %.2f (goal <= 1.3), RSS after load %.2f (goal <= 1.5); CPU to ready %.2f\n" \
    "$(cut -d' ' -f1 "$work/ratios" | median)" "$(cut -d' ' -f2 "$work/ratios" | median)" "$(cut -d' ' -f3 "$work/ratios" | median)"
printf "median ratio newsdesk / trivial-cdi (the stack's floor, Weld on): start %.2f, RSS after load %.2f; CPU to ready %.2f\n" \
    "$(cut -d' ' -f4 "$work/ratios" | median)" "$(cut -d' ' -f5 "$work/ratios" | median)" "$(cut -d' ' -f6 "$work/ratios" | median)"
