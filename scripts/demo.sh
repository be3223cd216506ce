#!/usr/bin/env bash
# Sets up, builds and launches Scout on a demo workspace (synthetic creators, labelled as such).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
(cd ui && npm run build)
cargo build --release -p scout-desktop -p scout-cli
ws="${SCOUT_DEMO_WORKSPACE:-$HOME/Scout demo.scout}"
if [ ! -f "$ws" ]; then
  target/release/scout --workspace "$ws" demo
fi
echo "launching Scout on $ws"
exec target/release/scout-desktop --workspace "$ws"
