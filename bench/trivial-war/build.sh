#!/usr/bin/env bash
# Builds a trivial WAR into $1 with javac and jar against API jars Maven already downloaded for the main build;
# it is not part of the Maven build. $2 = plain (default: one JAX-RS GET, no CDI bean) or cdi (the same GET as
# a CDI bean with one injected bean, so Weld boots).
set -euo pipefail
out=$1
variant=${2:-plain}
here=$(cd "$(dirname "$0")" && pwd)
api=$(ls ~/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar)
case $variant in
    plain) sources=("$here"/src/trivial/*.java) ;;
    cdi) sources=("$here"/src-cdi/trivialcdi/*.java) ;;
    *) echo "unknown variant $variant (plain or cdi)"; exit 2 ;;
esac
work=$(mktemp -d)
mkdir -p "$work/WEB-INF/classes"
javac --release 17 -cp "$api" -d "$work/WEB-INF/classes" "${sources[@]}"
(cd "$work" && jar --create --file "$out" WEB-INF)
rm -rf "$work"
