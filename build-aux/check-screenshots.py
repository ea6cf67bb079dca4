#!/usr/bin/env python3
"""Checks that every screenshot the metainfo points at is a PNG kept in data/screenshots,
with the size the metainfo gives for it."""

import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = "https://raw.githubusercontent.com/chronoscope/chronoscope/main/"


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", head[16:24])


def main(metainfo, srcroot):
    errors = []
    images = ET.parse(metainfo).getroot().findall("./screenshots/screenshot/image")
    if not images:
        errors.append("no screenshots")
    for image in images:
        url = (image.text or "").strip()
        if not url.startswith(PREFIX + "data/screenshots/"):
            errors.append(f"{url}: not a file in data/screenshots")
            continue
        path = srcroot + "/" + url[len(PREFIX):]
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
    sys.exit(main(sys.argv[1], sys.argv[2]))
