#!/usr/bin/python3
# End-to-end: move and resize an event on the timeline with the real pointer (X button
# presses and motions through xdotool, not the view's functions), cancel a drag with
# Escape, and undo a drag with Ctrl+Z as one step; after each, Ctrl+S, and the saved file
# (read back, and checked by `chronoscope --check`) says where the event is.
#
# Usage: test-drag.py CHRONOSCOPE-BINARY
# Runs under tests/with-display.sh (Xvfb + a session bus). Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

from e2e_util import (TIMEOUT, accessibility_desktop, app_env, bail, find_app, find_frame, find_view,
                      run, screen_rect, stop, tap, wait_for, window_geometry, x_window, xdotool)

NS = '{https://chronoscope.github.io/ns/timeline/1}'
RED = (0xe0, 0x1b, 0x24)
TIMELINE = '''<?xml version="1.0" encoding="UTF-8"?>
<timeline xmlns="https://chronoscope.github.io/ns/timeline/1" version="1" xml:lang="en">
  <title>Drag test</title>
  <categories>
    <category id="edge" color="#77767b">Edges</category>
    <category id="moved" color="#e01b24">Moved</category>
  </categories>
  <events>
    <event id="first" start="2000" category="edge"><title>First</title></event>
    <event id="span" start="2008" end="2012" category="moved"><title>A span to drag</title></event>
    <event id="last" start="2020" category="edge"><title>Last</title></event>
  </events>
</timeline>
'''


