# What every end-to-end test needs: TAP output, waiting for the app, the accessibility
# tree as a screen reader reads it, and X input and window geometry through xdotool.
# The tests import it from their own folder (Python puts a script's folder on its path).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

import pyatspi

TIMEOUT = 30

results = []


def tap(ok, name, detail=''):
    """One TAP result; a passing test's detail goes on its line, a failing one's below."""
    results.append(ok)
    print('%s %d - %s%s' % ('ok' if ok else 'not ok', len(results), name,
                            (' # ' + detail) if detail and ok else ''))
    if not ok and detail:
        for line in detail.splitlines():
            print('# ' + line)
    sys.stdout.flush()


def bail(message):
    print('Bail out! ' + message)
    sys.stdout.flush()
    sys.exit(1)


class Timeout(Exception):
    pass


def wait_for(predicate, what, timeout=TIMEOUT):
    """The first true value of predicate(), tried every 0.1 s; raises Timeout after timeout s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Exception:   # the tree changes under us while the app starts
            value = None
        if value:
            return value
        if time.monotonic() >= deadline:
            raise Timeout('timed out waiting for ' + what)
        time.sleep(0.1)


def run(main):
    """Runs a test's main(): a Timeout bails out; the exit status says whether all passed."""
    try:
        status = main()
    except Timeout as error:
        bail(str(error))
    sys.exit(status if status is not None else 0 if all(results) else 1)


def walk(node, depth=0):
    """node and everything below it, skipping what vanishes while it is read."""
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


def label_texts(root):
    found = []
    for node in walk(root):
        try:
            if node.getRole() == pyatspi.ROLE_LABEL and node.name:
                found.append(node.name)
        except Exception:
            pass
    return found


def node_text(node):
    """A node's name, or the text it shows (GTK after 4.8 leaves some labels unnamed)."""
    if node.name:
        return node.name
    try:
        return node.queryText().getText(0, -1)
    except Exception:
        return ''


def xdotool(*args, check=True):
    return subprocess.run(['xdotool'] + [str(a) for a in args], check=check,
                          capture_output=True, text=True).stdout


def window_geometry(window_id):
    """(x, y, width, height) of an X window on the screen."""
    out = xdotool('getwindowgeometry', '--shell', window_id, check=False)
    values = dict(line.split('=', 1) for line in out.split() if '=' in line)
    return (int(values.get('X', 0)), int(values.get('Y', 0)),
            int(values.get('WIDTH', 1)), int(values.get('HEIGHT', 1)))


def x_window(*search, what='the X window'):
    """The first visible X window that `xdotool search` finds with these arguments."""
    return wait_for(lambda: xdotool('search', '--sync', '--onlyvisible', *search).split()[0], what)


def screen_rect(node, origin):
    """A node's (x, y, width, height) on the screen, given its window's origin."""
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return origin[0] + ext.x, origin[1] + ext.y, ext.width, ext.height


def click_node(node, origin):
    x, y, w, h = screen_rect(node, origin)
    xdotool('mousemove', x + w // 2, y + h // 2)
    xdotool('click', '1')


def app_env(lang=None, localedir=None):
    """The environment to start the app in: on the accessibility bus, in English (the C
    locale) or, given a language such as zh_CN, in that language from localedir."""
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env['GTK_A11Y'] = 'atspi'
    if lang is None:
        env['LC_ALL'] = 'C.UTF-8'
        env['LANGUAGE'] = 'en'
    else:
        env.pop('LC_ALL', None)
        env.pop('LC_MESSAGES', None)
        env['LANG'] = lang + '.UTF-8'
        env['LANGUAGE'] = lang
    if localedir:
        env['CHRONOSCOPE_LOCALEDIR'] = localedir
    return env


def accessibility_desktop():
    """The accessibility desktop, once the bus and its registry are up: ask for it before
    starting the app, so that the app finds them."""
    desktop = wait_for(lambda: pyatspi.Registry.getDesktop(0), 'the accessibility registry')
    wait_for(lambda: desktop.childCount >= 0 and desktop.name is not None, 'the accessibility desktop')
    return desktop


def find_app(desktop):
    def app():
        for i in range(desktop.childCount):
            node = desktop.getChildAtIndex(i)
            if node is not None and 'chronoscope' in (node.name or '').lower():
                return node
        return None
    return wait_for(app, 'the application on the accessibility bus')


def find_frame(app, matches, what):
    """The app's window whose title matches."""
    return wait_for(lambda: find(app, lambda n: n.getRole() == pyatspi.ROLE_FRAME and matches(n.name or '')),
                    what)


def find_view(frame, matches=lambda name: 'timeline' in name.lower()):
    """The timeline view: the tall node named after the timeline (not its label)."""
    return wait_for(lambda: find(frame, lambda n: n.getRole() != pyatspi.ROLE_LABEL
                                 and matches(n.name or '')
                                 and n.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height > 100),
                    'the timeline view')


def find_span_label(frame):
    return wait_for(lambda: find(frame, lambda n: n.getRole() == pyatspi.ROLE_LABEL
                                 and n.description == 'The span of time the timeline shows'
                                 and n.name),
                    'the visible-span label')


def stop(proc):
    """Ends the app if it still runs."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
