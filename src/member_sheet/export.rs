//! The member list as an Excel workbook: Vietnamese headings in bold, frozen under the
//! title, widths that fit, dates as real dates shown dd/mm/yyyy (a year alone as the year).
//! Phone and CCCD numbers only when asked for. It reads back with the importer.

use crate::date;
use crate::error::{Error, Result};
use crate::model::member::{Birth, Member};
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::internal(format!("xlsx: {e}"))
}

/// The workbook of `members` of the group `group`; `sensitive` adds phones and CCCD.
pub fn workbook(group: &str, members: &[Member], sensitive: bool) -> Result<Vec<u8>> {
    let mut heads: Vec<(&str, f64)> = vec![
        ("STT", 5.0),
        ("Họ và tên", 26.0),
        ("Ngày sinh", 12.0),
        ("Giới tính", 9.0),
        ("Chức danh", 11.0),
        ("Địa chỉ", 30.0),
    ];
    if sensitive {
        heads.extend([("Số điện thoại", 14.0), ("Số CCCD", 15.0)]);
    }
    heads.extend([
        ("Ngày vào tổ", 12.0),
        ("Ngày khám sức khỏe", 14.0),
        ("Ghi chú", 30.0),
    ]);
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Tổ viên").map_err(err)?;
    ws.write_string_with_format(0, 0, format!("DANH SÁCH TỔ VIÊN — {group}"), &bold)
        .map_err(err)?;
    for (c, (h, width)) in heads.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold)
            .map_err(err)?;
        ws.set_column_width(c as u16, *width).map_err(err)?;
    }
    ws.set_freeze_panes(3, 0).map_err(err)?;
    for (i, m) in members.iter().enumerate() {
        let r = 3 + i as u32;
        let mut c = 0u16;
        let mut next = || {
            c += 1;
            c - 1
        };
        ws.write_number(r, next(), (i + 1) as f64).map_err(err)?;
        ws.write_string(r, next(), &m.full_name).map_err(err)?;
        let col = next();
        match m.birth_date.as_deref().and_then(Birth::from_stored) {
            Some(Birth::Day(d)) => {
                ws.write_datetime_with_format(r, col, excel_day(d)?, &day)
                    .map_err(err)?;
            }
            Some(Birth::Year(y)) => {
                ws.write_number(r, col, f64::from(y)).map_err(err)?;
            }
            None => {}
        }
        ws.write_string(r, next(), m.gender.map(|g| g.label()).unwrap_or(""))
            .map_err(err)?;
        ws.write_string(r, next(), m.role.label()).map_err(err)?;
        ws.write_string(r, next(), m.address.as_deref().unwrap_or(""))
            .map_err(err)?;
        if sensitive {
            // As text, so Excel keeps the leading 0.
            ws.write_string(r, next(), m.phone.as_deref().unwrap_or(""))
                .map_err(err)?;
            ws.write_string(r, next(), m.cccd.as_deref().unwrap_or(""))
                .map_err(err)?;
        }
        for d in [&m.joined_on, &m.health_cert_date] {
            let col = next();
            if let Some(d) = d.as_deref().and_then(date::from_iso) {
                ws.write_datetime_with_format(r, col, excel_day(d)?, &day)
                    .map_err(err)?;
            }
        }
        ws.write_string(r, next(), m.notes.as_deref().unwrap_or(""))
            .map_err(err)?;
    }
    wb.save_to_buffer().map_err(err)
}

fn excel_day(d: chrono::NaiveDate) -> Result<ExcelDateTime> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(err)
}
