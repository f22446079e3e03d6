//! "Dân vận khéo" model commands: the models, their write-ups and versions, measured
//! results, finalising, the printed write-up and the ward's list.

use crate::files::{save_with_dialog, PDF};
use crate::App;
use tauri::State;
use ttq::model::practice::{Measure, Practice, PracticeInput, PracticeRow, WriteupVersion};
use ttq::report::Layout;
use ttq::{date, Result};

#[tauri::command]
pub fn practice_list(app: State<App>) -> Result<Vec<PracticeRow>> {
    app.with(|s| s.store().list_practices())
}

#[tauri::command]
pub fn practice_get(app: State<App>, id: String) -> Result<Practice> {
    app.with(|s| s.store().practice(&id))
}

#[tauri::command]
pub fn practice_add(app: State<App>, input: PracticeInput) -> Result<Practice> {
    app.with(|s| s.store().add_practice(&input, app.now()))
}

#[tauri::command]
pub fn practice_edit(app: State<App>, id: String, input: PracticeInput) -> Result<Practice> {
    app.with(|s| s.store().edit_practice(&id, &input, app.now()))
}

#[tauri::command]
pub fn writeup_save(app: State<App>, id: String, sections: Vec<String>) -> Result<Practice> {
    app.with(|s| s.store().save_writeup(&id, &sections, app.now()))
}

#[tauri::command]
pub fn writeup_versions(app: State<App>, id: String) -> Result<Vec<WriteupVersion>> {
    app.with(|s| s.store().writeup_versions(&id))
}

#[tauri::command]
pub fn writeup_restore(app: State<App>, id: String, version: i32) -> Result<Practice> {
    app.with(|s| s.store().restore_writeup(&id, version, app.now()))
}

#[tauri::command]
pub fn measure_set(app: State<App>, id: String, measure: Measure) -> Result<Practice> {
    app.with(|s| s.store().set_measure(&id, &measure, app.now()))
}

#[tauri::command]
pub fn practice_finalise(app: State<App>, id: String) -> Result<Practice> {
    app.with(|s| s.store().finalise_practice(&id, app.now()))
}

/// The write-up laid out as it prints, for the preview.
#[tauri::command]
pub fn practice_layout(app: State<App>, id: String) -> Result<Layout> {
    app.with(|s| {
        let store = s.store();
        let p = store.practice(&id)?;
        let group = store.require_group()?;
        let today = date::iso(date::vn_today(app.now()));
        Ok(ttq::report::layout(&ttq::report::practice::document(
            &p, &group, &today,
        )))
    })
}

#[tauri::command(async)]
pub fn practice_save_pdf(app: State<App>, id: String) -> Result<Option<String>> {
    let pdf = app.with(|s| s.store().practice_pdf(&id, date::vn_today(app.now())))?;
    save_with_dialog(&pdf.file_name, PDF, &pdf.bytes)
}

#[tauri::command(async)]
pub fn practices_save_pdf(app: State<App>) -> Result<Option<String>> {
    let pdf = app.with(|s| s.store().practices_pdf(date::vn_today(app.now())))?;
    save_with_dialog(&pdf.file_name, PDF, &pdf.bytes)
}
