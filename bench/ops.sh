# Sourced by the operations scripts (backup.sh, upgrade.sh): start servers, count failed checks, call the API.
# Expects $password; sets $work (removed at exit) and stops every server it started when the script exits.
# The functions are exported, so a child bash (a restart command) can use them.
work=$(mktemp -d)
cleanup() {
    for pidfile in "$work"/*.pid; do [ -f "$pidfile" ] && stop "$(basename "$pidfile" .pid)"; done
    rm -rf "$work"
}
trap cleanup EXIT

# start NAME PORT [ENV=VALUE…]: starts $jar (default target/newsdesk.jar) with its data in $work/NAME (its pid in
# $work/NAME.pid) and waits for /health/ready; the same NAME again reuses that data folder (an upgrade, a restart).
start() {
    local name=$1 http=$2
    shift 2
    mkdir -p "$work/$name"
    env NEWSDESK_HTTP_PORT="$http" NEWSDESK_DATA_DIR="$work/$name" NEWSDESK_ADMIN_PASSWORD="$password" \
        NEWSDESK_OUTBOX_INTERVAL_MILLIS=100 "$@" java -jar "${jar:-target/newsdesk.jar}" >> "$work/$name.log" 2>&1 &
    echo $! > "$work/$name.pid"
    for _ in $(seq 1 600); do  # up to 5 min: a busy 2-core machine starts slowly
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/health/ready")" = 200 ] && return 0
        kill -0 "$(cat "$work/$name.pid")" 2>/dev/null || break  # it gave up (the log says why)
        sleep 0.5
    done
    echo "$name did not become ready; its log:"; tail -n 30 "$work/$name.log"; exit 1
}

# stop NAME: SIGTERM, as an operator stops a server, and wait until it has exited
stop() {
    local pid
    pid=$(cat "$work/$1.pid")
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$work/$1.pid"
}

failures=0
check() { # check DESCRIPTION COMMAND…
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then echo "  ok    $what"; else echo "  FAIL  $what"; failures=$((failures + 1)); fi
}

token() { # token BASE USER PASSWORD
    curl -sf -X POST "$1/api/auth/tokens" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$2\",\"password\":\"$3\",\"name\":\"backup-bench\"}" | jq -r .token
}

publish_story() { # publish_story BASE TOKEN TITLE → prints the slug
    local base=$1 auth="Authorization: Bearer $2" title=$3 id
    id=$(curl -sf -X POST "$base/api/articles" -H "$auth" -H 'Content-Type: application/json' \
        -d "{\"sourceLanguage\":\"uk\",\"section\":\"news\",\"tags\":[\"kyiv\"],\"byline\":\"Олена Коваль\",
             \"title\":\"$title\",\"summary\":\"Коротко.\",\"body\":\"<p>Текст історії.</p>\"}" | jq -r .id)
    curl -sf -X POST "$base/api/articles/$id/editions/uk/publish" -H "$auth" -H 'If-Match: "1"' >/dev/null
    curl -sf -X POST "$base/api/articles/$id/translations" -H "$auth" -H 'Content-Type: application/json' \
        -d '{"languages":["en","ru"]}' >/dev/null
    curl -sf "$base/api/articles/$id/editions/uk" -H "$auth" | jq -r .slug
}

in_feed() { # in_feed BASE SLUG: the uk Atom feed links the story (within the outbox's relay interval)
    for _ in $(seq 1 50); do
        curl -sf "$1/feeds/uk/atom.xml" | grep -q "$2" && return 0
        sleep 0.2
    done
    return 1
}

export work password
export -f start stop
