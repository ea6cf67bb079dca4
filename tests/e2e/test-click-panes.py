#!/usr/bin/python3
# End-to-end: start the real app, zoom with the real wheel, click an event with the real
# pointer, and read the panes through the accessibility bus as a screen reader would.
#
# Usage: test-click-panes.py CHRONOSCOPE-BINARY TIMELINE-FILE
# Runs under tests/with-display.sh (Xvfb + a session bus). Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pyatspi

from e2e_util import (Timeout, app_env, accessibility_desktop, bail, find, find_app, find_frame,
                      find_span_label, find_view, label_texts, run, screen_rect, stop, tap, wait_for,
                      window_geometry, x_window, xdotool)

NS = '{https://chronoscope.github.io/ns/timeline/1}'


def load_timeline(path):
    root = ET.parse(path).getroot()
    colors = [c.get('color').lower() for c in root.iter(NS + 'category')]
    events = {}
    for event in root.iter(NS + 'event'):
        title = ' '.join(event.find(NS + 'title').text.split())
        quotes = []
        for quote in event.iter(NS + 'quote'):
            node = quote.find(NS + 'translation')
            if node is None:
                node = quote.find(NS + 'original')
            quotes.append(' '.join(node.text.split()))
        events[title] = quotes
    return colors, events


def grab(x, y, w, h):
    ppm = subprocess.run(['import', '-window', 'root', '-depth', '8', '-crop', '%dx%d+%d+%d' % (w, h, x, y),
                          'ppm:-'], check=True, capture_output=True).stdout
    # Binary PPM: "P6\n<w> <h>\n<max>\n" then RGB bytes.
    fields = []
    pos = 0
    while len(fields) < 4:
        while ppm[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not ppm[pos:pos + 1].isspace():
            pos += 1
        fields.append(ppm[start:pos])
    pos += 1
    width, height = int(fields[1]), int(fields[2])
    return width, height, ppm[pos:]


def marker_points(x, y, w, h, colors):
    """Centres of the blobs drawn in a category colour, biggest first."""
    width, height, data = grab(x, y, w, h)
    wanted = set()
    for c in colors:
        wanted.add((int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)))
    hits = set()
    for j in range(height):
        row = j * width * 3
        for i in range(width):
            k = row + i * 3
            if (data[k], data[k + 1], data[k + 2]) in wanted:
                hits.add((i, j))
    blobs = []
    seen = set()
    for p in hits:
        if p in seen:
            continue
        stack = [p]
        seen.add(p)
        blob = []
        while stack:
            q = stack.pop()
            blob.append(q)
            for d in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                n = (q[0] + d[0], q[1] + d[1])
                if n in hits and n not in seen:
                    seen.add(n)
                    stack.append(n)
        if len(blob) >= 12:
            xs = [b[0] for b in blob]
            ys = [b[1] for b in blob]
            bw, bh = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
            cy = (min(ys) + max(ys)) // 2
            if bw <= 6 and bh >= 12:
                # The coloured edge of an event's label chip: click on the chip itself.
                blobs.append((2, len(blob), x + (min(xs) + max(xs)) // 2, y + cy))
            else:
                cx = sum(xs) / len(xs)
                cyf = sum(ys) / len(ys)
                # The pixel of the blob nearest its centre is inside the shape.
                best = min(blob, key=lambda b: (b[0] - cx) ** 2 + (b[1] - cyf) ** 2)
                blobs.append((1, len(blob), x + best[0], y + best[1]))
    blobs.sort(reverse=True)
    return [(bx, by) for _, _, bx, by in blobs]


def main():
    binary, timeline_path = sys.argv[1], sys.argv[2]
    colors, events = load_timeline(timeline_path)
    print('TAP version 13')
    print('1..6')

    desktop = accessibility_desktop()
    app_proc = subprocess.Popen([binary], env=app_env())

    try:
        app = find_app(desktop)
        frame = find_frame(app, lambda title: 'AlexNet' in title, 'the window with the built-in timeline')
        tap(True, 'window shows the built-in timeline', frame.name)

        event_pane = wait_for(lambda: find(frame, lambda n: n.name == 'Event Details'), 'the event pane')
        quote_pane = wait_for(lambda: find(frame, lambda n: n.name == 'Quotes'), 'the quote pane')
        span_label = find_span_label(frame)
        view = find_view(frame)

        wx, wy, _, _ = window_geometry(x_window('--name', 'AlexNet'))
        vx, vy, vw, vh = screen_rect(view, (wx, wy))

        # Wheel over the timeline: the visible span shrinks.
        time.sleep(0.5)
        before = span_label.name
        xdotool('mousemove', vx + vw // 2, vy + vh // 2)
        for _ in range(3):
            xdotool('click', '4')
            time.sleep(0.15)
        after = wait_for(lambda: span_label.name if span_label.name != before else None,
                         'the span to change after the wheel', timeout=10)
        tap(after != before, 'wheel over the timeline changes the visible span',
            '%s → %s' % (before, after))
        # Back out again so that many events are in view.
        for _ in range(3):
            xdotool('click', '5')
            time.sleep(0.15)
        time.sleep(1.0)

        # Click a marker: find it by its category colour on screen.
        if os.environ.get('CHRONO_E2E_SHOT'):
            subprocess.run(['import', '-window', 'root', os.environ['CHRONO_E2E_SHOT']], check=False)
            print('# window at %d,%d; view at %d,%d %dx%d' % (wx, wy, vx, vy, vw, vh))
        points = marker_points(vx, vy, vw, vh, colors)
        if not points:
            bail('no event marker found on screen')
        # Click markers until one selects an event that has quotes, so that the quote
        # pane has something to prove; every click must select the event under it.
        heading = None
        previous = None
        clicks = []
        for px, py in points[:12]:
            xdotool('mousemove', px, py)
            xdotool('click', '1')
            try:
                heading = wait_for(lambda: find(event_pane, lambda n: n.getRole() == pyatspi.ROLE_HEADING
                                                and n.name in events and n.name != previous),
                                   'a heading in the event pane', timeout=3)
            except Timeout:
                heading = None
                continue
            previous = heading.name
            clicks.append('%d,%d → %s' % (px, py, heading.name))
            time.sleep(0.3)
            if events.get(heading.name):
                break
        tap(heading is not None, 'a click on an event selects it', '; '.join(clicks))
        if heading is None:
            bail('nothing selected')

        title = heading.name
        tap(title in events, 'the event pane heading is an event title', title)

        description = view.description or ''
        tap(title in description, "the timeline's accessible description names the same event",
            description)

        # GTK 4.8 exposes the hidden "All quotes" page too; read the selected event's list.
        event_quotes = find(quote_pane, lambda n: n.name == 'Quotes of the Selected Event')
        shown = ' '.join(label_texts(event_quotes)) if event_quotes is not None else ''
        empty_text = ' '.join(label_texts(quote_pane))
        expected = events.get(title, [])
        if expected:
            missing = [q for q in expected if q not in shown]
            tap(not missing, 'the quote pane shows the quotes of the clicked event',
                'missing: %r; shown: %r' % (missing, shown[:400]) if missing else expected[0][:60])
        else:
            tap('Nobody is quoted on this event.' in empty_text and not shown,
                'the quote pane says the clicked event has no quotes', shown[:200])
    finally:
        stop(app_proc)


if __name__ == '__main__':
    run(main)
