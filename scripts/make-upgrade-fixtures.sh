#!/usr/bin/env bash
# Makes the upgrade fixtures: one SQLite database per earlier schema version, each made
# by the `ttq` binary of that version, so a test can open it with today's code and check
# that the migrations carry real data forward.
#
# For every schema version N found in the committed history of src/store/migrations.rs
# (N = number of entries in `MIGRATIONS`, i.e. `PRAGMA user_version`), the script takes
# the LAST commit at which MIGRATIONS had N entries, builds that commit's `ttq` in a
# temporary git worktree and writes
#   <out>/v<N>-group.sqlite   a group made with `ttq demo` (or, for a version without
#                             `demo`, `ttq init` plus a few `ttq member add`)
#   <out>/v<N>-ward.sqlite    a ward workspace made with `ttq demo --ward`, only for the
#                             highest version whose CLI has `demo --ward`
# Every binary runs under libfaketime at one fixed instant, so dates in the data are the
# same on every run (ids, keys and the seconds the clock ticks during a run still differ).
#
# Usage: scripts/make-upgrade-fixtures.sh [--force] [--rev REV] [OUT_DIR]
#   OUT_DIR   where the fixtures go (default: tests/fixtures/upgrade in the repo)
#   --force   remake fixtures that already exist (default: skip a version whose files exist)
#   --rev     the commit whose history is read (default: HEAD); the working tree is never used
#
# Needs: git, cargo, python3, faketime. Only the `ttq` package is built (not src-tauri),
# in CARGO_TARGET_DIR (default /tmp/ttq-fixture-target). The working tree and index of the
# repo are not touched: builds happen in `git worktree add --detach` copies, removed at the end.
set -euo pipefail

# The instant every fixture is made at (UTC; 10:00 in Vietnam).
FAKE_NOW="@2026-11-20 03:00:00"
MIGRATIONS_FILE="src/store/migrations.rs"

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

FORCE=0
REV=HEAD
OUT=""
while [ $# -gt 0 ]; do
    case "$1" in
        --force) FORCE=1 ;;
        --rev) REV="${2:?--rev needs a commit}"; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
        *) [ -z "$OUT" ] || { echo "only one OUT_DIR, please" >&2; exit 2; }; OUT="$1" ;;
    esac
    shift
done

for tool in git cargo python3 faketime; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

REPO="$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)"
OUT="${OUT:-$REPO/tests/fixtures/upgrade}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
TARGET="${CARGO_TARGET_DIR:-/tmp/ttq-fixture-target}"
# Resolve the revision once, so commits made while the script runs do not move it.
REV_SHA="$(git -C "$REPO" rev-parse --verify "$REV^{commit}")"

