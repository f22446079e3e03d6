//! Spreadsheets for people: the month's figures of a group, and the ward's consolidated table.

use crate::error::{Error, Result};
use crate::model::figures::{MonthFigures, INDICATORS};
use crate::model::ward::GroupMonth;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::utility::cell_range;
use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
};
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
    ws.set_name("Số liệu").map_err(err)?;
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

/// What heads the ward's workbook: its title and the line under it (deadline, provisional).
pub struct WardSheet<'a> {
    pub title: &'a str,
    pub note: &'a str,
    pub rows: &'a [GroupMonth],
    pub category_names: &'a BTreeMap<String, String>,
}

/// Header cells: bold, wrapped, centred, boxed.
fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
}

fn date_cell(d: NaiveDate) -> Result<ExcelDateTime> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(err)
}

/// Writes the header row at `row` and freezes the sheet under it (and right of `frozen_cols`).
fn headers(ws: &mut Worksheet, row: u32, titles: &[String], frozen_cols: u16) -> Result<()> {
    let h = header_format();
    for (c, t) in titles.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, t, &h)
            .map_err(err)?;
    }
    ws.set_row_height(row, 62).map_err(err)?;
    ws.set_freeze_panes(row + 1, frozen_cols).map_err(err)?;
    Ok(())
}

/// A bold total row: "Tổng cộng" in column 1, then `=SUM(…)` over the rows above for each
/// number column from `first`, with the sum as the cached result for readers that do not
/// calculate.
fn total_row(
    ws: &mut Worksheet,
    row: u32,
    from: u32,
    first: u16,
    sums: &[f64],
    bold: &Format,
) -> Result<()> {
    ws.write_string_with_format(row, 1, "Tổng cộng", bold)
        .map_err(err)?;
    for (k, v) in sums.iter().enumerate() {
        let c = first + k as u16;
        let f = if row > from {
            Formula::new(format!("=SUM({})", cell_range(from, c, row - 1, c)))
                .set_result(format!("{v}"))
        } else {
            Formula::new("=0").set_result("0")
        };
        ws.write_formula_with_format(row, c, f, bold).map_err(err)?;
    }
    Ok(())
}

/// The ward's consolidated month: "Tổng hợp" with a row per group (its state and dates, its
/// figures when a file came) and formula totals; "Vụ việc theo loại" with the groups ×
/// categories.
pub fn ward_workbook(s: &WardSheet) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Tổng hợp").map_err(err)?;
    ws.write_string_with_format(0, 0, s.title, &bold)
        .map_err(err)?;
    ws.write_string(1, 0, s.note).map_err(err)?;
    let mut titles: Vec<String> = [
        "STT",
        "Tổ",
        "Tình trạng nộp",
        "Ngày gửi",
        "Ngày nhận",
        "Ghi chú",
        "Ca tuần tra theo lịch",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    titles.extend(INDICATORS.iter().map(|i| i.label.to_string()));
    const FIRST_NUMBER: u16 = 6;
    let values = |f: &MonthFigures| {
        std::iter::once(f64::from(f.patrols.shifts_planned))
            .chain(INDICATORS.iter().map(|i| (i.value)(f)))
            .collect::<Vec<f64>>()
    };
    let head = 3;
    headers(ws, head, &titles, 2)?;
    let mut totals = MonthFigures::default();
    let mut row = head + 1;
    for (i, g) in s.rows.iter().enumerate() {
        ws.write_number(row, 0, (i + 1) as f64).map_err(err)?;
        ws.write_string(row, 1, &g.name).map_err(err)?;
        ws.write_string(row, 2, g.state.label()).map_err(err)?;
        if let Some(d) = g.sent_on {
            ws.write_datetime_with_format(row, 3, date_cell(d)?, &day)
                .map_err(err)?;
        }
        if let Some(d) = g.received_on {
            ws.write_datetime_with_format(row, 4, date_cell(d)?, &day)
                .map_err(err)?;
        }
        if g.draft {
            ws.write_string(row, 5, "bản dự thảo (tổ chưa chốt số liệu)")
                .map_err(err)?;
        }
        // A group without a file keeps its number cells empty: no figure is made up.
        if let Some(f) = &g.figures {
            for (k, v) in values(f).into_iter().enumerate() {
                ws.write_number(row, FIRST_NUMBER + k as u16, v)
                    .map_err(err)?;
            }
            totals.add(f);
        }
        row += 1;
    }
    total_row(ws, row, head + 1, FIRST_NUMBER, &values(&totals), &bold)?;
    ws.set_column_width(0, 5).map_err(err)?;
    ws.set_column_width(1, 38).map_err(err)?;
    ws.set_column_width(2, 14).map_err(err)?;
    ws.set_column_width(3, 12).map_err(err)?;
    ws.set_column_width(4, 12).map_err(err)?;
    ws.set_column_width(5, 18).map_err(err)?;
    for c in FIRST_NUMBER..titles.len() as u16 {
        ws.set_column_width(c, 12).map_err(err)?;
    }

    // Incidents by category: the categories any group reported, by name.
    let name = |code: &String| s.category_names.get(code).cloned().unwrap_or(code.clone());
    let mut cats: Vec<String> = totals.incidents.by_category.keys().map(name).collect();
    cats.sort_by(|a, b| crate::text::collate(a, b));
    cats.dedup();
    let ws = wb.add_worksheet();
    ws.set_name("Vụ việc theo loại").map_err(err)?;
    ws.write_string_with_format(0, 0, s.title, &bold)
        .map_err(err)?;
    let mut titles = vec!["STT".to_string(), "Tổ".to_string()];
    titles.extend(cats.iter().cloned());
    titles.push("Cộng".into());
    headers(ws, 2, &titles, 2)?;
    let mut row = 3;
    let mut sums = vec![0.0; cats.len() + 1];
    for (i, (g, f)) in s
        .rows
        .iter()
        .filter_map(|g| g.figures.as_ref().map(|f| (g, f)))
        .enumerate()
    {
        ws.write_number(row, 0, (i + 1) as f64).map_err(err)?;
        ws.write_string(row, 1, &g.name).map_err(err)?;
        let mut by_name: BTreeMap<String, u32> = BTreeMap::new();
        for (code, n) in &f.incidents.by_category {
            *by_name.entry(name(code)).or_default() += n;
        }
        for (k, c) in cats.iter().enumerate() {
            let n = f64::from(by_name.get(c).copied().unwrap_or(0));
            ws.write_number(row, 2 + k as u16, n).map_err(err)?;
            sums[k] += n;
        }
        let all = f64::from(f.incidents.total);
        ws.write_number(row, 2 + cats.len() as u16, all)
            .map_err(err)?;
        sums[cats.len()] += all;
        row += 1;
    }
    total_row(ws, row, 3, 2, &sums, &bold)?;
    ws.set_column_width(0, 5).map_err(err)?;
    ws.set_column_width(1, 38).map_err(err)?;
    for c in 2..titles.len() as u16 {
        ws.set_column_width(c, 14).map_err(err)?;
    }
    wb.save_to_buffer().map_err(err)
}
