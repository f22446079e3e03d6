//! The ward's side of a month: what a closed month's file carries (the issued copy, its
//! amendments), the reporting deadline to the second, and the ward's own recount.

use super::sync::{at, day, demo, entries, export, import, states, ward};
use crate::common::*;
use std::path::Path;
use ttq::app;
use ttq::model::ward::ReportState;
use ttq::sync::package;
use ttq::{ErrorCode, Store};

/// A group with nine October incidents, October closed on 03/11 09:00.
fn october_closed(dir: &Path) -> Store {
    let mut g = Store::open_dir(dir).unwrap();
    ttq::app::group::create(
        &mut g,
        &ttq::model::group::GroupSetup {
            group: group_input(),
            leader: member("Lê Văn Thành", "10/10/1965"),
        },
        at("2026-10-01T09:00:00+07:00"),
    )
    .unwrap();
    for k in 0..9 {
        let mut i = incident(
            &format!("Vụ {k}"),
            &format!("{:02}/10/2026", k + 1),
            "trom_cap",
        );
        if k < 2 {
            i.status = ttq::model::incident::IncidentStatus::DaChuyenCongAn;
            i.transferred_on = format!("{:02}/10/2026", k + 2);
            i.transferred_to = "Công an phường Yên Hải".into();
        }
        g.add_incident(&i, at("2026-10-28T20:00:00+07:00")).unwrap();
    }
    plans(&mut g, "2026-10");
    app::month::close(
        &mut g,
        "2026-10",
        day(3, 11),
        "Lê Văn Thành",
        at("2026-11-03T09:00:00+07:00"),
    )
    .unwrap();
    g
}

