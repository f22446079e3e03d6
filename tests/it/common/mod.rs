//! Shared fixtures for the core's integration tests: a temporary store and fixed clocks.
#![allow(dead_code)]

pub mod office;
pub mod pdf;

use chrono::{DateTime, NaiveDate, Utc};
use tempfile::TempDir;
use ttq::model::activity::{ActivityInput, ActivityKind};
use ttq::model::group::{AreaKind, GroupInput, GroupKind, GroupSetup};
use ttq::model::incident::{IncidentInput, IncidentStatus, ReporterKind};
use ttq::model::member::{Gender, MemberInput, Role};
use ttq::Store;

/// 27/11/2026 09:00 in Vietnam.
pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T02:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// `now()` plus `secs` seconds.
pub fn later(secs: i64) -> DateTime<Utc> {
    now() + chrono::Duration::seconds(secs)
}

/// `secs` after 09:00 on 02/01/2027 (Vietnam): every December shift has started, so it
/// can be marked.
pub fn january(secs: i64) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-01-02T02:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
        + chrono::Duration::seconds(secs)
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

pub fn group_input() -> GroupInput {
    GroupInput {
        kind: GroupKind::TuQuanAntt,
        name: "Tổ tự quản ANTT Thôn Đông".into(),
        province_code: "22".into(),
        province_name: "Quảng Ninh".into(),
        commune_code: "07069".into(),
        commune_name: "Phường Yên Hải".into(),
        area_kind: AreaKind::Thon,
        area_name: "Thôn Đông".into(),
        decision_number: "".into(),
        decision_date: "".into(),
        police_unit: "Công an phường Yên Hải".into(),
        households: Some(80),
        residents: Some(310),
    }
}

pub fn member(name: &str, birth: &str) -> MemberInput {
    MemberInput {
        full_name: name.into(),
        gender: Some(Gender::Nam),
        birth_date: birth.into(),
        phone: "0912345678".into(),
        address: "Xóm 2, Thôn Đông".into(),
        role: Some(Role::ToVien),
        joined_on: "01/01/2025".into(),
        cccd: "".into(),
        health_cert_date: "05/12/2024".into(),
        consent_date: "01/01/2025".into(),
        consent_purpose: "Quản lý tổ viên, phân công tuần tra".into(),
        notes: "".into(),
    }
}

/// A store in a fresh temporary directory with the group set up.
pub fn store_with_group() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    ttq::app::group::create(
        &mut store,
        &GroupSetup {
            group: group_input(),
            leader: member("Lê Văn Thành", "10/10/1965"),
        },
        now(),
    )
    .unwrap();
    (dir, store)
}

/// An incident as typed, on `on` (dd/mm/yyyy), with sensitive fields filled in.
pub fn incident(title: &str, on: &str, category: &str) -> IncidentInput {
    IncidentInput {
        occurred_on: on.into(),
        occurred_time: "23:10".into(),
        time_approx: true,
        place: "Ngõ 5 đường Nguyễn Trãi".into(),
        landmark: "Gần cổng chợ Yên Hải".into(),
        category: category.into(),
        title: title.into(),
        description: "Hai thanh niên đi xe máy giật túi xách của một phụ nữ rồi bỏ chạy.".into(),
        people_involved: "Chị Lê Thị B (bị hại)".into(),
        reporter_kind: ReporterKind::Resident,
        reporter_member_id: None,
        reporter_name: "Ông Nguyễn Văn C".into(),
        action_taken: "".into(),
        status: IncidentStatus::Moi,
        transferred_on: "".into(),
        transferred_to: "".into(),
        valuable_tip: false,
        patrol_log_id: None,
        editor: "Lê Văn Thành".into(),
    }
}

/// An activity as typed, with every kind's fields filled in.
pub fn activity(kind: ActivityKind, on: &str) -> ActivityInput {
    ActivityInput {
        kind,
        held_on: on.into(),
        title: "".into(),
        place: "Nhà văn hóa".into(),
        content: "Phổ biến cách phòng chống lừa đảo qua điện thoại".into(),
        people: Some(40),
        households: Some(15),
        conclusions: "".into(),
        assignments: vec![],
        parties: "Hộ ông Tâm và hộ ông Hòa".into(),
        mediation_success: Some(true),
        editor: "Lê Văn Thành".into(),
    }
}

/// Writes the month's plans, which closing requires.
pub fn plans(s: &mut Store, month: &str) {
    ttq::app::month::save_narrative(
        s,
        month,
        &ttq::model::month::Narrative {
            plans: "Duy trì tuần tra đêm theo lịch.".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
}
