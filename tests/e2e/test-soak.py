#!/usr/bin/python3
# Soak: the real app, driven for a bounded time by a seeded random walk of real X input
# (wheel, drag, click, double-click, keys, resizes down to 360 px, typing in search, the
# Open, Shortcuts and Print dialogs closed with Escape, a good and a broken file opened
# through the command line). Passes when the app never crashes, prints no warning, critical
# or sanitizer report, quits cleanly, and its resident memory levels off: its median over
# the last third of the run is less than 5% above that over the middle third.
#
# Usage: test-soak.py CHRONOSCOPE-BINARY GOOD-FILE BROKEN-FILE [SECONDS [SEED]]
# Runs under tests/with-display.sh (Xvfb + a session bus, no window manager). Prints TAP,
# and the memory figures as comments. SOAK_SECONDS and SOAK_SEED override the arguments.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import functools
import os
import random
import re
import subprocess
import sys
import tempfile
import time

import e2e_util
from e2e_util import run, tap, window_geometry

# The walk goes on when an input does not reach its window.
xdotool = functools.partial(e2e_util.xdotool, check=False)


def rss_kib(pid):
    try:
        with open('/proc/%d/status' % pid) as status:
            for line in status:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def windows(pid):
    # By the program's class, not its pid: inside a Flatpak sandbox (the SDK's test run)
    # GTK sets no _NET_WM_PID, and the X server is this test's own.
    out = xdotool('search', '--onlyvisible', '--classname', '^%s$' % PROGRAM)
    return [int(w) for w in out.split()]


EDGE = 16
PROGRAM = 'chronoscope'
# In a Flatpak sandbox GTK's accessibility asks the Flatpak portal for its version, once;
# the test's private session bus has no portal, and GTK warns. The environment's, not the app's.
IN_FLATPAK = os.path.exists('/.flatpak-info')
FLATPAK_PORTAL_WARNING = 'Unable to retrieve the Flatpak portal version'

WORDS = ['chat', 'GPT', 'Altman', '订阅', 'AGI', 'zz', '2015', '', 'a', 'x' * 40, '美元',
         'e', 'ARC']


