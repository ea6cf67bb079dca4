#!/usr/bin/env python3
"""Checks what Flathub asks of the metainfo beyond appstreamcli validate: a summary of at
most 35 characters, a release entry for this version, and screenshots that are PNGs kept
in data/screenshots, addressed at this version's tag, with the size the metainfo gives and
a caption.

Usage: check-metainfo.py METAINFO SRCROOT VERSION"""

import struct
import sys
import xml.etree.ElementTree as ET

REPOSITORY = "https://raw.githubusercontent.com/chronoscope/chronoscope/"
MAX_SUMMARY = 35


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", head[16:24])


def main(metainfo, srcroot, version):
    errors = []
    root = ET.parse(metainfo).getroot()

    summary = " ".join((root.findtext("summary") or "").split())
    if not summary or len(summary) > MAX_SUMMARY:
        errors.append(f"the summary \"{summary}\" has {len(summary)} characters, "
                      f"not 1 to {MAX_SUMMARY}")

    releases = root.findall("./releases/release")
    if not releases or releases[0].get("version") != version:
        errors.append(f"the newest release is not {version}")
    elif releases[0].find("description") is None:
        errors.append(f"release {version} has no notes")

    prefix = f"{REPOSITORY}v{version}/"
    screenshots = root.findall("./screenshots/screenshot")
    if not screenshots:
        errors.append("no screenshots")
    for screenshot in screenshots:
        if not (screenshot.findtext("caption") or "").strip():
            errors.append("a screenshot has no caption")
        for image in screenshot.findall("image"):
            url = (image.text or "").strip()
            if not url.startswith(prefix + "data/screenshots/"):
                errors.append(f"{url}: not a file in data/screenshots at the tag v{version}")
                continue
            path = srcroot + "/" + url[len(prefix):]
            try:
                width, height = png_size(path)
            except (OSError, ValueError) as e:
                errors.append(f"{path}: {e}")
                continue
            if (str(width), str(height)) != (image.get("width"), image.get("height")):
                errors.append(f"{path}: is {width}×{height}, the metainfo says "
                              f"{image.get('width')}×{image.get('height')}")
            else:
                print(f"{path}: {width}×{height}")
    for e in errors:
        print(f"{metainfo}: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
