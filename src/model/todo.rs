//! "Tháng này", the group's first screen: what is due now, the month's key figures so far,
//! and the data of its small charts.

use serde::Serialize;
use ts_rs::TS;

/// What a to-do item is about: a stable name for code and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum TodoKind {
    /// Last month has ended and is not closed (khóa sổ).
    LastMonthNotClosed,
    /// Last month is closed but its closed copy was not saved for the ward.
    LastMonthNotSent,
    /// Last month is closed but the ward's receipt for it has not been imported.
    NoReceipt,
    /// Shifts before today with a seat whose attendance is not marked.
    ShiftsWithoutAttendance,
    /// This month has no roster at all.
    RosterMissing,
    /// In the month's last 7 days, next month has no roster yet.
    NextRosterMissing,
    /// Members in the group without a health certificate date.
    MembersWithoutHealthCert,
    /// Members in the group without the date they agreed to the processing of their data.
    MembersWithoutConsent,
    /// Leavers kept longer than the group's setting, due to be anonymised.
    LeaversDueForAnonymising,
}

/// The screen that fixes an item; the same names as the UI's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum TodoArea {
    Members,
    Patrols,
    Report,
    Send,
}

/// One thing to do now, said with the records' own names, counts and dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct TodoItem {
    pub kind: TodoKind,
    /// What to do, in Vietnamese.
    pub text: String,
    pub area: TodoArea,
}

/// The month's key figures so far (struck-through records not counted).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct KeyFigures {
    pub incidents: u32,
    pub valuable_tips: u32,
    /// Passed to the police.
    pub transferred: u32,
    /// Shifts on the month's roster.
    pub shifts_planned: u32,
    /// Shifts with at least one member present (or substituted).
    pub patrols_held: u32,
    /// Activities recorded (meetings, mediations, awareness sessions…).
    pub activities: u32,
    /// Members in the group today.
    pub members: u32,
}

/// Incidents of one month, for the year's bars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Short label under the bar: `T12` (the year is `month`'s).
    pub label: String,
    pub count: u32,
}

/// Incidents of one category this month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CategoryBar {
    pub name: String,
    pub count: u32,
}

/// One member's shifts this month: on the roster, attended (marked present), and done in
/// someone else's place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MemberAttendance {
    pub name: String,
    pub planned: u32,
    pub attended: u32,
    pub stood_in: u32,
}

/// The "Tháng này" screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ThisMonth {
    /// `YYYY-MM` of today in Vietnam.
    pub month: String,
    /// `12/2026`.
    pub month_label: String,
    /// Today, `dd/mm/yyyy`.
    pub today: String,
    /// What is due now, most pressing first; empty when nothing is.
    pub todo: Vec<TodoItem>,
    pub figures: KeyFigures,
    /// The last 12 months, oldest first, this month last.
    pub incidents_by_month: Vec<MonthCount>,
    /// This month's incidents by category name, most first.
    pub incidents_by_category: Vec<CategoryBar>,
    /// This month's roster, member by member.
    pub attendance: Vec<MemberAttendance>,
}
