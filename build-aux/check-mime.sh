#!/bin/sh
# check-mime.sh MIME-XML
# Compiles the shared-mime-info entry into a scratch database and checks that it gives
# *.chronoscope files and Chronoscope's XML namespace the timeline type.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/packages"
cp "$1" "$tmp/packages/"
update-mime-database "$tmp"
type=application/x-chronoscope-timeline
grep -qx "[0-9]*:$type:\*\.chronoscope" "$tmp/globs2" || { echo "no *.chronoscope glob for $type" >&2; exit 1; }
grep -q "^https://chronoscope.github.io/ns/timeline/1 timeline $type\$" "$tmp/XMLnamespaces" || { echo "no XML namespace rule for $type" >&2; exit 1; }
grep -q "^$type\$" "$tmp/types" || { echo "$type not in the database" >&2; exit 1; }
echo "$1: ok"
