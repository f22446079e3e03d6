//! Incidents (vụ việc) and tips passed to police: input, stored form, validation, categories.

use crate::date;
use crate::error::{Error, FieldError, Result};
use crate::text::clean;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an incident stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum IncidentStatus {
    /// Mới.
    Moi,
    /// Đang theo dõi.
    DangTheoDoi,
    /// Đã chuyển Công an (when and to whom are required).
    DaChuyenCongAn,
    /// Hòa giải thành.
    HoaGiaiThanh,
    /// Đã giải quyết.
    DaGiaiQuyet,
}

impl IncidentStatus {
    /// All statuses in the order offered.
    pub const ALL: [IncidentStatus; 5] = [
        IncidentStatus::Moi,
        IncidentStatus::DangTheoDoi,
        IncidentStatus::DaChuyenCongAn,
        IncidentStatus::HoaGiaiThanh,
        IncidentStatus::DaGiaiQuyet,
    ];

    /// The Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            IncidentStatus::Moi => "Mới",
            IncidentStatus::DangTheoDoi => "Đang theo dõi",
            IncidentStatus::DaChuyenCongAn => "Đã chuyển Công an",
            IncidentStatus::HoaGiaiThanh => "Hòa giải thành",
            IncidentStatus::DaGiaiQuyet => "Đã giải quyết",
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            IncidentStatus::Moi => "moi",
            IncidentStatus::DangTheoDoi => "dang_theo_doi",
            IncidentStatus::DaChuyenCongAn => "da_chuyen_cong_an",
            IncidentStatus::HoaGiaiThanh => "hoa_giai_thanh",
            IncidentStatus::DaGiaiQuyet => "da_giai_quyet",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<IncidentStatus> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Who reported an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum ReporterKind {
    /// A member of the group (by id).
    Member,
    /// A resident (by name, optional).
    Resident,
}

impl ReporterKind {
    /// The stored name: `member` or `resident`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReporterKind::Member => "member",
            ReporterKind::Resident => "resident",
        }
    }
}

/// The categories used in practice; codes are stable, user categories get their own ids.
pub const BUILTIN_CATEGORIES: &[(&str, &str)] = &[
    ("trom_cap", "Trộm cắp tài sản"),
    ("cuop_giat", "Cướp, cướp giật"),
    ("danh_nhau", "Đánh nhau, gây rối trật tự công cộng"),
    ("ma_tuy", "Ma túy"),
    ("co_bac", "Cờ bạc, số đề"),
    ("mai_dam", "Mại dâm"),
    ("bao_luc_gia_dinh", "Bạo lực gia đình"),
    ("tranh_chap", "Tranh chấp, mâu thuẫn"),
    ("giao_thong", "Tai nạn, vi phạm trật tự ATGT"),
    ("chay_no", "Cháy, nổ"),
    ("thien_tai", "Thiên tai, cứu nạn"),
    ("lua_dao", "Lừa đảo (kể cả trên mạng)"),
    ("tin_dung_den", "Tín dụng đen"),
    ("cu_tru", "Vi phạm cư trú, người lạ"),
    ("khac", "Khác"),
];

/// The built-in code of a category named `name`, or the name itself for a user category
/// (figures counted by older versions kept names, not codes).
pub fn category_code(name: &str) -> String {
    BUILTIN_CATEGORIES
        .iter()
        .find(|(_, n)| *n == name)
        .map_or_else(|| name.to_string(), |(c, _)| c.to_string())
}

/// The name of a built-in category code.
pub fn builtin_category_name(code: &str) -> Option<&'static str> {
    BUILTIN_CATEGORIES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

/// An incident category, built in or added by the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Category {
    /// A built-in code (e.g. `trom_cap`) or the id of a user category.
    pub code: String,
    pub name: String,
    pub builtin: bool,
}

