//! Keeping a leaver's personal data no longer than the group decided: a setting of N years
//! after leaving, the list of who is due (shown before anything is done), and anonymising
//! exactly those after the user agreed.

use crate::date;
use crate::error::{Error, FieldError, Result};
use crate::model::member::{DueLeaver, Member, MemberFilter, MemberStatus, Retention};
use crate::store::Store;
use chrono::{DateTime, Months, NaiveDate, Utc};

/// Where the setting is kept (this computer's `meta`).
const SETTING: &str = "anonymise_after_years";
/// The longest setting accepted.
pub const MAX_YEARS: u32 = 20;

fn years(store: &Store) -> Result<Option<u32>> {
    Ok(store
        .local_value(SETTING)?
        .and_then(|v| v.parse().ok())
        .filter(|y| (1..=MAX_YEARS).contains(y)))
}

/// The setting and the leavers due on `today`.
pub fn get(store: &Store, today: NaiveDate) -> Result<Retention> {
    let years = years(store)?;
    let mut due = Vec::new();
    if let Some(y) = years {
        let left = store.list_members(
            &MemberFilter {
                status: MemberStatus::Left,
                ..Default::default()
            },
            today,
        )?;
        for m in left.items.into_iter().filter(|m| !m.anonymised) {
            let Some(left_on) = m.left_on.as_deref().and_then(date::from_iso) else {
                continue;
            };
            // 29/02 plus whole years falls on 28/02.
            let due_on = left_on
                .checked_add_months(Months::new(12 * y))
                .unwrap_or(NaiveDate::MAX);
            if due_on <= today {
                due.push(DueLeaver {
                    id: m.id,
                    full_name: m.full_name,
                    left_on: date::iso(left_on),
                    due_on: date::iso(due_on),
                });
            }
        }
        due.sort_by(|a, b| a.left_on.cmp(&b.left_on).then(a.id.cmp(&b.id)));
    }
    Ok(Retention { years, due })
}

/// Sets how many years after leaving a leaver's data is kept (1–20); none turns it off.
pub fn set(store: &Store, years: Option<u32>, today: NaiveDate) -> Result<Retention> {
    if let Some(y) = years {
        if !(1..=MAX_YEARS).contains(&y) {
            return Err(Error::invalid(vec![FieldError::new(
                "years",
                format!("Số năm giữ dữ liệu từ 1 đến {MAX_YEARS}."),
            )]));
        }
    }
    store.set_local_value(SETTING, years.map(|y| y.to_string()).as_deref())?;
    get(store, today)
}

/// Anonymises the leavers in `ids` that are still due (the list the user was shown), after
/// one automatic backup; the members as they are now.
pub fn apply(store: &mut Store, ids: &[String], now: DateTime<Utc>) -> Result<Vec<Member>> {
    let due = get(store, date::vn_today(now))?.due;
    let chosen: Vec<&DueLeaver> = due.iter().filter(|d| ids.contains(&d.id)).collect();
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    super::backup::automatic(store, crate::backup::Occasion::BeforeAnonymise, now);
    chosen
        .into_iter()
        .map(|d| store.anonymise_member(&d.id, now))
        .collect()
}
