//! Members on a real database: search, filters, history, leaving, anonymising.

use crate::common::*;
use ttq::model::member::{LeaveInput, MemberFilter, MemberStatus, Role};
use ttq::ErrorCode;
use unicode_normalization::UnicodeNormalization;

fn search(s: &ttq::Store, q: &str) -> Vec<String> {
    s.list_members(
        &MemberFilter {
            search: q.into(),
            role: None,
            status: MemberStatus::All,
        },
        today(),
    )
    .unwrap()
    .items
    .into_iter()
    .map(|m| m.full_name)
    .collect()
}

#[test]
fn search_folds_vietnamese() {
    let (_d, mut s) = store_with_group();
    s.add_member(&member("Nguyễn Thị Thanh Hảo", "01/02/1980"), now())
        .unwrap();
    s.add_member(&member("Đặng Nguyễn", "01/02/1981"), now())
        .unwrap();
    s.add_member(&member("Trần Văn Hào", "01/02/1982"), now())
        .unwrap();
    assert_eq!(search(&s, "hao"), ["Nguyễn Thị Thanh Hảo", "Trần Văn Hào"]);
    assert_eq!(search(&s, "Hảo"), ["Nguyễn Thị Thanh Hảo", "Trần Văn Hào"]);
    for q in ["nguyen", "Nguyễn", "NGUYEN"] {
        assert_eq!(
            search(&s, q),
            ["Nguyễn Thị Thanh Hảo", "Đặng Nguyễn"],
            "{q}"
        );
    }
    assert_eq!(search(&s, "dang"), ["Đặng Nguyễn"]);
    assert_eq!(search(&s, "thanh hao"), ["Nguyễn Thị Thanh Hảo"]);
    assert!(search(&s, "xyz").is_empty());
    // Phone and address are searched too.
    assert_eq!(search(&s, "0912345678").len(), 4);
    assert_eq!(search(&s, "xom 2 thon dong").len(), 4);
}

#[test]
fn decomposed_input_is_stored_composed() {
    let (_d, mut s) = store_with_group();
    let nfd: String = "Nguyễn Thị Thanh Hảo".nfd().collect();
    let m = s.add_member(&member(&nfd, "01/02/1980"), now()).unwrap();
    assert_eq!(m.full_name, "Nguyễn Thị Thanh Hảo");
    assert_eq!(search(&s, "hảo"), ["Nguyễn Thị Thanh Hảo"]);
}

#[test]
fn invalid_member_is_refused_and_nothing_written() {
    let (_d, mut s) = store_with_group();
    let mut m = member("Phạm Văn Bình", "31/04/1980");
    m.phone = "12345".into();
    let e = s.add_member(&m, now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Invalid);
    assert_eq!(e.fields.len(), 2);
    assert_eq!(search(&s, "").len(), 1, "only the leader");
}

#[test]
fn filters_and_counts() {
    let (_d, mut s) = store_with_group();
    let mut dep = member("Vũ Thị Lan", "03/03/1979");
    dep.role = Some(Role::ToPho);
    s.add_member(&dep, now()).unwrap();
    let a = s
        .add_member(&member("Bùi Văn Sơn", "04/04/1990"), now())
        .unwrap();
    s.leave_member(
        &a.id,
        &LeaveInput {
            left_on: "01/10/2026".into(),
            reason: "Chuyển nơi ở".into(),
        },
        later(5),
    )
    .unwrap();
    let list = |role, status| {
        s.list_members(
            &MemberFilter {
                search: String::new(),
                role,
                status,
            },
            today(),
        )
        .unwrap()
    };
    let active = list(None, MemberStatus::Active);
    assert_eq!(active.active_count, 2);
    assert_eq!(active.left_count, 1);
    // Leader first, then deputies.
    let names: Vec<_> = active.items.iter().map(|m| m.full_name.as_str()).collect();
    assert_eq!(names, ["Lê Văn Thành", "Vũ Thị Lan"]);
    assert_eq!(list(Some(Role::ToPho), MemberStatus::All).items.len(), 1);
    let left = list(None, MemberStatus::Left);
    assert_eq!(left.items[0].full_name, "Bùi Văn Sơn");
    assert_eq!(left.items[0].left_reason.as_deref(), Some("Chuyển nơi ở"));
}

