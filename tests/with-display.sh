#!/bin/sh
# Runs a test under its own Xvfb server and session bus, so widget tests need no desktop.
# The server and the bus are started here with their output sent away from the test's
# stdout (which carries TAP), and stopped when the test ends.
set -eu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/chrono-display.XXXXXX")
xvfb_pid=
bus_pid=
cleanup () {
  if [ -n "$bus_pid" ]; then kill "$bus_pid" 2>/dev/null || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
dbus-daemon --session --nofork --print-address=3 3>"$tmp/bus" >/dev/null 2>&1 &
bus_pid=$!
# A loaded machine (parallel builds) can take a while to start a server.
for _ in $(seq 600); do
  [ -s "$tmp/display" ] && [ -s "$tmp/bus" ] && break
  sleep 0.05
done
[ -s "$tmp/display" ] || { echo "with-display.sh: Xvfb did not start" >&2; exit 1; }
[ -s "$tmp/bus" ] || { echo "with-display.sh: the session bus did not start" >&2; exit 1; }

DISPLAY=":$(cat "$tmp/display")"
DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$tmp/bus")
GDK_BACKEND=x11
GSK_RENDERER=cairo
export DISPLAY DBUS_SESSION_BUS_ADDRESS GDK_BACKEND GSK_RENDERER
unset WAYLAND_DISPLAY

status=0
"$@" || status=$?
exit "$status"
