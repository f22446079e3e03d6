//! Activities the monthly report counts: meetings, awareness sessions, mediations,
//! residence support, fire and rescue work, household commitments. One model: common
//! fields plus details that depend on the kind.

use crate::date;
use crate::error::{Error, FieldError, Result};
use crate::text::clean;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of activity; its details follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum ActivityKind {
    /// Họp tổ.
    HopTo,
    /// Họp dân.
    HopDan,
    /// Tuyên truyền.
    TuyenTruyen,
    /// Hòa giải.
    HoaGiai,
    /// Hỗ trợ quản lý cư trú.
    HoTroCuTru,
    /// PCCC và cứu nạn.
    PcccCuuNan,
    /// Hộ ký cam kết.
    CamKet,
}

impl ActivityKind {
    /// All kinds, in the order offered.
    pub const ALL: [ActivityKind; 7] = [
        ActivityKind::HopTo,
        ActivityKind::HopDan,
        ActivityKind::TuyenTruyen,
        ActivityKind::HoaGiai,
        ActivityKind::HoTroCuTru,
        ActivityKind::PcccCuuNan,
        ActivityKind::CamKet,
    ];

    /// The Vietnamese name.
    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::HopTo => "Họp tổ",
            ActivityKind::HopDan => "Họp dân",
            ActivityKind::TuyenTruyen => "Tuyên truyền",
            ActivityKind::HoaGiai => "Hòa giải",
            ActivityKind::HoTroCuTru => "Hỗ trợ quản lý cư trú",
            ActivityKind::PcccCuuNan => "PCCC, cứu nạn",
            ActivityKind::CamKet => "Hộ ký cam kết",
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ActivityKind::HopTo => "hop_to",
            ActivityKind::HopDan => "hop_dan",
            ActivityKind::TuyenTruyen => "tuyen_truyen",
            ActivityKind::HoaGiai => "hoa_giai",
            ActivityKind::HoTroCuTru => "ho_tro_cu_tru",
            ActivityKind::PcccCuuNan => "pccc_cuu_nan",
            ActivityKind::CamKet => "cam_ket",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<ActivityKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the kind is a meeting (attendees, conclusions, assignments apply).
    pub fn is_meeting(self) -> bool {
        matches!(self, ActivityKind::HopTo | ActivityKind::HopDan)
    }
}

/// A task given at a meeting: who does what by when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Assignment {
    pub who: String,
    pub what: String,
    /// dd/mm/yyyy as typed; stored ISO.
    pub due: String,
}

/// An activity as typed; which fields matter depends on `kind` (the form shows only those).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ActivityInput {
    pub kind: ActivityKind,
    pub held_on: String,
    pub title: String,
    pub place: String,
    /// What was done or discussed.
    pub content: String,
    /// Meetings: how many attended. Awareness, fire/rescue: people reached.
    pub people: Option<i32>,
    /// Residence support, commitments: households concerned.
    pub households: Option<i32>,
    /// Meetings: conclusions.
    pub conclusions: String,
    /// Meetings: who is assigned what by when.
    pub assignments: Vec<Assignment>,
    /// Mediations: the parties (sensitive).
    pub parties: String,
    /// Mediations: whether it succeeded (hòa giải thành).
    pub mediation_success: Option<bool>,
    pub editor: String,
}

/// A stored activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Activity {
    pub id: String,
    pub kind: ActivityKind,
    /// ISO date.
    pub held_on: String,
    pub title: String,
    pub place: Option<String>,
    pub content: Option<String>,
    pub people: Option<i32>,
    pub households: Option<i32>,
    pub conclusions: Option<String>,
    /// Due dates ISO.
    pub assignments: Vec<Assignment>,
    pub parties: Option<String>,
    pub mediation_success: Option<bool>,
    pub struck: bool,
    pub strike_reason: Option<String>,
    pub version: i32,
    pub created_at: String,
    pub updated_at: String,
}

/// Filter for the activity list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ActivityFilter {
    /// `YYYY-MM`.
    pub month: Option<String>,
    pub kind: Option<ActivityKind>,
    pub search: String,
    pub include_struck: bool,
}

/// The month's activity figures the report adds up (struck records not counted).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ActivitySummary {
    pub group_meetings: u32,
    pub resident_meetings: u32,
    pub resident_meeting_attendees: u32,
    pub awareness_sessions: u32,
    pub people_reached: u32,
    pub mediations: u32,
    pub mediations_successful: u32,
    pub residence_support: u32,
    pub fire_rescue: u32,
    pub households_committed: u32,
}

/// An activity after validation: only the fields its kind uses are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidActivity {
    pub kind: ActivityKind,
    pub held_on: NaiveDate,
    pub title: String,
    pub place: Option<String>,
    pub content: Option<String>,
    pub people: Option<i32>,
    pub households: Option<i32>,
    pub conclusions: Option<String>,
    pub assignments: Vec<Assignment>,
    pub parties: Option<String>,
    pub mediation_success: Option<bool>,
    pub editor: String,
}

fn opt(s: &str) -> Option<String> {
    let lines: Vec<String> = s.lines().map(clean).collect();
    let c = lines.join("\n").trim().to_string();
    (!c.is_empty()).then_some(c)
}

