//! Incidents: record, edit (every version kept), strike through, list with folded search
//! (a trigram index over the folded text), counts by category and month; user categories.

use super::history::{Change, Ledger, StrikeTarget};
use super::incident_index::{Entry, IncidentIndex};
use super::{new_id, Store, Values};
use crate::date;
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::model::history::{diff, RecordVersion};
use crate::model::incident::{
    self, Incident, IncidentFilter, IncidentInput, IncidentList, IncidentRow, IncidentStatus,
    ReporterKind, ValidIncident,
};
use crate::text::fold;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use std::cell::Ref;
use std::collections::HashMap;

/// The folded text searched: title, description, place and landmark.
fn search_text(i: &ValidIncident) -> String {
    fold(&format!(
        "{} {} {} {}",
        i.title,
        i.description,
        i.place,
        i.landmark.as_deref().unwrap_or("")
    ))
}

fn reporter_str(k: ReporterKind) -> &'static str {
    match k {
        ReporterKind::Member => "member",
        ReporterKind::Resident => "resident",
    }
}

fn values(i: &ValidIncident) -> Values {
    vec![
        ("occurred_on", date::iso(i.occurred_on).into()),
        ("occurred_time", i.occurred_time.clone().into()),
        ("time_approx", i.time_approx.into()),
        ("place", i.place.clone().into()),
        ("landmark", i.landmark.clone().into()),
        ("category", i.category.clone().into()),
        ("title", i.title.clone().into()),
        ("description", i.description.clone().into()),
        ("people_involved", i.people_involved.clone().into()),
        (
            "reporter_kind",
            reporter_str(i.reporter_kind).to_string().into(),
        ),
        ("reporter_member_id", i.reporter_member_id.clone().into()),
        ("reporter_name", i.reporter_name.clone().into()),
        ("action_taken", i.action_taken.clone().into()),
        ("status", i.status.as_str().to_string().into()),
        ("transferred_on", i.transferred_on.map(date::iso).into()),
        ("transferred_to", i.transferred_to.clone().into()),
        ("valuable_tip", i.valuable_tip.into()),
        ("patrol_log_id", i.patrol_log_id.clone().into()),
        ("search_text", search_text(i).into()),
    ]
}