fn entry(bytes: &[u8], name: &str) -> Vec<u8> {
    entries(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap()
        .1
}

fn pdf_text(dir: &Path, bytes: &[u8]) -> String {
    let path = dir.join("bao-cao.pdf");
    std::fs::write(&path, bytes).unwrap();
    crate::common::pdf::flat_text(&path)
}

#[test]
fn a_closed_month_sends_what_was_issued_with_later_amendments_beside_it() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = october_closed(gd.path());
    let issued = app::month::issued(&g, "2026-10").unwrap().unwrap().0;
    // Recorded after closing: accepted as an amendment of October.
    g.add_incident(
        &incident("Mất xe đạp", "20/10/2026", "trom_cap"),
        at("2026-11-15T20:00:00+07:00"),
    )
    .unwrap();
    let oct = export(&mut g, "2026-10", at("2026-11-16T08:00:00+07:00"));
    let p = package::read(&oct).unwrap();
    let m = &p.manifest;
    assert_eq!(m.status, package::MonthStatus::Closed);
    assert_eq!(m.figures.incidents.total, 9, "as issued");
    assert_eq!(m.figures.incidents.transferred, 2);
    assert_eq!(m.figures_now.incidents.total, 10, "the records now");
    assert_eq!(m.digest, issued.digest);
    assert_eq!(m.digest_version, ttq::figures::DIGEST_VERSION);
    assert_eq!(
        ttq::figures::digest(&m.group.id, "2026-10", &m.figures),
        m.digest,
        "anyone can recompute the digest from the figures"
    );
    assert_eq!(m.issued.as_ref().unwrap().number, "01/BC-TTQ");
    assert_eq!(m.amendments.len(), 1);
    let a = &m.amendments[0];
    assert_eq!(
        (
            a.amends_month.as_str(),
            a.record_title.as_str(),
            a.made_in().as_str()
        ),
        ("2026-10", "Mất xe đạp", "2026-11")
    );
    // The paper inside the file is the issued copy, and it prints the manifest's digest.
    let text = pdf_text(gd.path(), &entry(&oct, "bao-cao.pdf"));
    assert!(
        text.contains(&format!("Mã đối chiếu dữ liệu tháng 10/2026: {}", m.digest)),
        "{text}"
    );
    assert_eq!(
        entry(&oct, "bao-cao.pdf"),
        g.issued_pdf(&issued.id).unwrap()
    );

    // The ward adds up what was issued and shows the amendment.
    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    let seen = app::ward::import(
        &mut w,
        &oct,
        "oct.zip",
        &Default::default(),
        at("2026-11-16T10:00:00+07:00"),
    )
    .unwrap();
    assert!(seen.warnings.is_empty(), "{:?}", seen.warnings);
    assert!(!seen.draft);
    assert_eq!(seen.amendments, 1);
    let s = app::ward::status(&w, &["2026-10".into()], at("2026-11-16T10:00:00+07:00")).unwrap();
    let cell = &s.groups[0].months[0];
    assert_eq!(
        (cell.state, cell.draft, cell.amended),
        (ReportState::Late, false, true)
    );
    let doc =
        app::ward::report_document(&w, "2026-10", day(16, 11), at("2026-11-16T10:00:00+07:00"))
            .unwrap();
    let (_, bytes) = ttq::report::render(&doc);
    let text = pdf_text(wd.path(), &bytes);
    assert!(text.contains("Vụ việc phát hiện, ghi nhận 9"), "{text}");
    assert!(text.contains("Vụ việc chuyển Công an 2"), "{text}");

    // November's file, still a draft, carries the amendment made in November; the ward's
    // report of November lists it.
    let nov = export(&mut g, "2026-11", at("2026-12-01T08:00:00+07:00"));
    let pn = package::read(&nov).unwrap();
    assert_eq!(pn.manifest.status, package::MonthStatus::Draft);
    assert_eq!(pn.manifest.figures, pn.manifest.figures_now);
    assert_eq!(pn.manifest.amendments.len(), 1);
    app::ward::import(
        &mut w,
        &nov,
        "nov.zip",
        &Default::default(),
        at("2026-12-01T09:00:00+07:00"),
    )
    .unwrap();
    let s = app::ward::status(&w, &["2026-11".into()], at("2026-12-01T09:00:00+07:00")).unwrap();
    assert!(s.groups[0].months[0].draft);
    let doc =
        app::ward::report_document(&w, "2026-11", day(1, 12), at("2026-12-01T09:00:00+07:00"))
            .unwrap();
    let (_, bytes) = ttq::report::render(&doc);
    let text = pdf_text(wd.path(), &bytes);
    assert!(
        text.contains("ĐÍNH CHÍNH SỐ LIỆU CÁC THÁNG ĐÃ CHỐT"),
        "{text}"
    );
    assert!(text.contains("Vụ việc: Mất xe đạp Ghi bổ sung"), "{text}");
    assert!(text.contains("Vụ việc: Mất xe đạp"), "{text}");
    assert!(text.contains("dự thảo"), "{text}");

    // Reopened and closed again: the file carries the reissued copy, which counts the
    // amendment, so it no longer travels beside it.
    app::month::reopen(
        &mut g,
        "2026-10",
        "Lê Văn Thành",
        "Bổ sung vụ mất xe đạp",
        at("2026-12-01T09:00:00+07:00"),
    )
    .unwrap();
    app::month::close(
        &mut g,
        "2026-10",
        day(1, 12),
        "Lê Văn Thành",
        at("2026-12-01T09:05:00+07:00"),
    )
    .unwrap();
    let again = package::read(&export(&mut g, "2026-10", at("2026-12-01T09:10:00+07:00"))).unwrap();
    assert_eq!(again.manifest.figures.incidents.total, 10);
    assert_ne!(again.manifest.digest, issued.digest);
    assert_eq!(again.manifest.issued.as_ref().unwrap().number, "01/BC-TTQ");
    assert!(again.manifest.amendments.is_empty());
}

