//! Spreadsheets for people: the month's figures of a group, and the ward's consolidated table.

use crate::error::{Error, Result};
use crate::model::figures::{MonthFigures, INDICATORS};
use rust_xlsxwriter::{Format, Workbook};
use std::collections::BTreeMap;

fn err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::internal(format!("xlsx: {e}"))
}

/// A group's month as a workbook: the figures, then incidents by category.
pub fn month_workbook(
    group: &str,
    month: &str,
    f: &MonthFigures,
    category_names: &BTreeMap<String, String>,
) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("So lieu").map_err(err)?;
    ws.write_string_with_format(
        0,
        0,
        format!("{group} — tháng {}", crate::date::month_label(month)),
        &bold,
    )
    .map_err(err)?;
    ws.write_string_with_format(2, 0, "Chỉ tiêu", &bold)
        .map_err(err)?;
    ws.write_string_with_format(2, 1, "Số lượng", &bold)
        .map_err(err)?;
    let mut row = 3;
    for i in &INDICATORS {
        ws.write_string(row, 0, i.label).map_err(err)?;
        ws.write_number(row, 1, (i.value)(f)).map_err(err)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "Vụ việc theo loại", &bold)
        .map_err(err)?;
    row += 1;
    for (code, n) in &f.incidents.by_category {
        let name = category_names.get(code).unwrap_or(code);
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
    ws.write_string_with_format(2, 0, "Tổ", &bold)
        .map_err(err)?;
    for (c, i) in INDICATORS.iter().enumerate() {
        ws.write_string_with_format(2, c as u16 + 1, i.label, &bold)
            .map_err(err)?;
    }
    let mut totals = MonthFigures::default();
    let mut row = 3;
    for (name, f) in groups {
        ws.write_string(row, 0, name).map_err(err)?;
        match f {
            Some(f) => {
                for (c, i) in INDICATORS.iter().enumerate() {
                    ws.write_number(row, c as u16 + 1, (i.value)(f))
                        .map_err(err)?;
                }
                totals.add(f);
            }
            None => {
                ws.write_string(row, 1, "Chưa nộp").map_err(err)?;
            }
        }
        row += 1;
    }
    ws.write_string_with_format(row, 0, "Tổng cộng", &bold)
        .map_err(err)?;
    for (c, i) in INDICATORS.iter().enumerate() {
        ws.write_number_with_format(row, c as u16 + 1, (i.value)(&totals), &bold)
            .map_err(err)?;
    }
    ws.set_column_width(0, 36).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}