/// An incident as typed in the form; dates dd/mm/yyyy, time HH:MM, `""` for empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct IncidentInput {
    pub occurred_on: String,
    pub occurred_time: String,
    /// The time is approximate ("khoảng").
    pub time_approx: bool,
    pub place: String,
    pub landmark: String,
    pub category: String,
    pub title: String,
    /// What happened: behaviour, not appearance.
    pub description: String,
    /// People involved: sensitive, left out of prints and exports unless asked for.
    pub people_involved: String,
    pub reporter_kind: ReporterKind,
    pub reporter_member_id: Option<String>,
    pub reporter_name: String,
    pub action_taken: String,
    pub status: IncidentStatus,
    pub transferred_on: String,
    pub transferred_to: String,
    /// A tip of value (tin có giá trị) passed to police.
    pub valuable_tip: bool,
    /// The patrol-log entry this incident was raised from, if any.
    pub patrol_log_id: Option<String>,
    /// Who records this change (shown in the history).
    pub editor: String,
}

/// A stored incident, in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Incident {
    pub id: String,
    /// ISO date.
    pub occurred_on: String,
    /// HH:MM, 24-hour, Vietnam time.
    pub occurred_time: Option<String>,
    pub time_approx: bool,
    pub place: String,
    pub landmark: Option<String>,
    pub category: String,
    pub category_name: String,
    pub title: String,
    pub description: String,
    pub people_involved: Option<String>,
    pub reporter_kind: ReporterKind,
    pub reporter_member_id: Option<String>,
    pub reporter_name: Option<String>,
    pub action_taken: Option<String>,
    pub status: IncidentStatus,
    pub transferred_on: Option<String>,
    pub transferred_to: Option<String>,
    pub valuable_tip: bool,
    pub patrol_log_id: Option<String>,
    /// Struck through (deleted with a reason); kept and shown crossed out.
    pub struck: bool,
    pub strike_reason: Option<String>,
    pub version: i32,
    pub created_at: String,
    pub updated_at: String,
}

impl Incident {
    /// The incident as the form shows it for editing, to be saved by `editor`.
    pub fn to_input(&self, editor: &str) -> IncidentInput {
        let d = |s: &Option<String>| {
            s.as_deref()
                .and_then(crate::date::from_iso)
                .map(crate::date::format)
                .unwrap_or_default()
        };
        IncidentInput {
            occurred_on: d(&Some(self.occurred_on.clone())),
            occurred_time: self.occurred_time.clone().unwrap_or_default(),
            time_approx: self.time_approx,
            place: self.place.clone(),
            landmark: self.landmark.clone().unwrap_or_default(),
            category: self.category.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            people_involved: self.people_involved.clone().unwrap_or_default(),
            reporter_kind: self.reporter_kind,
            reporter_member_id: self.reporter_member_id.clone(),
            reporter_name: self.reporter_name.clone().unwrap_or_default(),
            action_taken: self.action_taken.clone().unwrap_or_default(),
            status: self.status,
            transferred_on: d(&self.transferred_on),
            transferred_to: self.transferred_to.clone().unwrap_or_default(),
            valuable_tip: self.valuable_tip,
            patrol_log_id: self.patrol_log_id.clone(),
            editor: editor.to_string(),
        }
    }
}

/// A row of the incident list: no sensitive fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct IncidentRow {
    pub id: String,
    pub occurred_on: String,
    pub occurred_time: Option<String>,
    pub time_approx: bool,
    pub place: String,
    pub category: String,
    pub category_name: String,
    pub title: String,
    pub status: IncidentStatus,
    pub valuable_tip: bool,
    pub struck: bool,
}

/// Filter for the incident list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct IncidentFilter {
    /// `YYYY-MM`.
    pub month: Option<String>,
    pub category: Option<String>,
    pub status: Option<IncidentStatus>,
    /// Folded search over title, description, place and landmark.
    pub search: String,
    /// Also list struck-through records.
    pub include_struck: bool,
    /// At most this many rows (newest first); all when absent.
    pub limit: Option<u32>,
}

/// The incident list: the rows shown and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct IncidentList {
    pub items: Vec<IncidentRow>,
    pub total: u32,
}

/// How many incidents of a category in a month (struck ones not counted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CategoryCount {
    /// `YYYY-MM`.
    pub month: String,
    pub category: String,
    pub name: String,
    pub count: u32,
}

