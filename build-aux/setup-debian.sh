#!/bin/bash
# Installs what Chronoscope needs to build, run and test on Debian 12, and generates the
# locales the tests use. Safe to run again: when everything is present it only checks.
#
#   build-aux/setup-debian.sh            build, run and test
#   build-aux/setup-debian.sh --flatpak  also what flatpak/ needs to build the bundle
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config git
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  gettext itstool yelp-tools appstream desktop-file-utils libxml2-utils
  xvfb xauth xdotool x11-utils imagemagick dbus dbus-x11 at-spi2-core
  python3 python3-gi python3-pyatspi gir1.2-atspi-2.0
  fonts-noto-cjk fonts-cantarell librsvg2-common adwaita-icon-theme hicolor-icon-theme
  shared-mime-info locales
  yelp
)
locales=(en_US.UTF-8 zh_CN.UTF-8)

for arg in "$@"; do
  case "$arg" in
    --flatpak) packages+=(flatpak flatpak-builder debootstrap elfutils appstream-util) ;;
    -h|--help) sed -n '2,7s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "setup-debian.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-debian.sh: installing ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

have_locale () {
  # locale -a spells them en_US.utf8
  locale -a 2>/dev/null | grep -qix "${1/UTF-8/utf8}"
}

need_locales=()
for l in "${locales[@]}"; do
  have_locale "$l" || need_locales+=("$l")
done

if [ ${#need_locales[@]} -gt 0 ]; then
  echo "setup-debian.sh: generating ${need_locales[*]}"
  for l in "${need_locales[@]}"; do
    if grep -q "^# *$l UTF-8" /etc/locale.gen; then
      as_root sed -i "s/^# *\($l UTF-8\)/\1/" /etc/locale.gen
    elif ! grep -q "^$l UTF-8" /etc/locale.gen; then
      echo "$l UTF-8" | as_root tee -a /etc/locale.gen >/dev/null
    fi
  done
  as_root locale-gen
fi

echo "setup-debian.sh: all dependencies present"
