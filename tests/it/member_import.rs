//! Importing the member list the ward gave the group, from messy spreadsheets made here:
//! title rows, a heading over two rows, years split by gender, numbers that lost their 0,
//! NFD text, a legacy font, blank rows, totals and the signature block.

use crate::common::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};
use ttq::app::member_import;
use ttq::model::member::import::{RowAction, SheetChoice, SheetField, SheetPreview};
use ttq::model::member::{Gender, MemberFilter, MemberStatus, Role};
use ttq::ErrorCode;
use unicode_normalization::UnicodeNormalization;

/// The list as wards hand it out: a title, headings over two rows with "Năm sinh" split
/// into Nam and Nữ, a row numbering the columns, and a footer with signatures.
fn ward_list(dir: &Path) -> PathBuf {
    let path = dir.join("Danh sách tổ viên.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let bold = Format::new().set_bold();
    ws.merge_range(0, 0, 0, 8, "CÔNG AN PHƯỜNG YÊN HẢI", &bold)
        .unwrap();
    ws.merge_range(
        1,
        0,
        1,
        8,
        "DANH SÁCH TỔ VIÊN TỔ TỰ QUẢN ANTT THÔN ĐÔNG",
        &bold,
    )
    .unwrap();
    ws.merge_range(
        2,
        0,
        2,
        8,
        "(Kèm theo Quyết định số 125/QĐ-UBND ngày 15/8/2024)",
        &Format::new(),
    )
    .unwrap();
    let heads = [
        "STT",
        "Họ và tên",
        "Năm sinh",
        "",
        "Số CCCD",
        "Số điện thoại",
        "Chỗ ở hiện nay",
        "Chức vụ",
        "Ghi chú",
    ];
    for (c, h) in heads.iter().enumerate() {
        if !h.is_empty() {
            ws.write_string(4, c as u16, *h).unwrap();
        }
    }
    ws.merge_range(4, 2, 4, 3, "Năm sinh", &bold).unwrap();
    ws.write_string(5, 2, "Nam").unwrap();
    ws.write_string(5, 3, "Nữ").unwrap();
    for c in 0..9u16 {
        ws.write_string(6, c, format!("({})", c + 1)).unwrap();
    }
    let nfd: String = "Trần Thị Hằng".nfd().collect();
    let rows: Vec<Vec<(u16, Value)>> = vec![
        vec![
            (0, N(1.0)),
            (1, t("NGUYỄN VĂN AN")),
            (2, N(1975.0)),
            (4, N(22088012345.0)),
            (5, N(912345678.0)),
            (6, t("Xóm 1, Thôn Đông")),
            (7, t("TỔ PHÓ")),
        ],
        vec![
            (0, N(2.0)),
            (1, t(&nfd)),
            (3, N(1980.0)),
            (5, t("0987.654.321")),
            (6, t("  Xóm   2 ")),
            (7, t("tổ viên")),
        ],
        vec![
            (0, N(3.0)),
            (1, t("Lê Văn Bình")),
            (2, t("12/05/1978")),
            (5, t("+84 912 000 111")),
        ],
        vec![(0, N(4.0)), (1, t("Phạm Văn Cường")), (2, t("31/02/1979"))],
        vec![],
        vec![(0, N(5.0)), (1, t("Nguyễn Văn An")), (2, N(1975.0))],
        vec![
            (0, N(6.0)),
            (1, t("Lê Văn Thành")),
            (2, t("10/10/1965")),
            (7, t("Tổ trưởng")),
        ],
        vec![(0, N(7.0)), (1, t("Đỗ Thị Mai")), (3, N(2015.0))],
        vec![(1, t("Tổng cộng: 7 người"))],
        vec![(6, t("Yên Hải, ngày 10 tháng 3 năm 2025"))],
        vec![(6, t("TỔ TRƯỞNG"))],
        vec![(6, t("Lê Văn Thành"))],
    ];
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row {
            let r = 7 + i as u32;
            match v {
                N(n) => ws.write_number(r, *c, *n).unwrap(),
                Value::T(s) => ws.write_string(r, *c, s.as_str()).unwrap(),
            };
        }
    }
    wb.save(&path).unwrap();
    path
}

enum Value {
    N(f64),
    T(String),
}
use Value::N;

fn t(s: &str) -> Value {
    Value::T(s.to_string())
}

fn row(p: &SheetPreview, n: u32) -> &ttq::model::member::import::SheetRow {
    p.rows
        .iter()
        .find(|r| r.row == n)
        .unwrap_or_else(|| panic!("row {n}: {p:#?}"))
}

