//! The store: one SQLite file, opened with the same pragmas every time, migrated in
//! numbered steps, refusing a database newer than this binary.

mod activity;
mod attendance;
pub mod backup;
mod category;
mod group;
mod history;
mod incident;
mod incident_index;
mod member;
pub mod migrations;
mod month;
mod monthly_figures;
mod patrol;
mod patrol_setup;
mod practice;
mod settings;
mod sync;
mod ward;

pub use month::Issue;
pub use settings::Setting;
pub use sync::{ReceiptRecord, TABLES};
pub use ward::{ImportRecord, WardFile, WardGroup};

use crate::error::{Error, ErrorCode, Result};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database file's name inside the data directory.
pub const DB_FILE: &str = "ttq.sqlite";

/// An open database of one installation.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    device_id: String,
    /// The incident list kept in memory for search; `None` until needed or after a write.
    incident_index: std::cell::RefCell<Option<incident_index::IncidentIndex>>,
}

/// The schema version this binary writes.
pub fn schema_version() -> i64 {
    migrations::MIGRATIONS.len() as i64
}

/// The app's identifier, also the name of its data folder.
pub const APP_ID: &str = "vn.ttq.app";

/// The default data directory of this user, the one the desktop app and the CLI share:
/// `%APPDATA%\vn.ttq.app` on Windows, `~/.local/share/vn.ttq.app` on Linux (where Tauri
/// keeps an app's data: the user's data folder and the app's identifier).
pub fn default_data_dir() -> Result<PathBuf> {
    directories::BaseDirs::new()
        .map(|d| d.data_dir().join(APP_ID))
        .ok_or_else(|| {
            Error::new(
                ErrorCode::Io,
                "Không xác định được thư mục dữ liệu của người dùng. Hãy chỉ định thư mục bằng --data-dir.",
            )
        })
}

impl Store {
    /// Opens (creating if needed) the database in `dir`.
    pub fn open_dir(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::new(
                ErrorCode::Io,
                format!(
                    "Không tạo được thư mục dữ liệu {}. Hãy kiểm tra quyền ghi hoặc chọn thư mục khác.",
                    dir.display()
                ),
            )
            .with_detail(e.to_string())
        })?;
        Store::open(&dir.join(DB_FILE))
    }

    /// Opens (creating if needed) the database file at `path` and migrates it.
    /// A database written by a newer version is refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // Imports run a statement shape per synced table; keep them all prepared.
        conn.set_prepared_statement_cache_capacity(64);
        // Read the version before any pragma that writes (journal_mode writes the header).
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema_version() {
            return Err(Error::new(
                ErrorCode::DatabaseTooNew,
                "Tệp dữ liệu này được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới nhất rồi mở lại; tệp chưa bị thay đổi.",
            )
            .with_detail(format!(
                "database user_version {version}, this binary knows {}",
                schema_version()
            )));
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            device_id: String::new(),
            incident_index: Default::default(),
        };
        // A damaged file is never migrated or written to: the user restores a backup.
        store.quick_check()?;
        store.migrate(version)?;
        store.device_id = store.ensure_device_id()?;
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        for (i, sql) in migrations::MIGRATIONS
            .iter()
            .enumerate()
            .skip(from as usize)
        {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)
                .map_err(|e| Error::from(e).with_detail(format!("migration {}", i + 1)))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    fn ensure_device_id(&self) -> Result<String> {
        let existing: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'device_id'", [], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
        // Short and random: it only breaks ties between two machines' edits in the same ms.
        let id = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES ('device_id', ?1)",
            [&id],
        )?;
        Ok(id)
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn user_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// The revision for a row written at `now` on this device; orders versions of a row
    /// the same way on every machine (time first, then device id).
    fn revision(&self, now: DateTime<Utc>) -> String {
        format!("{:013}-{}", now.timestamp_millis(), self.device_id)
    }
}

/// A synced row's own columns and their values (the conventions' columns are added by
/// `insert_row` and `update_row`).
type Values = Vec<(&'static str, rusqlite::types::Value)>;

/// Inserts a synced row: `values` plus id, group_id, created_at, updated_at and revision.
fn insert_row(
    conn: &Connection,
    table: &str,
    id: &str,
    group_id: &str,
    values: Values,
    rev: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let at = ts(now);
    let mut all: Values = vec![
        ("id", id.to_string().into()),
        ("group_id", group_id.to_string().into()),
        ("created_at", at.clone().into()),
        ("updated_at", at.into()),
        ("revision", rev.to_string().into()),
    ];
    all.extend(values);
    let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
    let marks: Vec<String> = (1..=all.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    );
    conn.execute(
        &sql,
        rusqlite::params_from_iter(all.into_iter().map(|(_, v)| v)),
    )?;
    Ok(())
}

/// Updates a synced row's `values`, moving updated_at and revision.
fn update_row(
    conn: &Connection,
    table: &str,
    id: &str,
    values: Values,
    rev: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut all = values;
    all.push(("updated_at", ts(now).into()));
    all.push(("revision", rev.to_string().into()));
    let sets: Vec<String> = all
        .iter()
        .enumerate()
        .map(|(i, (n, _))| format!("{n} = ?{}", i + 2))
        .collect();
    let sql = format!("UPDATE {table} SET {} WHERE id = ?1", sets.join(", "));
    let params = std::iter::once(rusqlite::types::Value::from(id.to_string()))
        .chain(all.into_iter().map(|(_, v)| v));
    conn.execute(&sql, rusqlite::params_from_iter(params))?;
    Ok(())
}

use crate::date::bad_month;

/// UTC timestamp as stored: RFC 3339 with milliseconds.
fn ts(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A new row id: UUID v7, time-ordered.
fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