WORK="$(mktemp -d /tmp/ttq-fixtures.XXXXXX)"
WORKTREES=()
cleanup() {
    local wt
    for wt in "${WORKTREES[@]+"${WORKTREES[@]}"}"; do
        git -C "$REPO" worktree remove --force "$wt" 2>/dev/null || true
    done
    git -C "$REPO" worktree prune 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# Number of top-level raw string literals (r#"...") inside `MIGRATIONS`, read from stdin.
count_migrations() {
    python3 -c '
import re, sys
src = sys.stdin.read()
m = re.search(r"pub const MIGRATIONS\s*:[^=]*=\s*&\[", src)
if not m:
    print(0); sys.exit()
i = m.end()
n = 0
while i < len(src):
    if src.startswith("//", i):            # line comment
        i = src.find("\n", i)
        if i < 0: break
    elif src.startswith("/*", i):          # block comment
        i = src.index("*/", i) + 2
        continue
    elif src.startswith("r#\"", i):        # one migration
        n += 1
        i = src.index("\"#", i + 3) + 2
        continue
    elif src[i] == "]":                    # end of the slice
        break
    i += 1
print(n)
'
}

count_at() {
    git -C "$REPO" show "$1:$MIGRATIONS_FILE" 2>/dev/null | count_migrations
}

# LAST[N] = the last commit (on the first-parent line up to REV) where MIGRATIONS has N
# entries: the parent of the commit that first added entry N+1, or REV for the newest N.
declare -A LAST=()
prev=0
prev_commit=""
while read -r c; do
    n="$(count_at "$c")"
    if [ "$n" -lt "$prev" ]; then
        echo "MIGRATIONS shrank from $prev to $n entries at $c; refusing to guess" >&2
        exit 1
    fi
    if [ "$n" -gt "$prev" ]; then
        if [ "$prev" -gt 0 ]; then
            parent="$(git -C "$REPO" rev-parse "$c^1")"
            LAST[$prev]="$parent"
            # Versions skipped by a commit that added several migrations at once.
            for ((k = prev + 1; k < n; k++)); do
                echo "note: no commit has exactly $k migrations (skipped at $c)" >&2
            done
        fi
        prev="$n"
    fi
    prev_commit="$c"
done < <(git -C "$REPO" rev-list --first-parent --reverse "$REV_SHA" -- "$MIGRATIONS_FILE")
[ -n "$prev_commit" ] || { echo "no history for $MIGRATIONS_FILE at $REV" >&2; exit 1; }
LAST[$prev]="$REV_SHA"
MAX="$prev"

# Does the CLI at a commit have `demo --ward`? (Checked again on the built binary.)
source_has_ward_demo() {
    git -C "$REPO" grep -q -e 'fill_ward' "$1" -- src/bin src/main.rs 2>/dev/null
}
WARD_VERSION=0
for ((n = MAX; n >= 1; n--)); do
    if [ -n "${LAST[$n]:-}" ] && source_has_ward_demo "${LAST[$n]}"; then
        WARD_VERSION="$n"
        break
    fi
done

echo "Schema versions in the history of $REV ($(git -C "$REPO" rev-parse --short "$REV_SHA")):"
for ((n = 1; n <= MAX; n++)); do
    [ -n "${LAST[$n]:-}" ] || continue
    echo "  v$n: $(git -C "$REPO" log -1 --format='%h %ad %s' --date=short "${LAST[$n]}" | cut -c1-100)"
done
echo "Fixed instant: $FAKE_NOW (UTC); output: $OUT"

# Runs an old binary at the fixed instant, with nothing from the environment that could
# change where it writes or what time it thinks it is.
run_ttq() {
    env -u TTQ_DATA_DIR -u TTQ_TEST_NOW TZ=UTC faketime -f "$FAKE_NOW" "$@"
}

# Fallback for a CLI without `demo`: the group, its leader and a few members.
make_group_by_hand() {
    local bin="$1" dir="$2"
    run_ttq "$bin" --data-dir "$dir" init \
        --name "Tổ tự quản ANTT khu phố 3" \
        --province-code 31 --province-name "Thành phố Hải Phòng" \
        --commune-code 11311 --commune-name "Phường Hồng Bàng" \
        --area-name "Khu phố 3" --police-unit "Công an phường Hồng Bàng" \
        --households 212 --residents 815 \
        --leader-name "Nguyễn Văn Hùng" --leader-birth-date 12/03/1968 \
        --leader-phone 0912345678 --leader-gender nam
    local who
    for who in "Trần Thị Lan|nu|05/07/1975|to-pho" "Lê Đức Thắng|nam|21/11/1980|to-vien" \
               "Phạm Thị Hồng Nga|nu|30/01/1990|to-vien" "Vũ Minh Tuấn|nam|14/09/1985|to-vien"; do
        IFS='|' read -r name gender birth role <<<"$who"
        run_ttq "$bin" --data-dir "$dir" member add --name "$name" --gender "$gender" \
            --birth-date "$birth" --role "$role" --joined-on 01/10/2026
    done
}

# Checks the database a binary made, folds its WAL into the main file and copies it out.
finish_db() {
    local dir="$1" version="$2" dest="$3"
    python3 - "$dir/ttq.sqlite" "$version" <<'PY'
import sqlite3, sys
path, want = sys.argv[1], int(sys.argv[2])
conn = sqlite3.connect(path)
got = conn.execute("PRAGMA user_version").fetchone()[0]
if got != want:
    sys.exit(f"{path}: user_version {got}, expected {want}")
ok = conn.execute("PRAGMA integrity_check").fetchall()
if ok != [("ok",)]:
    sys.exit(f"{path}: integrity_check says {ok}")
conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
if mode != "delete":
    sys.exit(f"{path}: journal_mode is still {mode}")
conn.close()
PY
    for extra in -wal -shm -journal; do
        [ ! -s "$dir/ttq.sqlite$extra" ] || { echo "$dir/ttq.sqlite$extra left over" >&2; exit 1; }
    done
    cp "$dir/ttq.sqlite" "$dest"
}

# One line per fixture: size and the rows of a few main tables.
describe() {
    python3 - "$1" <<'PY'
import os, sqlite3, sys
path = sys.argv[1]
conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
parts = [f"{t}={conn.execute(f'SELECT count(*) FROM {t}').fetchone()[0]}"
         for t in ("members", "incidents", "activities", "closed_months", "ward_files")
         if t in have]
v = conn.execute("PRAGMA user_version").fetchone()[0]
print(f"  {os.path.basename(path)}: v{v}, {os.path.getsize(path)} bytes, " + ", ".join(parts))
PY
}

MADE=()
for ((n = 1; n <= MAX; n++)); do
    commit="${LAST[$n]:-}"
    [ -n "$commit" ] || continue
    short="$(git -C "$REPO" rev-parse --short "$commit")"
    want=("v$n-group.sqlite")
    [ "$n" -ne "$WARD_VERSION" ] || want+=("v$n-ward.sqlite")
    todo=()
    for f in "${want[@]}"; do
        if [ "$FORCE" -eq 1 ] || [ ! -e "$OUT/$f" ]; then todo+=("$f"); fi
    done
    if [ "${#todo[@]}" -eq 0 ]; then
        echo "v$n ($short): ${want[*]} already there, skipped (use --force to remake)"
        continue
    fi

    echo "v$n ($short): building ttq..."
    wt="$WORK/ttq-v$n"
    git -C "$REPO" worktree add --quiet --detach "$wt" "$commit"
    WORKTREES+=("$wt")
    # The CLI moved into its own package (cli/, ttq-cli) in December 2026.
    pkg=ttq
    [ -f "$wt/cli/Cargo.toml" ] && pkg=ttq-cli
    (cd "$wt" && CARGO_TARGET_DIR="$TARGET" cargo build --quiet --locked -p "$pkg" --bin ttq)
    bin="$WORK/ttq-v$n.bin"
    cp "$TARGET/debug/ttq" "$bin"
    git -C "$REPO" worktree remove --force "$wt"

    help="$("$bin" --help)"
    for f in "${todo[@]}"; do
        dir="$WORK/data-${f%.sqlite}"
        mkdir -p "$dir"
        case "$f" in
            *-ward.sqlite)
                "$bin" demo --help | grep -q -- '--ward' \
                    || { echo "v$n: ttq demo has no --ward" >&2; exit 1; }
                run_ttq "$bin" --data-dir "$dir" demo --ward ;;
            *)
                if grep -qE '^  demo ' <<<"$help"; then
                    run_ttq "$bin" --data-dir "$dir" demo
                else
                    echo "v$n: no 'ttq demo'; making the group with init and member add"
                    make_group_by_hand "$bin" "$dir"
                fi ;;
        esac
        finish_db "$dir" "$n" "$OUT/$f"
        MADE+=("$OUT/$f")
    done
done

echo
if [ "${#MADE[@]}" -eq 0 ]; then
    echo "Nothing made."
else
    echo "Made (at $FAKE_NOW UTC):"
    for f in "${MADE[@]}"; do describe "$f"; done
fi
