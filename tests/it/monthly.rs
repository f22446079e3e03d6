//! The monthly report from known records, closing a month, amendments and reopening.

use crate::common::*;
use chrono::NaiveDate;
use ttq::model::activity::ActivityKind;
use ttq::model::incident::IncidentStatus;
use ttq::model::month::Narrative;
use ttq::model::patrol::{Attendance, PatternInput};
use ttq::report::monthly;
use ttq::{app, ErrorCode, Store};

fn day(d: u32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// October 2026: three incidents counted (one struck, one in November not), two activities,
/// a roster with some attendance.
fn october(s: &mut Store) {
    s.add_incident(&incident("Trộm xe đạp", "03/10/2026", "trom_cap"), now())
        .unwrap();
    s.add_incident(&incident("Trộm gà", "12/10/2026", "trom_cap"), now())
        .unwrap();
    let mut fight = incident("Đánh nhau ở quán", "20/10/2026", "danh_nhau");
    fight.status = IncidentStatus::DaChuyenCongAn;
    fight.transferred_on = "20/10/2026".into();
    fight.transferred_to = "Công an phường Yên Hải".into();
    fight.valuable_tip = true;
    s.add_incident(&fight, now()).unwrap();
    let dup = s
        .add_incident(&incident("Ghi trùng", "21/10/2026", "trom_cap"), now())
        .unwrap();
    s.strike_incident(&dup.id, "Ghi trùng", "Lê Văn Thành", later(1))
        .unwrap();
    s.add_incident(&incident("Tháng sau", "02/11/2026", "trom_cap"), now())
        .unwrap();
    s.add_activity(&activity(ActivityKind::HopDan, "15/10/2026"), now())
        .unwrap();
    s.add_activity(&activity(ActivityKind::HoaGiai, "16/10/2026"), now())
        .unwrap();
    for (n, b) in [
        ("Trần Văn Bình", "1980"),
        ("Lê Thị Cúc", "1985"),
        ("Phạm Văn Dũng", "1990"),
    ] {
        s.add_member(&member(n, &format!("01/01/{b}")), now())
            .unwrap();
    }
    s.add_pattern(
        &PatternInput {
            name: "Ca đêm".into(),
            start: "22:00".into(),
            end: "04:00".into(),
            weekdays: [false, false, false, false, false, true, true],
            needed: 2,
            route: "Trục chính thôn".into(),
        },
        now(),
    )
    .unwrap();
    let roster = ttq::app::patrols::generate(s, "2026-10", now()).unwrap();
    let first = &roster.shifts[0];
    s.set_attendance(
        &first.id,
        &first.seats[0].member_id,
        Attendance::CoMat,
        None,
        now(),
    )
    .unwrap();
    s.set_attendance(
        &first.id,
        &first.seats[1].member_id,
        Attendance::VangKhongLyDo,
        None,
        now(),
    )
    .unwrap();
}

fn pdf_file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    if let Ok(keep) = std::env::var("TTQ_KEEP_PDF") {
        std::fs::copy(&p, format!("{keep}-{name}")).unwrap();
    }
    p
}

