//! Errors for people: a stable `code` for code, a Vietnamese `message` for the user,
//! and optional technical `detail` for the log.

use serde::Serialize;
use std::fmt;
use ts_rs::TS;

/// Stable error codes; the UI may branch on them, so never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum ErrorCode {
    /// The user's input failed validation; `fields` says where.
    Invalid,
    /// The record asked for does not exist.
    NotFound,
    /// The group has not been set up yet.
    NoGroup,
    /// The group already exists in this data file.
    GroupExists,
    /// The database was written by a newer version of the app.
    DatabaseTooNew,
    /// The database file is damaged or not a database of this app.
    DatabaseCorrupt,
    /// The data directory or file cannot be read or written.
    Io,
    /// The disk is full.
    DiskFull,
    /// Another program holds the database.
    Busy,
    /// The action does not apply to the record in its current state.
    Conflict,
    /// The record belongs to a closed month: it can only be amended.
    MonthClosed,
    /// An imported file was refused (damaged, forged, another group's, too new…); nothing
    /// was written.
    PackageRejected,
    /// A group's file is signed with a key other than the one pinned; needs confirmation.
    KeyChanged,
    /// The action would replace data of another group (or ward): ask the user, then retry
    /// with the confirmation.
    NeedsConfirmation,
    /// The app lock holds the data: unlock first.
    Locked,
    /// Anything else: a defect, reported with detail.
    Internal,
}

/// Why a package or a receipt was refused: a stable name for code (the UI, tests,
/// `ttq import --json`), next to the Vietnamese message for people. Never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Reason {
    /// Not a zip of this app (or not a receipt), or damaged beyond reading.
    NotAPackage,
    /// The file, or an entry unpacked, is larger than the format allows.
    TooLarge,
    /// An entry could not be read or unpacked.
    Damaged,
    /// An entry name the format does not have (folders, `../`, duplicates).
    BadEntryName,
    /// A required entry is missing.
    MissingEntry,
    /// The manifest is not valid JSON or lacks a required field.
    BadManifest,
    /// Made by a newer version of the format.
    TooNew,
    /// The signature does not verify with the key in the file.
    BadSignature,
    /// An entry differs from the checksum the signed manifest gives.
    ChecksumMismatch,
    /// The number of rows differs from the manifest's counts.
    CountMismatch,
    /// Rows of another group: in the file, or already at the ward under that id.
    ForeignRows,
    /// A table this version does not know.
    UnknownTable,
    /// A column this version does not know.
    UnknownColumn,
    /// A value of a type the schema cannot hold, or a row without its id.
    BadValue,
    /// The group belongs to another commune than the ward's.
    WrongCommune,
    /// Signed with a key other than the one pinned for the group.
    KeyChanged,
    /// A receipt for another group.
    WrongGroup,
    /// A receipt signed by another key than the ward's pinned one, or a ward key file
    /// other than the one pinned.
    WardKeyChanged,
    /// A package encrypted to another ward's key.
    OtherWard,
}

/// One field that failed validation, with a Vietnamese message shown next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct FieldError {
    /// The input field's name, as in the input type (e.g. `phone`).
    pub field: String,
    /// What is wrong and how to fix it, in Vietnamese.
    pub message: String,
}

impl FieldError {
    /// A field error for `field`.
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// The error every core function returns; serialised as-is to the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Error {
    /// Stable machine-readable code.
    pub code: ErrorCode,
    /// What happened and what to do, in Vietnamese.
    pub message: String,
    /// Technical detail for the log; not shown as the main message.
    pub detail: Option<String>,
    /// Per-field problems when `code` is `invalid`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<FieldError>>")]
    pub fields: Vec<FieldError>,
    /// Why a package or receipt was refused, when `code` is `package_rejected` or
    /// `key_changed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<Reason>,
}

