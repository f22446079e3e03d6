//! The store on a real SQLite file: opening, migrations, refusal of newer databases.

use crate::common::*;
use std::fs;
use ttq::store::{schema_version, DB_FILE};
use ttq::{ErrorCode, Store};

#[test]
fn new_database_is_migrated_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_dir(dir.path()).unwrap();
    assert_eq!(s.user_version().unwrap(), schema_version());
    drop(s);
    let s = Store::open_dir(dir.path()).unwrap();
    assert_eq!(s.user_version().unwrap(), schema_version());
    assert!(s.group().unwrap().is_none());
}

#[test]
fn pragmas_are_set_on_every_connection() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_dir(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn newer_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future(x); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert_eq!(err.code, ErrorCode::DatabaseTooNew);
    assert!(err.message.contains("phiên bản mới hơn"));
    assert_eq!(fs::read(&path).unwrap(), before, "file bytes changed");
    assert!(!dir.path().join(format!("{DB_FILE}-wal")).exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let junk = b"This is a letter, not a database. ".repeat(200);
    fs::write(&path, &junk).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert_eq!(err.code, ErrorCode::DatabaseCorrupt);
    assert_eq!(fs::read(&path).unwrap(), junk);
}

#[test]
fn unwritable_data_dir_gives_a_vietnamese_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let err = Store::open_dir(&file.join("sub")).err().unwrap();
    assert_eq!(err.code, ErrorCode::Io);
    assert!(err.message.contains("thư mục dữ liệu"));
}

#[test]
fn group_is_created_once_with_its_leader() {
    let (_d, mut s) = store_with_group();
    let g = s.group().unwrap().unwrap();
    assert_eq!(g.name, "Tổ tự quản ANTT Thôn Đông");
    assert_eq!(g.leader_name.as_deref(), Some("Lê Văn Thành"));
    assert_eq!(uuid::Uuid::parse_str(&g.id).unwrap().get_version_num(), 7);
    let again = ttq::app::group::create(
        &mut s,
        &ttq::model::group::GroupSetup {
            group: group_input(),
            leader: member("Ai Đó", "01/01/1980"),
        },
        now(),
    )
    .unwrap_err();
    assert_eq!(again.code, ErrorCode::GroupExists);
}

#[test]
fn wizard_reports_group_and_leader_errors_together_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(dir.path()).unwrap();
    let mut g = group_input();
    g.commune_code = "7069".into();
    let mut leader = member("", "01/01/1980");
    leader.phone = "0123".into();
    let e = ttq::app::group::create(
        &mut s,
        &ttq::model::group::GroupSetup { group: g, leader },
        now(),
    )
    .unwrap_err();
    let fields: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["commune_code", "leader.full_name", "leader.phone"]);
    assert!(s.group().unwrap().is_none());
}

#[test]
fn group_edit_updates_fields_and_revision() {
    let (_d, mut s) = store_with_group();
    let mut input = group_input();
    input.households = Some(95);
    input.decision_date = "02/07/2024".into();
    let g = s.update_group(&input, later(60)).unwrap();
    assert_eq!(g.households, Some(95));
    assert_eq!(g.decision_date.as_deref(), Some("2024-07-02"));
    assert!(g.updated_at > g.created_at);
}

#[test]
fn the_app_and_the_cli_share_one_data_folder_named_for_the_app() {
    // The desktop shell's identifier (Tauri's data folder name) is the core's.
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src-tauri/tauri.conf.json"
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(conf["identifier"], ttq::store::APP_ID);
    let dir = ttq::store::default_data_dir().unwrap();
    assert_eq!(dir.file_name().unwrap(), ttq::store::APP_ID);
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    if let (Some(home), None) = (home, std::env::var_os("XDG_DATA_HOME")) {
        assert_eq!(dir, home.join(".local/share/vn.ttq.app"));
    }
}