#[test]
fn the_report_counts_what_the_records_say_and_prints_no_personal_details() {
    let (d, mut s) = store_with_group();
    october(&mut s);
    s.save_narrative(
        "10/2026",
        &Narrative {
            situation: "Có 12 người tạm trú mới tại khu nhà trọ ngõ 7.".into(),
            shortcomings: "- Một số ca tuần tra vắng người không báo trước.".into(),
            plans: "Tăng cường tuần tra dịp cuối năm.".into(),
            proposals: "Đề nghị lắp thêm đèn chiếu sáng ngõ 5.".into(),
            lodging_houses: Some(3),
            temporary_residents: Some(0),
            hot_spots: "quán ăn đêm đầu ngõ 48".into(),
        },
        now(),
    )
    .unwrap();
    app::month::set_confirmation(&mut s, "Trưởng thôn Đông").unwrap();
    let data = app::month::report_data(&s, "2026-10", day(3, 11)).unwrap();
    assert_eq!(data.incidents.len(), 3);
    assert_eq!(data.categories[0].name, "Trộm cắp tài sản");
    assert_eq!(data.categories[0].count, 2);
    assert_eq!(data.incidents.iter().filter(|i| i.transferred).count(), 1);
    assert_eq!(data.figures.activities.resident_meetings, 1);
    assert_eq!(data.figures.activities.mediations_successful, 1);
    assert_eq!(data.figures.members.active, 4);
    assert_eq!(data.figures.patrols.member_turns, 1);
    assert!(
        data.figures.patrols.shifts_planned >= 8,
        "{}",
        data.figures.patrols.shifts_planned
    );
    assert_eq!(data.number, 1);

    let (_, bytes) = ttq::report::render(&monthly::document(&data, None));
    let path = pdf_file(d.path(), "draft.pdf", &bytes);
    crate::common::pdf::qpdf_ok(&path);
    let text = crate::common::pdf::flat_text(&path);
    // A draft: no number, "DỰ THẢO" first on page 1.
    assert!(text.starts_with("DỰ THẢO"), "{text}");
    assert!(
        text.contains("Số: /BC-TTQ") && !text.contains("Số: 01/BC-TTQ"),
        "{text}"
    );
    for expected in [
        "Yên Hải, ngày 03 tháng 11 năm 2026",
        "Kết quả công tác bảo đảm an ninh, trật tự tháng 10 năm 2026",
        "Kính gửi: Công an phường Yên Hải",
        "Tổ ghi nhận 03 vụ việc trên địa bàn, đã chuyển Công an 01 vụ, cung cấp 01 tin báo có giá trị cho Công an.",
        "Tổ có 04 thành viên, gồm 01 tổ trưởng và 03 tổ viên.",
        "Tổ chức 01 buổi họp dân với 40 lượt người dự.",
        "Tham gia hòa giải 01 vụ, hòa giải thành 01 vụ.",
        "Đã chuyển Công an phường Yên Hải ngày 20/10/2026.",
        "Có 12 người tạm trú mới tại khu nhà trọ ngõ 7.",
        "- Một số ca tuần tra vắng người không báo trước.",
        "Đề nghị lắp thêm đèn chiếu sáng ngõ 5.",
        "Trộm cắp tài sản 2 66,7%",
        "Tổng cộng 3 100%",
        "Bản dự thảo: tháng chưa chốt số liệu",
        "TỔ TRƯỞNG",
        // What the leader counted on the area, and who confirms.
        "Trên địa bàn có 03 nhà trọ, cơ sở cho thuê lưu trú; không có người tạm trú.",
        "Các điểm, tụ điểm phức tạp về an ninh, trật tự cần chú ý: quán ăn đêm đầu ngõ 48.",
        "XÁC NHẬN CỦA TRƯỞNG THÔN ĐÔNG",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // People involved and the reporter's name stay out of the printed report.
    assert!(
        !text.contains("Lê Thị B") && !text.contains("Nguyễn Văn C"),
        "{text}"
    );
    assert!(!text.contains("Ghi trùng") && !text.contains("Tháng sau"));
    // No zero is written as a figure in a sentence ("0 buổi", "0 vụ", "0 lượt").
    let prose: Vec<&str> = text.split(". ").collect();
    for zero in [" 0 buổi", " 0 vụ", " 0 lượt", " 0 tin", " 0 hộ", " 00 "] {
        assert!(
            !prose.iter().any(|s| s.contains(zero) && !s.contains("STT")),
            "{zero} in {text}"
        );
    }
    crate::common::pdf::assert_nd30_geometry(&path, false);
    for (name, embedded, subset) in crate::common::pdf::fonts(&path) {
        assert!(embedded && subset, "{name}");
    }
}

#[test]
fn closing_issues_the_report_and_later_changes_become_amendments() {
    let (d, mut s) = store_with_group();
    october(&mut s);
    // The issued report cannot leave next month's plans empty.
    let e = app::month::close(&mut s, "2026-10", day(3, 11), "Lê Văn Thành", now()).unwrap_err();
    assert_eq!(e.fields[0].field, "plans", "{e:?}");
    assert!(s.issued_reports(None).unwrap().is_empty());
    plans(&mut s, "2026-10");
    let oct = s
        .list_incidents(&ttq::model::incident::IncidentFilter {
            month: Some("2026-10".into()),
            ..Default::default()
        })
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.title == "Trộm gà")
        .unwrap();
    // November has not ended on 27/11/2026; October can be closed from 01/11.
    let first_of_november = chrono::DateTime::parse_from_rfc3339("2026-10-31T17:30:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert_eq!(
        app::month::close(
            &mut s,
            "2026-11",
            day(1, 11),
            "Lê Văn Thành",
            first_of_november
        )
        .unwrap_err()
        .code,
        ErrorCode::Invalid
    );
    assert_eq!(
        app::month::close(
            &mut s,
            "2026-10",
            day(1, 11),
            "Lê Văn Thành",
            first_of_november - chrono::Duration::hours(1)
        )
        .unwrap_err()
        .code,
        ErrorCode::Invalid
    );
    assert_eq!(
        app::month::close(&mut s, "2026-11", day(27, 11), "Lê Văn Thành", now())
            .unwrap_err()
            .code,
        ErrorCode::Invalid
    );
    assert_eq!(
        app::month::close(&mut s, "2026-10", day(3, 11), "  ", now())
            .unwrap_err()
            .code,
        ErrorCode::Invalid
    );
    let issued = app::month::close(&mut s, "2026-10", day(3, 11), "Lê Văn Thành", now()).unwrap();
    assert_eq!(issued.number, "01/BC-TTQ");
    assert_eq!(issued.digest.len(), 19);
    let pdf = s.issued_pdf(&issued.id).unwrap();
    let path = pdf_file(d.path(), "issued.pdf", &pdf);
    crate::common::pdf::qpdf_ok(&path);
    let text = crate::common::pdf::flat_text(&path);
    assert!(
        text.contains(&format!(
            "Mã đối chiếu dữ liệu tháng 10/2026: {}",
            issued.digest
        )),
        "{text}"
    );
    assert!(!text.contains("Bản nháp"));
    assert_eq!(
        app::month::close(&mut s, "2026-10", day(3, 11), "Lê Văn Thành", now())
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    assert_eq!(
        s.save_narrative("2026-10", &Narrative::default(), now())
            .unwrap_err()
            .code,
        ErrorCode::MonthClosed
    );

    // A correction to October is taken, marked as an amendment, and leaves the issued copy alone.
    let mut fix = incident("Trộm gà (sửa)", "12/10/2026", "trom_cap");
    fix.description = "Mất 3 con gà, không phải 5.".into();
    s.edit_incident(&oct.id, &fix, later(60)).unwrap();
    let last = s.incident_history(&oct.id).unwrap().pop().unwrap();
    assert!(
        last.summary
            .starts_with("Đính chính tháng 10/2026 (đã khóa sổ)"),
        "{}",
        last.summary
    );
    assert_eq!(s.issued_pdf(&issued.id).unwrap(), pdf);
    // The screen previews the copy as issued, not today's figures.
    let view = app::month::view(&s, "2026-10", day(27, 11)).unwrap();
    let shown: String = view
        .layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            ttq::report::layout::Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        shown.contains(&issued.digest) && !shown.contains("Mất 3 con gà"),
        "{shown}"
    );
    assert!(app::month::pdf(&s, "2026-10", day(27, 11)).unwrap().1);
    let nov = app::month::report_data(&s, "2026-11", day(27, 11)).unwrap();
    assert_eq!(nov.amendments.len(), 1);
    assert_eq!(nov.amendments[0].amends_month, "2026-10");
    assert_eq!(nov.amendments[0].record_label(), "Vụ việc: Trộm gà (sửa)");
    let (_, bytes) = ttq::report::render(&monthly::document(&nov, None));
    let nov_text = crate::common::pdf::squash(&crate::common::pdf::raw_text(&pdf_file(
        d.path(),
        "nov.pdf",
        &bytes,
    )));
    assert!(
        nov_text.contains("Đính chính số liệu các tháng đã chốt"),
        "{nov_text}"
    );
    // The next report of the year gets the next number.
    assert_eq!(nov.number, 2);

    // Reopening needs a reason, is logged, and withdraws (keeps) the issued copy.
    assert_eq!(
        app::month::reopen(&mut s, "2026-10", "Lê Văn Thành", "", later(70))
            .unwrap_err()
            .code,
        ErrorCode::Invalid
    );
    app::month::reopen(
        &mut s,
        "2026-10",
        "Lê Văn Thành",
        "Sai số ca tuần tra",
        later(80),
    )
    .unwrap();
    let state = s.month_state("2026-10").unwrap();
    assert!(!state.closed);
    assert_eq!(
        state
            .events
            .iter()
            .map(|e| e.action.as_str())
            .collect::<Vec<_>>(),
        ["close", "reopen"]
    );
    assert_eq!(state.events[1].reason, "Sai số ca tuần tra");
    assert!(state.issued[0].withdrawn);
    // Closed again: the same number, a new copy. The digest is of the figures: a corrected
    // description keeps it, a corrected count changes it.
    let again =
        app::month::close(&mut s, "2026-10", day(4, 11), "Lê Văn Thành", later(90)).unwrap();
    assert_eq!(again.number, "01/BC-TTQ");
    assert_eq!(again.digest, issued.digest);
    app::month::reopen(&mut s, "2026-10", "Lê Văn Thành", "Thiếu một vụ", later(95)).unwrap();
    s.add_incident(&incident("Mất xe đạp", "20/10/2026", "trom_cap"), later(96))
        .unwrap();
    let third =
        app::month::close(&mut s, "2026-10", day(4, 11), "Lê Văn Thành", later(97)).unwrap();
    assert_eq!(third.number, "01/BC-TTQ");
    assert_ne!(third.digest, issued.digest);
    assert_eq!(s.issued_reports(None).unwrap().len(), 3);
}

