//! Attendance on shifts, the patrol log (nhật ký tuần tra) and the month's figures.

use super::{bad_month, insert_row, new_id, update_row, Store};
use crate::date;
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::model::incident::parse_time;
use crate::model::patrol::{Attendance, LogEntry};
use crate::text::clean;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// Records a member's attendance on a shift (and who substituted, for "thay bởi").
    pub fn set_attendance(
        &mut self,
        shift_id: &str,
        member_id: &str,
        attendance: Attendance,
        substitute_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let seat = self.seat_of(shift_id, member_id)?;
        let substitute = match (attendance, substitute_id) {
            (Attendance::ThayBoi, Some(s)) => {
                let m = self.member(s)?;
                self.refuse_second_turn(shift_id, &seat, &m.id, &m.full_name)?;
                Some(m.id)
            }
            (Attendance::ThayBoi, None) => {
                return Err(Error::invalid(vec![FieldError::new(
                    "substitute_id",
                    "Hãy chọn người trực thay.",
                )]))
            }
            _ => None,
        };
        update_row(
            &self.conn,
            "shift_members",
            &seat,
            vec![
                ("attendance", attendance.as_str().to_string().into()),
                ("substitute_id", substitute.into()),
            ],
            &self.revision(now),
            now,
        )
    }

    /// One person, one seat a shift: a substitute may not already hold a seat on the shift
    /// or stand in for another seat of it.
    fn refuse_second_turn(
        &self,
        shift_id: &str,
        seat: &str,
        member_id: &str,
        name: &str,
    ) -> Result<()> {
        let taken: i64 = self.conn.query_row(
            "SELECT count(*) FROM shift_members WHERE shift_id = ?1 AND id <> ?2 AND deleted_at IS NULL
               AND (member_id = ?3 OR (substitute_id = ?3 AND attendance = 'thay_boi'))",
            params![shift_id, seat, member_id],
            |r| r.get(0),
        )?;
        if taken > 0 {
            return Err(Error::new(
                ErrorCode::Conflict,
                format!(
                    "{name} đã có mặt trong ca này (trực hoặc trực thay một chỗ khác) nên không trực thay thêm được. Hãy chọn người khác."
                ),
            ));
        }
        Ok(())
    }

    fn seat_of(&self, shift_id: &str, member_id: &str) -> Result<String> {
        self.conn
            .query_row(
                "SELECT id FROM shift_members WHERE shift_id = ?1 AND member_id = ?2 AND deleted_at IS NULL",
                params![shift_id, member_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::not_found("tổ viên trong ca này"))
    }

    /// Records when a member actually started and ended a shift (HH:MM, 24-hour; an end
    /// earlier than the start is the next morning). Both empty clears them.
    pub fn set_actual_times(
        &mut self,
        shift_id: &str,
        member_id: &str,
        start: &str,
        end: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let seat = self.seat_of(shift_id, member_id)?;
        let (start, end) = (start.trim(), end.trim());
        let (s, e) = if start.is_empty() && end.is_empty() {
            (None, None)
        } else {
            let mut errs = Vec::new();
            let s = parse_time(start);
            if s.is_none() {
                errs.push(FieldError::new(
                    "actual_start",
                    "Giờ bắt đầu chưa đúng (ví dụ 22:15).",
                ));
            }
            let e = parse_time(end);
            if e.is_none() {
                errs.push(FieldError::new(
                    "actual_end",
                    "Giờ kết thúc chưa đúng (ví dụ 03:50).",
                ));
            }
            if !errs.is_empty() {
                return Err(Error::invalid(errs));
            }
            (s, e)
        };
        update_row(
            &self.conn,
            "shift_members",
            &seat,
            vec![("actual_start", s.into()), ("actual_end", e.into())],
            &self.revision(now),
            now,
        )
    }

    /// Adds a time-stamped note to the patrol log; `at` is "dd/mm/yyyy HH:MM", Vietnam time.
    pub fn add_log(
        &mut self,
        shift_id: Option<&str>,
        at: &str,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<LogEntry> {
        let group = self.require_group()?;
        let mut errs = Vec::new();
        let (d, t) = at.trim().split_once(' ').unwrap_or((at.trim(), ""));
        let when = match (date::parse(d), crate::model::incident::parse_time(t)) {
            (Some(d), Some(t)) if d <= date::vn_today(now) => Some(format!("{} {t}", date::iso(d))),
            _ => {
                errs.push(FieldError::new(
                    "logged_at",
                    "Thời điểm chưa đúng: ghi ngày/tháng/năm giờ:phút, không ở tương lai, ví dụ 05/12/2026 23:40.",
                ));
                None
            }
        };
        let note = clean(note);
        if note.is_empty() {
            errs.push(FieldError::new("note", "Hãy ghi nội dung nhật ký."));
        }
        if let Some(sid) = shift_id {
            let known: i64 = self.conn.query_row(
                "SELECT count(*) FROM shifts WHERE id = ?1 AND group_id = ?2 AND deleted_at IS NULL",
                params![sid, group.id],
                |r| r.get(0),
            )?;
            if known == 0 {
                errs.push(FieldError::new(
                    "shift_id",
                    "Không tìm thấy ca tuần tra này.",
                ));
            }
        }
        if !errs.is_empty() {
            return Err(Error::invalid(errs));
        }
        let id = new_id();
        let when = when.expect("checked");
        insert_row(
            &self.conn,
            "patrol_log",
            &id,
            &group.id,
            vec![
                ("shift_id", shift_id.map(str::to_string).into()),
                ("logged_at", when.clone().into()),
                ("note", note.clone().into()),
            ],
            &self.revision(now),
            now,
        )?;
        Ok(LogEntry {
            id,
            shift_id: shift_id.map(str::to_string),
            logged_at: when,
            note,
            incident_id: None,
        })
    }

    /// The patrol log of a month, oldest first.
    pub fn log_entries(&self, month: &str) -> Result<Vec<LogEntry>> {
        let group = self.require_group()?;
        let (from, to) = date::month_range(month).ok_or_else(|| bad_month(month))?;
        let mut st = self.conn.prepare(
            "SELECT id, shift_id, logged_at, note, incident_id FROM patrol_log
             WHERE group_id = ?1 AND logged_at >= ?2 AND logged_at < ?3 AND deleted_at IS NULL
             ORDER BY logged_at, rowid",
        )?;
        let rows = st.query_map(params![group.id, from, to], |r| {
            Ok(LogEntry {
                id: r.get(0)?,
                shift_id: r.get(1)?,
                logged_at: r.get(2)?,
                note: r.get(3)?,
                incident_id: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
