//! A member's own data printed for them: every field (the CCCD in full), consent and
//! health dates, each change, the patrol seats and the incidents they reported; refused
//! once the data has been anonymised.

use super::patrol::night;
use crate::common::*;
use ttq::app;
use ttq::model::incident::ReporterKind;
use ttq::model::patrol::Attendance;
use ttq::ErrorCode;

#[test]
fn a_member_gets_everything_the_group_holds_about_them() {
    let (dir, mut s) = store_with_group();
    let mut hoa = member("Phạm Thị Hoa", "02/03/1980");
    hoa.cccd = "022180001234".into();
    let hoa = s.add_member(&hoa, now()).unwrap();
    let mut edit = hoa.to_input();
    edit.address = "Số 8, ngõ 12 đường Trần Khánh Dư".into();
    s.edit_member(&hoa.id, &edit, later(1)).unwrap();
    s.add_pattern(&night(), now()).unwrap();
    let roster = app::patrols::generate(&mut s, "2026-12", now()).unwrap();
    let mine: Vec<_> = roster
        .shifts
        .iter()
        .filter(|x| x.seats.iter().any(|m| m.member_id == hoa.id))
        .collect();
    s.set_attendance(&mine[0].id, &hoa.id, Attendance::CoMat, None, january(0))
        .unwrap();
    let mut tip = incident("Người lạ dò xe máy trong ngõ", "20/11/2026", "trom_cap");
    tip.reporter_kind = ReporterKind::Member;
    tip.reporter_member_id = Some(hoa.id.clone());
    s.add_incident(&tip, now()).unwrap();

    let file = app::members::personal_pdf(&s, &hoa.id, today()).unwrap();
    assert!(
        file.name.starts_with("Thong tin ca nhan pham thi hoa"),
        "{}",
        file.name
    );
    let path = dir.path().join(&file.name);
    std::fs::write(&path, &file.bytes).unwrap();
    crate::common::pdf::qpdf_ok(&path);
    crate::common::pdf::assert_nd30_geometry(&path, false);
    let text = crate::common::pdf::flat_text(&path);
    for said in [
        "PHIẾU THÔNG TIN CÁ NHÂN",
        "của Phạm Thị Hoa do Tổ tự quản ANTT Thôn Đông đang lưu",
        "022180001234",
        "Số 8, ngõ 12 đường Trần Khánh Dư",
        "Ngày đồng ý cho tổ xử lý dữ liệu 01/01/2025",
        &format!(
            "Được xếp {} ca tuần tra, trong đó 1 ca đã chấm có mặt.",
            mine.len()
        ),
        "Người lạ dò xe máy trong ngõ",
        "/PH-",
    ] {
        assert!(text.contains(said), "{said:?} not in:\n{text}");
    }
    assert!(text.contains("Sửa"), "the edit is listed:\n{text}");

    // Once anonymised there is nothing left to print.
    s.leave_member(
        &hoa.id,
        &ttq::model::member::LeaveInput {
            left_on: "26/11/2026".into(),
            reason: "Chuyển nơi ở".into(),
        },
        later(5),
    )
    .unwrap();
    app::members::anonymise(&mut s, &hoa.id, later(6)).unwrap();
    assert_eq!(
        app::members::personal_pdf(&s, &hoa.id, today())
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
}
