//! The core's integration tests, one module per area, in one test binary (each binary links
//! the whole crate, so one is much quicker to build than eleven). They run against temporary
//! databases, at fixed instants.

mod backup;
mod common;
mod layers;
mod ledger;
mod ledger_sheet;
mod lock;
mod member_import;
mod members;
mod monthly;
mod patrol;
mod personal;
mod practice;
mod report;
mod retention;
mod robustness;
mod roster;
mod roster_edits;
mod store;
mod sync;
mod todo;
mod upgrade;
mod ward;
mod ward_glance;
mod ward_key;
