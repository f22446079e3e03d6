//! Crash safety: real `ttq` processes writing the ledger (a member added, an incident
//! edited, a month closed, a ward importing three packages) are killed with SIGKILL at
//! random moments. After every kill the file must pass `integrity_check` and
//! `foreign_key_check`, hold every write that was acknowledged, hold no half-applied import
//! or half-closed month, keep every backup it named intact, and open for the next run.
//!
//! `TTQ_CRASH_KILLS` sets the kills per kind of write (50 by default, 3 when the suite runs
//! again under libfaketime); `TTQ_CRASH_SEED` the random moments. `scripts/crash-soak.sh`
//! runs a long soak and prints the figures.
#![cfg(unix)]

mod common;

use rusqlite::{Connection, OpenFlags};
use std::collections::{BTreeSet, HashSet};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every run sees the same instant: the demo's last closed month is October 2026.
const NOW: &str = "2026-11-20T10:00:00+07:00";
const MONTH: &str = "2026-10";
const LEADER: &str = "Trần Văn Quyết";
/// Reopens the month the harness closes again and again.
const REOPEN: [&str; 8] = [
    "month",
    "reopen",
    "--month",
    MONTH,
    "--editor",
    LEADER,
    "--reason",
    "Bổ sung",
];

fn ttq(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ttq"));
    c.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TTQ_DATA_DIR")
        .env("TTQ_TEST_NOW", NOW)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// Runs to the end; panics with the message when the command fails.
fn ok(mut c: Command) {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        c,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A small deterministic generator (xorshift64*): the kill moments of a seed repeat.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// The process finished and said the write was done.
    Acked,
    /// SIGKILL ended it first.
    Killed,
}

/// Starts `c`, kills it after `delay` unless it has finished, and says which happened. A
/// process that fails on its own is a defect and fails the test.
fn run_and_kill(mut c: Command, delay: Duration) -> Outcome {
    let mut child = c.spawn().unwrap();
    std::thread::sleep(delay);
    if child.try_wait().unwrap().is_none() {
        let _ = child.kill();
    }
    let out = child.wait_with_output().unwrap();
    if out.status.success() {
        Outcome::Acked
    } else if out.status.signal() == Some(9) {
        Outcome::Killed
    } else {
        panic!(
            "{c:?} failed on its own: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// How long a whole run takes: the median of three runs of `once`.
fn typical(mut once: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..3).map(|_| once()).collect();
    times.sort();
    times[1]
}

/// Runs `c` to the end and says how long it took.
fn timed(c: Command) -> Duration {
    let t = Instant::now();
    ok(c);
    t.elapsed()
}

/// The counts a soak reports for one kind of write.
#[derive(Default)]
struct Tally {
    kills: usize,
    acked: usize,
    applied_after_kill: usize,
}

impl Tally {
    fn add(&mut self, o: Outcome, applied: bool) {
        match o {
            Outcome::Acked => self.acked += 1,
            Outcome::Killed => {
                self.kills += 1;
                self.applied_after_kill += usize::from(applied);
            }
        }
    }
}

struct Harness {
    rng: Rng,
    attempts: usize,
    /// Backups already verified (by path), so each is checked once.
    checked: HashSet<PathBuf>,
}

impl Harness {
    fn delay(&mut self, typical: Duration) -> Duration {
        let max = typical.as_micros() as u64 * 6 / 5;
        Duration::from_micros(self.rng.below(max + 1))
    }

    /// The file after a kill: intact, consistent references, every named backup intact.
    fn check_file(&mut self, dir: &Path) -> Connection {
        let conn = Connection::open(dir.join("ttq.sqlite")).unwrap();
        conn.busy_timeout(Duration::from_secs(10)).unwrap();
        let integrity: Vec<String> = rows(&conn, "PRAGMA integrity_check");
        assert_eq!(integrity, ["ok"], "integrity_check after a kill");
        let fk: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0, "foreign_key_check after a kill");
        for entry in std::fs::read_dir(dir.join("sao-luu")).into_iter().flatten() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("ttq-")
                && name.ends_with(".sqlite")
                && self.checked.insert(path.clone())
            {
                let copy =
                    Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
                let copy_ok: Vec<String> = rows(&copy, "PRAGMA integrity_check");
                assert_eq!(copy_ok, ["ok"], "a backup the app named is intact: {name}");
            }
        }
        conn
    }
}

fn rows(conn: &Connection, sql: &str) -> Vec<String> {
    let mut st = conn.prepare(sql).unwrap();
    st.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn count(conn: &Connection, sql: &str, arg: &str) -> i64 {
    conn.query_row(sql, [arg], |r| r.get(0)).unwrap()
}

/// A distinct name for each number (names hold no digits): its base-20 digits as given
/// names.
fn spelled(mut i: usize) -> String {
    const WORDS: [&str; 20] = [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hùng", "Khánh", "Lâm", "Minh",
        "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Vinh", "Xuân",
    ];
    let mut words = Vec::new();
    loop {
        words.push(WORDS[i % 20]);
        i /= 20;
        if i == 0 {
            break;
        }
    }
    words.join(" ")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn kills() -> usize {
    match std::env::var("TTQ_CRASH_KILLS") {
        Ok(n) => n.parse().expect("TTQ_CRASH_KILLS is a number"),
        // The suite runs again at six instants under libfaketime: a few kills there.
        Err(_) if std::env::var_os("FAKETIME").is_some() => 3,
        Err(_) => 50,
    }
}

/// Keeps killing until `n` kills landed (a run that finished first does not count), or a
/// generous number of attempts shows the runs are too quick to catch.
fn until_killed(h: &mut Harness, n: usize, tally: &Tally) -> bool {
    h.attempts += 1;
    tally.kills < n && h.attempts < n * 20
}

#[test]
fn sigkill_at_random_moments_never_breaks_the_ledger() {
    let n = kills();
    let seed = std::env::var("TTQ_CRASH_SEED")
        .map(|s| s.parse().expect("TTQ_CRASH_SEED is a number"))
        .unwrap_or(20261203u64);
    let mut h = Harness {
        rng: Rng(seed | 1),
        attempts: 0,
        checked: HashSet::new(),
    };
    let root = tempfile::tempdir().unwrap();

    // A group as the leader has it: the demo (not marked as one, so the app backs it up
    // like real data), its last closed month reopened, today's backup already made.
    let group = root.path().join("Tổ dữ liệu");
    ok(ttq(&group, &["demo"]));
    let conn = Connection::open(group.join("ttq.sqlite")).unwrap();
    conn.execute("DELETE FROM meta WHERE key = 'demo'", [])
        .unwrap();
    drop(conn);
    ok(ttq(&group, &REOPEN));
    ok(ttq(&group, &["backup", "create"]));

    let packages = root.path().join("gửi phường");
    for m in ["2026-08", "2026-09", MONTH] {
        ok(ttq(
            &group,
            &["export", "--month", m, "--out", packages.to_str().unwrap()],
        ));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&packages)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 3);

    let report = [
        member_add(&mut h, &group, root.path(), n),
        incident_edit(&mut h, &group, root.path(), n),
        month_close(&mut h, &group, root.path(), n),
        ward_import(&mut h, root.path(), &files, n),
    ];
    for (kind, t, typical) in &report {
        eprintln!(
            "crash: {kind}: {} kills ({} left the write applied), {} runs finished first; a run takes {} ms",
            t.kills,
            t.applied_after_kill,
            t.acked,
            typical.as_millis()
        );
    }
    let total: usize = report.iter().map(|(_, t, _)| t.kills).sum();
    eprintln!("crash: {total} kills in all, seed {seed}");
    for (kind, t, _) in &report {
        assert!(t.kills >= n, "{kind}: only {} of {n} kills landed", t.kills);
    }
}

type Figures = (&'static str, Tally, Duration);

/// `ttq member add`: every acknowledged member is there once, with its event; a killed add
/// left all of it or none.
fn member_add(h: &mut Harness, template: &Path, root: &Path, n: usize) -> Figures {
    let dir = root.join("thêm tổ viên");
    copy_dir(template, &dir);
    let name = |i: usize| format!("Lê Văn {}", spelled(i));
    let mut i = 0;
    let add = |i: usize| {
        ttq(
            &dir,
            &[
                "member",
                "add",
                "--name",
                &name(i),
                "--birth-date",
                "02/09/1975",
            ],
        )
    };
    let mut acked: BTreeSet<String> = BTreeSet::new();
    let typical = typical(|| {
        i += 1;
        acked.insert(name(i));
        timed(add(i))
    });
    let mut tally = Tally::default();
    h.attempts = 0;
    while until_killed(h, n, &tally) {
        i += 1;
        let outcome = run_and_kill(add(i), h.delay(typical));
        let conn = h.check_file(&dir);
        let present = count(
            &conn,
            "SELECT count(*) FROM members m WHERE full_name = ?1
             AND EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = m.id)",
            &name(i),
        );
        let rows = count(
            &conn,
            "SELECT count(*) FROM members WHERE full_name = ?1",
            &name(i),
        );
        assert_eq!(rows, present, "a member without its event");
        assert!(present <= 1);
        if outcome == Outcome::Acked {
            assert_eq!(present, 1, "an acknowledged member is missing");
            acked.insert(name(i));
        }
        for a in &acked {
            let c = count(
                &conn,
                "SELECT count(*) FROM members WHERE full_name = ?1",
                a,
            );
            assert_eq!(c, 1, "acknowledged member {a}");
        }
        if present == 1 {
            acked.insert(name(i));
        }
        drop(conn);
        ok(ttq(&dir, &["member", "list", "--json"]));
        tally.add(outcome, present == 1);
    }
    ("member add", tally, typical)
}

/// `ttq incident edit`: the title is the last acknowledged one or the killed attempt's,
/// and the stored versions match the incident's version number.
fn incident_edit(h: &mut Harness, template: &Path, root: &Path, n: usize) -> Figures {
    let dir = root.join("sửa vụ việc");
    copy_dir(template, &dir);
    let id: String = Connection::open(dir.join("ttq.sqlite"))
        .unwrap()
        .query_row(
            "SELECT id FROM incidents WHERE occurred_on >= ?1 AND struck_at IS NULL
             AND deleted_at IS NULL ORDER BY occurred_on LIMIT 1",
            ["2026-10-01"],
            |r| r.get(0),
        )
        .unwrap();
    let title = |i: usize| format!("Trộm xe máy trước nhà văn hóa (sửa lần {i})");
    let edit = |i: usize| ttq(&dir, &["incident", "edit", &id, "--title", &title(i)]);
    let mut i = 0;
    let typical = typical(|| {
        i += 1;
        timed(edit(i))
    });
    let mut last_acked = title(i);
    let mut tally = Tally::default();
    h.attempts = 0;
    while until_killed(h, n, &tally) {
        i += 1;
        let outcome = run_and_kill(edit(i), h.delay(typical));
        let conn = h.check_file(&dir);
        let (now_title, version): (String, i64) = conn
            .query_row(
                "SELECT title, version FROM incidents WHERE id = ?1",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let versions = count(
            &conn,
            "SELECT count(*) FROM record_versions WHERE record_id = ?1",
            &id,
        );
        assert_eq!(versions, version, "every version of the incident is kept");
        let applied = now_title == title(i);
        match outcome {
            Outcome::Acked => assert!(applied, "an acknowledged edit is missing"),
            Outcome::Killed => assert!(
                applied || now_title == last_acked,
                "the title is neither the last saved one nor the new one: {now_title}"
            ),
        }
        if applied {
            last_acked = now_title;
        }
        drop(conn);
        ok(ttq(&dir, &["incident", "show", &id]));
        tally.add(outcome, applied);
    }
    ("incident edit", tally, typical)
}

/// `ttq month close`: the month is closed exactly when its report is issued (one copy in
/// force); a closed month is reopened for the next attempt.
fn month_close(h: &mut Harness, template: &Path, root: &Path, n: usize) -> Figures {
    let dir = root.join("khóa sổ");
    copy_dir(template, &dir);
    let close = || {
        ttq(
            &dir,
            &["month", "close", "--month", MONTH, "--editor", LEADER],
        )
    };
    let reopen = || ok(ttq(&dir, &REOPEN));
    let typical = typical(|| {
        let d = timed(close());
        reopen();
        d
    });
    let mut tally = Tally::default();
    h.attempts = 0;
    while until_killed(h, n, &tally) {
        let outcome = run_and_kill(close(), h.delay(typical));
        let conn = h.check_file(&dir);
        let closed = count(
            &conn,
            "SELECT count(*) FROM closed_months WHERE month = ?1 AND deleted_at IS NULL",
            MONTH,
        );
        let in_force = count(
            &conn,
            "SELECT count(*) FROM issued_reports WHERE month = ?1 AND withdrawn_at IS NULL
             AND deleted_at IS NULL",
            MONTH,
        );
        assert_eq!(closed, in_force, "closed ⇔ a report in force");
        assert!(closed <= 1);
        if outcome == Outcome::Acked {
            assert_eq!(closed, 1, "an acknowledged close is missing");
        }
        drop(conn);
        if closed == 1 {
            reopen();
        } else {
            ok(ttq(&dir, &["month", "show", "--month", MONTH]));
        }
        tally.add(outcome, closed == 1);
    }
    ("month close", tally, typical)
}

/// The ward's state as the rows it holds: the count of every table and the packages
/// received.
fn ward_state(dir: &Path) -> Vec<String> {
    let conn = Connection::open(dir.join("ttq.sqlite")).unwrap();
    let tables = rows(
        &conn,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'meta'
         AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    let mut state: Vec<String> = tables
        .iter()
        .map(|t| {
            let c: i64 = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            format!("{t}={c}")
        })
        .collect();
    state.extend(rows(
        &conn,
        "SELECT package_sha256 FROM ward_files ORDER BY package_sha256",
    ));
    state
}

/// `ttq import` of three packages at a ward: the ward afterwards is exactly the ward after a
/// clean import of the first k files, k = 3 when the run was acknowledged.
fn ward_import(h: &mut Harness, root: &Path, files: &[PathBuf], n: usize) -> Figures {
    let template = root.join("phường mẫu");
    ok(ttq(&template, &common::WARD_INIT));
    let import = |dir: &Path, k: usize| {
        let mut c = ttq(dir, &["import"]);
        c.args(&files[..k]);
        c
    };
    // The ward after a clean import of each prefix of the files.
    let prefixes: Vec<Vec<String>> = (0..=files.len())
        .map(|k| {
            let dir = root.join(format!("phường {k} tệp"));
            copy_dir(&template, &dir);
            if k > 0 {
                ok(import(&dir, k));
            }
            ward_state(&dir)
        })
        .collect();
    let mut run = 0;
    let mut fresh = || {
        run += 1;
        let dir = root.join(format!("phường lần {run}"));
        copy_dir(&template, &dir);
        dir
    };
    let mut dir = fresh();
    let typical = typical(|| {
        let d = timed(import(&dir, files.len()));
        std::fs::remove_dir_all(&dir).unwrap();
        dir = fresh();
        d
    });
    let mut tally = Tally::default();
    h.attempts = 0;
    while until_killed(h, n, &tally) {
        let outcome = run_and_kill(import(&dir, files.len()), h.delay(typical));
        drop(h.check_file(&dir));
        let state = ward_state(&dir);
        let Some(k) = prefixes.iter().position(|p| *p == state) else {
            panic!("a half-applied import: {state:?}\nclean imports: {prefixes:?}");
        };
        if outcome == Outcome::Acked {
            assert_eq!(k, files.len(), "an acknowledged import is missing");
        }
        ok(ttq(&dir, &["ward", "status", "--month", MONTH]));
        tally.add(outcome, k == files.len());
        std::fs::remove_dir_all(&dir).unwrap();
        dir = fresh();
    }
    ("ward import", tally, typical)
}
