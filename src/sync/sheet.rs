//! Spreadsheets for people: the month's figures of a group, and the ward's consolidated table.

use super::package::MonthFigures;
use crate::error::{Error, Result};
use rust_xlsxwriter::{Format, Workbook};

fn err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::internal(format!("xlsx: {e}"))
}

/// The labelled figures, in the order the reports print them.
pub fn figure_rows(f: &MonthFigures) -> Vec<(&'static str, f64)> {
    vec![
        ("Tổ viên đang hoạt động", f64::from(f.members_active)),
        ("Ca tuần tra đã thực hiện", f64::from(f.patrols_held)),
        ("Lượt người tham gia tuần tra", f64::from(f.member_turns)),
        ("Giờ tuần tra (người × giờ)", f.hours),
        ("Vụ việc phát hiện, ghi nhận", f64::from(f.incidents)),
        ("Vụ việc chuyển Công an", f64::from(f.transferred)),
        ("Tin báo có giá trị", f64::from(f.valuable_tips)),
        ("Vụ hòa giải", f64::from(f.mediations)),
        ("Vụ hòa giải thành", f64::from(f.mediations_successful)),
        ("Buổi họp dân", f64::from(f.resident_meetings)),
        ("Buổi tuyên truyền", f64::from(f.awareness_sessions)),
        ("Hộ ký cam kết", f64::from(f.households_committed)),
    ]
}

/// A group's month as a workbook: the figures, then incidents by category.
pub fn month_workbook(group: &str, month: &str, f: &MonthFigures) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("So lieu").map_err(err)?;
    ws.write_string_with_format(
        0,
        0,
        format!("{group} — tháng {}", crate::store::month_label(month)),
        &bold,
    )
    .map_err(err)?;
    ws.write_string_with_format(2, 0, "Chỉ tiêu", &bold)
        .map_err(err)?;
    ws.write_string_with_format(2, 1, "Số lượng", &bold)
        .map_err(err)?;
    let mut row = 3;
    for (label, v) in figure_rows(f) {
        ws.write_string(row, 0, label).map_err(err)?;
        ws.write_number(row, 1, v).map_err(err)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "Vụ việc theo loại", &bold)
        .map_err(err)?;
    row += 1;
    for (name, n) in &f.categories {
        ws.write_string(row, 0, name).map_err(err)?;
        ws.write_number(row, 1, f64::from(*n)).map_err(err)?;
        row += 1;
    }
    ws.set_column_width(0, 36).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}

/// The ward's consolidated month: one row per group, then the totals.
pub fn ward_workbook(title: &str, groups: &[(String, Option<MonthFigures>)]) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("Tong hop").map_err(err)?;
    ws.write_string_with_format(0, 0, title, &bold)
        .map_err(err)?;
    let header = figure_rows(&MonthFigures::default());
    ws.write_string_with_format(2, 0, "Tổ", &bold)
        .map_err(err)?;
    for (c, (label, _)) in header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16 + 1, *label, &bold)
            .map_err(err)?;
    }
    let mut totals = vec![0.0; header.len()];
    let mut row = 3;
    for (name, f) in groups {
        ws.write_string(row, 0, name).map_err(err)?;
        match f {
            Some(f) => {
                for (c, (_, v)) in figure_rows(f).iter().enumerate() {
                    ws.write_number(row, c as u16 + 1, *v).map_err(err)?;
                    totals[c] += v;
                }
            }
            None => {
                ws.write_string(row, 1, "Chưa nộp").map_err(err)?;
            }
        }
        row += 1;
    }
    ws.write_string_with_format(row, 0, "Tổng cộng", &bold)
        .map_err(err)?;
    for (c, v) in totals.iter().enumerate() {
        ws.write_number_with_format(row, c as u16 + 1, *v, &bold)
            .map_err(err)?;
    }
    ws.set_column_width(0, 36).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}