#[test]
fn a_busy_month_runs_over_pages_with_the_incident_table_header_repeated() {
    let (d, mut s) = store_with_group();
    let cats = ["trom_cap", "danh_nhau", "ma_tuy", "lua_dao", "giao_thong"];
    for i in 0..200u32 {
        let mut x = incident(
            &format!("Vụ số {}", i + 1),
            &format!("{:02}/10/2026", i % 31 + 1),
            cats[i as usize % cats.len()],
        );
        x.description = "Người dân báo có hai thanh niên lạ mặt đi xe máy, dừng lại nhìn vào các nhà trong ngõ rồi bỏ đi khi thấy tổ tuần tra.".into();
        s.add_incident(&x, now()).unwrap();
    }
    let data = app::month::report_data(&s, "2026-10", day(3, 11)).unwrap();
    assert_eq!(data.incidents.len(), 200);
    let (_, bytes) = ttq::report::render(&monthly::document(&data, None));
    let path = pdf_file(d.path(), "busy.pdf", &bytes);
    crate::common::pdf::qpdf_ok(&path);
    let n = crate::common::pdf::pages(&path);
    assert!(n >= 10, "{n} pages");
    let text = crate::common::pdf::raw_text(&path);
    let pages: Vec<String> = text
        .split('\u{c}')
        .map(crate::common::pdf::squash)
        .filter(|p| !p.is_empty())
        .collect();
    let header = "STT Ngày giờ Địa điểm Loại vụ việc Tóm tắt Kết quả xử lý";
    let with_rows: Vec<&String> = pages.iter().filter(|p| p.contains("Vụ số ")).collect();
    assert!(with_rows.len() >= 8);
    for p in &with_rows {
        assert!(
            p.contains(header),
            "a page of incidents lacks the header: {p}"
        );
    }
    for i in [1, 100, 200] {
        assert!(text.contains(&format!("Vụ số {i}. Người dân")), "row {i}");
    }
    crate::common::pdf::assert_nd30_geometry(&path, false);
}
