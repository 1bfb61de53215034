#!/usr/bin/env bash
# Builds the trivial WAR (one JAX-RS GET) into $1 with javac and jar against the JAX-RS API jar Maven
# already downloaded for the main build; it is not part of the Maven build.
set -euo pipefail
out=$1
here=$(cd "$(dirname "$0")" && pwd)
api=$(ls ~/.m2/repository/jakarta/ws/rs/jakarta.ws.rs-api/3.1.0/jakarta.ws.rs-api-3.1.0.jar)
work=$(mktemp -d)
mkdir -p "$work/WEB-INF/classes"
javac --release 17 -cp "$api" -d "$work/WEB-INF/classes" "$here"/src/trivial/*.java
(cd "$work" && jar --create --file "$out" WEB-INF)
rm -rf "$work"
