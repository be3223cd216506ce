#!/usr/bin/env python3
"""Writes the updater's latest.json for a release from the bundles and their .sig files in one folder.

    latest-json.py DIST_DIR TAG OWNER/REPO > latest.json

The release notes (what Scout's update notice shows under "What's new") are read from the file named by
RELEASE_NOTES_FILE when it is set and not empty; otherwise a line pointing to the release page.

Every platform key the Tauri v2 updater looks up is listed: it tries `{os}-{arch}-{installer}` first
(so a .deb install gets the .deb, an .rpm install the .rpm) and falls back to `{os}-{arch}`. Fails, naming
what is missing, when a bundle has no signature or an expected platform has no bundle, so a release
never ships a latest.json that strands one platform.
"""

import datetime
import json
import os
import pathlib
import sys

# (key, how the file name ends): the bare `{os}-{arch}` keys point at the installer the updater uses
# when it cannot tell how Scout was installed (AppImage on Linux, NSIS on Windows).
KEYS = [
    ("linux-x86_64", ".AppImage"),
    ("linux-x86_64-appimage", ".AppImage"),
    ("linux-x86_64-deb", ".deb"),
    ("linux-x86_64-rpm", ".rpm"),
    ("windows-x86_64", "-setup.exe"),
    ("windows-x86_64-nsis", "-setup.exe"),
    ("windows-x86_64-msi", ".msi"),
    # One universal .app serves both Mac architectures.
    ("darwin-x86_64", ".app.tar.gz"),
    ("darwin-x86_64-app", ".app.tar.gz"),
    ("darwin-aarch64", ".app.tar.gz"),
    ("darwin-aarch64-app", ".app.tar.gz"),
]


def release_notes(tag: str) -> str:
    path = os.environ.get("RELEASE_NOTES_FILE", "")
    notes = pathlib.Path(path).read_text(encoding="utf-8").strip() if path else ""
    return notes or f"Scout {tag.removeprefix('v')}: see the release notes on GitHub."


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    dist, tag, repo = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    files = sorted(p for p in dist.iterdir() if p.is_file() and not p.name.endswith(".sig"))
    platforms, problems = {}, []
    for key, suffix in KEYS:
        matches = [p for p in files if p.name.endswith(suffix)]
        if len(matches) != 1:
            problems.append(f"{key}: expected one *{suffix} in {dist}, found {[p.name for p in matches]}")
            continue
        bundle = matches[0]
        sig = bundle.with_name(bundle.name + ".sig")
        if not sig.is_file():
            problems.append(f"{key}: {bundle.name} has no updater signature {sig.name}")
            continue
        platforms[key] = {
            "signature": sig.read_text(encoding="utf-8").strip(),
            "url": f"https://github.com/{repo}/releases/download/{tag}/{bundle.name}",
        }
    if problems:
        print("latest.json: not written:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    latest = {
        "version": tag.removeprefix("v"),
        "notes": release_notes(tag),
        "pub_date": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
        "platforms": platforms,
    }
    json.dump(latest, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
