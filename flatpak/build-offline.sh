#!/bin/bash
# Builds Chronoscope's Flatpak bundle with no Flathub, installs it for a scratch user and runs
# it in the sandbox under Xvfb, in English and in Chinese, checking what a user would see.
#
#   1. a local runtime and SDK made of Debian 13 packages (build-runtime.sh), cached in
#      $CHRONOSCOPE_FLATPAK_CACHE/<hash of runtime-packages and build-runtime.sh>
#   2. a manifest generated from the real one, io.github.chronoscope.Chronoscope.json:
#      the local runtime instead of GNOME's, this checkout instead of the git tag, all the
#      tests instead of the unit tests
#   3. flatpak-builder (the manifest's "run-tests" runs the test suite inside the SDK)
#   4. a .flatpak bundle, installed for a scratch user next to the local Platform
#   5. the app run in the sandbox: window, translations, help, built-in timeline, screenshots
#
# Usage: flatpak/build-offline.sh [--out DIR] [--keep]
#   --out DIR   where the bundle, the logs and the screenshots go
#               (default: flatpak/.cache/out in this checkout)
#   --keep      keep the scratch directory (build dir, scratch home) for inspection
#
# Needs root (debootstrap); installs its own host tools with apt when they are missing.
# Exits non-zero with a message naming the failed step.
set -euo pipefail

app_id=io.github.chronoscope.Chronoscope
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
real_manifest="$here/$app_id.json"
cache_root=${CHRONOSCOPE_FLATPAK_CACHE:-/var/cache/chronoscope-flatpak}
out="$here/.cache/out"
keep=no

while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --out=*) out=${1#--out=}; shift ;;
    --keep) keep=yes; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-offline: unknown argument: $1" >&2; exit 2 ;;
  esac
done

start=$SECONDS
step_start=$SECONDS
step_name=
fail () {
  echo "build-offline: FAILED in step '${step_name:-setup}': $*" >&2
  exit 1
}
step () {
  if [ -n "$step_name" ]; then
    echo "build-offline: [$((SECONDS - step_start))s] $step_name: done"
  fi
  step_name=$1
  step_start=$SECONDS
  if [ -n "$step_name" ]; then echo "build-offline: == $step_name"; fi
}
info () { echo "build-offline:    $*"; }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap builds the runtime); run it with sudo"
[ -f "$real_manifest" ] || fail "no manifest at $real_manifest"
mkdir -p "$out"
out=$(cd "$out" && pwd)

# ---------------------------------------------------------------------------------------------
step "host tools"
declare -A tool_package=(
  [flatpak]=flatpak [flatpak-builder]=flatpak-builder [debootstrap]=debootstrap
  [eu-strip]=elfutils [appstream-util]=appstream-util [Xvfb]=xvfb [xdotool]=xdotool
  [import]=imagemagick [dbus-run-session]=dbus-bin [dbus-launch]=dbus-x11
  [xwininfo]=x11-utils [python3]=python3 [flock]=util-linux
)
missing=()
for tool in "${!tool_package[@]}"; do
  command -v "$tool" >/dev/null || missing+=("${tool_package[$tool]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  info "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; } \
    || fail "apt-get install ${missing[*]} failed"
fi

# Everything below writes into a scratch home, never the real one.
scratch=$(mktemp -d "${TMPDIR:-/var/tmp}/chronoscope-flatpak.XXXXXX")
pids=()
cleanup () {
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  if [ "$keep" = yes ]; then
    echo "build-offline: scratch kept in $scratch"
  else
    rm -rf "$scratch"
  fi
}
trap cleanup EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
export XDG_CACHE_HOME="$HOME/.cache" XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset WAYLAND_DISPLAY DISPLAY DBUS_SESSION_BUS_ADDRESS LC_ALL LANGUAGE

