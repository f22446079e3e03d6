//! The app's open workspace: the user's own data file, or a throw-away demo beside it.
//! Holding the switch here keeps the desktop shell free of logic.

use crate::error::Result;
use crate::model::backup::BackupStatus;
use crate::model::group::Group;
use crate::store::{Store, DB_FILE};
use chrono::{DateTime, NaiveDate, Utc};
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
    /// How the backups stand (none for the demo).
    pub backup: Option<BackupStatus>,
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
    /// The day (Vietnam time) whose first use has been backed up.
    backed_up: Option<NaiveDate>,
}

/// Seed of the demo group shown in the app.
const DEMO_SEED: u64 = 2026;

impl Session {
    /// Opens the user's own data file in `data_dir` (backing it up first when it is to be
    /// upgraded, and at the first use of the day).
    pub fn open(data_dir: &Path, now: DateTime<Utc>) -> Result<Session> {
        Ok(Session::with_store(
            data_dir,
            crate::app::backup::open(data_dir, now)?,
            now,
        ))
    }

    /// Replaces the damaged data file in `data_dir` with the backup at `backup` (the
    /// damaged one is kept aside) and opens it.
    pub fn recover(data_dir: &Path, backup: &Path, now: DateTime<Utc>) -> Result<Session> {
        let (store, _) = crate::app::backup::recover(data_dir, backup, now)?;
        Ok(Session::with_store(data_dir, store, now))
    }

    fn with_store(data_dir: &Path, store: Store, now: DateTime<Utc>) -> Session {
        Session {
            data_dir: data_dir.to_path_buf(),
            store,
            demo: false,
            backed_up: Some(crate::date::vn_today(now)),
        }
    }

    /// Called before every task: the first use of a new day backs the user's data up.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        let today = crate::date::vn_today(now);
        if !self.demo && self.backed_up != Some(today) {
            crate::app::backup::daily(&self.store, now);
            self.backed_up = Some(today);
        }
    }

    /// Restores the backup at `path` over the user's data (see `app::backup::restore`);
    /// refused while the demo is open.
    pub fn restore(
        &mut self,
        path: &Path,
        other_owner_ok: bool,
        now: DateTime<Utc>,
    ) -> Result<crate::model::backup::Contents> {
        if self.demo {
            return Err(crate::error::Error::new(
                crate::error::ErrorCode::Conflict,
                "Đang xem dữ liệu mẫu. Hãy thoát dữ liệu mẫu rồi khôi phục bản sao lưu.",
            ));
        }
        crate::app::backup::restore(&mut self.store, path, other_owner_ok, now)
    }

    /// The folder of the user's own data file.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// True while the demo is open.
    pub fn is_demo(&self) -> bool {
        self.demo
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
            backup: match self.demo {
                true => None,
                false => Some(crate::app::backup::status(&self.store, now)?),
            },
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
            self.store = crate::app::backup::open(&self.data_dir, now)?;
            self.demo = false;
        }
        self.info(now)
    }
}
