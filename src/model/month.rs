//! A month's report and its closing (khóa sổ): the figures, the leader's narrative, the
//! issued copies and the close/reopen log.

use super::figures::MonthFigures;
use super::group::Group;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The parts of a monthly report the leader writes; saved with the month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Narrative {
    /// Số nhà trọ, cơ sở cho thuê lưu trú on the area, as the leader counted them.
    #[serde(default)]
    pub lodging_houses: Option<u32>,
    /// Số người tạm trú.
    #[serde(default)]
    pub temporary_residents: Option<u32>,
    /// Các điểm, tụ điểm phức tạp về an ninh, trật tự.
    #[serde(default)]
    pub hot_spots: String,
    /// Đặc điểm tình hình: anything else the figures do not say.
    pub situation: String,
    /// Tồn tại, hạn chế.
    pub shortcomings: String,
    /// Phương hướng tháng tới.
    pub plans: String,
    /// Kiến nghị, đề xuất.
    pub proposals: String,
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

/// A category as the report prints it, with the month's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CategoryTotal {
    /// The category code counted in the figures (`MonthFigures::incidents.by_category`).
    #[serde(default)]
    pub code: String,
    pub name: String,
    pub count: u32,
}

/// A change made after a month was closed to one of its records (đính chính): it leaves the
/// issued report as it was, is listed in the report of the month it is made in, and travels
/// to the ward with the packages of both months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Amendment {
    /// The version row that records it; the same amendment has the same id everywhere.
    #[serde(default)]
    pub id: String,
    /// "incident" or "activity".
    #[serde(default)]
    pub record_kind: String,
    #[serde(default)]
    pub record_id: String,
    /// The record's title when amended.
    #[serde(default)]
    pub record_title: String,
    /// The closed month corrected, `YYYY-MM`.
    pub amends_month: String,
    /// When, UTC RFC 3339 (older issued copies kept "dd/mm/yyyy HH:MM").
    pub at: String,
    /// The labels of the fields changed (none for a record added or struck through).
    #[serde(default)]
    pub fields: Vec<String>,
    /// What was done, as the history says it: "Ghi mới", "Sửa 2 mục", "Gạch bỏ: ghi trùng".
    pub summary: String,
    #[serde(default)]
    pub editor: String,
}

impl Amendment {
    /// "Vụ việc: Trộm gà" or "Hoạt động: Họp dân".
    pub fn record_label(&self) -> String {
        let what = if self.record_kind == "activity" {
            "Hoạt động"
        } else {
            "Vụ việc"
        };
        format!("{what}: {}", self.record_title)
    }

    /// The month (`YYYY-MM`, Vietnam time) it was made in; its report lists it.
    pub fn made_in(&self) -> String {
        chrono::DateTime::parse_from_rfc3339(&self.at)
            .map(|t| {
                let d = crate::date::vn_today(t.with_timezone(&chrono::Utc));
                format!(
                    "{:04}-{:02}",
                    chrono::Datelike::year(&d),
                    chrono::Datelike::month(&d)
                )
            })
            .unwrap_or_default()
    }

    /// What changed, for a table: the fields' labels when known, else the summary.
    pub fn what_changed(&self) -> String {
        if self.summary == "Ghi mới" {
            "Ghi bổ sung".into()
        } else if self.fields.is_empty() {
            self.summary.clone()
        } else {
            format!("Sửa: {}", self.fields.join(", "))
        }
    }
}

/// Everything the monthly report says: the figures counted from the records, the details it
/// lists, and the leader's narrative.
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
    pub figures: MonthFigures,
    /// The figures of the month before and of the same month a year before, counted from the
    /// records, for the indicator table's comparison.
    #[serde(default)]
    pub previous: Option<MonthFigures>,
    #[serde(default)]
    pub year_ago: Option<MonthFigures>,
    /// The group's "Dân vận khéo" models in progress or recognised: "“Camera an ninh…” (được
    /// công nhận cấp cơ sở)".
    #[serde(default)]
    pub practices: Vec<String>,
    /// The report is dated before the month ends: its figures run to this ISO date.
    #[serde(default)]
    pub as_of: Option<String>,
    /// Who confirms the report beside the leader ("Trưởng Khu phố 3"), when the group asks.
    #[serde(default)]
    pub confirmation: Option<String>,
    /// Who joined and who left during the month.
    pub joined: Vec<String>,
    pub left: Vec<String>,
    pub incidents: Vec<IncidentLine>,
    /// The month's categories with their names, most incidents first.
    pub categories: Vec<CategoryTotal>,
    /// Amendments made during this month to months already closed.
    pub amendments: Vec<Amendment>,
    pub narrative: Narrative,
    pub closed: bool,
    /// The group's key fingerprint, printed so the ward can check the files it receives.
    #[serde(default)]
    pub key_fingerprint: String,
}

