//! What users do, one function per task: each composes the store (rows and transactions),
//! the month's figures, the documents and the packages, and returns plain data or a file.
//! The CLI and the desktop shell call only this layer (see `docs/architecture.md`).

pub mod ledger;
pub mod month;
pub mod patrols;
pub mod sync;
pub mod ward;

use crate::date;
use crate::error::Result;
use crate::model::figures::Period;

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
