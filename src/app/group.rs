//! The group: set it up (with its signing key), change its details, read them; and the
//! national list of places its commune and province are picked from.

use crate::error::{FieldError, Result};
use crate::model::group::{self, Group, GroupInput, GroupSetup};
use crate::places::{self, Place, Province};
use crate::store::Store;
use crate::sync::keys;
use chrono::{DateTime, Utc};

/// Creates the group and its leader, with the group's signing key, in one transaction.
pub fn create(store: &mut Store, setup: &GroupSetup, now: DateTime<Utc>) -> Result<Group> {
    let k = keys::generate()?;
    store.create_group(setup, &k.public_hex, &k.secret_hex, now)
}

/// Changes the group's details.
pub fn update(store: &mut Store, input: &GroupInput, now: DateTime<Utc>) -> Result<Group> {
    store.update_group(input, now)
}

/// The group, or the message to set it up first.
pub fn get(store: &Store) -> Result<Group> {
    store.require_group()
}

/// What is wrong with a set-up so far, field by field (leader's fields as `leader.…`), so
/// the wizard checks each step on "Tiếp tục" rather than all at the end.
pub fn check_setup(setup: &GroupSetup, now: DateTime<Utc>) -> Vec<FieldError> {
    match group::validate_setup(setup, crate::date::vn_today(now)) {
        Ok(_) => Vec::new(),
        Err(e) => e.fields,
    }
}

/// The 34 provinces and centrally-run cities, by code.
pub fn provinces() -> Vec<Province> {
    places::provinces().to_vec()
}

/// Communes, wards and special zones matching what was typed (no diacritics needed),
/// optionally in one province.
pub fn find_places(query: &str, province_code: Option<&str>, limit: usize) -> Vec<Place> {
    places::search(query, province_code, limit)
}

/// What looks wrong about a group's or a ward's codes against the national list; they are
/// saved anyway, because lists change.
pub fn place_warnings(commune_code: &str, commune_name: &str, province_code: &str) -> Vec<String> {
    places::check(commune_code, commune_name, province_code)
}
