//! "Dân vận khéo" models: results measured from known records, versions of the write-up,
//! finalising, and the printed write-up checked as a PDF.

use crate::common::*;
use ttq::model::activity::ActivityKind;
use ttq::model::practice::{
    Indicator, IndicatorKind, Measure, PracticeField, PracticeInput, PracticeLevel, PracticeScope,
    PracticeStatus,
};
use ttq::{ErrorCode, Store};

fn camera() -> PracticeInput {
    PracticeInput {
        name: "Camera an ninh kết nối các ngõ".into(),
        field: PracticeField::QuocPhongAnNinh,
        scope: PracticeScope::TapThe,
        runner: "Tổ tự quản ANTT Thôn Đông".into(),
        address: "Thôn Đông, phường Yên Hải".into(),
        started_on: "01/07/2026".into(),
        person_in_charge: "Lê Văn Thành".into(),
        status: PracticeStatus::DangThucHien,
        level: None,
        decision: "".into(),
        places: Some(6),
        groups_applying: Some(2),
    }
}

fn measure() -> Measure {
    Measure {
        indicators: vec![
            Indicator {
                kind: IndicatorKind::Incidents,
                category: None,
            },
            Indicator {
                kind: IndicatorKind::IncidentsOfCategory,
                category: Some("trom_cap".into()),
            },
            Indicator {
                kind: IndicatorKind::ValuableTips,
                category: None,
            },
            Indicator {
                kind: IndicatorKind::MediationsSuccessful,
                category: None,
            },
        ],
        before_from: "01/01/2026".into(),
        before_to: "30/06/2026".into(),
        after_from: "01/07/2026".into(),
        after_to: "26/11/2026".into(),
    }
}

/// Before: 4 thefts and a fight; after: 1 theft and a tip; a mediation each side, one
/// successful after; a struck record that never counts.
fn records(s: &mut Store) {
    for d in ["10/01/2026", "02/03/2026", "15/04/2026", "30/06/2026"] {
        s.add_incident(&incident("Trộm", d, "trom_cap"), now())
            .unwrap();
    }
    s.add_incident(&incident("Đánh nhau", "20/05/2026", "danh_nhau"), now())
        .unwrap();
    s.add_incident(&incident("Trộm xe", "01/07/2026", "trom_cap"), now())
        .unwrap();
    let mut tip = incident("Tin báo", "10/09/2026", "ma_tuy");
    tip.valuable_tip = true;
    s.add_incident(&tip, now()).unwrap();
    let struck = s
        .add_incident(&incident("Trùng", "11/09/2026", "trom_cap"), now())
        .unwrap();
    s.strike_incident(&struck.id, "Ghi trùng", "Lê Văn Thành", later(1))
        .unwrap();
    let mut failed = activity(ActivityKind::HoaGiai, "05/02/2026");
    failed.mediation_success = Some(false);
    s.add_activity(&failed, now()).unwrap();
    s.add_activity(&activity(ActivityKind::HoaGiai, "05/08/2026"), now())
        .unwrap();
}

#[test]
fn results_are_counted_from_the_records_for_both_periods() {
    let (_d, mut s) = store_with_group();
    records(&mut s);
    let p = s.add_practice(&camera(), now()).unwrap();
    assert!(p.results.is_none());
    let p = s.set_measure(&p.id, &measure(), now()).unwrap();
    let r = p.results.unwrap();
    assert_eq!(r.before_label, "01/01/2026 – 30/06/2026");
    let rows: Vec<(&str, u32, u32)> = r
        .rows
        .iter()
        .map(|x| (x.label.as_str(), x.before, x.after))
        .collect();
    assert_eq!(
        rows,
        [
            ("Vụ việc về an ninh, trật tự", 5, 2),
            ("Vụ việc: Trộm cắp tài sản", 4, 1),
            ("Tin báo có giá trị", 0, 1),
            ("Vụ hòa giải thành", 0, 1),
        ]
    );
    // A measure needs indicators, a category for the per-category one, and ordered periods.
    let mut bad = measure();
    bad.indicators = vec![Indicator {
        kind: IndicatorKind::IncidentsOfCategory,
        category: None,
    }];
    bad.after_to = "01/06/2026".into();
    let e = s.set_measure(&p.id, &bad, now()).unwrap_err();
    let fields: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["indicators", "after_to"]);
}

