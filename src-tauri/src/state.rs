//! The app's state behind every command: the open session (or why it could not be opened),
//! the clock, and the files the ward chose and previewed; and starting the window.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;
use tauri::Manager;
use ttq::clock::Clock;
use ttq::session::Session;
use ttq::Result;

/// What the commands share.
pub struct App {
    /// The open data, or why it could not be opened (shown to the user by the UI).
    session: Mutex<Result<Session>>,
    /// The user's data folder (known even when its file could not be opened).
    pub data_dir: PathBuf,
    pub started: Instant,
    /// Where "now" comes from (the system clock; a test may start it elsewhere).
    clock: Clock,
    /// Package files the ward chose and previewed, waiting for "Nhận".
    pub pending: Mutex<Vec<PathBuf>>,
    /// The ward's key file the group chose and previewed, waiting for "Ghi nhận".
    pub pending_key: Mutex<Option<PathBuf>>,
    /// How far the running long task has got (read by the progress bar while it runs).
    pub progress: Mutex<Option<ttq::app::Progress>>,
}

impl App {
    /// Runs `f` with a sink for its progress, shown by `progress_get` until it returns.
    pub fn with_progress<T>(&self, f: impl FnOnce(&mut dyn FnMut(ttq::app::Progress)) -> T) -> T {
        let mut report = |p| *self.progress.lock().unwrap_or_else(|e| e.into_inner()) = Some(p);
        let out = f(&mut report);
        *self.progress.lock().unwrap_or_else(|e| e.into_inner()) = None;
        out
    }

    /// Runs `f` on the open session, or returns the error that kept it closed; refused
    /// while the app lock holds the data.
    pub fn with<T>(&self, f: impl FnOnce(&mut Session) -> Result<T>) -> Result<T> {
        self.with_locked(|s| {
            s.enter(self.now())?;
            f(s)
        })
    }

    /// Runs `f` on the open session even while locked: the lock screen's own commands.
    pub fn with_locked<T>(&self, f: impl FnOnce(&mut Session) -> Result<T>) -> Result<T> {
        // A panic elsewhere must not lock the user out of their data.
        let mut guard = self.session.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *guard {
            Ok(session) => f(session),
            Err(e) => Err(e.clone()),
        }
    }

    /// Replaces a data file that could not be opened (damaged) with the backup at `path`.
    pub fn recover(&self, path: &std::path::Path) -> Result<ttq::session::AppInfo> {
        let mut guard = self.session.lock().unwrap_or_else(|e| e.into_inner());
        if let Ok(s) = &*guard {
            return s.info(self.now());
        }
        let session = Session::recover(&self.data_dir, path, self.now())?;
        let info = session.info(self.now());
        *guard = Ok(session);
        info
    }

    /// The current instant.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// The date a document is dated: as typed (dd/mm/yyyy), or today.
    pub fn document_date(&self, typed: &str) -> Result<chrono::NaiveDate> {
        ttq::app::document_date(Some(typed), self.now())
    }
}

/// `TTQ_DATA_DIR`, or the folder the CLI uses too (Tauri's app data folder).
fn data_dir() -> std::result::Result<PathBuf, String> {
    if let Some(d) = std::env::var_os("TTQ_DATA_DIR") {
        return Ok(PathBuf::from(d));
    }
    ttq::store::default_data_dir().map_err(|e| e.message)
}

/// Opens the window with `handler` answering its commands.
pub fn run<F>(handler: F)
where
    F: Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static,
{
    let started = Instant::now();
    // WebKitGTK's DMA-BUF renderer costs about 80 MB more at idle on the office PCs this
    // targets (no discrete GPU) and blanks the window on some drivers; the user can still
    // override it. Set before any thread starts.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    tauri::Builder::default()
        .setup(move |app| {
            let dir = data_dir()?;
            let clock = Clock::from_env();
            let mut session = clock.clone().and_then(|c| Session::open(&dir, c.now()));
            // Tests of the idle lock cannot wait minutes.
            if let (Ok(s), Some(secs)) = (
                &mut session,
                std::env::var("TTQ_LOCK_IDLE_SECONDS")
                    .ok()
                    .and_then(|v| v.parse().ok()),
            ) {
                s.set_idle_override(Some(secs));
            }
            match &session {
                Ok(_) => eprintln!("ttq: dữ liệu tại {}", dir.display()),
                Err(e) => eprintln!("ttq: không mở được dữ liệu tại {}: {e}", dir.display()),
            }
            app.manage(App {
                session: Mutex::new(session),
                data_dir: dir,
                started,
                clock: clock.unwrap_or_default(),
                pending: Mutex::new(Vec::new()),
                pending_key: Mutex::new(None),
                progress: Mutex::new(None),
            });
            crate::screen_lock::watch(app.handle().clone());
            Ok(())
        })
        .invoke_handler(handler)
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("ttq: không khởi động được ứng dụng: {e}");
            std::process::exit(1);
        });
}
