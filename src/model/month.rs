//! A month's report and its closing (khóa sổ): the figures, the leader's narrative, the
//! issued copies and the close/reopen log.

use super::activity::ActivitySummary;
use super::group::Group;
use super::patrol::PatrolFigures;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The parts of a monthly report the leader writes; saved with the month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Narrative {
    /// Đặc điểm tình hình: temporary residents, hot spots, anything the figures do not say.
    pub situation: String,
    /// Tồn tại, hạn chế.
    pub shortcomings: String,
    /// Phương hướng tháng tới.
    pub plans: String,
    /// Kiến nghị, đề xuất.
    pub proposals: String,
}

/// Members at the end of the month and who joined or left during it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MemberFigures {
    pub active: u32,
    /// Tổ trưởng and tổ phó among them.
    pub leaders: u32,
    pub joined: Vec<String>,
    pub left: Vec<String>,
}

/// One incident as the report's table shows it: no people's names, phones or ID numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct IncidentLine {
    pub id: String,
    pub version: i32,
    /// "dd/mm/yyyy HH:MM" (with "khoảng" when approximate).
    pub when: String,
    pub place: String,
    pub category: String,
    pub summary: String,
    pub outcome: String,
    pub transferred: bool,
    pub valuable_tip: bool,
}

/// A category and how many incidents of it in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CategoryTotal {
    pub name: String,
    pub count: u32,
}

/// A change made this month to a record of a month already closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Amendment {
    /// "dd/mm/yyyy HH:MM", Vietnam time.
    pub at: String,
    /// The closed month corrected, `YYYY-MM`.
    pub month: String,
    /// "Vụ việc: …" or "Hoạt động: …".
    pub record: String,
    pub summary: String,
}

/// Everything the monthly report says, computed from the records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MonthlyData {
    /// `YYYY-MM`.
    pub month: String,
    pub group: Group,
    /// Report number in its year ("Số: 05/BC-…"): assigned when the month is first closed,
    /// until then the number it would get.
    pub number: u32,
    pub number_year: i32,
    /// ISO date the report is dated (signed).
    pub issued_on: String,
    pub members: MemberFigures,
    pub shifts_planned: u32,
    pub patrols: PatrolFigures,
    pub incidents: Vec<IncidentLine>,
    pub categories: Vec<CategoryTotal>,
    pub activities: ActivitySummary,
    pub amendments: Vec<Amendment>,
    pub narrative: Narrative,
    pub closed: bool,
    /// The group's key fingerprint, printed so the ward can check the files it receives.
    #[serde(default)]
    pub key_fingerprint: String,
}

/// A report as it was issued when its month was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct IssuedReport {
    pub id: String,
    pub month: String,
    /// "05/BC-TTQ".
    pub number: String,
    /// ISO date on the paper.
    pub issued_on: String,
    /// When it was issued, "dd/mm/yyyy HH:MM".
    pub issued_at: String,
    pub editor: String,
    /// The data digest printed on it ("3F2A-91C0-…").
    pub digest: String,
    /// Replaced by a later issue after the month was reopened.
    pub withdrawn: bool,
    pub size_bytes: u32,
}

/// A closing or reopening of a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MonthEvent {
    pub month: String,
    /// "close" or "reopen".
    pub action: String,
    /// "dd/mm/yyyy HH:MM".
    pub at: String,
    pub editor: String,
    pub reason: String,
}

/// The state of a month for the report screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MonthState {
    pub month: String,
    pub closed: bool,
    pub narrative: Narrative,
    pub issued: Vec<IssuedReport>,
    pub events: Vec<MonthEvent>,
}

/// The report screen: the figures, the month's state and the laid-out pages to preview.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ReportView {
    pub data: MonthlyData,
    pub state: MonthState,
    /// The pages as printed: the issued copy when the month is closed, else the draft.
    pub layout: crate::report::Layout,
}
