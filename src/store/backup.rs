//! Copies of the database file: SQLite's online backup into a new file (temporary name,
//! fsync, rename, after a full integrity check), reading what a copy holds without changing
//! it, and restoring a copy over the open database in one transaction.

use super::{schema_version, Store};
use crate::error::{Error, ErrorCode, Result};
use crate::model::backup::{Contents, DataKind};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Pages copied per step of the online backup: large enough to finish a group's file in a
/// step or two, small enough that a ward's file does not hold the lock in one long stretch.
const PAGES_PER_STEP: std::os::raw::c_int = 4096;

impl Store {
    /// Writes a consistent copy of the open database to `dest`, which must not exist yet.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        copy_database(&self.conn, dest)
    }

    /// Replaces the open database with the copy at `src` (check it with [`inspect`] first),
    /// upgraded to this version's schema. All or nothing: a failure leaves the data as it was.
    pub fn restore_from(&mut self, src: &Path) -> Result<()> {
        let source = open_read_only(src)?;
        let version: i64 = source.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Backup::new(&source, &mut self.conn)?.run_to_completion(
            PAGES_PER_STEP,
            Duration::ZERO,
            None,
        )?;
        drop(source);
        // The copy's header says rollback journal; this connection works in WAL.
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        *self.incident_index.borrow_mut() = None;
        self.migrate(version)?;
        self.device_id = self.ensure_device_id()?;
        Ok(())
    }

    /// Fails with [`ErrorCode::DatabaseCorrupt`] when `PRAGMA quick_check` finds damage.
    pub(super) fn quick_check(&self) -> Result<()> {
        let problems = check(&self.conn, "quick_check")?;
        if problems.is_empty() {
            return Ok(());
        }
        Err(Error::new(
            ErrorCode::DatabaseCorrupt,
            "Tệp dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu; tệp hỏng được giữ lại, không bị xóa.",
        )
        .with_detail(problems.join("; ")))
    }

    /// A value this PC keeps for itself in `meta` (never sent to the ward).
    pub fn local_value(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// Sets (or with `None` clears) a value this PC keeps for itself.
    pub fn set_local_value(&self, key: &str, value: Option<&str>) -> Result<()> {
        match value {
            Some(v) => self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, v],
            )?,
            None => self
                .conn
                .execute("DELETE FROM meta WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    /// True when nothing has been set up in this file yet (no group, no ward).
    pub fn is_empty(&self) -> Result<bool> {
        Ok(kind(&self.conn)? == DataKind::Empty)
    }
}

/// The schema version of the database file at `path` without changing it; `None` when
/// there is no file.
pub fn peek_version(path: &Path) -> Result<Option<i64>> {
    if !path.exists() {
        return Ok(None);
    }
    // Read-write without create: a WAL left by a crash must be read, and nothing is made.
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(Some(
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
    ))
}

/// Copies the database file at `src`, which the store has not opened (before a migration),
/// to `dest`.
pub fn copy_file(src: &Path, dest: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        src,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    copy_database(&conn, dest)
}

/// What the database file at `path` holds, after a full integrity check. Refuses a damaged
/// file, one that is not this app's, and one made by a newer version.
pub fn inspect(path: &Path) -> Result<Contents> {
    let conn = open_read_only(path)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > schema_version() {
        return Err(Error::new(
            ErrorCode::DatabaseTooNew,
            "Bản sao lưu này do phiên bản mới hơn của ứng dụng tạo ra. Hãy cài phiên bản mới nhất rồi khôi phục.",
        )
        .with_detail(format!("user_version {version}, this binary knows {}", schema_version())));
    }
    let problems = check(&conn, "integrity_check")?;
    if !problems.is_empty() {
        return Err(Error::new(
            ErrorCode::DatabaseCorrupt,
            "Tệp này bị hỏng nên không dùng được.",
        )
        .with_detail(problems.join("; ")));
    }
    if version == 0 || !has_table(&conn, "meta")? {
        return Err(Error::new(
            ErrorCode::DatabaseCorrupt,
            "Tệp này không phải tệp dữ liệu của ứng dụng Tổ tự quản ANTT.",
        ));
    }
    contents(&conn, version)
}

/// The facts `inspect` shows, from an intact file of schema `version`.
fn contents(conn: &Connection, version: i64) -> Result<Contents> {
    let kind = kind(conn)?;
    let mut c = Contents {
        kind,
        name: None,
        group_id: None,
        members: 0,
        incidents: 0,
        closed_months: Vec::new(),
        groups: 0,
        last_record_at: None,
        schema_version: version,
    };
    let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    match kind {
        DataKind::Empty => return Ok(c),
        DataKind::Ward => {
            c.name = conn.query_row("SELECT name FROM ward", [], |r| r.get(0))?;
            c.groups = count("SELECT count(*) FROM ward_groups")?;
        }
        DataKind::Group => {
            let (id, name): (String, String) = conn.query_row(
                "SELECT id, name FROM groups WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if has_table(conn, "closed_months")? {
                let mut st = conn.prepare(
                    "SELECT month FROM closed_months WHERE group_id = ?1 AND deleted_at IS NULL
                     ORDER BY month",
                )?;
                c.closed_months = st
                    .query_map([&id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
            }
            c.name = Some(name);
            c.group_id = Some(id);
        }
    }
    c.members = count(
        "SELECT count(*) FROM members WHERE deleted_at IS NULL AND left_on IS NULL
         AND anonymised_at IS NULL",
    )?;
    if has_table(conn, "incidents")? {
        c.incidents =
            count("SELECT count(*) FROM incidents WHERE deleted_at IS NULL AND struck_at IS NULL")?;
    }
    let mut newest: Option<String> = None;
    for table in [
        "members",
        "incidents",
        "activities",
        "patrol_log",
        "closed_months",
        "practices",
    ] {
        if has_table(conn, table)? {
            let t: Option<String> =
                conn.query_row(&format!("SELECT max(updated_at) FROM {table}"), [], |r| {
                    r.get(0)
                })?;
            newest = newest.max(t);
        }
    }
    c.last_record_at = newest;
    Ok(c)
}

fn kind(conn: &Connection) -> Result<DataKind> {
    if has_table(conn, "ward")?
        && conn
            .query_row("SELECT 1 FROM ward", [], |_| Ok(()))
            .optional()?
            .is_some()
    {
        return Ok(DataKind::Ward);
    }
    let group = has_table(conn, "groups")?
        && conn
            .query_row(
                "SELECT 1 FROM groups WHERE deleted_at IS NULL LIMIT 1",
                [],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
    Ok(if group {
        DataKind::Group
    } else {
        DataKind::Empty
    })
}

fn has_table(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [name],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The problems `PRAGMA integrity_check` or `quick_check` reports; empty when intact.
fn check(conn: &Connection, pragma: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let lines: Vec<String> = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(if lines == ["ok"] { Vec::new() } else { lines })
}

/// Copies the database behind `conn` into a new file `dest`: written under a temporary
/// name in the same folder, switched to a rollback journal so the copy is one file, fsynced,
/// checked whole, then renamed. Nothing is left under either name on failure.
fn copy_database(conn: &Connection, dest: &Path) -> Result<()> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".ttq-{}.tmp", uuid::Uuid::new_v4().simple()));
    let result = write_copy(conn, &tmp).and_then(|_| {
        std::fs::rename(&tmp, dest)?;
        sync_dir(dir);
        Ok(())
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(tmp.with_extension("tmp-journal"));
    }
    result
}

fn write_copy(conn: &Connection, tmp: &Path) -> Result<()> {
    let mut out = Connection::open_with_flags(
        tmp,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    Backup::new(conn, &mut out)?.run_to_completion(PAGES_PER_STEP, Duration::ZERO, None)?;
    out.pragma_update(None, "journal_mode", "DELETE")?;
    out.close().map_err(|(_, e)| e)?;
    std::fs::OpenOptions::new()
        .write(true)
        .open(tmp)?
        .sync_all()?;
    let problems = check(&open_read_only(tmp)?, "integrity_check")?;
    if !problems.is_empty() {
        return Err(Error::new(
            ErrorCode::DatabaseCorrupt,
            "Bản sao vừa ghi không đọc lại được nguyên vẹn. Hãy thử lại hoặc chọn ổ đĩa khác.",
        )
        .with_detail(problems.join("; ")));
    }
    Ok(())
}

/// Makes a rename durable (Unix); Windows has no directory handle to flush.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Opens a file only to read it, as it is on disk: no lock, no `-wal` or `-shm` made beside
/// it (a USB stick may be read-only), whatever its path holds (spaces, Vietnamese letters,
/// `C:\…`).
fn open_read_only(path: &Path) -> Result<Connection> {
    let full = std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path));
    let conn = Connection::open_with_flags(
        uri(&full),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!(
                "Không mở được tệp {}. Hãy kiểm tra đường dẫn hoặc USB.",
                path.display()
            ),
        )
        .with_detail(e.to_string())
    })?;
    Ok(conn)
}

/// `file:///…?immutable=1` for an absolute path, every byte outside a safe set escaped.
fn uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        // "C:/…" becomes "file:///C:/…".
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push_str("?immutable=1");
    out
}

#[cfg(test)]
mod tests {
    use super::uri;
    use std::path::Path;

    #[test]
    fn uris_escape_spaces_and_vietnamese_letters_and_keep_drive_letters() {
        assert_eq!(
            uri(Path::new("/tmp/Dữ liệu/a b.sqlite")),
            "file:///tmp/D%E1%BB%AF%20li%E1%BB%87u/a%20b.sqlite?immutable=1"
        );
        assert_eq!(
            uri(Path::new("C:\\Users\\An\\x#1.sqlite")),
            "file:///C:/Users/An/x%231.sqlite?immutable=1"
        );
    }
}
