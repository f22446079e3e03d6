//! Importing the group's member list from a spreadsheet: a preview row by row, then the
//! rows to add saved in one transaction (after a backup).

use crate::backup::Occasion;
use crate::date;
use crate::error::{Error, ErrorCode, Result};
use crate::member_sheet::{self, Context, Existing};
use crate::model::commune::CommuneKind;
use crate::model::member::import::{RowAction, SheetChoice, SheetPreview};
use crate::model::member::{Birth, MemberFilter, MemberStatus};
use crate::store::Store;
use chrono::{DateTime, Utc};
use std::path::Path;

/// What importing the list at `path` would do, nothing saved.
pub fn preview(
    store: &Store,
    path: &Path,
    choice: &SheetChoice,
    now: DateTime<Utc>,
) -> Result<SheetPreview> {
    let group = store.require_group()?;
    let all = MemberFilter {
        status: MemberStatus::All,
        ..Default::default()
    };
    let existing: Vec<Existing> = store
        .list_members(&all, date::vn_today(now))?
        .items
        .into_iter()
        .filter(|m| !m.anonymised)
        .map(|m| Existing {
            birth: m.birth_date.as_deref().and_then(Birth::from_stored),
            full_name: m.full_name,
            role: m.role,
            active: m.left_on.is_none(),
        })
        .collect();
    let book = member_sheet::read(path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    member_sheet::preview(
        &book,
        &file_name,
        choice,
        &Context {
            existing: &existing,
            today: date::vn_today(now),
            commune: CommuneKind::of(&group.commune_name),
        },
    )
}

/// Adds the rows the preview would add, all in one transaction; returns what was done.
/// Rows with errors and skipped rows are left out, as the preview said.
pub fn apply(
    store: &mut Store,
    path: &Path,
    choice: &SheetChoice,
    now: DateTime<Utc>,
) -> Result<SheetPreview> {
    let p = preview(store, path, choice, now)?;
    let inputs: Vec<_> = p
        .rows
        .iter()
        .filter(|r| r.action == RowAction::Add)
        .map(|r| r.member.clone())
        .collect();
    if inputs.is_empty() {
        return Err(Error::new(
            ErrorCode::Conflict,
            "Danh sách không có dòng nào để nhập thêm (các dòng đã có trong tổ, bị bỏ qua hoặc còn lỗi).",
        ));
    }
    super::backup::automatic(store, Occasion::BeforeImport, now);
    store.add_members(&inputs, now)?;
    Ok(p)
}
