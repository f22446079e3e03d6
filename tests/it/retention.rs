//! Leavers anonymised N years after they left: the setting, who is due on a given day (29/02
//! and the year's turn included), "Tháng này" naming them, and anonymising exactly those the
//! user was shown; the consent's purpose kept with its date.

use crate::common::*;
use chrono::{DateTime, NaiveDate, Utc};
use ttq::app;
use ttq::model::member::{LeaveInput, MemberInput};
use ttq::model::todo::TodoKind;
use ttq::Store;

fn join_and_leave(s: &mut Store, name: &str, joined: &str, left: &str) -> String {
    let m = app::members::add(
        s,
        &MemberInput {
            joined_on: joined.into(),
            ..member(name, "01/01/1970")
        },
        now(),
    )
    .unwrap();
    let input = LeaveInput {
        left_on: left.into(),
        reason: "Chuyển nơi ở".into(),
    };
    app::members::leave(s, &m.id, &input, now()).unwrap();
    m.id
}

fn day(d: u32, m: u32, y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 09:00 in Vietnam on that day.
fn morning(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(2, 0, 0).unwrap().and_utc()
}

fn due_names(s: &Store, on: NaiveDate) -> Vec<String> {
    app::retention::get(s, on)
        .unwrap()
        .due
        .into_iter()
        .map(|d| d.full_name)
        .collect()
}

#[test]
fn leavers_are_listed_when_their_time_is_up_and_only_those_shown_are_anonymised() {
    let (_dir, mut s) = store_with_group();
    let leap = join_and_leave(&mut s, "Trần Văn Nhuận", "01/01/2015", "29/02/2020");
    let march = join_and_leave(&mut s, "Phạm Thị Hoa", "01/01/2015", "15/03/2020");
    join_and_leave(&mut s, "Đỗ Văn Mới", "01/01/2021", "01/01/2022");

    // Off by default: nobody is due, nothing on "Tháng này".
    assert!(app::retention::get(&s, today()).unwrap().years.is_none());
    assert!(due_names(&s, today()).is_empty());

    assert!(app::retention::set(&s, Some(0), today()).is_err());
    assert!(app::retention::set(&s, Some(21), today()).is_err());
    let r = app::retention::set(&s, Some(5), today()).unwrap();
    assert_eq!(r.years, Some(5));
    // 29/02/2020 plus five years is 28/02/2025.
    assert_eq!(r.due[0].due_on, "2025-02-28");
    assert!(due_names(&s, day(27, 2, 2025)).is_empty());
    assert_eq!(due_names(&s, day(28, 2, 2025)), ["Trần Văn Nhuận"]);
    assert_eq!(
        due_names(&s, today()),
        ["Trần Văn Nhuận", "Phạm Thị Hoa"],
        "longest gone first"
    );
    // The one who left on 01/01/2022 is due on the year's first day, not the day before.
    assert_eq!(due_names(&s, day(31, 12, 2026)).len(), 2);
    assert_eq!(due_names(&s, day(1, 1, 2027)).len(), 3);

    let month = app::todo::this_month(&s, now()).unwrap();
    let item = month
        .todo
        .iter()
        .find(|t| t.kind == TodoKind::LeaversDueForAnonymising)
        .expect("Tháng này names the leavers due");
    assert!(
        item.text
            .starts_with("2 người đã rời tổ quá 5 năm, đến hạn ẩn danh dữ liệu cá nhân: Trần Văn Nhuận, Phạm Thị Hoa"),
        "{}",
        item.text
    );

    // Only the one the user was shown and chose; an id not due is ignored.
    let active = app::members::list(&s, &Default::default(), now()).unwrap();
    let leader = active.items[0].id.clone();
    let done =
        app::retention::apply(&mut s, &[leap.clone(), leader.clone()], morning(today())).unwrap();
    assert_eq!(done.len(), 1);
    assert!(done[0].anonymised && !done[0].full_name.contains("Nhuận"));
    assert!(!app::members::get(&s, &leader).unwrap().anonymised);
    assert!(!app::members::get(&s, &march).unwrap().anonymised);
    assert_eq!(due_names(&s, today()), ["Phạm Thị Hoa"]);

    // Turned off, nobody is listed any more.
    assert!(app::retention::set(&s, None, today())
        .unwrap()
        .due
        .is_empty());
}

#[test]
fn the_consent_keeps_its_purpose_and_a_purpose_needs_a_date() {
    let (_dir, mut s) = store_with_group();
    let mut input = member("Ngô Thị Lan", "02/02/1980");
    input.consent_purpose = "  Quản lý tổ viên,   phân công tuần tra ".into();
    let m = app::members::add(&mut s, &input, now()).unwrap();
    assert_eq!(m.consent_purpose, "Quản lý tổ viên, phân công tuần tra");

    input.consent_date = String::new();
    let e = app::members::edit(&mut s, &m.id, &input, later(5)).unwrap_err();
    assert_eq!(e.fields[0].field, "consent_date");

    input.consent_date = "01/01/2025".into();
    input.consent_purpose = "Quản lý tổ viên và liên lạc khi có vụ việc".into();
    app::members::edit(&mut s, &m.id, &input, later(10)).unwrap();
    let history = app::members::history(&s, &m.id).unwrap();
    assert!(
        history
            .iter()
            .any(|h| h.summary.contains("Mục đích đồng ý")),
        "{history:?}"
    );
}
