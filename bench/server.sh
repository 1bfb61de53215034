# Sourced by the benchmarks: start_server PORT [ENV=VALUE…] starts target/newsdesk.jar (or $BENCH_JAR) on
# 127.0.0.1:PORT with a throw-away embedded PostgreSQL in $data, or the database in NEWSDESK_DB_URL when set
# (Hazelcast and phone-home are always off), waits until /health/ready answers, and stops it and removes $data
# when the script exits. Sets $pgport (embedded PostgreSQL only). $BENCH_JAVA_OPTS go to the server's JVM (e.g.
# BENCH_JAVA_OPTS='-XX:StartFlightRecording=settings=profile,filename=/tmp/server.jfr' to profile it).
password=bench-admin-password

start_server() {
    local port=$1
    shift
    local jar=${BENCH_JAR:-target/newsdesk.jar}
    [ -f "$jar" ] || ./mvnw -q -B package -DskipTests
    data=$(mktemp -d)
    env NEWSDESK_HTTP_PORT="$port" NEWSDESK_DATA_DIR="$data" NEWSDESK_ADMIN_PASSWORD="$password" "$@" \
        java ${BENCH_JAVA_OPTS:-} -jar "$jar" > "$data/server.log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
    for _ in $(seq 1 360); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ] && break
        sleep 0.5
    done
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ] \
        || { echo "the server did not start in 180 s:"; tail -20 "$data/server.log"; exit 1; }
    pgport=$(sed -n 4p "$data/postgres/postmaster.pid" 2>/dev/null || true)
}
