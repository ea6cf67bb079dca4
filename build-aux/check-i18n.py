#!/usr/bin/python3
# Checks that the translations keep up with the sources.
#
#   check-i18n.py potfiles SOURCE-ROOT
#       po/POTFILES.in lists every file under src/ with translatable strings, and only
#       files that exist.
#   check-i18n.py pot SOURCE-ROOT BUILD-ROOT
#       A pot regenerated from the sources with xgettext, with the arguments meson's pot
#       target uses, has no message that a po/*.po leaves untranslated, fuzzy or missing.
#   check-i18n.py help-pages SOURCE-ROOT PAGE...
#       Every help/C/*.page is among the pages the help build translates.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

# What meson's 'glib' gettext preset passes to xgettext (mesonbuild/modules/i18n.py), used
# only when the build directory's own pot command cannot be read.
GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2)\s*\(\s*(?:[A-Za-z_]+\s*,\s*)?"')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)


def potfiles_in(root):
    listed = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def has_translatable(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if path.endswith(('.ui', '.xml', '.xml.in')):
        return bool(UI_MARKER.search(text))
    return bool(C_MARKERS.search(COMMENT.sub('', text)))


def check_potfiles(root):
    listed = potfiles_in(root)
    failures = 0
    for name in listed:
        if not os.path.isfile(os.path.join(root, name)):
            print('po/POTFILES.in lists %s, which does not exist' % name)
            failures += 1
    seen = set(listed)
    if len(seen) != len(listed):
        print('po/POTFILES.in lists a file twice')
        failures += 1
    scanned = 0
    for dirpath, _, files in os.walk(os.path.join(root, 'src')):
        for name in sorted(files):
            if not name.endswith(('.c', '.h', '.ui')):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            scanned += 1
            if has_translatable(path) and rel not in seen:
                print('%s has translatable strings but po/POTFILES.in does not list it' % rel)
                failures += 1
    schemas = glob.glob(os.path.join(root, 'data', '*.gschema.xml'))
    for path in schemas:
        rel = os.path.relpath(path, root)
        with open(path, encoding='utf-8') as f:
            if 'gettext-domain' in f.read() and rel not in seen:
                print('%s has a gettext-domain but po/POTFILES.in does not list it' % rel)
                failures += 1
    # Data files merged with the translations (desktop file, metainfo, MIME type).
    for path in glob.glob(os.path.join(root, 'data', '**', '*.in'), recursive=True):
        rel = os.path.relpath(path, root)
        if rel not in seen:
            print('%s is merged with the translations but po/POTFILES.in does not list it' % rel)
            failures += 1
    print('scanned %d source files, %d listed in po/POTFILES.in' % (scanned, len(listed)))
    return failures


def meson_pot_command(build_root):
    """The --datadirs and --extra-args of the build directory's pot target."""
    try:
        with open(os.path.join(build_root, 'build.ninja'), encoding='utf-8') as f:
            ninja = f.read()
    except OSError:
        return None, None
    match = re.search(r'^build meson-internal__[^:\n]*-pot: CUSTOM_COMMAND[^\n]*\n COMMAND = ([^\n]*gettext pot[^\n]*)$',
                      ninja, re.M)
    if not match:
        return None, None
    datadirs, extra = None, None
    for arg in shlex.split(match.group(1).replace('$ ', ' ')):
        if arg.startswith('--datadirs='):
            datadirs = arg[len('--datadirs='):]
        elif arg.startswith('--extra-args='):
            extra = arg[len('--extra-args='):].split('@@')
    return datadirs, extra


def make_pot(root, build_root, out_dir):
    datadirs, extra = meson_pot_command(build_root)
    if extra is None:
        print('# the pot command was not found in %s/build.ninja; using the glib preset' % build_root)
        extra = GLIB_PRESET
        datadirs = os.path.join(root, 'data')
    env = dict(os.environ)
    if datadirs:
        env['GETTEXTDATADIRS'] = datadirs
    pot = os.path.join(out_dir, 'chronoscope.pot')
    # As meson's "gettext pot" does, but into out_dir instead of the source tree.
    command = ['xgettext', '--package-name=chronoscope', '-p', out_dir,
               '-f', os.path.join(root, 'po', 'POTFILES.in'), '-D', root, '-k_', '-o', pot] + extra
    subprocess.run(command, env=env, check=True)
    return pot


def read_ids(path):
    """(msgctxt, msgid) of every live message of a po or pot file, header left out."""
    text = subprocess.run(['msgattrib', '--no-wrap', '--no-location', '--no-obsolete', path],
                          capture_output=True, text=True, check=True).stdout
    ids = set()
    entry = {}
    field = None
    for line in text.splitlines() + ['']:
        if line.startswith('"') and field:
            entry[field] += line
            continue
        match = re.match(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
        if match:
            field = match.group(1)
            if field in ('msgctxt', 'msgid') and 'msgstr' in ''.join(entry):
                entry = {}
            if field == 'msgctxt':
                entry = {}
            entry[field] = match.group(2)
            continue
        field = None
        if not line.strip() and 'msgid' in entry:
            if entry['msgid'] != '""' or 'msgctxt' in entry:
                ids.add((entry.get('msgctxt'), entry['msgid'].replace('""', '')))
            entry = {}
    return ids


def check_pot(root, build_root):
    failures = 0
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        langs = [w for line in f if not line.startswith('#') for w in line.split()]
    with tempfile.TemporaryDirectory() as tmp:
        pot = make_pot(root, build_root, tmp)
        count = subprocess.run(['msgattrib', '--no-wrap', pot], capture_output=True, text=True,
                               check=True).stdout.count('\nmsgid ') - 1
        print('fresh pot has %d messages' % count)
        for lang in langs:
            po = os.path.join(root, 'po', lang + '.po')
            # Without --use-fuzzy or --use-untranslated, msgcmp counts a fuzzy or an
            # untranslated message in the po as missing.
            result = subprocess.run(['msgcmp', po, pot], capture_output=True, text=True)
            if result.returncode != 0:
                print('po/%s.po lacks translations of messages the sources have now:' % lang)
                print(result.stderr)
                failures += 1
            else:
                print('po/%s.po translates every message of the sources' % lang)
            # Messages the sources no longer have, but that are still live in the po,
            # mean the po was not merged with the fresh pot.
            stale = sorted(read_ids(po) - read_ids(pot))
            if stale:
                print('po/%s.po has %d messages the sources no longer have (run ninja chronoscope-update-po):'
                      % (lang, len(stale)))
                for key in stale[:20]:
                    print('  %r' % (key,))
                failures += 1
        # The pot in git is what translators start from: it must be the fresh one.
        tracked = os.path.join(root, 'po', 'chronoscope.pot')
        if os.path.exists(tracked):
            fresh_ids, tracked_ids = read_ids(pot), read_ids(tracked)
            if fresh_ids != tracked_ids:
                print('po/chronoscope.pot is out of date (%d new, %d gone); run ninja chronoscope-pot'
                      % (len(fresh_ids - tracked_ids), len(tracked_ids - fresh_ids)))
                for key in sorted(fresh_ids ^ tracked_ids)[:20]:
                    print('  %r' % (key,))
                failures += 1
            else:
                print('po/chronoscope.pot is up to date')
    return failures


def check_help_pages(root, pages):
    built = set(os.path.realpath(p) for p in pages)
    failures = 0
    present = sorted(glob.glob(os.path.join(root, 'help', 'C', '*.page')))
    for page in present:
        if os.path.realpath(page) not in built:
            print('%s is not in help/meson.build, so it is neither built nor translated'
                  % os.path.relpath(page, root))
            failures += 1
    print('%d help pages, %d built' % (len(present), len(built)))
    return failures


def main():
    command, root = sys.argv[1], sys.argv[2]
    if command == 'potfiles':
        failures = check_potfiles(root)
    elif command == 'pot':
        failures = check_pot(root, sys.argv[3])
    elif command == 'help-pages':
        failures = check_help_pages(root, sys.argv[3:])
    else:
        sys.exit('unknown command ' + command)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
