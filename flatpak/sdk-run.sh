#!/bin/bash
# Runs a command inside the local Debian 13 SDK (GTK 4.18, libadwaita 1.7, GLib 2.84) that
# build-offline.sh made and cached, with this checkout mounted at the same path: a way to
# build and test on GTK 4.18 in a minute, without a flatpak-builder round trip. Keep a build
# directory of its own next to the host's _build:
#
#   sudo flatpak/sdk-run.sh meson setup _build-sdk -Dtests=all
#   sudo flatpak/sdk-run.sh meson test -C _build-sdk editing --print-errorlogs
#   sudo flatpak/sdk-run.sh bash            # a shell in the SDK
#
# Needs the cache build-offline.sh leaves ($CHRONOSCOPE_FLATPAK_CACHE, by default
# /var/cache/chronoscope-flatpak; run build-offline.sh once), and root as that does.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
cache="${CHRONOSCOPE_FLATPAK_CACHE:-/var/cache/chronoscope-flatpak}/current"

die () { echo "sdk-run: $*" >&2; exit 1; }
[ $# -gt 0 ] || die "usage: sdk-run.sh COMMAND [ARGUMENT…]"
branch=$(cat "$cache/branch" 2>/dev/null) || die "no local SDK in $cache: run flatpak/build-offline.sh first"
export FLATPAK_USER_DIR="$cache/builder"
flatpak --user info "local.debian.Sdk//$branch" >/dev/null 2>&1 \
  || die "local.debian.Sdk//$branch is not installed in $FLATPAK_USER_DIR: run flatpak/build-offline.sh"

# The SDK's tools write into a home of their own, never the caller's.
home="$here/.cache/sdk-home"
mkdir -p "$home"
case "$PWD/" in
  "$src"/*) cwd=$PWD ;;
  *) cwd=$src ;;
esac
HOME=$home exec flatpak --user run --devel --filesystem="$src" --cwd="$cwd" \
  --command="$1" "local.debian.Sdk//$branch" "${@:2}"
