//! Patrols on a real database: patterns, availability, a generated roster, attendance and
//! the month's figures.

use crate::common::*;
use ttq::model::patrol::{Attendance, PatternInput};
use ttq::ErrorCode;

pub(crate) fn night() -> PatternInput {
    PatternInput {
        name: "Ca đêm".into(),
        start: "22:00".into(),
        end: "04:00".into(),
        weekdays: [true; 7],
        needed: 2,
        route: "Chợ – bờ sông".into(),
    }
}

#[test]
fn a_month_is_rostered_attended_and_counted() {
    let (_d, mut s) = store_with_group();
    assert_eq!(
        ttq::app::patrols::generate(&mut s, "2026-12", now())
            .unwrap_err()
            .code,
        ErrorCode::Conflict,
        "no pattern yet"
    );
    for (name, birth) in [
        ("Hoàng Văn Nam", "02/02/1975"),
        ("Vũ Thị Lan", "03/03/1979"),
        ("Bùi Văn Sơn", "04/04/1990"),
        ("Ngô Văn Tú", "05/05/1988"),
    ] {
        s.add_member(&member(name, birth), now()).unwrap();
    }
    let mut young = member("Đỗ Văn Út", "01/06/2010");
    young.joined_on = "01/11/2026".into();
    let young = s.add_member(&young, now()).unwrap();
    s.add_pattern(&night(), now()).unwrap();
    let lan = s
        .list_members(&Default::default(), today())
        .unwrap()
        .items
        .into_iter()
        .find(|m| m.full_name == "Vũ Thị Lan")
        .unwrap();
    s.add_availability(&lan.id, Some("24/12/2026"), None, "Đi công tác", now())
        .unwrap();
    assert_eq!(
        s.add_availability(&lan.id, None, None, "x", now())
            .unwrap_err()
            .code,
        ErrorCode::Invalid
    );

    let view = ttq::app::patrols::generate(&mut s, "12/2026", now()).unwrap();
    assert_eq!(view.shifts.len(), 31);
    assert!(view.gaps.is_empty());
    assert_eq!(view.not_rostered.len(), 1);
    assert_eq!(view.not_rostered[0].0, "Đỗ Văn Út");
    assert!(view
        .shifts
        .iter()
        .all(|x| x.seats.iter().all(|m| m.member_id != young.id)));
    let dec24 = view.shifts.iter().find(|x| x.date == "2026-12-24").unwrap();
    assert!(
        dec24.seats.iter().all(|m| m.member_id != lan.id),
        "blocked date respected"
    );
    // 5 eligible members (the leader too) share 62 seats: 12 or 13 each.
    assert_eq!(view.tallies.len(), 5);
    assert!(view.tallies.iter().all(|t| (12..=13).contains(&t.total)));

    // Regenerating before any attendance replaces the roster, it does not add to it.
    let again = ttq::app::patrols::generate(&mut s, "2026-12", now()).unwrap();
    assert_eq!(again.shifts.len(), 31);

    let first = &again.shifts[0];
    let (a, b) = (&first.seats[0].member_id, &first.seats[1].member_id);
    // Before the shift starts (22:00 on 01/12) nobody can be marked for it.
    let early = s
        .set_attendance(&first.id, a, Attendance::CoMat, None, later(1))
        .unwrap_err();
    assert_eq!(early.code, ErrorCode::Conflict);
    assert!(
        early
            .message
            .contains("Ca ngày 01/12/2026 bắt đầu lúc 22:00"),
        "{}",
        early.message
    );
    s.set_attendance(&first.id, a, Attendance::CoMat, None, january(1))
        .unwrap();
    let other = again
        .tallies
        .iter()
        .find(|t| &t.member_id != a && &t.member_id != b)
        .unwrap();
    assert_eq!(
        s.set_attendance(&first.id, b, Attendance::ThayBoi, None, january(2))
            .unwrap_err()
            .fields[0]
            .field,
        "substitute_id"
    );
    // Nobody substitutes for a member of the same shift's other seat, or for themselves.
    let e = s
        .set_attendance(&first.id, b, Attendance::ThayBoi, Some(a), january(3))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(
        e.message.contains("đã có mặt trong ca này"),
        "{}",
        e.message
    );
    s.set_attendance(
        &first.id,
        b,
        Attendance::ThayBoi,
        Some(&other.member_id),
        january(3),
    )
    .unwrap();
    // …and one substitute stands in once a shift (counted once).
    assert_eq!(
        s.set_attendance(
            &first.id,
            a,
            Attendance::ThayBoi,
            Some(&other.member_id),
            january(3)
        )
        .unwrap_err()
        .code,
        ErrorCode::Conflict
    );
    let second = &again.shifts[1];
    s.set_attendance(
        &second.id,
        &second.seats[0].member_id,
        Attendance::VangKhongLyDo,
        None,
        january(4),
    )
    .unwrap();

    let f = ttq::app::patrols::figures(&s, "2026-12").unwrap();
    assert_eq!((f.patrols_held, f.member_turns), (1, 2));
    assert_eq!(f.hours(), 12.0, "two members × 6 hours");
    assert!((f.attendance_rate().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    let shown = ttq::app::patrols::roster(&s, "2026-12").unwrap();
    assert_eq!(
        shown.shifts[0].seats[1].substitute_name.as_deref(),
        Some(other.name.as_str())
    );

    // With attendance recorded the month is no longer regenerated wholesale.
    assert_eq!(
        ttq::app::patrols::generate(&mut s, "2026-12", now())
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    assert_eq!(
        ttq::app::patrols::generate(&mut s, "2026-13", now())
            .unwrap_err()
            .code,
        ErrorCode::Invalid
    );
}

#[test]
fn the_patrol_log_keeps_time_stamped_notes() {
    let (_d, mut s) = store_with_group();
    s.add_pattern(&night(), now()).unwrap();
    let view = ttq::app::patrols::generate(&mut s, "2026-11", now()).unwrap();
    let shift = &view.shifts[19];
    let e = s
        .add_log(
            Some(&shift.id),
            "20/11/2026 23:40",
            "Nhắc nhóm thanh niên tụ tập ở bãi đất trống giải tán",
            now(),
        )
        .unwrap();
    assert_eq!(e.logged_at, "2026-11-20 23:40");
    s.add_log(
        None,
        "21/11/2026 1:05",
        "Kiểm tra cổng chợ, bình thường",
        now(),
    )
    .unwrap();
    let bad = s
        .add_log(Some("nope"), "32/11/2026 25:00", " ", now())
        .unwrap_err();
    assert_eq!(bad.fields.len(), 3);
    assert_eq!(
        s.add_log(None, "01/12/2030 01:00", "x", now())
            .unwrap_err()
            .fields[0]
            .field,
        "logged_at"
    );
    let log = s.log_entries("2026-11").unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[1].logged_at, "2026-11-21 01:05");
    assert!(s.log_entries("2026-10").unwrap().is_empty());
}

#[test]
fn a_log_entry_becomes_an_incident_linked_both_ways() {
    let (_d, mut s) = store_with_group();
    s.add_pattern(&night(), now()).unwrap();
    let shift = ttq::app::patrols::generate(&mut s, "2026-11", now())
        .unwrap()
        .shifts[19]
        .clone();
    let e = s
        .add_log(
            Some(&shift.id),
            "20/11/2026 23:40",
            "Hai người lạ dò xe máy trong ngõ 12",
            now(),
        )
        .unwrap();
    let input = ttq::model::incident::IncidentInput {
        occurred_on: "20/11/2026".into(),
        occurred_time: "23:40".into(),
        time_approx: false,
        place: "Ngõ 12".into(),
        landmark: "".into(),
        category: "cu_tru".into(),
        title: "Người lạ dò xe máy".into(),
        description: e.note.clone(),
        people_involved: "".into(),
        reporter_kind: ttq::model::incident::ReporterKind::Resident,
        reporter_member_id: None,
        reporter_name: "".into(),
        action_taken: "".into(),
        status: ttq::model::incident::IncidentStatus::DangTheoDoi,
        transferred_on: "".into(),
        transferred_to: "".into(),
        valuable_tip: false,
        patrol_log_id: Some(e.id.clone()),
        editor: "Lê Văn Thành".into(),
    };
    let i = s.add_incident(&input, now()).unwrap();
    assert_eq!(i.patrol_log_id.as_deref(), Some(e.id.as_str()));
    assert_eq!(
        s.log_entries("2026-11").unwrap()[0].incident_id.as_deref(),
        Some(i.id.as_str())
    );
    assert_eq!(
        s.add_incident(&input, now()).unwrap_err().code,
        ErrorCode::Conflict,
        "only once"
    );
    let mut unknown = input.clone();
    unknown.patrol_log_id = Some("nope".into());
    assert_eq!(
        s.add_incident(&unknown, now()).unwrap_err().fields[0].field,
        "patrol_log_id"
    );
}

#[test]
fn the_roster_exports_as_icalendar_a_real_parser_reads() {
    use std::io::BufReader;
    let (_d, mut s) = store_with_group();
    s.add_member(&member("Hoàng Văn Nam", "02/02/1975"), now())
        .unwrap();
    s.add_member(&member("Vũ Thị Lan", "03/03/1979"), now())
        .unwrap();
    s.add_pattern(&night(), now()).unwrap();
    let view = ttq::app::patrols::generate(&mut s, "2026-11", now()).unwrap();
    let text = ttq::roster::ics::to_ics(&view, "Tổ tự quản ANTT Thôn Đông", None, now());
    assert!(
        text.lines().all(|l| l.len() <= 76),
        "folded at 75 octets plus CR"
    );
    let cal = ical::IcalParser::new(BufReader::new(text.as_bytes()))
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(cal.events.len(), 30);
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .cloned()
            .unwrap()
    };
    let first = &cal.events[0];
    let start = prop(first, "DTSTART");
    assert_eq!(start.value.as_deref(), Some("20261101T220000"));
    let params = start.params.unwrap();
    assert!(params
        .iter()
        .any(|(k, v)| k == "TZID" && v == &vec!["Asia/Ho_Chi_Minh".to_string()]));
    assert_eq!(
        prop(first, "DTEND").value.as_deref(),
        Some("20261102T040000"),
        "ends next morning"
    );
    assert!(prop(first, "SUMMARY").value.unwrap().contains("Ca đêm"));
    assert!(cal.timezones.iter().any(|z| z
        .properties
        .iter()
        .any(|p| p.value.as_deref() == Some("Asia/Ho_Chi_Minh"))));

    let lan = view
        .tallies
        .iter()
        .find(|t| t.name == "Vũ Thị Lan")
        .unwrap();
    let mine = ttq::roster::ics::to_ics(&view, "Tổ", Some(&lan.member_id), now());
    let cal = ical::IcalParser::new(BufReader::new(mine.as_bytes()))
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(cal.events.len() as u32, lan.total);
}

#[test]
fn the_roster_prints_on_a4_landscape_with_each_members_tallies() {
    let (d, mut s) = store_with_group();
    for (n, b) in [
        ("Hoàng Văn Nam", "02/02/1975"),
        ("Vũ Thị Lan", "03/03/1979"),
        ("Đặng Văn Bình", "04/04/1990"),
    ] {
        s.add_member(&member(n, b), now()).unwrap();
    }
    s.add_pattern(&night(), now()).unwrap();
    let view = ttq::app::patrols::generate(&mut s, "2026-11", now()).unwrap();
    let pdf = ttq::app::patrols::pdf(&s, "2026-11", today()).unwrap();
    assert_eq!(pdf.name, "Lich tuan tra thang 11-2026.pdf");
    let path = d.path().join("lich.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    crate::common::pdf::qpdf_ok(&path);
    crate::common::pdf::assert_nd30_geometry(&path, true);
    let text = crate::common::pdf::flat_text(&path);
    for expected in [
        "LỊCH TUẦN TRA",
        "Tháng 11 năm 2026",
        "Chủ nhật 01/11",
        "Số ca của từng thành viên trong tháng",
        "Hoàng Văn Nam",
        "Đặng Văn Bình",
        "TỔ TRƯỞNG",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    // Each member's tally is printed next to their name.
    for t in &view.tallies {
        assert!(
            text.contains(&format!("{} {} {}", t.name, t.total, t.special)),
            "tally of {}",
            t.name
        );
    }
}

#[test]
fn busy_days_are_listed_and_removed_the_rest_rule_is_set_and_actual_hours_count() {
    let (_d, mut s) = store_with_group();
    let nam = s
        .add_member(&member("Hoàng Văn Nam", "02/02/1975"), now())
        .unwrap();
    s.add_member(&member("Vũ Thị Lan", "03/03/1979"), now())
        .unwrap();
    let mut young = member("Đỗ Văn Út", "01/06/2010");
    young.joined_on = "01/11/2026".into();
    s.add_member(&young, now()).unwrap();
    s.add_availability(&nam.id, Some("24/12/2026"), None, "Đi công tác", now())
        .unwrap();
    s.add_availability(&nam.id, None, Some(5), "Trông cháu", now())
        .unwrap();
    let busy = s.availability().unwrap();
    assert_eq!(busy.len(), 2);
    assert_eq!(busy[0].weekday, Some(5), "weekly days first");
    assert_eq!(busy[1].date.as_deref(), Some("2026-12-24"));
    s.remove_availability(&busy[0].id, later(1)).unwrap();
    assert_eq!(s.availability().unwrap().len(), 1);
    assert_eq!(
        s.remove_availability(&busy[0].id, later(2))
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );

    assert_eq!(s.max_consecutive().unwrap(), 3);
    assert_eq!(
        s.set_max_consecutive(0, now()).unwrap_err().code,
        ErrorCode::Invalid
    );
    assert_eq!(
        s.set_max_consecutive(9, now()).unwrap_err().code,
        ErrorCode::Invalid
    );
    s.set_max_consecutive(2, now()).unwrap();
    s.add_pattern(&night(), now()).unwrap();
    let view = ttq::app::patrols::generate(&mut s, "2026-12", now()).unwrap();
    assert_eq!(view.max_consecutive, 2);
    // With three members, two a night and at most two nights in a row, some nights go short;
    // the under-18 member is left out, and the saved roster still says so later.
    let later_view = ttq::app::patrols::roster(&s, "2026-12").unwrap();
    assert_eq!(later_view.not_rostered.len(), 1);
    assert_eq!(later_view.not_rostered[0].0, "Đỗ Văn Út");

    // Actual times replace the planned six hours in the figures.
    let shift = &later_view.shifts[0];
    let who = shift.seats[0].member_id.clone();
    s.set_attendance(&shift.id, &who, Attendance::CoMat, None, january(0))
        .unwrap();
    assert_eq!(
        ttq::app::patrols::figures(&s, "2026-12").unwrap().hours(),
        6.0
    );
    assert_eq!(
        s.set_actual_times(&shift.id, &who, "22:15", "25:00", january(1))
            .unwrap_err()
            .fields[0]
            .field,
        "actual_end"
    );
    s.set_actual_times(&shift.id, &who, "22:30", "02:00", january(1))
        .unwrap();
    assert_eq!(
        ttq::app::patrols::figures(&s, "2026-12").unwrap().hours(),
        3.5
    );
    let seat = &ttq::app::patrols::roster(&s, "2026-12").unwrap().shifts[0].seats[0];
    assert_eq!(
        (seat.actual_start.as_deref(), seat.actual_end.as_deref()),
        (Some("22:30"), Some("02:00"))
    );
    s.set_actual_times(&shift.id, &who, "", "", january(1))
        .unwrap();
    assert_eq!(
        ttq::app::patrols::figures(&s, "2026-12").unwrap().hours(),
        6.0
    );
}

#[test]
fn names_sort_the_vietnamese_way_and_a_possible_duplicate_is_said() {
    let (d, mut s) = store_with_group();
    for (n, b) in [
        ("Trần Văn Đông", "02/02/1975"),
        ("Nguyễn Thị Dung", "03/03/1979"),
        ("Lê Văn An", "04/04/1990"),
    ] {
        s.add_member(&member(n, b), now()).unwrap();
    }
    // Two records of one man, neither with a health certificate.
    for _ in 0..2 {
        let mut m = member("Bùi Công Thắng", "05/05/1985");
        m.health_cert_date = "".into();
        s.add_member(&m, now()).unwrap();
    }
    let names: Vec<String> = s
        .list_members(&Default::default(), today())
        .unwrap()
        .items
        .into_iter()
        .map(|m| m.full_name)
        .collect();
    // The leader first, then members by given name.
    assert_eq!(
        names,
        [
            "Lê Văn Thành",
            "Lê Văn An",
            "Nguyễn Thị Dung",
            "Trần Văn Đông",
            "Bùi Công Thắng",
            "Bùi Công Thắng"
        ]
    );
    s.add_pattern(&night(), now()).unwrap();
    let view = ttq::app::patrols::generate(&mut s, "2026-11", now()).unwrap();
    // The two records read alike and are listed once, saying they may be one person.
    assert_eq!(view.not_rostered.len(), 1);
    for (name, why) in &view.not_rostered {
        assert_eq!(name, "Bùi Công Thắng");
        assert!(why.contains("Chưa có giấy khám sức khỏe"), "{why}");
        assert!(why.contains("có thể trùng với một hồ sơ khác"), "{why}");
    }
    assert_eq!(
        ttq::app::patrols::roster(&s, "2026-11")
            .unwrap()
            .not_rostered,
        view.not_rostered
    );
    let pdf = ttq::app::patrols::pdf(&s, "2026-11", today()).unwrap();
    let path = d.path().join("lich.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let text = crate::common::pdf::flat_text(&path);
    let tallies = &text[text.find("Số ca của từng thành viên").unwrap()..];
    let at = |n: &str| {
        tallies
            .find(n)
            .unwrap_or_else(|| panic!("{n} in {tallies}"))
    };
    assert!(at("Lê Văn An") < at("Nguyễn Thị Dung"));
    assert!(at("Nguyễn Thị Dung") < at("Trần Văn Đông"));
    assert!(text.contains("có thể trùng với một hồ sơ khác"));
}
