//! Sync rows in the store. The group side: its key, the full state of its rows for a
//! package, the ward's receipts. The ward side's merge: rows cross as JSON column maps and
//! merge by row id and revision, so any order of imports gives the same rows.

use super::{new_id, ts, Store};
use crate::date;
use crate::error::{Error, Reason, Result};
use crate::model::ward::{DataSet, ReceiptInfo, Rows, TableChange};
use chrono::{DateTime, Utc};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value as Json;

/// The synced tables in the order they are written (parents before children), with the
/// columns left out unless sensitive fields are chosen.
pub const TABLES: &[(&str, &[&str])] = &[
    ("groups", &[]),
    (
        "members",
        &[
            "phone",
            "address",
            "cccd",
            "notes",
            "birth_date",
            "left_reason",
            "search_text",
        ],
    ),
    ("incident_categories", &[]),
    (
        "incidents",
        &["people_involved", "reporter_name", "search_text"],
    ),
    ("activities", &["parties", "search_text"]),
    ("record_versions", &["changes", "previous"]),
    ("shift_patterns", &[]),
    ("availability", &["reason"]),
    ("shifts", &[]),
    ("shift_members", &[]),
    ("patrol_log", &[]),
    ("closed_months", &[]),
    ("monthly_reports", &[]),
    ("issued_reports", &[]),
    ("month_events", &[]),
    ("practices", &[]),
    ("practice_versions", &[]),
];

/// A table's columns: name, declared type, NOT NULL.
pub(super) fn columns(conn: &Connection, table: &str) -> Result<Vec<(String, String, bool)>> {
    let mut st = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)? != 0,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A receipt from the ward, as the group keeps it.
pub struct ReceiptRecord {
    pub group_id: String,
    pub period: String,
    pub ward_name: String,
    pub ward_public_key: String,
    pub package_sha256: String,
    /// UTC, RFC 3339.
    pub received_at: String,
}

fn to_json(v: ValueRef) -> Option<Json> {
    match v {
        ValueRef::Null => Some(Json::Null),
        ValueRef::Integer(i) => Some(Json::from(i)),
        ValueRef::Real(f) => Some(Json::from(f)),
        ValueRef::Text(t) => Some(Json::from(String::from_utf8_lossy(t).into_owned())),
        // Blobs (issued PDFs) stay home; the PDF of the month travels as its own entry.
        ValueRef::Blob(_) => None,
    }
}

pub(super) fn from_json(v: &Json) -> Option<Value> {
    match v {
        Json::Null => Some(Value::Null),
        Json::Bool(b) => Some(Value::Integer(i64::from(*b))),
        Json::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .or_else(|| n.as_f64().map(Value::Real)),
        Json::String(s) => Some(Value::Text(s.clone())),
        _ => None,
    }
}

