//! The ledger on a real database: nothing is lost after edits and strike-throughs, closed
//! months are frozen, search folds Vietnamese, counts add up.

use crate::common::*;
use ttq::model::activity::{ActivityFilter, ActivityKind, Assignment};
use ttq::model::incident::{IncidentFilter, IncidentStatus, ReporterKind};
use ttq::{ErrorCode, Store};

fn list(s: &Store, f: IncidentFilter) -> Vec<String> {
    s.list_incidents(&f)
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.title)
        .collect()
}

fn search(s: &Store, q: &str) -> Vec<String> {
    list(
        s,
        IncidentFilter {
            search: q.into(),
            ..Default::default()
        },
    )
}

#[test]
fn every_edit_keeps_the_previous_version() {
    let (_d, mut s) = store_with_group();
    let i = s
        .add_incident(
            &incident("Cướp giật túi xách", "20/11/2026", "cuop_giat"),
            now(),
        )
        .unwrap();
    assert_eq!(i.version, 1);
    let mut edit = incident("Cướp giật túi xách", "20/11/2026", "cuop_giat");
    edit.status = IncidentStatus::DaChuyenCongAn;
    edit.transferred_on = "21/11/2026".into();
    edit.transferred_to = "Công an phường Yên Hải".into();
    edit.valuable_tip = true;
    edit.editor = "Vũ Thị Lan".into();
    let e = s.edit_incident(&i.id, &edit, later(60)).unwrap();
    assert_eq!(e.version, 2);
    assert_eq!(e.status, IncidentStatus::DaChuyenCongAn);

    let h = s.incident_history(&i.id).unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(
        (h[0].summary.as_str(), h[0].editor.as_str()),
        ("Ghi mới", "Lê Văn Thành")
    );
    assert_eq!(h[1].editor, "Vũ Thị Lan");
    let fields: Vec<_> = h[1]
        .changes
        .iter()
        .map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("Tình trạng", "Mới", "Đã chuyển Công an"),
            ("Ngày chuyển Công an", "", "21/11/2026"),
            ("Chuyển cho", "", "Công an phường Yên Hải"),
            ("Tin có giá trị", "Không", "Có"),
        ]
    );
    // Saving the same again makes no new version.
    assert_eq!(s.edit_incident(&i.id, &edit, later(90)).unwrap().version, 2);
    // The full previous record is kept in the database.
    let conn = rusqlite::Connection::open(s.path()).unwrap();
    let prev: String = conn
        .query_row(
            "SELECT previous FROM record_versions WHERE record_id = ?1 AND version = 2",
            [&i.id],
            |r| r.get(0),
        )
        .unwrap();
    let prev: serde_json::Value = serde_json::from_str(&prev).unwrap();
    assert_eq!(prev["status"], "moi");
    assert_eq!(prev["people_involved"], "Chị Lê Thị B (bị hại)");
}

