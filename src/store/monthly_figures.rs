//! The rows a month's report is made from: the facts its figures are counted from, the
//! incidents it lists, and the amendments to closed months.

use super::Store;
use crate::date;
use crate::error::Result;
use crate::model::activity::ActivityKind;
use crate::model::figures::{
    ActivityFact, Facts, IncidentFact, MemberFact, Period, SeatFact, ShiftFact,
};
use crate::model::history::FieldChange;
use crate::model::incident::{Incident, IncidentStatus};
use crate::model::member::Role;
use crate::model::month::Amendment;
use crate::model::patrol::Attendance;
use rusqlite::params;
use std::collections::HashMap;

impl Store {
    /// The facts the period's figures are counted from: every member, and the period's
    /// shifts, incidents and activities that count (not struck through, not deleted).
    pub fn figure_facts(&self, group_id: &str, p: Period) -> Result<Facts> {
        Ok(Facts {
            members: self.member_facts(group_id)?,
            shifts: self.shift_facts(group_id, p)?,
            incidents: self.incident_facts(group_id, p)?,
            activities: self.activity_facts(group_id, p)?,
        })
    }

    /// Every member of the group (not deleted), with role and dates.
    pub fn member_facts(&self, group_id: &str) -> Result<Vec<MemberFact>> {
        let day = |s: Option<String>| s.as_deref().and_then(date::from_iso);
        let mut st = self.conn.prepare_cached(
            "SELECT full_name, role, joined_on, left_on FROM members
             WHERE group_id = ?1 AND deleted_at IS NULL ORDER BY full_name, id",
        )?;
        let members = st
            .query_map([group_id], |r| {
                Ok(MemberFact {
                    name: r.get(0)?,
                    role: Role::from_str(&r.get::<_, String>(1)?).unwrap_or(Role::ToVien),
                    joined_on: day(r.get(2)?),
                    left_on: day(r.get(3)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(members)
    }

    /// The period's shifts with their seats.
    pub fn shift_facts(&self, group_id: &str, p: Period) -> Result<Vec<ShiftFact>> {
        let (from, to) = (date::iso(p.from), date::iso(p.to));
        let day = |s: Option<String>| s.as_deref().and_then(date::from_iso);
        let mut st = self.conn.prepare_cached(
            "SELECT s.id, s.shift_date, p.start_time, p.end_time,
                    m.id, m.attendance, m.actual_start, m.actual_end
             FROM shifts s JOIN shift_patterns p ON p.id = s.pattern_id
             LEFT JOIN shift_members m ON m.shift_id = s.id AND m.deleted_at IS NULL
             WHERE s.group_id = ?1 AND s.shift_date >= ?2 AND s.shift_date < ?3 AND s.deleted_at IS NULL
             ORDER BY s.shift_date, s.id, m.rowid",
        )?;
        let mut shifts: Vec<ShiftFact> = Vec::new();
        let mut last_id = String::new();
        let mut q = st.query(params![group_id, from, to])?;
        while let Some(r) = q.next()? {
            let id: String = r.get(0)?;
            if id != last_id {
                let Some(d) = day(r.get(1)?) else { continue };
                shifts.push(ShiftFact {
                    date: d,
                    start: r.get(2)?,
                    end: r.get(3)?,
                    seats: Vec::new(),
                });
                last_id = id;
            }
            // A shift without seats still counts as planned.
            let seat: Option<String> = r.get(4)?;
            if let (Some(s), Some(_)) = (shifts.last_mut(), seat) {
                let attendance: Option<String> = r.get(5)?;
                let a: Option<String> = r.get(6)?;
                let b: Option<String> = r.get(7)?;
                s.seats.push(SeatFact {
                    attendance: attendance.as_deref().and_then(Attendance::parse),
                    actual: a.zip(b),
                });
            }
        }
        Ok(shifts)
    }

    /// The period's incidents that count.
    pub fn incident_facts(&self, group_id: &str, p: Period) -> Result<Vec<IncidentFact>> {
        let (from, to) = (date::iso(p.from), date::iso(p.to));
        let mut st = self.conn.prepare_cached(
            "SELECT occurred_on, category, status, valuable_tip FROM incidents
             WHERE group_id = ?1 AND occurred_on >= ?2 AND occurred_on < ?3
               AND deleted_at IS NULL AND struck_at IS NULL",
        )?;
        let incidents = st
            .query_map(params![group_id, from, to], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get::<_, String>(2)?,
                    r.get(3)?,
                ))
            })?
            .filter_map(|row| {
                row.map(|(on, category, status, valuable_tip)| {
                    Some(IncidentFact {
                        occurred_on: date::from_iso(&on)?,
                        category,
                        status: IncidentStatus::parse(&status)?,
                        valuable_tip,
                    })
                })
                .transpose()
            })
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(incidents)
    }

    /// The period's activities that count.
    pub fn activity_facts(&self, group_id: &str, p: Period) -> Result<Vec<ActivityFact>> {
        let (from, to) = (date::iso(p.from), date::iso(p.to));
        let mut st = self.conn.prepare_cached(
            "SELECT kind, held_on, people, households, mediation_success FROM activities
             WHERE group_id = ?1 AND held_on >= ?2 AND held_on < ?3
               AND deleted_at IS NULL AND struck_at IS NULL",
        )?;
        let activities = st
            .query_map(params![group_id, from, to], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                ))
            })?
            .filter_map(|row| {
                row.map(|(kind, on, people, households, mediation_success)| {
                    Some(ActivityFact {
                        kind: ActivityKind::parse(&kind)?,
                        held_on: date::from_iso(&on)?,
                        people,
                        households,
                        mediation_success,
                    })
                })
                .transpose()
            })
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(activities)
    }

    /// The period's incidents that count, in the order the report lists them.
    pub fn incidents_in(&self, group_id: &str, p: Period) -> Result<Vec<Incident>> {
        let names = self.category_names()?;
        let mut st = self.conn.prepare(
            "SELECT * FROM incidents
             WHERE group_id = ?1 AND occurred_on >= ?2 AND occurred_on < ?3
               AND deleted_at IS NULL AND struck_at IS NULL
             ORDER BY occurred_on, occurred_time, id",
        )?;
        let rows = st.query_map(params![group_id, date::iso(p.from), date::iso(p.to)], |r| {
            super::incident::from_row(r, &names)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every amendment the group made to its closed months, oldest first.
    pub fn amendments(&self, group_id: &str) -> Result<Vec<Amendment>> {
        let mut st = self.conn.prepare(
            "SELECT v.id, v.at, v.amends_month, v.summary, v.record_kind, v.record_id,
                    COALESCE(i.title, a.title, ''), v.changes, v.editor
             FROM record_versions v
             LEFT JOIN incidents i ON v.record_kind = 'incident' AND i.id = v.record_id
             LEFT JOIN activities a ON v.record_kind = 'activity' AND a.id = v.record_id
             WHERE v.group_id = ?1 AND v.amends_month IS NOT NULL AND v.deleted_at IS NULL
             ORDER BY v.at, v.id",
        )?;
        let rows = st.query_map([group_id], |r| {
            let summary: String = r.get(3)?;
            // Which fields changed, not their values: some (people involved) are sensitive.
            let changes: Vec<FieldChange> =
                serde_json::from_str(&r.get::<_, String>(7)?).unwrap_or_default();
            Ok(Amendment {
                id: r.get(0)?,
                at: r.get(1)?,
                amends_month: r.get(2)?,
                summary: summary
                    .split_once("): ")
                    .map_or(summary.clone(), |(_, s)| s.to_string()),
                record_kind: r.get(4)?,
                record_id: r.get(5)?,
                record_title: r.get(6)?,
                fields: changes.into_iter().map(|c| c.field).collect(),
                editor: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The names of the group's categories, built in and its own, by code.
    pub fn category_name_map(&self) -> Result<HashMap<String, String>> {
        self.category_names()
    }
}
