//! Who has reported: each group's months at a glance (on time, late, missing, not due, or
//! before the group's first file), last month's counts and days to its deadline, and the
//! change in incidents from the month before.

use super::deadline;
use crate::date;
use crate::error::Result;
use crate::model::ward::{
    fingerprint, GroupStatus, MonthCell, MonthSummary, ReportState, StatusMonth, StatusTotals,
    WardStatus,
};
use crate::store::{Store, WardFile};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// When the group made the file (what on time is judged by).
pub(super) fn sent_at(f: &WardFile) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(&f.created_at)
        .map(|t| t.with_timezone(&Utc))
        .ok()
}

/// A group's month: the first file decides on time or late, the newest carries the figures.
pub(super) fn cell(
    files: &[WardFile],
    amended: bool,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> MonthCell {
    let state = match files.first() {
        None if now > end => ReportState::Missing,
        None => ReportState::NotDue,
        Some(f) if sent_at(f).is_some_and(|t| t <= end) => ReportState::OnTime,
        Some(_) => ReportState::Late,
    };
    let mut warnings: Vec<String> = files.iter().flat_map(|f| f.warnings.clone()).collect();
    warnings.dedup();
    MonthCell {
        state,
        draft: files.last().is_some_and(|f| !f.closed),
        amended,
        before_first: false,
        warnings,
    }
}

/// The month before `month` (`YYYY-MM`).
fn month_before(month: &str) -> Result<String> {
    Ok(date::iso(super::super::period(month)?.from - chrono::Months::new(1))[..7].to_string())
}

/// Who has reported: the groups × `months` table at `now`, with each month's deadline, the
/// rates over the months that are due, and last month (the month before `now`'s) at a
/// glance. A month before a group's first file is not counted against it.
pub fn status(store: &Store, months: &[String], now: DateTime<Utc>) -> Result<WardStatus> {
    let ward = store.require_ward()?;
    let months: Vec<String> = months
        .iter()
        .map(|m| super::super::month(m))
        .collect::<Result<_>>()?;
    let mut columns = Vec::new();
    let mut ends = Vec::new();
    for m in &months {
        let (day, end) = deadline(m, ward.deadline_day)?;
        columns.push(StatusMonth {
            month: m.clone(),
            deadline: date::iso(day),
            due: now > end,
        });
        ends.push(end);
    }
    let mut amended: BTreeMap<(String, String), bool> = BTreeMap::new();
    for m in &months {
        for (g, a) in store.ward_amendments(m)? {
            if a.amends_month == *m {
                amended.insert((g, m.clone()), true);
            }
        }
    }
    let last = month_before(&date::iso(date::vn_today(now))[..7])?;
    let before_last = month_before(&last)?;
    let (last_day, last_end) = deadline(&last, ward.deadline_day)?;
    let mut summary = MonthSummary {
        month: last.clone(),
        deadline: date::iso(last_day),
        days_left: (last_day - date::vn_today(now)).num_days() as i32,
        ..Default::default()
    };
    let mut totals = StatusTotals::default();
    let mut groups = Vec::new();
    for g in store.ward_groups()? {
        let id = g.group_id.clone().unwrap_or_default();
        let first = match &g.group_id {
            Some(id) => store.first_ward_period(id)?,
            None => None,
        };
        let before_first = |m: &str| first.as_deref().is_some_and(|f| m < f);
        let files = |m: &str| match &g.group_id {
            Some(id) => store.ward_files(id, m),
            None => Ok(Vec::new()),
        };
        let mut cells = Vec::new();
        for (m, end) in months.iter().zip(&ends) {
            let mut c = cell(
                &files(m)?,
                amended.contains_key(&(id.clone(), m.clone())),
                *end,
                now,
            );
            c.before_first = before_first(m);
            if now > *end && !c.before_first {
                totals.due += 1;
                totals.received += u32::from(c.state.received());
                totals.on_time += u32::from(c.state == ReportState::OnTime);
            }
            cells.push(c);
        }
        // Last month's files decide both its state and its incidents: read them once.
        let last_files = files(&last)?;
        let incidents_last = last_files.last().map(|f| f.figures.incidents.total);
        let incidents_before = files(&before_last)?
            .last()
            .map(|f| f.figures.incidents.total);
        let last_month =
            (!before_first(&last)).then(|| cell(&last_files, false, last_end, now).state);
        match last_month {
            Some(ReportState::OnTime) => summary.on_time += 1,
            Some(ReportState::Late) => summary.late += 1,
            Some(ReportState::Missing) => summary.missing += 1,
            Some(ReportState::NotDue) => summary.not_due += 1,
            None => {}
        }
        if let Some(n) = incidents_last {
            summary.incidents += n;
            if let Some(b) = incidents_before {
                summary.incidents_compared += n;
                summary.incidents_before += b;
            }
        }
        let last_file = match &g.group_id {
            Some(id) => store
                .last_ward_file(id)?
                .map(|(m, at)| (m, date::format_timestamp(&at))),
            None => None,
        };
        groups.push(GroupStatus {
            group_id: id,
            fingerprint: g.public_key.as_deref().map(fingerprint).unwrap_or_default(),
            name: g.name,
            months: cells,
            last_file,
            last_month,
            incidents_last,
            incidents_before,
        });
    }
    Ok(WardStatus {
        months: columns,
        groups,
        totals,
        summary,
    })
}