/// An incident's fields after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidIncident {
    pub occurred_on: NaiveDate,
    pub occurred_time: Option<String>,
    pub time_approx: bool,
    pub place: String,
    pub landmark: Option<String>,
    pub category: String,
    pub title: String,
    pub description: String,
    pub people_involved: Option<String>,
    pub reporter_kind: ReporterKind,
    pub reporter_member_id: Option<String>,
    pub reporter_name: Option<String>,
    pub action_taken: Option<String>,
    pub status: IncidentStatus,
    pub transferred_on: Option<NaiveDate>,
    pub transferred_to: Option<String>,
    pub valuable_tip: bool,
    pub patrol_log_id: Option<String>,
    pub editor: String,
}

fn opt(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

/// Multi-line text: NFC, trimmed, inner lines kept.
fn clean_text(s: &str) -> String {
    let lines: Vec<String> = s.lines().map(clean).collect();
    lines.join("\n").trim().to_string()
}

/// Parses "HH:MM" (or "H:MM", "HHhMM") as a 24-hour time.
pub fn parse_time(s: &str) -> Option<String> {
    let s = s.trim().to_lowercase().replace('h', ":");
    let (h, m) = s.split_once(':')?;
    let m = if m.is_empty() { "0" } else { m };
    if h.is_empty() || h.len() > 2 || m.len() > 2 {
        return None;
    }
    if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// Checks every field; `known_category` says whether a code names a category of this group.
pub fn validate(
    input: &IncidentInput,
    today: NaiveDate,
    known_category: impl Fn(&str) -> bool,
) -> Result<ValidIncident> {
    let mut errs = Vec::new();
    let occurred_on = match date::parse(&input.occurred_on) {
        None => {
            errs.push(FieldError::new(
                "occurred_on",
                date::wrong_date("Ngày xảy ra", &input.occurred_on, "05/11/2026"),
            ));
            None
        }
        Some(d) if d > today => {
            errs.push(FieldError::new(
                "occurred_on",
                "Ngày xảy ra không thể ở tương lai.",
            ));
            None
        }
        Some(d) => Some(d),
    };
    let occurred_time = match opt(&input.occurred_time) {
        None => None,
        Some(t) => match parse_time(&t) {
            Some(t) => Some(t),
            None => {
                errs.push(FieldError::new(
                    "occurred_time",
                    "Giờ chưa đúng. Hãy nhập giờ:phút theo 24 giờ, ví dụ 23:30.",
                ));
                None
            }
        },
    };
    let place = clean(&input.place);
    if place.is_empty() {
        errs.push(FieldError::new(
            "place",
            "Hãy ghi nơi xảy ra (số nhà, ngõ, đường…).",
        ));
    }
    if !known_category(&input.category) {
        errs.push(FieldError::new("category", "Hãy chọn loại vụ việc."));
    }
    let title = clean(&input.title);
    if title.is_empty() {
        errs.push(FieldError::new(
            "title",
            "Hãy ghi tóm tắt ngắn gọn vụ việc.",
        ));
    } else if title.chars().count() > 200 {
        errs.push(FieldError::new(
            "title",
            "Tóm tắt dài quá 200 ký tự; phần chi tiết hãy ghi ở mô tả.",
        ));
    }
    let description = clean_text(&input.description);
    if description.chars().count() > 10_000 {
        errs.push(FieldError::new(
            "description",
            "Mô tả dài quá 10.000 ký tự.",
        ));
    }
    let reporter_member_id = match input.reporter_kind {
        ReporterKind::Member => {
            let id = input
                .reporter_member_id
                .as_deref()
                .map(str::trim)
                .unwrap_or("");
            if id.is_empty() {
                errs.push(FieldError::new(
                    "reporter_member_id",
                    "Hãy chọn tổ viên báo tin.",
                ));
            }
            (!id.is_empty()).then(|| id.to_string())
        }
        ReporterKind::Resident => None,
    };
    let transferred_on = match opt(&input.transferred_on) {
        None => None,
        Some(s) => match date::parse(&s) {
            None => {
                errs.push(FieldError::new(
                    "transferred_on",
                    date::wrong_date("Ngày chuyển Công an", &s, "05/11/2026"),
                ));
                None
            }
            Some(d) if d > today => {
                errs.push(FieldError::new(
                    "transferred_on",
                    "Ngày chuyển không thể ở tương lai.",
                ));
                None
            }
            Some(d) if occurred_on.is_some_and(|o| d < o) => {
                errs.push(FieldError::new(
                    "transferred_on",
                    "Ngày chuyển không thể trước ngày xảy ra.",
                ));
                None
            }
            Some(d) => Some(d),
        },
    };
    let transferred_to = opt(&input.transferred_to);
    if input.status == IncidentStatus::DaChuyenCongAn {
        if transferred_on.is_none() && !errs.iter().any(|e| e.field == "transferred_on") {
            errs.push(FieldError::new(
                "transferred_on",
                "Hãy ghi ngày chuyển cho Công an.",
            ));
        }
        if transferred_to.is_none() {
            errs.push(FieldError::new(
                "transferred_to",
                "Hãy ghi chuyển cho ai (ví dụ: Công an phường Yên Hải, đồng chí Lâm).",
            ));
        }
    }
    let editor = clean(&input.editor);
    if editor.is_empty() {
        errs.push(FieldError::new("editor", "Hãy ghi tên người ghi chép."));
    }
    if !errs.is_empty() {
        return Err(Error::invalid(errs));
    }
    Ok(ValidIncident {
        occurred_on: occurred_on.expect("checked"),
        occurred_time,
        time_approx: input.time_approx,
        place,
        landmark: opt(&input.landmark),
        category: input.category.clone(),
        title,
        description,
        people_involved: opt(&input.people_involved),
        reporter_kind: input.reporter_kind,
        reporter_member_id,
        reporter_name: opt(&input.reporter_name),
        action_taken: opt(&input.action_taken),
        status: input.status,
        transferred_on,
        transferred_to,
        valuable_tip: input.valuable_tip,
        patrol_log_id: input.patrol_log_id.clone().filter(|s| !s.trim().is_empty()),
        editor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> IncidentInput {
        IncidentInput {
            occurred_on: "20/11/2026".into(),
            occurred_time: "23:15".into(),
            time_approx: false,
            place: "Ngõ 12 đường Trần Khánh Dư".into(),
            landmark: "".into(),
            category: "trom_cap".into(),
            title: "Mất xe máy trước cửa nhà".into(),
            description: "Một người đi bộ tới, bẻ khóa xe rồi dắt đi.".into(),
            people_involved: "".into(),
            reporter_kind: ReporterKind::Resident,
            reporter_member_id: None,
            reporter_name: "".into(),
            action_taken: "".into(),
            status: IncidentStatus::Moi,
            transferred_on: "".into(),
            transferred_to: "".into(),
            valuable_tip: false,
            patrol_log_id: None,
            editor: "Trần Văn Quyết".into(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn times_are_24_hour() {
        assert_eq!(parse_time("23:05").as_deref(), Some("23:05"));
        assert_eq!(parse_time("7:5").as_deref(), Some("07:05"));
        assert_eq!(parse_time("22h").as_deref(), Some("22:00"));
        assert_eq!(parse_time("22h30").as_deref(), Some("22:30"));
        for bad in ["24:00", "12:60", "ab", "", "1:2:3", "123:00"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn transfer_to_police_needs_when_and_whom() {
        let mut i = input();
        i.status = IncidentStatus::DaChuyenCongAn;
        let e = validate(&i, today(), |_| true).unwrap_err();
        let f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(f, ["transferred_on", "transferred_to"]);
        i.transferred_on = "19/11/2026".into();
        i.transferred_to = "Công an phường".into();
        let e = validate(&i, today(), |_| true).unwrap_err();
        assert!(e.fields[0].message.contains("trước ngày xảy ra"));
    }

    #[test]
    fn unknown_category_and_missing_member_are_refused() {
        let mut i = input();
        i.reporter_kind = ReporterKind::Member;
        let e = validate(&i, today(), |c| c == "x").unwrap_err();
        let f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(f, ["category", "reporter_member_id"]);
    }

    #[test]
    fn multi_line_description_keeps_lines() {
        let mut i = input();
        i.description = "  Dòng một  \n\n  Dòng   hai ".into();
        let v = validate(&i, today(), |_| true).unwrap();
        assert_eq!(v.description, "Dòng một\n\nDòng hai");
    }
}

super::named!(IncidentStatus: [Moi, DangTheoDoi, DaChuyenCongAn, HoaGiaiThanh, DaGiaiQuyet]);
super::named!(ReporterKind: [Member, Resident]);
