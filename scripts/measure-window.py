#!/usr/bin/env python3
"""Measures the desktop window on the demo workspace: cold start (asking the driver for a session — it
starts the app — to the first row of the Creators table drawn) and idle memory (proportional resident
memory of the app and its WebKit processes after it has sat still), over several runs; prints each run and the medians.

  python3 scripts/measure-window.py [--binary target/release/scout-desktop] [--runs 5] [--idle 20]

Needs a display (run it under `xvfb-run -a -s "-screen 0 1280x800x24"`), `tauri-driver` and
`WebKitWebDriver` (scripts/setup.sh installs them) and the `scout` CLI beside the binary (to make the demo
workspace). Standard library only: WebDriver is plain HTTP and JSON.
"""
import argparse
import json
import os
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.request

FIRST_ROW = "//*[@role='grid' and @aria-label='Creators']//*[@role='row' and @aria-rowindex='2' and @aria-busy='false']"


def call(port, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)["value"]


def pss_kib(root_pid, descendants=True):
    """Proportional resident memory (shared pages split between their sharers, so libraries the app and
    its WebKit processes share count once) of a process and all its descendants, in KiB (from /proc)."""
    children = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(pid))
        except (OSError, ValueError, IndexError):
            pass
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, []) if descendants else []
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                total += next(int(l.split()[1]) for l in f if l.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
    return total


def app_pid(driver_pid, name):
    """The app process the driver started (a descendant of tauri-driver named like the binary)."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().strip() == name[:15]:
                    return int(pid)
        except OSError:
            pass
    raise SystemExit(f"{name} is not running under tauri-driver {driver_pid}")


def one_run(binary, workspace, port, idle):
    driver = subprocess.Popen(["tauri-driver", "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(50):
            try:
                call(port, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": binary, "args": ["--workspace", workspace]}}}}
        start = time.monotonic()
        session = None
        for _ in range(20):  # the driver may take a moment to listen
            try:
                session = call(port, "POST", "/session", caps)["sessionId"]
                break
            except OSError:
                time.sleep(0.25)
                start = time.monotonic()
        if session is None:
            raise SystemExit("tauri-driver did not open a session")
        while True:
            found = call(port, "POST", f"/session/{session}/elements", {"using": "xpath", "value": FIRST_ROW})
            if found:
                break
            if time.monotonic() - start > 60:
                raise SystemExit("the first table did not appear within 60 s")
            time.sleep(0.02)
        cold = time.monotonic() - start
        time.sleep(idle)
        pid = app_pid(driver.pid, os.path.basename(binary))
        memory, own = pss_kib(pid), pss_kib(pid, descendants=False)
        call(port, "DELETE", f"/session/{session}")
        return cold, memory, own
    finally:
        os.killpg(driver.pid, signal.SIGTERM)
        driver.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/scout-desktop")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle", type=float, default=20.0, help="seconds to sit still before reading memory")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    cli = os.path.join(os.path.dirname(binary), "scout")
    with tempfile.TemporaryDirectory() as tmp:
        workspace = os.path.join(tmp, "demo.scout")
        subprocess.run([cli, "--workspace", workspace, "--quiet", "demo"], check=True, stdout=subprocess.DEVNULL)
        colds, memories, owns = [], [], []
        for run in range(args.runs):
            cold, memory, own = one_run(binary, workspace, 4490 + run, args.idle)
            colds.append(cold)
            memories.append(memory)
            owns.append(own)
            print(f"run {run + 1}: first table after {cold * 1000:.0f} ms; idle memory {memory / 1024:.0f} MiB "
                  f"({own / 1024:.0f} MiB the app's own process)")
        print(f"median of {args.runs}: cold start to first table {statistics.median(colds) * 1000:.0f} ms, "
              f"idle memory {statistics.median(memories) / 1024:.0f} MiB (PSS of the app + WebKit processes; "
              f"{statistics.median(owns) / 1024:.0f} MiB the app's own)")


if __name__ == "__main__":
    main()
