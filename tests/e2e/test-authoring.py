#!/usr/bin/python3
# End-to-end: open a copy of a timeline in the real app, double-click an empty place on
# the timeline with the real pointer, type a title, Enter, Ctrl+S, quit; then
# `chronoscope --check` on the file counts one more event, and the file has its title.
# The editor and the new event are found through the accessibility bus.
#
# Usage: test-authoring.py CHRONOSCOPE-BINARY TIMELINE-FILE
# Runs under tests/with-display.sh (Xvfb + a session bus). Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 30
TITLE = 'Typed on the timeline'

results = []


def tap(ok, name, detail=''):
    results.append(ok)
    print('%s %d - %s%s' % ('ok' if ok else 'not ok', len(results), name,
                            (' # ' + detail) if detail and ok else ''))
    if not ok and detail:
        for line in detail.splitlines():
            print('# ' + line)
    sys.stdout.flush()


def bail(message):
    print('Bail out! ' + message)
    sys.exit(1)


def wait_for(predicate, what, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:   # the tree changes under us while the app starts
            value = None
        if value:
            return value
        time.sleep(0.1)
    bail('timed out waiting for ' + what)


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def find(root, predicate):
    for node in walk(root):
        try:
            if predicate(node):
                return node
        except Exception:
            continue
    return None


def xdotool(*args):
    return subprocess.run(['xdotool'] + [str(a) for a in args], check=True,
                          capture_output=True, text=True).stdout


def check(binary, path):
    out = subprocess.run([binary, '--check', path], capture_output=True, text=True)
    match = re.search(r'(\d+) events?', out.stdout)
    return out.returncode, int(match.group(1)) if match else -1, out.stdout + out.stderr


def main():
    binary, source = sys.argv[1], sys.argv[2]
    print('TAP version 13')
    print('1..5')

    workdir = tempfile.mkdtemp(prefix='chrono-e2e-authoring-')
    path = os.path.join(workdir, 'notes.chronoscope')
    shutil.copy(source, path)
    status, before, output = check(binary, path)
    if status != 0 or before < 0:
        bail('the copy does not check: ' + output)

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env['GTK_A11Y'] = 'atspi'
    env['LC_ALL'] = 'C.UTF-8'
    env['LANGUAGE'] = 'en'
    env['XDG_DATA_HOME'] = os.path.join(workdir, 'data')
    desktop = wait_for(lambda: pyatspi.Registry.getDesktop(0), 'the accessibility registry')
    app_proc = subprocess.Popen([binary, path], env=env)

    try:
        def find_app():
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                if app is not None and 'chronoscope' in (app.name or '').lower():
                    return app
            return None

        app = wait_for(find_app, 'the application on the accessibility bus')
        frame = wait_for(lambda: find(app, lambda n: n.getRole() == pyatspi.ROLE_FRAME
                                      and 'sample' in (n.name or '').lower()),
                         'the window with the copy')
        view = wait_for(lambda: find(frame, lambda n: n.getRole() != pyatspi.ROLE_LABEL
                                     and 'timeline' in (n.name or '').lower()
                                     and n.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height > 100),
                        'the timeline view')
        window_id = wait_for(lambda: xdotool('search', '--onlyvisible', '--name', 'sample').split()[0],
                             'the X window')
        geometry = dict(line.strip().split(': ', 1) for line in
                        xdotool('getwindowgeometry', window_id).splitlines()[1:] if ': ' in line)
        wx, wy = (int(v) for v in geometry['Position'].split()[0].split(','))
        ext = view.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        vx, vy, vw, vh = wx + ext.x, wy + ext.y, ext.width, ext.height
        time.sleep(1.0)

        # An empty place: high in the label area, away from the labels at the left.
        xdotool('mousemove', vx + vw * 6 // 10, vy + vh // 5)
        xdotool('click', '--repeat', '2', '--delay', '80', '1')
        wait_for(lambda: '•' in (frame.name or ''), 'the title to say the timeline is modified')
        tap(True, 'a double-click on an empty place makes an event: the title marks the change', frame.name)
        entry = wait_for(lambda: find(frame, lambda n: n.getRole() in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT)
                                      and n.getState().contains(pyatspi.STATE_FOCUSED)),
                         'the title entry of the editor to have the keyboard')
        tap(True, 'and opens its editor with the title entry focused', entry.getRoleName())

        time.sleep(0.5)
        xdotool('type', '--delay', '40', TITLE)
        xdotool('key', 'Return')
        label = wait_for(lambda: find(frame, lambda n: n.name == TITLE), 'the new title on screen')
        tap(label is not None, 'Enter keeps the title, shown in the window', label.getRoleName())

        xdotool('key', 'ctrl+s')
        wait_for(lambda: '•' not in (frame.name or ''), 'the title to lose its mark after saving')
        tap(True, 'Ctrl+S saves: the mark goes', frame.name)

        xdotool('key', 'ctrl+q')
        app_proc.wait(timeout=TIMEOUT)
    finally:
        if app_proc.poll() is None:
            app_proc.kill()
            app_proc.wait()

    status, after, output = check(binary, path)
    with open(path, encoding='utf-8') as f:
        saved = f.read()
    tap(status == 0 and after == before + 1 and ('<title>%s</title>' % TITLE) in saved,
        'chronoscope --check counts one more event, with that title',
        '%d → %d events; %s' % (before, after, output.strip()))
    shutil.rmtree(workdir, ignore_errors=True)

    sys.exit(0 if all(results) else 1)


main()