# ---------------------------------------------------------------------------------------------
step "local runtime and SDK"
key=$(cat "$here/runtime-packages" "$here/build-runtime.sh" | sha256sum | cut -c1-16)
cache="$cache_root/$key"
mkdir -p "$cache_root"
exec 9>"$cache_root/lock"
flock 9 || fail "cannot lock $cache_root/lock"
if [ -d "$cache/repo" ]; then
  info "cached: $cache"
else
  # One runtime per machine is enough: drop those made from an older package list.
  find "$cache_root" -mindepth 1 -maxdepth 1 -type d ! -name "$key" -exec rm -rf --one-file-system {} +
  info "not cached yet: building $cache (several minutes, once per package list)"
  "$here/build-runtime.sh" "$cache" || fail "building the runtime failed"
fi
# A fixed path for install-bundle.sh, whatever the key.
ln -sfn "$key" "$cache_root/current"
branch=$(cat "$cache/branch" 2>/dev/null) || fail "$cache has no branch file: delete it and run again"
info "local.debian.Platform//$branch"
# The installation flatpak-builder builds against (Sdk and Platform) lives with the cache.
export FLATPAK_USER_DIR="$cache/builder"
if ! flatpak --user info "local.debian.Sdk//$branch" >/dev/null 2>&1 \
   || ! flatpak --user info "local.debian.Platform//$branch" >/dev/null 2>&1; then
  flatpak --user remote-add --if-not-exists --no-gpg-verify local-debian "file://$cache/repo"
  flatpak --user install -y --noninteractive local-debian \
    "local.debian.Sdk//$branch" "local.debian.Platform//$branch" >/dev/null \
    || fail "installing the local Sdk for flatpak-builder failed"
fi
# Other runs may build at the same time from here on; a run that replaces the runtime waits
# for them to finish.
flock -s 9 || fail "cannot share the lock on $cache_root/lock"

# ---------------------------------------------------------------------------------------------
step "generated manifest"
manifest="$scratch/$app_id.json"
python3 - "$real_manifest" "$manifest" "$src" "$branch" <<'EOF' || fail "cannot generate the local manifest"
import json, subprocess, sys

real, generated, checkout, branch = sys.argv[1:]
with open(real) as f:
    m = json.load(f)

if m.get("separate-locales", True) is not False:
    sys.exit("the real manifest must set \"separate-locales\": false, or the bundle carries no translations")

m["runtime"] = "local.debian.Platform"
m["sdk"] = "local.debian.Sdk"
m["runtime-version"] = branch
for key in ("sdk-extensions", "base", "base-version"):
    m.pop(key, None)

# What git ignores (build trees, this script's own output) is not part of the checkout.
try:
    ignored = subprocess.run(
        ["git", "-C", checkout, "ls-files", "--others", "--ignored", "--exclude-standard", "--directory"],
        check=True, capture_output=True, text=True).stdout.split("\n")
    skip = [".git"] + [p.rstrip("/") for p in ignored if p]
except (OSError, subprocess.CalledProcessError):
    skip = [".git", "_build", "flatpak/.cache"]

app = m["modules"][-1]
if not isinstance(app, dict):
    sys.exit("the app module (the last one) must be written inline")
app["sources"] = [{"type": "dir", "path": checkout, "skip": skip}]
# The GNOME SDK runs the unit tests only; the local SDK has Xvfb, xdotool and pyatspi, so
# the widget, end-to-end and validation tests run there too, on GTK 4.18.
opts = app.get("config-opts", [])
if "-Dtests=unit" not in opts:
    sys.exit("the app module's config-opts must have -Dtests=unit")
app["config-opts"] = ["-Dtests=all" if o == "-Dtests=unit" else o for o in opts]

for module in m["modules"]:
    if not isinstance(module, dict):
        continue
    for source in module.get("sources", []):
        if isinstance(source, dict) and ("url" in source or "mirror-urls" in source):
            sys.exit("module %s downloads %s: there is no network here"
                     % (module.get("name"), source.get("url")))

with open(generated, "w") as f:
    json.dump(m, f, indent=2)
