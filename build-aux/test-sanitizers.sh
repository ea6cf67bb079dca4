#!/bin/bash
# The sanitizer runs of .ci/run, each in its own build directory next to _build:
#   build-aux/test-sanitizers.sh            the whole test suite built with AddressSanitizer
#                                           and UndefinedBehaviorSanitizer, leaks checked
#                                           (_build-asan; prints meson's summary)
#   build-aux/test-sanitizers.sh --fuzz [SECONDS]
#                                           each libFuzzer program for SECONDS (default 60),
#                                           built with clang (_build-fuzz)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

setup () {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" > /dev/null
  else
    meson setup "$dir" "$@" > /dev/null
  fi
}

if [ "${1:-}" = "--fuzz" ]; then
  CC=clang setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false || exit 1
  ninja -C _build-fuzz tests/fuzz/fuzz-native tests/fuzz/fuzz-timelinejs tests/fuzz/fuzz-csv \
    tests/fuzz/fuzz-thetimelineproj tests/fuzz/fuzz-date tests/fuzz/fuzz-roundtrip || exit 1
  exec tests/fuzz/run-fuzzers.sh _build-fuzz "${2:-60}"
fi

setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false || exit 1
ninja -C _build-asan || exit 1
# The sanitizers' options are in tests/meson.build, so a plain `meson test -C _build-asan`
# behaves the same.
meson test -C _build-asan --print-errorlogs --num-processes 2