#[test]
fn eligibility_and_duplicates_are_flagged_not_blocked() {
    let (_d, mut s) = store_with_group();
    let mut young = member("Ngô Văn Tú", "01/12/2009");
    young.health_cert_date = "".into();
    young.joined_on = "01/11/2026".into();
    s.add_member(&young, now()).unwrap();
    s.add_member(&member("Hoàng Văn Nam", "02/02/1975"), now())
        .unwrap();
    s.add_member(&member("HOÀNG VĂN NAM", "02/02/1975"), now())
        .unwrap();
    let items = s
        .list_members(&MemberFilter::default(), today())
        .unwrap()
        .items;
    let tu = items.iter().find(|m| m.full_name == "Ngô Văn Tú").unwrap();
    assert_eq!(
        tu.warnings,
        ["Chưa đủ 18 tuổi (16 tuổi)", "Chưa có giấy khám sức khỏe"]
    );
    assert!(!tu.possible_duplicate);
    let nams: Vec<_> = items
        .iter()
        .filter(|m| ttq::text::fold(&m.full_name) == "hoang van nam")
        .collect();
    assert_eq!(nams.len(), 2);
    assert!(nams
        .iter()
        .all(|m| m.possible_duplicate && m.warnings.is_empty()));
}

#[test]
fn cccd_is_masked_in_the_list_but_kept_for_the_form() {
    let (_d, mut s) = store_with_group();
    let mut m = member("Đỗ Văn Hải", "05/05/1985");
    m.cccd = "022085 001234".into();
    let saved = s.add_member(&m, now()).unwrap();
    assert_eq!(saved.cccd.as_deref(), Some("022085001234"));
    let row = s
        .list_members(
            &MemberFilter {
                search: "hai".into(),
                ..Default::default()
            },
            today(),
        )
        .unwrap()
        .items
        .remove(0);
    assert_eq!(row.cccd_masked.as_deref(), Some("•••••••••234"));
}

#[test]
fn edits_leave_a_history_and_move_the_revision() {
    let (_d, mut s) = store_with_group();
    let m = s
        .add_member(&member("Lý Văn Long", "06/06/1970"), now())
        .unwrap();
    let mut input = member("Lý Văn Long", "06/06/1970");
    input.phone = "0987 654 321".into();
    input.role = Some(Role::ToPho);
    let edited = s.edit_member(&m.id, &input, later(60)).unwrap();
    assert_eq!(edited.phone.as_deref(), Some("0987654321"));
    assert!(edited.updated_at > m.updated_at);
    // Saving the same values again changes nothing.
    let same = s.edit_member(&m.id, &input, later(120)).unwrap();
    assert_eq!(same.updated_at, edited.updated_at);
    let h: Vec<_> = s
        .member_history(&m.id)
        .unwrap()
        .into_iter()
        .map(|e| e.summary)
        .collect();
    assert_eq!(
        h,
        ["Vào tổ, chức danh Tổ viên", "Sửa: Số điện thoại, Chức danh"]
    );
}

#[test]
fn a_leaver_is_kept_and_can_be_anonymised() {
    let (_d, mut s) = store_with_group();
    let mut input = member("Dương Thị Mai", "07/07/1988");
    input.cccd = "022188009999".into();
    input.notes = "Nhà gần chợ".into();
    let m = s.add_member(&input, now()).unwrap();
    let e = s.anonymise_member(&m.id, later(1)).unwrap_err();
    assert_eq!(
        e.code,
        ErrorCode::Conflict,
        "active members cannot be anonymised"
    );

    let bad = s
        .leave_member(
            &m.id,
            &LeaveInput {
                left_on: "01/12/2024".into(),
                reason: "Đi làm ăn xa".into(),
            },
            later(2),
        )
        .unwrap_err();
    assert_eq!(bad.fields[0].field, "left_on", "before joining");

    s.leave_member(
        &m.id,
        &LeaveInput {
            left_on: "20/11/2026".into(),
            reason: "Đi làm ăn xa".into(),
        },
        later(3),
    )
    .unwrap();
    let again = s
        .leave_member(
            &m.id,
            &LeaveInput {
                left_on: "21/11/2026".into(),
                reason: "x".into(),
            },
            later(4),
        )
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict);

    let a = s.anonymise_member(&m.id, later(5)).unwrap();
    assert!(a.anonymised);
    assert!(!a.full_name.contains("Mai"));
    assert_eq!(a.birth_date, None);
    assert_eq!(a.phone, None);
    assert_eq!(a.cccd, None);
    assert_eq!(a.notes, None);
    assert_eq!(a.left_on.as_deref(), Some("2026-11-20"));
    assert_eq!(a.joined_on.as_deref(), Some("2025-01-01"));
    assert!(search(&s, "mai").is_empty());
    let history = s.member_history(&m.id).unwrap();
    assert!(history.iter().all(|e| !e.summary.contains("làm ăn")));
    assert_eq!(
        history.last().unwrap().summary,
        "Đã ẩn danh dữ liệu cá nhân"
    );
    let edit = s.edit_member(&m.id, &input, later(6)).unwrap_err();
    assert_eq!(edit.code, ErrorCode::Conflict);
}

