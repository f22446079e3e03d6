//! Members (tổ viên): input, stored form, validation and eligibility under Law 30/2023.

use crate::date;
use crate::model::phone;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A member's role in the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Role {
    /// Tổ trưởng.
    ToTruong,
    /// Tổ phó.
    ToPho,
    /// Tổ viên.
    ToVien,
}

impl Role {
    /// The Vietnamese title.
    pub fn label(self) -> &'static str {
        match self {
            Role::ToTruong => "Tổ trưởng",
            Role::ToPho => "Tổ phó",
            Role::ToVien => "Tổ viên",
        }
    }

    /// Sort order: leader first.
    pub fn rank(self) -> u8 {
        self as u8
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Role::ToTruong => "to_truong",
            Role::ToPho => "to_pho",
            Role::ToVien => "to_vien",
        }
    }

    pub(crate) fn from_str(s: &str) -> Option<Role> {
        [Role::ToTruong, Role::ToPho, Role::ToVien]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// Gender as the member states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Gender {
    Nam,
    Nu,
    Khac,
}

impl Gender {
    /// The Vietnamese word.
    pub fn label(self) -> &'static str {
        match self {
            Gender::Nam => "Nam",
            Gender::Nu => "Nữ",
            Gender::Khac => "Khác",
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Gender::Nam => "nam",
            Gender::Nu => "nu",
            Gender::Khac => "khac",
        }
    }

    pub(crate) fn from_str(s: &str) -> Option<Gender> {
        [Gender::Nam, Gender::Nu, Gender::Khac]
            .into_iter()
            .find(|g| g.as_str() == s)
    }
}

/// A member's fields as typed in the form; dates as typed (dd/mm/yyyy), `""` for empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MemberInput {
    pub full_name: String,
    pub gender: Option<Gender>,
    pub birth_date: String,
    pub phone: String,
    pub address: String,
    pub role: Option<Role>,
    pub joined_on: String,
    /// Citizen ID (CCCD), optional: 12 digits.
    pub cccd: String,
    pub health_cert_date: String,
    pub consent_date: String,
    /// What the member agreed their data may be used for.
    pub consent_purpose: String,
    pub notes: String,
}

/// A member's fields after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMember {
    pub full_name: String,
    pub gender: Option<Gender>,
    pub birth_date: Birth,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub role: Role,
    pub joined_on: NaiveDate,
    pub cccd: Option<String>,
    pub health_cert_date: Option<NaiveDate>,
    pub consent_date: Option<NaiveDate>,
    pub consent_purpose: String,
    pub notes: Option<String>,
}

/// A stored member, in full (for the edit form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Member {
    pub id: String,
    pub full_name: String,
    pub gender: Option<Gender>,
    /// ISO dates from here on.
    pub birth_date: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub role: Role,
    pub joined_on: Option<String>,
    pub left_on: Option<String>,
    pub left_reason: Option<String>,
    pub cccd: Option<String>,
    pub health_cert_date: Option<String>,
    pub consent_date: Option<String>,
    /// What the member agreed their data may be used for (empty if not recorded).
    pub consent_purpose: String,
    pub notes: Option<String>,
    /// True once a leaver's personal data has been erased.
    pub anonymised: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl Member {
    /// The member as the form shows it for editing (dates as dd/mm/yyyy).
    pub fn to_input(&self) -> MemberInput {
        let d = |s: &Option<String>| {
            s.as_deref()
                .and_then(date::from_iso)
                .map(date::format)
                .unwrap_or_default()
        };
        MemberInput {
            full_name: self.full_name.clone(),
            gender: self.gender,
            birth_date: self
                .birth_date
                .as_deref()
                .and_then(Birth::from_stored)
                .map(Birth::shown)
                .unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            address: self.address.clone().unwrap_or_default(),
            role: Some(self.role),
            joined_on: d(&self.joined_on),
            cccd: self.cccd.clone().unwrap_or_default(),
            health_cert_date: d(&self.health_cert_date),
            consent_date: d(&self.consent_date),
            consent_purpose: self.consent_purpose.clone(),
            notes: self.notes.clone().unwrap_or_default(),
        }
    }
}

