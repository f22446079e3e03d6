//! Backups as the user sees them: what a copy of the data file holds, and how this PC's
//! copies stand (the last one, a failed one, the last copy taken off the PC).

use serde::Serialize;
use ts_rs::TS;

/// Whose data a database file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum DataKind {
    /// A group's ledger.
    Group,
    /// A ward's workspace (the groups' files it received).
    Ward,
    /// Nothing set up yet.
    Empty,
}

/// What a database file holds, read without changing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Contents {
    pub kind: DataKind,
    /// The group's or the ward's name.
    pub name: Option<String>,
    /// The group's id (a group's file only).
    pub group_id: Option<String>,
    /// Members still in the group (for a ward: in all its groups).
    #[ts(type = "number")]
    pub members: i64,
    /// Incidents and tips recorded and not struck out.
    #[ts(type = "number")]
    pub incidents: i64,
    /// Closed months, `YYYY-MM`, oldest first.
    pub closed_months: Vec<String>,
    /// Groups whose files the ward received (a ward's file only).
    #[ts(type = "number")]
    pub groups: i64,
    /// When the newest record was written (RFC 3339, UTC).
    pub last_record_at: Option<String>,
    /// The file's schema version (`PRAGMA user_version`).
    #[ts(type = "number")]
    pub schema_version: i64,
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct BackupInfo {
    /// Full path of the file.
    pub path: String,
    pub file_name: String,
    /// When it was made (RFC 3339, UTC): from its name, else the file's time.
    pub made_at: Option<String>,
    /// Why it was made ("Hằng ngày", "Trước khi chốt tháng"…), for a copy named by the app.
    pub occasion: Option<String>,
    #[ts(type = "number")]
    pub size: u64,
    /// What it holds; `None` when it cannot be read.
    pub contents: Option<Contents>,
    /// Why it cannot be restored (damaged, made by a newer version), in Vietnamese.
    pub problem: Option<String>,
    /// A USB copy sealed with a passphrase: it is opened (`unseal`) before anything else.
    pub sealed: bool,
}

/// How this PC's backups stand, for the first screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct BackupStatus {
    /// The folder of automatic backups.
    pub folder: String,
    /// The newest automatic or manual backup (RFC 3339, UTC).
    pub last_backup_at: Option<String>,
    /// The last automatic backup failed: what happened, in Vietnamese.
    pub problem: Option<String>,
    /// The last copy to a USB stick or another folder (RFC 3339, UTC).
    pub last_offsite_at: Option<String>,
    /// No copy off this PC in the last 30 days: remind the user.
    pub offsite_due: bool,
}
