//! The month's figures for its report, computed from the records: members and changes,
//! patrols, incidents by category, activities, and amendments to closed months.

use super::history::month_of;
use super::{bad_month, Store};
use crate::date;
use crate::error::Result;
use crate::model::month::{Amendment, CategoryTotal, IncidentLine, MemberFigures, MonthlyData};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;
use std::collections::BTreeMap;

impl Store {
    /// Everything the month's report says, computed from the records; dated `issued_on`.
    pub fn monthly_data(&self, month: &str, issued_on: NaiveDate) -> Result<MonthlyData> {
        let group = self.require_group()?;
        let month = date::parse_month(month).ok_or_else(|| bad_month(month))?;
        let (from, to) = date::month_range(&month).ok_or_else(|| bad_month(&month))?;
        let (number, number_year, _) = self.report_number(&group.id, &month, issued_on)?;
        let shifts_planned: u32 = self.conn.query_row(
            "SELECT COUNT(*) FROM shifts WHERE group_id = ?1 AND shift_date >= ?2 AND shift_date < ?3 AND deleted_at IS NULL",
            params![group.id, from, to],
            |r| r.get(0),
        )?;
        let incidents = self.incident_lines(&group.id, &from, &to)?;
        let mut by_category: BTreeMap<String, u32> = BTreeMap::new();
        for i in &incidents {
            *by_category.entry(i.category.clone()).or_default() += 1;
        }
        let mut categories: Vec<CategoryTotal> = by_category
            .into_iter()
            .map(|(name, count)| CategoryTotal { name, count })
            .collect();
        categories.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        Ok(MonthlyData {
            members: self.member_figures(&group.id, &from, &to)?,
            shifts_planned,
            patrols: self.patrol_figures(&month)?,
            incidents,
            categories,
            activities: self.activity_summary(&month)?,
            amendments: self.amendments_made_in(&group.id, &month)?,
            narrative: self.narrative(&group.id, &month)?,
            closed: self.is_month_closed(&group.id, &month)?,
            key_fingerprint: self
                .group_public_key(&group.id)?
                .map(|k| crate::sync::keys::fingerprint(&k))
                .unwrap_or_default(),
            number,
            number_year,
            issued_on: date::iso(issued_on),
            group,
            month,
        })
    }

    fn member_figures(&self, group_id: &str, from: &str, to: &str) -> Result<MemberFigures> {
        let mut f = MemberFigures::default();
        let mut st = self.conn.prepare(
            "SELECT full_name, role, joined_on, left_on FROM members
             WHERE group_id = ?1 AND deleted_at IS NULL ORDER BY full_name",
        )?;
        let rows = st.query_map([group_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (name, role, joined, left) = row?;
            let in_month = |d: &Option<String>| d.as_deref().is_some_and(|d| d >= from && d < to);
            if in_month(&joined) {
                f.joined.push(name.clone());
            }
            if in_month(&left) {
                f.left.push(name.clone());
            }
            let joined_by_end = joined.as_deref().is_none_or(|d| d < to);
            let still_in = left.as_deref().is_none_or(|d| d >= to);
            if joined_by_end && still_in {
                f.active += 1;
                if role == "to_truong" || role == "to_pho" {
                    f.leaders += 1;
                }
            }
        }
        Ok(f)
    }

    fn incident_lines(&self, group_id: &str, from: &str, to: &str) -> Result<Vec<IncidentLine>> {
        let names = self.category_names()?;
        let mut st = self.conn.prepare(
            "SELECT id, version, occurred_on, occurred_time, time_approx, place, category, title,
                    description, action_taken, status, transferred_on, transferred_to, valuable_tip
             FROM incidents
             WHERE group_id = ?1 AND occurred_on >= ?2 AND occurred_on < ?3
               AND deleted_at IS NULL AND struck_at IS NULL
             ORDER BY occurred_on, occurred_time, id",
        )?;
        let rows = st.query_map(params![group_id, from, to], |r| {
            let on: String = r.get(2)?;
            let time: Option<String> = r.get(3)?;
            let approx: bool = r.get(4)?;
            let category: String = r.get(6)?;
            let title: String = r.get(7)?;
            let description: String = r.get(8)?;
            let action: Option<String> = r.get(9)?;
            let status: String = r.get(10)?;
            let transferred_on: Option<String> = r.get(11)?;
            let transferred_to: Option<String> = r.get(12)?;
            let d = date::from_iso(&on).map(date::format).unwrap_or(on);
            let when = match time {
                Some(t) if approx => format!("{d} khoảng {t}"),
                Some(t) => format!("{d} {t}"),
                None => d,
            };
            let status = crate::model::incident::IncidentStatus::parse(&status);
            let transferred =
                status == Some(crate::model::incident::IncidentStatus::DaChuyenCongAn);
            let mut outcome = status.map(|s| s.label().to_string()).unwrap_or_default();
            if let Some(to) = transferred_to.filter(|_| transferred) {
                outcome.push_str(&format!(" ({to}"));
                if let Some(on) = transferred_on.as_deref().and_then(date::from_iso) {
                    outcome.push_str(&format!(", {}", date::format(on)));
                }
                outcome.push(')');
            }
            if let Some(a) = action
                .as_deref()
                .map(|a| a.trim_end_matches('.'))
                .filter(|a| !a.is_empty())
            {
                outcome = format!("{a}. {outcome}");
            }
            Ok(IncidentLine {
                id: r.get(0)?,
                version: r.get(1)?,
                when,
                place: r.get(5)?,
                category: names.get(&category).cloned().unwrap_or(category),
                summary: format!("{title}: {description}"),
                outcome,
                transferred,
                valuable_tip: r.get(13)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes made during `month` (Vietnam time) to records of months already closed.
    fn amendments_made_in(&self, group_id: &str, month: &str) -> Result<Vec<Amendment>> {
        let mut st = self.conn.prepare(
            "SELECT v.at, v.amends_month, v.summary, v.record_kind,
                    COALESCE(i.title, a.title, ''), v.changes
             FROM record_versions v
             LEFT JOIN incidents i ON v.record_kind = 'incident' AND i.id = v.record_id
             LEFT JOIN activities a ON v.record_kind = 'activity' AND a.id = v.record_id
             WHERE v.group_id = ?1 AND v.amends_month IS NOT NULL AND v.deleted_at IS NULL
             ORDER BY v.at",
        )?;
        let rows = st.query_map([group_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, amends, summary, kind, title, changes) = row?;
            let local = DateTime::parse_from_rfc3339(&at)
                .map(|t| month_of(date::vn_today(t.with_timezone(&Utc))))
                .unwrap_or_default();
            if local != month {
                continue;
            }
            let what = if kind == "incident" {
                "Vụ việc"
            } else {
                "Hoạt động"
            };
            // Which fields changed, not their values: some (people involved) are sensitive.
            let changes: Vec<crate::model::history::FieldChange> =
                serde_json::from_str(&changes).unwrap_or_default();
            let summary = if changes.is_empty() {
                summary
                    .split_once("): ")
                    .map_or(summary.clone(), |(_, s)| s.to_string())
            } else {
                let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
                format!("Sửa: {}", fields.join(", "))
            };
            out.push(Amendment {
                at: date::format_timestamp(&at),
                month: amends,
                record: format!("{what}: {title}"),
                summary,
            });
        }
        Ok(out)
    }
}
