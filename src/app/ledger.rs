//! The ledger: incidents and tips, their categories, and activities; every change keeps the
//! record's history, and changes to closed months become amendments.

use crate::date;
use crate::error::Result;
use crate::figures;
use crate::model::activity::{Activity, ActivityFilter, ActivityInput, ActivitySummary};
use crate::model::history::RecordVersion;
use crate::model::incident::{
    Category, CategoryCount, Incident, IncidentFilter, IncidentInput, IncidentList,
};
use crate::store::Store;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// The categories offered: built in, then the group's own.
pub fn categories(store: &Store) -> Result<Vec<Category>> {
    store.categories()
}

/// Adds a category of the group's own.
pub fn add_category(store: &mut Store, name: &str, now: DateTime<Utc>) -> Result<Category> {
    store.add_category(name, now)
}

/// The incidents matching `filter`, newest first, a page at a time.
pub fn incidents(store: &Store, filter: &IncidentFilter) -> Result<IncidentList> {
    store.list_incidents(filter)
}

/// One incident.
pub fn incident(store: &Store, id: &str) -> Result<Incident> {
    store.incident(id)
}

/// Records an incident (raised from a patrol-log entry when the input names one).
pub fn add_incident(
    store: &mut Store,
    input: &IncidentInput,
    now: DateTime<Utc>,
) -> Result<Incident> {
    store.add_incident(input, now)
}

/// Saves a new version of an incident.
pub fn edit_incident(
    store: &mut Store,
    id: &str,
    input: &IncidentInput,
    now: DateTime<Utc>,
) -> Result<Incident> {
    store.edit_incident(id, input, now)
}

/// Strikes an incident through with a reason; it is kept.
pub fn strike_incident(
    store: &mut Store,
    id: &str,
    reason: &str,
    editor: &str,
    now: DateTime<Utc>,
) -> Result<Incident> {
    store.strike_incident(id, reason, editor, now)
}

/// Every version of an incident.
pub fn incident_history(store: &Store, id: &str) -> Result<Vec<RecordVersion>> {
    store.incident_history(id)
}

/// Incidents by category, in a month or overall.
pub fn category_counts(store: &Store, month: Option<&str>) -> Result<Vec<CategoryCount>> {
    store.category_counts(month)
}

/// The activities matching `filter`.
pub fn activities(store: &Store, filter: &ActivityFilter) -> Result<Vec<Activity>> {
    store.list_activities(filter)
}

/// One activity.
pub fn activity(store: &Store, id: &str) -> Result<Activity> {
    store.activity(id)
}

/// Records an activity.
pub fn add_activity(
    store: &mut Store,
    input: &ActivityInput,
    now: DateTime<Utc>,
) -> Result<Activity> {
    store.add_activity(input, now)
}

/// Saves a new version of an activity.
pub fn edit_activity(
    store: &mut Store,
    id: &str,
    input: &ActivityInput,
    now: DateTime<Utc>,
) -> Result<Activity> {
    store.edit_activity(id, input, now)
}

/// Strikes an activity through with a reason; it is kept.
pub fn strike_activity(
    store: &mut Store,
    id: &str,
    reason: &str,
    editor: &str,
    now: DateTime<Utc>,
) -> Result<Activity> {
    store.strike_activity(id, reason, editor, now)
}

/// Every version of an activity.
pub fn activity_history(store: &Store, id: &str) -> Result<Vec<RecordVersion>> {
    store.activity_history(id)
}

/// The month's activity figures that the monthly report adds up (struck records not counted).
pub fn activity_summary(store: &Store, month: &str) -> Result<ActivitySummary> {
    let group = store.require_group()?;
    let p = super::period(&super::month(month)?)?;
    Ok(figures::activities(&store.activity_facts(&group.id, p)?, p))
}

