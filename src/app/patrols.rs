//! Patrol tasks that compose the roster's rows with the month's figures.

use crate::error::Result;
use crate::figures;
use crate::model::figures::PatrolFigures;
use crate::store::Store;

/// The month's patrol figures: shifts planned and held, member-turns, time, attendance.
pub fn figures(store: &Store, month: &str) -> Result<PatrolFigures> {
    let group = store.require_group()?;
    let p = super::period(&super::month(month)?)?;
    Ok(figures::patrols(&store.shift_facts(&group.id, p)?, p))
}
