//! Sync commands. The group: export the month's package, import the ward's receipt, pin the
//! ward's encryption key. The ward: set up, choose files and preview them, import, status,
//! consolidated report, receipts, its key file.

use crate::dialog::{self, ask_open_paths, ENCRYPTED, PACKAGE, PDF, RECEIPT, WARD_KEY, XLSX, ZIP};
use crate::state::App;
use std::path::PathBuf;
use tauri::State;
use ttq::app::recipient::PinOptions;
use ttq::app::{self, ward::ImportOptions};
use ttq::model::ward::{
    FileOutcome, ReceiptInfo, RecipientPreview, Ward, WardDocuments, WardInput, WardRecipient,
    WardStatus,
};
use ttq::report::Layout;
use ttq::Result;

#[tauri::command(async)]
pub fn package_export(app: State<App>, month: String, sensitive: bool) -> Result<Option<String>> {
    let file = app.with(|s| app::sync::export(s.store(), &month, sensitive, app.now()))?;
    let kind = if file.name.ends_with(app::sync::ENCRYPTED_EXTENSION) {
        ENCRYPTED
    } else {
        ZIP
    };
    let saved = dialog::save(&file, kind)?;
    if saved.is_some() {
        app.with(|s| app::sync::saved(s.store(), &month, app.now()))?;
    }
    Ok(saved)
}

#[tauri::command(async)]
pub fn receipt_import(app: State<App>) -> Result<Option<ReceiptInfo>> {
    let Some(path) = ask_open_paths(&RECEIPT, false).into_iter().next() else {
        return Ok(None);
    };
    let bytes = app::read_file(&path)?;
    app.with(|s| app::sync::import_receipt(s.store(), &bytes, app.now()))
        .map(Some)
}

#[tauri::command]
pub fn receipt_list(app: State<App>) -> Result<Vec<ReceiptInfo>> {
    app.with(|s| app::sync::receipts(s.store()))
}

#[tauri::command]
pub fn ward_init(app: State<App>, input: WardInput) -> Result<Ward> {
    app.with(|s| app::ward::init(s.store(), &input, app.now()))
}

/// Opens the file dialog and previews the chosen packages (nothing is written yet).
#[tauri::command(async)]
pub fn import_choose(app: State<App>) -> Result<Vec<FileOutcome>> {
    let paths = ask_open_paths(&PACKAGE, true);
    let opts = ImportOptions {
        dry_run: true,
        ..Default::default()
    };
    let out = import_files(&app, &paths, &opts)?;
    *app.pending.lock().unwrap_or_else(|e| e.into_inner()) = paths;
    Ok(out)
}

/// Imports the files chosen last, each in its own transaction; a new key is accepted only
/// with the name of the person who confirmed it.
#[tauri::command(async)]
pub fn import_apply(
    app: State<App>,
    accept_new_key_by: Option<String>,
) -> Result<Vec<FileOutcome>> {
    let paths = std::mem::take(&mut *app.pending.lock().unwrap_or_else(|e| e.into_inner()));
    let opts = ImportOptions {
        dry_run: false,
        accept_new_key_by,
    };
    import_files(&app, &paths, &opts)
}

/// Previews or imports `paths`, each file's progress shown by `progress_get`.
fn import_files(app: &App, paths: &[PathBuf], opts: &ImportOptions) -> Result<Vec<FileOutcome>> {
    app.with_progress(|progress| {
        app.with(|s| {
            Ok(app::ward::import_files(
                s.store(),
                paths,
                opts,
                app.now(),
                progress,
            ))
        })
    })
}

/// How far the running long task has got; none when nothing long is running.
#[tauri::command]
pub fn progress_get(app: State<App>) -> Result<Option<ttq::app::Progress>> {
    Ok(*app.progress.lock().unwrap_or_else(|e| e.into_inner()))
}

#[tauri::command]
pub fn ward_expect(app: State<App>, name: String) -> Result<()> {
    app.with(|s| app::ward::expect(s.store(), &name, app.now()))
}

