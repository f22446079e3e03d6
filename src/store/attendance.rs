//! Attendance on shifts, the patrol log (nhật ký tuần tra) and the month's figures.

use super::{bad_month, insert_row, new_id, update_row, Store};
use crate::date;
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::model::incident::parse_time;
use crate::model::patrol::{Attendance, LogEntry};
use crate::text::clean;
use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{params, OptionalExtension};

/// The wall-clock time in Vietnam.
fn vn_now(now: DateTime<Utc>) -> NaiveDateTime {
    now.with_timezone(&date::vn_offset()).naive_local()
}

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
        self.refuse_before_start(shift_id, now)?;
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

    /// Marks every seat of these shifts that has no attendance yet "có mặt", in one
    /// transaction; the marks already made (the exceptions) stay, and shifts that have not
    /// started are left alone. The answer is (seats marked, shifts not started).
    pub fn mark_present(&mut self, shift_ids: &[String], now: DateTime<Utc>) -> Result<(u32, u32)> {
        let mut seats = Vec::new();
        let mut not_started = 0;
        for id in shift_ids {
            if self.shift_start(id)? > vn_now(now) {
                not_started += 1;
                continue;
            }
            let mut st = self.conn.prepare(
                "SELECT id FROM shift_members WHERE shift_id = ?1 AND attendance IS NULL AND deleted_at IS NULL",
            )?;
            let rows = st.query_map([id], |r| r.get::<_, String>(0))?;
            seats.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        for seat in &seats {
            update_row(
                &tx,
                "shift_members",
                seat,
                vec![("attendance", Attendance::CoMat.as_str().to_string().into())],
                &rev,
                now,
            )?;
        }
        tx.commit()?;
        Ok((seats.len() as u32, not_started))
    }

    /// When a shift starts, Vietnam time.
    fn shift_start(&self, shift_id: &str) -> Result<NaiveDateTime> {
        let (d, t): (String, String) = self
            .conn
            .query_row(
                "SELECT s.shift_date, p.start_time FROM shifts s JOIN shift_patterns p ON p.id = s.pattern_id
                 WHERE s.id = ?1 AND s.deleted_at IS NULL",
                [shift_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::not_found("ca tuần tra"))?;
        let day = date::from_iso(&d).ok_or_else(|| Error::not_found("ca tuần tra"))?;
        let time = parse_time(&t).and_then(|t| chrono::NaiveTime::parse_from_str(&t, "%H:%M").ok());
        Ok(day.and_time(time.unwrap_or_default()))
    }

    /// A shift is marked only once it has started: on the 2nd, the 10th's shift has not
    /// been patrolled, whatever anyone clicks.
    fn refuse_before_start(&self, shift_id: &str, now: DateTime<Utc>) -> Result<()> {
        let start = self.shift_start(shift_id)?;
        if start > vn_now(now) {
            return Err(Error::new(
                ErrorCode::Conflict,
                format!(
                    "Ca ngày {} bắt đầu lúc {} nên chưa chấm công được. Hãy chấm khi ca đã bắt đầu.",
                    date::format(start.date()),
                    start.format("%H:%M")
                ),
            ));
        }
        Ok(())
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
        self.refuse_before_start(shift_id, now)?;
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