#[test]
fn unknown_member_is_not_found() {
    let (_d, s) = store_with_group();
    assert_eq!(s.member("nope").unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn demo_fills_a_living_group() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = ttq::Store::open_dir(dir.path()).unwrap();
    ttq::demo::fill(&mut s, now(), 7).unwrap();
    let all = s
        .list_members(
            &MemberFilter {
                status: MemberStatus::All,
                ..Default::default()
            },
            today(),
        )
        .unwrap();
    assert!((12..=25).contains(&all.items.len()));
    assert_eq!(all.left_count, 3);
    assert!(all.items.iter().any(|m| m.anonymised));
    assert!(all.items.iter().any(|m| m.possible_duplicate));
    assert!(all.items.iter().any(|m| !m.warnings.is_empty()));
    assert_eq!(
        all.items
            .iter()
            .filter(|m| m.role == Role::ToTruong)
            .count(),
        1
    );
    assert!(search(&s, "hao").contains(&"Nguyễn Thị Thanh Hảo".to_string()));
}

#[test]
fn demo_session_leaves_the_users_data_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = ttq::session::Session::open(dir.path(), chrono::Utc::now()).unwrap();
    assert!(session.info(now()).unwrap().group.is_none());
    let info = session.open_demo(now()).unwrap();
    assert!(info.demo);
    assert!(info.group.is_some());
    // Opening it twice starts afresh rather than failing on the existing demo group.
    session.open_demo(now()).unwrap();
    let back = session.close_demo(now()).unwrap();
    assert!(!back.demo);
    assert!(back.group.is_none());
}

#[test]
fn the_printed_member_list_puts_the_leader_first_and_keeps_numbers_private() {
    let (dir, mut s) = store_with_group();
    let mut a = member("Âu Văn Bảo", "1970");
    a.cccd = "022070001234".into();
    a.phone = "0388777666".into();
    s.add_member(&a, now()).unwrap();
    let mut d = member("Hà Thị Duyên", "03/04/1988");
    d.role = Some(Role::ToPho);
    d.phone = "0911222333".into();
    s.add_member(&d, now()).unwrap();
    let gone = s
        .add_member(&member("Tạ Văn Đi", "01/01/1980"), now())
        .unwrap();
    s.leave_member(
        &gone.id,
        &LeaveInput {
            left_on: "20/11/2026".into(),
            reason: "Chuyển nơi ở".into(),
        },
        now(),
    )
    .unwrap();
    for phones in [false, true] {
        let file = ttq::app::members::pdf(&s, phones, today(), now()).unwrap();
        let path = dir.path().join(&file.name);
        std::fs::write(&path, &file.bytes).unwrap();
        pdf::qpdf_ok(&path);
        pdf::assert_nd30_geometry(&path, true);
        assert!(pdf::fonts(&path).iter().all(|(_, emb, sub)| *emb && *sub));
        let t = pdf::flat_text(&path);
        assert!(t.contains("DANH SÁCH TỔ VIÊN"), "{t}");
        let order: Vec<usize> = ["Lê Văn Thành", "Hà Thị Duyên", "Âu Văn Bảo"]
            .iter()
            .map(|n| t.find(n).unwrap_or_else(|| panic!("{n} in {t}")))
            .collect();
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "leader, deputy, members: {t}"
        );
        assert!(
            t.contains("1970"),
            "a year of birth alone is printed as the year"
        );
        assert!(!t.contains("Tạ Văn Đi"), "a leaver is not on the list");
        assert!(!t.contains("022070001234"), "no CCCD on paper");
        assert_eq!(t.contains("0388 777 666"), phones, "phones only when asked");
        assert!(t.contains("Danh sách có 3 người."));
    }
}
