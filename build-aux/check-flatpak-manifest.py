#!/usr/bin/env python3
"""Checks that the Flatpak manifest parses and follows Flathub's rules: the GNOME runtime
(at least the branch that was current at this release), no more permissions than the app
needs, the app built from this version's git tag and its commit, the unit tests built and
run but not the display and end-to-end ones (the GNOME SDK has no Xvfb, xdotool or
pyatspi).

Usage: check-flatpak-manifest.py MANIFEST VERSION [CHECKOUT]
With CHECKOUT, a tag v<VERSION> that exists there must be the manifest's commit (unless it
is the commit checked out, which cannot name itself)."""

import json
import re
import subprocess
import sys

ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}
# GNOME 51 (September 2026) is the newest stable runtime at the 0.2.0 release.
OLDEST_RUNTIME = 51


def tag_commit(checkout, tag):
    try:
        out = subprocess.run(["git", "-C", checkout, "rev-parse", "--verify", "--quiet", tag + "^{commit}"],
                             capture_output=True, text=True)
    except OSError:
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def main(path, version, checkout=None):
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
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        errors.append("the runtime is not org.gnome.Platform with org.gnome.Sdk")
    runtime_version = str(manifest.get("runtime-version", ""))
    if not runtime_version.isdigit() or int(runtime_version) < OLDEST_RUNTIME:
        errors.append(f"runtime-version {runtime_version!r} is older than GNOME {OLDEST_RUNTIME}")
    extra = set(manifest.get("finish-args", [])) - ALLOWED_FINISH_ARGS
    if extra:
        errors.append("finish-args not allowed: " + " ".join(sorted(extra)))
    if manifest.get("separate-locales") is not False:
        errors.append("separate-locales must be false, or a bundle loses its translations")

    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    for module in modules:
        for source in module.get("sources", []):
            if isinstance(source, dict) and source.get("type") == "dir":
                errors.append(f"module {module.get('name')}: Flathub builds no \"dir\" sources")
    app = [m for m in modules if m.get("name") == "chronoscope"]
    if len(app) != 1:
        errors.append("there must be exactly one module named chronoscope")
    else:
        app = app[0]
        if app.get("buildsystem") != "meson" or app.get("run-tests") is not True:
            errors.append("the chronoscope module must build with meson and run its tests")
        if "-Dtests=unit" not in app.get("config-opts", []):
            errors.append("the chronoscope module must build the unit tests only (-Dtests=unit)")
        sources = app.get("sources", [])
        tag = f"v{version}"
        if len(sources) != 1 or not isinstance(sources[0], dict) or sources[0].get("type") != "git":
            errors.append("the chronoscope module must have one git source")
        else:
            source = sources[0]
            commit = source.get("commit", "")
            if "branch" in source:
                errors.append("the git source names a branch; Flathub builds a tag and its commit")
            if source.get("tag") != tag:
                errors.append(f"the git source's tag is {source.get('tag')!r}, not {tag!r}")
            if not re.fullmatch(r"[0-9a-f]{40}", commit):
                errors.append(f"the git source's commit {commit!r} is not a full commit id")
            elif checkout is not None:
                tagged = tag_commit(checkout, tag)
                # The tagged commit itself cannot name its own id; the one after it does.
                if tagged is not None and tagged != commit and tagged != tag_commit(checkout, "HEAD"):
                    errors.append(f"the tag {tag} is commit {tagged}, the manifest says {commit}")

    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    if not errors:
        print(f"{path}: ok")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
