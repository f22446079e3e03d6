//! The month's patrol roster in the store: generating and saving it, the view with tallies
//! and warnings, and hand edits. Generation itself is `roster::generate`.

use super::{bad_month, insert_row, new_id, update_row, Store};
use crate::date;
use crate::error::{Error, ErrorCode, Result};
use crate::model::member::{MemberFilter, MemberStatus};
use crate::model::patrol::{
    Attendance, MemberTally, RosterGap, RosterShift, RosterView, Seat, SeatEdit,
};
use crate::roster::generate::{self as gen, Candidate, Pattern, Request};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};
use std::collections::HashMap;

/// A member left out of automatic rosters: name and why.
type LeftOut = (String, String);

impl Store {
    fn shift_ids(&self, group_id: &str, from: &str, to: &str) -> Result<Vec<String>> {
        let mut st = self.conn.prepare(
            "SELECT id FROM shifts WHERE group_id = ?1 AND shift_date >= ?2 AND shift_date < ?3
               AND deleted_at IS NULL",
        )?;
        let rows = st.query_map(params![group_id, from, to], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Nights each member did in a month (seats assigned, struck rows excluded).
    fn nights_in(&self, group_id: &str, from: &str, to: &str) -> Result<HashMap<String, u32>> {
        let mut st = self.conn.prepare(
            "SELECT sm.member_id, count(*) FROM shift_members sm JOIN shifts s ON s.id = sm.shift_id
             WHERE s.group_id = ?1 AND s.shift_date >= ?2 AND s.shift_date < ?3
               AND s.deleted_at IS NULL AND sm.deleted_at IS NULL GROUP BY sm.member_id",
        )?;
        let rows = st.query_map(params![group_id, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Generates and saves the month's roster, replacing a previous one that has no
    /// attendance recorded yet. Returns it with the gaps found.
    pub fn generate_roster(&mut self, month: &str, now: DateTime<Utc>) -> Result<RosterView> {
        let group = self.require_group()?;
        let (from, to) = date::month_range(month).ok_or_else(|| bad_month(month))?;
        let first = date::from_iso(&from).expect("valid");
        let patterns = self.patterns()?;
        if patterns.is_empty() {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Chưa có ca tuần tra nào. Hãy tạo ca (ví dụ: Ca đêm 22:00–04:00) trước khi xếp lịch.",
            ));
        }
        let existing = self.shift_ids(&group.id, &from, &to)?;
        let attended: i64 = self.conn.query_row(
            "SELECT count(*) FROM shift_members WHERE attendance IS NOT NULL AND deleted_at IS NULL
               AND shift_id IN (SELECT id FROM shifts WHERE group_id = ?1 AND shift_date >= ?2
                                AND shift_date < ?3 AND deleted_at IS NULL)",
            params![group.id, from, to],
            |r| r.get(0),
        )?;
        if attended > 0 {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Lịch tháng này đã có chấm công nên không xếp lại được. Hãy sửa từng ca bằng tay.",
            ));
        }

        // Candidates: active members; eligibility on the 1st; carry-over from last month.
        let members = self
            .list_members(
                &MemberFilter {
                    status: MemberStatus::Active,
                    ..Default::default()
                },
                first,
            )?
            .items;
        let prev_first = first - chrono::Months::new(1);
        let last = self.nights_in(&group.id, &date::iso(prev_first), &from)?;
        let avg = if members.is_empty() {
            0.0
        } else {
            members
                .iter()
                .map(|m| f64::from(*last.get(&m.id).unwrap_or(&0)))
                .sum::<f64>()
                / members.len() as f64
        };
        let mut blocked: HashMap<String, (Vec<NaiveDate>, [bool; 7])> = HashMap::new();
        {
            let mut st = self.conn.prepare(
                "SELECT member_id, blocked_on, weekday FROM availability
                 WHERE group_id = ?1 AND deleted_at IS NULL",
            )?;
            let rows = st.query_map([&group.id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                ))
            })?;
            for row in rows {
                let (m, d, w) = row?;
                let e = blocked.entry(m).or_insert((Vec::new(), [false; 7]));
                if let Some(d) = d.as_deref().and_then(date::from_iso) {
                    e.0.push(d);
                }
                if let Some(w) = w.filter(|w| (0..7).contains(w)) {
                    e.1[w as usize] = true;
                }
            }
        }
        let names: HashMap<String, String> = members
            .iter()
            .map(|m| (m.id.clone(), m.full_name.clone()))
            .collect();
        let candidates = members
            .iter()
            .map(|m| {
                // The list computed eligibility on the 1st of the month already.
                let warnings = &m.warnings;
                let (dates, weekdays) = blocked.remove(&m.id).unwrap_or_default();
                Candidate {
                    id: m.id.clone(),
                    not_eligible: (!warnings.is_empty()).then(|| warnings.join("; ")),
                    blocked_dates: dates,
                    blocked_weekdays: weekdays,
                    carry_over: (f64::from(*last.get(&m.id).unwrap_or(&0)) - avg).round() as i32,
                }
            })
            .collect();
        let max_consecutive = self.max_consecutive()?;
        let request = Request {
            year: first.year(),
            month: first.month(),
            patterns: patterns
                .iter()
                .map(|p| Pattern {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    weekdays: p.weekdays,
                    needed: p.needed,
                })
                .collect(),
            candidates,
            max_consecutive: u32::from(max_consecutive),
        };
        let roster = gen::generate(&request);

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
        for s in &roster.shifts {
            let sid = new_id();
            insert_row(
                &tx,
                "shifts",
                &sid,
                &group.id,
                vec![
                    ("shift_date", date::iso(s.date).into()),
                    ("pattern_id", s.pattern_id.clone().into()),
                ],
                &rev,
                now,
            )?;
            for m in &s.members {
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
        let mut view = self.roster(month)?;
        let pattern_names: HashMap<&str, &str> = patterns
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        view.gaps = roster
            .gaps
            .iter()
            .map(|g| RosterGap {
                date: date::iso(g.date),
                pattern_name: pattern_names
                    .get(g.pattern_id.as_str())
                    .unwrap_or(&"")
                    .to_string(),
                missing: g.missing,
                reason: g.reason.clone(),
            })
            .collect();
        view.not_rostered = roster
            .not_rostered
            .iter()
            .map(|(id, why)| (names.get(id).cloned().unwrap_or_default(), why.clone()))
            .collect();
        Ok(view)
    }

    /// The saved roster of a month, with each member's tallies; understaffed shifts as gaps.
    pub fn roster(&self, month: &str) -> Result<RosterView> {
        let group = self.require_group()?;
        let (from, to) = date::month_range(month).ok_or_else(|| bad_month(month))?;
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
                    special: date::from_iso(&d).is_some_and(gen::is_special),
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
        let mut tallies: HashMap<String, MemberTally> = HashMap::new();
        let mut gaps = Vec::new();
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
                let t = tallies.entry(m.clone()).or_insert_with(|| MemberTally {
                    member_id: m.clone(),
                    name: names.get(&m).cloned().unwrap_or_default(),
                    total: 0,
                    special: 0,
                });
                t.total += 1;
                t.special += u32::from(s.special);
                s.seats.push(Seat {
                    name: names.get(&m).cloned().unwrap_or_default(),
                    member_id: m,
                    attendance: a.as_deref().and_then(Attendance::parse),
                    substitute_name: sub.and_then(|x| names.get(&x).cloned()),
                    actual_start,
                    actual_end,
                });
            }
            if (s.seats.len() as u8) < s.needed {
                gaps.push(RosterGap {
                    date: s.date.clone(),
                    pattern_name: s.pattern_name.clone(),
                    missing: s.needed - s.seats.len() as u8,
                    reason: format!("Thiếu {} người.", s.needed - s.seats.len() as u8),
                });
            }
        }
        let mut tallies: Vec<MemberTally> = tallies.into_values().collect();
        tallies.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
        Ok(RosterView {
            month: from[..7].to_string(),
            shifts,
            tallies,
            gaps,
            not_rostered: Vec::new(),
            warnings: Vec::new(),
            max_consecutive: self.max_consecutive()?,
        })
        .and_then(|mut v| {
            (v.warnings, v.not_rostered) = self.roster_checks(&v)?;
            Ok(v)
        })
    }

    /// What the roster breaks (double bookings, busy dates, ineligible members, the rest
    /// rule), and the active members left out of automatic rosters, with why.
    fn roster_checks(&self, v: &RosterView) -> Result<(Vec<String>, Vec<LeftOut>)> {
        let Some(first) = date::from_iso(&format!("{}-01", v.month)) else {
            return Ok((Vec::new(), Vec::new()));
        };
        let k = i64::from(v.max_consecutive);
        let mut nights: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
        let mut names: HashMap<&str, &str> = HashMap::new();
        for s in &v.shifts {
            let Some(d) = date::from_iso(&s.date) else {
                continue;
            };
            for seat in &s.seats {
                nights.entry(&seat.member_id).or_default().push(d);
                names.insert(&seat.member_id, &seat.name);
            }
        }
        let mut busy_st = self.conn.prepare(
            "SELECT blocked_on, weekday, reason FROM availability WHERE member_id = ?1 AND deleted_at IS NULL",
        )?;
        let mut left_out = Vec::new();
        // Left or not, and eligibility warnings on the 1st, for everyone in one query.
        let standing: HashMap<String, (bool, Vec<String>)> = self
            .list_members(
                &MemberFilter {
                    status: MemberStatus::All,
                    ..Default::default()
                },
                first,
            )?
            .items
            .into_iter()
            .map(|m| {
                if m.left_on.is_none() && !m.warnings.is_empty() {
                    left_out.push((m.full_name.clone(), m.warnings.join("; ")));
                }
                (m.id, (m.left_on.is_some(), m.warnings))
            })
            .collect();
        let mut out = Vec::new();
        let mut ids: Vec<&str> = nights.keys().copied().collect();
        ids.sort_by_key(|id| names[id]);
        for id in ids {
            let name = names[id];
            let mut dates = nights[id].clone();
            dates.sort();
            for w in dates.windows(2) {
                if w[0] == w[1] {
                    out.push(format!(
                        "{name} trực hai ca trong đêm {}.",
                        date::format(w[0])
                    ));
                }
            }
            let busy: Vec<(Option<String>, Option<i64>, String)> = busy_st
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for d in &dates {
                for (on, wd, why) in &busy {
                    let hit = on.as_deref() == Some(date::iso(*d).as_str())
                        || *wd == Some(i64::from(d.weekday().num_days_from_monday()));
                    if hit {
                        out.push(format!(
                            "{name} đã báo bận ngày {} ({why}).",
                            date::format(*d)
                        ));
                    }
                }
            }
            match standing.get(id) {
                Some((true, _)) => out.push(format!("{name} đã rời tổ.")),
                Some((false, w)) if !w.is_empty() => {
                    out.push(format!("{name} chưa đủ điều kiện: {}.", w.join("; ")))
                }
                _ => {}
            }
            dates.dedup();
            let mut run = 1;
            for i in 1..=dates.len() {
                if i < dates.len() && dates[i] - dates[i - 1] == chrono::Duration::days(1) {
                    run += 1;
                    continue;
                }
                if run > k {
                    out.push(format!(
                        "{name} trực {run} đêm liền (tối đa {k}), đến đêm {}.",
                        date::format(dates[i - 1])
                    ));
                }
                run = 1;
            }
        }
        Ok((out, left_out))
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
    fn check_seat_edit(&self, edit: &SeatEdit) -> Result<()> {
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

    /// What a hand edit would newly break (warnings not already on the roster), before it is
    /// made; the edit itself is never refused for them.
    pub fn preview_seat_edit(&self, edit: &SeatEdit) -> Result<Vec<String>> {
        let first_shift = match edit {
            SeatEdit::Replace { shift_id, .. } => shift_id,
            SeatEdit::Swap { shift_a, .. } => shift_a,
            SeatEdit::Move { from_shift, .. } => from_shift,
        };
        let view = self.roster(&self.shift_month(first_shift)?)?;
        self.check_seat_edit(edit)?;
        let mut after = view.clone();
        let seat_of = |v: &RosterView, shift: &str, member: &str| -> Result<(usize, usize)> {
            v.shifts
                .iter()
                .enumerate()
                .find_map(|(i, s)| {
                    (s.id == shift)
                        .then(|| {
                            s.seats
                                .iter()
                                .position(|x| x.member_id == member)
                                .map(|k| (i, k))
                        })
                        .flatten()
                })
                .ok_or_else(|| Error::not_found("tổ viên trong ca này"))
        };
        match edit {
            SeatEdit::Replace {
                shift_id,
                member_out,
                member_in,
            } => {
                let (i, k) = seat_of(&after, shift_id, member_out)?;
                let m = self.member(member_in)?;
                let seat = &mut after.shifts[i].seats[k];
                seat.member_id = m.id;
                seat.name = m.full_name;
            }
            SeatEdit::Swap {
                shift_a,
                member_a,
                shift_b,
                member_b,
            } => {
                let (ia, ka) = seat_of(&after, shift_a, member_a)?;
                let (ib, kb) = seat_of(&after, shift_b, member_b)?;
                let a = after.shifts[ia].seats[ka].clone();
                let b = std::mem::replace(&mut after.shifts[ib].seats[kb], a);
                after.shifts[ia].seats[ka] = b;
            }
            SeatEdit::Move {
                from_shift,
                member_id,
                to_shift,
            } => {
                let (i, k) = seat_of(&after, from_shift, member_id)?;
                let seat = after.shifts[i].seats.remove(k);
                let target = after
                    .shifts
                    .iter_mut()
                    .find(|s| s.id == *to_shift)
                    .ok_or_else(|| Error::not_found("ca tuần tra"))?;
                target.seats.push(seat);
            }
        }
        let (warnings, _) = self.roster_checks(&after)?;
        Ok(warnings
            .into_iter()
            .filter(|w| !view.warnings.contains(w))
            .collect())
    }
}
