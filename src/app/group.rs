//! The group: set it up (with its signing key), change its details, read them.

use crate::error::Result;
use crate::model::group::{Group, GroupInput, GroupSetup};
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
