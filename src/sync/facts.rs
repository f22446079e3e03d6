//! The facts a month's figures are counted from, read from the rows a package carries, so
//! the ward counts a group's month the same way the group did.

use crate::model::activity::ActivityKind;
use crate::model::figures::{ActivityFact, Facts, IncidentFact, MemberFact, SeatFact, ShiftFact};
use crate::model::incident::IncidentStatus;
use crate::model::member::Role;
use crate::model::patrol::Attendance;
use crate::model::ward::DataSet;
use serde_json::{Map, Value};
use std::collections::HashMap;

type Row = Map<String, Value>;

fn text<'a>(r: &'a Row, k: &str) -> Option<&'a str> {
    r.get(k).and_then(Value::as_str)
}

fn day(r: &Row, k: &str) -> Option<chrono::NaiveDate> {
    text(r, k).and_then(crate::date::from_iso)
}

fn int(r: &Row, k: &str) -> Option<i32> {
    r.get(k).and_then(Value::as_i64).map(|v| v as i32)
}

fn flag(r: &Row, k: &str) -> Option<bool> {
    r.get(k)
        .and_then(|v| v.as_i64().map(|i| i != 0).or(v.as_bool()))
}

/// Rows that count: not deleted and not struck through.
fn live(r: &Row) -> bool {
    r.get("deleted_at").is_none_or(Value::is_null) && r.get("struck_at").is_none_or(Value::is_null)
}

fn rows<'a>(data: &'a DataSet, table: &str) -> impl Iterator<Item = &'a Row> {
    data.get(table).into_iter().flatten().filter(|r| live(r))
}

/// Every fact in the rows, for any period (the figures keep the period's own).
pub fn from_rows(data: &DataSet) -> Facts {
    let members = rows(data, "members")
        .map(|r| MemberFact {
            name: text(r, "full_name").unwrap_or_default().to_string(),
            role: text(r, "role")
                .and_then(Role::from_str)
                .unwrap_or(Role::ToVien),
            joined_on: day(r, "joined_on"),
            left_on: day(r, "left_on"),
        })
        .collect();
    let patterns: HashMap<&str, (&str, &str)> = data
        .get("shift_patterns")
        .into_iter()
        .flatten()
        .filter_map(|r| {
            Some((
                text(r, "id")?,
                (text(r, "start_time")?, text(r, "end_time")?),
            ))
        })
        .collect();
    let mut seats: HashMap<&str, Vec<SeatFact>> = HashMap::new();
    for r in rows(data, "shift_members") {
        if let Some(shift) = text(r, "shift_id") {
            let actual = text(r, "actual_start")
                .zip(text(r, "actual_end"))
                .map(|(a, b)| (a.to_string(), b.to_string()));
            seats.entry(shift).or_default().push(SeatFact {
                attendance: text(r, "attendance").and_then(Attendance::parse),
                actual,
            });
        }
    }
    let shifts = rows(data, "shifts")
        .filter_map(|r| {
            let (start, end) = patterns.get(text(r, "pattern_id")?)?;
            Some(ShiftFact {
                date: day(r, "shift_date")?,
                start: start.to_string(),
                end: end.to_string(),
                seats: seats.remove(text(r, "id")?).unwrap_or_default(),
            })
        })
        .collect();
    let incidents = rows(data, "incidents")
        .filter_map(|r| {
            Some(IncidentFact {
                occurred_on: day(r, "occurred_on")?,
                category: text(r, "category")?.to_string(),
                status: IncidentStatus::parse(text(r, "status")?)?,
                valuable_tip: flag(r, "valuable_tip").unwrap_or(false),
            })
        })
        .collect();
    let activities = rows(data, "activities")
        .filter_map(|r| {
            Some(ActivityFact {
                kind: ActivityKind::parse(text(r, "kind")?)?,
                held_on: day(r, "held_on")?,
                people: int(r, "people"),
                households: int(r, "households"),
                mediation_success: flag(r, "mediation_success"),
            })
        })
        .collect();
    Facts {
        members,
        shifts,
        incidents,
        activities,
    }
}