#[test]
fn a_finalised_writeup_keeps_its_text_and_figures_when_records_change() {
    let (_d, mut s) = store_with_group();
    records(&mut s);
    let p = s.add_practice(&camera(), now()).unwrap();
    let mut sections = vec![String::new(); 8];
    sections[0] = "Thôn Đông có nhiều ngõ nhỏ, tối, hay mất trộm xe.".into();
    sections[2] = "- Vận động 40 hộ góp tiền lắp camera\n- Tổ theo dõi màn hình vào ban đêm".into();
    s.save_writeup(&p.id, &sections, now()).unwrap();
    s.set_measure(&p.id, &measure(), now()).unwrap();
    // A section left empty keeps the write-up from being finalised, and says which.
    let e = s.finalise_practice(&p.id, later(30)).unwrap_err();
    assert_eq!(e.fields[0].field, "sections");
    assert!(
        e.fields[0]
            .message
            .contains("II. Mục đích, yêu cầu; IV. Kết quả"),
        "{e:?}"
    );
    assert!(s.practice(&p.id).unwrap().finalised_at.is_none());
    for (i, t) in sections.iter_mut().enumerate() {
        if t.is_empty() {
            *t = format!("Nội dung mục {}.", i + 1);
        }
    }
    s.save_writeup(&p.id, &sections, later(40)).unwrap();
    let done = s.finalise_practice(&p.id, later(60)).unwrap();
    assert!(done.finalised_at.is_some());
    let frozen = done.results.clone().unwrap();

    s.add_incident(&incident("Trộm muộn", "20/11/2026", "trom_cap"), later(120))
        .unwrap();
    let again = s.practice(&p.id).unwrap();
    assert_eq!(again.results.unwrap(), frozen, "figures frozen");
    assert_eq!(again.sections, done.sections);
    assert_eq!(
        s.save_writeup(&p.id, &sections, later(180))
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    assert_eq!(
        s.set_measure(&p.id, &measure(), later(180))
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    // Recognition still comes later, and needs its level and decision.
    let mut recognised = camera();
    recognised.status = PracticeStatus::DuocCongNhan;
    let e = s.edit_practice(&p.id, &recognised, later(200)).unwrap_err();
    assert_eq!(
        e.fields
            .iter()
            .map(|f| f.field.as_str())
            .collect::<Vec<_>>(),
        ["level", "decision"]
    );
    recognised.level = Some(PracticeLevel::CoSo);
    recognised.decision = "Quyết định số 15/QĐ-UBND ngày 10/11/2026".into();
    assert_eq!(
        s.edit_practice(&p.id, &recognised, later(200))
            .unwrap()
            .level,
        Some(PracticeLevel::CoSo)
    );
    assert_eq!(
        s.list_practices().unwrap()[0].status,
        PracticeStatus::DuocCongNhan
    );
}

#[test]
fn typing_extends_the_last_version_and_a_later_save_starts_a_new_one() {
    let (_d, mut s) = store_with_group();
    let p = s.add_practice(&camera(), now()).unwrap();
    let mut sections = vec![String::new(); 8];
    sections[0] = "Bản đầu".into();
    s.save_writeup(&p.id, &sections, now()).unwrap();
    sections[0] = "Bản đầu, sửa thêm".into();
    s.save_writeup(&p.id, &sections, later(120)).unwrap();
    assert_eq!(s.writeup_versions(&p.id).unwrap().len(), 1);
    sections[0] = "Bản hai viết lại hẳn".into();
    s.save_writeup(&p.id, &sections, later(3600)).unwrap();
    let v = s.writeup_versions(&p.id).unwrap();
    assert_eq!(v.iter().map(|x| x.version).collect::<Vec<_>>(), [2, 1]);
    let back = s.restore_writeup(&p.id, 1, later(3700)).unwrap();
    assert_eq!(back.sections[0], "Bản đầu, sửa thêm");
    assert_eq!(back.version, 3);
    assert_eq!(
        s.save_writeup(&p.id, &sections[..3], later(3800))
            .unwrap_err()
            .code,
        ErrorCode::Invalid
    );
}

#[test]
fn the_writeup_and_the_list_print_in_the_nd30_format() {
    let (d, mut s) = store_with_group();
    records(&mut s);
    let p = s.add_practice(&camera(), now()).unwrap();
    let mut sections = vec![String::new(); 8];
    sections[2] = "- Vận động 40 hộ góp tiền lắp camera\n- Tổ theo dõi màn hình vào ban đêm".into();
    sections[3] = "Sau khi lắp camera, trộm cắp giảm rõ.".into();
    s.save_writeup(&p.id, &sections, now()).unwrap();
    s.set_measure(&p.id, &measure(), now()).unwrap();
    let (pdf, finalised) = ttq::app::practices::pdf(&s, &p.id, today()).unwrap();
    assert!(!finalised);
    assert_eq!(pdf.name, "Mo hinh - camera an ninh ket noi cac ngo.pdf");
    let path = d.path().join("mo-hinh.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    crate::common::pdf::qpdf_ok(&path);
    crate::common::pdf::assert_nd30_geometry(&path, false);
    for (name, embedded, subset) in crate::common::pdf::fonts(&path) {
        assert!(embedded && subset, "{name}");
    }
    let text = crate::common::pdf::flat_text(&path);
    for expected in [
        "DỰ THẢO",
        "Kết quả thực hiện mô hình “Dân vận khéo” “Camera an ninh kết nối các ngõ”",
        "Kính gửi: Ban Chỉ đạo phong trào thi đua “Dân vận khéo” phường Yên Hải",
        "Quốc phòng – an ninh",
        "III. NỘI DUNG, CÁCH LÀM",
        "- Vận động 40 hộ góp tiền lắp camera",
        "IV. KẾT QUẢ",
        "Sau khi lắp camera, trộm cắp giảm rõ.",
        "Trước (01/01/2026 – 30/06/2026)",
        "Vụ việc: Trộm cắp tài sản 4 1 −3 (−75%)",
        "Số liệu tính đến ngày in; chưa chốt.",
        "VIII. KIẾN NGHỊ [Chưa viết mục này]",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }

    let list = ttq::app::practices::list_pdf(&s, today()).unwrap();
    let path = d.path().join("danh-sach.pdf");
    std::fs::write(&path, &list.bytes).unwrap();
    crate::common::pdf::qpdf_ok(&path);
    crate::common::pdf::assert_nd30_geometry(&path, true);
    let text = crate::common::pdf::flat_text(&path);
    for expected in [
        "DANH SÁCH",
        "/DS-TTQ",
        "Tổng cộng: 1 mô hình",
        "Camera an ninh kết nối các ngõ",
        "Cột “Số tổ” không cộng dồn",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    // The addressee is a setting.
    let r = ttq::app::practices::set_recipient(
        &mut s,
        "Ban Thường trực Ủy ban MTTQ Việt Nam phường Yên Hải",
    )
    .unwrap();
    assert_eq!(r, "Ban Thường trực Ủy ban MTTQ Việt Nam phường Yên Hải");
    let list = ttq::app::practices::list_pdf(&s, today()).unwrap();
    std::fs::write(&path, &list.bytes).unwrap();
    let text = crate::common::pdf::flat_text(&path);
    assert!(
        text.contains("Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam phường Yên Hải"),
        "{text}"
    );
    assert!(ttq::app::practices::set_recipient(&mut s, "")
        .unwrap()
        .starts_with("Ban Chỉ đạo"));
}
