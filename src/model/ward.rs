//! Sync and the ward workspace: what an import would change, the ward's identity, and the
//! reporting status of its groups.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// The first 8 bytes of a hash as people compare it by phone: "3F2A-91C0-7B44-E1D2".
pub fn short_code(hash: &[u8]) -> String {
    hash.iter()
        .take(8)
        .collect::<Vec<_>>()
        .chunks(2)
        .map(|c| c.iter().map(|b| format!("{b:02X}")).collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The short fingerprint of a public key (hex) printed on reports and receipts.
pub fn fingerprint(public_hex: &str) -> String {
    short_code(&Sha256::digest(public_hex.as_bytes()))
}

/// A table's rows as column-name-to-value maps.
pub type Rows = Vec<serde_json::Map<String, serde_json::Value>>;

/// Every table's rows of a group, by table name: what a package carries as `data.json`.
pub type DataSet = std::collections::BTreeMap<String, Rows>;

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

/// The issued report a closed month's file carries: its number, date and time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct IssuedCopy {
    /// "03/BC-TBV".
    pub number: String,
    /// The date on the paper, ISO.
    pub issued_on: String,
    /// When it was issued, UTC RFC 3339.
    pub issued_at: String,
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
    /// The month was still open when the group made the file: its figures are a draft.
    pub draft: bool,
    /// The data digest of the figures (as printed on the issued report).
    pub digest: String,
    /// Amendments to closed months the file carries.
    pub amendments: u32,
    /// The month's figures the file reports, shown before it is taken in.
    pub figures: crate::model::figures::MonthFigures,
    /// A new group's name is already on file under another key: that group's fingerprint.
    /// Two groups may share a name, but this is how a forged file would look.
    pub same_name_as: Option<String>,
    /// What the ward's checks found that does not refuse the file, in Vietnamese (e.g. the
    /// figures recounted from the rows differ from the signed ones).
    pub warnings: Vec<String>,
}

/// One chosen file's outcome at the ward: its preview (or import), or why it was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct FileOutcome {
    /// The file's name as chosen.
    pub file: String,
    pub preview: Option<ImportPreview>,
    pub error: Option<crate::error::Error>,
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
    /// The fingerprint of its encryption key, read out to groups by phone.
    pub encryption_fingerprint: Option<String>,
    /// How its documents are headed and signed, defaults filled in.
    pub documents: WardDocuments,
}

/// How the ward's printed documents are headed and signed. As typed, an empty field means
/// the default ([`WardDocuments::with_defaults`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct WardDocuments {
    /// Tên cơ quan chủ quản: "CÔNG AN TỈNH QUẢNG NINH".
    pub parent_body: String,
    /// The issuer's abbreviation after the document code: "CAP" in "Số: 12/BC-CAP".
    pub issuer_code: String,
    /// "KT. TRƯỞNG CÔNG AN PHƯỜNG" when a deputy signs; empty when the head signs.
    pub signer_on_behalf: String,
    /// "TRƯỞNG CÔNG AN PHƯỜNG", "PHÓ TRƯỞNG CÔNG AN PHƯỜNG".
    pub signer_title: String,
    /// The signer's full name.
    pub signer_name: String,
}

/// Provinces that are centrally run cities since 01/7/2025: "Công an thành phố …".
const CITIES: &[&str] = &[
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
];

impl WardDocuments {
    /// The settings with each empty field set from the ward's name and province: a police
    /// unit ("Công an phường …") sits under "CÔNG AN TỈNH …", signs as its head and codes
    /// its documents CAP / CAX / CAĐK.
    pub fn with_defaults(mut self, name: &str, province_name: &str, commune_name: &str) -> Self {
        let police = crate::text::fold(name).starts_with("cong an");
        let kind = super::commune::CommuneKind::of(commune_name);
        if self.parent_body.is_empty() {
            let province = province_name.trim();
            let folded = crate::text::fold(province);
            let province = if folded.starts_with("tinh ") || folded.starts_with("thanh pho ") {
                province.to_string()
            } else if CITIES.iter().any(|c| {
                crate::text::fold(c) == folded || folded == format!("tp {}", crate::text::fold(c))
            }) {
                format!(
                    "thành phố {}",
                    province
                        .trim_start_matches("TP ")
                        .trim_start_matches("TP. ")
                )
            } else {
                format!("tỉnh {province}")
            };
            self.parent_body = if police {
                format!("Công an {province}")
            } else {
                format!("UBND {province}")
            }
            .to_uppercase();
        }
        if self.issuer_code.is_empty() && police {
            self.issuer_code = kind.police_code().to_string();
        }
        if self.signer_title.is_empty() {
            self.signer_title = if police {
                format!("Trưởng Công an {}", kind.word())
            } else {
                "Người tổng hợp".to_string()
            }
            .to_uppercase();
        }
        self
    }
}

/// Where a group stands for one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum ReportState {
    /// Đúng hạn: sent by the deadline.
    OnTime,
    /// Muộn: first sent after the deadline.
    Late,
    /// Chưa nộp: the deadline has passed and nothing came.
    Missing,
    /// Chưa đến hạn: nothing yet, and the deadline has not passed.
    NotDue,
}

