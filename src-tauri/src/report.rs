//! Report commands: the monthly report screen, closing and reopening a month, and saving or
//! printing PDFs. Files are written by Rust after a dialog opened from Rust.

use crate::files::{save_with_dialog, PDF};
use crate::App;
use chrono::NaiveDate;
use tauri::State;
use ttq::error::FieldError;
use ttq::model::month::{IssuedReport, Narrative, ReportView};
use ttq::{date, Error, ErrorCode, Result};

/// The report date as typed (dd/mm/yyyy), today when empty.
fn report_date(app: &App, typed: &str) -> Result<NaiveDate> {
    if typed.trim().is_empty() {
        return Ok(date::vn_today(app.now()));
    }
    date::parse(typed).ok_or_else(|| {
        Error::invalid(vec![FieldError::new(
            "issued_on",
            "Ngày báo cáo chưa đúng (dạng dd/mm/yyyy, ví dụ 05/12/2026).",
        )])
    })
}

#[tauri::command]
pub fn report_view(app: State<App>, month: String, issued_on: String) -> Result<ReportView> {
    let on = report_date(&app, &issued_on)?;
    app.with(|s| ttq::app::month::view(s.store(), &month, on))
}

#[tauri::command]
pub fn narrative_save(app: State<App>, month: String, narrative: Narrative) -> Result<()> {
    app.with(|s| s.store().save_narrative(&month, &narrative, app.now()))
}

#[tauri::command]
pub fn month_close(
    app: State<App>,
    month: String,
    issued_on: String,
    editor: String,
) -> Result<IssuedReport> {
    let on = report_date(&app, &issued_on)?;
    app.with(|s| ttq::app::month::close(s.store(), &month, on, &editor, app.now()))
}

#[tauri::command]
pub fn month_reopen(app: State<App>, month: String, editor: String, reason: String) -> Result<()> {
    app.with(|s| ttq::app::month::reopen(s.store(), &month, &editor, &reason, app.now()))
}

#[tauri::command]
pub fn issued_list(app: State<App>) -> Result<Vec<IssuedReport>> {
    app.with(|s| s.store().issued_reports(None))
}

/// Saves the month's report (issued copy or draft) where the user chooses; the saved path,
/// or `None` if the dialog was cancelled.
#[tauri::command(async)]
pub fn report_save(app: State<App>, month: String, issued_on: String) -> Result<Option<String>> {
    let on = report_date(&app, &issued_on)?;
    // The data lock is released before the dialog opens.
    let (pdf, _) = app.with(|s| ttq::app::month::pdf(s.store(), &month, on))?;
    save_with_dialog(&pdf.name, PDF, &pdf.bytes)
}

/// Saves an issued report, exactly as issued.
#[tauri::command(async)]
pub fn issued_save(app: State<App>, id: String) -> Result<Option<String>> {
    let (bytes, name) = app.with(|s| {
        let store = s.store();
        let r = store
            .issued_reports(None)?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::NotFound,
                    "Không tìm thấy báo cáo đã phát hành này.",
                )
            })?;
        let (y, m) = r.month.split_once('-').unwrap_or(("", ""));
        let name = format!(
            "Bao cao thang {m}-{y} so {}.pdf",
            r.number.replace('/', "-")
        );
        Ok((store.issued_pdf(&id)?, name))
    })?;
    save_with_dialog(&name, PDF, &bytes)
}

/// Opens the month's report in the system's PDF viewer, from where it can be printed.
#[tauri::command(async)]
pub fn report_print(app: State<App>, month: String, issued_on: String) -> Result<String> {
    let on = report_date(&app, &issued_on)?;
    let (pdf, dir) = app.with(|s| {
        let store = s.store();
        let dir = store
            .path()
            .parent()
            .map(|d| d.join("ban-in"))
            .unwrap_or_else(std::env::temp_dir);
        Ok((ttq::app::month::pdf(store, &month, on)?.0, dir))
    })?;
    std::fs::create_dir_all(&dir).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            "Không tạo được thư mục bản in trong thư mục dữ liệu.",
        )
        .with_detail(e.to_string())
    })?;
    let path = dir.join(&pdf.name);
    ttq::save::save_file(&path, &pdf.bytes)?;
    open_in_viewer(&path)?;
    Ok(path.display().to_string())
}

fn open_in_viewer(path: &std::path::Path) -> Result<()> {
    let mut cmd = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
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
