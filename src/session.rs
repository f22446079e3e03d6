//! The app's open workspace: the user's own data file, or a throw-away demo beside it.
//! Holding the switch here keeps the desktop shell free of logic.

use crate::error::Result;
use crate::model::group::Group;
use crate::store::{Store, DB_FILE};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What the status line and the first screen need to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct AppInfo {
    /// Full path of the open database file.
    pub db_path: String,
    /// True while the demo group is open instead of the user's own data.
    pub demo: bool,
    /// The open group, `None` before the first-run wizard (and in a ward workspace).
    pub group: Option<Group>,
    /// The group's key fingerprint, as printed on its reports.
    pub fingerprint: Option<String>,
    /// The ward workspace, when this data file is one.
    pub ward: Option<crate::model::ward::Ward>,
    pub version: String,
    /// The core's current instant (RFC 3339, UTC): the UI's clock follows it, so the app and
    /// the screens agree on "today" even when a test starts the clock elsewhere.
    pub now: String,
}

/// The open store and which one it is.
pub struct Session {
    data_dir: PathBuf,
    store: Store,
    demo: bool,
}

/// Seed of the demo group shown in the app.
const DEMO_SEED: u64 = 2026;

impl Session {
    /// Opens the user's own data file in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Session> {
        Ok(Session {
            data_dir: data_dir.to_path_buf(),
            store: Store::open_dir(data_dir)?,
            demo: false,
        })
    }

    /// The open store.
    pub fn store(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Status for the UI at `now`.
    pub fn info(&self, now: DateTime<Utc>) -> Result<AppInfo> {
        Ok(AppInfo {
            db_path: self.store.path().display().to_string(),
            demo: self.demo,
            group: self.store.group()?,
            fingerprint: match self.store.group()? {
                Some(_) => self.store.group_fingerprint()?,
                None => None,
            },
            ward: self.store.ward()?,
            version: env!("CARGO_PKG_VERSION").to_string(),
            now: now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        })
    }

    /// Switches to a freshly made demo group (in `demo/` beside the user's file, which is
    /// not touched).
    pub fn open_demo(&mut self, now: DateTime<Utc>) -> Result<AppInfo> {
        // Never delete the file under an open connection: go back to the user's file first.
        self.close_demo(now)?;
        let dir = self.data_dir.join("demo");
        std::fs::create_dir_all(&dir)?;
        for suffix in ["", "-wal", "-shm"] {
            let p = dir.join(format!("{DB_FILE}{suffix}"));
            if p.exists() {
                std::fs::remove_file(p)?;
            }
        }
        let mut store = Store::open_dir(&dir)?;
        crate::demo::fill(&mut store, now, DEMO_SEED)?;
        self.store = store;
        self.demo = true;
        self.info(now)
    }

    /// Returns to the user's own data file.
    pub fn close_demo(&mut self, now: DateTime<Utc>) -> Result<AppInfo> {
        if self.demo {
            self.store = Store::open_dir(&self.data_dir)?;
            self.demo = false;
        }
        self.info(now)
    }
}
