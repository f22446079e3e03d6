//! A member list from a spreadsheet (the Excel sheet the ward gave the group): its headings
//! found under the title rows, each row read into a member, repeats and problems flagged,
//! for a preview before anything is saved. Plain functions over the cells read.

pub mod cells;
pub mod export;
mod header;
mod values;

use crate::error::{Error, ErrorCode, Result};
use crate::legacy_text::Legacy;
use crate::model::commune::CommuneKind;
use crate::model::field_label;
use crate::model::member::import::{
    RowAction, SheetChoice, SheetColumn, SheetField, SheetPreview, SheetRow,
};
use crate::model::member::{self, eligibility_warnings, Birth, MemberInput, Role};
use crate::text::{clean, fold};
use cells::{Book, Cell, Grid};
use chrono::NaiveDate;
use std::collections::HashMap;
use values::DateValue;

pub use cells::read;

/// A member already in the group, to find the list's repeats and a second leader.
#[derive(Debug, Clone)]
pub struct Existing {
    pub full_name: String,
    pub birth: Option<Birth>,
    pub role: Role,
    pub active: bool,
}

/// What the preview needs besides the file.
pub struct Context<'a> {
    pub existing: &'a [Existing],
    pub today: NaiveDate,
    pub commune: CommuneKind,
}

/// The preview of importing `book` with the user's `choice`.
pub fn preview(
    book: &Book,
    file_name: &str,
    choice: &SheetChoice,
    cx: &Context,
) -> Result<SheetPreview> {
    let found = book
        .sheets
        .iter()
        .filter(|(name, _)| choice.sheet.as_ref().is_none_or(|s| s == name))
        .find_map(|(name, g)| header::find(g).map(|l| (name, g, l)));
    let Some((sheet, grid, mut layout)) = found else {
        let which = match &choice.sheet {
            Some(s) => format!("trang “{s}”"),
            None => "tệp".to_string(),
        };
        return Err(Error::new(
            ErrorCode::Invalid,
            format!(
                "Không tìm thấy dòng tiêu đề có cột “Họ và tên” trong {which}. Hãy kiểm tra đây là danh sách tổ viên; dòng tiêu đề cần ghi các cột như “Họ và tên”, “Ngày sinh”, “Địa chỉ”."
            ),
        ));
    };
    if let Some(chosen) = &choice.columns {
        for (i, col) in layout.columns.iter_mut().enumerate() {
            col.2 = chosen.get(i).copied().flatten();
        }
    }
    let rows = read_rows(grid, &layout, cx);
    let count = |a: RowAction| rows.iter().filter(|r| r.action == a).count() as u32;
    Ok(SheetPreview {
        file_name: file_name.to_string(),
        sheets: book.sheets.iter().map(|(n, _)| n.clone()).collect(),
        sheet: sheet.clone(),
        header_row: grid.first_row + layout.header as u32,
        columns: layout
            .columns
            .iter()
            .map(|(c, h, f)| SheetColumn {
                index: *c,
                letter: header::letter(*c),
                header: h.clone(),
                field: *f,
            })
            .collect(),
        to_add: count(RowAction::Add),
        skipped: count(RowAction::Skip),
        errors: count(RowAction::Error),
        rows,
        converted_from: book.converted_from.map(|l| match l {
            Legacy::Tcvn3 => "TCVN3 (.VnTime)".to_string(),
            Legacy::Vni => "VNI (VNI-Times)".to_string(),
        }),
        default_joined_on: crate::date::format(cx.today),
    })
}

/// A repeat is the same folded name with the same birth (the year alone matches any day of
/// that year).
fn same_person(a: (&str, Option<Birth>), b: (&str, Option<Birth>)) -> bool {
    if fold(a.0) != fold(b.0) {
        return false;
    }
    match (a.1, b.1) {
        (Some(Birth::Day(x)), Some(Birth::Day(y))) => x == y,
        (Some(x), Some(y)) => x.year() == y.year(),
        _ => false,
    }
}

