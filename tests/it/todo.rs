//! "Tháng này": which to-do items are due at fixed instants (Vietnam time), what they say,
//! and the month's figures and chart data.

use crate::common::{self, incident, member, plans, store_with_group};
use crate::patrol::night;
use chrono::{DateTime, Utc};
use ttq::app::{patrols, todo};
use ttq::model::patrol::Attendance;
use ttq::model::todo::{ThisMonth, TodoArea, TodoKind};
use ttq::Store;

fn at(vn: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(vn)
        .unwrap()
        .with_timezone(&Utc)
}

fn kinds(m: &ThisMonth) -> Vec<TodoKind> {
    m.todo.iter().map(|t| t.kind).collect()
}

fn text(m: &ThisMonth, kind: TodoKind) -> &str {
    &m.todo.iter().find(|t| t.kind == kind).unwrap().text
}

/// The group (made 27/11/2026) with three more members; Hoa has no health certificate and
/// no consent date.
fn group() -> (tempfile::TempDir, Store) {
    let (dir, mut s) = store_with_group();
    for name in ["Trần Văn Bình", "Nguyễn Văn Cường"] {
        s.add_member(&member(name, "01/02/1980"), common::now())
            .unwrap();
    }
    let mut hoa = member("Phạm Thị Hoa", "02/03/1982");
    hoa.health_cert_date = String::new();
    hoa.consent_date = String::new();
    hoa.consent_purpose = String::new();
    s.add_member(&hoa, common::now()).unwrap();
    s.add_pattern(&night(), common::now()).unwrap();
    (dir, s)
}

#[test]
fn on_the_first_at_half_past_midnight_last_month_is_the_one_just_ended() {
    let (_d, s) = group();
    // 30/11 23:30: still November; October was before the group existed.
    let m = todo::this_month(&s, at("2026-11-30T23:30:00+07:00")).unwrap();
    assert_eq!(m.month, "2026-11");
    assert!(
        !kinds(&m).contains(&TodoKind::LastMonthNotClosed),
        "{:?}",
        m.todo
    );
    // The last 7 days of November: December's roster is asked for.
    assert_eq!(
        text(&m, TodoKind::NextRosterMissing),
        "Chưa xếp lịch tuần tra tháng 12/2026"
    );

    // 01/12 00:30 Vietnam time (still 30/11 in UTC): November has ended.
    let m = todo::this_month(&s, at("2026-12-01T00:30:00+07:00")).unwrap();
    assert_eq!(
        (m.month.as_str(), m.month_label.as_str()),
        ("2026-12", "12/2026")
    );
    assert_eq!(m.today, "01/12/2026");
    assert_eq!(
        kinds(&m),
        vec![
            TodoKind::LastMonthNotClosed,
            TodoKind::RosterMissing,
            TodoKind::MembersWithoutHealthCert,
            TodoKind::MembersWithoutConsent,
        ]
    );
    assert!(text(&m, TodoKind::LastMonthNotClosed).starts_with("Tháng 11/2026 chưa khóa sổ"));
    assert_eq!(m.todo[0].area, TodoArea::Report);
    assert_eq!(
        text(&m, TodoKind::RosterMissing),
        "Chưa xếp lịch tuần tra tháng 12/2026"
    );
    assert_eq!(
        text(&m, TodoKind::MembersWithoutHealthCert),
        "1 tổ viên chưa có giấy khám sức khỏe: Phạm Thị Hoa"
    );
    assert!(text(&m, TodoKind::MembersWithoutConsent).ends_with(": Phạm Thị Hoa"));
    assert!(m.todo[2..].iter().all(|t| t.area == TodoArea::Members));
}

