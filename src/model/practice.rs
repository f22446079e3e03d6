//! "Dân vận khéo" and self-management models (mô hình): who runs them, their recognition,
//! the write-up in its eight sections, and results measured from the group's own records.

use crate::date;
use crate::error::{Error, FieldError, Result};
use crate::text::clean;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The field a model works in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum PracticeField {
    KinhTe,
    VanHoaXaHoi,
    QuocPhongAnNinh,
    XayDungHeThongChinhTri,
}

/// Run by a collective or by one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum PracticeScope {
    TapThe,
    CaNhan,
}

/// Where a model stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum PracticeStatus {
    DangKy,
    DangThucHien,
    DuocCongNhan,
}

/// The level that recognised a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum PracticeLevel {
    CoSo,
    Huyen,
    Tinh,
}

macro_rules! codes {
    ($t:ty { $($v:ident => $code:literal, $label:literal;)* }) => {
        impl $t {
            /// The Vietnamese label.
            pub fn label(self) -> &'static str {
                match self { $(Self::$v => $label,)* }
            }
            pub(crate) fn as_str(self) -> &'static str {
                match self { $(Self::$v => $code,)* }
            }
            pub(crate) fn parse(s: &str) -> Option<Self> {
                match s { $($code => Some(Self::$v),)* _ => None }
            }
        }
        impl super::Named for $t {
            const ALL: &'static [Self] = &[$(Self::$v),*];
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    };
}

codes!(PracticeField {
    KinhTe => "kinh_te", "Kinh tế";
    VanHoaXaHoi => "van_hoa_xa_hoi", "Văn hóa – xã hội";
    QuocPhongAnNinh => "quoc_phong_an_ninh", "Quốc phòng – an ninh";
    XayDungHeThongChinhTri => "xay_dung_he_thong_chinh_tri", "Xây dựng hệ thống chính trị";
});
codes!(PracticeScope {
    TapThe => "tap_the", "Tập thể";
    CaNhan => "ca_nhan", "Cá nhân";
});
codes!(PracticeStatus {
    DangKy => "dang_ky", "Đăng ký";
    DangThucHien => "dang_thuc_hien", "Đang thực hiện";
    DuocCongNhan => "duoc_cong_nhan", "Được công nhận";
});
codes!(PracticeLevel {
    CoSo => "co_so", "Cấp cơ sở";
    Huyen => "huyen", "Cấp huyện";
    Tinh => "tinh", "Cấp tỉnh";
});

/// The write-up's sections, in order (the known shape of a "Dân vận khéo" report).
pub const SECTION_TITLES: [&str; 8] = [
    "I. Sự cần thiết (đặc điểm tình hình)",
    "II. Mục đích, yêu cầu",
    "III. Nội dung, cách làm",
    "IV. Kết quả",
    "V. Hiệu quả",
    "VI. Bài học kinh nghiệm",
    "VII. Khả năng nhân rộng, tính bền vững",
    "VIII. Kiến nghị",
];

/// The titles of the sections left empty, which a finalised write-up cannot have.
pub fn empty_sections(sections: &[String]) -> Vec<&'static str> {
    SECTION_TITLES
        .iter()
        .enumerate()
        .filter(|(i, _)| sections.get(*i).is_none_or(|t| t.trim().is_empty()))
        .map(|(_, t)| *t)
        .collect()
}

/// Index of "IV. Kết quả", where the measured table goes.
pub const RESULTS_SECTION: usize = 3;

/// A model as typed; dates dd/mm/yyyy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PracticeInput {
    pub name: String,
    pub field: PracticeField,
    pub scope: PracticeScope,
    /// Đơn vị hoặc cá nhân thực hiện.
    pub runner: String,
    pub address: String,
    pub started_on: String,
    pub person_in_charge: String,
    pub status: PracticeStatus,
    pub level: Option<PracticeLevel>,
    /// The recognition decision, e.g. "Quyết định số 12/QĐ-UBND ngày 05/9/2025".
    pub decision: String,
    /// How many places (điểm) apply it.
    pub places: Option<i32>,
    /// How many groups apply it.
    pub groups_applying: Option<i32>,
}

/// What can be counted from the records, before and after a model started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum IndicatorKind {
    Incidents,
    IncidentsOfCategory,
    ValuableTips,
    Transferred,
    PatrolsHeld,
    PatrolTurns,
    GroupMeetings,
    ResidentMeetings,
    AwarenessSessions,
    Mediations,
    MediationsSuccessful,
    HouseholdsCommitted,
}

