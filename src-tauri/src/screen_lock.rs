//! Locks the app when the desktop session locks, where the platform tells: on Linux,
//! logind's `LockedHint` of this session, which GNOME, KDE, XFCE and `loginctl
//! lock-session` set. Windows tells through session notifications to the window
//! (`WTSRegisterSessionNotification`), not wired here yet: there the idle lock still
//! applies. `TTQ_SCREEN_LOCK_FILE` stands in for the platform in the end-to-end tests: the
//! session counts as locked while that file says `locked`.

use crate::state::App;
use std::path::PathBuf;
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// How often the platform is asked: a locked screen hides the window anyway, so a couple of
/// seconds is soon enough for someone sitting down at the unlocked PC later.
const EVERY: Duration = Duration::from_secs(2);

/// Where the answer "is the desktop session locked?" comes from.
enum Probe {
    File(PathBuf),
    #[cfg(target_os = "linux")]
    Logind(String),
}

impl Probe {
    /// The probe this platform and environment offer, if any.
    fn find() -> Option<Probe> {
        if let Some(f) = std::env::var_os("TTQ_SCREEN_LOCK_FILE") {
            return Some(Probe::File(f.into()));
        }
        #[cfg(target_os = "linux")]
        if let Some(id) = std::env::var("XDG_SESSION_ID")
            .ok()
            .filter(|s| !s.is_empty())
        {
            let p = Probe::Logind(id);
            // No logind (a container, another init): nothing to watch.
            return p.locked().map(|_| p);
        }
        None
    }

    /// Whether the session is locked now; `None` when the platform stopped answering.
    fn locked(&self) -> Option<bool> {
        match self {
            Probe::File(f) => Some(
                std::fs::read_to_string(f)
                    .map(|s| s.trim() == "locked")
                    .unwrap_or(false),
            ),
            #[cfg(target_os = "linux")]
            Probe::Logind(id) => {
                let out = std::process::Command::new("loginctl")
                    .args(["show-session", id, "-p", "LockedHint", "--value"])
                    .output()
                    .ok()
                    .filter(|o| o.status.success())?;
                Some(String::from_utf8_lossy(&out.stdout).trim() == "yes")
            }
        }
    }
}

/// Starts watching the desktop session, when the platform can tell; the app locks (if a
/// lock is set) each time the session becomes locked.
pub fn watch(app: AppHandle) {
    let Some(probe) = Probe::find() else {
        return;
    };
    std::thread::spawn(move || {
        let mut was_locked = false;
        loop {
            std::thread::sleep(EVERY);
            let Some(locked) = probe.locked() else {
                return;
            };
            if locked && !was_locked {
                lock(&app);
            }
            was_locked = locked;
        }
    });
}

/// Locks the data and shows the lock screen over whatever is open.
fn lock(app: &AppHandle) {
    let state = app.state::<App>();
    let now = state.now();
    let locked = state.with_locked(|s| {
        s.lock_now(now);
        s.info(now).map(|i| i.lock.locked)
    });
    if let (Ok(true), Some(window)) = (locked, app.get_webview_window("main")) {
        // The same event a command refused for the lock raises: the UI reloads and covers.
        let _ = window.eval("window.dispatchEvent(new Event('ttq-locked'))");
    }
}