#[test]
fn the_ward_status_follows_the_deadline_to_the_second() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = october_closed(gd.path());
    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    app::ward::expect(
        &mut w,
        "Tổ bảo vệ ANTT Khu phố 6",
        at("2026-11-01T08:00:00+07:00"),
    )
    .unwrap();
    let st = |w: &Store, t: &str| states(w, &["2026-10"], at(t));
    // The 2nd of the month, 00:30: nobody is late yet.
    assert_eq!(st(&w, "2026-11-02T00:30:00+07:00"), [[ReportState::NotDue]]);
    // A file made at 23:59:30 on the deadline day is on time.
    let file = export(&mut g, "2026-10", at("2026-11-05T23:59:30+07:00"));
    app::ward::import(
        &mut w,
        &file,
        "a.zip",
        &Default::default(),
        at("2026-11-06T08:00:00+07:00"),
    )
    .unwrap();
    // (Rows by name: Khu phố 6, then Thôn Đông.)
    assert_eq!(
        st(&w, "2026-11-05T23:59:59+07:00"),
        [[ReportState::NotDue], [ReportState::OnTime]]
    );
    // At 00:00 the day after, the group that sent nothing is missing.
    assert_eq!(
        st(&w, "2026-11-06T00:00:00+07:00"),
        [[ReportState::Missing], [ReportState::OnTime]]
    );
    let s = app::ward::status(
        &w,
        &["2026-10".into(), "2026-11".into()],
        at("2026-11-06T00:00:00+07:00"),
    )
    .unwrap();
    assert_eq!((s.months[0].due, s.months[1].due), (true, false));
    assert_eq!(s.months[0].deadline, "2026-11-05");
    assert_eq!(
        (s.totals.due, s.totals.received, s.totals.on_time),
        (2, 1, 1),
        "only due months count"
    );

    // A file made at 00:00 the day after is late.
    let gd2 = tempfile::tempdir().unwrap();
    let mut g2 = october_closed(gd2.path());
    let late = export(&mut g2, "2026-10", at("2026-11-06T00:00:00+07:00"));
    let wd2 = tempfile::tempdir().unwrap();
    let mut w2 = ward(wd2.path());
    app::ward::import(
        &mut w2,
        &late,
        "b.zip",
        &Default::default(),
        at("2026-11-06T08:00:00+07:00"),
    )
    .unwrap();
    assert_eq!(st(&w2, "2026-11-06T08:00:00+07:00"), [[ReportState::Late]]);

    // The ward moves its deadline to the 10th: the late file becomes on time, the missing
    // group not yet due, and the consolidated report says it is provisional.
    assert_eq!(
        app::ward::set_deadline_day(&mut w2, 10)
            .unwrap()
            .deadline_day,
        10
    );
    assert_eq!(
        st(&w2, "2026-11-06T08:00:00+07:00"),
        [[ReportState::OnTime]]
    );
    assert_eq!(
        app::ward::set_deadline_day(&mut w2, 31).unwrap_err().code,
        ErrorCode::Invalid
    );
    let doc =
        app::ward::report_document(&w2, "2026-10", day(6, 11), at("2026-11-06T08:00:00+07:00"))
            .unwrap();
    let (_, bytes) = ttq::report::render(&doc);
    let text = pdf_text(wd2.path(), &bytes);
    assert!(
        text.contains("Hạn nộp báo cáo tháng 10/2026 là hết ngày 10/11/2026; số liệu dưới đây tạm tính đến ngày 06/11/2026."),
        "{text}"
    );
    assert!(
        text.contains("Đến nay đã nhận báo cáo của 01/01 tổ (100%)."),
        "{text}"
    );
    // Before the deadline the report is provisional: marked as a draft on page 1.
    assert!(text.contains("DỰ THẢO"), "{text}");
}

