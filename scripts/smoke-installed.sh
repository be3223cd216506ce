#!/usr/bin/env bash
# Starts the installed Scout under Xvfb on a fresh workspace and checks that it comes up and stays up.
set -euo pipefail
bin=$(command -v scout-desktop) || { echo "smoke: scout-desktop is not on PATH after install"; exit 1; }
ws=$(mktemp -d)/smoke.scout
set +e
timeout 15 xvfb-run -a -s "-screen 0 1280x800x24" "$bin" --workspace "$ws"
rc=$?
set -e
# 124 = still running when timeout stopped it: the app started and stayed up.
if [ $rc -ne 124 ]; then echo "smoke: installed app exited early with code $rc"; exit 1; fi
[ -f "$ws" ] || { echo "smoke: the app did not create its workspace at $ws"; exit 1; }
echo "smoke: installed $bin started, stayed up 15 s and created its workspace"
