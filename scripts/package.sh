#!/usr/bin/env bash
# Builds what a user installs, into dist/:
#   dist/windows/                               ttq-desktop.exe, ttq.exe, WebView2Loader.dll, icon.ico
#   dist/to-tu-quan-antt-<version>-setup.exe    the Windows installer (NSIS, per user, Vietnamese),
#                                               cross-built on Debian 12 for x86_64-pc-windows-gnu
#   dist/to-tu-quan-antt_<version>_amd64.deb    the Debian package (Tauri's bundler), with `ttq`
# Installs what it needs first (mingw-w64, nsis, the rustup target). Safe to run again: cargo
# and npm skip what is up to date.
#
# Usage: scripts/package.sh [--windows | --linux]   (default: both)
# Env:   CARGO_TARGET_DIR as for cargo (default: target/)
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
case "$what" in
  all|--windows|--linux) ;;
  *) echo "usage: scripts/package.sh [--windows | --linux]" >&2; exit 2 ;;
esac

. scripts/apt.sh
WIN=x86_64-pc-windows-gnu
APT_PACKAGES=(gcc-mingw-w64-x86-64 nsis)
# What a Windows exe of ours may import: Windows' own DLLs, and WebView2Loader.dll beside it.
# Anything else (libgcc_s_seh-1.dll, libwinpthread-1.dll, …) would be missing on a user's PC.
ALLOWED_DLLS='^(kernel32|user32|gdi32|advapi32|shell32|ole32|oleaut32|combase|comctl32|comdlg32|ws2_32|bcrypt|bcryptprimitives|crypt32|ntdll|userenv|uxtheme|dwmapi|shlwapi|version|winmm|imm32|msimg32|propsys|rpcrt4|secur32|setupapi|uiautomationcore|usp10|winspool\.drv|msvcrt|api-ms-win-[a-z0-9-]+|dbghelp|powrprof|cfgmgr32|hid|iphlpapi|netapi32|psapi|wtsapi32|dxgi|d3d11|d2d1|dwrite|windowscodecs|webview2loader)\.dll$'

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
target_dir="${CARGO_TARGET_DIR:-target}"
out="$target_dir/$WIN/release"

[ -f ui/dist/index.html ] || (cd ui && npm run build)

windows() {
  local start stage loader exe dlls bad setup
  apt_install_missing package "${APT_PACKAGES[@]}"
  rustup target list --installed | grep -qx "$WIN" || rustup target add "$WIN"
  start=$(date +%s)
  cargo build --release --locked --target "$WIN" -p ttq-cli -p ttq-desktop
  echo "package: Windows build took $(( $(date +%s) - start )) s"

  stage=dist/windows
  rm -rf "$stage"
  mkdir -p "$stage"
  cp "$out/ttq-desktop.exe" "$out/ttq.exe" "$stage/"
  loader=$(find "$out" -name WebView2Loader.dll -path '*x64*' -print -quit)
  [ -n "$loader" ] || loader=$(find "$out" -name WebView2Loader.dll -print -quit)
  [ -n "$loader" ] || { echo "package: WebView2Loader.dll not found under $out" >&2; exit 1; }
  cp "$loader" "$stage/"
  cp icons/icon.ico "$stage/"

  for exe in "$stage"/*.exe; do
    dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | sort -u)
    echo "package: $(basename "$exe") imports: $(echo "$dlls" | tr '\n' ' ')"
    bad=$(echo "$dlls" | tr 'A-Z' 'a-z' | grep -Ev "$ALLOWED_DLLS" || true)
    if [ -n "$bad" ]; then
      echo "package: $(basename "$exe") needs DLLs a Windows PC does not have: $bad" >&2
      exit 1
    fi
  done

  setup="dist/to-tu-quan-antt-$version-setup.exe"
  makensis -V2 -DVERSION="$version" -DSRC="$PWD/$stage" -DOUTFILE="$PWD/$setup" packaging/windows/installer.nsi
  echo "package: $setup ($(( $(stat -c %s "$setup") / 1024 )) KB)"
}

linux() {
  # Both in one build, so the crates they share are built once.
  cargo build --release --locked -p ttq-cli -p ttq-desktop
  # The CLI goes into the package as /usr/bin/ttq (tauri.conf.json, bundle.linux.deb.files).
  mkdir -p dist/linux
  cp "$target_dir/release/ttq" dist/linux/ttq
  # Run from the top: the bundler looks for tauri.conf.json below the folder it starts in.
  # The package is named in ASCII, as dpkg requires (the menu entry keeps the Vietnamese
  # name: packaging/linux/ttq-desktop.desktop).
  ui/node_modules/.bin/tauri bundle --bundles deb --ci --config '{"productName":"to-tu-quan-antt"}'
  local deb="$target_dir/release/bundle/deb/to-tu-quan-antt_${version}_amd64.deb"
  cp "$deb" "dist/to-tu-quan-antt_${version}_amd64.deb"
  echo "package: dist/to-tu-quan-antt_${version}_amd64.deb ($(( $(stat -c %s "$deb") / 1024 )) KB)"
}

case "$what" in
  --windows) windows ;;
  --linux) linux ;;
  *) windows; linux ;;
esac