/// A row of the member list: what the list shows, with CCCD masked and warnings computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MemberRow {
    pub id: String,
    pub full_name: String,
    pub gender: Option<Gender>,
    pub birth_date: Option<String>,
    /// Age in full years on the list's reference date.
    pub age: Option<i32>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub role: Role,
    pub joined_on: Option<String>,
    pub left_on: Option<String>,
    pub left_reason: Option<String>,
    pub cccd_masked: Option<String>,
    pub anonymised: bool,
    /// Eligibility warnings (Law 30/2023): shown as badges, never a block.
    pub warnings: Vec<String>,
    /// Another member has the same name and birth date.
    pub possible_duplicate: bool,
}

/// What a list that names a possible duplicate says about it.
pub const DUPLICATE_NOTE: &str = "có thể trùng với một hồ sơ khác cùng họ tên và ngày sinh";

/// Why a member is not rostered automatically, as one clause list ("Chưa có giấy khám sức
/// khỏe; có thể trùng …"): the eligibility warnings, and that the record may be a duplicate.
/// `None` when nothing keeps them off the roster.
pub fn not_rostered_reason(warnings: &[String], possible_duplicate: bool) -> Option<String> {
    if warnings.is_empty() {
        return None;
    }
    let mut clauses: Vec<String> = warnings
        .iter()
        .enumerate()
        .map(|(i, w)| if i == 0 { w.clone() } else { lower_first(w) })
        .collect();
    if possible_duplicate {
        clauses.push(DUPLICATE_NOTE.into());
    }
    Some(clauses.join("; "))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// Which members a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum MemberStatus {
    /// Still in the group.
    #[default]
    Active,
    /// Has left.
    Left,
    /// Everyone.
    All,
}

impl MemberStatus {
    /// The filter's name: `active`, `left`, `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            MemberStatus::Active => "active",
            MemberStatus::Left => "left",
            MemberStatus::All => "all",
        }
    }
}

/// Filter for the member list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MemberFilter {
    /// Folded search over name, phone and address.
    pub search: String,
    pub role: Option<Role>,
    pub status: MemberStatus,
}

/// The member list with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MemberList {
    pub items: Vec<MemberRow>,
    /// Members in the group now (whatever the filter).
    pub active_count: u32,
    /// Members who have left (whatever the filter).
    pub left_count: u32,
}

/// Recording that a member left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct LeaveInput {
    pub left_on: String,
    pub reason: String,
}

/// One line of a member's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MemberEvent {
    /// UTC time of the change, RFC 3339.
    pub at: String,
    /// Vietnamese description, e.g. "Sửa: Số điện thoại, Địa chỉ".
    pub summary: String,
}

/// The oldest birth year the form accepts.
mod birth;
pub mod import;
mod validate;

pub use birth::{year_alone as birth_year_alone, Birth};
pub use validate::{eligibility_warnings, mask_cccd, validate, validate_leave};

super::named!(Role: [ToTruong, ToPho, ToVien]);
super::named!(Gender: [Nam, Nu, Khac]);
super::named!(MemberStatus: [Active, Left, All]);

/// How long the group keeps a leaver's personal data, and who is due to be anonymised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Retention {
    /// Years after leaving; none: leavers are anonymised only by hand.
    pub years: Option<u32>,
    /// Leavers whose time is up, not yet anonymised, longest gone first.
    pub due: Vec<DueLeaver>,
}

/// A leaver whose personal data is due to be anonymised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DueLeaver {
    pub id: String,
    pub full_name: String,
    /// ISO date.
    pub left_on: String,
    /// ISO date: `left_on` plus the years kept.
    pub due_on: String,
}