#[test]
fn strike_through_keeps_the_record_and_stops_counting_it() {
    let (_d, mut s) = store_with_group();
    let a = s
        .add_incident(&incident("Trộm xe đạp", "10/11/2026", "trom_cap"), now())
        .unwrap();
    s.add_incident(
        &incident("Trộm điện thoại", "11/11/2026", "trom_cap"),
        now(),
    )
    .unwrap();
    let bad = s
        .strike_incident(&a.id, " ", "Lê Văn Thành", later(1))
        .unwrap_err();
    assert_eq!(bad.fields[0].field, "reason");
    let struck = s
        .strike_incident(&a.id, "Ghi trùng", "Lê Văn Thành", later(2))
        .unwrap();
    assert!(struck.struck);
    assert_eq!(struck.strike_reason.as_deref(), Some("Ghi trùng"));
    assert_eq!(struck.title, "Trộm xe đạp", "content unchanged");
    assert_eq!(search(&s, "trom"), ["Trộm điện thoại"]);
    assert_eq!(
        list(
            &s,
            IncidentFilter {
                include_struck: true,
                ..Default::default()
            }
        ),
        ["Trộm điện thoại", "Trộm xe đạp"]
    );
    let counts = s.category_counts(Some("2026-11")).unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!(
        (counts[0].name.as_str(), counts[0].count),
        ("Trộm cắp tài sản", 1)
    );
    assert_eq!(
        s.strike_incident(&a.id, "x", "y", later(3))
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    let edit = s
        .edit_incident(&a.id, &incident("Khác", "10/11/2026", "trom_cap"), later(4))
        .unwrap_err();
    assert_eq!(edit.code, ErrorCode::Conflict);
    assert_eq!(
        s.incident_history(&a.id).unwrap().last().unwrap().summary,
        "Gạch bỏ: Ghi trùng"
    );
}

#[test]
fn search_folds_vietnamese_over_title_description_and_place() {
    let (_d, mut s) = store_with_group();
    s.add_incident(
        &incident("Cướp giật túi xách", "20/11/2026", "cuop_giat"),
        now(),
    )
    .unwrap();
    let mut b = incident("Cháy bếp nhà dân", "21/11/2026", "chay_no");
    b.place = "Số 3 đường Đặng Tiến Đông".into();
    b.landmark = "".into();
    b.description = "Khói bốc lên từ gian bếp, bà con dùng bình chữa cháy dập tắt.".into();
    s.add_incident(&b, now()).unwrap();
    assert_eq!(search(&s, "cuop giat"), ["Cướp giật túi xách"]);
    assert_eq!(search(&s, "CƯỚP"), ["Cướp giật túi xách"]);
    assert_eq!(search(&s, "dang tien dong"), ["Cháy bếp nhà dân"]);
    assert_eq!(search(&s, "binh chua chay"), ["Cháy bếp nhà dân"]);
    assert_eq!(search(&s, "nguyen trai"), ["Cướp giật túi xách"]);
    assert_eq!(
        search(&s, "cho yen hai"),
        ["Cướp giật túi xách"],
        "landmark"
    );
    // Short words and parts of words narrow the search too.
    assert_eq!(search(&s, "xe"), ["Cướp giật túi xách"]);
    assert_eq!(search(&s, "ach"), ["Cướp giật túi xách"]);
    assert!(search(&s, "ma tuy").is_empty());
    assert_eq!(search(&s, "").len(), 2);
    // Filters combine with search.
    assert_eq!(
        list(
            &s,
            IncidentFilter {
                category: Some("chay_no".into()),
                search: "bep".into(),
                ..Default::default()
            }
        ),
        ["Cháy bếp nhà dân"]
    );
    assert!(list(
        &s,
        IncidentFilter {
            month: Some("2026-10".into()),
            ..Default::default()
        }
    )
    .is_empty());
    assert_eq!(
        list(
            &s,
            IncidentFilter {
                status: Some(IncidentStatus::Moi),
                limit: Some(1),
                ..Default::default()
            }
        ),
        ["Cháy bếp nhà dân"]
    );
}

#[test]
fn user_categories_extend_the_list_without_touching_old_records() {
    let (_d, mut s) = store_with_group();
    let old = s
        .add_incident(&incident("Trộm gà", "01/11/2026", "trom_cap"), now())
        .unwrap();
    let c = s.add_category("Xả rác nơi công cộng", now()).unwrap();
    assert!(!c.builtin);
    assert_eq!(
        s.add_category("xa rac noi cong cong", now())
            .unwrap_err()
            .code,
        ErrorCode::Invalid
    );
    let n = s
        .add_incident(&incident("Đổ rác ra ngõ", "02/11/2026", &c.code), now())
        .unwrap();
    assert_eq!(n.category_name, "Xả rác nơi công cộng");
    assert_eq!(
        s.incident(&old.id).unwrap().category_name,
        "Trộm cắp tài sản"
    );
    let e = s
        .add_incident(&incident("?", "02/11/2026", "khong_co"), now())
        .unwrap_err();
    assert_eq!(e.fields[0].field, "category");
}

#[test]
fn reporter_member_must_exist() {
    let (_d, mut s) = store_with_group();
    let mut i = incident("Người lạ", "02/11/2026", "cu_tru");
    i.reporter_kind = ReporterKind::Member;
    i.reporter_member_id = Some("not-a-member".into());
    assert_eq!(
        s.add_incident(&i, now()).unwrap_err().fields[0].field,
        "reporter_member_id"
    );
    let leader = s
        .list_members(&Default::default(), today())
        .unwrap()
        .items
        .remove(0);
    i.reporter_member_id = Some(leader.id);
    s.add_incident(&i, now()).unwrap();
}

#[test]
fn activities_add_up_for_the_month() {
    let (_d, mut s) = store_with_group();
    let mut meeting = activity(ActivityKind::HopDan, "10/11/2026");
    meeting.content = "Bàn việc lắp camera an ninh đầu ngõ".into();
    meeting.assignments = vec![Assignment {
        who: "Ông Sơn".into(),
        what: "Sửa đèn ngõ 3".into(),
        due: "30/11/2026".into(),
    }];
    s.add_activity(&meeting, now()).unwrap();
    s.add_activity(&activity(ActivityKind::HopTo, "02/11/2026"), now())
        .unwrap();
    s.add_activity(&activity(ActivityKind::TuyenTruyen, "12/11/2026"), now())
        .unwrap();
    s.add_activity(&activity(ActivityKind::HoaGiai, "13/11/2026"), now())
        .unwrap();
    let mut failed = activity(ActivityKind::HoaGiai, "14/11/2026");
    failed.mediation_success = Some(false);
    s.add_activity(&failed, now()).unwrap();
    let dup = s
        .add_activity(&activity(ActivityKind::CamKet, "15/11/2026"), now())
        .unwrap();
    s.add_activity(&activity(ActivityKind::CamKet, "16/11/2026"), now())
        .unwrap();
    s.add_activity(&activity(ActivityKind::TuyenTruyen, "16/10/2026"), now())
        .unwrap();
    s.strike_activity(&dup.id, "Ghi trùng", "Lê Văn Thành", later(5))
        .unwrap();

    let m = ttq::app::ledger::activity_summary(&s, "2026-11").unwrap();
    assert_eq!(
        (
            m.group_meetings,
            m.resident_meetings,
            m.resident_meeting_attendees
        ),
        (1, 1, 40)
    );
    assert_eq!((m.awareness_sessions, m.people_reached), (1, 40));
    assert_eq!((m.mediations, m.mediations_successful), (2, 1));
    assert_eq!(m.households_committed, 15);

    let found = s
        .list_activities(&ActivityFilter {
            search: "CAMERA an ninh".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    let november = s
        .list_activities(&ActivityFilter {
            month: Some("2026-11".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(november.len(), 6, "struck and October ones left out");
    let meetings = s
        .list_activities(&ActivityFilter {
            kind: Some(ActivityKind::HopDan),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(meetings[0].assignments[0].due, "2026-11-30");
    assert_eq!(
        meetings[0].households, None,
        "fields of other kinds are dropped"
    );
}

#[test]
fn activity_edits_are_versioned() {
    let (_d, mut s) = store_with_group();
    let a = s
        .add_activity(&activity(ActivityKind::TuyenTruyen, "12/11/2026"), now())
        .unwrap();
    let mut e = activity(ActivityKind::TuyenTruyen, "12/11/2026");
    e.people = Some(55);
    let b = s.edit_activity(&a.id, &e, later(10)).unwrap();
    assert_eq!(b.people, Some(55));
    let h = s.activity_history(&a.id).unwrap();
    assert_eq!(h[1].changes[0].field, "Số người");
    assert_eq!(
        (
            h[1].changes[0].before.as_str(),
            h[1].changes[0].after.as_str()
        ),
        ("40", "55")
    );
}

#[test]
fn the_list_sees_what_another_program_wrote() {
    let (dir, mut s) = store_with_group();
    s.add_incident(&incident("Trộm gà", "01/11/2026", "trom_cap"), now())
        .unwrap();
    assert_eq!(search(&s, "ga"), ["Trộm gà"]);
    // The CLI (another connection) records one while the app is open.
    let mut other = Store::open_dir(dir.path()).unwrap();
    other
        .add_incident(
            &incident("Trộm gà lần hai", "02/11/2026", "trom_cap"),
            now(),
        )
        .unwrap();
    assert_eq!(search(&s, "trom ga"), ["Trộm gà lần hai", "Trộm gà"]);
}

#[test]
fn edits_keep_the_list_in_date_order() {
    let (_d, mut s) = store_with_group();
    let a = s
        .add_incident(&incident("Vụ A", "05/11/2026", "khac"), now())
        .unwrap();
    s.add_incident(&incident("Vụ B", "10/11/2026", "khac"), now())
        .unwrap();
    assert_eq!(search(&s, ""), ["Vụ B", "Vụ A"]);
    // Moving A to a later date moves it up; the title change is searchable at once.
    s.edit_incident(
        &a.id,
        &incident("Vụ A đã sửa", "12/11/2026", "khac"),
        later(5),
    )
    .unwrap();
    assert_eq!(search(&s, ""), ["Vụ A đã sửa", "Vụ B"]);
    assert_eq!(search(&s, "da sua"), ["Vụ A đã sửa"]);
}

#[test]
fn search_finds_a_record_by_what_it_is() {
    let (_d, mut s) = store_with_group();
    let mut i = incident("Mất xe máy trước cửa nhà", "10/11/2026", "trom_cap");
    i.description = "Bẻ khóa xe rồi dắt đi.".into();
    s.add_incident(&i, now()).unwrap();
    let mut lamp = incident("Đèn đường hỏng ở ngõ 5", "11/11/2026", "khac");
    lamp.description = "Người dân lo trộm cắp vì ngõ tối.".into();
    s.add_incident(&lamp, now()).unwrap();
    let mut sent = incident("Đánh nhau trước quán", "12/11/2026", "danh_nhau");
    sent.status = IncidentStatus::DaChuyenCongAn;
    sent.transferred_on = "12/11/2026".into();
    sent.transferred_to = "Công an phường Yên Hải".into();
    s.add_incident(&sent, now()).unwrap();
    // The theft's words lack "cắp", but its category is "Trộm cắp tài sản".
    let mut found = search(&s, "trom cap");
    found.sort();
    assert_eq!(
        found,
        ["Mất xe máy trước cửa nhà", "Đèn đường hỏng ở ngõ 5"]
    );
    assert_eq!(search(&s, "da chuyen cong an"), ["Đánh nhau trước quán"]);
    assert!(search(&s, "hoa giai thanh").is_empty());
    // An activity is found by its kind's name.
    s.add_activity(&activity(ActivityKind::HoaGiai, "13/11/2026"), now())
        .unwrap();
    let found = s
        .list_activities(&ActivityFilter {
            search: "hoa giai".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
}