impl Store {
    /// The group's key pair as hex (public, secret), if it has one yet.
    pub fn group_key(&self, group_id: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT public_key, secret_key FROM group_keys WHERE group_id = ?1",
                [group_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Records the key pair of a group made before keys existed (at its first export).
    pub fn add_group_key(
        &mut self,
        group_id: &str,
        public_hex: &str,
        secret_hex: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO group_keys (group_id, public_key, secret_key, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![group_id, public_hex, secret_hex, ts(now)],
        )?;
        Ok(())
    }

    /// The group's public key (hex), if it has one yet; reading never makes one.
    pub(super) fn group_public_key(&self, group_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT public_key FROM group_keys WHERE group_id = ?1",
                [group_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The group's key fingerprint, shown in the app and printed on reports. A group made
    /// before keys existed gets its key at its first export.
    pub fn group_fingerprint(&self) -> Result<Option<String>> {
        let group = self.require_group()?;
        Ok(self
            .group_public_key(&group.id)?
            .map(|k| crate::model::ward::fingerprint(&k)))
    }

    /// Every synced row of the group, sensitive columns left out unless `sensitive`.
    pub fn group_rows(&self, group_id: &str, sensitive: bool) -> Result<DataSet> {
        let mut data = DataSet::new();
        for (table, private) in TABLES {
            let cols = columns(&self.conn, table)?;
            let keep: Vec<&str> = cols
                .iter()
                .map(|(n, _, _)| n.as_str())
                .filter(|n| sensitive || !private.contains(n))
                .collect();
            let owner = if *table == "groups" { "id" } else { "group_id" };
            let mut st = self.conn.prepare(&format!(
                "SELECT {} FROM {table} WHERE {owner} = ?1 ORDER BY id",
                keep.join(", ")
            ))?;
            let mut rows: Rows = Vec::new();
            let mut q = st.query([group_id])?;
            while let Some(r) = q.next()? {
                let mut m = serde_json::Map::new();
                for (i, name) in keep.iter().enumerate() {
                    if let Some(v) = to_json(r.get_ref(i)?) {
                        m.insert((*name).to_string(), v);
                    }
                }
                rows.push(m);
            }
            data.insert((*table).to_string(), rows);
        }
        Ok(data)
    }

    /// The ward key the group's first receipt pinned, if any.
    pub fn pinned_ward_key(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT ward_public_key FROM receipts LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Records a receipt the caller has checked; the same receipt twice is kept once.
    pub fn record_receipt(&mut self, r: &ReceiptRecord, now: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO receipts (id, group_id, period, ward_name, ward_public_key, package_sha256, received_at, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![new_id(), r.group_id, r.period, r.ward_name, r.ward_public_key, r.package_sha256, r.received_at, ts(now)],
        )?;
        Ok(())
    }

    /// Receipts from the ward, newest month first.
    pub fn receipts(&self) -> Result<Vec<ReceiptInfo>> {
        let mut st = self
            .conn
            .prepare("SELECT period, ward_name, received_at FROM receipts ORDER BY period DESC, received_at DESC")?;
        let rows = st.query_map([], |r| {
            Ok(ReceiptInfo {
                period: r.get(0)?,
                ward_name: r.get(1)?,
                received_at: date::format_timestamp(&r.get::<_, String>(2)?),
                pinned_key: None,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn bad_value() -> Error {
    Error::rejected(
        Reason::BadValue,
        "Tệp có giá trị dữ liệu lạ. Hãy xin tổ xuất lại tệp.",
    )
}

/// What merging a data set into `conn` would do, table by table; with `apply`, does it.
/// Rows of another group, or columns this schema lacks, refuse the whole file.
pub(super) fn merge(
    conn: &Connection,
    group_id: &str,
    data: &DataSet,
    apply: bool,
) -> Result<Vec<TableChange>> {
    for table in data.keys() {
        if !TABLES.iter().any(|(t, _)| t == table) {
            return Err(Error::rejected(
                Reason::UnknownTable,
                "Tệp có bảng dữ liệu lạ (có thể từ phiên bản mới hơn). Hãy cập nhật ứng dụng.",
            ));
        }
    }
    let mut out = Vec::new();
    for (table, _) in TABLES {
        let Some(rows) = data.get(*table) else {
            continue;
        };
        let cols = columns(conn, table)?;
        let mut change = TableChange {
            table: (*table).to_string(),
            ..Default::default()
        };
        for row in rows {
            for k in row.keys() {
                if !cols.iter().any(|(n, _, _)| n == k) {
                    return Err(Error::rejected(
                        Reason::UnknownColumn,
                        "Tệp có cột dữ liệu lạ (có thể từ phiên bản mới hơn). Hãy cập nhật ứng dụng.",
                    ));
                }
            }
            let id = row.get("id").and_then(Json::as_str).ok_or_else(|| {
                Error::rejected(
                    Reason::BadValue,
                    "Tệp có dòng dữ liệu thiếu mã. Hãy xin tổ xuất lại tệp.",
                )
            })?;
            let rev = row.get("revision").and_then(Json::as_str).unwrap_or("");
            let owner = if *table == "groups" { "id" } else { "group_id" };
            // Statements are cached: the same few shapes run for thousands of rows.
            let existing: Option<(String, String)> = conn
                .prepare_cached(&format!(
                    "SELECT {owner}, revision FROM {table} WHERE id = ?1"
                ))?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match existing {
                Some((owner_id, _)) if owner_id != group_id => {
                    return Err(Error::rejected(
                        Reason::ForeignRows,
                        "Tệp muốn sửa dữ liệu của một tổ khác nên không nhận. Hãy báo tổ kiểm tra lại.",
                    ));
                }
                Some((_, old)) if rev > old.as_str() => {
                    change.changed += 1;
                    if apply {
                        let names: Vec<&String> = row.keys().filter(|k| *k != "id").collect();
                        let sets: Vec<String> = names
                            .iter()
                            .enumerate()
                            .map(|(i, n)| format!("{n} = ?{}", i + 2))
                            .collect();
                        let mut values = vec![Value::Text(id.to_string())];
                        for n in &names {
                            values.push(from_json(&row[*n]).ok_or_else(bad_value)?);
                        }
                        conn.prepare_cached(&format!(
                            "UPDATE {table} SET {} WHERE id = ?1",
                            sets.join(", ")
                        ))?
                        .execute(rusqlite::params_from_iter(values))?;
                    }
                }
                Some(_) => change.unchanged += 1,
                None => {
                    change.new += 1;
                    if apply {
                        let mut names: Vec<String> = row.keys().cloned().collect();
                        let mut values = Vec::new();
                        for n in &names {
                            values.push(from_json(&row[n]).ok_or_else(bad_value)?);
                        }
                        // Columns left out of the file (sensitive ones) get empty values.
                        for (n, ty, not_null) in &cols {
                            if *not_null && !row.contains_key(n) {
                                names.push(n.clone());
                                values.push(match ty.as_str() {
                                    "INTEGER" => Value::Integer(0),
                                    "REAL" => Value::Real(0.0),
                                    "BLOB" => Value::Blob(Vec::new()),
                                    _ => Value::Text(String::new()),
                                });
                            }
                        }
                        let marks: Vec<String> =
                            (1..=names.len()).map(|i| format!("?{i}")).collect();
                        conn.prepare_cached(&format!(
                            "INSERT INTO {table} ({}) VALUES ({})",
                            names.join(", "),
                            marks.join(", ")
                        ))?
                        .execute(rusqlite::params_from_iter(values))?;
                    }
                }
            }
        }
        out.push(change);
    }
    Ok(out)
}