/// The period an export covers, the filters it was made with, and when, as the line under
/// a workbook's title.
fn export_line(
    month: Option<&str>,
    filters: &[String],
    sensitive: bool,
    now: DateTime<Utc>,
) -> String {
    let today = date::format(date::vn_today(now));
    let mut line = match month {
        Some(m) => format!("Tháng {}", date::month_label(m)),
        None => format!("Tất cả các tháng, đến ngày {today}"),
    };
    for f in filters {
        line.push_str("; ");
        line.push_str(f);
    }
    line.push_str(&format!(". Xuất ngày {today}."));
    if sensitive {
        line.push_str(" Có thông tin cá nhân: hãy giữ tệp cẩn thận.");
    }
    line
}

/// The name of an exported ledger: `what` and the month, or the day it was made.
fn export_name(what: &str, month: Option<&str>, now: DateTime<Utc>) -> String {
    match month {
        Some(m) => format!("{what} {}.xlsx", super::file_month(m)),
        None => format!(
            "{what} den {}.xlsx",
            date::format(date::vn_today(now)).replace('/', "-")
        ),
    }
}

/// The incidents matching `filter`, as on screen but all of them (no page limit), oldest
/// first as a ledger is kept, as an Excel workbook; the people involved and who reported
/// only when `sensitive`.
pub fn incidents_xlsx(
    store: &Store,
    filter: &IncidentFilter,
    sensitive: bool,
    now: DateTime<Utc>,
) -> Result<super::File> {
    let group = store.require_group()?;
    let filter = IncidentFilter {
        month: filter.month.as_deref().map(super::month).transpose()?,
        limit: None,
        ..filter.clone()
    };
    let mut rows: Vec<Incident> = store
        .list_incidents(&filter)?
        .items
        .iter()
        .map(|r| store.incident(&r.id))
        .collect::<Result<_>>()?;
    rows.reverse();
    let mut members = HashMap::new();
    if sensitive {
        for id in rows.iter().filter_map(|i| i.reporter_member_id.as_deref()) {
            if !members.contains_key(id) {
                if let Ok(m) = store.member(id) {
                    members.insert(id.to_string(), m.full_name);
                }
            }
        }
    }
    let mut filters = Vec::new();
    if let Some(code) = &filter.category {
        let name = store
            .categories()?
            .into_iter()
            .find(|c| c.code == *code)
            .map_or_else(|| code.clone(), |c| c.name);
        filters.push(format!("loại: {name}"));
    }
    if let Some(s) = filter.status {
        filters.push(format!("tình trạng: {}", s.label()));
    }
    if !filter.search.trim().is_empty() {
        filters.push(format!("tìm: “{}”", filter.search.trim()));
    }
    if filter.include_struck {
        filters.push("kể cả vụ việc đã gạch bỏ".into());
    }
    let month = filter.month.as_deref();
    let line = export_line(month, &filters, sensitive, now);
    Ok(super::File {
        name: export_name("So vu viec", month, now),
        bytes: crate::ledger_sheet::incidents_workbook(
            &group.name,
            &line,
            &rows,
            &members,
            sensitive,
        )?,
    })
}

/// The activities matching `filter`, as on screen, oldest first, as an Excel workbook; the
/// parties of mediations only when `sensitive`.
pub fn activities_xlsx(
    store: &Store,
    filter: &ActivityFilter,
    sensitive: bool,
    now: DateTime<Utc>,
) -> Result<super::File> {
    let group = store.require_group()?;
    let filter = ActivityFilter {
        month: filter.month.as_deref().map(super::month).transpose()?,
        ..filter.clone()
    };
    let mut rows = store.list_activities(&filter)?;
    rows.reverse();
    let mut filters = Vec::new();
    if let Some(k) = filter.kind {
        filters.push(format!("loại: {}", k.label()));
    }
    if !filter.search.trim().is_empty() {
        filters.push(format!("tìm: “{}”", filter.search.trim()));
    }
    if filter.include_struck {
        filters.push("kể cả hoạt động đã gạch bỏ".into());
    }
    let month = filter.month.as_deref();
    let line = export_line(month, &filters, sensitive, now);
    Ok(super::File {
        name: export_name("So hoat dong", month, now),
        bytes: crate::ledger_sheet::activities_workbook(&group.name, &line, &rows, sensitive)?,
    })
}
