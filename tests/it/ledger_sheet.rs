//! The ledger's and the roster's Excel exports as Excel (calamine) and LibreOffice read them:
//! the records the on-screen filter shows, oldest first, dates as real dates shown
//! dd/mm/yyyy, Vietnamese intact, sensitive columns only when asked for.

use crate::common::*;
use calamine::{Data, Reader, Xlsx};
use std::path::Path;
use ttq::model::activity::{ActivityFilter, ActivityKind, Assignment};
use ttq::model::incident::{IncidentFilter, IncidentStatus, ReporterKind};
use ttq::Store;

/// Every sheet of a workbook as rows of cells.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let r = wb.worksheet_range(&n).unwrap();
            let rows = r.rows().map(<[Data]>::to_vec).collect();
            (n, rows)
        })
        .collect()
}

fn texts(row: &[Data]) -> Vec<String> {
    row.iter().map(ToString::to_string).collect()
}

/// Converts `files` in `dir` to CSV with LibreOffice, every sheet, cells as shown; None
/// under libfaketime (LibreOffice does not start under it).
fn libreoffice(dir: &Path, files: &[&str]) -> Option<()> {
    if office::unavailable() {
        return None;
    }
    let paths: Vec<std::path::PathBuf> = files.iter().map(|f| dir.join(f)).collect();
    let paths: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    office::convert(
        dir,
        &paths,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
    );
    Some(())
}

fn line(csv: &str, needle: &str) -> String {
    csv.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} in {csv}"))
        .to_string()
}

fn ledger(s: &mut Store) {
    let lan = s
        .add_member(&member("Vũ Thị Lan", "03/03/1979"), now())
        .unwrap();
    let a = s
        .add_incident(
            &incident("Cướp giật túi xách", "20/11/2026", "cuop_giat"),
            now(),
        )
        .unwrap();
    let mut b = incident("Trộm xe máy trước cửa nhà", "05/11/2026", "trom_cap");
    b.occurred_time = "06:30".into();
    b.time_approx = false;
    b.reporter_kind = ReporterKind::Member;
    b.reporter_member_id = Some(lan.id.clone());
    b.action_taken = "Tổ khoanh vùng, hỏi người dân xung quanh.".into();
    b.status = IncidentStatus::DaChuyenCongAn;
    b.transferred_on = "06/11/2026".into();
    b.transferred_to = "Công an phường Yên Hải".into();
    b.valuable_tip = true;
    s.add_incident(&b, now()).unwrap();
    let c = s
        .add_incident(&incident("Ghi nhầm một vụ", "12/11/2026", "khac"), now())
        .unwrap();
    s.strike_incident(&c.id, "Ghi trùng với vụ ngày 05/11", "Lê Văn Thành", now())
        .unwrap();
    s.add_incident(
        &incident("Đánh nhau ở quán nước", "15/10/2026", "danh_nhau"),
        now(),
    )
    .unwrap();
    assert_eq!(a.version, 1);
}

