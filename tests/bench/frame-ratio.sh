#!/bin/bash
# tests/bench/frame-ratio.sh [ROUNDS] [ZOOMS]
#
# frame(1M) / frame(1k) at the same zoom, in ROUNDS rounds (default 12) of both sizes in
# turn, each size in a process of its own (a size that follows another in one process
# lies elsewhere in memory, which changes its frames), timed by CPU time over 2,000
# frames. One round's ratio moves with the machine by a tenth or more, so the rounds'
# median is the figure; each round's line comes first. A program that prints figures;
# it asserts nothing.
#
# BUILDDIR (default _build-release) is the build to run; configure one with
#   meson setup _build-release --buildtype=release
set -euo pipefail

rounds=${1:-12}
zooms=${2:-decade,year}
bench=${BUILDDIR:-_build-release}/tests/bench/chronoscope-bench

frame_medians () {
  "$bench" --cpu --only=frame --zooms="$zooms" --sizes="$1" --frames=2000 --tsv 2>/dev/null |
    awk '$1 ~ /^frame-/ && $1 != "frame-bitmaps" { print $1, $3 }'
}

results=$(mktemp)
trap 'rm -f "$results"' EXIT

printf '%-6s %-14s %9s %9s %7s\n' round figure "1k ms" "1M ms" ratio
for round in $(seq "$rounds"); do
  join <(frame_medians 1000 | sort) <(frame_medians 1000000 | sort) |
    awk -v round="$round" '{ printf "%-6s %-14s %9.3f %9.3f %7.2f\n", round, $1, $2, $3, $3 / $2 }' |
    tee -a "$results"
done

echo
printf '%-14s %7s %7s %7s  (%s rounds)\n' figure min median max "$rounds"
awk '{ print $2, $5 }' "$results" | sort -k1,1 -k2,2n |
  awk '{ ratios[$1] = ratios[$1] " " $2; n[$1]++ }
       END {
         for (name in ratios) {
           split (substr (ratios[name], 2), r, " ")
           count = n[name]
           median = count % 2 ? r[(count + 1) / 2] : (r[count / 2] + r[count / 2 + 1]) / 2
           printf "%-14s %7.2f %7.2f %7.2f\n", name, r[1], median, r[count]
         }
       }' | sort
