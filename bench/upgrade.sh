#!/usr/bin/env bash
# Upgrade from a previous release with data in it, as docs/operations.md describes it, tried end to end:
#   1. the previous release (a git ref, built here in a temporary worktree) starts on a fresh data folder
#      with its embedded PostgreSQL and gets real data through the API (an editor, a published uk story,
#      translation tasks);
#   2. it is stopped with SIGTERM, as an operator stops it;
#   3. this checkout's build starts on the same data folder: Flyway migrates the schema forward;
#   4. the data is all there (sign-in, feed, site API, tasks), the schema history reaches this build's newest
#      migration, and new work is accepted.
# Prints each check and exits non-zero if one fails.
#
#   bench/upgrade.sh [previous-release-ref=60555ca]
# The default is the build that landed at stop 16 (schema V20), the release before the one in this checkout.
# Releases before stop 16 cannot start their embedded PostgreSQL on a machine that has never unpacked its
# binaries (commons-lang3 too old for commons-compress, fixed at stop 16), so defff69 (V15) only runs where
# /tmp/embedded-pg already holds them.
set -euo pipefail
cd "$(dirname "$0")/.."
previous=${1:-60555ca}
port=${BENCH_PORT:-18493}
password=bench-admin-password
for tool in jq curl psql git; do
    command -v "$tool" >/dev/null || { echo "$tool is missing"; exit 2; }
done
[ -f target/newsdesk.jar ] || ./mvnw -q -B package -DskipTests

source bench/ops.sh

echo "0. building the previous release ($previous)"
git worktree add -q --detach "$work/previous-src" "$previous"
trap 'cleanup; git worktree remove --force "$work/previous-src" 2>/dev/null || true; git worktree prune' EXIT
(cd "$work/previous-src" && ./mvnw -q -B package -DskipTests > "$work/previous-build.log" 2>&1) \
    || { echo "the previous release does not build:"; tail -n 20 "$work/previous-build.log"; exit 1; }

echo "1. the previous release with data"
jar="$work/previous-src/target/newsdesk.jar" start data "$port"
base="http://127.0.0.1:$port"
admin=$(token "$base" admin "$password")
curl -sf -X POST "$base/api/accounts" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"username":"editor","displayName":"Ірина","password":"editor passphrase 1","roles":["EDITOR"],"languages":["uk"]}' >/dev/null
editor=$(token "$base" editor "editor passphrase 1")
slug=$(publish_story "$base" "$editor" "Київ готується до зими")
check "the previous release publishes the story" in_feed "$base" "$slug"
schema() { psql -h 127.0.0.1 -p "$(sed -n 4p "$work/data/postgres/postmaster.pid")" -U postgres -d postgres -tAc \
    "select count(*) || ' migrations, newest V' || max(version::int) from flyway_schema_history where success"; }
echo "  schema: $(schema)"

echo "2. stopped (SIGTERM)"
stop data

echo "3. this build on the same data folder"
start data "$port"
echo "  schema: $(schema)"
newest=$(ls db/migration | sed -n 's/^V\([0-9]*\)__.*/\1/p' | sort -n | tail -n 1)
check "the schema is migrated to this build's newest migration (V$newest)" sh -c "echo '$(schema)' | grep -q 'newest V$newest\$'"
check "the admin signs in with the old password" token "$base" admin "$password"
editor=$(token "$base" editor "editor passphrase 1")
check "the editor signs in with the old password" test -n "$editor"
check "the story is still in the feed" in_feed "$base" "$slug"
check "the story is on the site API" curl -sf "$base/public/uk/articles/$slug"
check "its translation tasks are open" sh -c "curl -sf '$base/api/tasks?state=OPEN' -H 'Authorization: Bearer $editor' | grep -q '\"language\":\"en\"'"
slug2=$(publish_story "$base" "$editor" "Перший день після оновлення")
check "new work is accepted and published" in_feed "$base" "$slug2"

if [ "$failures" = 0 ]; then echo "upgrade from $previous: all checks passed"; else echo "upgrade from $previous: $failures checks FAILED"; exit 1; fi
