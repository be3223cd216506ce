#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service of its own: a private D-Bus session bus
# (dbus-run-session) and a GNOME Keyring daemon whose login keyring lives in a fresh temporary folder
# and is unlocked with a random password. Scout keeps SMTP passwords and TikTok secrets only in the
# system keychain, so its tests and the end-to-end run need one, also on a headless CI machine.
#   scripts/with-keyring.sh cargo test -p scout-secrets
# Sets SCOUT_KEYRING_TESTS=1 for the command: tests that need the keychain run (and fail, not skip)
# when it is set. The user's own keyring and session bus are never touched.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: scripts/with-keyring.sh COMMAND [ARG...]" >&2; exit 2; }

if [ -z "${SCOUT_KEYRING_INNER:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
    command -v "$tool" >/dev/null || {
      echo "with-keyring: '$tool' is missing; run scripts/setup.sh (packages dbus, gnome-keyring)" >&2
      exit 1
    }
  done
  # Everything below runs again inside the new session bus, which ends when the command does.
  exec env SCOUT_KEYRING_INNER=1 dbus-run-session -- "$0" "$@"
fi
unset SCOUT_KEYRING_INNER

state=$(mktemp -d "${TMPDIR:-/tmp}/scout-keyring.XXXXXX")
keyring_pid=""
cleanup() {
  status=$?
  if [ $status -ne 0 ] && [ -s "$state/daemon.err" ]; then
    echo "with-keyring: the command failed ($status); GNOME Keyring said:" >&2; tail -n 20 "$state/daemon.err" >&2
  fi
  if [ -n "$keyring_pid" ] && ! kill -0 "$keyring_pid" 2>/dev/null; then
    echo "with-keyring: gnome-keyring-daemon had stopped before the command ended" >&2
  fi
  if [ -n "$keyring_pid" ]; then kill "$keyring_pid" 2>/dev/null || true; wait "$keyring_pid" 2>/dev/null || true; fi
  rm -rf "$state"
}
trap cleanup EXIT

# The daemon keeps its keyrings under XDG_DATA_HOME and its sockets under the control directory: both
# in the temporary folder, so a keyring left from an earlier run (with another password) is never met.
mkdir -p "$state/data" "$state/control"
chmod 700 "$state/control"
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s' "$password" | XDG_DATA_HOME="$state/data" gnome-keyring-daemon --foreground --unlock \
  --components=secrets --control-directory="$state/control" >"$state/daemon.out" 2>"$state/daemon.err" &
keyring_pid=$!
unset password

# Wait until the daemon owns the Secret Service name on this bus (not D-Bus activation's locked one).
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  if ! kill -0 "$keyring_pid" 2>/dev/null; then
    echo "with-keyring: gnome-keyring-daemon stopped:" >&2; cat "$state/daemon.err" >&2; exit 1
  fi
  sleep 0.1
done
dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' || {
  echo "with-keyring: the Secret Service did not appear on the session bus within 10 s" >&2
  cat "$state/daemon.err" >&2; exit 1
}

export SCOUT_KEYRING_TESTS=1
"$@"
