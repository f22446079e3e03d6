//! The group (Tổ): its identity, the area it serves and whom it reports to.

use crate::date;
use crate::error::{Error, FieldError, Result};
use crate::model::member::{self, MemberInput, ValidMember};
use crate::text::clean;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The legal or provincial form of the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum GroupKind {
    /// Tổ bảo vệ an ninh, trật tự (Law 30/2023, from 01/7/2024).
    BaoVeAntt,
    /// Tổ tự quản về ANTT.
    TuQuanAntt,
    /// Tổ nhân dân tự quản.
    NhanDanTuQuan,
    /// Tổ an ninh nhân dân.
    AnNinhNhanDan,
    /// Another form.
    Khac,
}

impl GroupKind {
    /// The issuing body's short code in document numbers ("Số: 05/BC-TBV").
    pub fn document_code(self) -> &'static str {
        match self {
            GroupKind::BaoVeAntt => "TBV",
            GroupKind::TuQuanAntt | GroupKind::Khac => "TTQ",
            GroupKind::NhanDanTuQuan => "TNDTQ",
            GroupKind::AnNinhNhanDan => "TANND",
        }
    }

    /// The stored and exported name: `bao_ve_antt`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::BaoVeAntt => "bao_ve_antt",
            GroupKind::TuQuanAntt => "tu_quan_antt",
            GroupKind::NhanDanTuQuan => "nhan_dan_tu_quan",
            GroupKind::AnNinhNhanDan => "an_ninh_nhan_dan",
            GroupKind::Khac => "khac",
        }
    }

    /// The kind from the Rust name export format 1 wrote ("BaoVeAntt").
    pub fn from_debug_name(name: &str) -> Option<GroupKind> {
        GroupKind::ALL
            .into_iter()
            .find(|k| format!("{k:?}") == name)
    }

    /// All kinds, in the order offered to the user.
    pub const ALL: [GroupKind; 5] = [
        GroupKind::BaoVeAntt,
        GroupKind::TuQuanAntt,
        GroupKind::NhanDanTuQuan,
        GroupKind::AnNinhNhanDan,
        GroupKind::Khac,
    ];

    /// The Vietnamese name of the kind.
    pub fn label(self) -> &'static str {
        match self {
            GroupKind::BaoVeAntt => "Tổ bảo vệ an ninh, trật tự",
            GroupKind::TuQuanAntt => "Tổ tự quản về ANTT",
            GroupKind::NhanDanTuQuan => "Tổ nhân dân tự quản",
            GroupKind::AnNinhNhanDan => "Tổ an ninh nhân dân",
            GroupKind::Khac => "Khác",
        }
    }
}

/// The kind of residential area a group serves; these have names, not national codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum AreaKind {
    /// Thôn (rural).
    Thon,
    /// Tổ dân phố.
    ToDanPho,
    /// Khu phố.
    KhuPho,
}

impl AreaKind {
    /// The stored name: `thon`, `to_dan_pho`, `khu_pho`.
    pub fn as_str(self) -> &'static str {
        match self {
            AreaKind::Thon => "thon",
            AreaKind::ToDanPho => "to_dan_pho",
            AreaKind::KhuPho => "khu_pho",
        }
    }

    /// The Vietnamese word, capitalised as at the start of a name.
    pub fn label(self) -> &'static str {
        match self {
            AreaKind::Thon => "Thôn",
            AreaKind::ToDanPho => "Tổ dân phố",
            AreaKind::KhuPho => "Khu phố",
        }
    }
}

/// The group's fields as typed by the user (dates as typed, `""` for empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct GroupInput {
    pub kind: GroupKind,
    pub name: String,
    pub province_code: String,
    pub province_name: String,
    pub commune_code: String,
    pub commune_name: String,
    pub area_kind: AreaKind,
    pub area_name: String,
    pub decision_number: String,
    pub decision_date: String,
    /// The police unit the group reports to, used for "Kính gửi".
    pub police_unit: String,
    pub households: Option<i32>,
    pub residents: Option<i32>,
}

/// What the first-run wizard submits: the group and its leader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct GroupSetup {
    pub group: GroupInput,
    pub leader: MemberInput,
}