/// Checks the fields that the kind uses and drops the others.
pub fn validate(input: &ActivityInput, today: NaiveDate) -> Result<ValidActivity> {
    use ActivityKind as K;
    let kind = input.kind;
    let mut errs = Vec::new();
    let held_on = match date::parse(&input.held_on) {
        Some(d) if d > today => {
            errs.push(FieldError::new(
                "held_on",
                "Ngày thực hiện không thể ở tương lai.",
            ));
            None
        }
        Some(d) => Some(d),
        None => {
            errs.push(FieldError::new(
                "held_on",
                date::wrong_date("Ngày", &input.held_on, "15/11/2026"),
            ));
            None
        }
    };
    let title = clean(&input.title);
    let title = if title.is_empty() {
        kind.label().to_string()
    } else {
        title
    };
    let count = |field: &str, v: Option<i32>, what: &str, errs: &mut Vec<FieldError>| match v {
        Some(n) if !(0..=100_000).contains(&n) => {
            errs.push(FieldError::new(
                field,
                format!("{what} phải từ 0 đến 100.000."),
            ));
            None
        }
        other => other,
    };
    let uses_people = matches!(
        kind,
        K::HopTo | K::HopDan | K::TuyenTruyen | K::PcccCuuNan | K::HoTroCuTru
    );
    let uses_households = matches!(kind, K::HoTroCuTru | K::CamKet);
    let people = if uses_people {
        count("people", input.people, "Số người", &mut errs)
    } else {
        None
    };
    let households = if uses_households {
        count("households", input.households, "Số hộ", &mut errs)
    } else {
        None
    };
    if kind == K::CamKet
        && households.unwrap_or(0) == 0
        && !errs.iter().any(|e| e.field == "households")
    {
        errs.push(FieldError::new(
            "households",
            "Hãy ghi số hộ đã ký cam kết.",
        ));
    }
    let mut assignments = Vec::new();
    if kind.is_meeting() {
        for (i, a) in input.assignments.iter().enumerate() {
            let (who, what) = (clean(&a.who), clean(&a.what));
            if who.is_empty() && what.is_empty() && a.due.trim().is_empty() {
                continue;
            }
            let due = if a.due.trim().is_empty() {
                String::new()
            } else {
                match date::parse(&a.due) {
                    Some(d) => date::iso(d),
                    None => {
                        errs.push(FieldError::new(
                            &format!("assignments.{i}.due"),
                            "Hạn hoàn thành chưa đúng (ngày/tháng/năm).",
                        ));
                        String::new()
                    }
                }
            };
            if who.is_empty() || what.is_empty() {
                errs.push(FieldError::new(
                    &format!("assignments.{i}.who"),
                    "Mỗi việc được giao cần ghi người nhận và nội dung.",
                ));
            }
            assignments.push(Assignment { who, what, due });
        }
    }
    let mediation_success = if kind == K::HoaGiai {
        if input.mediation_success.is_none() {
            errs.push(FieldError::new(
                "mediation_success",
                "Hãy chọn kết quả hòa giải (thành / không thành).",
            ));
        }
        input.mediation_success
    } else {
        None
    };
    let editor = clean(&input.editor);
    if editor.is_empty() {
        errs.push(FieldError::new("editor", "Hãy ghi tên người ghi chép."));
    }
    if !errs.is_empty() {
        return Err(Error::invalid(errs));
    }
    Ok(ValidActivity {
        kind,
        held_on: held_on.expect("checked"),
        title,
        place: opt(&input.place),
        content: opt(&input.content),
        people,
        households,
        conclusions: if kind.is_meeting() {
            opt(&input.conclusions)
        } else {
            None
        },
        assignments,
        parties: if kind == K::HoaGiai {
            opt(&input.parties)
        } else {
            None
        },
        mediation_success,
        editor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(kind: ActivityKind) -> ActivityInput {
        ActivityInput {
            kind,
            held_on: "15/11/2026".into(),
            title: "".into(),
            place: "Nhà văn hóa khu phố 3".into(),
            content: "Phổ biến phòng chống lừa đảo qua mạng".into(),
            people: Some(45),
            households: Some(12),
            conclusions: "Tăng tuần tra".into(),
            assignments: vec![],
            parties: "Hộ ông A và hộ bà B".into(),
            mediation_success: Some(true),
            editor: "Trần Văn Quyết".into(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn only_the_kinds_fields_are_kept() {
        let v = validate(&base(ActivityKind::TuyenTruyen), today()).unwrap();
        assert_eq!(v.title, "Tuyên truyền");
        assert_eq!(v.people, Some(45));
        assert_eq!(
            (v.households, v.parties, v.conclusions, v.mediation_success),
            (None, None, None, None)
        );
        let v = validate(&base(ActivityKind::HoaGiai), today()).unwrap();
        assert_eq!(v.mediation_success, Some(true));
        assert_eq!(v.people, None);
    }

    #[test]
    fn meeting_assignments_are_checked() {
        let mut m = base(ActivityKind::HopDan);
        m.assignments = vec![
            Assignment {
                who: "Ông Hùng".into(),
                what: "Lắp đèn ngõ 5".into(),
                due: "30/11/2026".into(),
            },
            Assignment::default(),
            Assignment {
                who: "".into(),
                what: "Dọn bãi rác".into(),
                due: "31/11/2026".into(),
            },
        ];
        let e = validate(&m, today()).unwrap_err();
        let f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(f, ["assignments.2.due", "assignments.2.who"]);
        m.assignments.pop();
        let v = validate(&m, today()).unwrap();
        assert_eq!(v.assignments.len(), 1);
        assert_eq!(v.assignments[0].due, "2026-11-30");
    }

    #[test]
    fn mediation_needs_a_result_and_commitments_a_count() {
        let mut m = base(ActivityKind::HoaGiai);
        m.mediation_success = None;
        assert_eq!(
            validate(&m, today()).unwrap_err().fields[0].field,
            "mediation_success"
        );
        let mut c = base(ActivityKind::CamKet);
        c.households = None;
        assert_eq!(
            validate(&c, today()).unwrap_err().fields[0].field,
            "households"
        );
    }
}

super::named!(ActivityKind: [HopTo, HopDan, TuyenTruyen, HoaGiai, HoTroCuTru, PcccCuuNan, CamKet]);
