#!/usr/bin/env bash
# Builds the UI and the desktop app (release) and opens it on the default database
# (or the one in $TTQ_DATA_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
(cd ui && npm run build)
cargo build --release -p ttq-desktop
exec ./target/release/ttq-desktop "$@"
