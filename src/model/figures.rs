//! The month's figures: the numbers a monthly report prints, its spreadsheet lists and the
//! ward adds up. Integers only (patrol time in minutes, categories by code), so that the
//! digest printed on a report can be recomputed by anyone from the same numbers
//! (`docs/export-format.md`).

use super::activity::{ActivityKind, ActivitySummary};
use super::incident::IncidentStatus;
use super::member::Role;
use super::patrol::Attendance;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Members at the end of the month and the month's changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MemberCounts {
    /// Members in the group on the month's last day.
    pub active: u32,
    /// Tổ trưởng among them.
    pub leaders: u32,
    /// Tổ phó among them.
    pub deputies: u32,
    /// Members who joined during the month.
    pub joined: u32,
    /// Members who left during the month.
    pub left: u32,
}

/// The month's patrols as planned on the roster and as attended.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PatrolFigures {
    /// Shifts on the roster.
    pub shifts_planned: u32,
    /// Shifts with at least one member present (or substituted).
    pub patrols_held: u32,
    /// Seats covered: present or substituted.
    pub member_turns: u32,
    /// Minutes patrolled, over covered seats: actual times where recorded, else as planned.
    pub minutes: u32,
    /// Seats whose attendance was recorded (the attendance rate's denominator).
    pub seats_recorded: u32,
}

impl PatrolFigures {
    /// Số giờ công tuần tra: member-hours patrolled.
    pub fn hours(&self) -> f64 {
        f64::from(self.minutes) / 60.0
    }

    /// Covered seats over seats with attendance recorded, 0–1; `None` before any is recorded.
    pub fn attendance_rate(&self) -> Option<f64> {
        (self.seats_recorded > 0)
            .then(|| f64::from(self.member_turns) / f64::from(self.seats_recorded))
    }
}

/// The month's incidents (struck ones not counted).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct IncidentCounts {
    pub total: u32,
    /// Passed to the police (status "Đã chuyển Công an").
    pub transferred: u32,
    /// Marked as a valuable tip.
    pub valuable_tips: u32,
    /// Incidents by category code (a built-in code such as `trom_cap`, or a user category's id).
    pub by_category: BTreeMap<String, u32>,
}

/// The figures as export format 1 (and the ward's files of it) kept them: flat, hours as a
/// real, categories by name.
#[derive(Debug, Clone, Deserialize)]
pub struct FiguresV1 {
    pub members_active: u32,
    pub patrols_held: u32,
    pub member_turns: u32,
    pub hours: f64,
    pub incidents: u32,
    pub transferred: u32,
    pub valuable_tips: u32,
    pub mediations: u32,
    pub mediations_successful: u32,
    pub resident_meetings: u32,
    pub awareness_sessions: u32,
    pub households_committed: u32,
    pub categories: BTreeMap<String, u32>,
}

impl From<FiguresV1> for MonthFigures {
    fn from(f: FiguresV1) -> MonthFigures {
        let mut out = MonthFigures::default();
        out.members.active = f.members_active;
        out.patrols.patrols_held = f.patrols_held;
        out.patrols.member_turns = f.member_turns;
        out.patrols.minutes = (f.hours * 60.0).round() as u32;
        out.incidents.total = f.incidents;
        out.incidents.transferred = f.transferred;
        out.incidents.valuable_tips = f.valuable_tips;
        out.incidents.by_category = f
            .categories
            .into_iter()
            .map(|(name, n)| (crate::model::incident::category_code(&name), n))
            .collect();
        let a = &mut out.activities;
        a.mediations = f.mediations;
        a.mediations_successful = f.mediations_successful;
        a.resident_meetings = f.resident_meetings;
        a.awareness_sessions = f.awareness_sessions;
        a.households_committed = f.households_committed;
        out
    }
}

impl MonthFigures {
    /// Figures kept as JSON in this version's shape or in format 1's.
    pub fn from_stored(json: &str) -> serde_json::Result<MonthFigures> {
        serde_json::from_str(json).or_else(|e| {
            serde_json::from_str::<FiguresV1>(json)
                .map(MonthFigures::from)
                .map_err(|_| e)
        })
    }
}

/// Everything counted for one group and month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MonthFigures {
    pub members: MemberCounts,
    pub patrols: PatrolFigures,
    pub incidents: IncidentCounts,
    pub activities: ActivitySummary,
}