fn names(s: &ttq::Store) -> Vec<String> {
    let mut v: Vec<String> = s
        .list_members(
            &MemberFilter {
                status: MemberStatus::All,
                ..Default::default()
            },
            today(),
        )
        .unwrap()
        .items
        .into_iter()
        .map(|m| m.full_name)
        .collect();
    v.sort();
    v
}

#[test]
fn the_wards_list_is_read_under_its_title_and_above_its_signatures() {
    let (dir, mut s) = store_with_group();
    let path = ward_list(dir.path());
    let p = member_import::preview(&s, &path, &SheetChoice::default(), now()).unwrap();
    assert_eq!(p.header_row, 5);
    let field = |letter: &str| p.columns.iter().find(|c| c.letter == letter).unwrap().field;
    assert_eq!(field("A"), Some(SheetField::RowNumber));
    assert_eq!(field("B"), Some(SheetField::FullName));
    assert_eq!(field("C"), Some(SheetField::BirthYearMale));
    assert_eq!(field("D"), Some(SheetField::BirthYearFemale));
    assert_eq!(field("E"), Some(SheetField::Cccd));
    assert_eq!(field("F"), Some(SheetField::Phone));
    assert_eq!(field("G"), Some(SheetField::Address));
    assert_eq!(field("H"), Some(SheetField::Role));

    // Row numbers are the ones Excel shows; the column numbering (row 7) is not a member.
    let an = row(&p, 8);
    assert_eq!(an.action, RowAction::Add, "{an:?}");
    assert_eq!(an.member.full_name, "Nguyễn Văn An");
    assert_eq!(an.member.birth_date, "1975");
    assert_eq!(an.member.gender, Some(Gender::Nam));
    assert_eq!(an.member.cccd, "022088012345");
    assert!(an.warnings.iter().any(|w| w.contains("số 0 đầu")));
    assert_eq!(an.member.phone, "0912345678");
    assert_eq!(an.member.role, Some(Role::ToPho));
    let hang = row(&p, 9);
    assert_eq!(hang.member.full_name, "Trần Thị Hằng");
    assert_eq!(hang.member.gender, Some(Gender::Nu));
    assert_eq!(hang.member.address, "Xóm 2");
    assert_eq!(hang.action, RowAction::Add);
    assert_eq!(row(&p, 10).member.birth_date, "12/05/1978");
    let cuong = row(&p, 11);
    assert_eq!(cuong.action, RowAction::Error);
    assert!(
        cuong
            .problems
            .iter()
            .any(|m| m.contains("tháng 2 năm 1979 không có ngày 31")),
        "{cuong:?}"
    );
    let again = row(&p, 13);
    assert_eq!(again.action, RowAction::Skip);
    assert!(again.problems[0].contains("Trùng với dòng 8"));
    let leader = row(&p, 14);
    assert_eq!(leader.action, RowAction::Skip);
    assert!(leader.problems[0].contains("Đã có trong danh sách tổ viên"));
    // Eligibility is advice, as in the member form.
    let young = row(&p, 15);
    assert_eq!(young.action, RowAction::Add, "{young:?}");
    assert!(young.warnings.iter().any(|w| w.contains("Chưa đủ 18 tuổi")));
    assert!(row(&p, 16).problems[0].contains("tổng cộng"));
    assert!(row(&p, 17).problems[0].contains("ký tên"));
    assert!(
        p.rows.iter().all(|r| r.row <= 17),
        "nothing under the signatures"
    );
    assert_eq!((p.to_add, p.skipped, p.errors), (4, 4, 1));

    let before = names(&s);
    let done = member_import::apply(&mut s, &path, &SheetChoice::default(), now()).unwrap();
    assert_eq!(done.to_add, 4);
    let after = names(&s);
    assert_eq!(after.len(), before.len() + 4);
    assert!(after.contains(&"Trần Thị Hằng".to_string()));

    // The same file again adds nobody and says so; the data stays as it was.
    let again = member_import::preview(&s, &path, &SheetChoice::default(), now()).unwrap();
    assert_eq!(again.to_add, 0);
    let e = member_import::apply(&mut s, &path, &SheetChoice::default(), now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(names(&s), after);
}

#[test]
fn the_user_can_change_what_a_column_holds() {
    let (dir, s) = store_with_group();
    let path = ward_list(dir.path());
    let p = member_import::preview(&s, &path, &SheetChoice::default(), now()).unwrap();
    let mut columns: Vec<Option<SheetField>> = p.columns.iter().map(|c| c.field).collect();
    columns[6] = Some(SheetField::Notes);
    let p = member_import::preview(
        &s,
        &path,
        &SheetChoice {
            sheet: None,
            columns: Some(columns),
        },
        now(),
    )
    .unwrap();
    let an = row(&p, 8);
    assert_eq!(an.member.address, "");
    assert_eq!(an.member.notes, "Xóm 1, Thôn Đông");
}

#[test]
fn dates_as_cells_serials_and_text_in_a_csv_and_a_workbook() {
    let (dir, s) = store_with_group();
    let path = dir.path().join("ds.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Tổ viên").unwrap();
    for (c, h) in ["Họ tên", "Ngày sinh", "Giới tính", "SĐT"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_string(1, 0, "Hoàng Văn Dũng").unwrap();
    ws.write_datetime_with_format(1, 1, ExcelDateTime::from_ymd(1970, 8, 19).unwrap(), &date)
        .unwrap();
    ws.write_string(1, 2, "NAM").unwrap();
    ws.write_string(2, 0, "Vũ Thị Lan").unwrap();
    ws.write_number(2, 1, 27458.0).unwrap();
    ws.write_string(2, 2, "nữ").unwrap();
    ws.write_string(3, 0, "Ngô Văn Tường").unwrap();
    ws.write_string(3, 1, "5.3.1975").unwrap();
    wb.save(&path).unwrap();
    let p = member_import::preview(&s, &path, &SheetChoice::default(), now()).unwrap();
    assert_eq!(p.sheet, "Tổ viên");
    assert_eq!(row(&p, 2).member.birth_date, "19/08/1970");
    assert_eq!(row(&p, 3).member.birth_date, "05/03/1975");
    assert_eq!(row(&p, 3).member.gender, Some(Gender::Nu));
    assert_eq!(row(&p, 4).member.birth_date, "05/03/1975");

    // Windows-1258 with semicolons (Excel's CSV on a Vietnamese Windows).
    let csv = dir.path().join("ds.csv");
    // "Họ và tên;Ngày sinh;Địa chỉ" / "Đặng Thị Thu;02/09/1982;Xóm 3": tones as combining
    // marks after the letter (0xF2 dot below, 0xD2 hook above), as Windows-1258 writes them.
    let mut bytes = b"Ho\xF2 v\xE0 t\xEAn;Nga\xCCy sinh;\xD0i\xF2a chi\xD2\r\n".to_vec();
    bytes.extend_from_slice(b"\xD0\xE3\xF2ng Thi\xF2 Thu;02/09/1982;X\xF3m 3\r\n");
    std::fs::write(&csv, &bytes).unwrap();
    let p = member_import::preview(&s, &csv, &SheetChoice::default(), now()).unwrap();
    assert_eq!(row(&p, 2).member.full_name, "Đặng Thị Thu");
    assert_eq!(row(&p, 2).member.address, "Xóm 3");

    // UTF-8 with a BOM, commas and quotes.
    std::fs::write(
        &csv,
        "\u{feff}Họ và tên,Năm sinh,Địa chỉ\n\"Bùi Văn Khánh\",1968,\"Số 4, ngõ 2\"\n",
    )
    .unwrap();
    let p = member_import::preview(&s, &csv, &SheetChoice::default(), now()).unwrap();
    assert_eq!(row(&p, 2).member.birth_date, "1968");
    assert_eq!(row(&p, 2).member.address, "Số 4, ngõ 2");
    assert_eq!(p.converted_from, None);
}

#[test]
fn a_list_typed_with_the_vntime_font_is_converted() {
    let (dir, s) = store_with_group();
    let csv = dir.path().join("vntime.csv");
    // TCVN3 bytes, as a CSV saved from a sheet typed with .VnTime: "NguyÔn V¨n An".
    let mut bytes = b"Ho va ten,Nam sinh\r\n".to_vec();
    bytes.extend_from_slice(b"Nguy\xD4n V\xA8n An,1975\r\nTr\xCBn Th\xDE H\xB5,1980\r\n");
    std::fs::write(&csv, &bytes).unwrap();
    let p = member_import::preview(&s, &csv, &SheetChoice::default(), now()).unwrap();
    assert!(p.converted_from.as_deref().unwrap().starts_with("TCVN3"));
    assert_eq!(row(&p, 2).member.full_name, "Nguyễn Văn An");
}

#[test]
fn a_file_without_a_member_list_is_refused_in_plain_words() {
    let (dir, s) = store_with_group();
    let path = dir.path().join("khác.csv");
    std::fs::write(&path, "Ngày,Số tiền\n01/01/2026,100000\n").unwrap();
    let e = member_import::preview(&s, &path, &SheetChoice::default(), now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Invalid);
    assert!(e.message.contains("Họ và tên"), "{}", e.message);
    let path = dir.path().join("hỏng.xlsx");
    std::fs::write(&path, b"not a workbook").unwrap();
    let e = member_import::preview(&s, &path, &SheetChoice::default(), now()).unwrap_err();
    assert!(e.message.contains("Không đọc được tệp"), "{}", e.message);
}

#[test]
fn import_then_export_then_import_gives_the_same_members() {
    let (dir, mut s) = store_with_group();
    let mut a = member("Trịnh Văn Hòa", "1968");
    a.cccd = "022068001234".into();
    a.notes = "Trực đêm thứ Bảy".into();
    s.add_member(&a, now()).unwrap();
    let mut b = member("Mai Thị Ngọc", "21/07/1990");
    b.gender = Some(Gender::Nu);
    b.role = Some(Role::ToPho);
    b.phone = "0387654321".into();
    b.health_cert_date = "".into();
    s.add_member(&b, now()).unwrap();
    let file = ttq::app::members::export_xlsx(&s, true, now()).unwrap();
    let path = dir.path().join(&file.name);
    std::fs::write(&path, &file.bytes).unwrap();

    let (_d2, mut fresh) = store_with_group();
    let p = member_import::apply(&mut fresh, &path, &SheetChoice::default(), now()).unwrap();
    assert_eq!((p.to_add, p.skipped, p.errors), (2, 1, 0), "{p:#?}");
    let fields = |s: &ttq::Store| {
        let mut v: Vec<_> = s
            .list_members(&MemberFilter::default(), today())
            .unwrap()
            .items
            .iter()
            .map(|r| {
                let m = s.member(&r.id).unwrap();
                (
                    m.full_name,
                    m.gender,
                    m.birth_date,
                    m.phone,
                    m.address,
                    m.role,
                    m.joined_on,
                    m.cccd,
                    m.health_cert_date,
                    m.notes,
                )
            })
            .collect();
        v.sort_by(|x, y| x.0.cmp(&y.0));
        v
    };
    assert_eq!(fields(&fresh), fields(&s));

    // Without --sensitive the workbook holds no phone or CCCD number.
    let plain = ttq::app::members::export_xlsx(&s, false, now()).unwrap();
    let path = dir.path().join("plain.xlsx");
    std::fs::write(&path, &plain.bytes).unwrap();
    let p = member_import::preview(&fresh, &path, &SheetChoice::default(), now()).unwrap();
    assert!(p
        .columns
        .iter()
        .all(|c| c.field != Some(SheetField::Phone) && c.field != Some(SheetField::Cccd)));
}

/// LibreOffice reads the exported workbook with every value intact (the run under
/// libfaketime leaves this to the normal run: LibreOffice does not start under it).
#[test]
fn libreoffice_reads_the_exported_list() {
    if office::unavailable() {
        return;
    }
    let (dir, mut s) = store_with_group();
    let mut b = member("Mai Thị Ngọc", "21/07/1990");
    b.gender = Some(Gender::Nu);
    b.phone = "0387654321".into();
    b.cccd = "001190012345".into();
    s.add_member(&b, now()).unwrap();
    s.add_member(&member("Trịnh Văn Hòa", "1968"), now())
        .unwrap();
    let file = ttq::app::members::export_xlsx(&s, true, now()).unwrap();
    let xlsx = dir.path().join("Danh sách tổ viên.xlsx");
    std::fs::write(&xlsx, &file.bytes).unwrap();
    office::convert(
        dir.path(),
        &[&xlsx],
        "csv:Text - txt - csv (StarCalc):44,34,76",
    );
    let csv = std::fs::read_to_string(dir.path().join("Danh sách tổ viên.csv")).unwrap();
    let line = |name: &str| {
        csv.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} in {csv}"))
            .to_string()
    };
    let ngoc = line("Mai Thị Ngọc");
    assert!(
        ngoc.contains("21/07/1990")
            && ngoc.contains("0387654321")
            && ngoc.contains("001190012345")
            && ngoc.contains("Nữ"),
        "{ngoc}"
    );
    assert!(line("Trịnh Văn Hòa").contains(",1968,"), "{csv}");
    assert!(
        csv.contains("Họ và tên") && csv.contains("DANH SÁCH TỔ VIÊN"),
        "{csv}"
    );
}

/// The same list saved by LibreOffice as .xls (Excel 97–2003) and .ods reads the same.
#[test]
fn the_list_reads_the_same_from_xls_and_ods() {
    if office::unavailable() {
        return;
    }
    let (dir, s) = store_with_group();
    let xlsx = ward_list(dir.path());
    let want = member_import::preview(&s, &xlsx, &SheetChoice::default(), now()).unwrap();
    for (ext, filter) in [("xls", "xls:MS Excel 97"), ("ods", "ods")] {
        office::convert(dir.path(), &[&xlsx], filter);
        let path = xlsx.with_extension(ext);
        let got = member_import::preview(&s, &path, &SheetChoice::default(), now()).unwrap();
        assert_eq!(got.rows, want.rows, "{ext}");
        assert_eq!(got.header_row, want.header_row, "{ext}");
    }
}
