//! What every ledger record shares: its versions, strike-through, and the closed-month guard.

use super::{insert_row, new_id, ts, update_row, Store, Values};
use crate::date::month_label;
use crate::error::{Error, ErrorCode, Result};
use crate::model::history::{FieldChange, RecordVersion};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};

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

/// A change to a ledger record: its creation (version 1) or a new version of it.
pub(super) struct Change<'a> {
    pub ledger: Ledger,
    pub group_id: &'a str,
    pub id: &'a str,
    /// The record's columns to write.
    pub values: Values,
    pub editor: &'a str,
    /// `None` for a new record; otherwise the version replaced and the record as it was (JSON).
    pub replaces: Option<(i32, String)>,
    /// E.g. "Ghi mới", "Sửa 2 mục", "Gạch bỏ: ghi trùng".
    pub summary: String,
    pub changes: Vec<FieldChange>,
    /// Another row to update in the same transaction (table, id, values), e.g. the patrol-log
    /// entry an incident was raised from.
    pub also: Option<(&'static str, String, Values)>,
    /// The closed month (`YYYY-MM`) this change corrects, if any: it becomes an amendment
    /// (đính chính), listed in the report of the month it is made in.
    pub amends: Option<String>,
}

/// `YYYY-MM` of a date.
pub(crate) fn month_of(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

impl Store {
    /// Writes a change and its version row in one transaction; the previous state stays in
    /// `record_versions`, so nothing an edit replaces is lost.
    pub(super) fn commit_change(&mut self, c: Change, now: DateTime<Utc>) -> Result<()> {
        let version = c.replaces.as_ref().map_or(1, |(v, _)| v + 1);
        let changes =
            serde_json::to_string(&c.changes).map_err(|e| Error::internal(e.to_string()))?;
        let rev = self.revision(now);
        let summary = match &c.amends {
            Some(m) => format!(
                "Đính chính tháng {} (đã khóa sổ): {}",
                month_label(m),
                c.summary
            ),
            None => c.summary,
        };
        let tx = self.conn.transaction()?;
        let mut values = c.values;
        values.push(("version", i64::from(version).into()));
        match c.replaces {
            None => insert_row(&tx, c.ledger.table(), c.id, c.group_id, values, &rev, now)?,
            Some(_) => update_row(&tx, c.ledger.table(), c.id, values, &rev, now)?,
        }
        if let Some((table, id, values)) = c.also {
            update_row(&tx, table, &id, values, &rev, now)?;
        }
        tx.execute(
            "INSERT INTO record_versions (id, group_id, record_kind, record_id, version, at, editor,
                summary, changes, previous, created_at, updated_at, revision, amends_month)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?6, ?6, ?11, ?12)",
            params![
                new_id(),
                c.group_id,
                c.ledger.kind(),
                c.id,
                version,
                ts(now),
                c.editor,
                summary,
                changes,
                c.replaces.map(|(_, previous)| previous),
                rev,
                c.amends,
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The group's closed months (`YYYY-MM`), oldest first.
    pub fn closed_months(&self) -> Result<Vec<String>> {
        let group = self.require_group()?;
        let mut st = self.conn.prepare(
            "SELECT month FROM closed_months WHERE group_id = ?1 AND deleted_at IS NULL ORDER BY month",
        )?;
        let rows = st.query_map([&group.id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

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

    /// The first closed month among the dates a change touches: the change is then an
    /// amendment, because the report of that month has been issued and stays as it was.
    pub(super) fn closed_month_among(
        &self,
        group_id: &str,
        dates: &[NaiveDate],
    ) -> Result<Option<String>> {
        for d in dates {
            let m = month_of(*d);
            if self.is_month_closed(group_id, &m)? {
                return Ok(Some(m));
            }
        }
        Ok(None)
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
        let amends = self.closed_month_among(&record.group_id, &[record.date])?;
        self.commit_change(
            Change {
                ledger,
                group_id: &record.group_id,
                id: &record.id,
                values: vec![
                    ("struck_at", ts(now).into()),
                    ("strike_reason", reason.clone().into()),
                ],
                editor: &editor,
                replaces: Some((record.version, record.snapshot)),
                summary: format!("Gạch bỏ: {reason}"),
                changes: Vec::new(),
                also: None,
                amends,
            },
            now,
        )
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