impl MonthlyData {
    /// Reads the figures kept with an issued report: this version's shape, or the shape of
    /// copies issued before the figures had their own type (converted, numbers unchanged).
    pub fn from_snapshot(json: &str) -> serde_json::Result<MonthlyData> {
        serde_json::from_str(json).or_else(|e| {
            serde_json::from_str::<legacy::MonthlyData>(json)
                .map(MonthlyData::from)
                .map_err(|_| e)
        })
    }
}

/// Issued copies made before `MonthFigures` existed kept the figures inside the report data.
mod legacy {
    use super::{Amendment, CategoryTotal, IncidentLine, Narrative};
    use crate::model::activity::ActivitySummary;
    use crate::model::group::Group;
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct MonthlyData {
        pub month: String,
        pub group: Group,
        pub number: u32,
        pub number_year: i32,
        pub issued_on: String,
        pub members: Members,
        pub shifts_planned: u32,
        pub patrols: Patrols,
        pub incidents: Vec<IncidentLine>,
        pub categories: Vec<CategoryTotal>,
        pub activities: ActivitySummary,
        pub amendments: Vec<LegacyAmendment>,
        pub narrative: Narrative,
        pub closed: bool,
        #[serde(default)]
        pub key_fingerprint: String,
    }

    #[derive(Deserialize)]
    pub struct Members {
        pub active: u32,
        /// Tổ trưởng and tổ phó together.
        pub leaders: u32,
        pub joined: Vec<String>,
        pub left: Vec<String>,
    }

    #[derive(Deserialize)]
    pub struct Patrols {
        pub patrols_held: u32,
        pub member_turns: u32,
        pub hours: f64,
        pub attendance_rate: f64,
    }

    #[derive(Deserialize)]
    pub struct LegacyAmendment {
        pub at: String,
        pub month: String,
        /// "Vụ việc: …" or "Hoạt động: …".
        pub record: String,
        pub summary: String,
    }

    impl From<LegacyAmendment> for Amendment {
        fn from(a: LegacyAmendment) -> Amendment {
            let (kind, title) = match a.record.split_once(": ") {
                Some(("Hoạt động", t)) => ("activity", t),
                Some((_, t)) => ("incident", t),
                None => ("incident", a.record.as_str()),
            };
            Amendment {
                id: String::new(),
                record_kind: kind.into(),
                record_id: String::new(),
                record_title: title.into(),
                amends_month: a.month,
                at: a.at,
                fields: Vec::new(),
                summary: a.summary,
                editor: String::new(),
            }
        }
    }
}

impl From<legacy::MonthlyData> for MonthlyData {
    fn from(d: legacy::MonthlyData) -> MonthlyData {
        use super::figures::{IncidentCounts, MemberCounts, PatrolFigures};
        let turns = d.patrols.member_turns;
        let figures = MonthFigures {
            // Older copies counted tổ trưởng and tổ phó together; they are kept as leaders.
            members: MemberCounts {
                active: d.members.active,
                leaders: d.members.leaders,
                deputies: 0,
                joined: d.members.joined.len() as u32,
                left: d.members.left.len() as u32,
            },
            patrols: PatrolFigures {
                shifts_planned: d.shifts_planned,
                patrols_held: d.patrols.patrols_held,
                member_turns: turns,
                minutes: (d.patrols.hours * 60.0).round() as u32,
                seats_recorded: if d.patrols.attendance_rate > 0.0 {
                    (f64::from(turns) / d.patrols.attendance_rate).round() as u32
                } else {
                    0
                },
            },
            incidents: IncidentCounts {
                total: d.incidents.len() as u32,
                transferred: d.incidents.iter().filter(|i| i.transferred).count() as u32,
                valuable_tips: d.incidents.iter().filter(|i| i.valuable_tip).count() as u32,
                by_category: d
                    .categories
                    .iter()
                    .map(|c| (super::incident::category_code(&c.name), c.count))
                    .collect(),
            },
            activities: d.activities,
        };
        MonthlyData {
            previous: None,
            year_ago: None,
            practices: Vec::new(),
            confirmation: None,
            as_of: None,
            categories: d
                .categories
                .into_iter()
                .map(|c| CategoryTotal {
                    code: super::incident::category_code(&c.name),
                    ..c
                })
                .collect(),
            month: d.month,
            group: d.group,
            number: d.number,
            number_year: d.number_year,
            issued_on: d.issued_on,
            figures,
            joined: d.members.joined,
            left: d.members.left,
            incidents: d.incidents,
            amendments: d.amendments.into_iter().map(Amendment::from).collect(),
            narrative: d.narrative,
            closed: d.closed,
            key_fingerprint: d.key_fingerprint,
        }
    }
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
    /// When it was issued, UTC RFC 3339.
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
