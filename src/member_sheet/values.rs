//! A member's values read from cells the way people type them in Excel: dates as date
//! cells, serial numbers or text; phone and ID numbers that lost their leading 0; names in
//! capitals; roles and genders in any case.

use super::cells::Cell;
use crate::date;
use crate::model::member::{Birth, Gender, Role};
use crate::text::{clean, fold};
use chrono::{Duration, NaiveDate};

/// A date read from a cell, a year alone, or why it cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue {
    Day(NaiveDate),
    Year(i32),
    Wrong(String),
}

/// Excel's day 0 (serials count from 30/12/1899 in the 1900 date system).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid")
}

/// Reads a date cell: a date, an Excel serial, a year alone, or text in dd/mm/yyyy,
/// d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd. `None` for an empty cell.
pub fn date_value(cell: &Cell) -> Option<DateValue> {
    match cell {
        Cell::Empty => None,
        Cell::Date(d) => Some(DateValue::Day(*d)),
        Cell::Number(n) if n.fract() == 0.0 && (1900.0..=2100.0).contains(n) => {
            Some(DateValue::Year(*n as i32))
        }
        Cell::Number(n) if *n >= 1.0 && *n < 80_000.0 => Some(DateValue::Day(
            excel_epoch() + Duration::days(n.trunc() as i64),
        )),
        Cell::Number(n) => Some(DateValue::Wrong(format!("“{n}” không phải là ngày."))),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return None;
            }
            if let Some(y) = crate::model::member::birth_year_alone(t) {
                return Some(DateValue::Year(y));
            }
            if let Some(d) = date::parse(t) {
                return Some(DateValue::Day(d));
            }
            Some(DateValue::Wrong(date_problem(t)))
        }
    }
}

/// Says what is wrong with a typed date: "“31/02/2026”: tháng 2 năm 2026 không có ngày 31".
fn date_problem(t: &str) -> String {
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    if parts.len() == 3 && parts[2].trim().len() == 2 {
        return format!("“{t}”: hãy ghi năm đủ 4 chữ số, ví dụ 05/03/1975.");
    }
    match date::impossible(t) {
        Some(why) => format!("“{t}”: {why}."),
        None => format!(
            "“{t}” không đọc được là ngày. Hãy ghi theo dạng ngày/tháng/năm, ví dụ 05/03/1975."
        ),
    }
}

impl DateValue {
    /// As the member form takes it: dd/mm/yyyy, or the year.
    pub fn typed(&self) -> Option<String> {
        match self {
            DateValue::Day(d) => Some(date::format(*d)),
            DateValue::Year(y) => Some(Birth::Year(*y).shown()),
            DateValue::Wrong(_) => None,
        }
    }
}

/// A name as it should be written: NFC, single spaces, and "NGUYỄN VĂN AN" as "Nguyễn Văn An".
pub fn name(cell: &Cell) -> String {
    let n = clean(&cell.text());
    if n.chars().any(char::is_lowercase) {
        return n;
    }
    n.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// A phone number as typed, with the leading 0 a number cell lost put back (the member
/// form then reads +84, spaces and dots).
pub fn phone(cell: &Cell) -> String {
    let t = clean(&cell.text());
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    // A number cell (or a CSV Excel saved from one) drops the 0: 912345678, 2033123456.
    let lost_zero = digits.bytes().all(|b| b.is_ascii_digit())
        && ((digits.len() == 9
            && matches!(digits.as_bytes()[0], b'3' | b'5' | b'7' | b'8' | b'9'))
            || (digits.len() == 10 && digits.starts_with('2')));
    if lost_zero {
        return format!("0{digits}");
    }
    t
}

/// A CCCD number: 12 digits; one that lost its leading 0 in a number cell gets it back
/// (said in a warning); an old 9-digit CMND is not kept.
pub fn cccd(cell: &Cell) -> (String, Option<String>) {
    let digits: String = cell
        .text()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return (digits, None);
    }
    match digits.len() {
        11 => (
            format!("0{digits}"),
            Some(format!(
                "Số CCCD có 11 chữ số (Excel bỏ mất số 0 đầu): đã ghi là 0{digits}."
            )),
        ),
        9 => (
            String::new(),
            Some(format!(
                "Số {digits} là CMND cũ (9 số) nên không được ghi; hãy bổ sung số CCCD 12 số."
            )),
        ),
        _ => (digits, None),
    }
}

