//! Sync commands. The group: export the month's package, import the ward's receipt. The
//! ward: set up, choose files and preview them, import, status, consolidated report, receipts.

use crate::files::{ask_open_paths, save_with_dialog, PDF, RECEIPT, XLSX, ZIP};
use crate::App;
use serde::Serialize;
use std::path::PathBuf;
use tauri::State;
use ttq::app::ward::ImportOptions;
use ttq::model::ward::{ImportPreview, ReceiptInfo, Ward, WardInput, WardStatus};
use ttq::{date, Error, ErrorCode, Result};

/// One chosen file's outcome: its preview (or result), or why it is refused.
#[derive(Serialize)]
pub struct FileOutcome {
    file: String,
    preview: Option<ImportPreview>,
    error: Option<Error>,
}

fn read(path: &std::path::Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!(
                "Không đọc được tệp {}. Hãy kiểm tra USB hoặc thư mục.",
                path.display()
            ),
        )
        .with_detail(e.to_string())
    })
}

#[tauri::command(async)]
pub fn package_export(app: State<App>, month: String, sensitive: bool) -> Result<Option<String>> {
    let file = app.with(|s| ttq::app::sync::export(s.store(), &month, sensitive, app.now()))?;
    save_with_dialog(&file.name, ZIP, &file.bytes)
}

#[tauri::command(async)]
pub fn receipt_import(app: State<App>) -> Result<Option<ReceiptInfo>> {
    let Some(path) = ask_open_paths(&RECEIPT, false).into_iter().next() else {
        return Ok(None);
    };
    let bytes = read(&path)?;
    app.with(|s| ttq::app::sync::import_receipt(s.store(), &bytes, app.now()))
        .map(Some)
}

#[tauri::command]
pub fn receipt_list(app: State<App>) -> Result<Vec<ReceiptInfo>> {
    app.with(|s| ttq::app::sync::receipts(s.store()))
}

#[tauri::command]
pub fn ward_init(app: State<App>, input: WardInput) -> Result<Ward> {
    app.with(|s| ttq::app::ward::init(s.store(), &input, app.now()))
}

fn run_files(app: &App, paths: &[PathBuf], opts: &ImportOptions) -> Vec<FileOutcome> {
    paths
        .iter()
        .map(|p| {
            let file = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let r = read(p).and_then(|b| {
                app.with(|s| ttq::app::ward::import(s.store(), &b, &file, opts, app.now()))
            });
            match r {
                Ok(preview) => FileOutcome {
                    file,
                    preview: Some(preview),
                    error: None,
                },
                Err(e) => FileOutcome {
                    file,
                    preview: None,
                    error: Some(e),
                },
            }
        })
        .collect()
}

/// Opens the file dialog and previews the chosen packages (nothing is written yet).
#[tauri::command(async)]
pub fn import_choose(app: State<App>) -> Vec<FileOutcome> {
    let paths = ask_open_paths(&ZIP, true);
    let out = run_files(
        &app,
        &paths,
        &ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    );
    *app.pending.lock().unwrap_or_else(|e| e.into_inner()) = paths;
    out
}

/// Imports the files chosen last, each in its own transaction; a new key is accepted only
/// with the name of the person who confirmed it.
#[tauri::command]
pub fn import_apply(app: State<App>, accept_new_key_by: Option<String>) -> Vec<FileOutcome> {
    let paths = std::mem::take(&mut *app.pending.lock().unwrap_or_else(|e| e.into_inner()));
    run_files(
        &app,
        &paths,
        &ImportOptions {
            dry_run: false,
            accept_new_key_by,
        },
    )
}

#[tauri::command]
pub fn ward_expect(app: State<App>, name: String) -> Result<()> {
    app.with(|s| ttq::app::ward::expect(s.store(), &name, app.now()))
}

#[tauri::command]
pub fn ward_status(app: State<App>, months: Vec<String>) -> Result<WardStatus> {
    app.with(|s| ttq::app::ward::status(s.store(), &months, app.now()))
}

#[tauri::command]
pub fn ward_deadline_set(app: State<App>, day: u8) -> Result<Ward> {
    app.with(|s| ttq::app::ward::set_deadline_day(s.store(), day))
}

#[tauri::command(async)]
pub fn ward_report_save(app: State<App>, month: String) -> Result<Option<String>> {
    let now = app.now();
    let pdf =
        app.with(|s| ttq::app::ward::report_pdf(s.store(), &month, date::vn_today(now), now))?;
    save_with_dialog(&pdf.name, PDF, &pdf.bytes)
}

#[tauri::command(async)]
pub fn ward_xlsx_save(app: State<App>, month: String) -> Result<Option<String>> {
    let file = app.with(|s| ttq::app::ward::report_xlsx(s.store(), &month, app.now()))?;
    save_with_dialog(&file.name, XLSX, &file.bytes)
}

/// The consolidated report laid out, for the preview.
#[tauri::command]
pub fn ward_report_layout(app: State<App>, month: String) -> Result<ttq::report::Layout> {
    let now = app.now();
    app.with(|s| {
        let doc = ttq::app::ward::report_document(s.store(), &month, date::vn_today(now), now)?;
        Ok(ttq::report::layout(&doc))
    })
}

#[tauri::command(async)]
pub fn receipt_issue(app: State<App>, group_id: String, month: String) -> Result<Option<String>> {
    let file = app.with(|s| ttq::app::ward::issue_receipt(s.store(), &group_id, &month))?;
    save_with_dialog(&file.name, RECEIPT, &file.bytes)
}