impl MonthFigures {
    /// Adds another group's figures (the ward's totals).
    pub fn add(&mut self, o: &MonthFigures) {
        let (m, p, i, a) = (
            &mut self.members,
            &mut self.patrols,
            &mut self.incidents,
            &mut self.activities,
        );
        m.active += o.members.active;
        m.leaders += o.members.leaders;
        m.deputies += o.members.deputies;
        m.joined += o.members.joined;
        m.left += o.members.left;
        p.shifts_planned += o.patrols.shifts_planned;
        p.patrols_held += o.patrols.patrols_held;
        p.member_turns += o.patrols.member_turns;
        p.minutes += o.patrols.minutes;
        p.seats_recorded += o.patrols.seats_recorded;
        i.total += o.incidents.total;
        i.transferred += o.incidents.transferred;
        i.valuable_tips += o.incidents.valuable_tips;
        for (c, n) in &o.incidents.by_category {
            *i.by_category.entry(c.clone()).or_default() += n;
        }
        let b = &o.activities;
        a.group_meetings += b.group_meetings;
        a.resident_meetings += b.resident_meetings;
        a.resident_meeting_attendees += b.resident_meeting_attendees;
        a.awareness_sessions += b.awareness_sessions;
        a.people_reached += b.people_reached;
        a.mediations += b.mediations;
        a.mediations_successful += b.mediations_successful;
        a.residence_support += b.residence_support;
        a.fire_rescue += b.fire_rescue;
        a.households_committed += b.households_committed;
    }
}

/// A member as the figures see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberFact {
    pub name: String,
    pub role: Role,
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
}

/// A shift on the roster: its date, planned times and seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftFact {
    pub date: NaiveDate,
    /// Planned start and end, "HH:MM" (an end before the start crosses midnight).
    pub start: String,
    pub end: String,
    pub seats: Vec<SeatFact>,
}

/// One member's seat on a shift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatFact {
    pub attendance: Option<Attendance>,
    /// Actual start and end, where recorded.
    pub actual: Option<(String, String)>,
}

/// An incident that counts (not struck through, not deleted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentFact {
    pub occurred_on: NaiveDate,
    pub category: String,
    pub status: IncidentStatus,
    pub valuable_tip: bool,
}

/// An activity that counts (not struck through, not deleted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFact {
    pub kind: ActivityKind,
    pub held_on: NaiveDate,
    pub people: Option<i32>,
    pub households: Option<i32>,
    pub mediation_success: Option<bool>,
}

/// A group's rows; any period, the functions keep the month's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub members: Vec<MemberFact>,
    pub shifts: Vec<ShiftFact>,
    pub incidents: Vec<IncidentFact>,
    pub activities: Vec<ActivityFact>,
}

/// A month as the half-open range of days `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The month `YYYY-MM` (or `MM/YYYY`).
    pub fn month(month: &str) -> Option<Period> {
        let (from, to) = crate::date::month_range(month)?;
        Some(Period {
            from: crate::date::from_iso(&from)?,
            to: crate::date::from_iso(&to)?,
        })
    }

    /// Whether `d` falls in the period.
    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.from && d < self.to
    }
}

// The one table of the month's indicators with their Vietnamese labels, in the order every
// document lists them: the monthly report's "các chỉ tiêu chính", the group's and the
// ward's spreadsheets, and the ward's consolidated report.

/// One indicator: a stable key, its label, whether the monthly report's main table shows it,
/// and its value.
pub struct Indicator {
    /// Stable snake_case name (spreadsheet column ids, tests).
    pub key: &'static str,
    pub label: &'static str,
    /// Shown in the monthly report's table of main indicators.
    pub main: bool,
    pub value: fn(&MonthFigures) -> f64,
}

/// Every indicator, in print order.
pub const INDICATORS: [Indicator; 12] = [
    Indicator {
        key: "members_active",
        label: "Thành viên cuối tháng",
        main: false,
        value: |f| f64::from(f.members.active),
    },
    Indicator {
        key: "patrols_held",
        label: "Ca tuần tra đã thực hiện",
        main: true,
        value: |f| f64::from(f.patrols.patrols_held),
    },
    Indicator {
        key: "member_turns",
        label: "Lượt người tham gia tuần tra",
        main: true,
        value: |f| f64::from(f.patrols.member_turns),
    },
    Indicator {
        key: "patrol_hours",
        label: "Số giờ công tuần tra",
        main: true,
        value: |f| f.patrols.hours(),
    },
    Indicator {
        key: "incidents",
        label: "Vụ việc phát hiện, ghi nhận",
        main: true,
        value: |f| f64::from(f.incidents.total),
    },
    Indicator {
        key: "transferred",
        label: "Vụ việc chuyển Công an",
        main: true,
        value: |f| f64::from(f.incidents.transferred),
    },
    Indicator {
        key: "valuable_tips",
        label: "Tin báo có giá trị",
        main: true,
        value: |f| f64::from(f.incidents.valuable_tips),
    },
    Indicator {
        key: "mediations",
        label: "Vụ hòa giải",
        main: false,
        value: |f| f64::from(f.activities.mediations),
    },
    Indicator {
        key: "mediations_successful",
        label: "Vụ hòa giải thành",
        main: true,
        value: |f| f64::from(f.activities.mediations_successful),
    },
    Indicator {
        key: "resident_meetings",
        label: "Buổi họp dân",
        main: true,
        value: |f| f64::from(f.activities.resident_meetings),
    },
    Indicator {
        key: "awareness_sessions",
        label: "Buổi tuyên truyền",
        main: false,
        value: |f| f64::from(f.activities.awareness_sessions),
    },
    Indicator {
        key: "households_committed",
        label: "Hộ ký cam kết",
        main: true,
        value: |f| f64::from(f.activities.households_committed),
    },
];
