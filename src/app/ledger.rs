//! The ledger: incidents and tips, their categories, and activities; every change keeps the
//! record's history, and changes to closed months become amendments.

use crate::error::Result;
use crate::figures;
use crate::model::activity::{Activity, ActivityFilter, ActivityInput, ActivitySummary};
use crate::model::history::RecordVersion;
use crate::model::incident::{
    Category, CategoryCount, Incident, IncidentFilter, IncidentInput, IncidentList,
};
use crate::store::Store;
use chrono::{DateTime, Utc};

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
