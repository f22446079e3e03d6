//! Report commands: the monthly report screen, closing and reopening a month, and saving or
//! printing its PDF.

use crate::dialog::{self, PDF};
use crate::state::App;
use tauri::State;
use ttq::app::month;
use ttq::model::month::{IssuedReport, Narrative, ReportView};
use ttq::{Error, ErrorCode, Result};

#[tauri::command]
pub fn report_view(app: State<App>, month: String, issued_on: String) -> Result<ReportView> {
    let on = app.document_date(&issued_on)?;
    app.with(|s| month::view(s.store(), &month, on))
}

#[tauri::command]
pub fn narrative_save(app: State<App>, month: String, narrative: Narrative) -> Result<()> {
    app.with(|s| month::save_narrative(s.store(), &month, &narrative, app.now()))
}

#[tauri::command]
pub fn report_confirmation(app: State<App>) -> Result<String> {
    app.with(|s| month::confirmation(s.store()))
}

#[tauri::command]
pub fn report_confirmation_set(app: State<App>, text: String) -> Result<String> {
    app.with(|s| month::set_confirmation(s.store(), &text))
}

#[tauri::command]
pub fn month_close(
    app: State<App>,
    month: String,
    issued_on: String,
    editor: String,
) -> Result<IssuedReport> {
    let on = app.document_date(&issued_on)?;
    app.with(|s| month::close(s.store(), &month, on, &editor, app.now()))
}

#[tauri::command]
pub fn month_reopen(app: State<App>, month: String, editor: String, reason: String) -> Result<()> {
    app.with(|s| month::reopen(s.store(), &month, &editor, &reason, app.now()))
}

#[tauri::command]
pub fn issued_list(app: State<App>) -> Result<Vec<IssuedReport>> {
    app.with(|s| month::issued_list(s.store()))
}

/// The closed months, for the forms' "đính chính" notice.
#[tauri::command]
pub fn closed_months(app: State<App>) -> Result<Vec<String>> {
    app.with(|s| month::closed_months(s.store()))
}

/// Saves the month's report (issued copy or draft) where the user chooses.
#[tauri::command(async)]
pub fn report_save(app: State<App>, month: String, issued_on: String) -> Result<Option<String>> {
    let on = app.document_date(&issued_on)?;
    // The data lock is released before the dialog opens.
    let (file, _) = app.with(|s| month::pdf(s.store(), &month, on))?;
    dialog::save(&file, PDF)
}

/// Saves an issued report, exactly as issued.
#[tauri::command(async)]
pub fn issued_save(app: State<App>, id: String) -> Result<Option<String>> {
    let file = app.with(|s| month::issued_pdf(s.store(), &id))?;
    dialog::save(&file, PDF)
}

/// Opens the month's report in the system's PDF viewer, from where it can be printed; the
/// file is kept in `ban-in/` inside the data folder.
#[tauri::command(async)]
pub fn report_print(app: State<App>, month: String, issued_on: String) -> Result<String> {
    let on = app.document_date(&issued_on)?;
    let (file, dir) = app.with(|s| {
        let store = s.store();
        let dir = store
            .path()
            .parent()
            .map(|d| d.join("ban-in"))
            .unwrap_or_else(std::env::temp_dir);
        Ok((month::pdf(store, &month, on)?.0, dir))
    })?;
    std::fs::create_dir_all(&dir).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            "Không tạo được thư mục bản in trong thư mục dữ liệu.",
        )
        .with_detail(e.to_string())
    })?;
    let path = dir.join(&file.name);
    ttq::save::save_file(&path, &file.bytes)?;
    open_in_viewer(&path)?;
    Ok(path.display().to_string())
}

fn open_in_viewer(path: &std::path::Path) -> Result<()> {
    // On Windows, Explorer opens a file with the app it is associated with, and takes the
    // path as one argument: unlike `cmd /C start`, nothing in a folder name (spaces,
    // Vietnamese letters, `&`, `%`, `^`) is read as shell syntax.
    let mut cmd = if cfg!(target_os = "windows") {
        std::process::Command::new("explorer.exe")
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(path).spawn().map(|_| ()).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            "Không mở được trình xem PDF trên máy này. Hãy bấm “Lưu PDF” rồi mở tệp để in.",
        )
        .with_detail(e.to_string())
    })
}