/// Signature lines and the place-and-date line under a list.
fn is_footer(cells: &[String], name: &str) -> bool {
    let filled: Vec<String> = cells
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| fold(c))
        .collect();
    if filled.is_empty() || filled.len() > 2 {
        return false;
    }
    let sign = |f: &str| {
        [
            "nguoi lap",
            "to truong",
            "truong khu",
            "truong thon",
            "truong ban",
            "xac nhan",
            "ky ten",
            "(ky",
            "ky, ghi ro",
            "t/m",
            "tm.",
            "cong an",
            "chu tich",
        ]
        .iter()
        .any(|p| f.starts_with(p))
    };
    let dated = |f: &str| f.contains("ngay") && f.contains("thang") && f.contains("nam");
    (name.trim().is_empty() || sign(&fold(name))) && filled.iter().any(|f| sign(f) || dated(f))
}

/// A heading of a part of the list ("I. BAN CHỈ HUY"), alone on its row.
fn is_part_heading(cells: &[String]) -> bool {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    let [only] = filled.as_slice() else {
        return false;
    };
    let t = only.trim();
    let (lead, _) = t.split_once(['.', ')']).unwrap_or(("", ""));
    !lead.is_empty()
        && lead.len() <= 4
        && lead
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'A'..='E'))
        && !t.chars().any(char::is_lowercase)
}

fn read_rows(grid: &Grid, layout: &header::Layout, cx: &Context) -> Vec<SheetRow> {
    let col_of = |f: SheetField| layout.columns.iter().find(|c| c.2 == Some(f)).map(|c| c.0);
    let get = |r: usize, f: SheetField| col_of(f).map(|c| grid.cell(r, c)).unwrap_or(&Cell::Empty);
    let mut out: Vec<SheetRow> = Vec::new();
    let mut seen: Vec<(u32, String, Option<Birth>)> = Vec::new();
    let mut leaders: Vec<String> = cx
        .existing
        .iter()
        .filter(|e| e.active && e.role == Role::ToTruong)
        .map(|e| e.full_name.clone())
        .collect();
    for r in layout.data..grid.rows.len() {
        let row_no = grid.first_row + r as u32;
        let cells = &grid.rows[r];
        if cells.iter().all(Cell::is_empty) || header::is_numbering(cells) {
            continue;
        }
        let texts: Vec<String> = cells.iter().map(Cell::text).collect();
        let raw_name = get(r, SheetField::FullName).text();
        let skip = |reason: String| SheetRow {
            row: row_no,
            action: RowAction::Skip,
            member: MemberInput {
                full_name: clean(&raw_name),
                ..Default::default()
            },
            warnings: Vec::new(),
            problems: vec![reason],
        };
        if is_footer(&texts, &raw_name) {
            out.push(skip(format!(
                "Phần ký tên cuối danh sách (từ dòng {row_no}): không nhập."
            )));
            break;
        }
        let folded = fold(&raw_name);
        if folded.starts_with("tong") || folded == "cong" || folded.starts_with("cong:") {
            out.push(skip("Dòng tổng cộng: không nhập.".into()));
            continue;
        }
        if is_part_heading(&texts) {
            out.push(skip(
                "Dòng tiêu đề của một phần danh sách: không nhập.".into(),
            ));
            continue;
        }
        let mut row = member_row(r, row_no, &get, cx, &mut leaders);
        let birth = Birth::from_typed(&row.member.birth_date);
        if row.action == RowAction::Add {
            if let Some(e) = cx
                .existing
                .iter()
                .find(|e| same_person((&e.full_name, e.birth), (&row.member.full_name, birth)))
            {
                row.action = RowAction::Skip;
                row.problems.push(format!(
                    "Đã có trong danh sách tổ viên ({}{}): không nhập lại.",
                    e.full_name,
                    if e.active { "" } else { ", đã rời tổ" }
                ));
            } else if let Some((first, _, _)) = seen
                .iter()
                .find(|(_, n, b)| same_person((n, *b), (&row.member.full_name, birth)))
            {
                row.action = RowAction::Skip;
                row.problems
                    .push(format!("Trùng với dòng {first}: không nhập lần nữa."));
            }
        }
        if row.action == RowAction::Add {
            seen.push((row_no, row.member.full_name.clone(), birth));
        }
        out.push(row);
    }
    out
}

