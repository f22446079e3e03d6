#!/usr/bin/env bash
# Measures the desktop app as a user meets it: time from launch to the member list being
# interactive (the UI reports it through `app_ready`), and memory (PSS) of all the app's
# processes (the app and its WebKit children) after 5 s idle. Uses the demo group.
# Usage: scripts/measure-app.sh [runs]   (build first: cargo build --release -p ttq-desktop -p ttq-cli)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
app=${TTQ_APP:-target/release/ttq-desktop}
cli=${TTQ_CLI:-target/release/ttq}
data=$(mktemp -d)
"$cli" --data-dir "$data" demo >/dev/null

display=:77
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1

descendants() {
  local p=$1
  echo "$p"
  for c in $(pgrep -P "$p"); do descendants "$c"; done
}

for i in $(seq 1 "$runs"); do
  log=$(mktemp)
  t0=$(date +%s%N)
  DISPLAY=$display TTQ_DATA_DIR=$data "$app" 2>"$log" &
  pid=$!
  until grep -q "sẵn sàng" "$log"; do
    sleep 0.01
    if [ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 30000 ]; then echo "run $i: no ready line" >&2; cat "$log" >&2; exit 1; fi
  done
  wall=$(( ($(date +%s%N) - t0) / 1000000 ))
  inner=$(grep -oE 'sau [0-9]+ ms' "$log" | grep -oE '[0-9]+')
  echo "run $i: launch to member list ${wall} ms (wall clock), ${inner} ms (inside the app)"
  if [ "$i" -eq "$runs" ]; then
    sleep 5
    total=0
    for p in $(descendants "$pid"); do
      kb=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
      name=$(cat "/proc/$p/comm" 2>/dev/null || echo '?')
      echo "  $name (pid $p): $((kb / 1024)) MB PSS"
      total=$((total + kb))
    done
    echo "idle memory, all app processes: $((total / 1024)) MB PSS"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
done