#[tauri::command]
pub fn ward_status(app: State<App>, months: Vec<String>) -> Result<WardStatus> {
    app.with(|s| app::ward::status(s.store(), &months, app.now()))
}

#[tauri::command]
pub fn ward_deadline_set(app: State<App>, day: u8) -> Result<Ward> {
    app.with(|s| app::ward::set_deadline_day(s.store(), day))
}

#[tauri::command(async)]
pub fn ward_documents_set(app: State<App>, input: WardDocuments) -> Result<Ward> {
    app.with(|s| app::ward::set_documents(s.store(), &input))
}

#[tauri::command(async)]
pub fn ward_report_save(app: State<App>, month: String) -> Result<Option<String>> {
    let today = app.document_date("")?;
    let file = app.with(|s| app::ward::report_pdf(s.store(), &month, today, app.now()))?;
    dialog::save(&file, PDF)
}

#[tauri::command(async)]
pub fn ward_xlsx_save(app: State<App>, month: String) -> Result<Option<String>> {
    let file = app.with(|s| app::ward::report_xlsx(s.store(), &month, app.now()))?;
    dialog::save(&file, XLSX)
}

/// The consolidated report laid out, for the preview.
#[tauri::command]
pub fn ward_report_layout(app: State<App>, month: String) -> Result<Layout> {
    let today = app.document_date("")?;
    app.with(|s| app::ward::report_layout(s.store(), &month, today, app.now()))
}

#[tauri::command(async)]
pub fn receipt_issue(app: State<App>, group_id: String, month: String) -> Result<Option<String>> {
    let file = app.with(|s| app::ward::issue_receipt(s.store(), &group_id, &month))?;
    dialog::save(&file, RECEIPT)
}

/// Saves the ward's encryption key file for its groups.
#[tauri::command(async)]
pub fn ward_key_save(app: State<App>) -> Result<Option<String>> {
    let file = app.with(|s| app::ward::key_file(s.store()))?;
    dialog::save(&file, WARD_KEY)
}

/// Saves the ward's printed notice of its key (PDF), to hand or send with the key file.
#[tauri::command(async)]
pub fn ward_key_sheet_save(app: State<App>) -> Result<Option<String>> {
    let file = app.with(|s| app::ward::key_sheet(s.store(), app.now()))?;
    dialog::save(&file, PDF)
}

/// The ward's key the group's files are encrypted to.
#[tauri::command]
pub fn ward_key_pinned(app: State<App>) -> Result<Option<WardRecipient>> {
    app.with(|s| app::recipient::pinned(s.store()))
}

/// Opens the file dialog and reads the ward's key file chosen (nothing is pinned yet).
#[tauri::command(async)]
pub fn ward_key_choose(app: State<App>) -> Result<Option<RecipientPreview>> {
    let Some(path) = ask_open_paths(&WARD_KEY, false).into_iter().next() else {
        return Ok(None);
    };
    let bytes = app::read_file(&path)?;
    let opts = PinOptions {
        dry_run: true,
        ..Default::default()
    };
    let preview = app.with(|s| app::recipient::pin(s.store(), &bytes, &opts, app.now()))?;
    *app.pending_key.lock().unwrap_or_else(|e| e.into_inner()) = Some(path);
    Ok(Some(preview))
}

/// Pins the key file chosen last; a changed key only with the name of who confirmed it.
#[tauri::command(async)]
pub fn ward_key_pin(app: State<App>, confirmed_by: Option<String>) -> Result<RecipientPreview> {
    let pending = || app.pending_key.lock().unwrap_or_else(|e| e.into_inner());
    let path = pending()
        .clone()
        .ok_or_else(|| ttq::Error::internal("no key file was chosen"))?;
    let bytes = app::read_file(&path)?;
    let opts = PinOptions {
        dry_run: false,
        confirmed_by,
    };
    let pinned = app.with(|s| app::recipient::pin(s.store(), &bytes, &opts, app.now()))?;
    *pending() = None;
    Ok(pinned)
}
