//! What users do, one function per task: each composes the store (rows and transactions),
//! the month's figures, the documents and the packages, and returns plain data or a file.
//! The CLI and the desktop shell call only this layer (see `docs/architecture.md`).

pub mod backup;
pub mod group;
pub mod ledger;
pub mod lock;
pub mod member_import;
pub mod members;
pub mod month;
pub mod patrols;
pub mod practices;
pub mod recipient;
pub mod retention;
pub mod sync;
pub mod todo;
pub mod ward;

use crate::date;
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::model::figures::Period;
use chrono::{DateTime, NaiveDate, Utc};
use std::path::Path;

/// How far a long task has got, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Progress {
    /// Steps done (files, …).
    pub done: u32,
    pub total: u32,
}

/// A file a task makes: the name to offer when saving it, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// A readable name, valid on NTFS (no `\ / : * ? " < > |`).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// `YYYY-MM` of a month typed as `YYYY-MM` or `MM/YYYY`, or a field message.
pub(crate) fn month(typed: &str) -> Result<String> {
    date::parse_month(typed).ok_or_else(|| date::bad_month(typed))
}

/// The month's days, half-open.
pub(crate) fn period(month: &str) -> Result<Period> {
    Period::month(month).ok_or_else(|| date::bad_month(month))
}

/// "MM-YYYY" for file names (NTFS forbids '/').
pub(crate) fn file_month(month: &str) -> String {
    let (y, m) = month.split_once('-').unwrap_or(("", month));
    format!("{m}-{y}")
}

/// A file name from a title: folded to ASCII, letters, digits, spaces and dashes only, so it
/// is valid on NTFS and readable on any PC.
pub(crate) fn file_safe(title: &str) -> String {
    let f: String = crate::text::fold(title)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == ' ' || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
    f.chars().take(60).collect()
}

/// The date a document is dated, as typed (dd/mm/yyyy), or today when nothing is typed.
pub fn document_date(typed: Option<&str>, now: DateTime<Utc>) -> Result<NaiveDate> {
    match typed.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(date::vn_today(now)),
        Some(t) => date::parse(t).ok_or_else(|| {
            Error::invalid(vec![FieldError::new(
                "issued_on",
                "Ngày báo cáo chưa đúng (dạng dd/mm/yyyy, ví dụ 05/12/2026).",
            )])
        }),
    }
}

/// Reads a file the user chose (a package, a receipt).
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!(
                "Không đọc được tệp {}. Hãy kiểm tra đường dẫn, USB hoặc thư mục.",
                path.display()
            ),
        )
        .with_detail(e.to_string())
    })
}
