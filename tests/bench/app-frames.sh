#!/bin/bash
# tests/bench/app-frames.sh DISPLAY [N …]
#
# The real app under an X display (an Xvfb is started on DISPLAY when none answers there):
# for each N (default 1000 100000 1000000) a generated native file is opened, the time
# from exec to the app's first timeline frame is taken (STARTS times, default 5), then
# ten wheel zooms in, ten out, a few drags, a long pan and resizes of the window are
# driven with xdotool, and the frame times the app itself reports (CHRONO_DEBUG=frames:
# layout and draw of each frame) are summed up per phase, with the app's resident
# memory. A program that prints figures; it asserts nothing.
#
# BUILDDIR (default _build-release) is the build to run; configure one with
#   meson setup _build-release --buildtype=release
set -euo pipefail

display=${1:?usage: app-frames.sh DISPLAY [N …]}
shift
sizes=("$@")
[ $# -gt 0 ] || sizes=(1000 100000 1000000)
builddir=${BUILDDIR:-_build-release}
# How many times the app is started on each file, for the start's figures.
STARTS=${STARTS:-5}
app=$builddir/src/chronoscope
bench=$builddir/tests/bench/chronoscope-bench
work=$(mktemp -d)
xvfb_pid=
app_pid=

cleanup () {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export DISPLAY=$display
if ! xdpyinfo >/dev/null 2>&1; then
  Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
fi

export GDK_BACKEND=x11 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory CHRONO_DEBUG=frames
# The renderer tells when its caches of titles and bitmaps are full (on standard output).
export G_MESSAGES_DEBUG=chrono-renderer
export GSETTINGS_SCHEMA_DIR=$builddir/data CHRONOSCOPE_LOCALEDIR=$builddir/po
# An empty data directory: no autosaved work from other runs, so no recovery question
# over the window to catch the input.
export XDG_DATA_HOME=$work/data

# Starts the app on FILE, its output going to LOG, and waits for the first frame with at
# least half of N events: sets app_pid, and first to the milliseconds since exec. The
# output is read line by line as it comes, through a pipe: a program started every few
# milliseconds to look into a file would take from the app the CPU time it loads with
# (a third of a second of the million events' start).
start_app () {
  local n=$1 file=$2 log=$3 begin line
  rm -f "$work/output"
  mkfifo "$work/output"
  begin=$EPOCHREALTIME
  "$app" "$file" >"$work/output" 2>&1 &
  app_pid=$!
  exec 3<"$work/output"
  first=
  while IFS= read -r -t 60 line <&3; do
    printf '%s\n' "$line" >>"$log"
    # The first frame of this timeline: the built-in one may be shown while it loads.
    if [[ $line == *"first frame"* && $line =~ ([0-9]+)" events in view" ]] && (( BASH_REMATCH[1] >= n / 2 )); then
      first=$(( (${EPOCHREALTIME/./} - ${begin/./}) / 1000 ))
      break
    fi
  done
  cat <&3 >>"$log" &
  exec 3<&-
  [ -n "$first" ] || { echo "app-frames.sh: no first frame for $n events" >&2; exit 1; }
}

# Count, median, p95 and maximum of the numbers on standard input, one per line.
stats () {
  sort -g |
    awk '{ v[NR] = $1 } END {
           if (NR == 0) { printf "%6s %8s %8s %8s", 0, "-", "-", "-"; exit }
           printf "%6d %8.2f %8.2f %8.2f", NR, v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.999)], v[NR] }'
}

# The same of the "layout + draw" times of the frame lines in a log part.
summarize () {
  sed -n 's/^frame [0-9]*: layout \([0-9.]*\) ms[^,]*, draw \([0-9.]*\) ms.*/\1 \2/p' |
    awk '{ print $1 + $2 }' | stats
}

# COUNT drags along the axis's tick labels from X, twenty steps of STEP pixels each, then
# a rest of PAUSE seconds.
drag () {
  local count=$1 x=$2 step=$3 pause=$4
  for _ in $(seq "$count"); do
    xdotool mousemove --window "$win" "$x" 410
    xdotool mousedown 1
    for i in $(seq 20); do xdotool mousemove --window "$win" $((x + i * step)) 410; sleep 0.02; done
    xdotool mouseup 1
    sleep "$pause"
  done
}

# Every file is written, and on the disk, before any is timed: a million events' file
# written just before the app starts would still be flushed while the app reads it.
for n in "${sizes[@]}"; do
  "$bench" --sizes="$n" --write-native="$work/events-$n.chronoscope"
done
sync

printf '%-9s %-7s %6s %8s %8s %8s %9s\n' events phase frames "med ms" "p95 ms" "max ms" "RSS MiB"
for n in "${sizes[@]}"; do
  file=$work/events-$n.chronoscope
  log=$work/frames-$n.log

  # Starts before the one driven below, each ended at its first frame: one start is
  # too few to tell the app from the machine.
  starts=()
  for _ in $(seq $((STARTS - 1))); do
    start_app "$n" "$file" "$log"
    starts+=("$first")
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  done
  : >"$log"
  start_app "$n" "$file" "$log"
  starts+=("$first")
  win=$(xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | head -n 1)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900
  sleep 2
  rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
  printf '%-9s %-7s %s %9s\n' "$n" start "$(printf '%s\n' "${starts[@]}" | stats)" "$rss"

  # The timeline is the widest area in the middle of the window.
  xdotool mousemove --window "$win" 700 330
  mark=$(wc -l <"$log")
  for _ in $(seq 10); do xdotool click 4; sleep 0.15; done
  sleep 1
  for _ in $(seq 10); do xdotool click 5; sleep 0.15; done
  sleep 1
  printf '%-9s %-7s %s\n' "$n" zoom "$(tail -n +"$((mark + 1))" "$log" | summarize)"

  # Drags pan a view zoomed in (the whole timeline has nowhere to pan to), and start on
  # the axis's tick labels: a drag that starts on an event moves the event.
  for _ in $(seq 5); do xdotool click 4; sleep 0.15; done
  sleep 1
  mark=$(wc -l <"$log")
  drag 3 700 15 0.3
  sleep 1
  printf '%-9s %-7s %s\n' "$n" drag "$(tail -n +"$((mark + 1))" "$log" | summarize)"

  # A long pan the same way, zoomed in further, towards the later events: titles new to
  # the view in every frame, thousands of them, more than the renderer keeps.
  xdotool mousemove --window "$win" 700 330
  for _ in $(seq 8); do xdotool click 4; sleep 0.15; done
  sleep 1
  mark=$(wc -l <"$log")
  drag 60 1100 -40 0.2
  sleep 1
  printf '%-9s %-7s %s %s\n' "$n" pan "$(tail -n +"$((mark + 1))" "$log" | summarize)" \
    "($(tail -n +"$((mark + 1))" "$log" | grep -c 'Titles full\|Bitmaps full' || true) times the renderer's caches were full)"

  # Narrower and back, a step at a time: each size is laid out anew.
  mark=$(wc -l <"$log")
  for width in 1300 1200 1100 1000 900 800 900 1000 1100 1200 1300 1400; do
    xdotool windowsize "$win" "$width" 900
    sleep 0.25
  done
  sleep 1
  rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
  printf '%-9s %-7s %s %9s\n' "$n" resize "$(tail -n +"$((mark + 1))" "$log" | summarize)" "$rss"

  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
done
