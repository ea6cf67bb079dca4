#!/usr/bin/python3
# End-to-end: open a copy of a timeline in the real app, double-click an empty place on
# the timeline with the real pointer, type a title, Enter, Ctrl+S, quit; then
# `chronoscope --check` on the file counts one more event, and the file has its title;
# the copy autosave made of the change went with the save.
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

from e2e_util import (TIMEOUT, accessibility_desktop, app_env, bail, find, find_app, find_frame,
                      find_view, run, screen_rect, stop, tap, wait_for, window_geometry, x_window,
                      xdotool)

TITLE = 'Typed on the timeline'


def check(binary, path):
    out = subprocess.run([binary, '--check', path], capture_output=True, text=True)
    match = re.search(r'(\d+) events?', out.stdout)
    return out.returncode, int(match.group(1)) if match else -1, out.stdout + out.stderr


def copies(folder):
    """The unsaved work copied aside in folder (their key files)."""
    return sorted(name for name in os.listdir(folder) if name.endswith('.autosave')) if os.path.isdir(folder) else []


def main():
    binary, source = sys.argv[1], sys.argv[2]
    print('TAP version 13')
    print('1..6')

    workdir = tempfile.mkdtemp(prefix='chrono-e2e-authoring-')
    path = os.path.join(workdir, 'notes.chronoscope')
    shutil.copy(source, path)
    status, before, output = check(binary, path)
    if status != 0 or before < 0:
        bail('the copy does not check: ' + output)

    env = app_env()
    env['XDG_DATA_HOME'] = os.path.join(workdir, 'data')
    autosave = os.path.join(workdir, 'data', 'chronoscope', 'autosave')
    desktop = accessibility_desktop()
    app_proc = subprocess.Popen([binary, path], env=env)

    try:
        app = find_app(desktop)
        frame = find_frame(app, lambda title: 'sample' in title.lower(), 'the window with the copy')
        view = find_view(frame)
        wx, wy, _, _ = window_geometry(x_window('--name', 'sample'))
        vx, vy, vw, vh = screen_rect(view, (wx, wy))
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

        # The unsaved change is copied aside a few seconds after it is made.
        wait_for(lambda: copies(autosave), 'the copy of the unsaved change')
        xdotool('key', 'ctrl+s')
        wait_for(lambda: '•' not in (frame.name or ''), 'the title to lose its mark after saving')
        tap(True, 'Ctrl+S saves: the mark goes', frame.name)

        xdotool('key', 'ctrl+q')
        app_proc.wait(timeout=TIMEOUT)
    finally:
        stop(app_proc)

    # Quit at once after the save, the copy went with the save: the next start would
    # offer to recover changes that are in the file (it went only after a delay).
    tap(not copies(autosave), 'saved and quit at once: no copy is left to recover', ' '.join(copies(autosave)))

    status, after, output = check(binary, path)
    with open(path, encoding='utf-8') as f:
        saved = f.read()
    tap(status == 0 and after == before + 1 and ('<title>%s</title>' % TITLE) in saved,
        'chronoscope --check counts one more event, with that title',
        '%d → %d events; %s' % (before, after, output.strip()))
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    run(main)
