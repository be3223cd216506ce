#!/usr/bin/env bash
# Builds the `scout` command line for the Windows or macOS installer to carry, where Tauri's
# `bundle.externalBin` (tauri.windows.conf.json, tauri.macos.conf.json) looks for it:
# target/cli/scout-<target triple>[.exe]. The installer puts it beside the app as `scout` / `scout.exe`
# (Windows: the install folder; macOS: Scout.app/Contents/MacOS/scout), and signs it with the app.
#
#   build-cli.sh [TARGET]    TARGET: a Rust target triple, or universal-apple-darwin; default the host's
#
# A universal macOS build compiles the app once per architecture (each build looks for its own
# triple's sidecar) and bundles the universal one, so all three are written. Linux packages get the CLI
# from tauri.linux.conf.json instead (/usr/bin/scout).
set -euo pipefail
cd "$(dirname "$0")/../.."

host=$(rustc -vV | sed -n 's/^host: //p')
target=${1:-$host}
[ -n "$target" ] || target=$host
out=target/cli
mkdir -p "$out"

build() { # build TRIPLE: cargo's scout for TRIPLE, copied to target/cli/scout-TRIPLE[.exe]
  local triple=$1 ext=""
  [[ $triple == *windows* ]] && ext=.exe
  cargo build --release --locked -p scout-cli --target "$triple"
  cp "target/$triple/release/scout$ext" "$out/scout-$triple$ext"
  echo "build-cli: $out/scout-$triple$ext"
}

if [ "$target" = "universal-apple-darwin" ]; then
  build aarch64-apple-darwin
  build x86_64-apple-darwin
  lipo -create -output "$out/scout-universal-apple-darwin" \
    "$out/scout-aarch64-apple-darwin" "$out/scout-x86_64-apple-darwin"
  lipo -info "$out/scout-universal-apple-darwin"
else
  build "$target"
fi
