//! Member commands.

use crate::state::App;
use std::path::Path;
use tauri::State;
use ttq::app::{member_import, members, retention};
use ttq::model::member::import::{SheetChoice, SheetPreview};
use ttq::model::member::{
    LeaveInput, Member, MemberEvent, MemberFilter, MemberInput, MemberList, Retention,
};
use ttq::Result;

#[tauri::command]
pub fn member_list(app: State<App>, filter: MemberFilter) -> Result<MemberList> {
    app.with(|s| members::list(s.store(), &filter, app.now()))
}

#[tauri::command]
pub fn member_get(app: State<App>, id: String) -> Result<Member> {
    app.with(|s| members::get(s.store(), &id))
}

#[tauri::command]
pub fn member_history(app: State<App>, id: String) -> Result<Vec<MemberEvent>> {
    app.with(|s| members::history(s.store(), &id))
}

#[tauri::command]
pub fn member_validate(app: State<App>, input: MemberInput) -> Result<()> {
    app.with(|s| members::validate(s.store(), &input, app.now()))
}

#[tauri::command]
pub fn member_add(app: State<App>, input: MemberInput) -> Result<Member> {
    app.with(|s| members::add(s.store(), &input, app.now()))
}

#[tauri::command]
pub fn member_edit(app: State<App>, id: String, input: MemberInput) -> Result<Member> {
    app.with(|s| members::edit(s.store(), &id, &input, app.now()))
}

#[tauri::command]
pub fn member_leave(app: State<App>, id: String, input: LeaveInput) -> Result<Member> {
    app.with(|s| members::leave(s.store(), &id, &input, app.now()))
}

#[tauri::command]
pub fn member_anonymise(app: State<App>, id: String) -> Result<Member> {
    app.with(|s| members::anonymise(s.store(), &id, app.now()))
}

/// How long leavers' data is kept, and who is due to be anonymised today.
#[tauri::command]
pub fn retention_get(app: State<App>) -> Result<Retention> {
    app.with(|s| retention::get(s.store(), ttq::date::vn_today(app.now())))
}

#[tauri::command]
pub fn retention_set(app: State<App>, years: Option<u32>) -> Result<Retention> {
    app.with(|s| retention::set(s.store(), years, ttq::date::vn_today(app.now())))
}

/// Anonymises the due leavers the user was shown (only those still due).
#[tauri::command(async)]
pub fn retention_apply(app: State<App>, ids: Vec<String>) -> Result<Vec<Member>> {
    app.with(|s| retention::apply(s.store(), &ids, app.now()))
}

/// Asks for the member list to import; `None` when cancelled.
#[tauri::command(async)]
pub fn member_import_choose() -> Option<String> {
    crate::dialog::ask_open_paths(&crate::dialog::MEMBER_LIST, false)
        .first()
        .map(|p| p.display().to_string())
}

// Long enough to show the progress bar: off the main thread, so the window keeps painting.
#[tauri::command(async)]
pub fn member_import_preview(
    app: State<App>,
    path: String,
    choice: SheetChoice,
) -> Result<SheetPreview> {
    app.with(|s| member_import::preview(s.store(), Path::new(&path), &choice, app.now()))
}

// Long enough to show the progress bar: off the main thread, so the window keeps painting.
#[tauri::command(async)]
pub fn member_import_apply(
    app: State<App>,
    path: String,
    choice: SheetChoice,
) -> Result<SheetPreview> {
    app.with(|s| member_import::apply(s.store(), Path::new(&path), &choice, app.now()))
}

/// Saves the member list as an Excel workbook (phones and CCCD when `sensitive`).
#[tauri::command(async)]
pub fn member_save_xlsx(app: State<App>, sensitive: bool) -> Result<Option<String>> {
    let file = app.with(|s| members::export_xlsx(s.store(), sensitive, app.now()))?;
    crate::dialog::save(&file, crate::dialog::XLSX)
}

/// Saves "DANH SÁCH TỔ VIÊN" as a PDF dated today (phone numbers when `phones`).
#[tauri::command(async)]
pub fn member_save_pdf(app: State<App>, phones: bool) -> Result<Option<String>> {
    let today = app.document_date("")?;
    let file = app.with(|s| members::pdf(s.store(), phones, today, app.now()))?;
    crate::dialog::save(&file, crate::dialog::PDF)
}

/// Saves everything the group holds about one member, for that person, as a PDF.
#[tauri::command(async)]
pub fn member_save_personal_pdf(app: State<App>, id: String) -> Result<Option<String>> {
    let today = app.document_date("")?;
    let file = app.with(|s| members::personal_pdf(s.store(), &id, today))?;
    crate::dialog::save(&file, crate::dialog::PDF)
}
