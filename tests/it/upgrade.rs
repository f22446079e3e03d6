//! Databases and packages made by earlier versions (committed fixtures, made by
//! `scripts/make-upgrade-fixtures.sh`) open with today's code, migrate, and keep working.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use ttq::app;
use ttq::model::ward::ReportState;
use ttq::Store;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The fixture copied into a fresh folder (never opened in place: opening migrates it).
fn open_copy(name: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture(&format!("upgrade/{name}")),
        dir.path().join("ttq.sqlite"),
    )
    .unwrap();
    let store = Store::open_dir(dir.path()).unwrap();
    (dir, store)
}

fn count(store: &Store, table: &str) -> i64 {
    let c = rusqlite::Connection::open(store.path()).unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn checks_ok(store: &Store) {
    let c = rusqlite::Connection::open(store.path()).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0, "foreign keys hold");
}

/// The fixtures were made on 20/11/2026 10:00 in Vietnam; today's code reads them later.
fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-02T09:00:00+07:00")
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn every_earlier_schema_upgrades_with_its_data() {
    for v in 1..=ttq::store::schema_version() {
        let name = format!("v{v}-group.sqlite");
        // Read-only, so a missing fixture is reported, not created empty.
        let original = rusqlite::Connection::open_with_flags(
            fixture(&format!("upgrade/{name}")),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}; make it with scripts/make-upgrade-fixtures.sh"));
        let version: i64 = original
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, v, "{name} is of schema {v}");
        let members: i64 = original
            .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
            .unwrap();
        // Every issued copy as the old version stored it, to compare byte for byte.
        let issued_before: Vec<(String, Vec<u8>)> = if v >= 4 {
            let mut st = original
                .prepare("SELECT id, pdf FROM issued_reports ORDER BY id")
                .unwrap();
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        } else {
            Vec::new()
        };
        drop(original);

        let (_dir, mut s) = open_copy(&name);
        assert_eq!(
            s.user_version().unwrap(),
            ttq::store::schema_version(),
            "{name}"
        );
        checks_ok(&s);
        assert_eq!(count(&s, "members"), members, "{name}: members kept");
        for (id, pdf) in &issued_before {
            assert_eq!(
                &s.issued_pdf(id).unwrap(),
                pdf,
                "{name}: issued PDF {id} unchanged"
            );
        }
        if v >= 4 {
            assert!(!issued_before.is_empty(), "{name} has issued copies");
        }
        let group = s.require_group().unwrap();
        assert_eq!(group.name, "Tổ bảo vệ an ninh, trật tự Khu phố 3");
        let list = s
            .list_members(&Default::default(), now().date_naive())
            .unwrap();
        assert!(list.active_count >= 15, "{name}: {}", list.active_count);
        // Today's tasks work on the old data: the report of last month, and, once the
        // ledger exists, October's figures.
        let data = app::month::report_data(&s, "2026-11", now().date_naive()).unwrap();
        assert!(data.figures.members.active >= 15, "{name}");
        if v >= 2 {
            let oct = app::month::report_data(&s, "2026-10", now().date_naive()).unwrap();
            assert_eq!(oct.figures.incidents.total as usize, oct.incidents.len());
        }
        if v >= 4 {
            // A copy issued by the old version is still shown and printed as issued.
            let (r, issued) = app::month::issued(&s, "2026-10").unwrap().expect("closed");
            assert_eq!(issued.month, "2026-10");
            let view = app::month::view(&s, "2026-10", now().date_naive()).unwrap();
            assert!(view.state.closed);
            let (pdf, is_issued) = app::month::pdf(&s, "2026-10", now().date_naive()).unwrap();
            assert!(is_issued);
            assert_eq!(pdf.bytes, s.issued_pdf(&r.id).unwrap());
            // Its package carries the old digest as printed, marked as not recomputable.
            let file = app::sync::export(&mut s, "2026-10", false, now()).unwrap();
            let p = ttq::sync::package::read(&file.bytes).unwrap();
            assert_eq!(p.manifest.digest, r.digest);
            let expected = if v < 7 {
                1
            } else {
                ttq::figures::DIGEST_VERSION
            };
            assert_eq!(p.manifest.digest_version, expected, "{name}");
        } else {
            // Groups made before keys existed get one at their first export.
            assert!(
                app::sync::export(&mut s, "2026-10", false, now()).is_ok(),
                "{name}"
            );
        }
        checks_ok(&s);
    }
}

#[test]
fn an_old_ward_upgrades_and_reads_its_old_files() {
    let (_dir, s) = open_copy("v6-ward.sqlite");
    assert_eq!(s.user_version().unwrap(), ttq::store::schema_version());
    checks_ok(&s);
    let status = app::ward::status(&s, &["2026-09".into(), "2026-10".into()], now()).unwrap();
    assert_eq!(status.groups.len(), 6);
    let received: usize = status
        .groups
        .iter()
        .flat_map(|g| &g.months)
        .filter(|c| c.state.received())
        .count();
    assert_eq!(received, 9, "the nine files received before the upgrade");
    assert!(status
        .groups
        .iter()
        .all(|g| g.months.iter().all(|c| c.state != ReportState::NotDue)));
    // Figures kept in the old shape are read and added up.
    let doc = app::ward::report_document(&s, "2026-10", now().date_naive(), now()).unwrap();
    let (layout, _) = ttq::report::render(&doc);
    assert!(!layout.pages.is_empty());
    let xlsx = app::ward::report_xlsx(&s, "2026-10", now()).unwrap();
    assert!(xlsx.bytes.starts_with(b"PK"));
}

#[test]
fn a_version_1_package_is_still_read_and_imported() {
    let bytes = std::fs::read(fixture("packages/v1-khu-pho-3-2026-10.zip")).unwrap();
    let p = ttq::sync::package::read(&bytes).unwrap();
    assert_eq!(p.version, 1);
    assert_eq!(
        p.manifest.group.kind, "bao_ve_antt",
        "Rust names become stored names"
    );
    assert_eq!(p.manifest.digest_version, 1);
    let f = &p.manifest.figures;
    assert!(f.members.active >= 15);
    // Categories came by name; they are counted by code now.
    assert!(f
        .incidents
        .by_category
        .keys()
        .all(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_')));
    let dir = tempfile::tempdir().unwrap();
    let mut w = super::sync::ward(dir.path());
    let preview = app::ward::import(&mut w, &bytes, "v1.zip", &Default::default(), now()).unwrap();
    assert!(preview.applied && preview.new > 100);
    assert!(preview.warnings.is_empty(), "{:?}", preview.warnings);
    let status = app::ward::status(&w, &["2026-10".into()], now()).unwrap();
    // Made on 20/11, after the deadline of 05/11.
    assert_eq!(status.groups[0].months[0].state, ReportState::Late);
}
