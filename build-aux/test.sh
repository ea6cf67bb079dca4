#!/bin/bash
# Installs what the tests need, builds Chronoscope in _build and runs the whole test suite.
# The last line it prints is "N passed, N failed"; it exits non-zero when anything failed.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
builddir=${BUILDDIR:-_build}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run () {
  build-aux/setup-debian.sh || return 1
  if [ -f "$builddir/build.ninja" ]; then
    meson setup --reconfigure "$builddir" || return 1
  else
    meson setup "$builddir" || return 1
  fi
  ninja -C "$builddir" || return 1
  meson test -C "$builddir" --print-errorlogs
}

run 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

summary=$(build-aux/test-summary.sh < "$log")
passed=${summary% *}
failed=${summary#* }
echo "$passed passed, $failed failed"

if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
