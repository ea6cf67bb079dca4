#!/bin/sh
# Runs an end-to-end test with a private runtime directory, so that the accessibility bus
# it starts (under with-display.sh's session bus) cannot collide with another test's, and
# a private data directory, so that the user's recent files do not show in its menus.
set -eu
runtime=$(mktemp -d "${TMPDIR:-/tmp}/chrono-e2e.XXXXXX")
chmod 700 "$runtime"
cleanup () {
  # A document portal started on the test's bus may have mounted itself there.
  if [ -d "$runtime/doc" ]; then fusermount -uz "$runtime/doc" 2>/dev/null || true; fi
  rm -rf "$runtime" 2>/dev/null || true
}
trap cleanup EXIT
mkdir "$runtime/data"
XDG_RUNTIME_DIR=$runtime
XDG_DATA_HOME=$runtime/data
export XDG_RUNTIME_DIR XDG_DATA_HOME
status=0
"$(dirname "$0")/../with-display.sh" "$@" || status=$?
exit "$status"