impl IndicatorKind {
    /// Every indicator, in the order offered.
    pub const ALL: [IndicatorKind; 12] = [
        IndicatorKind::Incidents,
        IndicatorKind::IncidentsOfCategory,
        IndicatorKind::ValuableTips,
        IndicatorKind::Transferred,
        IndicatorKind::PatrolsHeld,
        IndicatorKind::PatrolTurns,
        IndicatorKind::GroupMeetings,
        IndicatorKind::ResidentMeetings,
        IndicatorKind::AwarenessSessions,
        IndicatorKind::Mediations,
        IndicatorKind::MediationsSuccessful,
        IndicatorKind::HouseholdsCommitted,
    ];

    /// The Vietnamese label (the category's name is added for one category).
    pub fn label(self) -> &'static str {
        match self {
            IndicatorKind::Incidents => "Vụ việc về an ninh, trật tự",
            IndicatorKind::IncidentsOfCategory => "Vụ việc",
            IndicatorKind::ValuableTips => "Tin báo có giá trị",
            IndicatorKind::Transferred => "Vụ việc chuyển Công an",
            IndicatorKind::PatrolsHeld => "Ca tuần tra đã thực hiện",
            IndicatorKind::PatrolTurns => "Lượt người tham gia tuần tra",
            IndicatorKind::GroupMeetings => "Buổi họp tổ",
            IndicatorKind::ResidentMeetings => "Buổi họp dân",
            IndicatorKind::AwarenessSessions => "Buổi tuyên truyền",
            IndicatorKind::Mediations => "Vụ hòa giải",
            IndicatorKind::MediationsSuccessful => "Vụ hòa giải thành",
            IndicatorKind::HouseholdsCommitted => "Hộ ký cam kết",
        }
    }
}

/// An indicator; `category` is the incident category for `IncidentsOfCategory`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Indicator {
    pub kind: IndicatorKind,
    pub category: Option<String>,
}

/// Which indicators to compare over which periods; dates dd/mm/yyyy as typed, ISO stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Measure {
    pub indicators: Vec<Indicator>,
    pub before_from: String,
    pub before_to: String,
    pub after_from: String,
    pub after_to: String,
}

/// One indicator's counts before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ResultRow {
    pub label: String,
    pub before: u32,
    pub after: u32,
}

/// The measured results table as printed in "IV. Kết quả".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ResultTable {
    /// "01/01/2025 – 30/06/2025".
    pub before_label: String,
    pub after_label: String,
    pub rows: Vec<ResultRow>,
}

/// A stored model with its write-up and results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Practice {
    pub id: String,
    pub name: String,
    pub field: PracticeField,
    pub scope: PracticeScope,
    pub runner: String,
    pub address: String,
    /// ISO date.
    pub started_on: String,
    pub person_in_charge: String,
    pub status: PracticeStatus,
    pub level: Option<PracticeLevel>,
    pub decision: String,
    pub places: Option<i32>,
    pub groups_applying: Option<i32>,
    /// The eight sections' text (paragraphs; lines starting "- " are bullets).
    pub sections: Vec<String>,
    pub measure: Option<Measure>,
    /// Computed from the records now, or as frozen when the write-up was finalised.
    pub results: Option<ResultTable>,
    /// When the write-up and its figures were frozen, "dd/mm/yyyy HH:MM".
    pub finalised_at: Option<String>,
    pub version: i32,
}

/// A row of the models list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PracticeRow {
    pub id: String,
    pub name: String,
    pub field: PracticeField,
    pub scope: PracticeScope,
    pub runner: String,
    /// ISO date.
    pub started_on: String,
    pub status: PracticeStatus,
    pub level: Option<PracticeLevel>,
    pub places: Option<i32>,
    pub groups_applying: Option<i32>,
    pub finalised: bool,
}

/// A saved version of a write-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct WriteupVersion {
    pub version: i32,
    /// "dd/mm/yyyy HH:MM".
    pub at: String,
    /// Words in the whole write-up, to tell versions apart.
    pub words: u32,
}

/// A model's fields after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPractice {
    pub name: String,
    pub runner: String,
    pub address: String,
    pub started_on: NaiveDate,
    pub person_in_charge: String,
    pub level: Option<PracticeLevel>,
    pub decision: String,
}

fn count(field: &str, v: Option<i32>, errs: &mut Vec<FieldError>) {
    if v.is_some_and(|n| !(0..=100_000).contains(&n)) {
        errs.push(FieldError::new(field, "Số này phải từ 0 đến 100.000."));
    }
}

