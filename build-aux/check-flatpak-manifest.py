#!/usr/bin/env python3
"""Checks that the Flatpak manifest parses and asks for no more than Flathub allows."""

import json
import sys

ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}


def main(path):
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 1

    errors = []
    if manifest.get("id") != "io.github.chronoscope.Chronoscope":
        errors.append("the id is not io.github.chronoscope.Chronoscope")
    if manifest.get("command") != "chronoscope":
        errors.append("the command is not chronoscope")
    extra = set(manifest.get("finish-args", [])) - ALLOWED_FINISH_ARGS
    if extra:
        errors.append("finish-args not allowed: " + " ".join(sorted(extra)))
    if manifest.get("separate-locales") is not False:
        errors.append("separate-locales must be false, or a bundle loses its translations")
    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    app = [m for m in modules if m.get("name") == "chronoscope"]
    if len(app) != 1:
        errors.append("there must be exactly one module named chronoscope")
    elif app[0].get("buildsystem") != "meson" or app[0].get("run-tests") is not True:
        errors.append("the chronoscope module must build with meson and run its tests")

    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    if not errors:
        print(f"{path}: ok")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
