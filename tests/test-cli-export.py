#!/usr/bin/env python3
# test-cli-export.py CHRONOSCOPE DATA_DIR LOCALEDIR
# `chronoscope --export` with no display: every readable format to every output format,
# each output checked (PNG size, SVG and PDF structure, JSON, CSV and native read again),
# and the errors (exit status 1, a message, no file left behind).
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

chronoscope, data, localedir = sys.argv[1:4]
env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
env["CHRONOSCOPE_LOCALEDIR"] = localedir
n = 0


def ok(condition, what):
    global n
    n += 1
    print(("ok %d - %s" if condition else "not ok %d - %s") % (n, what), flush=True)
    return condition


def run(*args):
    return subprocess.run([chronoscope, *args], env=env, capture_output=True, text=True, timeout=120)


def n_events(path):
    result = run("--check", path)
    match = re.search(r"(\d+) events?", result.stdout)
    return int(match.group(1)) if result.returncode == 0 and match else None


def check_png(path, width, height):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return False
    return struct.unpack(">II", head[16:24]) == (width, height)


def check_svg(path):
    root = ET.parse(path).getroot()
    return root.tag.endswith("svg") and len(list(root.iter())) > 10


def check_pdf(path):
    """cairo 1.16 (Debian 12) writes a cross-reference table and plain page objects; cairo 1.18
    (Debian 13, the Flatpak runtime) a cross-reference stream and page objects inside
    compressed object streams."""
    with open(path, "rb") as f:
        pdf = f.read()
    start = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf)
    if not pdf.startswith(b"%PDF-") or start is None:
        return False
    xref = pdf[int(start.group(1)):]
    if not (xref.startswith(b"xref") or re.match(rb"\d+ 0 obj\s*<<[^>]*/Type\s*/XRef", xref)):
        return False
    text = pdf
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            text += zlib.decompress(stream.group(1))
        except zlib.error:
            pass
    return re.search(rb"/Type\s*/Page\b", text) is not None


inputs = ["thetimelineproj-full.timeline", "timelinejs-template.csv", "sample-timelinejs.json", "sample.chronoscope"]
with tempfile.TemporaryDirectory() as out:
    for name in inputs:
        source = os.path.join(data, name)
        expected = n_events(source)
        ok(expected is not None and expected > 0, "%s reads (%s events)" % (name, expected))
        for ext in ("png", "svg", "pdf", "json", "csv", "chronoscope"):
            target = os.path.join(out, "%s.%s" % (name, ext))
            result = run("--export=" + target, "--size=640x360", source)
            if not ok(result.returncode == 0 and os.path.exists(target), "%s → .%s: %s" % (name, ext, result.stderr.strip())):
                continue
            if ext == "png":
                ok(check_png(target, 640, 360), "%s.png is 640×360" % name)
            elif ext == "svg":
                ok(check_svg(target), "%s.svg parses as SVG" % name)
            elif ext == "pdf":
                ok(check_pdf(target), "%s.pdf has a PDF's structure" % name)
            else:
                if ext == "json":
                    with open(target, encoding="utf-8") as f:
                        ok(isinstance(json.load(f).get("events"), list), "%s.json is TimelineJS JSON" % name)
                ok(n_events(target) == expected, "%s.%s reads back with its %s events" % (name, ext, expected))

    # A range and the default size.
    target = os.path.join(out, "range.png")
    result = run("--export=" + target, "--range=1900..2000-06", os.path.join(data, "thetimelineproj-full.timeline"))
    ok(result.returncode == 0 and check_png(target, 1600, 900), "--range, default size 1600×900")

    # Lanes.
    target = os.path.join(out, "lanes.png")
    result = run("--export=" + target, "--lanes", "--size=1000x600", os.path.join(data, "thetimelineproj-full.timeline"))
    ok(result.returncode == 0 and check_png(target, 1000, 600), "--lanes")

    # --lang: the category the reader names is translated.
    target = os.path.join(out, "zh.csv")
    result = run("--lang=zh_CN", "--export=" + target, os.path.join(data, "timelinejs-template.csv"))
    with open(target, encoding="utf-8") as f:
        ok(result.returncode == 0 and "其他事件" in f.read(), "--lang=zh_CN translates")

    # A spreadsheet written in Chinese keeps its approximate and uncertain dates when it
    # is read in English (it said “约2015年”, which was read as an event's display date).
    target = os.path.join(out, "zh-flags.csv")
    back = os.path.join(out, "zh-flags.chronoscope")
    written = run("--lang=zh_CN", "--export=" + target, os.path.join(data, "sample.chronoscope"))
    result = run("--export=" + back, target)
    with open(back, encoding="utf-8") as f:
        saved = f.read()
    ok(written.returncode == 0 and result.returncode == 0 and 'start="2015~"' in saved
       and 'start="250000?"' in saved and "display-date" not in saved,
       "--lang=zh_CN CSV read back in English keeps “around” and “perhaps”: " + result.stderr.strip())

    # Errors: status 1, a message naming the problem, no file written.
    cases = [
        (["--export=" + os.path.join(out, "e.txt"), os.path.join(data, "sample.chronoscope")], "must end in"),
        (["--export=" + os.path.join(out, "e1.png"), os.path.join(data, "missing.timeline")], "missing.timeline: there is no such file"),
        (["--export=" + os.path.join(out, "e2.png"), os.path.join(data, "bad-date.chronoscope")], "bad-date.chronoscope:"),
        (["--export=" + os.path.join(out, "e3.png"), "--size=10", os.path.join(data, "sample.chronoscope")], "--size=10"),
        (["--export=" + os.path.join(out, "e4.png"), "--range=2020..2010", os.path.join(data, "sample.chronoscope")], "ends before it starts"),
        (["--export=" + os.path.join(out, "e5.png"), "--range=2020", os.path.join(data, "sample.chronoscope")], "--range=2020"),
        (["--export=" + os.path.join(out, "no-such-folder", "e6.png"), os.path.join(data, "sample.chronoscope")], "e6.png"),
        (["--export=" + os.path.join(out, "e7.png")], "one timeline file"),
        (["--size=800x600"], "go with --export"),
        (["--lanes"], "go with --export"),
        (["--lang=xx", "--export=" + os.path.join(out, "e9.csv"), os.path.join(data, "sample.chronoscope")],
         "--lang=xx: "),
    ]
    for args, message in cases:
        result = run(*args)
        written = [f for f in os.listdir(out) if f.startswith("e") and f != "no-such-folder"]
        ok(result.returncode == 1 and message in result.stderr and not written,
           "error %s: %s" % (message, result.stderr.strip()))

    result = run("--lang=xx", "--export=" + os.path.join(out, "e9.csv"), os.path.join(data, "sample.chronoscope"))
    ok("en, zh_CN" in result.stderr, "an unknown --lang lists the languages there are: %s" % result.stderr.strip())

    # One message for a folder that is not there, naming the file once, for every kind of output.
    for name in ("e8.png", "e8.csv"):
        target = os.path.join(out, "no-such-folder", name)
        result = run("--export=" + target, os.path.join(data, "sample.chronoscope"))
        ok(result.returncode == 1 and result.stderr.count(name) == 1 and "does not exist" in result.stderr,
           "a missing folder is said once: %s" % result.stderr.strip())

    result = run("--help")
    ok(result.returncode == 0 and "--export=OUT" in result.stdout and "--range" in result.stdout, "--help describes --export")

print("1..%d" % n)
