//! What the incident and activity commands share: the month filter and the default editor.

use ttq::{app, date, Result, Store};

/// A month typed as `YYYY-MM` or `MM/YYYY`, checked.
pub fn month(m: Option<String>) -> Result<Option<String>> {
    m.map(|m| date::parse_month(&m).ok_or_else(|| date::bad_month(&m)))
        .transpose()
}

/// The editor of a change when none is given: the group's leader.
pub fn default_editor(store: &Store) -> Result<String> {
    Ok(app::group::get(store)?.leader_name.unwrap_or_default())
}
