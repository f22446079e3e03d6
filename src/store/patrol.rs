//! The month's patrol roster in the store: its saved shifts and seats, replacing it with a
//! generated one, and hand edits (refused when they would seat someone twice on a shift or
//! change an attended seat). Generating and reading it are `app::patrols`.

use super::{insert_row, new_id, update_row, Store};
use crate::date;
use crate::error::{Error, ErrorCode, Result};
use crate::model::figures::Period;
use crate::model::patrol::{Attendance, HandEdit, RosterShift, Seat, SeatEdit};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};
use std::collections::HashMap;

impl Store {
    fn shift_ids(&self, group_id: &str, from: &str, to: &str) -> Result<Vec<String>> {
        let mut st = self.conn.prepare(
            "SELECT id FROM shifts WHERE group_id = ?1 AND shift_date >= ?2 AND shift_date < ?3
               AND deleted_at IS NULL",
        )?;
        let rows = st.query_map(params![group_id, from, to], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Nights each member did in a period (seats assigned, deleted rows excluded).
    pub fn nights_in(&self, group_id: &str, p: Period) -> Result<HashMap<String, u32>> {
        let (from, to) = (date::iso(p.from), date::iso(p.to));
        let mut st = self.conn.prepare(
            "SELECT sm.member_id, count(*) FROM shift_members sm JOIN shifts s ON s.id = sm.shift_id
             WHERE s.group_id = ?1 AND s.shift_date >= ?2 AND s.shift_date < ?3
               AND s.deleted_at IS NULL AND sm.deleted_at IS NULL GROUP BY sm.member_id",
        )?;
        let rows = st.query_map(params![group_id, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many seats of the month already have attendance recorded.
    pub fn attended_seats(&self, group_id: &str, p: Period) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM shift_members WHERE attendance IS NOT NULL AND deleted_at IS NULL
               AND shift_id IN (SELECT id FROM shifts WHERE group_id = ?1 AND shift_date >= ?2
                                AND shift_date < ?3 AND deleted_at IS NULL)",
            params![group_id, date::iso(p.from), date::iso(p.to)],
            |r| r.get(0),
        )?)
    }

    /// Replaces the period's roster with `shifts` (date, pattern, members) in one transaction;
    /// refused once any of its seats has attendance recorded.
    pub fn replace_roster(
        &mut self,
        p: Period,
        shifts: &[(NaiveDate, String, Vec<String>)],
        now: DateTime<Utc>,
    ) -> Result<()> {
        let group = self.require_group()?;
        if self.attended_seats(&group.id, p)? > 0 {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Lịch tháng này đã có chấm công nên không xếp lại được. Hãy sửa từng ca bằng tay.",
            ));
        }
        let existing = self.shift_ids(&group.id, &date::iso(p.from), &date::iso(p.to))?;
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        for id in &existing {
            update_row(
                &tx,
                "shifts",
                id,
                vec![("deleted_at", super::ts(now).into())],
                &rev,
                now,
            )?;
            tx.execute(
                "UPDATE shift_members SET deleted_at = ?2, updated_at = ?2, revision = ?3
                 WHERE shift_id = ?1 AND deleted_at IS NULL",
                params![id, super::ts(now), rev],
            )?;
        }
        for (day, pattern, members) in shifts {
            let sid = new_id();
            insert_row(
                &tx,
                "shifts",
                &sid,
                &group.id,
                vec![
                    ("shift_date", date::iso(*day).into()),
                    ("pattern_id", pattern.clone().into()),
                ],
                &rev,
                now,
            )?;
            for m in members {
                insert_row(
                    &tx,
                    "shift_members",
                    &new_id(),
                    &group.id,
                    vec![
                        ("shift_id", sid.clone().into()),
                        ("member_id", m.clone().into()),
                    ],
                    &rev,
                    now,
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The period's saved shifts with their seats, in date and start order (not yet marked
    /// for weekends and holidays: `roster::view` does that).
    pub fn roster_shifts(&self, p: Period) -> Result<Vec<RosterShift>> {
        let group = self.require_group()?;
        let (from, to) = (date::iso(p.from), date::iso(p.to));
        let names: HashMap<String, String> = {
            let mut st = self
                .conn
                .prepare("SELECT id, full_name FROM members WHERE group_id = ?1")?;
            let rows = st.query_map([&group.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut st = self.conn.prepare(
            "SELECT s.id, s.shift_date, p.id, p.name, p.start_time, p.end_time, p.needed
             FROM shifts s JOIN shift_patterns p ON p.id = s.pattern_id
             WHERE s.group_id = ?1 AND s.shift_date >= ?2 AND s.shift_date < ?3 AND s.deleted_at IS NULL
             ORDER BY s.shift_date, p.start_time, p.name",
        )?;
        let mut shifts: Vec<RosterShift> = st
            .query_map(params![group.id, from, to], |r| {
                let d: String = r.get(1)?;
                Ok(RosterShift {
                    id: r.get(0)?,
                    special: false,
                    date: d,
                    pattern_id: r.get(2)?,
                    pattern_name: r.get(3)?,
                    start: r.get(4)?,
                    end: r.get(5)?,
                    needed: r.get(6)?,
                    seats: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut seat_st = self.conn.prepare(
            "SELECT member_id, attendance, substitute_id, actual_start, actual_end FROM shift_members
             WHERE shift_id = ?1 AND deleted_at IS NULL ORDER BY rowid",
        )?;
        for s in &mut shifts {
            let seats = seat_st.query_map([&s.id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })?;
            for seat in seats {
                let (m, a, sub, actual_start, actual_end) = seat?;
                s.seats.push(Seat {
                    name: names.get(&m).cloned().unwrap_or_default(),
                    member_id: m,
                    attendance: a.as_deref().and_then(Attendance::parse),
                    substitute_name: sub.as_ref().and_then(|x| names.get(x).cloned()),
                    substitute_id: sub,
                    actual_start,
                    actual_end,
                });
            }
        }
        Ok(shifts)
    }

    fn seat_id(&self, shift_id: &str, member_id: &str) -> Result<String> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT id, attendance FROM shift_members WHERE shift_id = ?1 AND member_id = ?2 AND deleted_at IS NULL",
                params![shift_id, member_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ok();
        match row {
            None => Err(Error::not_found("tổ viên trong ca này")),
            Some((_, Some(_))) => Err(Error::new(
                ErrorCode::Conflict,
                "Ca này đã chấm công cho tổ viên đó nên không đổi người được nữa.",
            )),
            Some((id, None)) => Ok(id),
        }
    }

    /// Refuses an edit that would seat a member twice on one shift: the roster cannot show
    /// the same person twice in a cell, and one person is one member-turn.
    fn refuse_second_seat(&self, shift_id: &str, member_id: &str) -> Result<()> {
        let held: Option<(String, String, String)> = self
            .conn
            .query_row(
                "SELECT m.full_name, p.name, s.shift_date FROM shift_members x
                 JOIN shifts s ON s.id = x.shift_id JOIN shift_patterns p ON p.id = s.pattern_id
                 JOIN members m ON m.id = x.member_id
                 WHERE x.shift_id = ?1 AND x.member_id = ?2 AND x.deleted_at IS NULL",
                params![shift_id, member_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        match held {
            None => Ok(()),
            Some((name, pattern, on)) => Err(Error::new(
                ErrorCode::Conflict,
                format!(
                    "{name} đã có trong {} ngày {} nên không xếp thêm vào ca đó được. Hãy chọn người khác.",
                    pattern.to_lowercase(),
                    date::from_iso(&on).map(date::format).unwrap_or(on)
                ),
            )),
        }
    }

    /// Checks that a hand edit keeps every member at most once on each shift.
    pub fn check_seat_edit(&self, edit: &SeatEdit) -> Result<()> {
        match edit {
            SeatEdit::Replace {
                shift_id,
                member_in,
                ..
            } => self.refuse_second_seat(shift_id, member_in),
            SeatEdit::Swap {
                shift_a,
                member_a,
                shift_b,
                member_b,
            } => {
                if shift_a == shift_b {
                    return Err(Error::new(
                        ErrorCode::Conflict,
                        "Hai người đang cùng một ca nên đổi cho nhau không thay đổi gì. Hãy chọn người ở ca khác.",
                    ));
                }
                self.refuse_second_seat(shift_a, member_b)?;
                self.refuse_second_seat(shift_b, member_a)
            }
            SeatEdit::Move {
                member_id,
                to_shift,
                ..
            } => self.refuse_second_seat(to_shift, member_id),
        }
    }

    /// Puts `member_in` on a shift in place of `member_out`. The roster's warnings say what
    /// the change breaks; it is not refused for that.
    pub fn replace_seat(
        &mut self,
        shift_id: &str,
        member_out: &str,
        member_in: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let seat = self.seat_id(shift_id, member_out)?;
        self.member(member_in)?;
        self.check_seat_edit(&SeatEdit::Replace {
            shift_id: shift_id.to_string(),
            member_out: member_out.to_string(),
            member_in: member_in.to_string(),
        })?;
        update_row(
            &self.conn,
            "shift_members",
            &seat,
            vec![("member_id", member_in.to_string().into())],
            &self.revision(now),
            now,
        )
    }

    /// Swaps two members between two shifts (or within one night's two patterns).
    pub fn swap_seats(
        &mut self,
        a: (&str, &str),
        b: (&str, &str),
        now: DateTime<Utc>,
    ) -> Result<()> {
        let (seat_a, seat_b) = (self.seat_id(a.0, a.1)?, self.seat_id(b.0, b.1)?);
        self.check_seat_edit(&SeatEdit::Swap {
            shift_a: a.0.to_string(),
            member_a: a.1.to_string(),
            shift_b: b.0.to_string(),
            member_b: b.1.to_string(),
        })?;
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        update_row(
            &tx,
            "shift_members",
            &seat_a,
            vec![("member_id", b.1.to_string().into())],
            &rev,
            now,
        )?;
        update_row(
            &tx,
            "shift_members",
            &seat_b,
            vec![("member_id", a.1.to_string().into())],
            &rev,
            now,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Seats changed since the roster was made (replaced, swapped, moved, actual times):
    /// the roster writes each seat once, so a later `updated_at` is a hand edit.
    pub fn hand_edits(&self, p: Period) -> Result<Vec<HandEdit>> {
        let group = self.require_group()?;
        let mut st = self.conn.prepare(
            "SELECT s.shift_date, p.name, m.full_name FROM shift_members sm
             JOIN shifts s ON s.id = sm.shift_id JOIN shift_patterns p ON p.id = s.pattern_id
             JOIN members m ON m.id = sm.member_id
             WHERE s.group_id = ?1 AND s.shift_date >= ?2 AND s.shift_date < ?3
               AND s.deleted_at IS NULL AND sm.deleted_at IS NULL AND sm.updated_at > sm.created_at
             ORDER BY s.shift_date, p.start_time, p.name, sm.rowid",
        )?;
        let rows = st.query_map(params![group.id, date::iso(p.from), date::iso(p.to)], |r| {
            Ok(HandEdit {
                date: r.get(0)?,
                pattern_name: r.get(1)?,
                name: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The month (`YYYY-MM`) a shift belongs to.
    pub fn shift_month(&self, shift_id: &str) -> Result<String> {
        let d: Option<String> = self
            .conn
            .query_row(
                "SELECT shift_date FROM shifts WHERE id = ?1 AND deleted_at IS NULL",
                [shift_id],
                |r| r.get(0),
            )
            .ok();
        d.map(|d| d[..7].to_string())
            .ok_or_else(|| Error::not_found("ca tuần tra"))
    }

    /// Moves a member from one shift to another.
    pub fn move_seat(
        &mut self,
        from_shift: &str,
        member_id: &str,
        to_shift: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let seat = self.seat_id(from_shift, member_id)?;
        let known: i64 = self.conn.query_row(
            "SELECT count(*) FROM shifts WHERE id = ?1 AND deleted_at IS NULL",
            [to_shift],
            |r| r.get(0),
        )?;
        if known == 0 {
            return Err(Error::not_found("ca tuần tra"));
        }
        self.refuse_second_seat(to_shift, member_id)?;
        update_row(
            &self.conn,
            "shift_members",
            &seat,
            vec![("shift_id", to_shift.to_string().into())],
            &self.revision(now),
            now,
        )
    }
}