pub(super) fn from_row(r: &Row, names: &HashMap<String, String>) -> rusqlite::Result<Incident> {
    let category: String = r.get("category")?;
    let status: String = r.get("status")?;
    let reporter: String = r.get("reporter_kind")?;
    let struck_at: Option<String> = r.get("struck_at")?;
    Ok(Incident {
        id: r.get("id")?,
        occurred_on: r.get("occurred_on")?,
        occurred_time: r.get("occurred_time")?,
        time_approx: r.get("time_approx")?,
        place: r.get("place")?,
        landmark: r.get("landmark")?,
        category_name: names
            .get(&category)
            .cloned()
            .unwrap_or_else(|| category.clone()),
        category,
        title: r.get("title")?,
        description: r.get("description")?,
        people_involved: r.get("people_involved")?,
        reporter_kind: if reporter == "member" {
            ReporterKind::Member
        } else {
            ReporterKind::Resident
        },
        reporter_member_id: r.get("reporter_member_id")?,
        reporter_name: r.get("reporter_name")?,
        action_taken: r.get("action_taken")?,
        status: IncidentStatus::parse(&status).unwrap_or(IncidentStatus::Moi),
        transferred_on: r.get("transferred_on")?,
        transferred_to: r.get("transferred_to")?,
        valuable_tip: r.get("valuable_tip")?,
        patrol_log_id: r.get("patrol_log_id")?,
        struck: struck_at.is_some(),
        strike_reason: r.get("strike_reason")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// Labelled display values of an incident, for the history's before/after.
fn display(
    i: &Incident,
    names: &HashMap<String, String>,
    members: &HashMap<String, String>,
) -> Vec<(&'static str, String)> {
    let d = |s: &Option<String>| {
        s.as_deref()
            .and_then(date::from_iso)
            .map(date::format)
            .unwrap_or_default()
    };
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let yes_no = |b: bool| if b { "Có" } else { "Không" }.to_string();
    vec![
        ("Ngày xảy ra", d(&Some(i.occurred_on.clone()))),
        (
            "Giờ",
            format!(
                "{}{}",
                if i.time_approx && i.occurred_time.is_some() {
                    "khoảng "
                } else {
                    ""
                },
                o(&i.occurred_time)
            ),
        ),
        ("Nơi xảy ra", i.place.clone()),
        ("Mốc địa điểm", o(&i.landmark)),
        (
            "Loại vụ việc",
            names
                .get(&i.category)
                .cloned()
                .unwrap_or_else(|| i.category.clone()),
        ),
        ("Tóm tắt", i.title.clone()),
        ("Mô tả", i.description.clone()),
        ("Người liên quan", o(&i.people_involved)),
        (
            "Người báo tin",
            match i.reporter_kind {
                ReporterKind::Member => i
                    .reporter_member_id
                    .as_ref()
                    .and_then(|id| members.get(id))
                    .map(|n| format!("Tổ viên {n}"))
                    .unwrap_or_default(),
                ReporterKind::Resident => format!("Người dân {}", o(&i.reporter_name))
                    .trim()
                    .to_string(),
            },
        ),
        ("Biện pháp đã làm", o(&i.action_taken)),
        ("Tình trạng", i.status.label().to_string()),
        ("Ngày chuyển Công an", d(&i.transferred_on)),
        ("Chuyển cho", o(&i.transferred_to)),
        ("Tin có giá trị", yes_no(i.valuable_tip)),
    ]
}

/// The stored shape a validated input would have (for comparing with the current one).
fn as_incident(v: &ValidIncident, id: &str) -> Incident {
    Incident {
        id: id.to_string(),
        occurred_on: date::iso(v.occurred_on),
        occurred_time: v.occurred_time.clone(),
        time_approx: v.time_approx,
        place: v.place.clone(),
        landmark: v.landmark.clone(),
        category: v.category.clone(),
        category_name: String::new(),
        title: v.title.clone(),
        description: v.description.clone(),
        people_involved: v.people_involved.clone(),
        reporter_kind: v.reporter_kind,
        reporter_member_id: v.reporter_member_id.clone(),
        reporter_name: v.reporter_name.clone(),
        action_taken: v.action_taken.clone(),
        status: v.status,
        transferred_on: v.transferred_on.map(date::iso),
        transferred_to: v.transferred_to.clone(),
        valuable_tip: v.valuable_tip,
        patrol_log_id: v.patrol_log_id.clone(),
        struck: false,
        strike_reason: None,
        version: 0,
        created_at: String::new(),
        updated_at: String::new(),
    }
}

fn snapshot(i: &Incident) -> Result<String> {
    serde_json::to_string(i).map_err(|e| Error::internal(e.to_string()))
}

const ENTRY_SELECT: &str = "SELECT group_id, id, occurred_on, occurred_time, time_approx, place,
        category, title, status, valuable_tip, struck_at, search_text FROM incidents";

fn entry_from_row(r: &Row) -> rusqlite::Result<Entry> {
    let category: String = r.get(6)?;
    let status: String = r.get(8)?;
    Ok(Entry {
        group_id: r.get(0)?,
        row: IncidentRow {
            id: r.get(1)?,
            occurred_on: r.get(2)?,
            occurred_time: r.get(3)?,
            time_approx: r.get(4)?,
            place: r.get(5)?,
            category_name: category.clone(),
            category,
            title: r.get(7)?,
            status: IncidentStatus::parse(&status).unwrap_or(IncidentStatus::Moi),
            valuable_tip: r.get(9)?,
            struck: r.get::<_, Option<String>>(10)?.is_some(),
        },
        text: r.get(11)?,
    })
}

impl Store {
    /// After this store wrote incident `id`: update its entry in a loaded index. Our own
    /// commits do not move `data_version`, so the index stays valid.
    fn reindex_incident(&self, id: &str) -> Result<()> {
        if let Some(index) = self.incident_index.borrow_mut().as_mut() {
            let entry = self.conn.query_row(
                &format!("{ENTRY_SELECT} WHERE id = ?1"),
                [id],
                entry_from_row,
            )?;
            index.upsert(entry);
        }
        Ok(())
    }

    fn validate_incident(
        &self,
        input: &IncidentInput,
        now: DateTime<Utc>,
    ) -> Result<ValidIncident> {
        let codes: Vec<String> = self.categories()?.into_iter().map(|c| c.code).collect();
        let mut v =
            incident::validate(input, date::vn_today(now), |c| codes.iter().any(|k| k == c));
        if let (Ok(valid), Some(mid)) = (&v, input.reporter_member_id.as_deref()) {
            if valid.reporter_kind == ReporterKind::Member && self.member(mid).is_err() {
                v = Err(Error::invalid(vec![FieldError::new(
                    "reporter_member_id",
                    "Không tìm thấy tổ viên báo tin; hãy chọn lại.",
                )]));
            }
        }
        v
    }

    fn member_names(&self) -> Result<HashMap<String, String>> {
        let mut st = self.conn.prepare("SELECT id, full_name FROM members")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a new incident (version 1).
    pub fn add_incident(&mut self, input: &IncidentInput, now: DateTime<Utc>) -> Result<Incident> {
        let group = self.require_group()?;
        let v = self.validate_incident(input, now)?;
        let amends = self.closed_month_among(&group.id, &[v.occurred_on])?;
        let id = new_id();
        // An incident raised from a patrol-log entry links both ways, in the same transaction.
        let also = match &v.patrol_log_id {
            None => None,
            Some(log_id) => {
                let linked: Option<Option<String>> = self
                    .conn
                    .query_row(
                        "SELECT incident_id FROM patrol_log WHERE id = ?1 AND group_id = ?2 AND deleted_at IS NULL",
                        params![log_id, group.id],
                        |r| r.get(0),
                    )
                    .optional()?;
                match linked {
                    None => {
                        return Err(Error::invalid(vec![FieldError::new(
                            "patrol_log_id",
                            "Không tìm thấy mục nhật ký tuần tra này.",
                        )]))
                    }
                    Some(Some(_)) => {
                        return Err(Error::new(
                            ErrorCode::Conflict,
                            "Mục nhật ký này đã được chuyển thành vụ việc trước đó.",
                        ))
                    }
                    Some(None) => Some((
                        "patrol_log",
                        log_id.clone(),
                        vec![("incident_id", id.clone().into())],
                    )),
                }
            }
        };
        self.commit_change(
            Change {
                ledger: Ledger::Incident,
                group_id: &group.id,
                id: &id,
                values: values(&v),
                editor: &v.editor,
                replaces: None,
                summary: "Ghi mới".into(),
                changes: Vec::new(),
                also,
                amends,
            },
            now,
        )?;
        self.reindex_incident(&id)?;
        self.incident(&id)
    }

    /// One incident, in full (struck ones too).
    pub fn incident(&self, id: &str) -> Result<Incident> {
        let names = self.category_names()?;
        self.conn
            .query_row(
                "SELECT * FROM incidents WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |r| from_row(r, &names),
            )
            .optional()?
            .ok_or_else(|| Error::not_found("vụ việc"))
    }

    /// Edits an incident; the previous version is kept with what changed, who and when.
    pub fn edit_incident(
        &mut self,
        id: &str,
        input: &IncidentInput,
        now: DateTime<Utc>,
    ) -> Result<Incident> {
        let group = self.require_group()?;
        let before = self.incident(id)?;
        if before.struck {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Vụ việc này đã bị gạch bỏ nên không sửa được nữa.",
            ));
        }
        let v = self.validate_incident(input, now)?;
        let old_date = date::from_iso(&before.occurred_on).unwrap_or(v.occurred_on);
        let amends = self.closed_month_among(&group.id, &[old_date, v.occurred_on])?;
        let (names, members) = (self.category_names()?, self.member_names()?);
        let changes = diff(
            &display(&before, &names, &members),
            &display(&as_incident(&v, id), &names, &members),
        );
        if changes.is_empty() {
            return Ok(before);
        }
        self.commit_change(
            Change {
                ledger: Ledger::Incident,
                group_id: &group.id,
                id,
                values: values(&v),
                editor: &v.editor,
                replaces: Some((before.version, snapshot(&before)?)),
                summary: format!("Sửa {} mục", changes.len()),
                changes,
                also: None,
                amends,
            },
            now,
        )?;
        self.reindex_incident(id)?;
        self.incident(id)
    }

    /// Strikes an incident through with a reason; it is kept, shown crossed out, not counted.
    pub fn strike_incident(
        &mut self,
        id: &str,
        reason: &str,
        editor: &str,
        now: DateTime<Utc>,
    ) -> Result<Incident> {
        let group = self.require_group()?;
        let i = self.incident(id)?;
        let target = StrikeTarget {
            id: i.id.clone(),
            group_id: group.id,
            date: date::from_iso(&i.occurred_on)
                .ok_or_else(|| Error::internal("bad stored date"))?,
            version: i.version,
            struck: i.struck,
            snapshot: snapshot(&i)?,
        };
        self.strike(Ledger::Incident, target, reason, editor, now)?;
        self.reindex_incident(id)?;
        self.incident(id)
    }

    /// Every version of an incident, oldest first.
    pub fn incident_history(&self, id: &str) -> Result<Vec<RecordVersion>> {
        self.incident(id)?;
        self.versions(Ledger::Incident, id)
    }

    /// The in-memory incident index, rebuilt if this store wrote since or another
    /// connection committed since (SQLite's `data_version`).
    fn incident_index(&self) -> Result<Ref<'_, IncidentIndex>> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let stale = self
            .incident_index
            .borrow()
            .as_ref()
            .is_none_or(|i| i.data_version != version);
        if stale {
            let mut st = self.conn.prepare(&format!(
                "{ENTRY_SELECT} WHERE deleted_at IS NULL
                 ORDER BY occurred_on DESC, occurred_time DESC, id DESC"
            ))?;
            let rows = st.query_map([], entry_from_row)?;
            let entries = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            *self.incident_index.borrow_mut() = Some(IncidentIndex {
                data_version: version,
                entries,
            });
        }
        Ok(Ref::map(self.incident_index.borrow(), |i| {
            i.as_ref().expect("loaded above")
        }))
    }

    /// The incident list, newest first: filters, folded search, and the total that match.
    pub fn list_incidents(&self, filter: &IncidentFilter) -> Result<IncidentList> {
        let group = self.require_group()?;
        let month = match &filter.month {
            None => None,
            Some(m) => Some(date::month_range(m).ok_or_else(|| {
                Error::invalid(vec![FieldError::new(
                    "month",
                    format!("Tháng “{m}” chưa đúng (dạng 2026-11)."),
                )])
            })?),
        };
        let names = self.category_names()?;
        let (items, total) =
            self.incident_index()?
                .query(&group.id, filter, month.as_ref(), &names);
        Ok(IncidentList { items, total })
    }
}
