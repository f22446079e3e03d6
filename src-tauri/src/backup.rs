//! Backups: the list, "Sao lưu ngay", a copy to a USB stick, restoring, and recovering a
//! damaged data file.

use crate::dialog;
use crate::state::App;
use std::path::PathBuf;
use tauri::State;
use ttq::backup::Occasion;
use ttq::model::backup::{BackupInfo, BackupStatus, Contents};
use ttq::session::AppInfo;
use ttq::{ErrorCode, Result};

#[tauri::command]
pub fn backup_status(app: State<App>) -> Result<BackupStatus> {
    app.with(|s| ttq::app::backup::status(s.store(), app.now()))
}

/// Works while the data file cannot be opened: the list is what recovery offers.
#[tauri::command]
pub fn backup_list(app: State<App>) -> Vec<BackupInfo> {
    ttq::app::backup::list(&app.data_dir)
}

// Long enough to show the progress bar: off the main thread, so the window keeps painting.
#[tauri::command(async)]
pub fn backup_create(app: State<App>) -> Result<String> {
    app.with(|s| {
        let path = ttq::app::backup::create(s.store(), Occasion::Manual, app.now())?;
        Ok(path.display().to_string())
    })
}

/// Copies the data to a folder the user picks (a USB stick), sealed when a passphrase is
/// given.
#[tauri::command(async)]
pub fn backup_copy_out(app: State<'_, App>, passphrase: Option<String>) -> Result<Option<String>> {
    if let Some(p) = &passphrase {
        // Before the dialog: a passphrase too short is said at once.
        ttq::sealed::check_passphrase(p)?;
    }
    let Some(folder) = dialog::ask_folder() else {
        return Ok(None);
    };
    app.with(|s| {
        let path = ttq::app::backup::copy_to(s.store(), &folder, passphrase.as_deref(), app.now())?;
        Ok(Some(path.display().to_string()))
    })
}

/// Opens a sealed USB copy with its passphrase, into this PC's backup folder; also while
/// the data file cannot be opened, so the damaged-file screen can recover from such a copy.
#[tauri::command(async)]
pub fn backup_unseal(app: State<'_, App>, path: String, passphrase: String) -> Result<BackupInfo> {
    let dir = match app.with(|s| Ok(s.data_dir().to_path_buf())) {
        Ok(dir) => dir,
        Err(e) if e.code == ErrorCode::Locked => return Err(e),
        Err(_) => app.data_dir.clone(),
    };
    ttq::app::backup::unseal(&dir, &PathBuf::from(&path), &passphrase, app.now())
}

#[tauri::command(async)]
pub fn backup_choose() -> Option<BackupInfo> {
    dialog::ask_open_paths(&dialog::SQLITE, false)
        .first()
        .map(|p| ttq::app::backup::describe(p))
}

// Long enough to show the progress bar: off the main thread, so the window keeps painting.
#[tauri::command(async)]
pub fn backup_restore(app: State<App>, path: String, other_owner_ok: bool) -> Result<Contents> {
    app.with(|s| s.restore(&PathBuf::from(&path), other_owner_ok, app.now()))
}

#[tauri::command]
pub fn backup_recover(app: State<App>, path: String) -> Result<AppInfo> {
    app.recover(&PathBuf::from(path))
}
