#!/bin/sh
# check-po-complete.sh PO [PAGE...]
# Fails when PO does not compile with msgfmt -c or has fuzzy or untranslated messages, and,
# given the Mallard pages it translates, when it lacks a message that the pages have now.
set -eu
po=$1
shift
stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$po" 2>&1)
echo "$po: $stats"
case "$stats" in
  *fuzzy*|*untranslated*) echo "$po: translation incomplete" >&2; exit 1 ;;
esac
if [ $# -gt 0 ]; then
  pot=$(mktemp --suffix=.pot)
  trap 'rm -f "$pot"' EXIT
  itstool -o "$pot" "$@"
  if ! msgcmp --use-untranslated "$po" "$pot"; then
    echo "$po: out of date with the pages; run ninja help-chronoscope-update-po" >&2
    exit 1
  fi
  echo "$po: up to date with $# pages"
fi
