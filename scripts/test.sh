#!/usr/bin/env bash
# Runs every check and test: formatting, lints, the UI's type check, the core's unit and
# integration tests (on temporary databases), stale TypeScript bindings, and the end-to-end
# test of the real app window under Xvfb. Prints one summary line at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "UI: type check and build"
(cd ui && npm run check && npm run build)

step "Rust: format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Core and CLI: unit and integration tests"
cargo test -p ttq -p ttq-cli --locked 2>&1 | tee -a "$log"

# The reporting week and the turn of the year are where dates bite: run the same suites
# with the system clock moved there (libfaketime; the clock then ticks on). Vietnam is UTC+7.
step "Core and CLI at fixed instants (libfaketime)"
instants=(
  "2026-12-01 17:30:00|02/12/2026 00:30, the 2nd of a month"
  "2026-12-05 16:59:00|05/12/2026 23:59, a deadline day"
  "2026-11-30 16:30:00|30/11/2026 23:30, the last day of a month"
  "2026-12-31 17:30:00|01/01/2027 00:30, New Year"
  "2028-02-29 05:00:00|29/02/2028 12:00, a leap day"
  "2027-02-05 16:30:00|05/02/2027 23:30, the eve of Tết"
)
mapfile -t test_bins < <(cargo test -p ttq -p ttq-cli --locked --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["profile"]["test"]:
        print(m["executable"])')
for entry in "${instants[@]}"; do
  utc=${entry%%|*}
  echo "-- ${entry#*|} (Vietnam time)"
  for b in "${test_bins[@]}"; do
    TZ=UTC faketime -f "@$utc" "$b" -q 2>&1 | tee -a "$log" | grep -E "^test result|FAILED|panicked" || true
  done
done

# Generated and committed: the TypeScript bindings (ts-rs, by the core's tests), and the
# command client and the window's capability (by src-tauri/build.rs, run by clippy above).
step "Generated files are up to date"
generated=(ui/src/lib/bindings ui/src/lib/commands.ts src-tauri/capabilities)
if ! git diff --quiet -- "${generated[@]}" || [ -n "$(git ls-files --others --exclude-standard "${generated[@]}")" ]; then
  git status --short "${generated[@]}"
  echo "Generated files changed: run 'cargo test -p ttq' and 'cargo build -p ttq-desktop', then commit them." >&2
  exit 1
fi

# The release build the .deb is made of is also the app the end-to-end tests drive: one
# build of the desktop shell instead of a debug one and a release one.
step "App: release build with the UI embedded, and the .deb (scripts/package.sh --linux)"
bash scripts/package.sh --linux
export TTQ_APP="${TTQ_APP:-${CARGO_TARGET_DIR:-target}/release/ttq-desktop}"
case "$TTQ_APP" in /*) ;; *) TTQ_APP="$PWD/$TTQ_APP" ;; esac

step "End to end: the app window under Xvfb"
xvfb-run -a -s "-screen 0 1366x768x24" node --test --test-concurrency=1 --test-reporter=spec tests/e2e/ 2>&1 | tee -a "$log"

# What users install: the Windows binaries cross-built and packed into the installer, tried
# under Wine; the .deb installed, started and removed (tests/packages).
step "Packages: the Windows installer and ttq.exe under Wine, the .deb"
bash scripts/package.sh --windows
xvfb-run -a -s "-screen 0 1366x768x24" node --test --test-concurrency=1 --test-reporter=spec tests/packages/ 2>&1 | tee -a "$log"

passed=$(grep -hoE '(test result: .*; )?[0-9]+ passed' "$log" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(grep -hoE '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
e2e_pass=$(grep -hoE '^ℹ pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
e2e_fail=$(grep -hoE '^ℹ fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
echo
echo "$((passed + e2e_pass)) passed, $((failed + e2e_fail)) failed"
[ "$((failed + e2e_fail))" -eq 0 ]