impl ReportState {
    /// The word the status table and the reports use.
    pub fn label(self) -> &'static str {
        match self {
            ReportState::OnTime => "đúng hạn",
            ReportState::Late => "muộn",
            ReportState::Missing => "chưa nộp",
            ReportState::NotDue => "chưa đến hạn",
        }
    }

    /// Whether a file has come for the month.
    pub fn received(self) -> bool {
        matches!(self, ReportState::OnTime | ReportState::Late)
    }
}

/// One group's month: where it stands and what its file said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MonthCell {
    pub state: ReportState,
    /// The latest file for the month is a draft (the month was open when it was made).
    pub draft: bool,
    /// The group amended the month after closing it.
    pub amended: bool,
    /// The month is before the group's first file: not counted against it, shown "—".
    pub before_first: bool,
    /// Warnings the ward's checks found in the month's files.
    pub warnings: Vec<String>,
}

/// A month of the status table: its deadline and whether it has passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct StatusMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// The last day reports are on time, ISO (23:59 Vietnam time that day).
    pub deadline: String,
    /// The deadline has passed.
    pub due: bool,
}

/// One group's reporting over the months asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct GroupStatus {
    pub group_id: String,
    pub name: String,
    pub fingerprint: String,
    /// One cell per month, in the order asked.
    pub months: Vec<MonthCell>,
    /// The last file received from the group: its month and when ("dd/mm/yyyy HH:MM").
    pub last_file: Option<(String, String)>,
    /// Where it stands for last month (the summary's month); none before its first file.
    pub last_month: Option<ReportState>,
    /// Incidents its file for last month reports (none without a file).
    pub incidents_last: Option<u32>,
    /// …and its file for the month before that.
    pub incidents_before: Option<u32>,
}

/// Last month (the one being reported now) at a glance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MonthSummary {
    /// `YYYY-MM`.
    pub month: String,
    /// The deadline day, ISO.
    pub deadline: String,
    /// Days from today to the deadline: 0 on the day, negative once it has passed.
    pub days_left: i32,
    pub on_time: u32,
    pub late: u32,
    pub missing: u32,
    pub not_due: u32,
    /// Incidents in the files received for the month.
    pub incidents: u32,
    /// Of those, from groups that also sent the month before…
    pub incidents_compared: u32,
    /// …and what those groups reported the month before.
    pub incidents_before: u32,
}

/// Reporting rates over the months that are due.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct StatusTotals {
    /// Group-months that are due.
    pub due: u32,
    /// Of those, received (on time or late).
    pub received: u32,
    /// Of those, on time.
    pub on_time: u32,
}

/// The groups × months table with each month's deadline and the rates over due months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct WardStatus {
    pub months: Vec<StatusMonth>,
    pub groups: Vec<GroupStatus>,
    pub totals: StatusTotals,
    pub summary: MonthSummary,
}

/// A receipt from the ward, as the group sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ReceiptInfo {
    pub period: String,
    pub ward_name: String,
    /// "dd/mm/yyyy HH:MM".
    pub received_at: String,
    /// The fingerprint of the ward's encryption key when this receipt brought it (the group
    /// had none pinned): from now on files for the ward are encrypted.
    pub pinned_key: Option<String>,
}

/// One group's month at the ward, for the consolidated report and spreadsheet: where it
/// stands, and its figures if a file came.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMonth {
    pub name: String,
    pub state: ReportState,
    /// The day the first file for the month was sent (Vietnam time): what on time is judged by.
    pub sent_on: Option<chrono::NaiveDate>,
    /// The day the ward received that file (Vietnam time).
    pub received_on: Option<chrono::NaiveDate>,
    pub figures: Option<crate::model::figures::MonthFigures>,
    /// The group's figures of the month before, if a file for it came.
    pub previous: Option<crate::model::figures::MonthFigures>,
    /// The latest file is a draft (the group had not closed the month).
    pub draft: bool,
}

/// The ward's encryption key as the group pinned it: packages are encrypted to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct WardRecipient {
    pub ward_name: String,
    pub commune_code: String,
    /// The age X25519 recipient, `age1…`.
    pub recipient: String,
    /// The ward's signing key (hex) that signed the key file.
    pub signing_key: String,
    /// The short code read out by phone.
    pub fingerprint: String,
    /// When it was pinned, UTC RFC 3339.
    pub pinned_at: String,
    /// How it came: "tệp khóa", "biên nhận".
    pub source: String,
    /// Who at the ward confirmed a changed key by phone.
    pub confirmed_by: Option<String>,
}

/// A ward key file read by the group: the key, and the one it would replace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RecipientPreview {
    pub key: WardRecipient,
    /// The fingerprint of the different key pinned before; a change needs confirming.
    pub replaces: Option<String>,
    /// The same key was already pinned.
    pub unchanged: bool,
    /// Whether it was pinned (false for a preview).
    pub applied: bool,
}
