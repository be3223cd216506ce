#!/usr/bin/env bash
# Sets up and runs every check and test Scout has: formatting, lints, UI checks and unit tests, Rust unit
# and integration tests, the TypeScript bindings drift check, the end-to-end test through the real app
# window, and (with --bundle, as CI does) the .deb bundle installed and started.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=0; [ "${1:-}" = "--bundle" ] && bundle=1

step() { printf '\n==> %s\n' "$*"; }

step "setup"; scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

step "UI: format, type check, unit tests, build"
(cd ui && npm run lint && npm run check && npm test && npm run build)

step "Rust: format"; cargo fmt --all --check
step "Rust: clippy (warnings are errors)"; cargo clippy --workspace --all-targets --locked -- -D warnings
# Under a private session bus with an unlocked GNOME Keyring: secrets live only in the OS keychain, and
# the keychain tests fail (not skip) without one when SCOUT_KEYRING_TESTS or CI is set.
step "Rust: unit and integration tests (with a real Secret Service)"
scripts/with-keyring.sh cargo test --workspace --locked

step "TypeScript bindings are up to date (cargo test regenerates them)"
if [ -n "$(git status --porcelain -- ui/src/lib/bindings)" ]; then
  git status --porcelain -- ui/src/lib/bindings
  echo "bindings drifted: run 'cargo test' and commit ui/src/lib/bindings"; exit 1
fi

step "End-to-end: the real app window under Xvfb, driven through WebDriver"
cargo build --locked --bin scout-desktop
scripts/with-keyring.sh xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --locked --test e2e -- --ignored --test-threads=1

if [ $bundle -eq 1 ]; then
  step "Bundle: build the .deb, install it, start the installed app"
  # The UI was built above (ui/dist); the Tauri CLI comes from ui/node_modules.
  ui/node_modules/.bin/tauri build --bundles deb
  deb=$(ls -t target/release/bundle/deb/*.deb | head -n 1)
  dpkg-deb --info "$deb" | sed -n '1,12p'
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq "./$deb" >/dev/null; else sudo apt-get install -y -qq "./$deb" >/dev/null; fi
  scripts/smoke-installed.sh
fi
echo; echo "all checks passed"
