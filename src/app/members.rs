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
