//! Ledger commands: incidents and tips, categories, activities.

use crate::state::App;
use tauri::State;
use ttq::app::ledger;
use ttq::model::activity::{Activity, ActivityFilter, ActivityInput, ActivitySummary};
use ttq::model::history::RecordVersion;
use ttq::model::incident::{
    Category, CategoryCount, Incident, IncidentFilter, IncidentInput, IncidentList,
};
use ttq::Result;

#[tauri::command]
pub fn incident_categories(app: State<App>) -> Result<Vec<Category>> {
    app.with(|s| ledger::categories(s.store()))
}

#[tauri::command]
pub fn category_add(app: State<App>, name: String) -> Result<Category> {
    app.with(|s| ledger::add_category(s.store(), &name, app.now()))
}

#[tauri::command]
pub fn incident_list(app: State<App>, filter: IncidentFilter) -> Result<IncidentList> {
    app.with(|s| ledger::incidents(s.store(), &filter))
}

#[tauri::command]
pub fn incident_get(app: State<App>, id: String) -> Result<Incident> {
    app.with(|s| ledger::incident(s.store(), &id))
}

#[tauri::command]
pub fn incident_add(app: State<App>, input: IncidentInput) -> Result<Incident> {
    app.with(|s| ledger::add_incident(s.store(), &input, app.now()))
}

#[tauri::command]
pub fn incident_edit(app: State<App>, id: String, input: IncidentInput) -> Result<Incident> {
    app.with(|s| ledger::edit_incident(s.store(), &id, &input, app.now()))
}

#[tauri::command]
pub fn incident_strike(
    app: State<App>,
    id: String,
    reason: String,
    editor: String,
) -> Result<Incident> {
    app.with(|s| ledger::strike_incident(s.store(), &id, &reason, &editor, app.now()))
}

#[tauri::command]
pub fn incident_history(app: State<App>, id: String) -> Result<Vec<RecordVersion>> {
    app.with(|s| ledger::incident_history(s.store(), &id))
}

#[tauri::command]
pub fn incident_counts(app: State<App>, month: Option<String>) -> Result<Vec<CategoryCount>> {
    app.with(|s| ledger::category_counts(s.store(), month.as_deref()))
}

#[tauri::command]
pub fn activity_list(app: State<App>, filter: ActivityFilter) -> Result<Vec<Activity>> {
    app.with(|s| ledger::activities(s.store(), &filter))
}

#[tauri::command]
pub fn activity_get(app: State<App>, id: String) -> Result<Activity> {
    app.with(|s| ledger::activity(s.store(), &id))
}

#[tauri::command]
pub fn activity_add(app: State<App>, input: ActivityInput) -> Result<Activity> {
    app.with(|s| ledger::add_activity(s.store(), &input, app.now()))
}

#[tauri::command]
pub fn activity_edit(app: State<App>, id: String, input: ActivityInput) -> Result<Activity> {
    app.with(|s| ledger::edit_activity(s.store(), &id, &input, app.now()))
}

#[tauri::command]
pub fn activity_strike(
    app: State<App>,
    id: String,
    reason: String,
    editor: String,
) -> Result<Activity> {
    app.with(|s| ledger::strike_activity(s.store(), &id, &reason, &editor, app.now()))
}

#[tauri::command]
pub fn activity_history(app: State<App>, id: String) -> Result<Vec<RecordVersion>> {
    app.with(|s| ledger::activity_history(s.store(), &id))
}

#[tauri::command]
pub fn activity_summary(app: State<App>, month: String) -> Result<ActivitySummary> {
    app.with(|s| ledger::activity_summary(s.store(), &month))
}

/// Saves the incidents matching the screen's filter as an Excel workbook (people involved
/// and reporters' names when `sensitive`).
#[tauri::command(async)]
pub fn incident_save_xlsx(
    app: State<App>,
    filter: IncidentFilter,
    sensitive: bool,
) -> Result<Option<String>> {
    let file = app.with(|s| ledger::incidents_xlsx(s.store(), &filter, sensitive, app.now()))?;
    crate::dialog::save(&file, crate::dialog::XLSX)
}

/// Saves the activities matching the screen's filter as an Excel workbook.
#[tauri::command(async)]
pub fn activity_save_xlsx(app: State<App>, filter: ActivityFilter) -> Result<Option<String>> {
    let file = app.with(|s| ledger::activities_xlsx(s.store(), &filter, false, app.now()))?;
    crate::dialog::save(&file, crate::dialog::XLSX)
}
