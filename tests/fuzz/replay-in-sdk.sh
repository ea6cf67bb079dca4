#!/bin/bash
# Replays what the fuzzers learned (a fuzzing build's corpus, by default
# _build-fuzz/tests/fuzz/corpus) through their checks built in the local Debian 13 SDK:
# GLib 2.84 and json-glib 1.10, as in the Flatpak. The fuzzers run on Debian 12's
# libraries, and a newer one can fail where the older did not: json-glib 1.10 aborted on
# a TimelineJS file holding two documents, which 1.6 reads.
#
#   tests/fuzz/replay-in-sdk.sh [CORPUS]
#
# CORPUS must be inside this checkout, which is all the SDK sees. Needs what
# flatpak/sdk-run.sh needs: root, and flatpak/build-offline.sh run once. Builds in
# _build-sdk (unit tests only when it makes the directory).
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
corpus=$(realpath "${1:-_build-fuzz/tests/fuzz/corpus}")

case "$corpus/" in
  "$src"/*) ;;
  *) echo "replay-in-sdk: $corpus is outside $src, where the SDK cannot see it" >&2; exit 1 ;;
esac
[ -d "$corpus" ] || { echo "replay-in-sdk: no corpus at $corpus: run tests/fuzz/run-fuzzers.sh first" >&2; exit 1; }

[ -f _build-sdk/build.ninja ] || flatpak/sdk-run.sh meson setup _build-sdk -Dtests=unit > /dev/null
flatpak/sdk-run.sh ninja -C _build-sdk tests/test-fuzz-regressions > /dev/null

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
flatpak/sdk-run.sh env CHRONO_FUZZ_CORPUS="$corpus" G_TEST_SRCDIR="$src/tests" LC_ALL=C.UTF-8 \
  G_DEBUG=gc-friendly _build-sdk/tests/test-fuzz-regressions > "$log" 2>&1 || status=$?
echo "replay-in-sdk: $(grep -c "^# $corpus/" "$log") inputs of $corpus replayed in the SDK"
if [ "$status" -ne 0 ]; then
  echo "replay-in-sdk: FAILED; the last input and the failure:" >&2
  grep -E "^# /|ERROR|not ok|Bail" "$log" | tail -n 4 >&2
  exit 1
fi
grep -E "^ok " "$log"
