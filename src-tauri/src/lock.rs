//! The app lock: set, change or remove the PIN, lock now, unlock.

use crate::state::App;
use tauri::State;
use ttq::session::AppInfo;
use ttq::Result;

/// Sets or changes the PIN or passphrase; the answer is the recovery code, shown once.
#[tauri::command]
pub fn lock_set(
    app: State<App>,
    current: Option<String>,
    secret: String,
    idle_minutes: u32,
) -> Result<String> {
    app.with(|s| s.set_lock(current.as_deref(), &secret, idle_minutes, app.now()))
}

#[tauri::command]
pub fn lock_remove(app: State<App>, current: String) -> Result<()> {
    app.with(|s| s.remove_lock(&current, app.now()))
}

/// The "Khóa" button and the screens' idle timer.
#[tauri::command]
pub fn lock_now(app: State<App>) -> Result<AppInfo> {
    app.with_locked(|s| {
        s.lock_now(app.now());
        s.info(app.now())
    })
}

// Checking a PIN takes a moment (argon2id): off the main thread, so the window paints.
#[tauri::command(async)]
pub fn lock_unlock(app: State<App>, secret: String) -> Result<AppInfo> {
    app.with_locked(|s| s.unlock(&secret, app.now()))
}
