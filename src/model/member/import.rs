//! A member list read from a spreadsheet, as the preview shows it before anything is saved.

use super::MemberInput;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a column of the list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum SheetField {
    FullName,
    BirthDate,
    /// The year of birth in a column for men ("Năm sinh" split into "Nam" and "Nữ").
    BirthYearMale,
    /// The year of birth in a column for women.
    BirthYearFemale,
    Gender,
    Cccd,
    Phone,
    Address,
    Role,
    JoinedOn,
    HealthCertDate,
    Notes,
    /// The row number (STT): recognised, not imported.
    RowNumber,
}

impl SheetField {
    /// Every field, in the order the mapping offers them.
    pub const ALL: [SheetField; 13] = [
        SheetField::FullName,
        SheetField::BirthDate,
        SheetField::BirthYearMale,
        SheetField::BirthYearFemale,
        SheetField::Gender,
        SheetField::Cccd,
        SheetField::Phone,
        SheetField::Address,
        SheetField::Role,
        SheetField::JoinedOn,
        SheetField::HealthCertDate,
        SheetField::Notes,
        SheetField::RowNumber,
    ];

    /// The name the user sees.
    pub fn label(self) -> &'static str {
        match self {
            SheetField::FullName => "Họ và tên",
            SheetField::BirthDate => "Ngày sinh",
            SheetField::BirthYearMale => "Năm sinh (nam)",
            SheetField::BirthYearFemale => "Năm sinh (nữ)",
            SheetField::Gender => "Giới tính",
            SheetField::Cccd => "Số CCCD",
            SheetField::Phone => "Số điện thoại",
            SheetField::Address => "Địa chỉ",
            SheetField::Role => "Chức danh",
            SheetField::JoinedOn => "Ngày vào tổ",
            SheetField::HealthCertDate => "Ngày khám sức khỏe",
            SheetField::Notes => "Ghi chú",
            SheetField::RowNumber => "Số thứ tự (không nhập)",
        }
    }
}

/// One column of the sheet and what it was taken for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SheetColumn {
    /// 0-based index in the sheet.
    pub index: u32,
    /// The column's letter in Excel ("A", "B", … "AA").
    pub letter: String,
    /// Its heading as written in the file.
    pub header: String,
    pub field: Option<SheetField>,
}

/// What happens to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum RowAction {
    /// Imported as a new member.
    Add,
    /// Left out, with the reason (already a member, a repeat, a total, the signature block).
    Skip,
    /// Cannot be imported until the file is corrected.
    Error,
}

/// One row of the list in the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SheetRow {
    /// The row number Excel shows.
    pub row: u32,
    pub action: RowAction,
    /// The member as it will be saved (dates dd/mm/yyyy, a year alone as the year).
    pub member: MemberInput,
    /// Things to check that do not stop the import (eligibility, a corrected number…).
    pub warnings: Vec<String>,
    /// Why the row is skipped or cannot be imported.
    pub problems: Vec<String>,
}

/// The preview of importing a member list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SheetPreview {
    pub file_name: String,
    /// The sheets of the workbook (one for a CSV file).
    pub sheets: Vec<String>,
    pub sheet: String,
    /// The row number (as Excel shows it) of the headings.
    pub header_row: u32,
    pub columns: Vec<SheetColumn>,
    pub rows: Vec<SheetRow>,
    /// Rows to add, rows skipped, rows with errors.
    pub to_add: u32,
    pub skipped: u32,
    pub errors: u32,
    /// Text converted from a legacy encoding ("TCVN3", "VNI"), said in the preview.
    pub converted_from: Option<String>,
    /// The day used as "Ngày vào tổ" where the list gives none (dd/mm/yyyy).
    pub default_joined_on: String,
}

/// The user's choice of sheet and column meanings for an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SheetChoice {
    /// The sheet to read; the first with a member list when absent.
    pub sheet: Option<String>,
    /// What each column holds, by column index; found from the headings when absent.
    pub columns: Option<Vec<Option<SheetField>>>,
}
