#!/usr/bin/python3
# End-to-end: what a keyboard and screen-reader user and a narrow window meet. Starts the
# real app, reads it through the accessibility bus and drives it with xdotool:
#  - every row of the event list reads as its date, title and category (not its type);
#  - Return on the timeline takes the keyboard to the event's details, where the date
#    is never left highlighted, and the next + zooms instead of starting a search;
#  - the timeline names the selected event;
#  - one resize from 1100 to 360 px makes a Chinese window that narrow at once;
#  - a double click on a row of the folded sidebar closes it cleanly;
#  - nothing is warned about on the way.
#
# Usage: test-keyboard-narrow.py CHRONOSCOPE-BINARY LOCALEDIR
# Runs under tests/with-display.sh (Xvfb + a session bus). Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import sys
import tempfile
import time

import pyatspi

from e2e_util import (Timeout, accessibility_desktop, app_env, find, find_app, find_frame,
                      find_span_label, find_view, run, stop, tap, wait_for, walk,
                      window_geometry, x_window, xdotool)


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
    print('1..9')

    desktop = accessibility_desktop()
    log = tempfile.TemporaryFile(mode='w+')
    app_proc = subprocess.Popen([binary], env=app_env(), stderr=log)

    try:
        app = find_app(desktop)
        frame = find_frame(app, lambda title: 'AlexNet' in title, 'the window with the built-in timeline')
        window_id = x_window('--name', 'AlexNet')
        xdotool('windowmove', window_id, 0, 0)
        xdotool('windowsize', window_id, 1400, 900)
        time.sleep(1.5)
        wx, wy, _, _ = window_geometry(window_id)

        # Screen readers: each row of the list is named by what it shows.
        rows = wait_for(lambda: (lambda r: r if len(r) >= 5 else None)(event_rows(frame)), 'the event rows')
        unnamed = [labels for name, labels in rows if not name.startswith('%s, %s' % (labels[0], labels[1]))]
        typed = find(frame, lambda n: n.name == 'ChronoEventRow')
        tap(not unnamed and typed is None, 'each event row reads as its date, title and category',
            'first: %r' % rows[0][0] if not unnamed else 'unnamed rows: %r' % unnamed[:5])

        event_pane = wait_for(lambda: find(frame, lambda n: n.name == 'Event Details'), 'the event pane')
        span_label = find_span_label(frame)
        count_label = wait_for(lambda: find(frame, lambda n: n.getRole() == pyatspi.ROLE_LABEL
                                            and (n.name or '').endswith(' events')),
                               'the event count')
        view = find_view(frame, lambda name: name.startswith('Timeline'))
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

        def span_after(key):
            before = span_label.name
            xdotool('key', key)
            try:
                return before, wait_for(lambda: span_label.name if span_label.name != before else None,
                                        'the span to change after ' + key, timeout=10)
            except Timeout:
                return before, None

        count = count_label.name
        before, after = span_after('plus')
        time.sleep(0.5)
        tap(after is not None, 'then + zooms the timeline', '%s → %s' % (before, after))
        tap(count_label.name == count, '+ does not start a search that hides the events',
            '%r, then %r' % (count, count_label.name))

        before, after = span_after('minus')
        tap(after is not None and count_label.name == count, 'and - zooms out',
            '%s → %s' % (before, after))

    finally:
        stop(app_proc)

    # Narrow, in Chinese, whose wider sidebar made the unfolded window need 551 px: one
    # resize from 1100 to 360 px must fold it and make it that narrow, not stop at 551.
    env = app_env('zh_CN', localedir)
    env['GTK_A11Y'] = 'none'
    app_proc = subprocess.Popen([binary], env=env, stderr=log)
    try:
        window_id = x_window('--class', 'chronoscope', what='the Chinese window')
        xdotool('windowmove', window_id, 0, 0)
        xdotool('windowsize', window_id, 1100, 720)
        wait_for(lambda: window_geometry(window_id)[2] == 1100, 'the window at 1100 px', timeout=10)
        time.sleep(1.5)
        xdotool('windowsize', window_id, 360, 720)
        time.sleep(2.0)
        width = window_geometry(window_id)[2]
        tap(width <= 370, 'one resize from 1100 to 360 px makes the window narrow at once', '%d px' % width)

        # Folded, choosing a row closes the sidebar over the content. A double click's second
        # press, held until the sidebar is gone, must not end on a widget that went away
        # (GTK 4.18 warned of "broken accounting of active state").
        xdotool('key', 'F9')
        time.sleep(1.0)
        xdotool('mousemove', 150, 330, 'click', '1', 'sleep', '0.06', 'mousedown', '1', 'sleep', '1', 'mouseup', '1')
        time.sleep(0.5)
        log.seek(0)
        broken = [line for line in log.read().splitlines() if 'active state' in line]
        tap(not broken, 'a double click held on a row of the folded sidebar ends where it began',
            '\n'.join(broken[:3]))
    finally:
        stop(app_proc)

    log.seek(0)
    # In the Flatpak SDK's test run the sandboxed app finds no Flatpak portal on the test's bus.
    warnings = [line for line in log.read().splitlines()
                if ('Gtk-WARNING' in line or 'Gtk-CRITICAL' in line or 'reported min width' in line
                    or 'chrono' in line.lower() and ('WARNING' in line or 'CRITICAL' in line))
                and 'Unable to retrieve the Flatpak portal version' not in line]
    tap(not warnings, 'no GTK or Chronoscope warnings', '\n'.join(warnings[:10]))


if __name__ == '__main__':
    run(main)
