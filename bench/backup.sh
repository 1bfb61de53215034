#!/usr/bin/env bash
# Backup and restore, as docs/operations.md describes them, tried end to end:
#   1. a server on a throw-away embedded PostgreSQL gets real data through the API (accounts, a story
#      published in uk, translation tasks, a glossary edit, audit events, outbox rows);
#   2. pg_dump -Fc of its database while it keeps running;
#   3. pg_restore into a new, empty database (on the same embedded cluster, as on a new host);
#   4. a second server starts on the restored database and must: accept the old admin password and the
#      editor's password, list the story in its feed and on the site API, and take new work (a second
#      story published: sequences and Flyway's history came back too).
# Prints each check and exits non-zero if one fails. Needs pg_dump/pg_restore 15+ (Debian postgresql-client),
# curl and jq.
#
#   bench/backup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18491}
restored_port=$((port + 1))
password=bench-admin-password
for tool in pg_dump pg_restore createdb jq curl; do
    command -v "$tool" >/dev/null || { echo "$tool is missing"; exit 2; }
done
[ -f target/newsdesk.jar ] || ./mvnw -q -B package -DskipTests

source bench/ops.sh

echo "1. a server with data"
start original "$port"
base="http://127.0.0.1:$port"
pgport=$(sed -n 4p "$work/original/postgres/postmaster.pid")
admin=$(token "$base" admin "$password")
curl -sf -X POST "$base/api/accounts" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"username":"editor","displayName":"Ірина","password":"editor passphrase 1","roles":["EDITOR"],"languages":["uk"]}' >/dev/null
editor=$(token "$base" editor "editor passphrase 1")
slug=$(publish_story "$base" "$editor" "Київ готується до зими")
check "the story is in the original's feed" in_feed "$base" "$slug"

echo "2. pg_dump while it runs"
pg_dump -Fc -h 127.0.0.1 -p "$pgport" -U postgres -f "$work/newsdesk.dump" postgres
echo "  dump: $(du -h "$work/newsdesk.dump" | cut -f1)"

echo "3. pg_restore into an empty database"
createdb -h 127.0.0.1 -p "$pgport" -U postgres restored
pg_restore --no-owner --exit-on-error -h 127.0.0.1 -p "$pgport" -U postgres -d restored "$work/newsdesk.dump"

echo "4. a server on the restored database"
start restored "$restored_port" NEWSDESK_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/restored?user=postgres"
copy="http://127.0.0.1:$restored_port"
check "the admin signs in with the old password" token "$copy" admin "$password"
editor2=$(token "$copy" editor "editor passphrase 1")
check "the editor signs in with the old password" test -n "$editor2"
check "the story is in the restored feed" in_feed "$copy" "$slug"
check "the story is on the restored site API" curl -sf "$copy/public/uk/articles/$slug"
check "its translation tasks are open" sh -c "curl -sf '$copy/api/tasks?state=OPEN' -H 'Authorization: Bearer $editor2' | grep -q '\"language\":\"en\"'"
slug2=$(publish_story "$copy" "$editor2" "Другий день після відновлення")
check "new work is accepted and published" in_feed "$copy" "$slug2"
check "the restored database holds both stories" test "$(psql -h 127.0.0.1 -p "$pgport" -U postgres -d restored -tAc 'select count(*) from articles')" = 2

if [ "$failures" = 0 ]; then echo "backup and restore: all checks passed"; else echo "backup and restore: $failures checks FAILED"; exit 1; fi
