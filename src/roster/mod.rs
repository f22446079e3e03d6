//! Patrol rosters: the lunar calendar and holidays, fair generation, and iCalendar export.

pub mod generate;
pub mod holidays;
pub mod ics;
pub mod lunar;
