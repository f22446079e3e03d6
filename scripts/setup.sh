#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test the app: system
# libraries for Tauri/WebKitGTK, the WebDriver and X server for end-to-end tests, PDF
# tools, LibreOffice (to read exported workbooks back), Wine (to try the Windows build),
# tauri-driver, and the UI's npm packages (scripts/package.sh adds the Windows toolchain).
# Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev
  webkit2gtk-driver xvfb xauth xdotool
  poppler-utils qpdf imagemagick fonts-liberation2 faketime age
  util-linux libreoffice-calc-nogui
  wine wine64
)

# Node.js and Python are checked by command: either may come from elsewhere than Debian.
extra=()
command -v node >/dev/null 2>&1 || extra+=(nodejs npm)
command -v python3 >/dev/null 2>&1 || extra+=(python3)
. scripts/apt.sh
apt_install_missing setup "${APT_PACKAGES[@]}" "${extra[@]}"

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is missing. Install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi
rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy rustfmt || true

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js $node_major is too old; the UI build needs Node.js 20 or newer." >&2
  exit 1
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  (cd ui && npm ci --no-audit --no-fund)
fi