/// Result with the core error.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error with a code and a Vietnamese message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            detail: None,
            fields: Vec::new(),
            reason: None,
        }
    }

    /// A refused package or receipt: nothing was written.
    pub fn rejected(reason: Reason, message: impl Into<String>) -> Self {
        let code = if reason == Reason::KeyChanged {
            ErrorCode::KeyChanged
        } else {
            ErrorCode::PackageRejected
        };
        Error {
            reason: Some(reason),
            ..Error::new(code, message)
        }
    }

    /// Adds technical detail.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// A validation error listing every field at fault.
    pub fn invalid(fields: Vec<FieldError>) -> Self {
        let message = match fields.as_slice() {
            [one] => one.message.clone(),
            _ => format!(
                "Có {} ô thông tin chưa đúng. Hãy sửa các ô được đánh dấu rồi lưu lại.",
                fields.len()
            ),
        };
        Error {
            code: ErrorCode::Invalid,
            message,
            detail: None,
            fields,
            reason: None,
        }
    }

    /// A record that is not there.
    pub fn not_found(what: &str) -> Self {
        Error::new(
            ErrorCode::NotFound,
            format!("Không tìm thấy {what}. Có thể bản ghi đã bị xóa; hãy tải lại danh sách."),
        )
    }

    /// A defect: something the user cannot fix.
    pub fn internal(detail: impl Into<String>) -> Self {
        Error::new(
            ErrorCode::Internal,
            "Đã xảy ra lỗi ngoài dự kiến. Dữ liệu chưa bị thay đổi; hãy thử lại, nếu vẫn lỗi hãy báo cho người hỗ trợ kèm chi tiết lỗi.",
        )
        .with_detail(detail)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        for fe in &self.fields {
            write!(f, "\n  - {}: {}", fe.field, fe.message)?;
        }
        if let Some(d) = &self.detail {
            write!(f, "\n  (chi tiết: {d})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as C;
        let detail = e.to_string();
        match e.sqlite_error_code() {
            Some(C::DiskFull) => Error::new(
                ErrorCode::DiskFull,
                "Ổ đĩa đã đầy nên chưa lưu được. Dữ liệu cũ vẫn nguyên vẹn; hãy giải phóng dung lượng rồi thử lại.",
            )
            .with_detail(detail),
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => Error::new(
                ErrorCode::Busy,
                "Tệp dữ liệu đang được một chương trình khác sử dụng. Hãy đóng cửa sổ ứng dụng khác rồi thử lại.",
            )
            .with_detail(detail),
            Some(C::NotADatabase) | Some(C::DatabaseCorrupt) => Error::new(
                ErrorCode::DatabaseCorrupt,
                "Tệp dữ liệu bị hỏng hoặc không phải tệp của ứng dụng này. Hãy khôi phục từ bản sao lưu.",
            )
            .with_detail(detail),
            // A write the disk refused (no room for the journal or the shared-memory file).
            Some(C::SystemIoFailure) => Error::new(
                ErrorCode::Io,
                "Không ghi được vào tệp dữ liệu. Hãy kiểm tra dung lượng ổ đĩa (có thể đã đầy) và quyền ghi; dữ liệu cũ vẫn nguyên vẹn.",
            )
            .with_detail(detail),
            Some(C::CannotOpen) | Some(C::ReadOnly) | Some(C::PermissionDenied) => Error::new(
                ErrorCode::Io,
                "Không mở hoặc ghi được tệp dữ liệu. Hãy kiểm tra quyền truy cập thư mục dữ liệu.",
            )
            .with_detail(detail),
            _ => Error::internal(detail),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::StorageFull {
            return Error::new(
                ErrorCode::DiskFull,
                "Ổ đĩa đã đầy nên chưa ghi được tệp. Dữ liệu cũ vẫn nguyên vẹn; hãy giải phóng dung lượng rồi thử lại.",
            )
            .with_detail(e.to_string());
        }
        Error::new(
            ErrorCode::Io,
            "Không đọc hoặc ghi được tệp trên máy. Hãy kiểm tra thư mục, quyền truy cập và dung lượng ổ đĩa.",
        )
        .with_detail(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI depends on this exact shape; changing it is a breaking change.
    #[test]
    fn json_shape_is_pinned() {
        let e = Error::new(ErrorCode::NotFound, "Không tìm thấy tổ viên.").with_detail("id=1");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"not_found","message":"Không tìm thấy tổ viên.","detail":"id=1"}"#
        );
        let e = Error::invalid(vec![FieldError::new("phone", "Số điện thoại sai.")]);
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"invalid","message":"Số điện thoại sai.","detail":null,"fields":[{"field":"phone","message":"Số điện thoại sai."}]}"#
        );
        let e = Error::rejected(Reason::BadSignature, "Chữ ký sai.");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"package_rejected","message":"Chữ ký sai.","detail":null,"reason":"bad_signature"}"#
        );
        let e = Error::new(ErrorCode::DatabaseTooNew, "x");
        assert!(serde_json::to_string(&e)
            .unwrap()
            .contains(r#""code":"database_too_new""#));
    }

    #[test]
    fn several_invalid_fields_get_a_summary() {
        let e = Error::invalid(vec![FieldError::new("a", "x"), FieldError::new("b", "y")]);
        assert!(e.message.starts_with("Có 2 ô"));
    }
}
