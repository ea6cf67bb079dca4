#!/bin/bash
# Builds a local Flatpak runtime and SDK (local.debian.Platform and local.debian.Sdk, branch 13)
# from the Debian 13 (trixie) packages listed in runtime-packages, into the OSTree repo
# DEST/repo, and writes the branch to DEST/branch.
#
# Used by build-offline.sh where Flathub (and so the GNOME runtime) cannot be reached.
# Needs root (debootstrap, chroot). The mirror is the one this machine's apt already uses.
#
# Usage: build-runtime.sh DEST
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dest=${1:?usage: build-runtime.sh DEST}
arch=$(flatpak --default-arch)
suite=trixie
branch=13

die () { echo "build-runtime: error: $*" >&2; exit 1; }
log () { echo "build-runtime: $*" >&2; }

[ "$(id -u)" = 0 ] || die "debootstrap needs root"

# debootstrap mounts /proc and /sys (and may bind /dev) into the rootfs and leaves them
# there when it fails: unmount before deleting, and never delete across file systems.
unmount_under () {
  local dir mnt
  dir=$(realpath -m "$1")
  awk '{ print $2 }' /proc/mounts | { grep -E "^$dir(/|$)" || true; } | sort -r | while read -r mnt; do
    umount -l "$mnt" 2>/dev/null || true
  done || true
}
remove_tree () {
  [ -e "$1" ] || return 0
  unmount_under "$1"
  rm -rf --one-file-system "$1"
}

# The first Debian archive named in apt's sources (deb822 or one-line format).
debian_mirror () {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] || continue
    awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -e "$f" ] || continue
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }' "$f"
  done
}
mirror=$(debian_mirror | grep -v -- '-security' | head -n1 || true)
[ -n "$mirror" ] || die "no Debian mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d"

packages=$(grep -v '^[[:space:]]*#' "$here/runtime-packages" | tr -s ' \n' '\n' | grep . | paste -sd, -)

work="$dest.tmp"
remove_tree "$work"
mkdir -p "$work"
trap 'unmount_under "$work"' EXIT
rootfs="$work/rootfs"
rt="$work/runtime"

log "debootstrap $suite ($(echo "$packages" | tr ',' '\n' | wc -l) packages and their dependencies)"
if ! debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" \
     >"$work/debootstrap.log" 2>&1; then
  tail -n 30 "$work/debootstrap.log" >&2
  [ -f "$rootfs/debootstrap/debootstrap.log" ] && tail -n 30 "$rootfs/debootstrap/debootstrap.log" >&2
  die "debootstrap failed (log: $work/debootstrap.log)"
fi

# debootstrap does not resolve virtual dependencies; let apt finish the job if needed.
if ! chroot "$rootfs" apt-get check >/dev/null 2>&1; then
  log "completing dependencies with apt-get -f install"
  chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get -y -f install >>"$work/debootstrap.log" 2>&1 \
    || die "apt-get -f install in the rootfs failed (log: $work/debootstrap.log)"
fi

log "generating locales"
sed -i -E 's/^# *(en_US\.UTF-8 UTF-8|zh_CN\.UTF-8 UTF-8)/\1/' "$rootfs/etc/locale.gen"
chroot "$rootfs" locale-gen >/dev/null

log "assembling the runtime tree"
mkdir -p "$rt/files"
cp -a "$rootfs/usr" "$rt/usr"
cp -a "$rootfs/etc" "$rt/usr/etc"
rm -f "$rt/usr/etc/resolv.conf" "$rt/usr/etc/hostname" "$rt/usr/etc/hosts" \
      "$rt/usr/etc/machine-id" "$rt/usr/etc/localtime" "$rt/usr/etc/timezone"
# flatpak only builds the sandbox's ld cache when the runtime has bin/ldconfig.
cp -a "$rootfs/usr/sbin/ldconfig" "$rt/usr/bin/ldconfig"
cat >"$rt/usr/etc/ld.so.conf" <<EOF
/app/lib
/app/lib/$(chroot "$rootfs" gcc -print-multiarch)
include /etc/ld.so.conf.d/*.conf
EOF
# In the sandbox /var/cache is the app's cache dir, which fontconfig would then load twice.
sed -i '\|<cachedir>/var/cache/fontconfig</cachedir>|d' "$rt/usr/etc/fonts/fonts.conf"
chmod -R u-s,g-s "$rt/usr"

for kind in Sdk Platform; do
  cat >"$work/metadata.$kind" <<EOF
[Runtime]
name=local.debian.$kind
runtime=local.debian.Platform/$arch/$branch
sdk=local.debian.Sdk/$arch/$branch
EOF
done
cp "$work/metadata.Sdk" "$rt/metadata"

log "exporting local.debian.Sdk and local.debian.Platform"
flatpak build-export --runtime --no-update-summary "$work/repo" "$rt" "$branch" >/dev/null
flatpak build-export --runtime --no-update-summary --metadata="$work/metadata.Platform" \
  "$work/repo" "$rt" "$branch" >/dev/null
flatpak build-update-repo "$work/repo" >/dev/null

# Only the repo is kept: the rootfs and the tree are several GB.
remove_tree "$dest"
mkdir -p "$dest"
mv "$work/repo" "$dest/repo"
echo "$branch" >"$dest/branch"
cp "$work/debootstrap.log" "$dest/debootstrap.log"
remove_tree "$work"
log "runtime ready in $dest/repo"
