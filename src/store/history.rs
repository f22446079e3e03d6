//! What every ledger record shares: its versions, strike-through, and the closed-month guard.

use super::{new_id, ts, update_row, Store, Values};
use crate::error::{Error, ErrorCode, Result};
use crate::model::history::{FieldChange, RecordVersion};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// Which table a versioned record lives in.
#[derive(Clone, Copy)]
pub(super) enum Ledger {
    Incident,
    Activity,
}

impl Ledger {
    pub(super) fn table(self) -> &'static str {
        match self {
            Ledger::Incident => "incidents",
            Ledger::Activity => "activities",
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Ledger::Incident => "incident",
            Ledger::Activity => "activity",
        }
    }
}

/// One new version of a record.
pub(super) struct NewVersion<'a> {
    pub ledger: Ledger,
    pub group_id: &'a str,
    pub record_id: &'a str,
    pub version: i32,
    pub editor: &'a str,
    pub summary: String,
    pub changes: Vec<FieldChange>,
    /// The record as it was before this version (JSON); `None` for the first.
    pub previous: Option<String>,
}

pub(super) fn add_version(
    conn: &Connection,
    v: NewVersion,
    rev: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let changes = serde_json::to_string(&v.changes).map_err(|e| Error::internal(e.to_string()))?;
    conn.execute(
        "INSERT INTO record_versions (id, group_id, record_kind, record_id, version, at, editor,
            summary, changes, previous, created_at, updated_at, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?6, ?6, ?11)",
        params![
            new_id(),
            v.group_id,
            v.ledger.kind(),
            v.record_id,
            v.version,
            ts(now),
            v.editor,
            v.summary,
            changes,
            v.previous,
            rev,
        ],
    )?;
    Ok(())
}

/// `YYYY-MM` of a date.
pub(crate) fn month_of(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

impl Store {
    /// Whether the month (`YYYY-MM`) has been closed (khóa sổ).
    pub fn is_month_closed(&self, group_id: &str, month: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM closed_months WHERE group_id = ?1 AND month = ?2 AND deleted_at IS NULL",
                params![group_id, month],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Refuses a change that touches a closed month.
    pub(super) fn ensure_open(&self, group_id: &str, dates: &[NaiveDate]) -> Result<()> {
        for d in dates {
            let m = month_of(*d);
            if self.is_month_closed(group_id, &m)? {
                return Err(Error::new(
                    ErrorCode::MonthClosed,
                    format!(
                        "Tháng {:02}/{} đã khóa sổ nên không sửa được bản ghi này. Hãy ghi đính chính; đính chính sẽ hiện trong báo cáo tháng sau.",
                        d.month(),
                        d.year()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// All versions of a record, oldest first.
    pub(super) fn versions(&self, ledger: Ledger, record_id: &str) -> Result<Vec<RecordVersion>> {
        let mut st = self.conn.prepare(
            "SELECT version, at, editor, summary, changes FROM record_versions
             WHERE record_kind = ?1 AND record_id = ?2 AND deleted_at IS NULL ORDER BY version",
        )?;
        let rows = st.query_map(params![ledger.kind(), record_id], |r| {
            let changes: String = r.get(4)?;
            Ok(RecordVersion {
                version: r.get(0)?,
                at: r.get(1)?,
                editor: r.get(2)?,
                summary: r.get(3)?,
                changes: serde_json::from_str(&changes).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Strikes a record through with a reason: it stays, crossed out, and is no longer counted.
    pub(super) fn strike(
        &mut self,
        ledger: Ledger,
        record: StrikeTarget,
        reason: &str,
        editor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let reason = crate::text::clean(reason);
        let editor = crate::text::clean(editor);
        let mut errs = Vec::new();
        if reason.is_empty() {
            errs.push(crate::error::FieldError::new(
                "reason",
                "Hãy ghi lý do gạch bỏ (ví dụ: ghi trùng, ghi nhầm).",
            ));
        }
        if editor.is_empty() {
            errs.push(crate::error::FieldError::new(
                "editor",
                "Hãy ghi tên người ghi chép.",
            ));
        }
        if !errs.is_empty() {
            return Err(Error::invalid(errs));
        }
        if record.struck {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Bản ghi này đã được gạch bỏ trước đó.",
            ));
        }
        self.ensure_open(&record.group_id, &[record.date])?;
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        let values: Values = vec![
            ("struck_at", ts(now).into()),
            ("strike_reason", reason.clone().into()),
            ("version", i64::from(record.version + 1).into()),
        ];
        update_row(&tx, ledger.table(), &record.id, values, &rev, now)?;
        add_version(
            &tx,
            NewVersion {
                ledger,
                group_id: &record.group_id,
                record_id: &record.id,
                version: record.version + 1,
                editor: &editor,
                summary: format!("Gạch bỏ: {reason}"),
                changes: Vec::new(),
                previous: Some(record.snapshot),
            },
            &rev,
            now,
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// What `strike` needs to know about the record.
pub(super) struct StrikeTarget {
    pub id: String,
    pub group_id: String,
    pub date: NaiveDate,
    pub version: i32,
    pub struck: bool,
    pub snapshot: String,
}
