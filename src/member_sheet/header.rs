//! Finding the headings of a member list under its title rows, and what each column holds.

use super::cells::{Cell, Grid};
use crate::model::member::import::SheetField;
use crate::text::fold;

/// Where the list is: the headings' row, the first data row, and each column's meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Index into `Grid::rows` of the headings.
    pub header: usize,
    /// Index of the first row of data.
    pub data: usize,
    /// (absolute column index, heading as written, meaning).
    pub columns: Vec<(u32, String, Option<SheetField>)>,
}

/// A heading folded to plain words: "Số CCCD/CMND" → "so cccd cmnd".
fn words(s: &str) -> String {
    fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a heading means, by its Vietnamese name and the usual variants.
pub fn field_of(heading: &str) -> Option<SheetField> {
    let w = words(heading);
    let has = |p: &str| format!(" {w} ").contains(&format!(" {p} "));
    let any = |ps: &[&str]| ps.iter().any(|p| has(p));
    if w.is_empty() {
        return None;
    }
    if any(&["stt", "tt", "so tt", "so thu tu"]) && w.split(' ').count() <= 3 {
        return Some(SheetField::RowNumber);
    }
    if any(&["ho va ten", "ho ten", "ho va ten dem", "ten to vien"]) || w == "ten" {
        return Some(SheetField::FullName);
    }
    if any(&[
        "ngay vao to",
        "ngay tham gia",
        "ngay ket nap",
        "ngay vao",
        "tham gia tu",
    ]) {
        return Some(SheetField::JoinedOn);
    }
    if any(&["kham suc khoe", "giay kham", "suc khoe"]) {
        return Some(SheetField::HealthCertDate);
    }
    if any(&["ngay sinh", "nam sinh", "sinh ngay", "ngay thang nam sinh"]) {
        return Some(SheetField::BirthDate);
    }
    if any(&["gioi tinh", "gioi"]) {
        return Some(SheetField::Gender);
    }
    if any(&["cccd", "cmnd", "dinh danh", "can cuoc", "chung minh", "cmt"]) {
        return Some(SheetField::Cccd);
    }
    if any(&["dien thoai", "sdt", "dt", "so dt", "di dong", "dtdd"]) {
        return Some(SheetField::Phone);
    }
    if any(&[
        "dia chi",
        "noi cu tru",
        "cho o",
        "noi o",
        "thuong tru",
        "tam tru",
        "hien o",
        "cu tru",
    ]) {
        return Some(SheetField::Address);
    }
    if any(&["chuc vu", "chuc danh", "vai tro", "nhiem vu"]) {
        return Some(SheetField::Role);
    }
    if any(&["ghi chu"]) {
        return Some(SheetField::Notes);
    }
    None
}

/// The row among the first 30 whose cells name the most fields, one of them the name;
/// `None` when no row looks like the headings of a member list.
pub fn find(grid: &Grid) -> Option<Layout> {
    let width = grid.width();
    let mut best: Option<(usize, usize)> = None;
    for r in 0..grid.rows.len().min(30) {
        let fields: Vec<SheetField> = (grid.first_col..width)
            .filter_map(|c| field_of(&grid.cell(r, c).text()))
            .collect();
        let distinct = SheetField::ALL
            .iter()
            .filter(|f| fields.contains(f))
            .count();
        if fields.contains(&SheetField::FullName)
            && distinct >= 2
            && best.is_none_or(|(_, n)| distinct > n)
        {
            best = Some((r, distinct));
        }
    }
    let (header, _) = best?;
    let mut columns: Vec<(u32, String, Option<SheetField>)> = (grid.first_col..width)
        .map(|c| {
            let h = grid.cell(header, c).text().trim().to_string();
            let f = field_of(&h);
            (c, h, f)
        })
        .collect();
    // A heading over two rows: "Năm sinh" merged above "Nam" and "Nữ", or a group heading
    // whose own columns are named in the row below.
    let mut data = header + 1;
    let mut below_used = false;
    let original = columns.clone();
    for i in 0..columns.len() {
        let below = grid.cell(header + 1, columns[i].0).text();
        let b = words(&below);
        let under_birth = original[..=i]
            .iter()
            .rev()
            .find(|(_, h, _)| !h.is_empty())
            .is_some_and(|(_, _, f)| *f == Some(SheetField::BirthDate));
        if under_birth && (b == "nam" || b == "nu") {
            columns[i].2 = Some(if b == "nam" {
                SheetField::BirthYearMale
            } else {
                SheetField::BirthYearFemale
            });
            columns[i].1 = format!("Năm sinh – {}", below.trim());
            below_used = true;
        } else if columns[i].1.is_empty() || columns[i].2.is_none() {
            if let Some(f) = field_of(&below) {
                if f != SheetField::RowNumber {
                    columns[i].2 = Some(f);
                    columns[i].1 = below.trim().to_string();
                    below_used = true;
                }
            }
        }
    }
    if below_used {
        data += 1;
    }
    // The first column for a field keeps it; a second "Địa chỉ" is left to the user.
    let mut seen = Vec::new();
    for col in &mut columns {
        if let Some(f) = col.2 {
            if seen.contains(&f) {
                col.2 = None;
            } else {
                seen.push(f);
            }
        }
    }
    Some(Layout {
        header,
        data,
        columns,
    })
}

/// The column's letters as Excel shows them: 0 → "A", 26 → "AA".
pub fn letter(mut index: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII")
}

/// Whether the row is only the numbering of the columns under the headings: "1", "(2)"…
pub fn is_numbering(row: &[Cell]) -> bool {
    let cells: Vec<String> = row
        .iter()
        .filter(|c| !c.is_empty())
        .map(Cell::text)
        .collect();
    cells.len() >= 2
        && cells.iter().all(|t| {
            let t = t.trim().trim_start_matches('(').trim_end_matches(')');
            !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_their_variants() {
        let cases = [
            ("Họ và tên", SheetField::FullName),
            ("HỌ TÊN", SheetField::FullName),
            ("Ngày, tháng, năm sinh", SheetField::BirthDate),
            ("Năm sinh", SheetField::BirthDate),
            ("Giới tính", SheetField::Gender),
            ("Số CCCD/CMND", SheetField::Cccd),
            ("Số định danh cá nhân", SheetField::Cccd),
            ("SĐT", SheetField::Phone),
            ("Điện thoại", SheetField::Phone),
            ("Nơi cư trú", SheetField::Address),
            ("Chỗ ở hiện nay", SheetField::Address),
            ("Chức danh", SheetField::Role),
            ("Chức vụ", SheetField::Role),
            ("Ghi chú", SheetField::Notes),
            ("STT", SheetField::RowNumber),
            ("TT", SheetField::RowNumber),
        ];
        for (h, f) in cases {
            assert_eq!(field_of(h), Some(f), "{h}");
        }
        assert_eq!(field_of("Nơi sinh"), None);
        assert_eq!(field_of(""), None);
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
    }
}
