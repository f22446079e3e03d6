//! The history of a ledger record: every version with who, when and what changed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One field's value before and after an edit, as shown to a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct FieldChange {
    /// Vietnamese label of the field.
    pub field: String,
    pub before: String,
    pub after: String,
}

/// One version of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RecordVersion {
    pub version: i32,
    /// UTC, RFC 3339.
    pub at: String,
    pub editor: String,
    /// E.g. "Ghi mới", "Sửa 2 mục", "Gạch bỏ: ghi trùng".
    pub summary: String,
    pub changes: Vec<FieldChange>,
}

/// Compares labelled display values and lists the differences.
pub fn diff(before: &[(&str, String)], after: &[(&str, String)]) -> Vec<FieldChange> {
    before
        .iter()
        .zip(after)
        .filter(|((_, b), (_, a))| a != b)
        .map(|((label, b), (_, a))| FieldChange {
            field: label.to_string(),
            before: b.clone(),
            after: a.clone(),
        })
        .collect()
}