def grab(x, y, w, h):
    """The screen's pixels in a rectangle: width, height and RGB bytes."""
    ppm = subprocess.run(['import', '-window', 'root', '-depth', '8', '-crop', '%dx%d+%d+%d' % (w, h, x, y),
                          'ppm:-'], check=True, capture_output=True).stdout
    fields, pos = [], 0
    while len(fields) < 4:
        while ppm[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not ppm[pos:pos + 1].isspace():
            pos += 1
        fields.append(ppm[start:pos])
    pos += 1
    return int(fields[1]), int(fields[2]), ppm[pos:]


def label_end(x1, y):
    """Where the label over a bar ending near x1 ends on row y: its last pixel that is not
    the background beyond it."""
    width, _, data = grab(x1 - 20, y, 40, 1)
    background = data[-3:]
    end = x1
    for i in range(width):
        pixel = data[i * 3:i * 3 + 3]
        if max(abs(pixel[c] - background[c]) for c in range(3)) > 12:
            end = x1 - 20 + i
    return end


def red_bar(x, y, w, h):
    """The screen box (x0, y0, x1, y1) of the pixels in the dragged event's colour: the
    bar under its label, as wide as its span."""
    width, height, data = grab(x, y, w, h)
    rows = {}
    for j in range(height):
        row = j * width * 3
        xs = [i for i in range(width)
              if all(abs(data[row + i * 3 + c] - RED[c]) <= 6 for c in range(3))]
        if len(xs) > 20:
            rows[j] = (min(xs), max(xs))
    if not rows:
        return None
    # The widest run of rows: the bar (the label's coloured edge is narrow).
    widest = max(rows.values(), key=lambda r: r[1] - r[0])
    ys = [j for j, r in rows.items() if r == widest]
    return x + widest[0], y + min(ys), x + widest[1], y + max(ys)


def steady_bar(x, y, w, h):
    """The bar once it has stopped moving (the view may glide to the event just edited)."""
    previous = None
    for _ in range(50):
        bar = red_bar(x, y, w, h)
        if bar is not None and bar == previous:
            return bar
        previous = bar
        time.sleep(0.3)
    return None


def saved_span(path):
    event = ET.parse(path).getroot().find('%sevents/%sevent[@id="span"]' % (NS, NS))
    return event.get('start'), event.get('end')


def year(text):
    return int(text.rstrip('~?').split('-')[0] if not text.startswith('-') else text[:5])


def drag(x0, y0, dx, escape=False):
    """Presses at (x0, y0), moves right by dx in steps as a hand would, releases; with
    escape, presses Escape before releasing."""
    xdotool('mousemove', x0, y0)
    time.sleep(0.2)
    xdotool('mousedown', '1')
    time.sleep(0.2)
    for k in range(1, 11):
        xdotool('mousemove', x0 + dx * k // 10, y0)
        time.sleep(0.05)
    time.sleep(0.3)
    if escape:
        xdotool('key', 'Escape')
        time.sleep(0.3)
    xdotool('mouseup', '1')
    time.sleep(0.5)


def main():
    binary = sys.argv[1]
    print('TAP version 13')
    print('1..6')

    workdir = tempfile.mkdtemp(prefix='chrono-e2e-drag-')
    path = os.path.join(workdir, 'drag.chronoscope')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(TIMELINE)

    env = app_env()
    env['XDG_DATA_HOME'] = os.path.join(workdir, 'data')
    desktop = accessibility_desktop()
    app_proc = subprocess.Popen([binary, path], env=env)

    def save():
        xdotool('key', 'ctrl+s')
        wait_for(lambda: '•' not in (frame.name or ''), 'the title to lose its mark after saving')
        return saved_span(path)

    try:
        app = find_app(desktop)
        frame = find_frame(app, lambda title: 'drag test' in title.lower(), 'the window with the timeline')
        view = find_view(frame, lambda name: 'timeline' in name.lower() or 'drag test' in name.lower())
        wx, wy, _, _ = window_geometry(x_window('--name', 'Drag test'))
        vx, vy, vw, vh = screen_rect(view, (wx, wy))
        time.sleep(1.5)

        bar = wait_for(lambda: steady_bar(vx, vy, vw, vh), 'the span drawn in its colour')
        x0, y0, x1, y1 = bar
        per_year = (x1 - x0) / 4.0
        grip_y = y0 - 5          # on the label, just above its bar
        tap(per_year > 10, 'the span is on screen', 'bar %d..%d at y %d, %.1f px a year' % (x0, x1, y0, per_year))

        # Move: both ends shift by the same whole number of years, to the right.
        drag((x0 + x1) // 2, grip_y, int(per_year * 3))
        wait_for(lambda: '•' in (frame.name or ''), 'the title to say the timeline is modified')
        moved = save()
        shift = year(moved[0]) - 2008
        tap(shift > 0 and year(moved[1]) - 2012 == shift,
            'a drag with the pointer moves the event, start and end together', '%s – %s' % moved)

        # Resize: a press at the end of the bar moves the end only.
        time.sleep(0.5)
        x0, y0, x1, y1 = wait_for(lambda: steady_bar(vx, vy, vw, vh), 'the moved span')
        # The grip is a few pixels either side of where the span ends, which is where
        # the label ends (on GTK 4.18 its selection outline covers the bar's last pixels).
        grip = label_end(x1, y0 - 5) - 3
        drag(grip, y0 - 5, int(per_year * 3))
        wait_for(lambda: '•' in (frame.name or ''), 'the title to say the timeline is modified')
        resized = save()
        tap(resized[0] == moved[0] and year(resized[1]) > year(moved[1]),
            'a drag from the end of a span resizes it: the start stays',
            '%s – %s, pressed at x %d of a bar %d..%d' % (resized + (grip, x0, x1)))

        # Escape during a drag: nothing changes, nothing to save.
        time.sleep(0.5)
        x0, y0, x1, y1 = wait_for(lambda: steady_bar(vx, vy, vw, vh), 'the resized span')
        with open(path, 'rb') as f:
            before_escape = f.read()
        drag((x0 + x1) // 2, y0 - 5, int(per_year * 4), escape=True)
        time.sleep(0.5)
        unmarked = '•' not in (frame.name or '')
        xdotool('key', 'ctrl+s')
        time.sleep(1.0)
        with open(path, 'rb') as f:
            after_escape = f.read()
        # The same drag without Escape moves it (so the press above was on the event),
        # and one Ctrl+Z takes that back.
        drag((x0 + x1) // 2, y0 - 5, int(per_year * 4))
        wait_for(lambda: '•' in (frame.name or ''), 'the title to say the timeline is modified')
        control = save()
        xdotool('key', 'ctrl+z')
        wait_for(lambda: '•' in (frame.name or ''), 'the title to say the timeline is modified')
        tap(unmarked and after_escape == before_escape and control != resized and save() == resized,
            'Escape cancels a drag: the event stays and the timeline is not modified',
            'the same drag without Escape: %s – %s' % control)

        # Ctrl+Z takes back the last drag, and only it; again, the one before.
        xdotool('key', 'ctrl+z')
        wait_for(lambda: '•' in (frame.name or ''), 'the title to say the timeline is modified')
        undone = save()
        xdotool('key', 'ctrl+z')
        wait_for(lambda: '•' in (frame.name or ''), 'the title to say the timeline is modified')
        original = save()
        tap(undone == moved and original == ('2008', '2012'),
            'Ctrl+Z undoes one drag a step: the resize, then the move',
            'after one: %s – %s; after two: %s – %s' % (undone + original))

        xdotool('key', 'ctrl+q')
        app_proc.wait(timeout=TIMEOUT)
    finally:
        stop(app_proc)

    out = subprocess.run([binary, '--check', path], capture_output=True, text=True)
    tap(out.returncode == 0 and '3 events' in out.stdout, 'chronoscope --check reads the saved file',
        (out.stdout + out.stderr).strip())
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    run(main)
