//! Hand edits of a saved roster: replacing, swapping and moving seats, what they break (shown
//! before they are made), and what is refused.

use super::patrol::night;
use crate::common::*;
use ttq::model::patrol::{Attendance, PatternInput};
use ttq::ErrorCode;

#[test]
fn hand_edits_apply_and_the_roster_warns_about_broken_rules() {
    let (_d, mut s) = store_with_group();
    for (name, birth) in [
        ("Hoàng Văn Nam", "02/02/1975"),
        ("Vũ Thị Lan", "03/03/1979"),
        ("Bùi Văn Sơn", "04/04/1990"),
    ] {
        s.add_member(&member(name, birth), now()).unwrap();
    }
    let mut young = member("Đỗ Văn Út", "01/06/2010");
    young.joined_on = "01/11/2026".into();
    let young = s.add_member(&young, now()).unwrap();
    s.add_pattern(&night(), now()).unwrap();
    let v = ttq::app::patrols::generate(&mut s, "2026-12", now()).unwrap();
    assert!(v.warnings.is_empty(), "{:?}", v.warnings);

    // Swap the first members of the 1st and 2nd nights.
    let (d1, d2) = (&v.shifts[0], &v.shifts[1]);
    let (a, b) = (d1.seats[0].member_id.clone(), d2.seats[0].member_id.clone());
    if a != b
        && !d1.seats.iter().any(|x| x.member_id == b)
        && !d2.seats.iter().any(|x| x.member_id == a)
    {
        s.swap_seats((&d1.id, &a), (&d2.id, &b), later(1)).unwrap();
        let after = ttq::app::patrols::roster(&s, "2026-12").unwrap();
        assert_eq!(after.shifts[0].seats[0].member_id, b);
        assert_eq!(after.shifts[1].seats[0].member_id, a);
    }

    // Replacing with an ineligible member is allowed but flagged.
    let out = v.shifts[5].seats[0].member_id.clone();
    s.replace_seat(&v.shifts[5].id, &out, &young.id, later(2))
        .unwrap();
    let w = ttq::app::patrols::roster(&s, "2026-12").unwrap().warnings;
    assert!(
        w.iter()
            .any(|x| x.starts_with("Đỗ Văn Út chưa đủ điều kiện")),
        "{w:?}"
    );

    // Moving a member to another night leaves a gap there. (The roster depends on the
    // members' random ids, so find two nights where the move is meaningful.)
    let (i, other) = (9..29)
        .find_map(|i| {
            let (here, next) = (&v.shifts[i], &v.shifts[i + 1]);
            next.seats
                .iter()
                .find(|x| !here.seats.iter().any(|y| y.member_id == x.member_id))
                .map(|x| (i, x.member_id.clone()))
        })
        .unwrap();
    let night10 = &v.shifts[i];
    s.move_seat(&v.shifts[i + 1].id, &other, &night10.id, later(3))
        .unwrap();
    let r = ttq::app::patrols::roster(&s, "2026-12").unwrap();
    assert_eq!(r.shifts[i].seats.len(), 3);
    assert_eq!(r.shifts[i + 1].seats.len(), 1);
    assert_eq!(r.gaps.len(), 1, "the next night now lacks a member");
    // Nobody is seated twice on one shift: the edit is refused with the member's name and
    // the shift keeps its seats.
    let (first, second) = (
        night10.seats[0].member_id.clone(),
        night10.seats[1].member_id.clone(),
    );
    let e = s
        .replace_seat(&night10.id, &second, &first, later(4))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(
        e.message.contains("đã có trong ca đêm ngày"),
        "{}",
        e.message
    );
    assert_eq!(
        ttq::app::patrols::roster(&s, "2026-12").unwrap().shifts[i]
            .seats
            .len(),
        3
    );
    // Four nights in a row for one member breaks the rest rule (K = 3).
    let m = v.shifts[20].seats[0].member_id.clone();
    for i in 21..24 {
        let sh = &v.shifts[i];
        if !sh.seats.iter().any(|x| x.member_id == m) {
            let out = sh.seats[0].member_id.clone();
            s.replace_seat(&sh.id, &out, &m, later(5 + i as i64))
                .unwrap();
        }
    }
    let w = ttq::app::patrols::roster(&s, "2026-12").unwrap().warnings;
    assert!(w.iter().any(|x| x.contains("đêm liền (tối đa 3)")), "{w:?}");

    // A busy date recorded after the roster was made shows up as a warning.
    let sh = &v.shifts[14];
    s.add_availability(
        &sh.seats[0].member_id,
        Some("15/12/2026"),
        None,
        "Đi khám bệnh",
        later(30),
    )
    .unwrap();
    let w = ttq::app::patrols::roster(&s, "2026-12").unwrap().warnings;
    assert!(
        w.iter()
            .any(|x| x.contains("đã báo bận ngày 15/12/2026 (Đi khám bệnh)")),
        "{w:?}"
    );

    // Attended seats are no longer swapped.
    let sh = &v.shifts[29];
    s.set_attendance(
        &sh.id,
        &sh.seats[0].member_id,
        Attendance::CoMat,
        None,
        january(40),
    )
    .unwrap();
    let e = s
        .replace_seat(&sh.id, &sh.seats[0].member_id, &young.id, later(41))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(
        s.move_seat(&sh.id, &sh.seats[1].member_id, "nope", later(42))
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
}

#[test]
fn a_hand_edit_is_previewed_with_what_it_would_break_before_it_is_made() {
    use ttq::model::patrol::SeatEdit;
    let (_d, mut s) = store_with_group();
    for (n, b) in [
        ("Hoàng Văn Nam", "02/02/1975"),
        ("Vũ Thị Lan", "03/03/1979"),
        ("Bùi Văn Sơn", "04/04/1990"),
    ] {
        s.add_member(&member(n, b), now()).unwrap();
    }
    s.add_pattern(&night(), now()).unwrap();
    let view = ttq::app::patrols::generate(&mut s, "2026-12", now()).unwrap();
    let shift = &view.shifts[9];
    let on = shift
        .seats
        .iter()
        .map(|x| x.member_id.clone())
        .collect::<Vec<_>>();
    let all = s.list_members(&Default::default(), today()).unwrap().items;
    let off = all.iter().find(|m| !on.contains(&m.id)).unwrap();
    s.add_availability(&off.id, Some("10/12/2026"), None, "Đi khám bệnh", now())
        .unwrap();
    let edit = SeatEdit::Replace {
        shift_id: shift.id.clone(),
        member_out: on[0].clone(),
        member_in: off.id.clone(),
    };
    let preview = ttq::app::patrols::preview_edit(&s, &edit).unwrap();
    assert!(
        preview
            .iter()
            .any(|w| w.contains("đã báo bận ngày 10/12/2026 (Đi khám bệnh)")),
        "{preview:?}"
    );
    // Previewing changes nothing.
    assert_eq!(
        ttq::app::patrols::roster(&s, "2026-12").unwrap().shifts[9].seats[0].member_id,
        on[0]
    );
    // Seating a member twice on one shift is refused already in the preview.
    let twice = SeatEdit::Replace {
        shift_id: shift.id.clone(),
        member_out: on[0].clone(),
        member_in: on[1].clone(),
    };
    assert_eq!(
        ttq::app::patrols::preview_edit(&s, &twice)
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
}

#[test]
fn a_member_is_never_seated_twice_on_one_shift_and_two_shifts_in_a_night_are_flagged() {
    let (_d, mut s) = store_with_group();
    for (n, b) in [
        ("Hoàng Văn Nam", "02/02/1975"),
        ("Vũ Thị Lan", "03/03/1979"),
        ("Bùi Văn Sơn", "04/04/1990"),
        ("Đặng Văn Tùng", "05/05/1985"),
    ] {
        s.add_member(&member(n, b), now()).unwrap();
    }
    s.add_pattern(&night(), now()).unwrap();
    let evening = PatternInput {
        name: "Ca tối".into(),
        start: "19:00".into(),
        end: "22:00".into(),
        needed: 1,
        ..night()
    };
    s.add_pattern(&evening, now()).unwrap();
    let v = ttq::app::patrols::generate(&mut s, "2026-12", now()).unwrap();
    let holds =
        |sh: &ttq::model::patrol::RosterShift, m: &str| sh.seats.iter().any(|x| x.member_id == m);
    // Two shifts of one night, and a member of the night shift who is not on the evening one.
    let (eve, late) = v
        .shifts
        .iter()
        .zip(v.shifts.iter().skip(1))
        .find(|(a, b)| a.date == b.date && a.pattern_name == "Ca tối")
        .expect("both patterns on one night");
    let m = late
        .seats
        .iter()
        .map(|x| x.member_id.clone())
        .find(|m| !holds(eve, m))
        .unwrap();
    let mate = late
        .seats
        .iter()
        .map(|x| x.member_id.clone())
        .find(|x| *x != m)
        .unwrap();
    // Another night's shift that has `mate` but not `m`.
    let o = v
        .shifts
        .iter()
        .find(|sh| {
            sh.pattern_name == "Ca đêm"
                && sh.date != late.date
                && holds(sh, &mate)
                && !holds(sh, &m)
        })
        .expect("mate patrols another night without m");

    // Each of these would seat `mate` twice on `late`: refused, nothing changes.
    let e = s
        .swap_seats((&late.id, &m), (&o.id, &mate), later(1))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict, "{}", e.message);
    assert_eq!(
        s.move_seat(&o.id, &mate, &late.id, later(2))
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    assert_eq!(
        s.swap_seats((&late.id, &m), (&late.id, &mate), later(3))
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    assert_eq!(
        ttq::app::patrols::roster(&s, "2026-12").unwrap().shifts,
        v.shifts,
        "nothing changed"
    );

    // Two shifts in one night for one member is allowed but flagged.
    let out = eve.seats[0].member_id.clone();
    s.replace_seat(&eve.id, &out, &m, later(4)).unwrap();
    let w = ttq::app::patrols::roster(&s, "2026-12").unwrap().warnings;
    let d = chrono::NaiveDate::parse_from_str(&late.date, "%Y-%m-%d").unwrap();
    let double = format!("trực hai ca trong đêm {}", d.format("%d/%m/%Y"));
    assert!(w.iter().any(|x| x.contains(&double)), "{w:?}");
}

#[test]
fn regenerating_names_the_hand_edits_and_bulk_marking_keeps_the_exceptions() {
    use ttq::model::patrol::PresentScope;
    let (_d, mut s) = store_with_group();
    for (name, birth) in [
        ("Hoàng Văn Nam", "02/02/1975"),
        ("Vũ Thị Lan", "03/03/1979"),
    ] {
        s.add_member(&member(name, birth), now()).unwrap();
    }
    s.add_pattern(&night(), now()).unwrap();
    let v = ttq::app::patrols::generate(&mut s, "2026-12", now()).unwrap();
    assert!(ttq::app::patrols::hand_edits(&s, "2026-12")
        .unwrap()
        .is_empty());

    // A hand replacement is named with its night, pattern and who holds the seat now.
    let spare = v
        .tallies
        .iter()
        .find(|t| !v.shifts[4].seats.iter().any(|x| x.member_id == t.member_id))
        .map(|t| t.member_id.clone())
        .expect("three members, two seats a night");
    let out = v.shifts[4].seats[0].member_id.clone();
    s.replace_seat(&v.shifts[4].id, &out, &spare, later(5))
        .unwrap();
    let edits = ttq::app::patrols::hand_edits(&s, "2026-12").unwrap();
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(edits[0].date, "2026-12-05");
    assert_eq!(edits[0].pattern_name, "Ca đêm");
    // Regenerating (confirmed) starts clean again.
    ttq::app::patrols::generate(&mut s, "2026-12", later(6)).unwrap();
    assert!(ttq::app::patrols::hand_edits(&s, "2026-12")
        .unwrap()
        .is_empty());
    let v = ttq::app::patrols::roster(&s, "2026-12").unwrap();

    // On 10/12 at 10:00: one absence marked by hand, then the week of 07/12 in one go.
    let at = |h: &str| {
        chrono::DateTime::parse_from_rfc3339(h)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let tenth = at("2026-12-10T10:00:00+07:00");
    let eighth = v.shifts.iter().find(|x| x.date == "2026-12-08").unwrap();
    let absent = eighth.seats[0].member_id.clone();
    s.set_attendance(&eighth.id, &absent, Attendance::VangCoLyDo, None, tenth)
        .unwrap();
    let week = PresentScope::Week {
        day: "2026-12-09".into(),
    };
    let r = ttq::app::patrols::mark_present(&mut s, &week, tenth).unwrap();
    let per_shift = eighth.seats.len() as u32;
    assert_eq!(
        (r.shifts, r.not_started),
        (3, 4),
        "07–09 started, 10–13 not"
    );
    assert_eq!(r.marked, 3 * per_shift - 1, "the absence stays");
    let after = ttq::app::patrols::roster(&s, "2026-12").unwrap();
    let seat = |d: &str, m: &str| {
        after
            .shifts
            .iter()
            .find(|x| x.date == d)
            .unwrap()
            .seats
            .iter()
            .find(|x| x.member_id == m)
            .unwrap()
            .attendance
    };
    assert_eq!(seat("2026-12-08", &absent), Some(Attendance::VangCoLyDo));
    let tenth_shift = after
        .shifts
        .iter()
        .find(|x| x.date == "2026-12-10")
        .unwrap();
    assert!(tenth_shift.seats.iter().all(|x| x.attendance.is_none()));
    // Again: nothing left to mark. One shift that has not started: nothing marked.
    assert_eq!(
        ttq::app::patrols::mark_present(&mut s, &week, tenth)
            .unwrap()
            .marked,
        0
    );
    let one = PresentScope::Shift {
        shift_id: tenth_shift.id.clone(),
    };
    let r = ttq::app::patrols::mark_present(&mut s, &one, tenth).unwrap();
    assert_eq!((r.marked, r.not_started), (0, 1));
}