/// Checks a model's fields; a recognised model needs its level and decision.
pub fn validate(input: &PracticeInput, today: NaiveDate) -> Result<ValidPractice> {
    let mut errs = Vec::new();
    let name = clean(&input.name);
    if name.is_empty() {
        errs.push(FieldError::new("name", "Hãy ghi tên mô hình."));
    }
    let runner = clean(&input.runner);
    if runner.is_empty() {
        errs.push(FieldError::new(
            "runner",
            "Hãy ghi đơn vị hoặc cá nhân thực hiện.",
        ));
    }
    let person_in_charge = clean(&input.person_in_charge);
    if person_in_charge.is_empty() {
        errs.push(FieldError::new(
            "person_in_charge",
            "Hãy ghi người phụ trách.",
        ));
    }
    let started_on = match date::parse(&input.started_on) {
        Some(d) if d > today => {
            errs.push(FieldError::new(
                "started_on",
                "Ngày bắt đầu không thể ở tương lai.",
            ));
            None
        }
        Some(d) => Some(d),
        None => {
            errs.push(FieldError::new(
                "started_on",
                "Ngày bắt đầu chưa đúng (ngày/tháng/năm, ví dụ 01/03/2025).",
            ));
            None
        }
    };
    let decision = clean(&input.decision);
    let level = if input.status == PracticeStatus::DuocCongNhan {
        if input.level.is_none() {
            errs.push(FieldError::new(
                "level",
                "Mô hình được công nhận: hãy chọn cấp công nhận.",
            ));
        }
        if decision.is_empty() {
            errs.push(FieldError::new(
                "decision",
                "Hãy ghi quyết định công nhận (số, ngày).",
            ));
        }
        input.level
    } else {
        None
    };
    count("places", input.places, &mut errs);
    count("groups_applying", input.groups_applying, &mut errs);
    match (started_on, errs.is_empty()) {
        (Some(started_on), true) => Ok(ValidPractice {
            name,
            runner,
            address: clean(&input.address),
            started_on,
            person_in_charge,
            level,
            decision,
        }),
        _ => Err(Error::invalid(errs)),
    }
}

/// Checks a measure and returns it with ISO dates; `known_category` says whether a code is
/// a category of this group.
pub fn validate_measure(m: &Measure, known_category: impl Fn(&str) -> bool) -> Result<Measure> {
    let mut errs = Vec::new();
    if m.indicators.is_empty() {
        errs.push(FieldError::new(
            "indicators",
            "Hãy chọn ít nhất một chỉ số để so sánh.",
        ));
    }
    for i in &m.indicators {
        if i.kind == IndicatorKind::IncidentsOfCategory
            && !i.category.as_deref().is_some_and(&known_category)
        {
            errs.push(FieldError::new(
                "indicators",
                "Hãy chọn loại vụ việc cho chỉ số theo loại.",
            ));
        }
    }
    let mut day = |field: &str, s: &str| match date::parse(s) {
        Some(d) => Some(d),
        None => {
            errs.push(FieldError::new(field, "Ngày chưa đúng (ngày/tháng/năm)."));
            None
        }
    };
    let (bf, bt) = (
        day("before_from", &m.before_from),
        day("before_to", &m.before_to),
    );
    let (af, at) = (
        day("after_from", &m.after_from),
        day("after_to", &m.after_to),
    );
    if let (Some(a), Some(b)) = (bf, bt) {
        if a > b {
            errs.push(FieldError::new("before_to", "Ngày cuối phải sau ngày đầu."));
        }
    }
    if let (Some(a), Some(b)) = (af, at) {
        if a > b {
            errs.push(FieldError::new("after_to", "Ngày cuối phải sau ngày đầu."));
        }
    }
    match (bf, bt, af, at) {
        (Some(bf), Some(bt), Some(af), Some(at)) if errs.is_empty() => Ok(Measure {
            indicators: m.indicators.clone(),
            before_from: date::iso(bf),
            before_to: date::iso(bt),
            after_from: date::iso(af),
            after_to: date::iso(at),
        }),
        _ => Err(Error::invalid(errs)),
    }
}
/// Whom a group addresses its write-ups to when it has not said: the commune's steering
/// board of the movement.
pub fn default_recipient(commune_name: &str) -> String {
    use super::commune::{place_name, CommuneKind};
    format!(
        "Ban Chỉ đạo phong trào thi đua “Dân vận khéo” {} {}",
        CommuneKind::of(commune_name).word(),
        place_name(commune_name)
    )
}
