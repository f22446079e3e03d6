//! Patrol rosters (pure): the lunar calendar and holidays, fair generation, the roster as
//! people read it (tallies, gaps, broken rules), and iCalendar export.

pub mod generate;
pub mod holidays;
pub mod ics;
pub mod lunar;
pub mod view;
