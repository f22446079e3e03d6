//! Saving files the user asked for: a native save dialog opened from Rust, then an
//! all-or-nothing write by the core. Also the roster's exports (PDF, iCalendar).

use crate::App;
use std::path::PathBuf;
use tauri::State;
use ttq::{date, Result};

/// A kind of file offered in the save dialog: its name there and its extension.
pub struct Kind(&'static str, &'static str);

/// PDF documents.
pub const PDF: Kind = Kind("Tệp PDF", "pdf");
/// iCalendar files.
pub const ICS: Kind = Kind("Lịch iCalendar", "ics");
/// Export packages for the ward.
pub const ZIP: Kind = Kind("Tệp gửi phường", "zip");
/// Receipts from the ward.
pub const RECEIPT: Kind = Kind("Giấy biên nhận của phường", "json");
/// Spreadsheets.
pub const XLSX: Kind = Kind("Bảng tính Excel", "xlsx");

/// Asks where to save; `None` when the user cancels. `TTQ_SAVE_DIR` replaces the dialog (the
/// end-to-end tests cannot drive a native dialog).
fn ask_save_path(suggested: &str, kind: &Kind) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TTQ_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(suggested));
    }
    let mut dialog = rfd::FileDialog::new()
        .set_title("Lưu tệp")
        .set_file_name(suggested)
        .add_filter(kind.0, &[kind.1]);
    if let Some(docs) =
        directories::UserDirs::new().and_then(|u| u.document_dir().map(PathBuf::from))
    {
        dialog = dialog.set_directory(docs);
    }
    dialog.save_file()
}

// Commands that open a dialog run off the main thread (`#[tauri::command(async)]`): the
// dialog itself is shown by GTK's main loop, which a command blocking the main thread would
// deadlock.

/// Asks which files to open (several if `many`); empty when cancelled. `TTQ_OPEN_DIR`
/// replaces the dialog with every file of the kind in that folder (for the end-to-end tests).
pub fn ask_open_paths(kind: &Kind, many: bool) -> Vec<PathBuf> {
    if let Some(dir) = std::env::var_os("TTQ_OPEN_DIR") {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|it| {
                it.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == kind.1))
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        return found;
    }
    let dialog = rfd::FileDialog::new()
        .set_title("Chọn tệp")
        .add_filter(kind.0, &[kind.1]);
    if many {
        dialog.pick_files().unwrap_or_default()
    } else {
        dialog.pick_file().into_iter().collect()
    }
}

/// Asks where to save `bytes` and writes them there; the path, or `None` if cancelled.
pub fn save_with_dialog(suggested: &str, kind: Kind, bytes: &[u8]) -> Result<Option<String>> {
    let Some(path) = ask_save_path(suggested, &kind) else {
        return Ok(None);
    };
    ttq::save::save_file(&path, bytes)?;
    Ok(Some(path.display().to_string()))
}

/// Saves the month's roster as a printable PDF.
#[tauri::command(async)]
pub fn roster_save_pdf(app: State<App>, month: String) -> Result<Option<String>> {
    let pdf = app.with(|s| s.store().roster_pdf(&month, date::vn_today(app.now())))?;
    save_with_dialog(&pdf.file_name, PDF, &pdf.bytes)
}

/// Saves the month's roster, or one member's shifts, as an iCalendar file.
#[tauri::command(async)]
pub fn roster_save_ics(
    app: State<App>,
    month: String,
    member_id: Option<String>,
) -> Result<Option<String>> {
    let (text, name) = app.with(|s| {
        let store = s.store();
        let view = store.roster(&month)?;
        let group = store.require_group()?;
        let who = match &member_id {
            Some(id) => format!(" - {}", store.member(id)?.full_name),
            None => String::new(),
        };
        let (y, m) = view.month.split_once('-').unwrap_or(("", ""));
        let text = ttq::roster::ics::to_ics(&view, &group.name, member_id.as_deref(), app.now());
        Ok((text, format!("Lich tuan tra {m}-{y}{who}.ics")))
    })?;
    save_with_dialog(&name, ICS, text.as_bytes())
}
