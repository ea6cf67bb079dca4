#!/bin/sh
# Runs a test under its own Xvfb server and session bus, so widget tests need no desktop.
set -eu
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"${TMPDIR:-/tmp}/chrono-display.$$" 2>/dev/null &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -f "${TMPDIR:-/tmp}/chrono-display.$$"' EXIT INT TERM
for _ in $(seq 100); do
  [ -s "${TMPDIR:-/tmp}/chrono-display.$$" ] && break
  sleep 0.05
done
DISPLAY=":$(cat "${TMPDIR:-/tmp}/chrono-display.$$")"
export DISPLAY
unset WAYLAND_DISPLAY
GDK_BACKEND=x11
GSK_RENDERER=cairo
export GDK_BACKEND GSK_RENDERER
exec dbus-run-session -- "$@"
