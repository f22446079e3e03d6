//! Monthly reports and closing a month (khóa sổ): the narrative, the figures computed from
//! the records, issuing the report as printed, reopening, and the log of both.

use super::{bad_month, insert_row, new_id, ts, update_row, Store};
use crate::date::{self, month_label};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::model::month::{IssuedReport, MonthEvent, MonthState, MonthlyData, Narrative};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};

fn required(field: &str, value: &str, message: &str) -> Result<String> {
    let v = crate::text::clean(value);
    if v.is_empty() {
        return Err(Error::invalid(vec![FieldError::new(field, message)]));
    }
    Ok(v)
}

/// A month's report row: id, number and the year it counts in (once issued).
type ReportRow = (String, Option<u32>, Option<i32>);

/// A month's report as it is issued when the month closes: rendered by the caller, written
/// by `close_month` in one transaction with the closing itself.
pub struct Issue {
    /// The report's content, kept so the issued copy can be shown again exactly.
    pub data: MonthlyData,
    /// The data digest printed on it.
    pub digest: String,
    pub editor: String,
    pub pdf: Vec<u8>,
}

impl Store {
    /// The month's report state: closed or not, the narrative, issued copies, the log.
    pub fn month_state(&self, month: &str) -> Result<MonthState> {
        let group = self.require_group()?;
        let month = date::parse_month(month).ok_or_else(|| bad_month(month))?;
        let mut st = self.conn.prepare(
            "SELECT month, action, at, editor, reason FROM month_events
             WHERE group_id = ?1 AND month = ?2 AND deleted_at IS NULL ORDER BY at",
        )?;
        let events = st
            .query_map(params![group.id, month], |r| {
                Ok(MonthEvent {
                    month: r.get(0)?,
                    action: r.get(1)?,
                    at: date::format_timestamp(&r.get::<_, String>(2)?),
                    editor: r.get(3)?,
                    reason: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(MonthState {
            closed: self.is_month_closed(&group.id, &month)?,
            narrative: self.narrative(&group.id, &month)?,
            issued: self.issued_reports(Some(&month))?,
            events,
            month,
        })
    }

    /// The leader's narrative of a month (empty until written).
    pub fn narrative(&self, group_id: &str, month: &str) -> Result<Narrative> {
        Ok(self
            .conn
            .query_row(
                "SELECT situation, shortcomings, plans, proposals, lodging_houses, temporary_residents, hot_spots
                 FROM monthly_reports WHERE group_id = ?1 AND month = ?2 AND deleted_at IS NULL",
                params![group_id, month],
                |r| {
                    Ok(Narrative {
                        situation: r.get(0)?,
                        shortcomings: r.get(1)?,
                        plans: r.get(2)?,
                        proposals: r.get(3)?,
                        lodging_houses: r.get(4)?,
                        temporary_residents: r.get(5)?,
                        hot_spots: r.get(6)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    fn report_row(&self, group_id: &str, month: &str) -> Result<Option<ReportRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, number, number_year FROM monthly_reports
                 WHERE group_id = ?1 AND month = ?2 AND deleted_at IS NULL",
                params![group_id, month],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?)
    }

    /// Saves the leader's narrative for a month; refused once the month is closed.
    pub fn save_narrative(&mut self, month: &str, n: &Narrative, now: DateTime<Utc>) -> Result<()> {
        let group = self.require_group()?;
        let month = date::parse_month(month).ok_or_else(|| bad_month(month))?;
        if self.is_month_closed(&group.id, &month)? {
            return Err(Error::new(
                ErrorCode::MonthClosed,
                format!(
                    "Tháng {} đã khóa sổ nên báo cáo không sửa được. Muốn sửa, hãy mở lại sổ tháng này (ghi lý do).",
                    month_label(&month)
                ),
            ));
        }
        let keep = |s: &str| crate::text::nfc(s.trim());
        let values: super::Values = vec![
            ("situation", keep(&n.situation).into()),
            ("shortcomings", keep(&n.shortcomings).into()),
            ("plans", keep(&n.plans).into()),
            ("proposals", keep(&n.proposals).into()),
            ("lodging_houses", n.lodging_houses.into()),
            ("temporary_residents", n.temporary_residents.into()),
            ("hot_spots", keep(&n.hot_spots).into()),
        ];
        let rev = self.revision(now);
        match self.report_row(&group.id, &month)? {
            Some((id, _, _)) => update_row(&self.conn, "monthly_reports", &id, values, &rev, now)?,
            None => {
                let mut v = values;
                v.push(("month", month.clone().into()));
                insert_row(
                    &self.conn,
                    "monthly_reports",
                    &new_id(),
                    &group.id,
                    v,
                    &rev,
                    now,
                )?
            }
        }
        Ok(())
    }

    /// The number the month's report has, or would get if issued on `issued_on`: the number,
    /// the year it counts in, and whether it is assigned already.
    pub fn report_number(
        &self,
        group_id: &str,
        month: &str,
        issued_on: NaiveDate,
    ) -> Result<(u32, i32, bool)> {
        if let Some((_, Some(n), Some(y))) = self.report_row(group_id, month)? {
            return Ok((n, y, true));
        }
        let year = issued_on.year();
        let last: Option<u32> = self.conn.query_row(
            "SELECT MAX(number) FROM monthly_reports WHERE group_id = ?1 AND number_year = ?2 AND deleted_at IS NULL",
            params![group_id, year],
            |r| r.get(0),
        )?;
        Ok((last.unwrap_or(0) + 1, year, false))
    }

    /// Issued reports, newest first; of one month when given.
    pub fn issued_reports(&self, month: Option<&str>) -> Result<Vec<IssuedReport>> {
        let group = self.require_group()?;
        let code = group.kind.document_code();
        let mut st = self.conn.prepare(
            "SELECT id, month, number, issued_on, issued_at, editor, digest, withdrawn_at, length(pdf)
             FROM issued_reports
             WHERE group_id = ?1 AND (?2 IS NULL OR month = ?2) AND deleted_at IS NULL
             ORDER BY issued_at DESC, month DESC",
        )?;
        let rows = st.query_map(params![group.id, month], |r| {
            Ok(IssuedReport {
                id: r.get(0)?,
                month: r.get(1)?,
                number: format!("{:02}/BC-{code}", r.get::<_, u32>(2)?),
                issued_on: r.get(3)?,
                issued_at: r.get(4)?,
                editor: r.get(5)?,
                digest: r.get(6)?,
                withdrawn: r.get::<_, Option<String>>(7)?.is_some(),
                size_bytes: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The PDF of an issued report, exactly as issued.
    pub fn issued_pdf(&self, id: &str) -> Result<Vec<u8>> {
        let group = self.require_group()?;
        self.conn
            .query_row(
                "SELECT pdf FROM issued_reports WHERE id = ?1 AND group_id = ?2 AND deleted_at IS NULL",
                params![id, group.id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::new(ErrorCode::NotFound, "Không tìm thấy báo cáo đã phát hành này."))
    }

    /// The issued copy in force for a closed month (none while open or after a reopening),
    /// with the report content it was made from.
    pub fn issue_in_force(
        &self,
        state: &MonthState,
    ) -> Result<Option<(IssuedReport, MonthlyData)>> {
        let Some(r) = state
            .issued
            .iter()
            .find(|r| !r.withdrawn)
            .filter(|_| state.closed)
        else {
            return Ok(None);
        };
        let json: String = self.conn.query_row(
            "SELECT data FROM issued_reports WHERE id = ?1",
            [&r.id],
            |row| row.get(0),
        )?;
        let data = MonthlyData::from_snapshot(&json).map_err(|e| {
            Error::new(
                ErrorCode::DatabaseCorrupt,
                "Bản báo cáo đã phát hành bị hỏng trong tệp dữ liệu.",
            )
            .with_detail(e.to_string())
        })?;
        Ok(Some((r.clone(), data)))
    }

    /// Closes a month: records its number and the report as issued (rendered by the
    /// caller, with its digest), freezes the month and logs it, in one transaction. Refused
    /// before the month has ended, twice, or without the editor's name.
    pub fn close_month(&mut self, issue: Issue, now: DateTime<Utc>) -> Result<IssuedReport> {
        let group = self.require_group()?;
        let month =
            date::parse_month(&issue.data.month).ok_or_else(|| bad_month(&issue.data.month))?;
        let editor = required("editor", &issue.editor, "Hãy ghi tên người khóa sổ.")?;
        self.check_closable(&group.id, &month, now)?;
        let data = &issue.data;
        // The figures as issued, so the issued copy can be shown again exactly.
        let snapshot = serde_json::to_string(data).map_err(|e| Error::internal(e.to_string()))?;
        let digest = issue.digest;
        let pdf = issue.pdf;
        let rev = self.revision(now);
        let at = ts(now);
        let tx = self.conn.transaction()?;
        let numbered: super::Values = vec![
            ("number", i64::from(data.number).into()),
            ("number_year", i64::from(data.number_year).into()),
        ];
        let existing: Option<String> = tx
            .query_row(
                "SELECT id FROM monthly_reports WHERE group_id = ?1 AND month = ?2 AND deleted_at IS NULL",
                params![group.id, month],
                |r| r.get(0),
            )
            .optional()?;
        match existing {
            Some(id) => update_row(&tx, "monthly_reports", &id, numbered, &rev, now)?,
            None => {
                let mut v = numbered;
                v.push(("month", month.clone().into()));
                insert_row(&tx, "monthly_reports", &new_id(), &group.id, v, &rev, now)?
            }
        }
        insert_row(
            &tx,
            "closed_months",
            &new_id(),
            &group.id,
            vec![
                ("month", month.clone().into()),
                ("closed_at", at.clone().into()),
            ],
            &rev,
            now,
        )?;
        let issued_id = new_id();
        insert_row(
            &tx,
            "issued_reports",
            &issued_id,
            &group.id,
            vec![
                ("month", month.clone().into()),
                ("number", i64::from(data.number).into()),
                ("number_year", i64::from(data.number_year).into()),
                ("issued_on", data.issued_on.clone().into()),
                ("issued_at", at.clone().into()),
                ("editor", editor.clone().into()),
                ("digest", digest.into()),
                ("data", snapshot.into()),
                ("pdf", pdf.into()),
            ],
            &rev,
            now,
        )?;
        insert_row(
            &tx,
            "month_events",
            &new_id(),
            &group.id,
            vec![
                ("month", month.clone().into()),
                ("action", "close".to_string().into()),
                ("at", at.into()),
                ("editor", editor.into()),
            ],
            &rev,
            now,
        )?;
        tx.commit()?;
        self.issued_reports(Some(&month))?
            .into_iter()
            .find(|r| r.id == issued_id)
            .ok_or_else(|| Error::internal("issued report not found after insert"))
    }

    /// Refuses to close a month that has not ended (Vietnam time) or is closed already.
    pub fn check_closable(&self, group_id: &str, month: &str, now: DateTime<Utc>) -> Result<()> {
        let (_, to) = date::month_range(month).ok_or_else(|| bad_month(month))?;
        // `to` is the first day of the next month: the month has ended once today reaches it.
        if date::from_iso(&to).is_some_and(|next| next > date::vn_today(now)) {
            return Err(Error::new(
                ErrorCode::Invalid,
                format!(
                    "Tháng {} chưa hết nên chưa khóa sổ được. Hãy khóa sổ từ ngày đầu tháng sau.",
                    month_label(month)
                ),
            ));
        }
        if self.is_month_closed(group_id, month)? {
            return Err(Error::new(
                ErrorCode::Conflict,
                format!("Tháng {} đã khóa sổ rồi.", month_label(month)),
            ));
        }
        Ok(())
    }

    /// Reopens a closed month with a reason: its issued report is marked withdrawn (kept),
    /// records can be edited normally again, and the reopening is logged.
    pub fn reopen_month(
        &mut self,
        month: &str,
        editor: &str,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let group = self.require_group()?;
        let month = date::parse_month(month).ok_or_else(|| bad_month(month))?;
        let mut errs = Vec::new();
        if crate::text::clean(reason).is_empty() {
            errs.push(FieldError::new("reason", "Hãy ghi lý do mở lại sổ."));
        }
        if crate::text::clean(editor).is_empty() {
            errs.push(FieldError::new("editor", "Hãy ghi tên người mở lại sổ."));
        }
        if !errs.is_empty() {
            return Err(Error::invalid(errs));
        }
        if !self.is_month_closed(&group.id, &month)? {
            return Err(Error::new(
                ErrorCode::Conflict,
                format!(
                    "Tháng {} chưa khóa sổ nên không cần mở lại.",
                    month_label(&month)
                ),
            ));
        }
        let rev = self.revision(now);
        let at = ts(now);
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE closed_months SET deleted_at = ?3, updated_at = ?3, revision = ?4
             WHERE group_id = ?1 AND month = ?2 AND deleted_at IS NULL",
            params![group.id, month, at, rev],
        )?;
        tx.execute(
            "UPDATE issued_reports SET withdrawn_at = ?3, updated_at = ?3, revision = ?4
             WHERE group_id = ?1 AND month = ?2 AND withdrawn_at IS NULL AND deleted_at IS NULL",
            params![group.id, month, at, rev],
        )?;
        insert_row(
            &tx,
            "month_events",
            &new_id(),
            &group.id,
            vec![
                ("month", month.into()),
                ("action", "reopen".to_string().into()),
                ("at", at.into()),
                ("editor", crate::text::clean(editor).into()),
                ("reason", crate::text::clean(reason).into()),
            ],
            &rev,
            now,
        )?;
        tx.commit()?;
        Ok(())
    }
}
