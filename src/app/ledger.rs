//! Ledger tasks that compose the records with the month's figures.

use crate::error::Result;
use crate::figures;
use crate::model::activity::ActivitySummary;
use crate::store::Store;

/// The month's activity figures that the monthly report adds up (struck records not counted).
pub fn activity_summary(store: &Store, month: &str) -> Result<ActivitySummary> {
    let group = store.require_group()?;
    let p = super::period(&super::month(month)?)?;
    Ok(figures::activities(&store.activity_facts(&group.id, p)?, p))
}