#[test]
fn on_the_25th_past_shifts_without_attendance_and_next_roster() {
    let (_d, mut s) = group();
    let made = at("2026-11-28T09:00:00+07:00");
    let view = patrols::generate(&mut s, "2026-12", made).unwrap();
    let now = at("2026-12-25T09:00:00+07:00");
    let mut marked = 0;
    // Everything before the 25th marked, except the shifts of 02/12, 05/12 and 06/12.
    for shift in view
        .shifts
        .iter()
        .filter(|x| x.date.as_str() < "2026-12-25")
    {
        if ["2026-12-02", "2026-12-05", "2026-12-06"].contains(&shift.date.as_str()) {
            continue;
        }
        marked += shift.seats.len() as u32;
        for seat in &shift.seats {
            patrols::set_attendance(
                &mut s,
                &shift.id,
                &seat.member_id,
                Attendance::CoMat,
                None,
                now,
            )
            .unwrap();
        }
    }
    let m = todo::this_month(&s, now).unwrap();
    assert_eq!(
        text(&m, TodoKind::ShiftsWithoutAttendance),
        "3 ca tuần tra đã qua chưa ghi điểm danh (02/12, 05/12, 06/12)"
    );
    assert_eq!(
        m.todo
            .iter()
            .find(|t| t.kind == TodoKind::ShiftsWithoutAttendance)
            .unwrap()
            .area,
        TodoArea::Patrols
    );
    // 25/12 is 7 days before the end: January's roster is due; the 24th it is not yet.
    assert_eq!(
        text(&m, TodoKind::NextRosterMissing),
        "Chưa xếp lịch tuần tra tháng 1/2027"
    );
    let before = todo::this_month(&s, at("2026-12-24T23:59:00+07:00")).unwrap();
    assert!(!kinds(&before).contains(&TodoKind::NextRosterMissing));
    assert!(!kinds(&m).contains(&TodoKind::RosterMissing));

    // The figures and the attendance chart: 21 of the 24 nights so far held, 31 planned.
    assert_eq!(m.figures.shifts_planned, 31);
    assert_eq!(m.figures.patrols_held, 21);
    assert_eq!(m.figures.members, 4);
    let planned: u32 = m.attendance.iter().map(|a| a.planned).sum();
    let attended: u32 = m.attendance.iter().map(|a| a.attended).sum();
    let seats: usize = view.shifts.iter().map(|x| x.seats.len()).sum();
    assert_eq!((planned, attended), (seats as u32, marked));
    assert!(m.attendance.iter().any(|a| a.name == "Trần Văn Bình"));
}

#[test]
fn new_year_last_month_is_december_of_the_year_before() {
    let (_d, mut s) = group();
    // November closed on 01/12: from then on its receipt is asked for.
    plans(&mut s, "2026-11");
    let dec1 = at("2026-12-01T08:00:00+07:00");
    ttq::app::month::close(&mut s, "2026-11", dec1.date_naive(), "Lê Văn Thành", dec1).unwrap();
    // Closed, its file not yet saved for the ward: that first; once saved, the receipt.
    let m = todo::this_month(&s, at("2026-12-31T23:30:00+07:00")).unwrap();
    assert!(text(&m, TodoKind::LastMonthNotSent)
        .starts_with("Tháng 11/2026 đã khóa sổ nhưng chưa xuất tệp"));
    assert!(!kinds(&m).contains(&TodoKind::NoReceipt));
    ttq::app::sync::saved(&s, "2026-11", dec1).unwrap();
    let m = todo::this_month(&s, at("2026-12-31T23:30:00+07:00")).unwrap();
    assert!(!kinds(&m).contains(&TodoKind::LastMonthNotSent));
    assert_eq!(
        text(&m, TodoKind::NoReceipt),
        "Chưa có giấy biên nhận của phường cho tháng 11/2026: gửi tệp cho phường, rồi nhận giấy biên nhận."
    );
    assert_eq!(m.todo[0].area, TodoArea::Send);
    assert_eq!(
        text(&m, TodoKind::NextRosterMissing),
        "Chưa xếp lịch tuần tra tháng 1/2027"
    );

    let m = todo::this_month(&s, at("2027-01-01T00:30:00+07:00")).unwrap();
    assert_eq!(m.month, "2027-01");
    assert!(text(&m, TodoKind::LastMonthNotClosed).starts_with("Tháng 12/2026 chưa khóa sổ"));
    assert!(!kinds(&m).contains(&TodoKind::NoReceipt));
    assert_eq!(
        text(&m, TodoKind::RosterMissing),
        "Chưa xếp lịch tuần tra tháng 1/2027"
    );
    assert!(!kinds(&m).contains(&TodoKind::NextRosterMissing));
    // The year's bars end with this month, labelled month/year.
    let labels: Vec<&str> = m
        .incidents_by_month
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels.len(), 12);
    assert_eq!((labels[0], labels[10], labels[11]), ("T2", "T12", "T1"));
}

#[test]
fn incidents_by_month_and_by_category() {
    let (_d, mut s) = group();
    let now = at("2026-12-10T09:00:00+07:00");
    for (t, on, c) in [
        ("Mất xe đạp", "03/12/2026", "trom_cap"),
        ("Mất điện thoại", "05/12/2026", "trom_cap"),
        ("Đánh nhau", "06/12/2026", "danh_nhau"),
        ("Mất gà", "20/11/2026", "trom_cap"),
    ] {
        s.add_incident(&incident(t, on, c), now).unwrap();
    }
    let m = todo::this_month(&s, now).unwrap();
    assert_eq!(m.figures.incidents, 3);
    let counts: Vec<u32> = m.incidents_by_month.iter().map(|c| c.count).collect();
    assert_eq!(&counts[10..], &[1, 3]);
    assert_eq!(m.incidents_by_month[11].month, "2026-12");
    assert_eq!(m.incidents_by_category.len(), 2);
    assert_eq!(m.incidents_by_category[0].count, 2);
    assert!(
        !m.incidents_by_category[0].name.contains('_'),
        "{:?}",
        m.incidents_by_category
    );
    // Nothing of the roster yet: no attendance bars.
    assert!(m.attendance.is_empty());
}