/// The role in the group, from "Tổ trưởng", "TỔ PHÓ", "tổ viên"… (a member when empty or
/// unknown, said in a warning).
pub fn role(cell: &Cell) -> (Role, Option<String>) {
    let f = fold(&cell.text());
    if f.is_empty() || f.contains("to vien") || f.contains("thanh vien") {
        (Role::ToVien, None)
    } else if f.contains("to truong") {
        (Role::ToTruong, None)
    } else if f.contains("to pho") {
        (Role::ToPho, None)
    } else {
        (
            Role::ToVien,
            Some(format!(
                "Chức danh “{}” không rõ: ghi là Tổ viên.",
                clean(&cell.text())
            )),
        )
    }
}

/// The gender from "Nam", "NỮ", "nu", "x" under a split column…
pub fn gender(cell: &Cell) -> Option<Gender> {
    match fold(&cell.text()).as_str() {
        "nam" | "m" | "male" => Some(Gender::Nam),
        "nu" | "f" | "female" => Some(Gender::Nu),
        "khac" => Some(Gender::Khac),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn dates_as_people_type_them() {
        let d = |y, m, dd| Some(DateValue::Day(NaiveDate::from_ymd_opt(y, m, dd).unwrap()));
        assert_eq!(date_value(&t("05/03/1975")), d(1975, 3, 5));
        assert_eq!(date_value(&t("5/3/1975")), d(1975, 3, 5));
        assert_eq!(date_value(&t("05-03-1975")), d(1975, 3, 5));
        assert_eq!(date_value(&t("05.03.1975")), d(1975, 3, 5));
        assert_eq!(date_value(&t("1975-03-05")), d(1975, 3, 5));
        assert_eq!(date_value(&Cell::Number(27458.0)), d(1975, 3, 5));
        assert_eq!(
            date_value(&Cell::Number(1980.0)),
            Some(DateValue::Year(1980))
        );
        assert_eq!(date_value(&t("1980")), Some(DateValue::Year(1980)));
        assert_eq!(
            date_value(&t("31/02/2026")),
            Some(DateValue::Wrong(
                "“31/02/2026”: tháng 2 năm 2026 không có ngày 31.".into()
            ))
        );
        assert!(
            matches!(date_value(&t("12/13/1980")), Some(DateValue::Wrong(m)) if m.contains("tháng 13"))
        );
        assert_eq!(date_value(&Cell::Empty), None);
    }

    #[test]
    fn numbers_that_lost_their_zero() {
        assert_eq!(phone(&Cell::Number(912345678.0)), "0912345678");
        assert_eq!(phone(&t("912345678")), "0912345678");
        assert_eq!(phone(&Cell::Number(2033123456.0)), "02033123456");
        assert_eq!(phone(&t("123456789")), "123456789");
        assert_eq!(phone(&t("+84 912 345 678")), "+84 912 345 678");
        let (c, w) = cccd(&Cell::Number(22088012345.0));
        assert_eq!(c, "022088012345");
        assert!(w.unwrap().contains("số 0 đầu"));
        assert_eq!(cccd(&t("0220 8801 2345")).0, "022088012345");
        assert_eq!(cccd(&t("123456789")).0, "");
    }

    #[test]
    fn names_roles_genders() {
        assert_eq!(name(&t("  NGUYỄN   VĂN AN ")), "Nguyễn Văn An");
        assert_eq!(name(&t("Lê thị Hảo")), "Lê thị Hảo");
        assert_eq!(role(&t("TỔ TRƯỞNG")).0, Role::ToTruong);
        assert_eq!(role(&t("tổ phó")).0, Role::ToPho);
        assert_eq!(role(&t("")).0, Role::ToVien);
        assert!(role(&t("Bí thư")).1.is_some());
        assert_eq!(gender(&t("NỮ")), Some(Gender::Nu));
        assert_eq!(gender(&t("Nam")), Some(Gender::Nam));
    }
}