#[test]
fn the_ward_recounts_the_month_from_the_rows_and_warns_when_the_file_disagrees() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = october_closed(gd.path());
    let good = export(&mut g, "2026-10", later(1));
    let group = g.require_group().unwrap();
    let (_, secret) = g.group_key(&group.id).unwrap().unwrap();
    let p = package::read(&good).unwrap();
    let resign = |m: package::Manifest| {
        let files: Vec<(&'static str, Vec<u8>)> = ["data.json", "bao-cao.pdf", "so-lieu.xlsx"]
            .into_iter()
            .map(|n| (n, entry(&good, n)))
            .collect();
        package::write(m, files, &secret).unwrap()
    };
    // Signed by the group, but its counts do not follow from its rows: taken, with a warning.
    let mut m = p.manifest.clone();
    m.figures_now.incidents.total += 1;
    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    let seen = import(&mut w, &resign(m)).unwrap();
    assert!(seen.applied);
    assert_eq!(seen.warnings.len(), 1, "{:?}", seen.warnings);
    assert!(
        seen.warnings[0].contains("Vụ việc phát hiện, ghi nhận: 9 / 10"),
        "{}",
        seen.warnings[0]
    );
    let s = app::ward::status(&w, &["2026-10".into()], later(20)).unwrap();
    assert_eq!(s.groups[0].months[0].warnings, seen.warnings);
    // A digest that is not the figures' is flagged too.
    let mut m = p.manifest.clone();
    m.digest = "0000-0000-0000-0000".into();
    let seen = import(&mut w, &resign(m)).unwrap();
    assert!(
        seen.warnings.iter().any(|x| x.contains("Mã đối chiếu")),
        "{:?}",
        seen.warnings
    );
    // The real file has none.
    assert!(import(&mut w, &good).unwrap().warnings.is_empty());
}

#[test]
fn the_ward_counts_every_month_of_a_group_as_the_group_does() {
    let gd = tempfile::tempdir().unwrap();
    let g = demo(gd.path());
    let group = g.require_group().unwrap();
    let facts = ttq::sync::facts::from_rows(&g.group_rows(&group.id, false).unwrap());
    for month in [
        "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12",
    ] {
        let period = ttq::model::figures::Period::month(month).unwrap();
        let ours = app::month::report_data(&g, month, today()).unwrap().figures;
        assert_eq!(ttq::figures::month(&facts, period), ours, "{month}");
    }
}

/// The ward's workbook as a spreadsheet program reads it: sheets named in Vietnamese, a
/// row per group with its state, the missing group's figures left empty, totals as formulas.
pub(crate) fn read_ward_workbook(bytes: &[u8]) {
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    assert_eq!(wb.sheet_names(), ["Tổng hợp", "Vụ việc theo loại"]);
    let r = wb.worksheet_range("Tổng hợp").unwrap();
    let cell = |row: u32, col: u32| r.get_value((row, col)).cloned().unwrap_or(Data::Empty);
    let text = |row: u32, col: u32| cell(row, col).to_string();
    assert!(text(0, 0).contains("tổng hợp tháng 10/2026"));
    assert_eq!(text(1, 0), "Hạn nộp: hết ngày 05/11/2026.");
    let head: Vec<String> = (0..8).map(|c| text(3, c)).collect();
    assert_eq!(
        head,
        [
            "STT",
            "Tổ",
            "Tình trạng nộp",
            "Ngày gửi",
            "Ngày nhận",
            "Ghi chú",
            "Ca tuần tra theo lịch",
            "Thành viên cuối tháng"
        ]
    );
    assert_eq!(text(4, 1), "Tổ bảo vệ an ninh, trật tự Khu phố 3");
    assert_eq!(text(4, 2), "đúng hạn");
    assert!(matches!(cell(4, 3), Data::DateTime(_)), "{:?}", cell(4, 3));
    assert!(matches!(cell(4, 7), Data::Float(_)), "{:?}", cell(4, 7));
    assert_eq!(text(5, 1), "Tổ bảo vệ an ninh, trật tự Khu phố 9");
    assert_eq!(text(5, 2), "chưa nộp");
    for c in 3..19 {
        assert_eq!(cell(5, c), Data::Empty, "column {c} of the missing group");
    }
    assert_eq!(text(6, 1), "Tổng cộng");
    assert_eq!(cell(6, 7), cell(4, 7), "the total's cached value");
    let formulas = wb.worksheet_formula("Tổng hợp").unwrap();
    let f = formulas.get_value((6, 7)).cloned().unwrap_or_default();
    assert_eq!(f.trim_start_matches('='), "SUM(H5:H6)");
}