/// One row read as a member, checked like the member form.
fn member_row<'g>(
    r: usize,
    row_no: u32,
    get: &dyn Fn(usize, SheetField) -> &'g Cell,
    cx: &Context,
    leaders: &mut Vec<String>,
) -> SheetRow {
    let mut warnings = Vec::new();
    let mut problems = Vec::new();
    let mut field_problem: HashMap<&str, String> = HashMap::new();
    let mut date = |f: SheetField, key: &'static str| -> String {
        match values::date_value(get(r, f)) {
            None => String::new(),
            Some(DateValue::Wrong(m)) => {
                field_problem.insert(key, m);
                String::new()
            }
            Some(v) => v.typed().unwrap_or_default(),
        }
    };
    let mut birth_date = date(SheetField::BirthDate, "birth_date");
    let joined_on = date(SheetField::JoinedOn, "joined_on");
    let health_cert_date = date(SheetField::HealthCertDate, "health_cert_date");
    let mut gender = values::gender(get(r, SheetField::Gender));
    for (f, g) in [
        (SheetField::BirthYearMale, member::Gender::Nam),
        (SheetField::BirthYearFemale, member::Gender::Nu),
    ] {
        if let Some(v) = values::date_value(get(r, f)) {
            gender = gender.or(Some(g));
            match v {
                DateValue::Wrong(m) => {
                    field_problem.insert("birth_date", m);
                }
                v => birth_date = v.typed().unwrap_or_default(),
            }
        }
    }
    let (cccd, cccd_note) = values::cccd(get(r, SheetField::Cccd));
    warnings.extend(cccd_note);
    let (mut role, role_note) = values::role(get(r, SheetField::Role));
    warnings.extend(role_note);
    let full_name = values::name(get(r, SheetField::FullName));
    if role == Role::ToTruong {
        if let Some(l) = leaders.iter().find(|l| fold(l) != fold(&full_name)) {
            warnings.push(format!(
                "Tổ đã có Tổ trưởng {l}: người này được ghi là Tổ viên (đổi chức danh sau nếu cần)."
            ));
            role = Role::ToVien;
        } else {
            leaders.push(full_name.clone());
        }
    }
    let text = |f: SheetField| clean(&get(r, f).text());
    let input = MemberInput {
        full_name,
        gender,
        birth_date,
        phone: values::phone(get(r, SheetField::Phone)),
        address: text(SheetField::Address),
        role: Some(role),
        joined_on: if joined_on.is_empty() && !field_problem.contains_key("joined_on") {
            crate::date::format(cx.today)
        } else {
            joined_on
        },
        cccd,
        health_cert_date,
        consent_date: String::new(),
        consent_purpose: String::new(),
        notes: text(SheetField::Notes),
    };
    for (key, m) in &field_problem {
        problems.push(format!("{}: {m}", field_label(key)));
    }
    match member::validate(&input, cx.today) {
        Ok(valid) => {
            warnings.extend(eligibility_warnings(
                Some(valid.birth_date),
                valid.health_cert_date,
                cx.today,
                cx.commune,
            ));
        }
        Err(e) if e.fields.is_empty() => problems.push(e.message),
        Err(e) => {
            for f in &e.fields {
                if !field_problem.contains_key(f.field.as_str()) {
                    problems.push(format!("{}: {}", field_label(&f.field), f.message));
                }
            }
        }
    }
    problems.sort();
    SheetRow {
        row: row_no,
        action: if problems.is_empty() {
            RowAction::Add
        } else {
            RowAction::Error
        },
        member: input,
        warnings,
        problems,
    }
}
