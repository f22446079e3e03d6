//! A full disk: real `ttq` processes write into a small tmpfs (mounted in a private user and
//! mount namespace with `unshare`, no root needed) filled to a little free space. A member
//! added, a ward's import and a backup either succeed whole or fail with a Vietnamese
//! message about the full disk, the data as it was.
#![cfg(target_os = "linux")]

mod common;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: &str = "2026-11-20T10:00:00+07:00";
const TTQ: &str = env!("CARGO_BIN_EXE_ttq");

/// Free space left on the tmpfs before the command runs, in bytes: from none to more than
/// any of the writes needs.
const FREE: [u64; 12] = [
    0,
    4 << 10,
    16 << 10,
    48 << 10,
    96 << 10,
    192 << 10,
    384 << 10,
    768 << 10,
    1536 << 10,
    3 << 20,
    6 << 20,
    24 << 20,
];

fn ttq(dir: &Path, args: &[&str]) {
    let out = Command::new(TTQ)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TTQ_DATA_DIR")
        .env("TTQ_TEST_NOW", NOW)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "ttq {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What one run on the nearly full disk did.
struct Attempt {
    ok: bool,
    stderr: String,
    /// The data folder as the run left it (copied off the tmpfs).
    after: PathBuf,
}

/// Copies `template` onto a fresh tmpfs, fills it to `free` bytes, runs `ttq args` there and
/// copies the data folder back into `out`.
fn on_full_disk(template: &Path, free: u64, args: &[&str], out: &Path) -> Attempt {
    let mnt = out.join("mnt");
    let after = out.join("after");
    std::fs::create_dir_all(&mnt).unwrap();
    let script = r#"
        set -e
        mount -t tmpfs -o size=64m tmpfs "$MNT"
        cp -a "$TEMPLATE" "$MNT/d"
        avail=$(df --output=avail -B1 "$MNT" | tail -n 1)
        fill=$((avail - FREE))
        if [ "$fill" -gt 0 ]; then head -c "$fill" /dev/zero > "$MNT/filler" 2>/dev/null || true; fi
        set +e
        "$TTQ" --data-dir "$MNT/d" "$@" > /dev/null 2> "$OUT/stderr"
        echo $? > "$OUT/rc"
        cp -a "$MNT/d" "$OUT/after"
    "#;
    let status = Command::new("unshare")
        .args([
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            script,
            "sh",
        ])
        .args(args)
        .env("MNT", &mnt)
        .env("TEMPLATE", template)
        .env("FREE", free.to_string())
        .env("TTQ", TTQ)
        .env("OUT", out)
        .env("TTQ_TEST_NOW", NOW)
        .env_remove("TTQ_DATA_DIR")
        .status()
        .expect("unshare (util-linux) runs");
    assert!(
        status.success(),
        "could not make a small disk with unshare and tmpfs: this test needs user namespaces"
    );
    let rc = std::fs::read_to_string(out.join("rc")).unwrap();
    Attempt {
        ok: rc.trim() == "0",
        stderr: std::fs::read_to_string(out.join("stderr")).unwrap(),
        after,
    }
}

/// The rows a data file holds: every table's count (meta aside, where a failed backup is
/// noted) and the names of the members.
fn state(dir: &Path) -> Vec<String> {
    let conn = Connection::open(dir.join("ttq.sqlite")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "the file is intact after a full disk");
    let mut st = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'meta'
             AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .unwrap();
    let tables: Vec<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out: Vec<String> = tables
        .iter()
        .map(|t| {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            format!("{t}={n}")
        })
        .collect();
    let mut st = conn
        .prepare("SELECT full_name FROM members ORDER BY full_name")
        .unwrap();
    out.extend(st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap));
    out
}

/// The backups the app named in a data folder, each checked whole.
fn backups(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("sao-luu"))
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("ttq-") && n.ends_with(".sqlite"))
        .collect();
    names.sort();
    for n in &names {
        let c = Connection::open_with_flags(
            dir.join("sao-luu").join(n),
            OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let check: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "backup {n} is whole");
    }
    names
}

/// Runs `args` at every free space of the sweep: each failure says the disk is full and
/// leaves the data as it was; each success did the whole write (`done`); the sweep sees both.
fn sweep(template: &Path, args: &[&str], done: impl Fn(&Attempt, &[String])) {
    let before = state(template);
    let before_backups = backups(template);
    let (mut failed, mut succeeded) = (0, 0);
    // The suite runs again at six instants under libfaketime: the ends of the sweep there.
    let sweep: Vec<u64> = if std::env::var_os("FAKETIME").is_some() {
        vec![0, 48 << 10, 24 << 20]
    } else {
        FREE.to_vec()
    };
    for free in sweep {
        let out = tempfile::tempdir().unwrap();
        let a = on_full_disk(template, free, args, out.path());
        let after = state(&a.after);
        let copies = backups(&a.after);
        if a.ok {
            succeeded += 1;
            done(&a, &copies);
        } else {
            failed += 1;
            assert!(
                a.stderr.contains("đầy") && !a.stderr.contains("nội bộ"),
                "ttq {args:?} with {free} bytes free: the message names the full disk: {}",
                a.stderr
            );
            assert_eq!(
                after, before,
                "ttq {args:?} with {free} bytes free: data as it was"
            );
            for c in &before_backups {
                assert!(copies.contains(c), "the backup {c} is kept");
            }
        }
        eprintln!(
            "full disk: ttq {} with {free} bytes free: {}",
            args[0],
            if a.ok {
                "done".to_string()
            } else {
                a.stderr.trim().to_string()
            }
        );
    }
    assert!(failed > 0, "ttq {args:?}: the sweep never filled the disk");
    assert!(
        succeeded > 0,
        "ttq {args:?}: the sweep never left enough room"
    );
}

#[test]
fn a_full_disk_fails_a_write_an_import_and_a_backup_cleanly() {
    let root = tempfile::tempdir().unwrap();
    let group = root.path().join("Tổ dữ liệu");
    ttq(&group, &["demo"]);
    let conn = Connection::open(group.join("ttq.sqlite")).unwrap();
    conn.execute("DELETE FROM meta WHERE key = 'demo'", [])
        .unwrap();
    drop(conn);
    ttq(&group, &["backup", "create"]);

    let name = "Phan Thị Mai Hương";
    sweep(
        &group,
        &[
            "member",
            "add",
            "--name",
            name,
            "--birth-date",
            "14/03/1979",
        ],
        |a, _| assert!(state(&a.after).iter().any(|n| n == name)),
    );
    let made = backups(&group).len();
    sweep(&group, &["backup", "create"], |_, copies| {
        assert_eq!(copies.len(), made + 1, "the new copy is there");
    });

    let packages = root.path().join("gửi phường");
    for m in ["2026-09", "2026-10"] {
        ttq(
            &group,
            &["export", "--month", m, "--out", packages.to_str().unwrap()],
        );
    }
    let ward = root.path().join("phường");
    ttq(&ward, &common::WARD_INIT);
    let mut files: Vec<String> = std::fs::read_dir(&packages)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    sweep(&ward, &args, |a, _| {
        let conn = Connection::open(a.after.join("ttq.sqlite")).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM ward_files", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 2, "both files received");
    });
}
