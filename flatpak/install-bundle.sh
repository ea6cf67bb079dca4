#!/bin/sh
# Installs the bundle that build-offline.sh made for the current user, together with the local
# Debian runtime it runs on (a bundle does not carry its runtime).
#
# Usage: flatpak/install-bundle.sh [BUNDLE]
#   BUNDLE defaults to flatpak/.cache/out/chronoscope.flatpak
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bundle=${1:-$here/.cache/out/chronoscope.flatpak}
cache=${CHRONOSCOPE_FLATPAK_CACHE:-/var/cache/chronoscope-flatpak}/current
repo=$cache/repo

die () { echo "install-bundle: error: $*" >&2; exit 1; }

[ -f "$bundle" ] || die "no bundle at $bundle: build it first with 'sudo flatpak/build-offline.sh'"
[ -d "$repo" ] || die "no local runtime at $repo: build it first with 'sudo flatpak/build-offline.sh'"

branch=$(cat "$cache/branch")
flatpak --user remote-add --if-not-exists --no-gpg-verify local-debian "file://$repo"
flatpak --user remote-modify --url="file://$repo" local-debian
flatpak --user install -y --noninteractive --or-update local-debian "local.debian.Platform//$branch"
flatpak --user install -y --noninteractive --reinstall --bundle "$bundle"
echo "install-bundle: installed; start it with: flatpak run io.github.chronoscope.Chronoscope"
