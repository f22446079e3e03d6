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

step "Core: unit and integration tests"
cargo test -p ttq --locked 2>&1 | tee -a "$log"

step "TypeScript bindings are up to date"
if ! git diff --quiet -- ui/src/lib/bindings || [ -n "$(git ls-files --others --exclude-standard ui/src/lib/bindings)" ]; then
  git status --short ui/src/lib/bindings
  echo "The generated bindings changed: run 'cargo test -p ttq' and commit ui/src/lib/bindings." >&2
  exit 1
fi

step "App: build with the UI embedded"
cargo build -p ttq-desktop --locked

step "End to end: the app window under Xvfb"
xvfb-run -a -s "-screen 0 1366x768x24" node --test --test-concurrency=1 --test-reporter=spec tests/e2e/ 2>&1 | tee -a "$log"

passed=$(grep -hoE '(test result: .*; )?[0-9]+ passed' "$log" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(grep -hoE '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
e2e_pass=$(grep -hoE '^ℹ pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
e2e_fail=$(grep -hoE '^ℹ fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
echo
echo "$((passed + e2e_pass)) passed, $((failed + e2e_fail)) failed"
[ "$((failed + e2e_fail))" -eq 0 ]
