//! Patrol rosters (issue 3, in progress): the calendar they need so far.

pub mod generate;
pub mod holidays;
pub mod lunar;
