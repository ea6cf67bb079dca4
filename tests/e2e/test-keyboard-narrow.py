#!/usr/bin/python3
# End-to-end: what a keyboard and screen-reader user and a narrow window meet. Starts the
# real app, reads it through the accessibility bus and drives it with xdotool:
#  - every row of the event list reads as its date, title and category (not its type);
#  - Return on the timeline takes the keyboard to the event's details, where the date
#    is never left highlighted, and the next + zooms instead of starting a search;
#  - the timeline names the selected event;
#  - one resize from 1100 to 360 px makes a Chinese window that narrow at once;
#  - nothing is warned about on the way.
#
# Usage: test-keyboard-narrow.py CHRONOSCOPE-BINARY LOCALEDIR
# Runs under tests/with-display.sh (Xvfb + a session bus). Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 30

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


class Timeout(Exception):
    pass


def wait_for(predicate, what, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:   # the tree changes under us
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise Timeout('timed out waiting for ' + what)


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


def geometry(window_id):
    fields = dict(line.strip().split(': ', 1) for line in
                  xdotool('getwindowgeometry', window_id).splitlines()[1:] if ': ' in line)
    x, y = (int(v) for v in fields['Position'].split()[0].split(','))
    w, h = (int(v) for v in fields['Geometry'].split('x'))
    return x, y, w, h


def event_rows(frame):
    rows = []
    for node in walk(frame):
        try:
            if node.getRole() == pyatspi.ROLE_LIST_ITEM and node.childCount == 1:
                row = node.getChildAtIndex(0)
                labels = [n.name for n in walk(row) if n.getRole() == pyatspi.ROLE_LABEL and n.name]
                if len(labels) == 2:
                    rows.append((row.name or '', labels))
        except Exception:
            continue
    return rows


def main():
    binary, localedir = sys.argv[1], sys.argv[2]
    print('TAP version 13')
    print('1..8')

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env['GTK_A11Y'] = 'atspi'
    env['LC_ALL'] = 'C.UTF-8'
    env['LANGUAGE'] = 'en'
    desktop = wait_for(lambda: pyatspi.Registry.getDesktop(0), 'the accessibility registry')
    wait_for(lambda: desktop.childCount >= 0 and desktop.name is not None, 'the accessibility desktop')
    log = tempfile.TemporaryFile(mode='w+')
    app_proc = subprocess.Popen([binary], env=env, stderr=log)

    try:
        def find_app():
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                if app is not None and 'chronoscope' in (app.name or '').lower():
                    return app
            return None

        app = wait_for(find_app, 'the application on the accessibility bus')
        frame = wait_for(lambda: find(app, lambda n: n.getRole() == pyatspi.ROLE_FRAME
                                      and 'AlexNet' in (n.name or '')),
                         'the window with the built-in timeline')
        window_id = wait_for(lambda: xdotool('search', '--sync', '--onlyvisible', '--name', 'AlexNet').split()[0],
                             'the X window')
        xdotool('windowmove', window_id, 0, 0)
        xdotool('windowsize', window_id, 1400, 900)
        time.sleep(1.5)
        wx, wy, _, _ = geometry(window_id)

        # Screen readers: each row of the list is named by what it shows.
        rows = wait_for(lambda: (lambda r: r if len(r) >= 5 else None)(event_rows(frame)), 'the event rows')
        unnamed = [labels for name, labels in rows if not name.startswith('%s, %s' % (labels[0], labels[1]))]
        typed = find(frame, lambda n: n.name == 'ChronoEventRow')
        tap(not unnamed and typed is None, 'each event row reads as its date, title and category',
            'first: %r' % rows[0][0] if not unnamed else 'unnamed rows: %r' % unnamed[:5])

        event_pane = wait_for(lambda: find(frame, lambda n: n.name == 'Event Details'), 'the event pane')
        span_label = wait_for(lambda: find(frame, lambda n: n.getRole() == pyatspi.ROLE_LABEL
                                           and n.description == 'The span of time the timeline shows'
                                           and n.name),
                              'the visible-span label')
        count_label = wait_for(lambda: find(frame, lambda n: n.getRole() == pyatspi.ROLE_LABEL
                                            and (n.name or '').endswith(' events')),
                               'the event count')
        view = wait_for(lambda: find(frame, lambda n: n.getRole() != pyatspi.ROLE_LABEL
                                     and (n.name or '').startswith('Timeline')
                                     and n.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height > 100),
                        'the timeline view')
        ext = view.queryComponent().getExtents(pyatspi.WINDOW_COORDS)

        # The keyboard: focus the timeline (a click on the axis selects nothing), pick the
        # first event in view with Right, and take it to the details with Return.
        xdotool('mousemove', wx + ext.x + ext.width // 2, wy + ext.y + ext.height - 4)
        xdotool('click', '1')
        time.sleep(0.5)
        xdotool('key', 'Right')
        heading = wait_for(lambda: find(event_pane, lambda n: n.getRole() == pyatspi.ROLE_HEADING and n.name),
                           'an event in the event pane')
        title = heading.name
        tap(title in (view.name or ''), 'the timeline names the selected event', view.name)

        def date_selections():
            focused = wait_for(lambda: find(event_pane, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED)),
                               'the keyboard in the event pane')
            return focused, focused.queryText().getNSelections()

        xdotool('key', 'Return')
        focused, selections = date_selections()
        # Away and back with the keyboard, then to the next event with Alt+Right.
        xdotool('key', 'Tab')
        time.sleep(0.3)
        xdotool('key', 'shift+Tab')
        time.sleep(0.3)
        _, back = date_selections()
        xdotool('key', 'alt+Right')
        time.sleep(0.3)
        _, after_next = date_selections()
        tap(selections == 0 and back == 0 and after_next == 0,
            'the keyboard reaches the event date without highlighting it',
            '%s %r; selections: after Return %d, after Tab and back %d, after Alt+Right %d'
            % (focused.getRoleName(), focused.name, selections, back, after_next))

        count = count_label.name
        before = span_label.name
        xdotool('key', 'plus')
        after = None
        try:
            after = wait_for(lambda: span_label.name if span_label.name != before else None,
                             'the span to change after +', timeout=10)
        except Timeout:
            pass
        time.sleep(0.5)
        tap(after is not None, 'then + zooms the timeline', '%s → %s' % (before, after))
        tap(count_label.name == count, '+ does not start a search that hides the events',
            '%r, then %r' % (count, count_label.name))

        before = span_label.name
        xdotool('key', 'minus')
        after = None
        try:
            after = wait_for(lambda: span_label.name if span_label.name != before else None,
                             'the span to change after -', timeout=10)
        except Timeout:
            pass
        tap(after is not None and count_label.name == count, 'and - zooms out',
            '%s → %s' % (before, after))

    finally:
        app_proc.terminate()
        try:
            app_proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_proc.kill()

    # Narrow, in Chinese, whose wider sidebar made the unfolded window need 551 px: one
    # resize from 1100 to 360 px must fold it and make it that narrow, not stop at 551.
    env = dict(env)
    env.pop('LC_ALL', None)
    env['GTK_A11Y'] = 'none'
    env['LANG'] = 'zh_CN.UTF-8'
    env['LANGUAGE'] = 'zh_CN'
    env['CHRONOSCOPE_LOCALEDIR'] = localedir
    app_proc = subprocess.Popen([binary], env=env, stderr=log)
    try:
        window_id = wait_for(lambda: xdotool('search', '--sync', '--onlyvisible', '--class', 'chronoscope').split()[0],
                             'the Chinese window')
        xdotool('windowmove', window_id, 0, 0)
        xdotool('windowsize', window_id, 1100, 720)
        wait_for(lambda: geometry(window_id)[2] == 1100, 'the window at 1100 px', timeout=10)
        time.sleep(1.5)
        xdotool('windowsize', window_id, 360, 720)
        time.sleep(2.0)
        width = geometry(window_id)[2]
        tap(width <= 370, 'one resize from 1100 to 360 px makes the window narrow at once', '%d px' % width)
    finally:
        app_proc.terminate()
        try:
            app_proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_proc.kill()

    log.seek(0)
    # In the Flatpak SDK's test run the sandboxed app finds no Flatpak portal on the test's bus.
    warnings = [line for line in log.read().splitlines()
                if ('Gtk-WARNING' in line or 'Gtk-CRITICAL' in line or 'reported min width' in line
                    or 'chrono' in line.lower() and ('WARNING' in line or 'CRITICAL' in line))
                and 'Unable to retrieve the Flatpak portal version' not in line]
    tap(not warnings, 'no GTK or Chronoscope warnings', '\n'.join(warnings[:10]))

    sys.exit(0 if all(results) else 1)


if __name__ == '__main__':
    try:
        main()
    except Timeout as error:
        bail(str(error))
