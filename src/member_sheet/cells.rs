//! Reading a spreadsheet into a grid of plain cells: .xlsx, .xls and .ods through calamine,
//! .csv in UTF-8 (with or without BOM), Windows-1258 or a legacy font's bytes.

use crate::error::{Error, ErrorCode, Result};
use crate::legacy_text::{self, Legacy};
use calamine::{Data, DataType, Reader};
use chrono::NaiveDate;
use std::path::Path;

/// A cell's value, as the importer needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The cell as text ("" for an empty one); whole numbers without a decimal part.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => crate::date::format(*d),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet's cells, with where they start so row numbers match what Excel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub rows: Vec<Vec<Cell>>,
    /// The Excel row number of `rows[0]` (1-based).
    pub first_row: u32,
    /// The column index of each row's first cell (0-based).
    pub first_col: u32,
}

impl Grid {
    /// The cell at (row index, absolute column index).
    pub fn cell(&self, row: usize, col: u32) -> &Cell {
        col.checked_sub(self.first_col)
            .and_then(|c| self.rows.get(row)?.get(c as usize))
            .unwrap_or(&Cell::Empty)
    }

    /// The highest absolute column index + 1.
    pub fn width(&self) -> u32 {
        self.first_col + self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32
    }
}

/// A workbook's sheets, read whole.
pub struct Book {
    pub sheets: Vec<(String, Grid)>,
    /// The legacy encoding its text was converted from.
    pub converted_from: Option<Legacy>,
}

fn unreadable(detail: impl ToString) -> Error {
    Error::new(
        ErrorCode::Invalid,
        "Không đọc được tệp này. Hãy mở nó bằng Excel, chọn Lưu thành (Save As) dạng .xlsx rồi thử lại.",
    )
    .with_detail(detail.to_string())
}

/// Reads every sheet of the file at `path` (kind from its extension).
pub fn read(path: &Path) -> Result<Book> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut book =
        match ext.as_str() {
            "csv" | "txt" => read_csv(&std::fs::read(path)?)?,
            "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path)?,
            _ => return Err(Error::new(
                ErrorCode::Invalid,
                "Chỉ nhập được danh sách dạng Excel (.xlsx, .xls), LibreOffice (.ods) hoặc .csv.",
            )),
        };
    if book.converted_from.is_none() {
        convert_legacy(&mut book);
    }
    Ok(book)
}

fn read_workbook(path: &Path) -> Result<Book> {
    let mut wb = calamine::open_workbook_auto(path).map_err(unreadable)?;
    let names = wb.sheet_names().to_vec();
    let mut sheets = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(unreadable)?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .map(|row| row.iter().map(cell).collect())
            .collect();
        sheets.push((
            name,
            Grid {
                rows,
                first_row: r0 + 1,
                first_col: c0,
            },
        ));
    }
    Ok(Book {
        sheets,
        converted_from: None,
    })
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(crate::text::nfc(s)),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "Có" } else { "Không" }.into()),
        Data::DateTime(_) | Data::DateTimeIso(_) => match d.as_date() {
            Some(day) => Cell::Date(day),
            None => Cell::Text(d.to_string()),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// Text from a CSV file's bytes: UTF-8 when it is valid UTF-8, else a legacy font's bytes
/// when they read as TCVN3 or VNI, else Windows-1258 (Vietnamese Windows).
fn decode(bytes: &[u8]) -> (String, Option<Legacy>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (crate::text::nfc(s), None);
    }
    let (latin, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    if let Some(kind) = legacy_text::detect(latin.split_whitespace()) {
        return (legacy_text::to_unicode(&latin, kind), Some(kind));
    }
    let (s, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
    (crate::text::nfc(&s), None)
}

fn read_csv(bytes: &[u8]) -> Result<Book> {
    let (text, converted_from) = decode(bytes);
    let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| head.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(unreadable)?;
        // The reader skips blank lines: keep them, so row numbers are the file's lines.
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| line_of(&text, p.byte() as usize));
        while rows.len() + 1 < line {
            rows.push(Vec::new());
        }
        rows.push(
            record
                .iter()
                .map(|v| {
                    if v.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(v.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Book {
        sheets: vec![(
            "CSV".to_string(),
            Grid {
                rows,
                first_row: 1,
                first_col: 0,
            },
        )],
        converted_from,
    })
}

/// The line a record starting at byte `at` is on: its position may point at the blank lines
/// the reader skipped before it.
fn line_of(text: &str, at: usize) -> usize {
    let before = text.as_bytes().get(..at).unwrap_or_default();
    let mut line = 1 + before.iter().filter(|b| **b == b'\n').count();
    for b in text.as_bytes().get(at..).unwrap_or_default() {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
    }
    line
}

/// Converts a workbook typed with a legacy font (.VnTime, VNI-Times) to Unicode.
fn convert_legacy(book: &mut Book) {
    let texts: Vec<String> = book
        .sheets
        .iter()
        .flat_map(|(_, g)| g.rows.iter().flatten())
        .filter_map(|c| match c {
            Cell::Text(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let Some(kind) = legacy_text::detect(texts.iter().flat_map(|s| s.split_whitespace())) else {
        return;
    };
    for (_, g) in &mut book.sheets {
        for c in g.rows.iter_mut().flatten() {
            if let Cell::Text(s) = c {
                *s = legacy_text::to_unicode(s, kind);
            }
        }
    }
    book.converted_from = Some(kind);
}