/// A stored group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Group {
    pub id: String,
    pub kind: GroupKind,
    pub name: String,
    pub province_code: String,
    pub province_name: String,
    pub commune_code: String,
    pub commune_name: String,
    pub area_kind: AreaKind,
    pub area_name: String,
    pub decision_number: Option<String>,
    /// ISO date.
    pub decision_date: Option<String>,
    pub police_unit: String,
    pub households: Option<i32>,
    pub residents: Option<i32>,
    /// The active member with the role Tổ trưởng, if any.
    pub leader_name: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A group's fields after validation: cleaned text and parsed dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidGroup {
    pub kind: GroupKind,
    pub name: String,
    pub province_code: String,
    pub province_name: String,
    pub commune_code: String,
    pub commune_name: String,
    pub area_kind: AreaKind,
    pub area_name: String,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub police_unit: String,
    pub households: Option<i32>,
    pub residents: Option<i32>,
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn opt(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

/// Checks every field and returns the cleaned group, or all field errors at once.
/// Checks the group and its leader at once, so both forms' problems are reported together;
/// the leader's fields come prefixed `leader.`.
pub fn validate_setup(setup: &GroupSetup, today: NaiveDate) -> Result<(ValidGroup, ValidMember)> {
    let mut leader = setup.leader.clone();
    leader.role = Some(member::Role::ToTruong);
    match (
        validate(&setup.group, today),
        member::validate(&leader, today),
    ) {
        (Ok(g), Ok(l)) => Ok((g, l)),
        (g, l) => {
            let mut fields = g.err().map(|e| e.fields).unwrap_or_default();
            for mut f in l.err().map(|e| e.fields).unwrap_or_default() {
                f.field = format!("leader.{}", f.field);
                fields.push(f);
            }
            Err(Error::invalid(fields))
        }
    }
}

pub fn validate(input: &GroupInput, today: NaiveDate) -> Result<ValidGroup> {
    let mut errs = Vec::new();
    let required = |field: &str, value: &str, what: &str, errs: &mut Vec<FieldError>| {
        let v = clean(value);
        if v.is_empty() {
            errs.push(FieldError::new(field, format!("Hãy nhập {what}.")));
        }
        v
    };
    let name = required("name", &input.name, "tên tổ", &mut errs);
    let province_code = clean(&input.province_code);
    if !digits(&province_code, 2) {
        errs.push(FieldError::new(
            "province_code",
            "Mã tỉnh gồm đúng 2 chữ số (ví dụ 22 là Quảng Ninh).",
        ));
    }
    let province_name = required(
        "province_name",
        &input.province_name,
        "tên tỉnh, thành phố",
        &mut errs,
    );
    let commune_code = clean(&input.commune_code);
    if !digits(&commune_code, 5) {
        errs.push(FieldError::new(
            "commune_code",
            "Mã xã, phường gồm đúng 5 chữ số, theo danh mục đơn vị hành chính.",
        ));
    }
    let commune_name = required(
        "commune_name",
        &input.commune_name,
        "tên xã, phường",
        &mut errs,
    );
    let area_name = required(
        "area_name",
        &input.area_name,
        "tên thôn, tổ dân phố hoặc khu phố",
        &mut errs,
    );
    let police_unit = required(
        "police_unit",
        &input.police_unit,
        "đơn vị Công an nhận báo cáo (ví dụ: Công an phường Yên Hải)",
        &mut errs,
    );
    let decision_number = opt(&input.decision_number);
    let decision_date = match opt(&input.decision_date) {
        None => None,
        Some(s) => match date::parse(&s) {
            Some(d) if d > today => {
                errs.push(FieldError::new(
                    "decision_date",
                    "Ngày quyết định không thể ở tương lai.",
                ));
                None
            }
            Some(d) => Some(d),
            None => {
                errs.push(FieldError::new(
                    "decision_date",
                    date::wrong_date("Ngày quyết định", &input.decision_date, "15/08/2024"),
                ));
                None
            }
        },
    };
    for (field, value, what) in [
        ("households", input.households, "Số hộ"),
        ("residents", input.residents, "Số nhân khẩu"),
    ] {
        if let Some(v) = value {
            if !(0..=1_000_000).contains(&v) {
                errs.push(FieldError::new(
                    field,
                    format!("{what} phải là số từ 0 đến 1.000.000."),
                ));
            }
        }
    }
    if let (Some(h), Some(r)) = (input.households, input.residents) {
        if h > 0 && r > 0 && r < h {
            errs.push(FieldError::new(
                "residents",
                "Số nhân khẩu không thể ít hơn số hộ. Hãy kiểm tra lại hai con số.",
            ));
        }
    }
    if !errs.is_empty() {
        return Err(Error::invalid(errs));
    }
    Ok(ValidGroup {
        kind: input.kind,
        name,
        province_code,
        province_name,
        commune_code,
        commune_name,
        area_kind: input.area_kind,
        area_name,
        decision_number,
        decision_date,
        police_unit,
        households: input.households,
        residents: input.residents,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> GroupInput {
        GroupInput {
            kind: GroupKind::BaoVeAntt,
            name: "Tổ bảo vệ ANTT Khu phố 3".into(),
            province_code: "22".into(),
            province_name: "Quảng Ninh".into(),
            commune_code: "07069".into(),
            commune_name: "Phường Yên Hải".into(),
            area_kind: AreaKind::KhuPho,
            area_name: "Khu phố 3".into(),
            decision_number: "125/QĐ-UBND".into(),
            decision_date: "15/08/2024".into(),
            police_unit: "Công an phường Yên Hải".into(),
            households: Some(312),
            residents: Some(1180),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn valid_group_is_cleaned() {
        let mut g = sample();
        g.name = "  Tổ  bảo vệ ANTT Khu phố 3 ".into();
        let v = validate(&g, today()).unwrap();
        assert_eq!(v.name, "Tổ bảo vệ ANTT Khu phố 3");
        assert_eq!(v.decision_date, NaiveDate::from_ymd_opt(2024, 8, 15));
    }

    #[test]
    fn reports_every_bad_field() {
        let mut g = sample();
        g.province_code = "2".into();
        g.commune_code = "abcde".into();
        g.name = " ".into();
        g.decision_date = "31/02/2024".into();
        g.residents = Some(10);
        let e = validate(&g, today()).unwrap_err();
        let fields: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "name",
                "province_code",
                "commune_code",
                "decision_date",
                "residents"
            ]
        );
    }
}

super::named!(GroupKind: [BaoVeAntt, TuQuanAntt, NhanDanTuQuan, AnNinhNhanDan, Khac]);
super::named!(AreaKind: [Thon, ToDanPho, KhuPho]);
