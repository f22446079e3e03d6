//! The app's open workspace: the user's own data file, or a throw-away demo beside it, and
//! whether the app lock holds it. Holding the switch here keeps the desktop shell free of
//! logic.

use crate::error::{Error, ErrorCode, Result};
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
    /// The app lock. While locked, nothing above names the group or the ward.
    pub lock: LockInfo,
}

/// The app lock as the screens need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct LockInfo {
    /// A PIN or passphrase is set on this data file.
    pub enabled: bool,
    pub locked: bool,
    /// Seconds of no use after which the app locks itself.
    pub idle_seconds: u32,
}

/// The lock's state in the open session.
struct LockState {
    /// Seconds of no use before locking; `None` when no lock is set.
    idle: Option<u32>,
    locked: bool,
    last_used: DateTime<Utc>,
    /// A test's shorter idle time (the shell reads `TTQ_LOCK_IDLE_SECONDS`).
    idle_override: Option<u32>,
}

/// The open store and which one it is.
pub struct Session {
    data_dir: PathBuf,
    store: Store,
    demo: bool,
    /// The day (Vietnam time) whose first use has been backed up.
    backed_up: Option<NaiveDate>,
    lock: LockState,
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
        let idle = crate::app::lock::idle_minutes(&store).ok().flatten();
        Session {
            data_dir: data_dir.to_path_buf(),
            store,
            demo: false,
            backed_up: Some(crate::date::vn_today(now)),
            // A data file with a lock opens locked.
            lock: LockState {
                idle: idle.map(|m| m * 60),
                locked: idle.is_some(),
                last_used: now,
                idle_override: None,
            },
        }
    }

    /// Makes the idle time this many seconds (tests; the lock itself still needs a PIN).
    pub fn set_idle_override(&mut self, seconds: Option<u32>) {
        self.lock.idle_override = seconds;
    }

    fn idle_seconds(&self) -> Option<u32> {
        self.lock.idle.map(|s| self.lock.idle_override.unwrap_or(s))
    }

    /// Locks when the lock is set and the app has not been used for its idle time (on the
    /// wall clock, so a sleeping PC counts).
    fn check_idle(&mut self, now: DateTime<Utc>) {
        if let Some(idle) = self.idle_seconds() {
            if (now - self.lock.last_used).num_seconds() >= i64::from(idle) {
                self.lock_now(now);
            }
        }
    }

    /// The gate every task passes: refused while locked (or once idle for too long); else
    /// counted as use, and the first use of a new day backs the data up.
    pub fn enter(&mut self, now: DateTime<Utc>) -> Result<()> {
        self.check_idle(now);
        if self.lock.locked {
            return Err(Error::new(
                ErrorCode::Locked,
                "Ứng dụng đang khóa. Hãy nhập mã khóa để mở.",
            ));
        }
        self.lock.last_used = now;
        self.touch(now);
        Ok(())
    }

    /// Locks now (the "Khóa" button, or idle), when a lock is set. The demo is closed first:
    /// the lock screen checks the PIN against the user's own data file.
    pub fn lock_now(&mut self, now: DateTime<Utc>) {
        if self.lock.idle.is_none() {
            return;
        }
        if self.demo {
            if let Ok(store) = crate::app::backup::open(&self.data_dir, now) {
                self.store = store;
                self.demo = false;
            }
        }
        self.lock.locked = true;
    }

    /// Unlocks with the PIN, passphrase or recovery code typed on the lock screen.
    pub fn unlock(&mut self, typed: &str, now: DateTime<Utc>) -> Result<AppInfo> {
        self.check_idle(now);
        if self.lock.locked {
            // The PIN lives in the user's own file: never check it against the demo's.
            if self.demo {
                self.store = crate::app::backup::open(&self.data_dir, now)?;
                self.demo = false;
            }
            crate::app::lock::unlock(&self.store, typed, now)?;
            self.lock.locked = false;
            self.lock.last_used = now;
        }
        self.info(now)
    }

    /// Sets or changes the lock (with the current PIN or recovery code when one is set);
    /// the answer is the new recovery code, shown once.
    pub fn set_lock(
        &mut self,
        current: Option<&str>,
        secret: &str,
        idle_minutes: u32,
        now: DateTime<Utc>,
    ) -> Result<String> {
        self.refuse_in_demo("đặt mã khóa")?;
        let code = crate::app::lock::set(&self.store, current, secret, idle_minutes, now)?;
        self.lock.idle = Some(idle_minutes * 60);
        Ok(code)
    }

    /// Removes the lock, with the current PIN or recovery code.
    pub fn remove_lock(&mut self, current: &str, now: DateTime<Utc>) -> Result<()> {
        self.refuse_in_demo("bỏ mã khóa")?;
        crate::app::lock::remove(&self.store, current, now)?;
        self.lock.idle = None;
        Ok(())
    }

    fn refuse_in_demo(&self, what: &str) -> Result<()> {
        if self.demo {
            return Err(Error::new(
                ErrorCode::Conflict,
                format!("Đang xem dữ liệu mẫu. Hãy thoát dữ liệu mẫu rồi {what}."),
            ));
        }
        Ok(())
    }

    /// The first use of a new day backs the user's data up.
    fn touch(&mut self, now: DateTime<Utc>) {
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
        let contents = crate::app::backup::restore(&mut self.store, path, other_owner_ok, now)?;
        // The copy brings its own lock (or none).
        let idle = crate::app::lock::idle_minutes(&self.store)?;
        self.lock.idle = idle.map(|m| m * 60);
        Ok(contents)
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

    /// Status for the UI at `now` (locking first if the app has been idle too long).
    pub fn status(&mut self, now: DateTime<Utc>) -> Result<AppInfo> {
        self.check_idle(now);
        self.info(now)
    }

    /// Status for the UI at `now`; while locked it names neither the group nor the ward.
    pub fn info(&self, now: DateTime<Utc>) -> Result<AppInfo> {
        let lock = LockInfo {
            enabled: self.lock.idle.is_some(),
            locked: self.lock.locked,
            idle_seconds: self.idle_seconds().unwrap_or(0),
        };
        if self.lock.locked {
            return Ok(AppInfo {
                db_path: self.store.path().display().to_string(),
                demo: false,
                group: None,
                fingerprint: None,
                ward: None,
                backup: None,
                version: env!("CARGO_PKG_VERSION").to_string(),
                now: now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                lock,
            });
        }
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
            lock,
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
