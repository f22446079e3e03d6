//! Activities: record, edit (every version kept), strike through, list, and the month's
//! figures for the report.

use super::history::{Change, Ledger, StrikeTarget};
use super::{new_id, Store, Values};
use crate::date;
use crate::error::{Error, ErrorCode, Result};
use crate::model::activity::{
    self, Activity, ActivityFilter, ActivityInput, ActivityKind, ValidActivity,
};
use crate::model::history::{diff, RecordVersion};
use crate::text::fold;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row};

fn values(a: &ValidActivity) -> Result<Values> {
    let assignments =
        serde_json::to_string(&a.assignments).map_err(|e| Error::internal(e.to_string()))?;
    let search = fold(&format!(
        "{} {} {} {}",
        a.title,
        a.place.as_deref().unwrap_or(""),
        a.content.as_deref().unwrap_or(""),
        a.conclusions.as_deref().unwrap_or("")
    ));
    Ok(vec![
        ("kind", a.kind.as_str().to_string().into()),
        ("held_on", date::iso(a.held_on).into()),
        ("title", a.title.clone().into()),
        ("place", a.place.clone().into()),
        ("content", a.content.clone().into()),
        ("people", a.people.map(i64::from).into()),
        ("households", a.households.map(i64::from).into()),
        ("conclusions", a.conclusions.clone().into()),
        ("assignments", assignments.into()),
        ("parties", a.parties.clone().into()),
        ("mediation_success", a.mediation_success.into()),
        ("search_text", search.into()),
    ])
}