class Walk:
    def __init__(self, binary, good, broken, env, rng, window, pid):
        self.binary, self.good, self.broken = binary, good, broken
        self.env, self.rng, self.window, self.pid = env, rng, window, pid
        self.log = []

    def point(self, top=0):
        x, y, w, h = window_geometry(self.window)
        while True:
            # Not the window's edges: with no window manager, a press there makes GDK resize
            # the window itself, which has GTK warn as a drag on the header bar does.
            px = self.rng.randrange(EDGE, max(w - EDGE, EDGE + 1))
            py = self.rng.randrange(max(top, EDGE), max(h - EDGE, EDGE + 1))
            # Nor the header bar's close button: with no window manager, the window's own.
            if not (px > w - 60 and py < 50):
                return (x + px, y + py)

    def wheel(self):
        x, y = self.point()
        button = self.rng.choice([4, 5, 6, 7])
        keys = self.rng.choice([[], ['ctrl'], ['shift']])
        for key in keys:
            xdotool('keydown', key)
        xdotool('mousemove', x, y, 'click', '--repeat', self.rng.randint(1, 8), '--delay', 15, button)
        for key in keys:
            xdotool('keyup', key)

    def drag(self):
        # Not from the header bar: with no window manager, GDK moves the window itself and
        # GTK then warns "Broken accounting of active state" (a bare AdwApplicationWindow
        # with an AdwHeaderBar does the same), which is no fault of the app's.
        x, y = self.point(top=50)
        x2, y2 = self.point()
        xdotool('mousemove', x, y, 'mousedown', 1)
        for i in range(1, 6):
            xdotool('mousemove', x + (x2 - x) * i // 5, y + (y2 - y) * i // 5)
            time.sleep(0.02)
        xdotool('mouseup', 1)

    def click(self):
        x, y = self.point()
        xdotool('mousemove', x, y, 'click', 1)

    def double_click(self):
        x, y = self.point()
        xdotool('mousemove', x, y, 'click', '--repeat', 2, '--delay', 60, 1)

    def keys(self):
        keys = ['Left', 'Right', 'shift+Left', 'shift+Right', 'plus', 'minus', 'ctrl+0',
                'Home', 'End', 'Return', 'Tab', 'shift+Tab', 'Escape', 'alt+Left', 'alt+Right',
                'F9', 'Up', 'Down', 'Page_Up', 'Page_Down', 'space']
        xdotool('key', '--delay', 20, *[self.rng.choice(keys) for _ in range(self.rng.randint(1, 6))])

    def resize(self):
        width = self.rng.choice([360, 420, 600, 800, 1024, 1400])
        height = self.rng.choice([500, 700, 900])
        xdotool('windowsize', self.window, width, height)
        time.sleep(0.3)

    def search(self):
        xdotool('key', 'ctrl+f')
        time.sleep(0.2)
        xdotool('type', '--delay', 30, self.rng.choice(WORDS))
        time.sleep(0.3)
        xdotool('key', self.rng.choice(['Escape', 'Return', 'BackSpace', 'Down']))

    DIALOGS = {'ctrl+o': 'the Open dialog', 'ctrl+question': 'the Shortcuts window',
               'ctrl+p': 'the Print dialog'}

    def dialog(self):
        # A modal dialog, closed with Escape: there is no window manager to close it.
        key = self.rng.choice(sorted(self.DIALOGS))
        before = len(windows(self.pid))
        xdotool('key', key)
        # The sanitizer build takes its time to build a file chooser.
        deadline = time.monotonic() + 30
        while len(windows(self.pid)) <= before and time.monotonic() < deadline:
            time.sleep(0.1)
        opened = len(windows(self.pid)) > before
        time.sleep(0.5)
        xdotool('key', 'Escape')
        deadline = time.monotonic() + 30
        while len(windows(self.pid)) > before and time.monotonic() < deadline:
            time.sleep(0.1)
        closed = len(windows(self.pid)) <= before
        if opened and not closed:
            self.log.append('%s did not close on Escape' % self.DIALOGS[key])
            # Close it some other way so that the walk goes on.
            for w in windows(self.pid):
                if w != self.window:
                    xdotool('windowclose', w)
        elif not opened:
            # Another modal window had the keyboard (a file's error); not a failure.
            xdotool('key', 'Escape')

    def open_file(self):
        path = self.rng.choice([self.good, self.broken])
        # A second instance hands the file to the running one and exits.
        subprocess.run([self.binary, path], env=self.env, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        # A broken file shows an error; Escape or a click dismisses it.
        xdotool('key', 'Escape')
        # A file opened while another is shown opens in a new window: close it with its
        # header bar's close button, so that the walk stays in one window and what a
        # closed window leaves behind shows in the memory figures.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            extra = [w for w in windows(self.pid) if w != self.window]
            if not extra:
                break
            x, y, w, h = window_geometry(extra[0])
            xdotool('mousemove', x + w - 29, y + 27, 'click', 1)
            time.sleep(1)
        else:
            self.log.append('a window opened for a file did not close')

    ACTIONS = [('wheel', 30), ('drag', 12), ('click', 15), ('double_click', 6), ('keys', 15),
               ('resize', 6), ('search', 6), ('dialog', 3), ('open_file', 2)]

    def step(self):
        names = [name for name, _ in self.ACTIONS]
        weights = [weight for _, weight in self.ACTIONS]
        name = self.rng.choices(names, weights)[0]
        getattr(self, name)()
        return name


def main():
    if len(sys.argv) < 4:
        print('Bail out! usage: test-soak.py BINARY GOOD-FILE BROKEN-FILE [SECONDS [SEED]]')
        return 1
    binary, good, broken = sys.argv[1:4]
    seconds = float(os.environ.get('SOAK_SECONDS') or (sys.argv[4] if len(sys.argv) > 4 else 120))
    seed = int(os.environ.get('SOAK_SEED') or (sys.argv[5] if len(sys.argv) > 5 else 15))
    rng = random.Random(seed)

    env = dict(os.environ)
    env.setdefault('GDK_BACKEND', 'x11')
    env.setdefault('GSK_RENDERER', 'cairo')
    env['LANGUAGE'] = 'en'
    if IN_FLATPAK:
        # A sandboxed GTK opens files, prints and launches links through the portals, and
        # the test's private bus has none: there GTK uses its own dialogs, as on the host.
        env['GDK_DEBUG'] = 'no-portals'
    # Warnings and criticals are counted from the output, not made fatal, so that the
    # report names all of them.
    env['G_DEBUG'] = 'gc-friendly'
    # The sanitizer build's tests get LSAN_OPTIONS from tests/meson.build; meson itself gives
    # every test ASAN_OPTIONS (since 1.x), in a plain build too.
    sanitized = 'LSAN_OPTIONS' in env
    if sanitized:
        # AddressSanitizer keeps 256 MiB of freed memory in quarantine; a small one keeps
        # this long run's memory in bounds. Leaks are checked by the rest of the suite: here,
        # with the fast unwinder, those inside system libraries (sanitizers/lsan.supp)
        # could not be told apart from the app's.
        env['ASAN_OPTIONS'] += ':quarantine_size_mb=8:detect_leaks=0'
    err = tempfile.TemporaryFile(mode='w+')
    app = subprocess.Popen([binary, good], env=env, stdout=subprocess.DEVNULL, stderr=err)

    window = None
    deadline = time.monotonic() + 60
    while window is None and time.monotonic() < deadline and app.poll() is None:
        found = windows(app.pid)
        window = found[0] if found else None
        time.sleep(0.2)
    if window is None:
        app.kill()
        print('Bail out! the window did not appear')
        return 1
    xdotool('windowmove', window, 0, 0, 'windowsize', window, 1200, 800)
    time.sleep(2)

    walk = Walk(binary, good, broken, env, rng, window, app.pid)
    samples = []
    counts = {}
    start = time.monotonic()
    last = None
    while time.monotonic() - start < seconds and app.poll() is None:
        name = walk.step()
        if os.environ.get('SOAK_TRACE'):
            print('# %s %s %s' % (time.strftime('%H:%M:%S'), name, rss_kib(app.pid)), flush=True)
        last = name
        counts[name] = counts.get(name, 0) + 1
        samples.append((time.monotonic() - start, rss_kib(app.pid)))
        time.sleep(rng.uniform(0.02, 0.15))

    alive = app.poll() is None
    tap(alive, 'the app is alive after %.0f s of random input (seed %d)' % (seconds, seed),
        '' if alive else 'it exited with status %s after %s' % (app.returncode, last))
    print('# actions: ' + ', '.join('%s %d' % item for item in sorted(counts.items())))

    tap(not walk.log, 'every dialog closed with Escape, every extra window with its button', '\n'.join(sorted(set(walk.log))))

    values = [(t, r) for t, r in samples if r is not None]
    middle = [r for t, r in values if seconds / 3 <= t < seconds * 2 / 3]
    third = [r for t, r in values if t >= seconds * 2 / 3]
    if len(third) >= 5 and len(middle) >= 5:
        # The last third against the middle one, each as its median: resident memory moves
        # by several MiB from one action to the next (the allocator gives pages back and
        # takes them again), so a few samples at two moments, as this compared before,
        # could differ by 6% with no growth at all. A steady leak still shows: the medians
        # are a third of the run apart.
        start_rss = sorted(middle)[len(middle) // 2]
        end_rss = sorted(third)[len(third) // 2]
        growth = (end_rss - start_rss) / start_rss
        figures = ('resident memory: first %d MiB, middle third %d MiB, last third %d MiB, '
                   'peak %d MiB; the last third is %.1f%% above the middle one'
                   % (values[0][1] // 1024, start_rss // 1024, end_rss // 1024,
                      max(r for _, r in values) // 1024, growth * 100))
        if sanitized:
            # AddressSanitizer's own bookkeeping (the allocation stacks it records, its
            # quarantine) grows with every new code path, so this build's resident memory
            # says little about the app's; the plain build's soak asserts it.
            print('# ' + figures)
        else:
            tap(growth < 0.05, figures + ' (< 5%)')
    else:
        tap(False, 'resident memory was sampled', 'only %d samples' % len(values))

    # Quit as a user does, so that the sanitizer build checks for leaks at exit.
    if alive:
        # Close whatever is open over the window, then quit from the window itself.
        xdotool('key', 'Escape', 'Escape')
        time.sleep(1)
        xdotool('windowfocus', '--sync', window)
        xdotool('key', 'ctrl+q')
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            # The walk made changes (a double-click makes an event): Quit asks about
            # them first, and Discard lets the app go.
            for _ in range(12):
                xdotool('key', 'alt+d')
                try:
                    app.wait(timeout=5)
                    break
                except subprocess.TimeoutExpired:
                    pass
            else:
                app.kill()
                app.wait()
        tap(app.returncode == 0, 'the app quits cleanly',
            'exit status %s' % app.returncode)

    err.seek(0)
    output = err.read()
    problems = [line for line in output.splitlines()
                if re.search(r'-(CRITICAL|WARNING|ERROR) \*\*|:ERROR:|runtime error:|ERROR: AddressSanitizer|'
                             r'ERROR: LeakSanitizer', line)
                and not (IN_FLATPAK and FLATPAK_PORTAL_WARNING in line)]
    tap(not problems, 'no warning, critical or sanitizer report',
        '\n'.join(problems[:20]) + ('\n… %d in all' % len(problems) if len(problems) > 20 else ''))
    if problems:
        print('# the app\'s output:')
        for line in output.splitlines()[:200]:
            print('# ' + line)

    print('1..%d' % len(e2e_util.results))


if __name__ == '__main__':
    run(main)