EOF
info "$manifest"
cp "$manifest" "$out/$app_id.local.json"

# ---------------------------------------------------------------------------------------------
step "flatpak-builder (builds, installs and runs the tests in the SDK)"
# The build directory is kept so that the tests' own log outlives a failure: flatpak-builder
# shows only what "ninja test" printed, not why a test failed.
if ! flatpak-builder --user --disable-rofiles-fuse --force-clean --disable-updates --keep-build-dirs \
       --state-dir="$scratch/state" --repo="$scratch/apprepo" \
       "$scratch/build" "$manifest" >"$out/flatpak-builder.log" 2>&1; then
  tail -n 60 "$out/flatpak-builder.log" >&2
  testlog=$(find "$scratch/state/build" -path '*/meson-logs/testlog.txt' 2>/dev/null | head -n 1)
  if [ -n "$testlog" ]; then
    cp "$testlog" "$out/testlog.txt"
    echo "build-offline: the tests that failed in the SDK, from $out/testlog.txt:" >&2
    # A section per test, between rulers; those whose result is not a pass or a skip.
    awk '/^=+( [0-9]+\/[0-9]+ =+)?$/ { if (bad) printf "%s", section; section = ""; bad = 0 }
         /^result: / && $0 !~ /exit status (0|77)$/ { bad = 1 }
         { section = section $0 "\n" }
         END { if (bad) printf "%s", section }' "$testlog" >&2
  fi
  fail "flatpak-builder failed (whole log: $out/flatpak-builder.log)"
fi
grep -E '^(Ok|Fail|Expected Fail|Unexpected Pass|Skipped|Timeout): ' "$out/flatpak-builder.log" \
  | sed 's/^/build-offline:    tests in the SDK: /' || true

# ---------------------------------------------------------------------------------------------
step "bundle"
bundle="$out/chronoscope.flatpak"
flatpak build-bundle "$scratch/apprepo" "$bundle" "$app_id" >/dev/null \
  || fail "flatpak build-bundle failed"
info "$bundle ($(du -h "$bundle" | cut -f1))"

# ---------------------------------------------------------------------------------------------
step "install for a scratch user"
# A user's own installation: the Platform from the local repo, then the bundle.
export FLATPAK_USER_DIR="$scratch/user-flatpak"
install_log="$out/install.log"
: >"$install_log"
flatpak --user remote-add --no-gpg-verify local-debian "file://$cache/repo" >>"$install_log" 2>&1 \
  || fail "flatpak remote-add failed (log: $install_log)"
flatpak --user install -y --noninteractive local-debian "local.debian.Platform//$branch" >>"$install_log" 2>&1 \
  || fail "installing the Platform for the scratch user failed (log: $install_log)"
flatpak --user install -y --noninteractive --bundle "$bundle" >>"$install_log" 2>&1 \
  || fail "installing the bundle failed (log: $install_log)"
flatpak --user info "$app_id" | sed -n 's/^ *\(Ref\|Runtime\|Installed\): */\1: /p' | sed 's/^/build-offline:    /'

in_sandbox () {
  flatpak --user run --command="$1" "$app_id" "${@:2}"
}

# ---------------------------------------------------------------------------------------------
step "installed content"
# What the source ships must be in the sandbox: translations for each language in
# po/LINGUAS, the help for each language in help/, each built-in timeline in the resources.
problems=()
# The sandbox as installed: no network and no file system access (files come through the portal).
permissions=$(flatpak --user info --show-permissions "$app_id")
if grep -Eq '^(shared=.*network|filesystems=)' <<<"$permissions"; then
  problems+=("the installed app asks for more than the portal: $(tr '\n' ' ' <<<"$permissions")")
else
  info "permissions: $(grep -E '^(shared|sockets|devices)=' <<<"$permissions" | tr '\n' ' ')"
fi
# shellcheck disable=SC2013 # LINGUAS is a list of words
for lang in $(sed 's/#.*//' "$src/po/LINGUAS" 2>/dev/null); do
  mo="/app/share/locale/$lang/LC_MESSAGES/chronoscope.mo"
  if in_sandbox test -s "$mo"; then info "translation: $mo"; else problems+=("missing $mo"); fi
