#!/bin/bash
# Runs each libFuzzer program of a fuzzing build for SECONDS (default 60) in turn, starting
# from the seed corpora, and prints each one's coverage and run count. Exits non-zero when
# a fuzzer found something: the input is then in BUILDDIR/tests/fuzz/artifacts/NAME/, to be
# fixed and copied into tests/fuzz/regressions/NAME/ so that test-fuzz-regressions keeps it.
# FUZZ_SEED fixes libFuzzer's random seed, for the same inputs run after run on the same
# machine (.ci/run); without it, each run tries others.
#
#   [FUZZ_SEED=N] tests/fuzz/run-fuzzers.sh [-j JOBS] BUILDDIR [SECONDS] [NAME…]
set -uo pipefail

jobs=1
if [ "${1:-}" = "-j" ]; then jobs=$2; shift 2; fi
builddir=${1:?usage: $0 [-j JOBS] BUILDDIR [SECONDS] [NAME…]}
seconds=${2:-60}
shift 2 2>/dev/null || shift $#
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(native timelinejs csv thetimelineproj date roundtrip)

src=$(cd "$(dirname "$0")/../.." && pwd)
fuzzdir=$builddir/tests/fuzz
# UBSan stops at the first finding, so that libFuzzer records it; leaks count too.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$src/tests/sanitizers/lsan.supp:print_suppressions=0
export G_DEBUG=gc-friendly LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory

seeds () {
  case $1 in
    native) echo "$src/tests/data/"*.chronoscope "$src/data/timelines/"*.chronoscope ;;
    timelinejs) echo "$src/tests/data/"*.json "$src/tests/fuzz/seeds/timelinejs/"* ;;
    csv) echo "$src/tests/data/"*.csv "$src/tests/fuzz/seeds/csv/"* ;;
    thetimelineproj) echo "$src/tests/data/"*.timeline ;;
    date) echo "$src/tests/fuzz/seeds/date/"* ;;
    roundtrip) echo "$src/tests/data/"*.chronoscope "$src/tests/data/"*.json "$src/tests/data/"*.csv \
                 "$src/tests/data/"*.timeline "$src/tests/fuzz/seeds/timelinejs/"* "$src/tests/fuzz/seeds/csv/"* ;;
  esac
  [ -d "$src/tests/fuzz/regressions/$1" ] && echo "$src/tests/fuzz/regressions/$1/"*
}

status=0
for name in "${names[@]}"; do
  program=$fuzzdir/fuzz-$name
  if [ ! -x "$program" ]; then
    echo "run-fuzzers: $program is not built (meson setup with -Dfuzzing=true)" >&2
    exit 1
  fi
  corpus=$fuzzdir/corpus/$name
  artifacts=$fuzzdir/artifacts/$name/
  mkdir -p "$corpus" "$artifacts"
  # shellcheck disable=SC2046
  cp -n $(seeds "$name") "$corpus/" 2>/dev/null
  dict=()
  case $name in roundtrip | thetimelineproj) d=native ;; *) d=$name ;; esac
  [ -f "$src/tests/fuzz/$d.dict" ] && dict=(-dict="$src/tests/fuzz/$d.dict")
  log=$fuzzdir/fuzz-$name.log
  echo "# fuzz-$name: ${seconds}s, corpus $corpus"
  "$program" "${dict[@]}" -seed="${FUZZ_SEED:-0}" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    $( [ "$jobs" -gt 1 ] && echo -jobs="$jobs" -workers="$jobs" ) -artifact_prefix="$artifacts" -print_final_stats=1 \
    "$corpus" > "$log" 2>&1
  rc=$?
  if [ "$jobs" -gt 1 ]; then cat fuzz-*.log >> "$log" 2>/dev/null; rm -f fuzz-*.log; fi
  grep -E "^#[0-9]+[[:space:]]+(DONE|INITED)" "$log" | tail -1
  grep -E 'stat::number_of_executed_units' "$log" | tail -1
  if [ $rc -ne 0 ] || grep -qE '^==[0-9]+==ERROR|runtime error:|deadly signal' "$log"; then
    echo "not ok - fuzz-$name found a problem (exit $rc); see $log and $artifacts" >&2
    grep -E 'ERROR|runtime error|SUMMARY|ERROR:' "$log" | head -5 >&2
    status=1
  else
    echo "ok - fuzz-$name"
  fi
done
exit $status
