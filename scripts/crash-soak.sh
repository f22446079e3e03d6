#!/usr/bin/env bash
# A long crash soak: the crash harness (cli/tests/crash.rs) with many kills per kind of
# write, and a fresh seed each time unless one is given. Prints one line per kind and the
# total; the figures go in the closing note of a change to how the ledger is written.
#   bash scripts/crash-soak.sh [KILLS_PER_KIND] [SEED]     (default 500, i.e. 2,000 kills)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-500}
seed=${2:-$(date +%s)}
start=$(date +%s)
TTQ_CRASH_KILLS=$kills TTQ_CRASH_SEED=$seed \
  cargo test -p ttq-cli --locked --test crash -- --nocapture 2>&1 \
  | grep -E '^crash:|panicked|test result|FAILED|left_of|right_of|assert' 
echo "crash soak: $((kills * 4)) kills asked, seed $seed, $(( $(date +%s) - start )) s"