fn from_row(r: &Row) -> rusqlite::Result<Activity> {
    let kind: String = r.get("kind")?;
    let assignments: String = r.get("assignments")?;
    let struck_at: Option<String> = r.get("struck_at")?;
    Ok(Activity {
        id: r.get("id")?,
        kind: ActivityKind::parse(&kind).unwrap_or(ActivityKind::HopTo),
        held_on: r.get("held_on")?,
        title: r.get("title")?,
        place: r.get("place")?,
        content: r.get("content")?,
        people: r.get("people")?,
        households: r.get("households")?,
        conclusions: r.get("conclusions")?,
        assignments: serde_json::from_str(&assignments).unwrap_or_default(),
        parties: r.get("parties")?,
        mediation_success: r.get("mediation_success")?,
        struck: struck_at.is_some(),
        strike_reason: r.get("strike_reason")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

fn display(a: &Activity) -> Vec<(&'static str, String)> {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let n = |v: Option<i32>| v.map(|x| x.to_string()).unwrap_or_default();
    let assignments: Vec<String> = a
        .assignments
        .iter()
        .map(|x| {
            let due = date::from_iso(&x.due).map(date::format).unwrap_or_default();
            format!("{}: {} {}", x.who, x.what, due).trim().to_string()
        })
        .collect();
    vec![
        ("Loại hoạt động", a.kind.label().to_string()),
        (
            "Ngày",
            date::from_iso(&a.held_on)
                .map(date::format)
                .unwrap_or_default(),
        ),
        ("Tiêu đề", a.title.clone()),
        ("Địa điểm", o(&a.place)),
        ("Nội dung", o(&a.content)),
        ("Số người", n(a.people)),
        ("Số hộ", n(a.households)),
        ("Kết luận", o(&a.conclusions)),
        ("Phân công", assignments.join("; ")),
        ("Các bên", o(&a.parties)),
        (
            "Kết quả hòa giải",
            match a.mediation_success {
                Some(true) => "Thành".into(),
                Some(false) => "Không thành".into(),
                None => String::new(),
            },
        ),
    ]
}

fn as_activity(v: &ValidActivity, id: &str) -> Activity {
    Activity {
        id: id.to_string(),
        kind: v.kind,
        held_on: date::iso(v.held_on),
        title: v.title.clone(),
        place: v.place.clone(),
        content: v.content.clone(),
        people: v.people,
        households: v.households,
        conclusions: v.conclusions.clone(),
        assignments: v.assignments.clone(),
        parties: v.parties.clone(),
        mediation_success: v.mediation_success,
        struck: false,
        strike_reason: None,
        version: 0,
        created_at: String::new(),
        updated_at: String::new(),
    }
}

fn snapshot(a: &Activity) -> Result<String> {
    serde_json::to_string(a).map_err(|e| Error::internal(e.to_string()))
}

impl Store {
    /// Records an activity (version 1).
    pub fn add_activity(&mut self, input: &ActivityInput, now: DateTime<Utc>) -> Result<Activity> {
        let group = self.require_group()?;
        let v = activity::validate(input, date::vn_today(now))?;
        let amends = self.closed_month_among(&group.id, &[v.held_on])?;
        let id = new_id();
        self.commit_change(
            Change {
                ledger: Ledger::Activity,
                group_id: &group.id,
                id: &id,
                values: values(&v)?,
                editor: &v.editor,
                replaces: None,
                summary: "Ghi mới".into(),
                changes: Vec::new(),
                also: None,
                amends,
            },
            now,
        )?;
        self.activity(&id)
    }

    /// One activity.
    pub fn activity(&self, id: &str) -> Result<Activity> {
        self.conn
            .query_row(
                "SELECT * FROM activities WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("hoạt động"))
    }

    /// Edits an activity, keeping the previous version.
    pub fn edit_activity(
        &mut self,
        id: &str,
        input: &ActivityInput,
        now: DateTime<Utc>,
    ) -> Result<Activity> {
        let group = self.require_group()?;
        let before = self.activity(id)?;
        if before.struck {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Hoạt động này đã bị gạch bỏ nên không sửa được nữa.",
            ));
        }
        let v = activity::validate(input, date::vn_today(now))?;
        let old_date = date::from_iso(&before.held_on).unwrap_or(v.held_on);
        let amends = self.closed_month_among(&group.id, &[old_date, v.held_on])?;
        let changes = diff(&display(&before), &display(&as_activity(&v, id)));
        if changes.is_empty() {
            return Ok(before);
        }
        self.commit_change(
            Change {
                ledger: Ledger::Activity,
                group_id: &group.id,
                id,
                values: values(&v)?,
                editor: &v.editor,
                replaces: Some((before.version, snapshot(&before)?)),
                summary: format!("Sửa {} mục", changes.len()),
                changes,
                also: None,
                amends,
            },
            now,
        )?;
        self.activity(id)
    }

    /// Strikes an activity through with a reason.
    pub fn strike_activity(
        &mut self,
        id: &str,
        reason: &str,
        editor: &str,
        now: DateTime<Utc>,
    ) -> Result<Activity> {
        let group = self.require_group()?;
        let a = self.activity(id)?;
        let target = StrikeTarget {
            id: a.id.clone(),
            group_id: group.id,
            date: date::from_iso(&a.held_on).ok_or_else(|| Error::internal("bad stored date"))?,
            version: a.version,
            struck: a.struck,
            snapshot: snapshot(&a)?,
        };
        self.strike(Ledger::Activity, target, reason, editor, now)?;
        self.activity(id)
    }

    /// Every version of an activity.
    pub fn activity_history(&self, id: &str) -> Result<Vec<RecordVersion>> {
        self.activity(id)?;
        self.versions(Ledger::Activity, id)
    }

    /// Activities, newest first, filtered and searched (folded).
    pub fn list_activities(&self, filter: &ActivityFilter) -> Result<Vec<Activity>> {
        let group = self.require_group()?;
        let mut st = self.conn.prepare(
            "SELECT * FROM activities WHERE group_id = ?1 AND deleted_at IS NULL
               AND (?2 IS NULL OR substr(held_on, 1, 7) = ?2)
               AND (?3 IS NULL OR kind = ?3)
               AND (?4 OR struck_at IS NULL)
             ORDER BY held_on DESC, id DESC",
        )?;
        let rows = st.query_map(
            rusqlite::params![
                group.id,
                filter.month,
                filter.kind.map(|k| k.as_str()),
                filter.include_struck
            ],
            |r| Ok((from_row(r)?, r.get::<_, String>("search_text")?)),
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (a, search) = row?;
            // The kind's name finds it too ("hoa giai" finds every mediation).
            let text = format!("{search} {}", crate::text::fold(a.kind.label()));
            if crate::text::matches(&text, &filter.search) {
                out.push(a);
            }
        }
        Ok(out)
    }
}
