//! Files the user chooses: a native dialog opened from Rust, then an all-or-nothing write
//! by the core (the fs plugin is not used).

use std::path::PathBuf;
use ttq::app::File;
use ttq::Result;

/// A kind of file offered in a dialog: its name there and its extensions.
pub struct Kind(&'static str, &'static [&'static str]);

/// PDF documents.
pub const PDF: Kind = Kind("Tệp PDF", &["pdf"]);
/// iCalendar files.
pub const ICS: Kind = Kind("Lịch iCalendar", &["ics"]);
/// Export packages for the ward, signed (`.zip`) or also encrypted to it (`.ttq`).
pub const PACKAGE: Kind = Kind("Tệp gửi phường", &["zip", "ttq"]);
/// A package encrypted to the ward, as saved.
pub const ENCRYPTED: Kind = Kind("Tệp gửi phường (đã mã hóa)", &["ttq"]);
/// A signed-only package, as saved.
pub const ZIP: Kind = Kind("Tệp gửi phường", &["zip"]);
/// The ward's encryption key file.
pub const WARD_KEY: Kind = Kind("Tệp khóa của phường", &["txt"]);
/// Receipts from the ward.
pub const RECEIPT: Kind = Kind("Giấy biên nhận của phường", &["json"]);
/// Spreadsheets.
pub const XLSX: Kind = Kind("Bảng tính Excel", &["xlsx"]);
/// Member lists from Excel, LibreOffice or a CSV file.
pub const MEMBER_LIST: Kind = Kind(
    "Danh sách (Excel, LibreOffice, CSV)",
    &["xlsx", "xls", "ods", "csv"],
);
/// Backups of the data file.
pub const SQLITE: Kind = Kind("Bản sao lưu dữ liệu", &["sqlite", "age"]);

/// Asks where to save; `None` when the user cancels. `TTQ_SAVE_DIR` replaces the dialog (the
/// end-to-end tests cannot drive a native dialog).
fn ask_save_path(suggested: &str, kind: &Kind) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TTQ_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(suggested));
    }
    let mut dialog = rfd::FileDialog::new()
        .set_title("Lưu tệp")
        .set_file_name(suggested)
        .add_filter(kind.0, kind.1);
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
                    .filter(|p| {
                        p.extension()
                            .is_some_and(|x| kind.1.iter().any(|k| x.eq_ignore_ascii_case(k)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        return found;
    }
    let dialog = rfd::FileDialog::new()
        .set_title("Chọn tệp")
        .add_filter(kind.0, kind.1);
    if many {
        dialog.pick_files().unwrap_or_default()
    } else {
        dialog.pick_file().into_iter().collect()
    }
}

/// Asks for a folder (a USB stick); `None` when cancelled. `TTQ_SAVE_DIR` replaces the
/// dialog, as for saving.
pub fn ask_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TTQ_SAVE_DIR") {
        return Some(PathBuf::from(dir));
    }
    rfd::FileDialog::new()
        .set_title("Chọn USB hoặc thư mục để sao lưu")
        .pick_folder()
}

/// Asks where to save `file` (its name suggested) and writes it there; the path, or `None`
/// if the user cancelled.
pub fn save(file: &File, kind: Kind) -> Result<Option<String>> {
    let Some(path) = ask_save_path(&file.name, &kind) else {
        return Ok(None);
    };
    ttq::save::save_file(&path, &file.bytes)?;
    Ok(Some(path.display().to_string()))
}
