//! Members: the list with eligibility, one member and their history, and each change.

use crate::date;
use crate::error::Result;
use crate::model::member::{
    LeaveInput, Member, MemberEvent, MemberFilter, MemberInput, MemberList,
};
use crate::store::Store;
use chrono::{DateTime, Utc};

/// The members matching `filter`, with eligibility on the day of `now`.
pub fn list(store: &Store, filter: &MemberFilter, now: DateTime<Utc>) -> Result<MemberList> {
    store.list_members(filter, date::vn_today(now))
}

/// One member.
pub fn get(store: &Store, id: &str) -> Result<Member> {
    store.member(id)
}

/// What happened to a member: joined, role changes, left, anonymised.
pub fn history(store: &Store, id: &str) -> Result<Vec<MemberEvent>> {
    store.member_history(id)
}

/// The members in the group now as an Excel workbook; phones and CCCD only when
/// `sensitive`.
pub fn export_xlsx(store: &Store, sensitive: bool, now: DateTime<Utc>) -> Result<super::File> {
    let group = store.require_group()?;
    let rows = store.list_members(&MemberFilter::default(), date::vn_today(now))?;
    let members: Vec<Member> = rows
        .items
        .iter()
        .map(|r| store.member(&r.id))
        .collect::<Result<_>>()?;
    let today = date::vn_today(now);
    Ok(super::File {
        name: format!(
            "Danh sach to vien {}.xlsx",
            date::format(today).replace('/', "-")
        ),
        bytes: crate::member_sheet::export::workbook(&group.name, &members, sensitive)?,
    })
}

/// "DANH SÁCH TỔ VIÊN" as a printable PDF dated `issued_on`; phone numbers when `phones`.
pub fn pdf(
    store: &Store,
    phones: bool,
    issued_on: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<super::File> {
    let group = store.require_group()?;
    let rows = store.list_members(&MemberFilter::default(), date::vn_today(now))?;
    let doc = crate::report::members::document(&group, &rows.items, phones, &date::iso(issued_on));
    let (_, bytes) = crate::report::render(&doc);
    Ok(super::File {
        name: format!(
            "Danh sach to vien {}.pdf",
            date::format(issued_on).replace('/', "-")
        ),
        bytes,
    })
}

/// "PHIẾU THÔNG TIN CÁ NHÂN": everything the group holds about one member, for that
/// person, dated `issued_on`. Refused once the member's data has been anonymised (there is
/// nothing left to give).
pub fn personal_pdf(store: &Store, id: &str, issued_on: chrono::NaiveDate) -> Result<super::File> {
    let group = store.require_group()?;
    let m = store.member(id)?;
    if m.anonymised {
        return Err(crate::error::Error::new(
            crate::error::ErrorCode::Conflict,
            "Dữ liệu cá nhân của người này đã được ẩn danh: tổ không còn lưu thông tin gì để in.",
        ));
    }
    let (seats, attended) = store.member_seats(id)?;
    let more = crate::report::personal::Involvement {
        seats,
        attended,
        reported: store.incidents_reported_by(id)?,
    };
    let doc = crate::report::personal::document(
        &group,
        &m,
        &store.member_history(id)?,
        &more,
        &date::iso(issued_on),
    );
    let (_, bytes) = crate::report::render(&doc);
    Ok(super::File {
        name: format!(
            "Thong tin ca nhan {} {}.pdf",
            super::file_safe(&crate::text::fold(&m.full_name)),
            date::format(issued_on).replace('/', "-")
        ),
        bytes,
    })
}

/// Checks a member's form without saving it.
pub fn validate(store: &Store, input: &MemberInput, now: DateTime<Utc>) -> Result<()> {
    store.validate_member(input, now)
}

/// Adds a member.
pub fn add(store: &mut Store, input: &MemberInput, now: DateTime<Utc>) -> Result<Member> {
    store.add_member(input, now)
}

/// Saves a member's form.
pub fn edit(
    store: &mut Store,
    id: &str,
    input: &MemberInput,
    now: DateTime<Utc>,
) -> Result<Member> {
    store.edit_member(id, input, now)
}

/// Records that a member left the group.
pub fn leave(
    store: &mut Store,
    id: &str,
    input: &LeaveInput,
    now: DateTime<Utc>,
) -> Result<Member> {
    store.leave_member(id, input, now)
}

/// Erases a leaver's personal data, keeping role and dates for past counts.
pub fn anonymise(store: &mut Store, id: &str, now: DateTime<Utc>) -> Result<Member> {
    super::backup::automatic(store, crate::backup::Occasion::BeforeAnonymise, now);
    store.anonymise_member(id, now)
}
