#!/bin/sh
# Apertium with faults on demand, for tests. Called as apertium is: <script> -u <mode>, the text on stdin.
# Text with a marker misbehaves; any other text goes to the real apertium.
text=$(cat)
case "$text" in
    *HANG*) sleep 31.7 ;;
    *CRASH*) echo "terminate called after throwing an instance of 'std::bad_alloc'" >&2; kill -ABRT $$ ;;
    *GARBAGE*) printf '\377\376\001garbage' ;;
    *SILENT*) ;;
    *) printf '%s\n' "$text" | exec apertium "$@" ;;
esac
