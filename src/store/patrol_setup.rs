//! Patrol set-up in the store: shift patterns, members' busy dates and weekdays, and the
//! rest rule: the inputs of roster generation.

use super::{insert_row, new_id, update_row, Store};
use crate::date;
use crate::error::{Error, FieldError, Result};
use crate::model::patrol::{
    self, weekdays_from_str, weekdays_to_str, Availability, PatternInput, ShiftPattern,
};
use crate::text::clean;
use chrono::{DateTime, Utc};

impl Store {
    /// Adds a shift pattern.
    pub fn add_pattern(
        &mut self,
        input: &PatternInput,
        now: DateTime<Utc>,
    ) -> Result<ShiftPattern> {
        let group = self.require_group()?;
        let p = patrol::validate_pattern(input)?;
        let id = new_id();
        insert_row(
            &self.conn,
            "shift_patterns",
            &id,
            &group.id,
            vec![
                ("name", p.name.into()),
                ("start_time", p.start.into()),
                ("end_time", p.end.into()),
                ("weekdays", weekdays_to_str(&p.weekdays).into()),
                ("needed", i64::from(p.needed).into()),
                ("route", p.route.into()),
            ],
            &self.revision(now),
            now,
        )?;
        self.patterns()?
            .into_iter()
            .find(|x| x.id == id)
            .ok_or_else(|| Error::internal("pattern vanished"))
    }

    /// The group's shift patterns.
    pub fn patterns(&self) -> Result<Vec<ShiftPattern>> {
        let group = self.require_group()?;
        let mut st = self.conn.prepare(
            "SELECT id, name, start_time, end_time, weekdays, needed, route FROM shift_patterns
             WHERE group_id = ?1 AND deleted_at IS NULL ORDER BY start_time, name",
        )?;
        let rows = st.query_map([&group.id], |r| {
            Ok(ShiftPattern {
                id: r.get(0)?,
                name: r.get(1)?,
                start: r.get(2)?,
                end: r.get(3)?,
                weekdays: weekdays_from_str(&r.get::<_, String>(4)?),
                needed: r.get(5)?,
                route: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records that a member is busy on a date, or every week on a weekday (0 = Monday).
    pub fn add_availability(
        &mut self,
        member_id: &str,
        on: Option<&str>,
        weekday: Option<u8>,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let group = self.require_group()?;
        self.member(member_id)?;
        let mut errs = Vec::new();
        let date = match on {
            Some(s) => match date::parse(s) {
                Some(d) => Some(d),
                None => {
                    errs.push(FieldError::new(
                        "date",
                        "Ngày bận chưa đúng (ngày/tháng/năm).",
                    ));
                    None
                }
            },
            None => None,
        };
        if date.is_none() == weekday.is_none() && errs.is_empty() {
            errs.push(FieldError::new(
                "date",
                "Hãy ghi một ngày bận, hoặc một thứ bận hằng tuần.",
            ));
        }
        if weekday.is_some_and(|w| w > 6) {
            errs.push(FieldError::new("weekday", "Thứ trong tuần chưa đúng."));
        }
        let reason = clean(reason);
        if reason.is_empty() {
            errs.push(FieldError::new("reason", "Hãy ghi lý do bận."));
        }
        if !errs.is_empty() {
            return Err(Error::invalid(errs));
        }
        insert_row(
            &self.conn,
            "availability",
            &new_id(),
            &group.id,
            vec![
                ("member_id", member_id.to_string().into()),
                ("blocked_on", date.map(date::iso).into()),
                ("weekday", weekday.map(i64::from).into()),
                ("reason", reason.into()),
            ],
            &self.revision(now),
            now,
        )
    }

    /// Every member's busy dates and weekdays, by member name then date.
    pub fn availability(&self) -> Result<Vec<Availability>> {
        let group = self.require_group()?;
        let mut st = self.conn.prepare(
            "SELECT a.id, a.member_id, m.full_name, a.blocked_on, a.weekday, a.reason
             FROM availability a JOIN members m ON m.id = a.member_id
             WHERE a.group_id = ?1 AND a.deleted_at IS NULL
             ORDER BY m.full_name, a.weekday IS NULL, a.weekday, a.blocked_on",
        )?;
        let rows = st.query_map([&group.id], |r| {
            Ok(Availability {
                id: r.get(0)?,
                member_id: r.get(1)?,
                member_name: r.get(2)?,
                date: r.get(3)?,
                weekday: r
                    .get::<_, Option<i64>>(4)?
                    .and_then(|w| u8::try_from(w).ok()),
                reason: r.get(5)?,
            })
        })?;
        let mut out: Vec<Availability> = rows.collect::<rusqlite::Result<_>>()?;
        // Stable sort: the query's date order stays within each name.
        out.sort_by(|a, b| crate::text::collate_names(&a.member_name, &b.member_name));
        Ok(out)
    }

    /// Removes a busy date or weekday (kept as a tombstone for sync).
    pub fn remove_availability(&mut self, id: &str, now: DateTime<Utc>) -> Result<()> {
        let group = self.require_group()?;
        let found: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM availability WHERE id = ?1 AND group_id = ?2 AND deleted_at IS NULL",
                [id, &group.id],
                |r| r.get(0),
            )
            .ok();
        if found.is_none() {
            return Err(Error::not_found("ngày bận này"));
        }
        let rev = self.revision(now);
        update_row(
            &self.conn,
            "availability",
            id,
            vec![("deleted_at", super::ts(now).into())],
            &rev,
            now,
        )
    }

    /// The rest rule: at most this many nights in a row.
    pub fn max_consecutive(&self) -> Result<u8> {
        let group = self.require_group()?;
        let k: i64 = self.conn.query_row(
            "SELECT max_consecutive_nights FROM groups WHERE id = ?1",
            [&group.id],
            |r| r.get(0),
        )?;
        Ok(u8::try_from(k.clamp(1, 7)).unwrap_or(3))
    }

    /// Sets the rest rule (1–7 nights in a row); used by the next roster generated.
    pub fn set_max_consecutive(&mut self, nights: i64, now: DateTime<Utc>) -> Result<()> {
        let group = self.require_group()?;
        if !(1..=7).contains(&nights) {
            return Err(Error::invalid(vec![FieldError::new(
                "max_consecutive",
                "Số đêm trực liền tối đa phải từ 1 đến 7.",
            )]));
        }
        let rev = self.revision(now);
        update_row(
            &self.conn,
            "groups",
            &group.id,
            vec![("max_consecutive_nights", nights.into())],
            &rev,
            now,
        )?;
        Ok(())
    }
}