done
for dir in "$src"/help/*/; do
  lang=$(basename "$dir")
  [ -f "$dir/index.page" ] || [ -f "$dir/$lang.po" ] || continue
  page="/app/share/help/$lang/chronoscope/index.page"
  if in_sandbox test -s "$page"; then info "help: $page"; else problems+=("missing $page"); fi
done
# The stack it runs on, from inside the sandbox: this runtime's GTK, libadwaita and GLib.
version=$(in_sandbox chronoscope --version 2>&1) || problems+=("chronoscope --version failed: $version")
info "chronoscope --version in the sandbox: $(tr '\n' ' ' <<<"$version")"
printf '%s\n' "$version" >"$out/version.txt"
grep -q '^GTK 4\.' <<<"$version" && grep -q '^libadwaita 1\.' <<<"$version" \
  || problems+=("chronoscope --version does not name the GTK and libadwaita it runs on: $version")
has_check=no
if in_sandbox chronoscope --help-all 2>/dev/null | grep -q -- '--check'; then
  has_check=yes
fi
for file in "$src"/data/timelines/*.chronoscope; do
  [ -e "$file" ] || continue
  uri="resource:///io/github/chronoscope/Chronoscope/timelines/$(basename "$file")"
  if [ "$has_check" = yes ]; then
    if in_sandbox chronoscope --check "$uri" >"$scratch/check.log" 2>&1; then
      info "timeline: $uri passes --check"
    else
      problems+=("chronoscope --check $uri failed: $(head -c 300 "$scratch/check.log")")
    fi
  elif in_sandbox gresource list /app/bin/chronoscope 2>/dev/null | grep -qxF "${uri#resource://}"; then
    info "timeline: ${uri#resource://} is in the binary's resources"
  else
    problems+=("$uri is not in the installed binary")
  fi
done
[ ${#problems[@]} -eq 0 ] || fail "$(printf '%s; ' "${problems[@]}")"

# ---------------------------------------------------------------------------------------------
# The title the window should take in a language: the built-in timeline's, translated when the
# po has it (the app opens on it), or the app's name while the source has no built-in timeline.
expected_title () {
  python3 - "$src" "$1" <<'EOF'
import glob, os, re, sys
import xml.etree.ElementTree as ET

src, lang = sys.argv[1:]
files = sorted(glob.glob(os.path.join(src, "data", "timelines", "*.chronoscope")))
builtin = [f for f in files if os.path.basename(f) == "alexnet-to-agi.chronoscope"] or files
title = "Chronoscope"
if builtin:
    for child in ET.parse(builtin[0]).getroot():
        if child.tag.rsplit("}", 1)[-1] == "title":
            title = " ".join(child.text.split())
            break
try:
    with open(os.path.join(src, "po", lang + ".po"), encoding="utf-8") as f:
        po = f.read()
    m = re.search(r'^msgid "%s"\nmsgstr "(.+)"$' % re.escape(title), po, re.M)
    if m:
        title = m.group(1)
except OSError:
    pass
print(title)
EOF
}

# A blank capture means nothing was drawn.
is_drawn () {
  local spread
  spread=$(convert "$1" -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
  python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > 0.01 else 1)" "$spread"
}

# Captures the window $1 (or "root") into $2 once it has drawn its frame: a window that has
# just appeared or been resized may not have painted yet, and captures blank or half drawn.
# Waits for a capture that is not blank and the same as the one half a second before.
capture () {
  local window=$1 shot=$2 what=$3 previous="$scratch/previous.png" _
  rm -f "$previous"
  sleep 1
  for _ in $(seq 40); do
    sleep 0.5
    import -window "$window" "$shot" 2>/dev/null || continue
    if is_drawn "$shot"; then
      if [ -f "$previous" ] && compare -metric AE "$shot" "$previous" null: 2>/dev/null; then
        return 0
      fi
      cp "$shot" "$previous"
    fi
  done
  # Drawn but never still (an animation): the last capture will do.
  [ -f "$previous" ] && is_drawn "$shot" && return 0
  fail "the screenshot in $what stayed blank for 20 s: $shot"
}

run_in_sandbox () {
  local tag=$1 lang=$2 shot="$out/screenshot-$1.png" log="$out/run-$1.log"
  local display_file="$scratch/display-$tag" xvfb_pid app_pid title tree found=no _
  title=$(expected_title "${lang%%.*}") || fail "cannot read the built-in timeline's title"
  # Each language as at a first start, not in the window size the previous run left.
  rm -rf "$HOME/.var/app/$app_id"

  setsid Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$display_file" 2>/dev/null &
  xvfb_pid=$!
  pids+=("$xvfb_pid")
  for _ in $(seq 100); do [ -s "$display_file" ] && break; sleep 0.1; done
  [ -s "$display_file" ] || fail "Xvfb did not start"
  DISPLAY=":$(cat "$display_file")"
  export DISPLAY

  LANG=$lang setsid dbus-run-session -- flatpak --user run "$app_id" >"$log" 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
  for _ in $(seq 60); do
    tree=$(xwininfo -root -tree 2>/dev/null || true)
    if grep -qF "\"$title\": (" <<<"$tree"; then found=yes; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 1
  done
  if [ "$found" != yes ]; then
    tail -n 30 "$log" >&2
    import -window root "$shot" 2>/dev/null || true
    fail "no window titled \"$title\" appeared in $lang; the app's windows: $(grep -i '("chronoscope"' <<<"$tree" | sed -E 's/^ +//; s/\) .*/)/' | tr '\n' ' ') (log: $log, screenshot: $shot)"
  fi
  # Xvfb puts the pointer in the middle of the screen, where it would raise a tooltip.
  xdotool mousemove 1399 899 2>/dev/null || true
  # The window, once it has drawn, then the whole screen.
  local window size width
  window=$(xdotool search --name "^$(sed 's/[][\.*^$]/\\&/g' <<<"$title")\$" | head -n 1)
  [ -n "$window" ] || fail "cannot find the window \"$title\" with xdotool"
  capture "$window" "$scratch/first-$tag.png" "$lang"
  import -window root "$shot" || fail "screenshot failed"
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited after showing its window in $lang (log: $log)"
  info "$lang: window \"$title\" is up, screenshot $shot"

  # The wide and the narrow (phone) layout: the window alone, at 1200 and 360 pixels wide.
  for size in 1200x800 360x720; do
    width=${size%x*}
    xdotool windowsize "$window" "${size%x*}" "${size#*x}" || fail "cannot resize the window to $size"
    capture "$window" "$out/screenshot-$tag-$width.png" "$lang at $size"
    info "$lang at $size: screenshot $out/screenshot-$tag-$width.png"
  done
  # The app's own complaints, not those of the portals the session bus starts around it.
  grep -E -- '-(CRITICAL|WARNING|ERROR) \*\*' "$log" | grep -v '^(/usr/libexec/' | head -n 5 \
    | sed 's/^/build-offline:    app log: /' || true

  flatpak --user kill "$app_id" 2>/dev/null || true
  kill -TERM -- "-$app_pid" 2>/dev/null || true
  kill -TERM -- "-$xvfb_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
  unset DISPLAY
}

step "run in the sandbox, English"
run_in_sandbox en en_US.UTF-8
step "run in the sandbox, Chinese"
run_in_sandbox zh_CN zh_CN.UTF-8

step "uninstall"
flatpak --user uninstall -y --noninteractive "$app_id" >>"$install_log" 2>&1 \
  || fail "uninstalling the app failed (log: $install_log)"
step ""
echo "build-offline: PASSED in $((SECONDS - start))s: bundle $bundle, screenshots $out/screenshot-*.png"
