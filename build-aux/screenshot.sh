#!/bin/bash
# build-aux/screenshot.sh DISPLAY OUTPUT.png [LANG]
# Starts the built app on an existing X display (e.g. Xvfb), waits for its window and saves
# a screenshot of the whole screen; used to refresh data/screenshots/. With CLICK="X Y" it
# first clicks there (to select an event).
set -euo pipefail
display=$1
out=$2
lang=${3:-en_US.UTF-8}
builddir=${BUILDDIR:-_build}

export DISPLAY=$display GDK_BACKEND=x11 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory
# Data and settings of its own: no autosave or recent file of the user's shows.
home=$(mktemp -d)
export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
export CHRONOSCOPE_LOCALEDIR=$PWD/$builddir/po GSETTINGS_SCHEMA_DIR=$builddir/data LANG=$lang LANGUAGE='' LC_ALL=''
dbus-run-session -- "$builddir/src/chronoscope" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$home" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  win=$(xdotool search --sync --onlyvisible --class chronoscope 2>/dev/null | head -n 1 || true)
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "${win:-}" ] || { echo "screenshot.sh: no window appeared" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900
sleep 5
if [ -n "${CLICK:-}" ]; then
  # shellcheck disable=SC2086
  xdotool mousemove $CLICK click 1 mousemove 1399 899
  sleep 3
fi
import -window root "$out"
app_pid=$(xdotool getwindowpid "$win" 2>/dev/null || true)
if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
echo "screenshot.sh: wrote $out"
