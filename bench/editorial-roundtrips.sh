#!/usr/bin/env bash
# Round trips of one create (with an Idempotency-Key) / save (new title, then same title) / publish, counted from
# PostgreSQL's statement log: starts the server (127.0.0.1, Hazelcast and phone-home off) on a throw-away database
# of the PostgreSQL at 127.0.0.1:5432 with log_statement = all, makes each call once after one warm-up story, and
# prints the statements of each call's transaction (COMMIT included; BEGIN rides with the first statement, and
# the background pollers' transactions are left out). Needs read access to that server's log.
#
#   PG_LOG=/var/log/postgresql/postgresql-15-main.log bench/editorial-roundtrips.sh [jar]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/newsdesk.jar}
port=${BENCH_PORT:-18490}
log=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
db=roundtrips_$$
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" -c "ALTER DATABASE $db SET log_statement = 'all'"
data=$(mktemp -d)
NEWSDESK_HTTP_PORT=$port NEWSDESK_DATA_DIR=$data NEWSDESK_ADMIN_PASSWORD=bench-admin-password \
    NEWSDESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" java -jar "$jar" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data";
      psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
for _ in $(seq 1 360); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ] && break
    sleep 0.5
done
b=http://127.0.0.1:$port
token() { curl -s -XPOST $b/api/auth/tokens -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
admin=$(token admin bench-admin-password)
curl -s -o /dev/null -XPOST $b/api/accounts -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"username":"roundtrips","displayName":"Bench","password":"bench-password-1","roles":["EDITOR"]}'
editor=(-H "Authorization: Bearer $(token roundtrips bench-password-1)" -H 'Content-Type: application/json')
create() {
    curl -s -D - -o /dev/null -XPOST $b/api/articles "${editor[@]}" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
        -d '{"sourceLanguage":"uk","section":"bench","tags":["bench"],"byline":"Бенч","title":"Новина '"$1"'","summary":"Коротко","body":"<p>Абзац.</p>"}' \
        | tr -d '\r' | sed -n 's/^Location: https\?:\/\/[^/]*//p'
}
save() { curl -s -o /dev/null -XPUT "$b$1/editions/uk" "${editor[@]}" -H "If-Match: \"$2\"" \
    -d '{"title":"Новина '"$3"', оновлено","summary":"К'"$2"'","body":"<p>В'"$2"'.</p>"}'; }
publish() { curl -s -o /dev/null -XPOST "$b$1/editions/uk/publish" "${editor[@]}" -H "If-Match: \"$2\"" -d '{}'; }
warm=$(create warm-$$); save "$warm" 1 warm-$$; publish "$warm" 2
count() { # label, log line count before the call
    sleep 1.5
    tail -n +$(( $2 + 1 )) "$log" | python3 -c '
import re, sys
label, db = sys.argv[1], sys.argv[2]
entries = []
for line in sys.stdin:
    m = re.search(r"^\d{4}-\d\d-\d\d .*?\[(\d+)\] (\S+) LOG:  (statement|execute [^:]*): ?(.*)", line)
    if m:
        entries.append([m.group(1), m.group(4), m.group(2) == "postgres@" + db])
    elif re.match(r"^\d{4}-\d\d-\d\d ", line):
        entries.append([None, "", False])
    elif entries and entries[-1][0]:
        entries[-1][1] += " " + line.strip()
open_txn, done = {}, []
for pid, sql, ours in entries:
    sql = re.sub(r"\s+", " ", sql).strip()
    if not pid or not ours or sql == "":  # "": a pool check of an idle connection, not made under load
        continue
    if sql == "BEGIN":
        open_txn[pid] = []
    elif pid in open_txn:
        open_txn[pid].append(sql)
        if sql == "COMMIT":
            done.append(open_txn.pop(pid))
    else:
        done.append([sql])
pollers = ("SELECT id, topic, article_id, language FROM outbox", "SELECT e.article_id, e.language FROM editions e JOIN")
kept = [t for t in done if not t[0].startswith(pollers)
        and any(re.search(r"editions|articles|idempotency", s) and "ANY ($1::uuid" not in s for s in t)]
print(f"{label}: {sum(len(t) for t in kept)} round trips")
for t in kept:
    for s in t:
        print("    " + s[:110])
' "$1" "$db"
}
m=$(wc -l < "$log"); story=$(create 1); count "create (Idempotency-Key)" "$m"
m=$(wc -l < "$log"); save "$story" 1 1; count "save (new title)" "$m"
m=$(wc -l < "$log"); save "$story" 2 1; count "save (same title)" "$m"
m=$(wc -l < "$log"); publish "$story" 3; count "publish" "$m"
