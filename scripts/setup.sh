#!/usr/bin/env bash
# Installs everything Scout needs to build, run and test on Debian/Ubuntu: system packages (WebKitGTK,
# Xvfb, the WebKit WebDriver, NumPy for the match benchmark's baseline, aiosmtpd as the tests' SMTP
# server, D-Bus and GNOME Keyring as the tests' Secret Service, python3-venv for the workflow linters,
# ShellCheck (actionlint checks the workflows' scripts with it), rpm to inspect the .rpm bundle), the
# UI's npm packages and tauri-driver.
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(libwebkit2gtk-4.1-dev build-essential pkg-config file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver sqlite3 imagemagick xdotool
  python3-numpy python3-aiosmtpd
  libdbus-1-dev dbus gnome-keyring libsecret-tools
  python3-venv shellcheck rpm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "setup: Rust is required (https://rustup.rs)"; exit 1; }
command -v npm >/dev/null || { echo "setup: Node.js 20+ and npm are required"; exit 1; }

# `npm install`, not `npm ci`: the lock file written on Linux lacks other platforms' CLI binaries.
(cd ui && npm install --no-audit --no-fund --loglevel=error)

if ! command -v tauri-driver >/dev/null; then
  echo "setup: installing tauri-driver (drives the real app window in end-to-end tests)"
  cargo install tauri-driver --locked --quiet
fi
echo "setup: done"
