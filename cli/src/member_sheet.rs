//! `ttq member import FILE` (the preview of a member list from Excel, and the import) and
//! `ttq member export --out FILE.xlsx`.

use crate::print_json;
use std::path::Path;
use ttq::app;
use ttq::error::{Error, ErrorCode, Result};
use ttq::model::member::import::{RowAction, SheetChoice, SheetField, SheetPreview};
use ttq::store::Store;

/// `LETTER=field` → (column index, field); `field` is a field name with dashes, or `none`.
fn column_choice(s: &str) -> Result<(u32, Option<SheetField>)> {
    let wrong = || {
        Error::new(
            ErrorCode::Invalid,
            format!(
                "“{s}” chưa đúng. Ghi --column CỘT=TRƯỜNG, ví dụ --column C=birth-date; TRƯỜNG là một trong: {}, none.",
                SheetField::ALL.iter().map(|f| name(*f)).collect::<Vec<_>>().join(", ")
            ),
        )
    };
    let (letters, field) = s.split_once('=').ok_or_else(wrong)?;
    let letters = letters.trim().to_ascii_uppercase();
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(wrong());
    }
    let index = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1))
        - 1;
    let field = field.trim().replace('_', "-");
    if field == "none" {
        return Ok((index, None));
    }
    let f = SheetField::ALL
        .into_iter()
        .find(|f| name(*f) == field)
        .ok_or_else(wrong)?;
    Ok((index, Some(f)))
}

fn name(f: SheetField) -> String {
    serde_json::to_value(f)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default()
}

/// Runs the import, or only its preview with `dry_run`.
pub fn import(
    store: &mut Store,
    file: &Path,
    sheet: Option<String>,
    columns: &[String],
    dry_run: bool,
    json: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let mut choice = SheetChoice {
        sheet,
        columns: None,
    };
    if !columns.is_empty() {
        let found = app::member_import::preview(store, file, &choice, now)?;
        let mut chosen: Vec<Option<SheetField>> = found.columns.iter().map(|c| c.field).collect();
        for c in columns {
            let (index, field) = column_choice(c)?;
            let Some(pos) = found.columns.iter().position(|c| c.index == index) else {
                return Err(Error::new(
                    ErrorCode::Invalid,
                    format!("Danh sách không có cột {c}."),
                ));
            };
            chosen[pos] = field;
        }
        choice.columns = Some(chosen);
    }
    let p = if dry_run {
        app::member_import::preview(store, file, &choice, now)?
    } else {
        app::member_import::apply(store, file, &choice, now)?
    };
    if json {
        return print_json(&p);
    }
    print_preview(&p);
    if dry_run {
        say!(
            "Sẽ nhập {} tổ viên; {} dòng bỏ qua; {} dòng lỗi. Chạy lại không có --dry-run để nhập.",
            p.to_add,
            p.skipped,
            p.errors
        );
    } else {
        say!(
            "Đã nhập {} tổ viên; {} dòng bỏ qua; {} dòng lỗi không nhập (sửa trong tệp rồi nhập lại: các dòng đã nhập sẽ được bỏ qua).",
            p.to_add,
            p.skipped,
            p.errors
        );
    }
    Ok(())
}

fn print_preview(p: &SheetPreview) {
    say!(
        "Tệp {}, trang “{}”, dòng tiêu đề {}.",
        p.file_name,
        p.sheet,
        p.header_row
    );
    if let Some(from) = &p.converted_from {
        say!("Chữ trong tệp được chuyển từ bảng mã {from} sang Unicode.");
    }
    for c in &p.columns {
        let meaning = c.field.map(|f| f.label()).unwrap_or("(không nhập)");
        say!("  Cột {} “{}”: {}", c.letter, c.header, meaning);
    }
    for r in &p.rows {
        let what = match r.action {
            RowAction::Add => "thêm",
            RowAction::Skip => "bỏ qua",
            RowAction::Error => "lỗi",
        };
        let m = &r.member;
        let mut line = format!("Dòng {}: {what} — {}", r.row, m.full_name);
        if !m.birth_date.is_empty() {
            line.push_str(&format!(", sinh {}", m.birth_date));
        }
        if let Some(role) = m.role.filter(|_| r.action == RowAction::Add) {
            line.push_str(&format!(", {}", role.label()));
        }
        say!("{line}");
        for x in &r.problems {
            say!("    {x}");
        }
        for w in &r.warnings {
            say!("    Lưu ý: {w}");
        }
    }
}

/// Writes the member list to `out` (.xlsx).
pub fn export(
    store: &Store,
    out: &Path,
    sensitive: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let file = app::members::export_xlsx(store, sensitive, now)?;
    ttq::save::save_file(out, &file.bytes)?;
    say!(
        "Đã lưu danh sách tổ viên vào {}{}.",
        out.display(),
        if sensitive {
            " (có số điện thoại và số CCCD: hãy giữ tệp cẩn thận)"
        } else {
            ""
        }
    );
    Ok(())
}

/// Writes "DANH SÁCH TỔ VIÊN" to `out` (.pdf), dated `typed_date` or today.
pub fn pdf(
    store: &Store,
    out: &Path,
    phones: bool,
    typed_date: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let on = app::document_date(typed_date, now)?;
    let file = app::members::pdf(store, phones, on, now)?;
    ttq::save::save_file(out, &file.bytes)?;
    say!("Đã lưu danh sách tổ viên (PDF) vào {}.", out.display());
    Ok(())
}

/// Saves the member's own data (`ttq member data`) as a PDF.
pub fn personal(
    store: &Store,
    id: &str,
    out: &Path,
    typed_date: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let on = app::document_date(typed_date, now)?;
    let file = app::members::personal_pdf(store, id, on)?;
    ttq::save::save_file(out, &file.bytes)?;
    say!(
        "Đã lưu phiếu thông tin cá nhân (PDF) vào {}.",
        out.display()
    );
    Ok(())
}
