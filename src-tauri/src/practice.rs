//! "Dân vận khéo" (practice) commands: the models, their write-ups and versions, measured
//! results, finalising, the printed write-up and the ward's list.

use crate::dialog::{self, PDF};
use crate::state::App;
use tauri::State;
use ttq::app::practices;
use ttq::model::practice::{Measure, Practice, PracticeInput, PracticeRow, WriteupVersion};
use ttq::report::Layout;
use ttq::Result;

#[tauri::command]
pub fn practice_list(app: State<App>) -> Result<Vec<PracticeRow>> {
    app.with(|s| practices::list(s.store()))
}

#[tauri::command]
pub fn practice_get(app: State<App>, id: String) -> Result<Practice> {
    app.with(|s| practices::get(s.store(), &id))
}

#[tauri::command]
pub fn practice_add(app: State<App>, input: PracticeInput) -> Result<Practice> {
    app.with(|s| practices::add(s.store(), &input, app.now()))
}

#[tauri::command]
pub fn practice_edit(app: State<App>, id: String, input: PracticeInput) -> Result<Practice> {
    app.with(|s| practices::edit(s.store(), &id, &input, app.now()))
}

#[tauri::command]
pub fn writeup_save(app: State<App>, id: String, sections: Vec<String>) -> Result<Practice> {
    app.with(|s| practices::save_writeup(s.store(), &id, &sections, app.now()))
}

#[tauri::command]
pub fn writeup_versions(app: State<App>, id: String) -> Result<Vec<WriteupVersion>> {
    app.with(|s| practices::versions(s.store(), &id))
}

#[tauri::command]
pub fn writeup_restore(app: State<App>, id: String, version: i32) -> Result<Practice> {
    app.with(|s| practices::restore(s.store(), &id, version, app.now()))
}

#[tauri::command]
pub fn measure_set(app: State<App>, id: String, measure: Measure) -> Result<Practice> {
    app.with(|s| practices::measure(s.store(), &id, &measure, app.now()))
}

#[tauri::command]
pub fn practice_finalise(app: State<App>, id: String) -> Result<Practice> {
    app.with(|s| practices::finalise(s.store(), &id, app.now()))
}

/// The write-up laid out as it prints, for the preview.
#[tauri::command]
pub fn practice_layout(app: State<App>, id: String) -> Result<Layout> {
    let today = app.document_date("")?;
    app.with(|s| practices::layout(s.store(), &id, today))
}

#[tauri::command(async)]
pub fn practice_save_pdf(app: State<App>, id: String) -> Result<Option<String>> {
    let today = app.document_date("")?;
    let (file, _) = app.with(|s| practices::pdf(s.store(), &id, today))?;
    dialog::save(&file, PDF)
}

#[tauri::command(async)]
pub fn practices_save_pdf(app: State<App>) -> Result<Option<String>> {
    let today = app.document_date("")?;
    let file = app.with(|s| practices::list_pdf(s.store(), today))?;
    dialog::save(&file, PDF)
}

#[tauri::command(async)]
pub fn practice_recipient(app: State<App>) -> Result<String> {
    app.with(|s| practices::recipient(s.store()))
}

#[tauri::command(async)]
pub fn practice_recipient_set(app: State<App>, text: String) -> Result<String> {
    app.with(|s| practices::set_recipient(s.store(), &text))
}
