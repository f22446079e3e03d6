//! Sync and the ward workspace: what an import would change, the ward's identity, and the
//! reporting status of its groups.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One table's share of an import: rows new, changed and unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct TableChange {
    pub table: String,
    pub new: u32,
    pub changed: u32,
    pub unchanged: u32,
}

/// Whether the group's key is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum KeyStatus {
    /// First file of this group: its key will be pinned.
    New,
    /// Signed with the pinned key.
    Known,
    /// Signed with another key (confirmed by the user).
    Changed,
}

/// What importing a file does (or did): whose file, which month, how many rows change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ImportPreview {
    pub file_name: String,
    pub group_id: String,
    pub group_name: String,
    /// `YYYY-MM`.
    pub period: String,
    /// The group's key fingerprint, to compare with the signed paper report.
    pub fingerprint: String,
    pub key: KeyStatus,
    /// The same file was imported before (nothing changes).
    pub already_imported: bool,
    pub tables: Vec<TableChange>,
    pub new: u32,
    pub changed: u32,
    pub unchanged: u32,
    /// Written (false for a dry run).
    pub applied: bool,
}

/// The ward workspace's identity, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct WardInput {
    /// E.g. "Công an phường Yên Hải".
    pub name: String,
    pub province_code: String,
    pub province_name: String,
    pub commune_code: String,
    pub commune_name: String,
    /// Reports are on time until this day of the next month.
    pub deadline_day: u8,
}

/// The ward workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Ward {
    pub name: String,
    pub province_code: String,
    pub province_name: String,
    pub commune_code: String,
    pub commune_name: String,
    pub deadline_day: u8,
    pub fingerprint: String,
}

/// Where a group stands for one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum ReportState {
    /// Đã nộp đúng hạn.
    OnTime,
    /// Nộp muộn.
    Late,
    /// Chưa nộp.
    Missing,
}

/// One group's reporting over the months asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct GroupStatus {
    pub group_id: String,
    pub name: String,
    pub fingerprint: String,
    /// One state per month, in the order asked.
    pub months: Vec<ReportState>,
    /// The last file received from the group: its month and when ("dd/mm/yyyy HH:MM").
    pub last_file: Option<(String, String)>,
}

/// A receipt from the ward, as the group sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ReceiptInfo {
    pub period: String,
    pub ward_name: String,
    /// "dd/mm/yyyy HH:MM".
    pub received_at: String,
}
