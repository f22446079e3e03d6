//! Locks the app when the desktop session locks, where the platform tells: on Linux,
//! logind's `LockedHint` of this session, which GNOME, KDE, XFCE and `loginctl
//! lock-session` set; on Windows, the input desktop no longer being the user's (Windows+L,
//! the lock screen, also the screen saver). `TTQ_SCREEN_LOCK_FILE` stands in for the
//! platform in the end-to-end tests: the session counts as locked while that file says
//! `locked`.

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
    #[cfg(windows)]
    InputDesktop,
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
        #[cfg(windows)]
        let found = Some(Probe::InputDesktop);
        #[cfg(not(windows))]
        let found = None;
        found
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
            #[cfg(windows)]
            Probe::InputDesktop => Some(windows::input_desktop_is_elsewhere()),
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

#[cfg(windows)]
mod windows {
    //! The few user32 calls the check needs, declared here rather than through a bindings
    //! crate.
    #[link(name = "user32")]
    extern "system" {
        fn OpenInputDesktop(flags: u32, inherit: i32, access: u32) -> isize;
        fn SwitchDesktop(desktop: isize) -> i32;
        fn CloseDesktop(desktop: isize) -> i32;
    }
    const DESKTOP_SWITCHDESKTOP: u32 = 0x0100;

    /// True while the desktop taking input is not the user's: the lock screen (Winlogon's
    /// desktop) or the screen saver's. The user's own desktop can be opened and switched to
    /// (a no-op, it is already current); theirs cannot.
    pub fn input_desktop_is_elsewhere() -> bool {
        // SAFETY: plain Win32 calls with no pointers; the handle is closed before returning.
        unsafe {
            let desktop = OpenInputDesktop(0, 0, DESKTOP_SWITCHDESKTOP);
            if desktop == 0 {
                return true;
            }
            let ours = SwitchDesktop(desktop) != 0;
            CloseDesktop(desktop);
            !ours
        }
    }
}