#[test]
fn the_incident_ledger_of_a_month_as_filtered() {
    let (dir, mut s) = store_with_group();
    ledger(&mut s);
    let filter = IncidentFilter {
        month: Some("11/2026".into()),
        limit: Some(1),
        ..Default::default()
    };
    let file = ttq::app::ledger::incidents_xlsx(&s, &filter, false, now()).unwrap();
    assert_eq!(file.name, "So vu viec 11-2026.xlsx");
    let book = sheets(&file.bytes);
    assert_eq!(book.len(), 1);
    let (name, rows) = &book[0];
    assert_eq!(name, "Vụ việc");
    assert!(texts(&rows[0])[0].contains("SỔ THEO DÕI VỤ VIỆC, TIN BÁO — Tổ tự quản ANTT Thôn Đông"));
    assert!(texts(&rows[1])[0].starts_with("Tháng 11/2026. Xuất ngày 27/11/2026."));
    let head = texts(&rows[2]);
    assert_eq!(
        head,
        [
            "STT",
            "Ngày",
            "Giờ",
            "Địa điểm",
            "Loại",
            "Nội dung tóm tắt",
            "Diễn biến",
            "Người báo tin",
            "Xử lý, chuyển cơ quan",
            "Tình trạng",
            "Tin có giá trị",
            "Gạch bỏ"
        ]
    );
    // The month's two records not struck through, oldest first, the page limit ignored.
    let body: Vec<Vec<String>> = rows[3..].iter().map(|r| texts(r)).collect();
    assert_eq!(body.len(), 2, "{body:?}");
    assert!(matches!(rows[3][1], Data::DateTime(_)), "{:?}", rows[3][1]);
    assert_eq!(body[0][5], "Trộm xe máy trước cửa nhà");
    assert_eq!(body[0][2], "06:30");
    assert_eq!(body[0][4], "Trộm cắp tài sản");
    assert_eq!(body[0][7], "Tổ viên");
    assert_eq!(
        body[0][8],
        "Tổ khoanh vùng, hỏi người dân xung quanh.\nChuyển Công an phường Yên Hải ngày 06/11/2026"
    );
    assert_eq!(
        (body[0][9].as_str(), body[0][10].as_str()),
        ("Đã chuyển Công an", "Có")
    );
    assert_eq!(body[1][5], "Cướp giật túi xách");
    assert_eq!(body[1][2], "khoảng 23:10");
    assert_eq!(body[1][3], "Ngõ 5 đường Nguyễn Trãi (Gần cổng chợ Yên Hải)");
    assert_eq!(
        (body[1][7].as_str(), body[1][10].as_str()),
        ("Người dân", "Không")
    );
    let all = format!("{body:?}");
    assert!(
        !all.contains("Lê Thị B") && !all.contains("Nguyễn Văn C") && !all.contains("Vũ Thị Lan"),
        "{all}"
    );

    // Asked for: the people involved and who reported; struck records when the filter has them.
    let filter = IncidentFilter {
        include_struck: true,
        ..filter
    };
    let file = ttq::app::ledger::incidents_xlsx(&s, &filter, true, now()).unwrap();
    let rows = &sheets(&file.bytes)[0].1;
    assert_eq!(texts(&rows[2])[7], "Người liên quan");
    let body: Vec<Vec<String>> = rows[3..].iter().map(|r| texts(r)).collect();
    assert_eq!(body.len(), 3);
    assert_eq!(body[0][8], "Tổ viên: Vũ Thị Lan");
    assert_eq!(body[1][5], "Ghi nhầm một vụ");
    assert_eq!(body[1][12], "Đã gạch bỏ: Ghi trùng với vụ ngày 05/11");
    assert_eq!(body[2][7], "Chị Lê Thị B (bị hại)");
    assert_eq!(body[2][8], "Người dân: Ông Nguyễn Văn C");

    std::fs::write(dir.path().join("Sổ vụ việc.xlsx"), &file.bytes).unwrap();
    if libreoffice(dir.path(), &["Sổ vụ việc.xlsx"]).is_none() {
        return;
    }
    let csv = std::fs::read_to_string(dir.path().join("Sổ vụ việc-Vụ việc.csv")).unwrap();
    let l = line(&csv, "Cướp giật túi xách");
    assert!(
        l.starts_with("3,20/11/2026,khoảng 23:10,")
            && l.contains("Cướp, cướp giật")
            && l.contains("Người dân: Ông Nguyễn Văn C"),
        "{l}"
    );
    assert!(
        line(&csv, "Trộm xe máy").starts_with("1,05/11/2026,06:30,"),
        "{csv}"
    );
    assert!(
        csv.contains("Nội dung tóm tắt") && csv.contains("kể cả vụ việc đã gạch bỏ"),
        "{csv}"
    );
}

#[test]
fn the_activities_of_a_month() {
    let (dir, mut s) = store_with_group();
    let mut meeting = activity(ActivityKind::HopTo, "10/11/2026");
    meeting.title = "Họp tổ tháng 11".into();
    meeting.conclusions = "Tăng cường tuần tra khu chợ.".into();
    meeting.assignments = vec![Assignment {
        who: "Vũ Thị Lan".into(),
        what: "Lập lịch tuần tra tháng 12".into(),
        due: "25/11/2026".into(),
    }];
    s.add_activity(&meeting, now()).unwrap();
    let mut mediation = activity(ActivityKind::HoaGiai, "03/11/2026");
    mediation.title = "Hòa giải tranh chấp lối đi".into();
    s.add_activity(&mediation, now()).unwrap();
    let mut old = activity(ActivityKind::TuyenTruyen, "20/10/2026");
    old.title = "Tuyên truyền tháng 10".into();
    s.add_activity(&old, now()).unwrap();

    let filter = ActivityFilter {
        month: Some("2026-11".into()),
        ..Default::default()
    };
    let file = ttq::app::ledger::activities_xlsx(&s, &filter, false, now()).unwrap();
    assert_eq!(file.name, "So hoat dong 11-2026.xlsx");
    let rows = &sheets(&file.bytes)[0].1;
    let head = texts(&rows[2]);
    assert!(!head.contains(&"Các bên hòa giải".to_string()), "{head:?}");
    let body: Vec<Vec<String>> = rows[3..].iter().map(|r| texts(r)).collect();
    assert_eq!(body.len(), 2);
    assert_eq!(
        (body[0][2].as_str(), body[0][3].as_str()),
        ("Hòa giải", "Hòa giải tranh chấp lối đi")
    );
    assert_eq!(body[0][10], "Thành");
    assert_eq!(body[1][2], "Họp tổ");
    assert_eq!(rows[4][6], Data::Float(40.0));
    assert_eq!(
        body[1][9],
        "Vũ Thị Lan: Lập lịch tuần tra tháng 12 (hạn 25/11/2026)"
    );
    assert!(!format!("{body:?}").contains("ông Tâm"));

    let file = ttq::app::ledger::activities_xlsx(&s, &filter, true, now()).unwrap();
    let rows = &sheets(&file.bytes)[0].1;
    assert_eq!(texts(&rows[2])[10], "Các bên hòa giải");
    assert_eq!(texts(&rows[3])[10], "Hộ ông Tâm và hộ ông Hòa");

    std::fs::write(dir.path().join("Hoạt động.xlsx"), &file.bytes).unwrap();
    if libreoffice(dir.path(), &["Hoạt động.xlsx"]).is_none() {
        return;
    }
    let csv = std::fs::read_to_string(dir.path().join("Hoạt động-Hoạt động.csv")).unwrap();
    assert!(
        line(&csv, "Họp tổ tháng 11").starts_with("2,10/11/2026,Họp tổ,"),
        "{csv}"
    );
    assert!(
        line(&csv, "lối đi").contains("Hộ ông Tâm và hộ ông Hòa"),
        "{csv}"
    );
}

#[test]
fn the_roster_of_a_month_and_each_members_shifts() {
    let (dir, mut s) = store_with_group();
    for (name, birth) in [
        ("Hoàng Văn Nam", "02/02/1975"),
        ("Vũ Thị Lan", "03/03/1979"),
        ("Bùi Văn Sơn", "04/04/1990"),
    ] {
        s.add_member(&member(name, birth), now()).unwrap();
    }
    s.add_pattern(&crate::patrol::night(), now()).unwrap();
    let view = ttq::app::patrols::generate(&mut s, "2026-12", now()).unwrap();
    let file = ttq::app::patrols::roster_xlsx(&s, "12/2026", now()).unwrap();
    assert_eq!(file.name, "Lich tuan tra thang 12-2026.xlsx");
    let book = sheets(&file.bytes);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Lịch tuần tra", "Tổng hợp"]);
    let shifts = &book[0].1;
    assert_eq!(
        texts(&shifts[2]),
        ["Ngày", "Thứ", "Ca", "Giờ", "Người trực", "Thiếu"]
    );
    assert_eq!(shifts.len() - 3, 31);
    assert!(matches!(shifts[3][0], Data::DateTime(_)));
    let first = texts(&shifts[3]);
    assert_eq!(&first[1..4], ["Thứ Ba", "Ca đêm", "22:00–04:00"]);
    assert_eq!(first[4].split(", ").count(), 2, "{first:?}");
    let tallies = &book[1].1;
    assert_eq!(tallies.len() - 3, view.tallies.len());
    let counted: f64 = tallies[3..]
        .iter()
        .map(|r| match r[2] {
            Data::Float(n) => n,
            ref d => panic!("{d:?}"),
        })
        .sum();
    assert_eq!(counted, 62.0, "31 nights of 2 seats");

    std::fs::write(dir.path().join("Lịch.xlsx"), &file.bytes).unwrap();
    if libreoffice(dir.path(), &["Lịch.xlsx"]).is_none() {
        return;
    }
    let csv = std::fs::read_to_string(dir.path().join("Lịch-Lịch tuần tra.csv")).unwrap();
    assert!(
        line(&csv, "01/12/2026").contains("Thứ Ba,Ca đêm,22:00–04:00"),
        "{csv}"
    );
    assert!(line(&csv, "25/12/2026").contains("Thứ Sáu"), "{csv}");
    let csv = std::fs::read_to_string(dir.path().join("Lịch-Tổng hợp.csv")).unwrap();
    assert!(
        csv.contains("Họ và tên,Số ca") && line(&csv, "Bùi Văn Sơn").contains(","),
        "{csv}"
    );
}
